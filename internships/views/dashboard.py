import datetime

from django.utils import timezone
from django.views.generic import TemplateView

from internships.selectors import dashboard_for_user
from internships.views.base import StaffRequiredMixin


class DashboardView(StaffRequiredMixin, TemplateView):
    template_name = "internships/dashboard.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            dashboard=dashboard_for_user(
                self.request.user,
                school_year=self.request.school_year,
                today=today,
                horizon=today + datetime.timedelta(days=14),
            ),
            **kwargs,
        )
