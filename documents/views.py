"""Views of the documents app: request, follow, download and retry documents.

Views stay thin: the services create and queue documents, the selectors decide who may see
them (404 outside a user's reach, as on the subject's own page), the task does the work.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.views import CoordinatorRequiredMixin, ServiceFormView, StaffRequiredMixin
from documents.forms import PlacementDocumentForm, SchoolYearDocumentForm
from documents.models import Document
from documents.selectors import (
    document_get_for,
    printable_agreement_versions,
    programmes_of_school,
    school_year_documents,
)
from documents.services import requests as services
from documents.templatetags.documents_tags import (
    CARD_TEMPLATE,
    current_page,
    placement_card_context,
)
from internships.selectors.placements import placement_get_for

STATUS_TEMPLATE = "documents/partials/document.html"


def subject_url(document: Document) -> str:
    """The page a document belongs on: its placement's page or the inspection page."""
    if document.placement_id:
        return reverse("internships:placement-detail", args=[document.placement_id])
    return reverse("documents:inspection")


def safe_next(request: HttpRequest, fallback: str) -> str:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


class PlacementDocumentRequestView(StaffRequiredMixin, View):
    """Asks for a placement's agreement PDF or individual dossier; answers at once."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, placement_pk: int) -> HttpResponse:
        placement = placement_get_for(request.principal, placement_pk)
        form = PlacementDocumentForm(
            request.POST, agreement_versions=printable_agreement_versions(placement)
        )
        error = ""
        if form.is_valid():
            try:
                services.document_request(
                    kind=form.cleaned_data["kind"],
                    principal=request.principal,
                    placement=placement,
                    agreement_version=form.cleaned_data["agreement_version"],
                )
            except ValidationError as exception:
                error = error_text(exception)
        else:
            error = _("Dit document kan niet gemaakt worden.")
        if request.htmx:
            context = placement_card_context(request, placement, error=error)
            return HttpResponse(render_to_string(CARD_TEMPLATE, context, request=request))
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("Het document wordt gemaakt."))
        return redirect("internships:placement-detail", pk=placement.pk)


class DocumentStatusView(StaffRequiredMixin, View):
    """The document's line with its progress; htmx polls it while the document is made."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = document_get_for(request.principal, pk)
        context = {"document": document, "next_url": current_page(request, subject_url(document))}
        return render(request, STATUS_TEMPLATE, context)


class DocumentDownloadView(StaffRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        document = document_get_for(request.principal, pk)
        if document.status != Document.Status.READY:
            raise Http404(_("Dit document is nog niet klaar."))
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.download_name,
            content_type=document.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        return response


class DocumentRetryView(StaffRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = document_get_for(request.principal, pk)
        error = ""
        try:
            document = services.document_retry(document=document, user=request.user)
        except ValidationError as exception:
            error = error_text(exception)
        if request.htmx:
            context = {
                "document": document,
                "next_url": current_page(request, subject_url(document)),
            }
            return render(request, STATUS_TEMPLATE, context)
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("Het document wordt opnieuw gemaakt."))
        return redirect(safe_next(request, subject_url(document)))


class InspectionView(CoordinatorRequiredMixin, ServiceFormView):
    """Inspectiedossier: the general dossier and the ZIP export of a school year."""

    template_name = "documents/inspection.html"
    form_class = SchoolYearDocumentForm
    success_message = gettext_lazy("Het document wordt gemaakt; de voortgang staat hieronder.")
    paginate_by = 20

    def get_initial(self) -> dict:
        return {"school_year": self.request.school_year}

    def get_form_kwargs(self) -> dict:
        return {
            **super().get_form_kwargs(),
            "programmes": programmes_of_school(self.request.principal),
        }

    def get_context_data(self, **kwargs):
        paginator = Paginator(school_year_documents(self.request.principal), self.paginate_by)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page,
            documents=page.object_list,
            next_url=self.request.get_full_path(),
            **kwargs,
        )

    def form_invalid(self, form: SchoolYearDocumentForm) -> HttpResponse:
        """The form shown again, with its errors, as a 400."""
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def perform(self, form: SchoolYearDocumentForm) -> Document:
        return services.document_request(principal=self.request.principal, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("documents:inspection")
