"""The day's route of a supervisor (4.3.1): their own, or any supervisor's for a coordinator."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from core.views import StaffRequiredMixin
from visits import providers
from visits.forms import RouteForm
from visits.selectors import day_route, supervisors_visible_to
from visits.services.locations import day_locations_geocode


class RouteView(StaffRequiredMixin, TemplateView):
    """``?dag=YYYY-MM-DD&begeleider=<pk>``; by default today's route of the user. With a
    geocoder configured, the day's workplaces without coordinates are looked up first."""

    template_name = "visits/route.html"

    def get_context_data(self, **kwargs):
        principal = self.request.principal
        supervisors = supervisors_visible_to(principal)
        form = RouteForm(
            {
                "dag": self.request.GET.get("dag") or timezone.localdate().isoformat(),
                "begeleider": self.request.GET.get("begeleider") or self.request.user.pk,
            },
            supervisors=supervisors,
        )
        if not form.is_valid():
            raise Http404
        supervisor = form.cleaned_data["begeleider"]  # one of supervisors_visible_to
        day = form.cleaned_data["dag"]
        day_locations_geocode(
            principal=principal,
            supervisor=supervisor,
            day=day,
            geocoder=providers.configured_geocoder(),
        )
        return super().get_context_data(
            form=form,
            route=day_route(principal, supervisor=supervisor, day=day),
            previous_day=day - datetime.timedelta(days=1),
            next_day=day + datetime.timedelta(days=1),
            **kwargs,
        )
