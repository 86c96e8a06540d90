"""A workplace's risk documents, shared by every pupil placed there, and the pupil's health
assessment (8.1.4)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.views import ServiceFormView, StaffRequiredMixin
from internships.forms.risks import HealthAssessmentForm, RiskAssessmentForm, WorkstationSheetForm
from internships.models import (
    HealthAssessment,
    RiskAssessment,
    Workplace,
    WorkstationSheet,
)
from internships.selectors.hosts import workplace_get_for
from internships.selectors.placements import placements_visible_to
from internships.services import risks as services
from internships.views.placements import PlacementChildMixin


class WorkplaceDetailView(StaffRequiredMixin, View):
    def get(self, request, pk):
        workplace = workplace_get_for(request.principal, pk)
        risk_assessments = list(workplace.risk_assessments.select_related("uploaded_by"))
        context = {
            "workplace": workplace,
            "host": workplace.host,
            "risk_assessments": risk_assessments,
            "latest": risk_assessments[0] if risk_assessments else None,
            "sheets": workplace.workstation_sheets.select_related("uploaded_by"),
            "placements": placements_visible_to(request.principal)
            .filter(workplace=workplace, school_year=request.school_year)
            .select_related("student", "mentor"),
        }
        return render(request, "internships/workplace_detail.html", context)


class WorkplaceDocumentView(StaffRequiredMixin, ServiceFormView):
    """Uploads a document of a workplace the user may see; a subclass names its form, title
    and service."""

    title = ""
    success_message = gettext_lazy("Document opgeladen.")

    @cached_property
    def workplace(self) -> Workplace:
        return workplace_get_for(self.request.principal, self.kwargs["workplace_pk"])

    def get_context_data(self, **kwargs):
        url = reverse("internships:workplace-detail", args=[self.workplace.pk])
        return super().get_context_data(
            title=self.title,
            intro=_(
                "De risicodocumenten van de stagegever gelden voor elke leerling op deze "
                "stageplaats (8.1.4)."
            ),
            parent=self.workplace,
            parent_url=url,
            cancel_url=url,
            **kwargs,
        )

    def get_success_url(self) -> str:
        return reverse("internships:workplace-detail", args=[self.workplace.pk])


class RiskAssessmentCreateView(WorkplaceDocumentView):
    form_class = RiskAssessmentForm
    title = gettext_lazy("Risicoanalyse opladen")

    def perform(self, form) -> RiskAssessment:
        return services.risk_assessment_upload(
            workplace=self.workplace, user=self.request.user, **form.cleaned_data
        )


class WorkstationSheetCreateView(WorkplaceDocumentView):
    form_class = WorkstationSheetForm
    title = gettext_lazy("Werkpostfiche opladen")

    def perform(self, form) -> WorkstationSheet:
        return services.workstation_sheet_upload(
            workplace=self.workplace, user=self.request.user, **form.cleaned_data
        )


class HealthAssessmentCreateView(PlacementChildMixin, ServiceFormView):
    """Records the pupil's health assessment from the placement that needs it."""

    form_class = HealthAssessmentForm
    success_message = gettext_lazy("Gezondheidsbeoordeling opgeladen.")

    def get_context_data(self, **kwargs):
        url = reverse("internships:placement-detail", args=[self.placement.pk])
        return super().get_context_data(
            title=_("Gezondheidsbeoordeling van %(student)s") % {"student": self.placement.student},
            intro=_(
                "De beoordeling blijft geldig voor latere stages zolang de risicoanalyse geen "
                "nieuwe risico's aanwijst (8.1.4)."
            ),
            parent=self.placement,
            parent_url=url,
            cancel_url=url,
            **kwargs,
        )

    def perform(self, form) -> HealthAssessment:
        return services.health_assessment_upload(
            student=self.placement.student, user=self.request.user, **form.cleaned_data
        )

    def get_success_url(self) -> str:
        return reverse("internships:placement-detail", args=[self.placement.pk])
