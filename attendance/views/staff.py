"""Staff pages: a placement's weeks with planned and worked hours per day, the correction of a
week with its reason, the incidents with their follow-up (5.1, annex 3)."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from attendance.forms import IncidentFollowUpForm, IncidentForm, StaffWeekForm
from attendance.models import AttendanceWeek, Incident
from attendance.selectors.summary import placement_attendance, placement_incident
from attendance.selectors.totals import student_year_totals
from attendance.services import incidents as incident_services
from attendance.services import weeks as week_services
from attendance.views.common import WeekMixin, as_form_error
from core.views import ServiceFormView, StaffRequiredMixin
from internships.models import Placement
from internships.selectors.placements import placement_get_for


class StaffPlacementMixin(StaffRequiredMixin):
    @cached_property
    def placement(self) -> Placement:
        return placement_get_for(self.request.principal, self.kwargs["placement_pk"])

    def weeks_url(self, anchor: str = "") -> str:
        return reverse("attendance:placement-weeks", args=[self.placement.pk]) + anchor


class PlacementWeeksView(StaffPlacementMixin, TemplateView):
    template_name = "attendance/placement_weeks.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        placement = self.placement
        return super().get_context_data(
            placement=placement,
            attendance=placement_attendance(placement, today=today),
            year_totals=student_year_totals(placement.student, placement.school_year, today=today),
            **kwargs,
        )


class WeekCorrectView(StaffPlacementMixin, WeekMixin, ServiceFormView):
    """Staff correct a week (confirmed or not), with a reason; the history keeps each change."""

    template_name = "attendance/week_form.html"
    form_class = StaffWeekForm
    success_message = gettext_lazy("De gewerkte uren zijn bewaard en opnieuw gecontroleerd.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, week=self.week, **kwargs)

    def perform(self, form) -> AttendanceWeek:
        try:
            return week_services.attendance_week_correct(
                placement=self.placement,
                monday=self.monday,
                principal=self.request.principal,
                days=form.worked_days(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            raise as_form_error(error) from None

    def get_success_url(self) -> str:
        return self.weeks_url(f"#w{self.monday:%Y%m%d}")


class IncidentCreateView(StaffPlacementMixin, ServiceFormView):
    form_class = IncidentForm
    success_message = gettext_lazy("Incident geregistreerd.")

    def get_initial(self) -> dict:
        return {"date": min(timezone.localdate(), self.placement.end_date)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            placement=self.placement,
            title=_("Incident registreren"),
            parent=self.placement,
            parent_url=self.weeks_url(),
            cancel_url=self.weeks_url("#incidents"),
            **kwargs,
        )

    def perform(self, form) -> Incident:
        return incident_services.incident_report(
            placement=self.placement, principal=self.request.principal, **form.cleaned_data
        )

    def get_success_url(self) -> str:
        return self.weeks_url("#incidents")


class IncidentFollowUpView(StaffPlacementMixin, ServiceFormView):
    template_name = "attendance/incident_follow_up.html"
    form_class = IncidentFollowUpForm
    success_message = gettext_lazy("Opvolging bewaard.")

    @cached_property
    def incident(self) -> Incident:
        return placement_incident(self.placement, self.kwargs["pk"])

    def get_initial(self) -> dict:
        return {"follow_up": self.incident.follow_up, "handled": self.incident.is_handled}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            placement=self.placement,
            incident=self.incident,
            cancel_url=self.weeks_url("#incidents"),
            **kwargs,
        )

    def perform(self, form) -> Incident:
        return incident_services.incident_follow_up(
            incident=self.incident, principal=self.request.principal, **form.cleaned_data
        )

    def get_success_url(self) -> str:
        return self.weeks_url("#incidents")
