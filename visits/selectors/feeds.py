"""Calendar feeds: the principal's own feed, a feed found by its token, the visits it shows."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from core.tenancy import all_schools
from core.tokens import digests_match, plausible_token, token_hash
from internships.models import Visit
from visits.ical import visits_calendar
from visits.models import CalendarFeed
from visits.selectors.follow_up import VISIT_RELATIONS, own_visits

# The feed shows the visits from a year ago on: enough for any calendar, never the whole past.
FEED_HISTORY = datetime.timedelta(days=365)


def feed_of(principal: Principal) -> CalendarFeed | None:
    """The staff member's usable feed, if they made one."""
    match principal:
        case StaffMember():
            return CalendarFeed.objects.filter(
                user_id=principal.user.pk, school_id=principal.school_id, revoked_at__isnull=True
            ).first()
        case ApiClient() | LinkHolder() | Anonymous():
            return None
        case _:
            unknown_principal(principal)


def feed_by_token(token: str) -> CalendarFeed | None:
    """The usable feed ``token`` opens, with its user; None for an unknown or revoked token, or
    when the user no longer works at the school.

    Looked up before any school is known, so across schools (``all_schools``): the token is
    the only key.
    """
    if not plausible_token(token):
        return None
    digest = token_hash(token)
    with all_schools():
        feed = (
            CalendarFeed.objects.select_related("user")
            .filter(token_hash=digest, revoked_at__isnull=True)
            .first()
        )
    if feed is None or not digests_match(feed.token_hash, digest):
        return None
    user = feed.user
    if not user.is_active or user.school_id != feed.school_id or not user.role:
        return None
    return feed


def feed_visits(feed: CalendarFeed, *, today: datetime.date) -> QuerySet[Visit]:
    """The feed's visits, planned and made, inside the feed's school scope."""
    visits = own_visits(StaffMember.of(feed.user)).filter(date__gte=today - FEED_HISTORY)
    return visits.select_related(*VISIT_RELATIONS).order_by("date", "time", "pk")


def feed_calendar(feed: CalendarFeed, *, today: datetime.date) -> bytes:
    site_url = settings.SITE_URL.rstrip("/")
    domain = urlsplit(site_url).hostname or "stagebeheer"
    return visits_calendar(
        feed_visits(feed, today=today),
        name=_("Stagebezoeken %(name)s") % {"name": feed.user.get_full_name() or feed.user},
        uid=f"stagebezoeken-{feed.pk}@{domain}",
        site_url=site_url,
        domain=domain,
    )
