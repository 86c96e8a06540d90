"""Filters for rendering an agreement's frozen content, which stores dates as ISO strings."""

import datetime

from django import template

register = template.Library()


@register.filter
def isodate(value: str | None) -> datetime.date | None:
    """``"2026-10-05"`` as a date, for the ``date`` filter; empty stays empty."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
