"""Planned internship volume against the programme's requirements (sections 3 and 4.1.1).

Schools count in lesson hours, hosts in clock hours. The brochure bridges them (4.1.1): in an
alternating internship four lesson hours a week are half a working day a week and eight a
full day; in a block internship one lesson hour in the timetable is one school week; a
combination adds both. The legal minimum in some programmes is 18 half days a school year (3).

Two readings this module makes, because the brochure leaves them open:

- A school week of block internship is the working days of one week: five, or four when a
  legal holiday falls on a weekday of it (5.3: nobody works then). A block day weighs one over
  the working days of its calendar week, and no week counts for more than one: a block from a
  Wednesday to the next Tuesday is one week, a block of two days is two fifths of one, a
  Tuesday-to-Saturday shop week is one, and the four days of a week with 1 May are a whole
  week. Calendar weeks would count the first as two weeks and the second as a whole one.
- An alternating day weighs its half days over the lesson days of its weekday in the school
  year that a block does not take: "a full day every Monday" is eight lesson hours however many
  Mondays are holidays, a full day every other Monday or every Monday of one semester about
  four (a fortnight that falls in a holiday is lost), and a block that takes two Mondays leaves
  the alternating Mondays at eight.

Plain Python, no Django.
"""

import datetime as dt
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from compliance.engine import halfdays
from compliance.engine.calendar import legal_holidays
from compliance.engine.patterns import LAST_LESSON_MONTH, PatternKind, WorkDay

LEGAL_MINIMUM_HALF_DAYS = 18
LESSON_HOURS_PER_HALF_DAY_A_WEEK = 4
BLOCK_DAYS_PER_WEEK = 5
SCHOOL_DAYS = range(5)


def half_days(day: WorkDay) -> int:
    """The half days of one internship day: a morning, an afternoon, both or none (3, 4.1.1),
    as :func:`compliance.engine.halfdays.half_days` counts them."""
    return halfdays.half_days(day.work_intervals())


@dataclass(frozen=True, slots=True)
class LessonCalendar:
    """The lesson days of a school year: weekdays from 1 September to 30 June, not closed."""

    first_day: dt.date
    last_day: dt.date
    closed: frozenset[dt.date]
    weeks: int
    days_by_weekday: tuple[int, ...]

    def is_lesson_day(self, day: dt.date) -> bool:
        return (
            day.weekday() in SCHOOL_DAYS
            and self.first_day <= day <= self.last_day
            and day not in self.closed
        )


def lesson_calendar(first_day: dt.date, holidays: Collection[dt.date]) -> LessonCalendar:
    """The lesson calendar of the school year starting on ``first_day`` (1 September).

    A lesson week is a week with at least one lesson day.
    """
    last_day = dt.date(first_day.year + 1, LAST_LESSON_MONTH, 30)
    closed = frozenset(holidays)
    by_weekday = [0] * len(SCHOOL_DAYS)
    weeks = set()
    day = first_day
    while day <= last_day:
        if day.weekday() in SCHOOL_DAYS and day not in closed:
            by_weekday[day.weekday()] += 1
            weeks.add(day.isocalendar()[:2])
        day += dt.timedelta(days=1)
    return LessonCalendar(first_day, last_day, closed, len(weeks), tuple(by_weekday))


@dataclass(frozen=True, slots=True)
class Volume:
    """What a schedule plans, in the units of section 3 and 4.1.1.

    ``alternating_share`` is the alternating internship in half days a week, averaged over
    the school year's lesson weeks as described in the module docstring.
    """

    half_days: int
    hours: float
    block_days: int
    block_weeks: float
    alternating_half_days: int
    alternating_weeks: int
    alternating_share: float
    lesson_weeks: int

    @property
    def alternating_half_days_per_week(self) -> float:
        """Half days a week while the alternating internship runs."""
        if not self.alternating_weeks:
            return 0.0
        return round(self.alternating_half_days / self.alternating_weeks, 1)

    @property
    def lesson_hours(self) -> float:
        """The planned internship in lesson hours of the timetable (4.1.1): a block week is
        one lesson hour, a half day a week of alternating internship four."""
        return round(
            self.block_weeks + LESSON_HOURS_PER_HALF_DAY_A_WEEK * self.alternating_share, 1
        )

    def meets_legal_minimum(self) -> bool:
        return self.half_days >= LEGAL_MINIMUM_HALF_DAYS

    def shortfall(self, required_lesson_hours: int) -> "LessonHourShortfall | None":
        """How far this volume stays under the timetable's internship hours, if it does."""
        return lesson_hour_shortfall(
            planned=self.lesson_hours,
            required=required_lesson_hours,
            lesson_weeks=self.lesson_weeks,
        )


