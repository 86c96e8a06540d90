"""Opening a personal link, the holder's home page, and leaving.

Opening exchanges the token for a session bound to the link: the session is started afresh
(whoever was signed in in this browser is signed out) and the browser is sent on to a page
without the token, so it leaves the address bar, the history and later Referer headers. An
unknown token answers 404, an expired or revoked one 410 with the reason; too many of either
from one address in a short time answer 429.
"""

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.views import View
from django.views.generic import TemplateView

from attendance.selectors import todos_for as attendance_todos
from core.http import client_ip
from core.principals import Capability
from core.todo import Todo, by_urgency
from core.views import LinkRequiredMixin, PublicMixin
from evaluations.selectors import todos_for as evaluation_todos
from internships.models import AccessLink
from internships.selectors.access_links import SESSION_KEY
from internships.selectors.todos import todos_for as internship_todos
from internships.services.access_links import LinkUnusable, TooManyAttempts, access_link_open
from logbook.selectors import todos_for as logbook_todos
from portal.selectors import portal_placements
from surveys.selectors import todos_for as survey_todos


def landing(link: AccessLink) -> str:
    """Where the holder of ``link`` starts: the document to sign, else the portal's home."""
    if Capability.SIGN in link.capability_set and hasattr(link, "signature_request"):
        return "portal:sign"
    return "portal:home"


def private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class OpenLinkView(PublicMixin, View):
    """``/link/<token>/``: exchanges the token for a session bound to its link."""

    http_method_names = ["get"]

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            link = access_link_open(token=token, client=client_ip(request) or "unknown")
        except TooManyAttempts:
            return private(render(request, "portal/too_many_attempts.html", status=429))
        except LinkUnusable as problem:
            context = {"problem": str(problem)}
            return private(render(request, "portal/link_gone.html", context, status=410))
        if link is None:
            return private(render(request, "portal/link_unknown.html", status=404))
        if request.user.is_authenticated:
            logout(request)
        else:
            # Nobody to sign out: a fresh session is all logout() would give, without the
            # housekeeping its signal sets off (django-axes clears expired attempts).
            request.session.flush()
        request.session[SESSION_KEY] = link.pk
        return private(redirect(landing(link)))


class HomeView(LinkRequiredMixin, TemplateView):
    """The link holder's placements, with what they may do there."""

    template_name = "portal/home.html"
    required_capability = Capability.VIEW

    def get_context_data(self, **kwargs):
        """The placements and to-dos are a ``{% fresh %}`` fragment, read only when it is not
        cached; the header then reads the school (``portal.context_processors``)."""
        principal = self.request.principal
        return super().get_context_data(
            placements=SimpleLazyObject(lambda: list(portal_placements(principal))),
            todos=SimpleLazyObject(lambda: by_urgency(portal_todos(principal))),
            **kwargs,
        )


def portal_todos(principal) -> list[Todo]:
    """What the link holder is expected to do, from every app that asks something of them."""
    return [
        *internship_todos(principal),
        *attendance_todos(principal),
        *evaluation_todos(principal),
        *logbook_todos(principal),
        *survey_todos(principal),
    ]


class LeaveView(PublicMixin, View):
    """Ends the link's session in this browser; the link itself keeps working."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        request.session.flush()
        return render(request, "portal/left.html")
