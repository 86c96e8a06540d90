"""The mentor's pages through their personal link: the weeks of an intern, confirming a week in
one tap, correcting it day by day, reporting an incident (5.1, annex 3).

Every page reads the placement through ``placement_get_for`` with the link's principal, so a
mentor never opens another mentor's intern (404); the pupil and the guardian have no
``CONFIRM_HOURS`` (403). The services check the capability again.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from attendance.forms import IncidentForm, WeekForm
from attendance.models import AttendanceWeek, Incident
from attendance.selectors.weeks import placement_weeks
from attendance.services import incidents as incident_services
from attendance.services import weeks as week_services
from attendance.views.common import WeekMixin, as_form_error
from core.principals import Capability, MentorLink
from core.views import LinkRequiredMixin, ServiceFormView
from internships.models import Placement
from internships.selectors.placements import placement_get_for


class MentorPlacementMixin(LinkRequiredMixin):
    required_capability = Capability.CONFIRM_HOURS
    link_kinds = (MentorLink,)

    @cached_property
    def placement(self) -> Placement:
        return placement_get_for(self.request.principal, self.kwargs["placement_pk"])

    def weeks_url(self, monday=None) -> str:
        anchor = f"#w{monday:%Y%m%d}" if monday else ""
        return reverse("attendance:portal-weeks", args=[self.placement.pk]) + anchor


class WeeksView(MentorPlacementMixin, TemplateView):
    """The intern's weeks: planned hours, and the worked hours once confirmed."""

    template_name = "attendance/portal_weeks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            placement=self.placement,
            weeks=placement_weeks(self.placement, today=timezone.localdate()),
            **kwargs,
        )


class WeekConfirmView(MentorPlacementMixin, WeekMixin, View):
    """'Bevestig deze week': the week was worked as planned."""

    http_method_names = ["post"]

    def post(self, request, **kwargs) -> HttpResponse:
        try:
            week_services.attendance_week_confirm(
                placement=self.placement, monday=self.monday, principal=request.principal
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Bedankt: de week van %(monday)s is bevestigd zoals gepland.")
                % {"monday": self.monday.strftime("%d/%m")},
            )
        if request.POST.get("back") == "placement":
            return redirect(reverse("portal:placement", args=[self.placement.pk]) + "#attendance")
        return redirect(self.weeks_url(self.monday))


class WeekCorrectView(MentorPlacementMixin, WeekMixin, ServiceFormView):
    """The week day by day: other hours or breaks, a day not worked, an unplanned day, force
    majeure for overtime (5.1)."""

    template_name = "attendance/portal_week_form.html"
    form_class = WeekForm
    success_message = gettext_lazy("Bedankt: de gewerkte uren van deze week zijn bewaard.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, week=self.week, **kwargs)

    def perform(self, form) -> AttendanceWeek:
        try:
            return week_services.attendance_week_correct(
                placement=self.placement,
                monday=self.monday,
                principal=self.request.principal,
                days=form.worked_days(),
            )
        except ValidationError as error:
            raise as_form_error(error) from None

    def get_success_url(self) -> str:
        return self.weeks_url(self.monday)


class IncidentReportView(LinkRequiredMixin, ServiceFormView):
    """The mentor reports an incident; the supervisor and the coordinators are told."""

    required_capability = Capability.REPORT_INCIDENT
    link_kinds = (MentorLink,)
    template_name = "attendance/portal_incident_form.html"
    form_class = IncidentForm
    success_message = gettext_lazy("Bedankt: het incident is gemeld aan de school.")

    @cached_property
    def placement(self) -> Placement:
        return placement_get_for(self.request.principal, self.kwargs["placement_pk"])

    def get_initial(self) -> dict:
        return {"date": min(timezone.localdate(), self.placement.end_date)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)

    def perform(self, form) -> Incident:
        return incident_services.incident_report(
            placement=self.placement, principal=self.request.principal, **form.cleaned_data
        )

    def get_success_url(self) -> str:
        return reverse("portal:placement", args=[self.placement.pk]) + "#attendance"
