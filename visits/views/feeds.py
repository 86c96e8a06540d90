"""The calendar feed: the staff page that makes, rotates and revokes it, and the feed itself.

The feed's address carries its token, so a calendar application can fetch it without signing
in (``PublicMixin``); the token is shown once, when it is made. An unknown or revoked token
answers 404, and a client that tries many unknown tokens is refused for a while (429).
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.http import client_ip
from core.ratelimit import attempt_record, attempts_exceeded
from core.tenancy import school_scope
from core.views import PublicMixin, StaffRequiredMixin
from visits.selectors.feeds import feed_by_token, feed_calendar, feed_of
from visits.services import calendar_feeds as services


def feed_url(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("visits:calendar-ics", args=[token]))


class CalendarFeedView(StaffRequiredMixin, TemplateView):
    """The user's calendar subscription: whether it exists, when it was last fetched."""

    template_name = "visits/calendar_feed.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(feed=feed_of(self.request.principal), **kwargs)


class CalendarFeedCreateView(StaffRequiredMixin, TemplateView):
    """Makes a new address (the old one stops working) and shows it, this once."""

    template_name = "visits/calendar_feed.html"
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        feed, token = services.calendar_feed_create(principal=request.principal)
        response = self.render_to_response(
            self.get_context_data(feed=feed, url=feed_url(request, token))
        )
        add_never_cache_headers(response)
        return response


class CalendarFeedRevokeView(StaffRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        feed = feed_of(request.principal)
        if feed is not None:
            services.calendar_feed_revoke(feed=feed)
            messages.success(request, _("Het agenda-abonnement is ingetrokken."))
        return redirect("visits:calendar-feed")


class CalendarIcsView(PublicMixin, View):
    """``/bezoeken/agenda/<token>.ics``: the supervisor's visits for a calendar application."""

    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        key = f"calendar-feed:{client_ip(request) or 'unknown'}"
        if attempts_exceeded(key, limit=settings.ACCESS_LINK_ATTEMPTS_PER_WINDOW):
            return HttpResponse(_("Te veel pogingen. Probeer het later opnieuw."), status=429)
        feed = feed_by_token(token)
        if feed is None:
            attempt_record(key, window_seconds=settings.ACCESS_LINK_ATTEMPT_WINDOW_SECONDS)
            raise Http404
        # The token named the school: read its visits in that school's scope.
        with school_scope(feed.school_id):
            body = feed_calendar(feed, today=timezone.localdate())
            services.calendar_feed_touch(feed=feed)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="stagebezoeken.ics"'
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
