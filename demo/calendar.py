"""The Flemish school calendars the demo schedules respect.

The school holidays are the Flemish school calendar the application computes itself
(``compliance.engine.school_calendar``); the demo stores only the school's own free days, a
pedagogical study day or two (the ``SchoolHoliday`` rows). Blocks are planned in full school
weeks. An alternating pattern runs across the holidays, as a coordinator would enter it: the app
skips the school holidays, the school's own free days and the legal holidays on an alternating
day.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from compliance.engine.calendar import legal_holidays
from compliance.engine.school_calendar import school_holidays

Day = datetime.date
WEEK = datetime.timedelta(days=7)
DAY = datetime.timedelta(days=1)

# The day the demo portrays: what has started, what is being prepared. Fixed, so the data does
# not depend on when the command runs.
REFERENCE_DATE = Day(2026, 11, 23)
PAST_YEAR = 2025
CURRENT_YEAR = 2026


class Holiday(NamedTuple):
    name: str
    start: Day
    end: Day


@dataclass(frozen=True)
class SchoolCalendar:
    """One school year's school days, as far as internships go (they end before the exams)."""

    start_year: int
    first_day: Day
    last_day: Day
    free_days: tuple[Holiday, ...]  # the school's own, stored; the Flemish calendar is built in

    @cached_property
    def holidays(self) -> tuple[Holiday, ...]:
        """The Flemish school calendar of the year and the school's own free days, by date;
        legal holidays come on top."""
        built_in = tuple(
            Holiday(period.name, period.first_day, period.last_day)
            for period in school_holidays(self.start_year)
        )
        return tuple(sorted(built_in + self.free_days, key=lambda holiday: holiday.start))

    @cached_property
    def legal_holidays(self) -> frozenset[Day]:
        return frozenset(legal_holidays(self.start_year)) | frozenset(
            legal_holidays(self.start_year + 1)
        )

    def _holiday(self, word: str) -> Holiday:
        return next(holiday for holiday in self.holidays if holiday.name.startswith(word))

    @property
    def christmas(self) -> Day:
        """The first day of the Christmas holidays: the end of the first semester."""
        return self._holiday("Kerst").start

    @property
    def second_semester(self) -> Day:
        """The first school day after the Christmas holidays."""
        return self.next_school_day(self._holiday("Kerst").end)

    @property
    def easter(self) -> Holiday:
        return self._holiday("Paas")

    def is_school_day(self, day: Day) -> bool:
        if day.weekday() >= 5 or not self.first_day <= day <= self.last_day:
            return False
        if day in self.legal_holidays:
            return False
        return not any(start <= day <= end for _name, start, end in self.holidays)

    def next_school_day(self, day: Day) -> Day:
        day += DAY
        while not self.is_school_day(day):
            day += DAY
        return day

    def block_starts(self, weeks: int, earliest: Day, latest: Day) -> list[Day]:
        """Mondays from ``earliest`` to ``latest`` that start ``weeks`` full school weeks."""
        monday = earliest + datetime.timedelta(days=-earliest.weekday() % 7)
        starts = []
        while monday <= latest:
            days = [
                monday + WEEK * week + DAY * weekday
                for week in range(weeks)
                for weekday in range(5)
            ]
            if all(self.is_school_day(day) for day in days):
                starts.append(monday)
            monday += WEEK
        return starts

    def pattern_span(
        self, first: Day, last: Day, weekday: int, every_n_weeks: int = 1
    ) -> tuple[Day, Day]:
        """The first and last school day on which ``weekday`` every ``every_n_weeks`` weeks falls
        between ``first`` and ``last``; the pattern counts its weeks from the first one."""
        day = first + DAY * ((weekday - first.weekday()) % 7)
        while not self.is_school_day(day):
            day += WEEK
            if day > last:
                raise ValueError(f"No school day on weekday {weekday} from {first} to {last}.")
        start = end = day
        while day <= last:
            if self.is_school_day(day):
                end = day
            day += WEEK * every_n_weeks
        return start, end


STUDY_DAY = "Pedagogische studiedag"

CALENDARS = {
    2025: SchoolCalendar(
        start_year=2025,
        first_day=Day(2025, 9, 1),
        last_day=Day(2026, 6, 12),
        free_days=(
            Holiday(STUDY_DAY, Day(2025, 9, 24), Day(2025, 9, 24)),
            Holiday(STUDY_DAY, Day(2026, 1, 30), Day(2026, 1, 30)),
        ),
    ),
    2026: SchoolCalendar(
        start_year=2026,
        first_day=Day(2026, 9, 1),
        last_day=Day(2027, 6, 11),
        free_days=(
            Holiday(STUDY_DAY, Day(2026, 9, 23), Day(2026, 9, 23)),
            Holiday(STUDY_DAY, Day(2027, 1, 29), Day(2027, 1, 29)),
        ),
    ),
}
