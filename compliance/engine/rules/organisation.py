"""How internships fit in the school year: age, school year, summer, volume (3, 4, 4.1.1)."""

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from compliance.engine.halfdays import is_below_half_day
from compliance.engine.i18n import MINUTES_PER_DAY, format_duration, gettext_noop
from compliance.engine.model import Rule, Violation
from compliance.engine.rules.context import Context, violation

MINIMUM_HALF_DAYS = 18
SUMMER_REST_DAYS = 28

MIN_AGE = gettext_noop("De leerling is op deze dag nog geen 15 jaar; stage mag pas vanaf 15 jaar.")
OUTSIDE_SCHOOL_YEAR = gettext_noop(
    "Stage buiten het schooljaar %(school_year)s, dat loopt van 1 september tot en met 31 augustus."
)
SUMMER_HOLIDAY = gettext_noop(
    "Er is stage in de zomer, maar de leerling heeft tussen 1 juni en 31 augustus %(year)s "
    "geen 4 aaneensluitende weken (28 dagen) zonder stage of lessen; de langste vrije periode "
    "telt %(longest)s dagen."
)
HALF_DAY_MINIMUM = gettext_noop(
    "Slechts %(worked)s stage op deze dag; een stagedag korter dan vier lesuren (3 u 20 min) "
    "telt niet als halve dag, en een alternerende stage tijdens de schooluren omvat minstens "
    "een halve dag."
)
MINIMUM_VOLUME = gettext_noop(
    "Slechts %(half_days)s halve dagen stage in het schooljaar %(school_year)s; dit "
    "structuuronderdeel vereist er minstens 18."
)


def min_age(context: Context) -> Iterator[Violation]:
    """``min_age`` on each internship day before the pupil's 15th birthday (4)."""
    for day in context.timeline.days:
        if day.ordinal >= context.turns_15:
            break
        if day.has_internship:
            yield violation(Rule.MIN_AGE, day.ordinal, MIN_AGE)


def outside_school_year(context: Context) -> Iterator[Violation]:
    """``outside_school_year`` on each day outside 1 Sept–31 Aug on which internship falls by
    the clock (4): a night from 31 August into 1 September is outside the school year on
    1 September, whatever the entry's date.
    """
    for ordinal in context.internship_calendar_days:
        if not context.in_school_year(ordinal):
            yield violation(
                Rule.OUTSIDE_SCHOOL_YEAR,
                ordinal,
                OUTSIDE_SCHOOL_YEAR,
                school_year=_school_year_label(context),
            )


def summer_holiday(context: Context) -> Iterator[Violation]:
    """``summer_holiday`` when internship falls in June–August of the school year's end and
    those three months hold no 28 consecutive days free of all work (4).

    A day is free when no work, school included, falls on it by the clock. The violation is
    dated the first internship day of that summer.
    """
    year = context.schedule.school_year_start + 1
    first = dt.date(year, 6, 1).toordinal()
    last = dt.date(year, 8, 31).toordinal()
    first_internship = next(
        (
            day.ordinal
            for day in context.timeline.days
            if first <= day.ordinal <= last and day.has_internship
        ),
        None,
    )
    if first_internship is None:
        return
    busy: set[int] = set()
    summer = context.timeline.overlapping(first * MINUTES_PER_DAY, (last + 1) * MINUTES_PER_DAY)
    for segment in summer:
        busy.update(segment.calendar_days())
    # The free stretches lie between the busy days of the summer and its two ends.
    bounds = [first - 1, *sorted(ordinal for ordinal in busy if first <= ordinal <= last), last + 1]
    longest = max(after - before - 1 for before, after in pairwise(bounds))
    if longest < SUMMER_REST_DAYS:
        yield violation(
            Rule.SUMMER_HOLIDAY,
            first_internship,
            SUMMER_HOLIDAY,
            year=str(year),
            longest=str(longest),
        )


def half_day_minimum(context: Context) -> Iterator[Violation]:
    """``half_day_minimum`` warning on each internship day with less than four lesson hours
    (3 h 20 min) of internship (4.1.1): such a day is no half day and counts none (3).

    A warning, not an error: 4.1.1 asks it of an alternating internship during school hours,
    and the engine does not know whether a day is one.
    """
    for day in context.timeline.days:
        if day.has_internship and is_below_half_day(day.internship):
            yield violation(
                Rule.HALF_DAY_MINIMUM,
                day.ordinal,
                HALF_DAY_MINIMUM,
                worked=format_duration(day.internship),
            )


def minimum_volume(context: Context) -> Iterator[Violation]:
    """``minimum_volume`` warning when a programme that requires 18 half days gets fewer (3):
    real half days, mornings and afternoons (:attr:`Context.half_days`).

    Dated the last internship day of the school year, or 31 August when there is none.
    """
    if not context.schedule.requires_minimum_volume or context.half_days >= MINIMUM_HALF_DAYS:
        return
    days = context.internship_days_in_school_year
    yield violation(
        Rule.MINIMUM_VOLUME,
        days[-1].ordinal if days else context.year_last,
        MINIMUM_VOLUME,
        half_days=str(context.half_days),
        school_year=_school_year_label(context),
    )


def _school_year_label(context: Context) -> str:
    start = context.schedule.school_year_start
    return f"{start}-{start + 1}"
