"""The breaks a working day needs, and a legal break to propose for a day's hours (5.2).

A minor may work at most 4 h 30 without a break; more than 4 h 30 of work needs 30 minutes of
breaks, more than 6 h an hour, of which 30 minutes at once (5.2.1). An adult falls under the
rest rules of the Arbeidswet of 16 March 1971 (5.2.2): a working day of more than 6 hours is
interrupted by a break of at least a quarter of an hour (art. 38quater).
"""

import datetime as dt

from compliance.engine.calendar import birthday
from compliance.engine.i18n import MINUTES_PER_DAY, MINUTES_PER_HOUR
from compliance.engine.rules.rest import (
    ADULT_BREAK,
    ADULT_BREAK_FROM,
    LONG_BREAK,
    LONG_BREAK_FROM,
    MAX_UNINTERRUPTED,
    SHORT_BREAK,
    SHORT_BREAK_FROM,
)

ADULT_AGE = 18
# Breaks are proposed as lunch breaks of whole half hours: for an adult that is more than the
# legal quarter of an hour, and what hosts use.
LUNCH_STEP = 30
LUNCH = 12 * MINUTES_PER_HOUR
# A proposed break keeps at least this much work on either side of it: a break at the very
# start or end of a day only shortens the day.
MIN_PART = 30
ROUND_TO = 15

Breaks = tuple[tuple[dt.time, dt.time], ...]


def is_minor(birth_date: dt.date, day: dt.date) -> bool:
    """Not yet 18 on ``day``; the 18th birthday itself is adult, as in the rules."""
    return day < birthday(birth_date, ADULT_AGE)


def break_needed(work: int, *, minor: bool) -> int:
    """The minutes of break in total that a day with ``work`` minutes of work needs (5.2)."""
    if minor:
        if work > LONG_BREAK_FROM:
            return LONG_BREAK
        return SHORT_BREAK if work > SHORT_BREAK_FROM else 0
    return ADULT_BREAK if work > ADULT_BREAK_FROM else 0


def full_day_breaks(*, minor: bool) -> Breaks:
    """The break proposed before the day's hours are known: the lunch break of a full day."""
    length = LONG_BREAK if minor else LUNCH_STEP
    return (_span(LUNCH, LUNCH + length),)


def proposed_breaks(start: dt.time, end: dt.time, *, minor: bool) -> Breaks:
    """One break that makes the day from ``start`` to ``end`` legal for the pupil (5.2).

    The break is the shortest whole half hour after which the remaining work needs no more
    break than it (none for a day that needs none). It starts at 12:00 when it fits there,
    and for a minor no stretch of work around it lasts more than 4 h 30; otherwise it sits
    in the middle of the day. ``end`` before ``start`` means the day ends the next day. A
    day too long for one break (a minor's day of more than 9 h, beyond the 8 h limit
    anyway) gets the break in the middle.
    """
    first = start.hour * MINUTES_PER_HOUR + start.minute
    last = end.hour * MINUTES_PER_HOUR + end.minute
    if last <= first:
        last += MINUTES_PER_DAY
    length = _break_length(last - first, minor=minor)
    if not length:
        return ()
    earliest, latest = first + MIN_PART, last - length - MIN_PART
    if minor:
        earliest = max(earliest, last - length - MAX_UNINTERRUPTED)
        latest = min(latest, first + MAX_UNINTERRUPTED)
    lunch = next((noon for noon in (LUNCH, LUNCH + MINUTES_PER_DAY) if first <= noon), None)
    if lunch is not None and earliest <= lunch <= latest:
        begin = lunch
    else:
        middle = first + (last - first - length) // 2
        begin = middle - middle % ROUND_TO
        if earliest <= latest:
            begin = min(max(begin, earliest), latest)
    return (_span(begin, begin + length),)


def _break_length(span: int, *, minor: bool) -> int:
    length = 0
    while length < span and break_needed(span - length, minor=minor) > length:
        length += LUNCH_STEP
    return length


def _span(begin: int, end: int) -> tuple[dt.time, dt.time]:
    return _clock(begin), _clock(end)


def _clock(minute: int) -> dt.time:
    hours, minutes = divmod(minute % MINUTES_PER_DAY, MINUTES_PER_HOUR)
    return dt.time(hours, minutes)
