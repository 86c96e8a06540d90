"""Writes of calendar feeds: make one (which replaces the previous one), revoke one, note
its use. The token is returned once, to be shown once; only its SHA-256 is stored."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core.principals import Principal, StaffMember
from core.tokens import new_token, token_hash
from visits.models import CalendarFeed

# A calendar polls often; its last use is written at most this often.
TOUCH_EVERY = datetime.timedelta(minutes=15)


@transaction.atomic
def calendar_feed_create(*, principal: Principal) -> tuple[CalendarFeed, str]:
    """A new feed for the staff member, with its token; a previous feed stops working (the
    address is rotated)."""
    if not isinstance(principal, StaffMember):
        raise PermissionDenied
    user = principal.user
    now = timezone.now()
    for feed in CalendarFeed.objects.select_for_update().filter(
        user_id=user.pk, revoked_at__isnull=True
    ):
        feed.revoked_at = now
        feed.save(update_fields=["revoked_at"])
    token = new_token()
    feed = CalendarFeed(school_id=principal.school_id, user=user, token_hash=token_hash(token))
    feed.full_clean()
    feed.save()
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, feed: CalendarFeed) -> CalendarFeed:
    """The feed's address stops working at once."""
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return feed


def calendar_feed_touch(*, feed: CalendarFeed) -> None:
    """Notes that a calendar fetched the feed (shown on the staff page)."""
    now = timezone.now()
    if feed.last_used_at is None or feed.last_used_at < now - TOUCH_EVERY:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
        feed.last_used_at = now
