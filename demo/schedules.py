"""Dates and hours of the demo placements: one recipe per way a programme organises them.

Each programme has a recipe (see ``schools``): the placements of one pupil in one school year.
A recipe only picks dates, on school days; the host and its working hours come later.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from demo.calendar import CURRENT_YEAR, DAY, REFERENCE_DATE, WEEK, Day, SchoolCalendar
from demo.specs import ProgrammeSpec
from internships.models import Placement

BLOCK = Placement.Kind.BLOCK
ALTERNATING = Placement.Kind.ALTERNATING
COMBINED = Placement.Kind.COMBINED


@dataclass(frozen=True)
class WorkingHours:
    start: datetime.time
    end: datetime.time
    breaks: tuple[tuple[str, str], ...]

    @property
    def hours(self) -> Decimal:
        minutes = _minutes(self.end) - _minutes(self.start)
        for start, end in self.breaks:
            minutes -= _minutes(datetime.time.fromisoformat(end)) - _minutes(
                datetime.time.fromisoformat(start)
            )
        return Decimal(minutes) / 60


def _minutes(moment: datetime.time) -> int:
    return moment.hour * 60 + moment.minute


# Pupils under 18 who work more than six hours are owed an hour's break (5.2.1). Every day
# starts before the first lesson ends and ends after the last one begins, so no lessons are
# left over on an internship day to push the day past eight hours (5.1). Kitchens eat before
# the lunch service.
DEFAULT_HOURS = WorkingHours(datetime.time(8, 30), datetime.time(16, 30), (("12:00", "13:00"),))
WORKING_HOURS = {
    "catering": WorkingHours(datetime.time(9, 0), datetime.time(17, 0), (("11:30", "12:30"),)),
    "bakery": WorkingHours(datetime.time(7, 0), datetime.time(15, 30), (("11:00", "12:00"),)),
}


@dataclass(frozen=True)
class PeriodPlan:
    kind: str
    start_date: Day
    end_date: Day
    weekdays: tuple[int, ...]
    every_n_weeks: int = 1


@dataclass(frozen=True)
class PlacementPlan:
    kind: str
    periods: tuple[PeriodPlan, ...]
    sectors: tuple[str, ...] = ()  # where the pupil goes, when not the programme's sectors

    @property
    def start_date(self) -> Day:
        return min(period.start_date for period in self.periods)

    @property
    def end_date(self) -> Day:
        return max(period.end_date for period in self.periods)


class Planner:
    """Picks dates in one school year; in the current one, nothing that is over already."""

    def __init__(self, calendar: SchoolCalendar, rng: random.Random) -> None:
        self.calendar = calendar
        self.rng = rng
        self.current = calendar.start_year == CURRENT_YEAR
        year = calendar.start_year
        self.first_semester = (Day(year, 9, 14), calendar.christmas - DAY)
        self.second_semester = (calendar.second_semester + WEEK, calendar.last_day - 2 * WEEK)
        self.whole_year = (self.first_semester[0], self.second_semester[1])
        self.autumn_blocks = (Day(year, 10, 1), calendar.christmas - DAY)
        self.spring_blocks = self.second_semester
        self.before_easter = (calendar.second_semester + WEEK, calendar.easter.start - DAY)
        self.after_easter = (calendar.easter.end + DAY, calendar.last_day - WEEK)

    def block(self, weeks: int, window: tuple[Day, Day]) -> PeriodPlan:
        starts = self.calendar.block_starts(weeks, *window)
        if self.current:
            starts = [start for start in starts if start + WEEK * weeks - 3 * DAY >= REFERENCE_DATE]
        start = self.rng.choice(starts)
        return PeriodPlan(BLOCK, start, start + WEEK * weeks - 3 * DAY, (0, 1, 2, 3, 4))

    def alternating(
        self, window: tuple[Day, Day], weekday: int, every_n_weeks: int = 1
    ) -> tuple[PeriodPlan, ...]:
        start, end = self.calendar.pattern_span(*window, weekday, every_n_weeks)
        return (PeriodPlan(ALTERNATING, start, end, (weekday,), every_n_weeks),)

    def semester(self) -> tuple[Day, Day]:
        return self.rng.choice((self.first_semester, self.second_semester))


Recipe = Callable[[Planner, ProgrammeSpec], list[PlacementPlan]]


def _block_two_weeks(planner: Planner, spec: ProgrammeSpec) -> list[PlacementPlan]:
    window = planner.rng.choice((planner.autumn_blocks, planner.spring_blocks))
    return [PlacementPlan(BLOCK, (planner.block(2, window),))]


def _two_blocks(planner: Planner, spec: ProgrammeSpec) -> list[PlacementPlan]:
    periods = (planner.block(2, planner.autumn_blocks), planner.block(2, planner.spring_blocks))
    return [PlacementPlan(BLOCK, periods)]


def _alternating_weekly(planner: Planner, spec: ProgrammeSpec) -> list[PlacementPlan]:
    return [PlacementPlan(ALTERNATING, planner.alternating(planner.semester(), spec.weekday))]


def _alternating_fortnightly(planner: Planner, spec: ProgrammeSpec) -> list[PlacementPlan]:
    """Every other week all year long: one semester would stay under 18 half days (3)."""
    periods = planner.alternating(planner.whole_year, spec.weekday, every_n_weeks=2)
    return [PlacementPlan(ALTERNATING, periods)]


def _combined(planner: Planner, spec: ProgrammeSpec) -> list[PlacementPlan]:
    periods = planner.alternating(planner.first_semester, spec.weekday)
    return [PlacementPlan(COMBINED, (*periods, planner.block(2, planner.spring_blocks)))]


def _seventh_year(planner: Planner, spec: ProgrammeSpec) -> list[PlacementPlan]:
    """A block in a care home in autumn, then a combined placement in hospital or home care."""
    alternating = planner.alternating(planner.before_easter, spec.weekday)
    return [
        PlacementPlan(BLOCK, (planner.block(3, planner.autumn_blocks),), ("elderly_care",)),
        PlacementPlan(
            COMBINED,
            (*alternating, planner.block(2, planner.after_easter)),
            ("hospital", "home_care"),
        ),
    ]


def _orientation(planner: Planner, spec: ProgrammeSpec) -> list[PlacementPlan]:
    """Second grade: a week's taster internship in spring for most pupils, not required."""
    if planner.rng.random() < 0.4:
        return []
    return [PlacementPlan(BLOCK, (planner.block(1, planner.spring_blocks),))]


RECIPES: dict[str, Recipe] = {
    "block_two_weeks": _block_two_weeks,
    "two_blocks": _two_blocks,
    "alternating_weekly": _alternating_weekly,
    "alternating_fortnightly": _alternating_fortnightly,
    "combined": _combined,
    "seventh_year": _seventh_year,
    "orientation": _orientation,
}
