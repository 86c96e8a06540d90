"""Dutch message helpers that keep the engine free of Django.

The engine speaks Dutch (nl-BE) first: every message is a ``%(name)s`` template whose Dutch
text is also its msgid. Templates are wrapped in :func:`gettext_noop` so that Django's
``makemessages`` extracts them, while the engine itself never imports Django; the web layer
translates ``template`` and then interpolates ``params``.
"""

import datetime as dt

MINUTES_PER_HOUR = 60
MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR


def gettext_noop(message: str) -> str:
    """Return ``message`` unchanged; marks it for extraction by ``makemessages``."""
    return message


def format_duration(minutes: int) -> str:
    """Format a number of minutes the Dutch way: ``8 u 30 min``, ``8 u``, ``45 min``."""
    hours, rest = divmod(minutes, MINUTES_PER_HOUR)
    if hours and rest:
        return f"{hours} u {rest} min"
    if hours:
        return f"{hours} u"
    return f"{rest} min"


def format_clock(minute: int) -> str:
    """Format an absolute or day-relative minute as the clock time ``UU:MM`` it falls on."""
    hours, minutes = divmod(minute % MINUTES_PER_DAY, MINUTES_PER_HOUR)
    return f"{hours:02d}:{minutes:02d}"


def format_day(ordinal: int) -> str:
    """Format day ``ordinal`` (``date.toordinal()``) the Belgian way: ``9/02/2026``."""
    day = dt.date.fromordinal(ordinal)
    return f"{day.day}/{day.month:02d}/{day.year}"
