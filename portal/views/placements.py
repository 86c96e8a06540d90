"""A link holder's placement: the agreement, the schedule, the activity list, the risk documents
and the absences, with what a mentor does there (8.1.3, 8.2.3, section 4).

Every page reads the placement with the link's principal (the placement page through
``portal_placement_get``, with what it shows; the actions through ``placement_get_for``), so a
mentor never opens another mentor's intern (404). The actions check the link's capability twice:
here, and again in the service.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core.principals import Capability, MentorLink
from core.views import LinkRequiredMixin, ServiceFormView, file_response
from internships.forms.activities import ActivityDoneForm
from internships.forms.placements import MentorAbsenceForm
from internships.models import Absence, Placement, School
from internships.selectors.agreements import agreement_latest_version
from internships.selectors.hosts import risk_assessment_get_for, workstation_sheet_get_for
from internships.selectors.placements import placement_get_for
from internships.selectors.risks import latest_risk_assessment
from internships.selectors.schedules import planned_hours_by_period
from internships.services import absences as absence_services
from internships.services import activities as activity_services
from portal.selectors import portal_placement_get, portal_placement_header


class PortalPlacementMixin(LinkRequiredMixin):
    """A page of one placement the link holder may see."""

    @cached_property
    def placement(self) -> Placement:
        return placement_get_for(self.request.principal, self.kwargs["placement_pk"])

    def placement_url(self, anchor: str = "") -> str:
        return reverse("portal:placement", args=[self.placement.pk]) + anchor


class PlacementView(PortalPlacementMixin, TemplateView):
    """The header and the link holder's rights come from the placement the link may see; the
    rest of the page (its ``{% fresh %}`` fragment, cached until the school's data changes) is
    read only when it is not cached: :meth:`shown`."""

    template_name = "portal/placement.html"

    @cached_property
    def placement(self) -> Placement:
        return portal_placement_header(self.request.principal, self.kwargs["placement_pk"])

    def get_context_data(self, **kwargs):
        principal = self.request.principal
        return super().get_context_data(
            placement=self.placement,
            shown=SimpleLazyObject(self.shown),
            is_mentor=isinstance(principal, MentorLink),
            can_confirm=principal.can(Capability.CONFIRM_ACTIVITIES),
            can_tick=principal.can(Capability.TICK_ACTIVITIES),
            can_report_absence=principal.can(Capability.REPORT_ABSENCE),
            done_form=ActivityDoneForm(),
            # The header's school, read with the placement (``portal.context_processors``).
            portal_school=self.placement.school,
            **kwargs,
        )

    def shown(self) -> dict:
        """What the page shows of the placement, each row read once."""
        placement = portal_placement_get(self.request.principal, self.placement.pk)
        agreement = getattr(placement, "agreement", None)
        version = agreement_latest_version(agreement) if agreement else None
        if version is not None and version.is_draft:
            version = None
        hours = planned_hours_by_period(placement)
        activity_list = getattr(placement, "activity_list", None)
        return {
            "placement": placement,
            "version": version,
            "content": version.content if version else None,
            "period_rows": [
                {"period": period, "planned_hours": hours[period.pk]}
                for period in placement.periods.all()
            ],
            "activity_list": activity_list,
            "activities": list(activity_list.activities.all()) if activity_list else [],
            "risk_assessment": latest_risk_assessment(placement.workplace),
            "workstation_sheets": list(placement.workplace.workstation_sheets.all()),
            "absences": list(placement.absences.all()),
        }


class ActivityListConfirmView(PortalPlacementMixin, View):
    """The mentor confirms the activity list (annex 3: 'bevestigt de stageactiviteiten')."""

    required_capability = Capability.CONFIRM_ACTIVITIES
    link_kinds = (MentorLink,)
    http_method_names = ["post"]

    def post(self, request, **kwargs) -> HttpResponse:
        activity_list = getattr(self.placement, "activity_list", None)
        if activity_list is None:
            raise Http404
        try:
            activity_services.activity_list_confirm(
                activity_list=activity_list, principal=request.principal
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Bedankt: de activiteitenlijst is bevestigd."))
        return redirect(self.placement_url("#activities"))


class ActivityDoneView(PortalPlacementMixin, View):
    """The mentor ticks an activity off as done, with a comment, or unticks it (8.2.3)."""

    required_capability = Capability.TICK_ACTIVITIES
    link_kinds = (MentorLink,)
    http_method_names = ["post"]

    def post(self, request, **kwargs) -> HttpResponse:
        activity_list = getattr(self.placement, "activity_list", None)
        if activity_list is None:
            raise Http404
        activity = get_object_or_404(activity_list.activities, pk=self.kwargs["pk"])
        form = ActivityDoneForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect(self.placement_url(f"#a{activity.pk}"))
        try:
            activity_services.activity_mark_done(
                activity=activity, principal=request.principal, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Bewaard: %(activity)s.") % {"activity": activity})
        return redirect(self.placement_url(f"#a{activity.pk}"))


class AbsenceReportView(PortalPlacementMixin, ServiceFormView):
    """The mentor reports an absence; the school judges it (section 4)."""

    required_capability = Capability.REPORT_ABSENCE
    link_kinds = (MentorLink,)
    template_name = "portal/form.html"
    form_class = MentorAbsenceForm
    success_message = gettext_lazy(
        "Bedankt: de afwezigheid is gemeld aan de school, die ze beoordeelt."
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            placement=self.placement,
            title=_("Afwezigheid melden"),
            cancel_url=self.placement_url("#absences"),
            **kwargs,
        )

    def perform(self, form) -> Absence:
        return absence_services.absence_report(
            placement=self.placement, principal=self.request.principal, **form.cleaned_data
        )

    def get_success_url(self) -> str:
        return self.placement_url("#absences")


class RiskDocumentView(LinkRequiredMixin, View):
    """The workplace's risk assessment or workstation sheet, for whoever sees the workplace."""

    getters = {"risk": risk_assessment_get_for, "workstation": workstation_sheet_get_for}

    def get(self, request, kind: str, pk: int) -> FileResponse:
        getter = self.getters.get(kind)
        if getter is None:
            raise Http404
        return file_response(getter(request.principal, pk).document)


class SchoolLogoView(LinkRequiredMixin, View):
    """The logo of the link holder's school, for the portal's header."""

    def get(self, request) -> FileResponse:
        school = School.objects.filter(pk=request.principal.school_id).first()
        if school is None or not school.logo:
            raise Http404
        try:
            handle = school.logo.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(handle)
        response["Cache-Control"] = "private, max-age=3600"
        return response
