from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from core.views import StaffRequiredMixin
from internships.models import SchoolYear
from internships.selectors.school import SCHOOL_YEAR_SESSION_KEY


class SchoolYearSwitchView(StaffRequiredMixin, View):
    """Remembers in the session which school year the user works in."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        school_year = get_object_or_404(SchoolYear, pk=request.POST.get("school_year"))
        request.session[SCHOOL_YEAR_SESSION_KEY] = school_year.pk
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = "dashboards:home"
        return redirect(next_url)
