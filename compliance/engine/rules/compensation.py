"""Compensatory rest after work on a Sunday or a legal holiday (5.3).

5.3 gives every pupil intern who works on a Sunday or a legal holiday the compensatory rest of
regular workers, under the same conditions and of the same duration:

- a Sunday is owed compensatory rest within the six days that follow it (Arbeidswet of 16
  March 1971, art. 16), read as a whole day free of all work;
- a legal holiday is owed a replacement rest day within the six weeks that follow it (law
  of 4 January 1974 on public holidays, art. 11).

A day is worked when internship falls on it by the clock, as for ``sunday_work`` and
``public_holiday``; the exemptions allow the work, they do not waive the rest. A rest day is
a day Monday to Saturday that is not a legal holiday and on which no work falls by the clock,
school included: a Sunday or a holiday is a day off in its own right, so resting on it repays
nothing. One rest day repays one worked day, so Sundays and holidays share the free days;
each worked day takes the first free day of its window in order of deadline (earliest
deadline first), which gives every worked day its rest day whenever the free days allow it.
The rest may fall after the school year: without entries there, those days are free.
"""

import datetime as dt
import heapq
from collections.abc import Iterator
from typing import NamedTuple

from compliance.engine.calendar import is_sunday, legal_holidays
from compliance.engine.i18n import MINUTES_PER_DAY, format_day, gettext_noop
from compliance.engine.model import Rule, Violation
from compliance.engine.rules.context import Context, violation

SUNDAY_REST_WITHIN = 6
HOLIDAY_REST_WITHIN = 6 * 7

SUNDAY_COMPENSATORY_REST = gettext_noop(
    "Stage op zondag vraagt inhaalrust: binnen de zes dagen erna (%(first)s tot en met "
    "%(last)s) moet de leerling een volledige dag zonder stage of lessen krijgen, maar het "
    "rooster laat daarin geen dag vrij die niet al als andere inhaalrust dient (Arbeidswet "
    "van 16 maart 1971, art. 16)."
)
HOLIDAY_COMPENSATORY_REST = gettext_noop(
    "Stage op een wettelijke feestdag (%(holiday)s) vraagt een vervangende rustdag binnen zes "
    "weken (%(first)s tot en met %(last)s): een dag van maandag tot zaterdag, geen feestdag, "
    "zonder stage of lessen; het rooster laat er geen vrij die niet al als andere inhaalrust "
    "dient (wet van 4 januari 1974 betreffende de feestdagen, art. 11)."
)


class _Owed(NamedTuple):
    """A worked Sunday or holiday and the last day its rest day may fall on."""

    deadline: int
    ordinal: int
    rule: Rule


def sunday_compensatory_rest(context: Context) -> Iterator[Violation]:
    """``sunday_compensatory_rest`` on each Sunday with internship that gets no whole rest
    day in the six days after it (5.3, Arbeidswet art. 16).
    """
    for owed in _without_rest(context):
        if owed.rule is Rule.SUNDAY_COMPENSATORY_REST:
            yield violation(
                owed.rule,
                owed.ordinal,
                SUNDAY_COMPENSATORY_REST,
                first=format_day(owed.ordinal + 1),
                last=format_day(owed.deadline),
            )


def holiday_compensatory_rest(context: Context) -> Iterator[Violation]:
    """``holiday_compensatory_rest`` on each legal holiday with internship that gets no
    replacement rest day in the six weeks after it (5.3, law of 4 January 1974, art. 11).
    """
    holidays = context.holidays
    for owed in _without_rest(context):
        if owed.rule is Rule.HOLIDAY_COMPENSATORY_REST:
            yield violation(
                owed.rule,
                owed.ordinal,
                HOLIDAY_COMPENSATORY_REST,
                holiday=holidays[owed.ordinal],
                first=format_day(owed.ordinal + 1),
                last=format_day(owed.deadline),
            )


def _without_rest(context: Context) -> list[_Owed]:
    """The worked Sundays and holidays left without a rest day, in date order.

    Walks the days after the worked days once, skipping stretches with nothing owed, and
    gives each free day to the owed day with the earliest deadline.
    """
    holidays = context.holidays
    owed: list[_Owed] = []
    for ordinal in context.internship_calendar_days:
        if is_sunday(ordinal):
            owed.append(_Owed(ordinal + SUNDAY_REST_WITHIN, ordinal, Rule.SUNDAY_COMPENSATORY_REST))
        if ordinal in holidays:
            owed.append(
                _Owed(ordinal + HOLIDAY_REST_WITHIN, ordinal, Rule.HOLIDAY_COMPENSATORY_REST)
            )
    if not owed:
        return []
    timeline = context.timeline
    no_rest_days = _holidays_between(owed[0].ordinal, max(one.deadline for one in owed))

    def is_rest_day(ordinal: int) -> bool:
        start = ordinal * MINUTES_PER_DAY
        return (
            not is_sunday(ordinal)
            and ordinal not in no_rest_days
            and not timeline.is_busy(start, start + MINUTES_PER_DAY)
        )

    missed: list[_Owed] = []
    pending: list[_Owed] = []
    index = 0
    day = owed[0].ordinal + 1
    while index < len(owed) or pending:
        if not pending:
            day = max(day, owed[index].ordinal + 1)
        # Worked days come in date order; each is owed rest from the day after it.
        while index < len(owed) and owed[index].ordinal < day:
            heapq.heappush(pending, owed[index])
            index += 1
        while pending and pending[0].deadline < day:
            missed.append(heapq.heappop(pending))
        if pending and is_rest_day(day):
            heapq.heappop(pending)
        day += 1
    return sorted(missed, key=lambda one: (one.ordinal, one.rule.value))


def _holidays_between(first: int, last: int) -> frozenset[int]:
    """The legal holidays (ordinals) in the years from day ``first`` to day ``last``."""
    first_year = _year_of(first)
    last_year = _year_of(last)
    return frozenset(
        holiday.toordinal()
        for year in range(first_year, last_year + 1)
        for holiday in legal_holidays(year)
    )


def _year_of(ordinal: int) -> int:
    return dt.date.fromordinal(ordinal).year
