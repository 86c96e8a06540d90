"""A workplace's risk documents, shared by every pupil placed there, and the pupil's health
assessment (8.1.4)."""

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.views import StaffRequiredMixin
from internships.forms.risks import HealthAssessmentForm, RiskAssessmentForm, WorkstationSheetForm
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


class WorkplaceDocumentView(StaffRequiredMixin, View, ABC):
    """Uploads a document of a workplace the user may see."""

    form_class: type
    title = ""

    @abstractmethod
    def save(self, workplace, data: dict) -> None:
        """Records the uploaded document through its service."""

    def get(self, request, workplace_pk):
        workplace = workplace_get_for(request.principal, workplace_pk)
        return self.render(workplace, self.form_class())

    def post(self, request, workplace_pk):
        workplace = workplace_get_for(request.principal, workplace_pk)
        form = self.form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.save(workplace, form.cleaned_data)
                messages.success(request, _("Document opgeladen."))
                return redirect("internships:workplace-detail", workplace.pk)
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(workplace, form)

    def render(self, workplace, form):
        url = reverse("internships:workplace-detail", args=[workplace.pk])
        context = {
            "form": form,
            "title": self.title,
            "intro": _(
                "De risicodocumenten van de stagegever gelden voor elke leerling op deze "
                "stageplaats (8.1.4)."
            ),
            "parent": workplace,
            "parent_url": url,
            "cancel_url": url,
        }
        return render(self.request, "internships/child_form.html", context)


class RiskAssessmentCreateView(WorkplaceDocumentView):
    form_class = RiskAssessmentForm
    title = gettext_lazy("Risicoanalyse opladen")

    def save(self, workplace, data) -> None:
        services.risk_assessment_upload(workplace=workplace, user=self.request.user, **data)


class WorkstationSheetCreateView(WorkplaceDocumentView):
    form_class = WorkstationSheetForm
    title = gettext_lazy("Werkpostfiche opladen")

    def save(self, workplace, data) -> None:
        services.workstation_sheet_upload(workplace=workplace, user=self.request.user, **data)


class HealthAssessmentCreateView(PlacementChildMixin, View):
    """Records the pupil's health assessment from the placement that needs it."""

    def get(self, request, **kwargs):
        return self.render(self.get_placement(), HealthAssessmentForm())

    def post(self, request, **kwargs):
        placement = self.get_placement()
        form = HealthAssessmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.health_assessment_upload(
                    student=placement.student, user=request.user, **form.cleaned_data
                )
                return self.done(placement, _("Gezondheidsbeoordeling opgeladen."))
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(placement, form)

    def render(self, placement, form):
        url = reverse("internships:placement-detail", args=[placement.pk])
        context = {
            "form": form,
            "title": _("Gezondheidsbeoordeling van %(student)s") % {"student": placement.student},
            "intro": _(
                "De beoordeling blijft geldig voor latere stages zolang de risicoanalyse geen "
                "nieuwe risico's aanwijst (8.1.4)."
            ),
            "parent": placement,
            "parent_url": url,
            "cancel_url": url,
        }
        return render(self.request, "internships/child_form.html", context)
