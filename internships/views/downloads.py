"""Private documents, served only to staff who may see what they belong to (else 404)."""

from collections.abc import Callable

from django.views import View

from core.views import StaffRequiredMixin, file_response
from internships.selectors.agreements import signature_get_for
from internships.selectors.hosts import (
    health_assessment_get_for,
    risk_assessment_get_for,
    workstation_sheet_get_for,
)


class DocumentDownloadView(StaffRequiredMixin, View):
    """Subclasses name ``getter(principal, pk)``, a selector that answers 404 outside reach."""

    getter: Callable
    field = "document"

    def get(self, request, pk):
        obj = self.getter(request.principal, pk)
        return file_response(getattr(obj, self.field))


class RiskAssessmentDownloadView(DocumentDownloadView):
    getter = staticmethod(risk_assessment_get_for)


class WorkstationSheetDownloadView(DocumentDownloadView):
    getter = staticmethod(workstation_sheet_get_for)


class HealthAssessmentDownloadView(DocumentDownloadView):
    getter = staticmethod(health_assessment_get_for)


class SignatureScanView(DocumentDownloadView):
    getter = staticmethod(signature_get_for)
    field = "scan"