def planned_volume(
    days: Mapping[dt.date, WorkDay],
    *,
    calendar: LessonCalendar,
    year_days: Mapping[dt.date, WorkDay] | None = None,
) -> Volume:
    """Counts the planned ``days`` against the school year's lesson ``calendar``.

    ``year_days`` are the days of the whole pupil-year when ``days`` are one placement's share
    of it (they default to ``days``): their block days take lesson days from the alternating
    ones, so the shares of a year add up to the year.
    """
    year_blocks = [
        date
        for date, day in (days if year_days is None else year_days).items()
        if day.origin == PatternKind.BLOCK and calendar.is_lesson_day(date)
    ]
    free_days = list(calendar.days_by_weekday)
    for date in year_blocks:
        free_days[date.weekday()] -= 1
    free_weeks = calendar.weeks - len(year_blocks) / BLOCK_DAYS_PER_WEEK
    share = 0.0
    block_days = alternating_half_days = 0
    block_weeks: dict[tuple[int, int], float] = {}
    alternating_weeks = set()
    for date, day in days.items():
        if day.origin == PatternKind.BLOCK:
            block_days += 1
            week = date.isocalendar()[:2]
            block_weeks[week] = block_weeks.get(week, 0) + 1 / _working_days_of_week(date)
        elif day.origin == PatternKind.ALTERNATING:
            counted = half_days(day)
            alternating_half_days += counted
            alternating_weeks.add(date.isocalendar()[:2])
            # A weekend day has no lesson days of its own: it weighs over the lesson weeks.
            weekday = date.weekday()
            lesson_days = free_days[weekday] if weekday in SCHOOL_DAYS else free_weeks
            share += counted / max(lesson_days, 1)
    return Volume(
        half_days=sum(half_days(day) for day in days.values()),
        hours=round(sum(day.minutes for day in days.values()) / 60, 2),
        block_days=block_days,
        block_weeks=round(sum(min(1.0, weeks) for weeks in block_weeks.values()), 1),
        alternating_half_days=alternating_half_days,
        alternating_weeks=len(alternating_weeks),
        alternating_share=round(share, 3),
        lesson_weeks=calendar.weeks,
    )


def _working_days_of_week(day: dt.date) -> int:
    """The weekdays of ``day``'s calendar week that are not legal holidays (5.3)."""
    monday = day - dt.timedelta(days=day.weekday())
    weekdays = [monday + dt.timedelta(days=offset) for offset in SCHOOL_DAYS]
    return max(1, sum(1 for weekday in weekdays if weekday not in legal_holidays(weekday.year)))


@dataclass(frozen=True, slots=True)
class LessonHourShortfall:
    """The lesson hours a plan stays under the timetable's internship hours (4.1.1), and what
    they amount to in block weeks or in alternating half days."""

    required: int
    planned: float
    lesson_weeks: int

    @property
    def missing(self) -> float:
        return round(self.required - self.planned, 1)

    @property
    def block_weeks(self) -> float:
        """One lesson hour is one school week of block internship."""
        return self.missing

    @property
    def half_days_per_week(self) -> float:
        """Four lesson hours are half a day a week of alternating internship."""
        return round(self.missing / LESSON_HOURS_PER_HALF_DAY_A_WEEK, 2)

    @property
    def half_days(self) -> int:
        """Those half days a week over the school year's lesson weeks, rounded up."""
        return math.ceil(
            round(self.missing * self.lesson_weeks / LESSON_HOURS_PER_HALF_DAY_A_WEEK, 6)
        )


def lesson_hour_shortfall(
    *, planned: float, required: int, lesson_weeks: int
) -> LessonHourShortfall | None:
    """The shortfall of ``planned`` lesson hours against ``required`` ones; ``None`` when the
    plan reaches them or the programme sets none."""
    shortfall = LessonHourShortfall(required=required, planned=planned, lesson_weeks=lesson_weeks)
    return shortfall if required and shortfall.missing > 0 else None
