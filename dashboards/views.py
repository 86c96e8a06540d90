"""The first page of every staff member: the coordinator's overview or the supervisor's week,
and the supervisors' workload (4.3.1)."""

from functools import partial

from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from attendance.selectors.weeks import monday_of
from core.views import CoordinatorRequiredMixin, StaffRequiredMixin
from dashboards.selectors import coordinator_overview, supervisor_week
from visits.selectors import supervisor_workload


class HomeView(StaffRequiredMixin, TemplateView):
    """The overview is built only when the template has no fresh copy of it (``{% fresh %}``:
    cached until a write to the school's data, :mod:`core.freshness`)."""

    def get_template_names(self) -> list[str]:
        if self.request.principal.sees_whole_school:
            return ["dashboards/coordinator.html"]
        return ["dashboards/supervisor.html"]

    def get_context_data(self, **kwargs):
        principal = self.request.principal
        today = timezone.localdate()
        school_year = self.request.school_year
        if principal.sees_whole_school:
            build = partial(coordinator_overview, principal, school_year=school_year, today=today)
        else:
            build = partial(supervisor_week, principal, school_year=school_year, today=today)
        overview = SimpleLazyObject(build)
        return super().get_context_data(
            overview=overview,
            dashboard=SimpleLazyObject(lambda: overview.dashboard),
            today=today,
            monday=monday_of(today),
            **kwargs,
        )


class WorkloadView(CoordinatorRequiredMixin, TemplateView):
    """Per supervisor: pupils, visits, km and travel time, for planning the hours (4.3.1)."""

    template_name = "dashboards/workload.html"

    def get_context_data(self, **kwargs):
        rows = SimpleLazyObject(
            lambda: supervisor_workload(
                self.request.principal, school_year=self.request.school_year
            )
        )
        return super().get_context_data(rows=rows, **kwargs)
