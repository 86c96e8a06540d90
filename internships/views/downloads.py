"""Private documents, served only to staff who may see what they belong to (else 404)."""

import os
from collections.abc import Callable

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers
from django.views import View

from internships.selectors import (
    health_assessment_get_for_user,
    risk_assessment_get_for_user,
    signature_get_for_user,
    workstation_sheet_get_for_user,
)
from internships.validators import DOCUMENT_CONTENT_TYPES, document_extension
from internships.views.base import StaffRequiredMixin


def file_response(file: FieldFile) -> FileResponse:
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = os.path.basename(file.name)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=DOCUMENT_CONTENT_TYPES.get(
            document_extension(name), "application/octet-stream"
        ),
    )
    add_never_cache_headers(response)
    return response


class DocumentDownloadView(StaffRequiredMixin, View):
    """Subclasses name ``getter(user, pk)``, a selector that answers 404 outside reach."""

    getter: Callable
    field = "document"

    def get(self, request, pk):
        obj = self.getter(request.user, pk)
        return file_response(getattr(obj, self.field))


class RiskAssessmentDownloadView(DocumentDownloadView):
    getter = staticmethod(risk_assessment_get_for_user)


class WorkstationSheetDownloadView(DocumentDownloadView):
    getter = staticmethod(workstation_sheet_get_for_user)


class HealthAssessmentDownloadView(DocumentDownloadView):
    getter = staticmethod(health_assessment_get_for_user)


class SignatureScanView(DocumentDownloadView):
    getter = staticmethod(signature_get_for_user)
    field = "scan"
