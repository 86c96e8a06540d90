import datetime

from django.utils import timezone
from django.views.generic import TemplateView

from core.views import StaffRequiredMixin
from internships.selectors.dashboard import dashboard_for


class DashboardView(StaffRequiredMixin, TemplateView):
    template_name = "internships/dashboard.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            dashboard=dashboard_for(
                self.request.principal,
                school_year=self.request.school_year,
                today=today,
                horizon=today + datetime.timedelta(days=14),
            ),
            **kwargs,
        )
