from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from internships.selectors import selected_school_year


class SchoolYearMiddleware:
    """Puts the school year the user works in on ``request.school_year``, read at most once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.school_year = SimpleLazyObject(lambda: selected_school_year(request))
        return self.get_response(request)
