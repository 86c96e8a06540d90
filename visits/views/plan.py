"""The supervisor's visit plan: "te plannen en te verslaan" (annex 3, 8.2.2)."""

from django.utils import timezone
from django.views.generic import TemplateView

from core.views import StaffRequiredMixin
from visits.selectors import plan_overview


class PlanView(StaffRequiredMixin, TemplateView):
    """The visits to plan, the planned visits still to record and the overdue visits of the
    placements the user supervises; a coordinator also sees the school's overdue visits."""

    template_name = "visits/plan.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        overview = plan_overview(
            self.request.principal, school_year=self.request.school_year, today=today
        )
        return super().get_context_data(overview=overview, today=today, **kwargs)
