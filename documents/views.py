"""Views of the documents app: request, follow, download and retry documents.

Views stay thin: the services create and queue documents, the selectors decide who may see
them (404 outside a user's reach, as on the subject's own page), the task does the work.
"""

import datetime

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
from visits.selectors import supervisor_get_for

STATUS_TEMPLATE = "documents/partials/document.html"


def subject_url(document: Document) -> str:
    """The page a document belongs on: its placement's page, the supervisor's travel expenses
    of the month, or the inspection page."""
    if document.placement_id:
        return reverse("internships:placement-detail", args=[document.placement_id])
    if document.supervisor_id:
        return travel_expenses_url(document.supervisor_id, document.month)
    return reverse("documents:inspection")


def travel_expenses_url(supervisor_pk: int, month: datetime.date) -> str:
    return f"{reverse('visits:expenses')}?maand={month:%Y-%m}&begeleider={supervisor_pk}"


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


class TravelExpensesRequestView(StaffRequiredMixin, View):
    """Asks for a supervisor's travel expense report of a month as a PDF (7.2); the supervisor
    themselves or a coordinator. An htmx request gets the document's line, which follows its
    progress; without htmx the download follows when the PDF is ready at once (no broker),
    else the report page."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        supervisor_pk = request.POST.get("supervisor", "")
        if not supervisor_pk.isdigit():
            raise Http404
        supervisor = supervisor_get_for(request.principal, int(supervisor_pk))
        try:
            month = datetime.datetime.strptime(request.POST.get("month", ""), "%Y-%m").date()
        except ValueError:
            raise Http404 from None
        document = services.document_request(
            kind=Document.Kind.TRAVEL_EXPENSES,
            principal=request.principal,
            supervisor=supervisor,
            month=month,
        )
        fallback = travel_expenses_url(supervisor.pk, month)
        # Without a broker the PDF was made when the request's transaction committed.
        document.refresh_from_db()
        if request.htmx:
            context = {"document": document, "next_url": current_page(request, fallback)}
            return render(request, STATUS_TEMPLATE, context)
        if document.is_ready:
            return redirect("documents:download", pk=document.pk)
        messages.success(request, _("Het document wordt gemaakt."))
        return redirect(safe_next(request, fallback))


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
