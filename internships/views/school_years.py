from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from core.views import StaffRequiredMixin
from internships.models import SchoolYear
from internships.selectors.school import SCHOOL_YEAR_SESSION_KEY


def _safe_next(request: HttpRequest, next_url: str) -> str:
    """``next`` when it is a page of this site (a path of ours), else the dashboard."""
    if (
        next_url.startswith("/")
        and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        and _is_our_page(urlsplit(next_url).path)
    ):
        return next_url
    return reverse("dashboards:home")


def _is_our_page(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


class SchoolYearSwitchView(StaffRequiredMixin, View):
    """Remembers in the session which school year the user works in."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        school_year_id = request.POST.get("school_year", "")
        if not (school_year_id.isascii() and school_year_id.isdigit()):
            raise Http404
        school_year = get_object_or_404(SchoolYear, pk=int(school_year_id))
        request.session[SCHOOL_YEAR_SESSION_KEY] = school_year.pk
        return HttpResponseRedirect(_safe_next(request, request.POST.get("next", "")))
