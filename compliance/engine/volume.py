"""Planned internship volume against the programme's requirements (sections 3 and 4.1.1).

Schools count in lesson hours, hosts in clock hours. The brochure bridges them (4.1.1): in an
alternating internship four lesson hours a week are half a working day a week and eight a
full day; in a block internship one lesson hour in the timetable is one week. The legal
minimum in some programmes is 18 half days a school year (3). Plain Python, no Django.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from compliance.engine.patterns import PatternKind, WorkDay

LEGAL_MINIMUM_HALF_DAYS = 18
LESSON_HOURS_PER_HALF_DAY_A_WEEK = 4
HALF_DAY_MAX_MINUTES = 4 * 60


def half_days(day: WorkDay) -> int:
    """An internship day of more than four hours counts as two half days (3)."""
    return 2 if day.minutes > HALF_DAY_MAX_MINUTES else 1


@dataclass(frozen=True, slots=True)
class Volume:
    """What a placement plans, in the units of section 3 and 4.1.1."""

    half_days: int
    hours: float
    block_weeks: int
    alternating_half_days: int
    alternating_weeks: int
    lesson_weeks: int

    @property
    def alternating_half_days_per_week(self) -> float:
        """Half days a week while the alternating internship runs."""
        if not self.alternating_weeks:
            return 0.0
        return round(self.alternating_half_days / self.alternating_weeks, 1)

    @property
    def lesson_hours(self) -> float:
        """The planned internship in lesson hours of the timetable (4.1.1).

        A block week counts one lesson hour; alternating half days count four lesson hours
        each, spread over the school year's lesson weeks.
        """
        alternating = 0.0
        if self.lesson_weeks:
            alternating = (
                LESSON_HOURS_PER_HALF_DAY_A_WEEK * self.alternating_half_days / self.lesson_weeks
            )
        return round(self.block_weeks + alternating, 1)

    def meets_legal_minimum(self) -> bool:
        return self.half_days >= LEGAL_MINIMUM_HALF_DAYS


def planned_volume(days: Mapping[dt.date, WorkDay], *, lesson_weeks: int) -> Volume:
    """Counts the planned days; a week counts once however many days it holds."""

    def weeks(selected: Mapping[dt.date, WorkDay]) -> int:
        return len({day.isocalendar()[:2] for day in selected})

    block_days = {date: day for date, day in days.items() if day.origin == PatternKind.BLOCK}
    alternating_days = {
        date: day for date, day in days.items() if day.origin == PatternKind.ALTERNATING
    }
    return Volume(
        half_days=sum(half_days(day) for day in days.values()),
        hours=round(sum(day.minutes for day in days.values()) / 60, 2),
        block_weeks=weeks(block_days),
        alternating_half_days=sum(half_days(day) for day in alternating_days.values()),
        alternating_weeks=weeks(alternating_days),
        lesson_weeks=lesson_weeks,
    )


def lesson_weeks(first_day: dt.date, holidays: set[dt.date]) -> int:
    """Weeks from 1 September to 30 June with at least one weekday that is not a holiday."""
    last_day = dt.date(first_day.year + 1, 6, 30)
    count = 0
    monday = first_day - dt.timedelta(days=first_day.weekday())
    while monday <= last_day:
        weekdays = [monday + dt.timedelta(days=offset) for offset in range(5)]
        if any(first_day <= day <= last_day and day not in holidays for day in weekdays):
            count += 1
        monday += dt.timedelta(days=7)
    return count
