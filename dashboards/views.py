"""The first page of every staff member: the coordinator's overview or the supervisor's week,
and the supervisors' workload (4.3.1)."""

from django.utils import timezone
from django.views.generic import TemplateView

from core.views import CoordinatorRequiredMixin, StaffRequiredMixin
from dashboards.selectors import coordinator_overview, supervisor_week
from visits.selectors import supervisor_workload


class HomeView(StaffRequiredMixin, TemplateView):
    def get_template_names(self) -> list[str]:
        if self.request.principal.sees_whole_school:
            return ["dashboards/coordinator.html"]
        return ["dashboards/supervisor.html"]

    def get_context_data(self, **kwargs):
        principal = self.request.principal
        today = timezone.localdate()
        school_year = self.request.school_year
        if principal.sees_whole_school:
            overview = coordinator_overview(principal, school_year=school_year, today=today)
        else:
            overview = supervisor_week(principal, school_year=school_year, today=today)
        return super().get_context_data(
            overview=overview, dashboard=overview.dashboard, today=today, **kwargs
        )


class WorkloadView(CoordinatorRequiredMixin, TemplateView):
    """Per supervisor: pupils, visits, km and travel time, for planning the hours (4.3.1)."""

    template_name = "dashboards/workload.html"

    def get_context_data(self, **kwargs):
        rows = supervisor_workload(self.request.principal, school_year=self.request.school_year)
        return super().get_context_data(rows=rows, **kwargs)
