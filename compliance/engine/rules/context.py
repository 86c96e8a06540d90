"""What every rule needs about one schedule, computed once per check."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from compliance.engine import halfdays
from compliance.engine.calendar import birthday, legal_holidays, monday_of, school_year_bounds
from compliance.engine.i18n import MINUTES_PER_DAY
from compliance.engine.model import Rule, Schedule, Violation
from compliance.engine.timeline import Day, Timeline


@dataclass(slots=True)
class Week:
    """The days of one calendar week (Monday–Sunday), grouped by entry date."""

    monday: int
    days: list[Day] = field(default_factory=list)
    work: int = 0
    regular_work: int = 0
    has_internship: bool = False
    has_force_majeure: bool = False

    @property
    def sunday(self) -> int:
        return self.monday + 6


class Context:
    """A schedule and its timeline with the dates and groupings the rules share.

    Days are ordinals (``date.toordinal()``) and moments absolute minutes, as in the timeline.
    """

    def __init__(self, schedule: Schedule, timeline: Timeline) -> None:
        self.schedule = schedule
        self.timeline = timeline
        self.exemptions = schedule.exemptions
        first, last = school_year_bounds(schedule.school_year_start)
        self.year_first = first.toordinal()
        self.year_last = last.toordinal()
        birth_date = schedule.student.birth_date
        self.turns_15 = birthday(birth_date, 15).toordinal()
        self.turns_16 = birthday(birth_date, 16).toordinal()
        self.turns_18 = birthday(birth_date, 18).toordinal()

    def is_minor(self, ordinal: int) -> bool:
        """Not yet 18 on that day; the 18th birthday itself is adult."""
        return ordinal < self.turns_18

    def in_school_year(self, ordinal: int) -> bool:
        return self.year_first <= ordinal <= self.year_last

    @cached_property
    def weeks(self) -> Sequence[Week]:
        """The calendar weeks that have work, in order."""
        weeks: list[Week] = []
        sunday = 0  # before every date, so the first day starts a week
        # Days come in order, so a day after the current week's Sunday starts the next week.
        for day in self.timeline.days:
            if day.ordinal > sunday:
                weeks.append(Week(monday_of(day.ordinal)))
                sunday = weeks[-1].sunday
            week = weeks[-1]
            week.days.append(day)
            week.work += day.work
            week.regular_work += day.regular_work
            if day.has_internship:
                week.has_internship = True
            if day.has_force_majeure:
                week.has_force_majeure = True
        return weeks

    @cached_property
    def internship_calendar_days(self) -> Sequence[int]:
        """The days on which internship work falls by the clock, in order.

        A night entry from Saturday 22:00 to Sunday 06:00 touches both Saturday and Sunday;
        Sunday and holiday rules look at the clock, not at the entry's date.
        """
        touched: set[int] = set()
        for day in self.timeline.days:
            if not day.has_internship:
                continue
            if day.last_end <= (day.ordinal + 1) * MINUTES_PER_DAY:
                # All of the day's work lies on its own date.
                touched.add(day.ordinal)
                continue
            for segment in day.segments:
                if segment.internship:
                    # Contiguous entries merge into one segment, which may span several dates.
                    touched.update(segment.calendar_days())
        return sorted(touched)

    @cached_property
    def holidays(self) -> Mapping[int, str]:
        """Legal holidays by ordinal, for every year in which internship falls."""
        days = self.internship_calendar_days
        if not days:
            return {}
        first_year = dt.date.fromordinal(days[0]).year
        last_year = dt.date.fromordinal(days[-1]).year
        return {
            day.toordinal(): name
            for year in range(first_year, last_year + 1)
            for day, name in legal_holidays(year).items()
        }

    @cached_property
    def internship_days_in_school_year(self) -> Sequence[Day]:
        first, last = self.year_first, self.year_last
        return [
            day for day in self.timeline.days if day.has_internship and first <= day.ordinal <= last
        ]

    @cached_property
    def half_days(self) -> int:
        """Half days of internship in the school year: the mornings and afternoons of at least
        two lesson hours, none on a day of less than four (3, 4.1.1; see
        :mod:`compliance.engine.halfdays`).
        """
        return sum(
            halfdays.half_days_of(day.internship_morning, day.internship - day.internship_morning)
            for day in self.internship_days_in_school_year
        )


def violation(
    rule: Rule, ordinal: int, template: str, *, source: str | None = None, **params: str
) -> Violation:
    """A violation of ``rule`` dated on day ``ordinal``, with the rule's severity and source."""
    return Violation(
        rule=rule,
        date=dt.date.fromordinal(ordinal),
        severity=rule.severity,
        source=source or rule.source,
        template=template,
        params=params,
    )
