"""Who is asking, their school's scope, and the school year they work in."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from core.principals import Anonymous, Principal, StaffMember
from core.tenancy import principal_scope
from internships.selectors.access_links import SESSION_KEY, link_principal, session_link
from internships.selectors.school import selected_school_year


def request_principal(request: HttpRequest) -> Principal:
    """A signed-in staff member of a school; else the holder of the personal link the session
    is bound to (``portal``), while that link is usable; else nobody."""
    user = request.user
    if user.is_authenticated:
        if user.is_active and user.school_id and user.role:
            return StaffMember.of(user)
        return Anonymous()
    link = session_link(request.session.get(SESSION_KEY))
    if link is not None:
        return link_principal(link)
    return Anonymous()


class PrincipalMiddleware:
    """Puts the principal on ``request.principal`` and runs the rest of the request, the
    template rendering included, inside the principal's school scope (``core.tenancy``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.principal = request_principal(request)
        with principal_scope(request.principal):
            return self.get_response(request)


class SchoolYearMiddleware:
    """Puts the school year the user works in on ``request.school_year``, read at most once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.school_year = SimpleLazyObject(lambda: selected_school_year(request))
        return self.get_response(request)
