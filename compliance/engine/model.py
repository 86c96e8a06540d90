"""The engine's vocabulary: plain frozen dataclasses in, violations out.

Nothing here knows about Django or JSON; :mod:`compliance.engine.jsonio` converts the public
JSON format, and the web layer builds a :class:`Schedule` from a placement.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a pupil does during an entry; both count as work (5.1)."""

    INTERNSHIP = "internship"
    SCHOOL = "school"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Rule(StrEnum):
    """The rule codes; they are a public interface (CLI output, stored results, UI)."""

    DAILY_MAX = "daily_max"
    WEEKLY_MAX = "weekly_max"
    YEARLY_MAX = "yearly_max"
    OVERTIME_NOTICE = "overtime_notice"
    COMPENSATORY_REST = "compensatory_rest"
    UNINTERRUPTED_WORK = "uninterrupted_work"
    BREAK_TOO_SHORT = "break_too_short"
    DAILY_REST = "daily_rest"
    WEEKLY_REST = "weekly_rest"
    SUNDAY_WORK = "sunday_work"
    SUNDAY_FREQUENCY = "sunday_frequency"
    PUBLIC_HOLIDAY = "public_holiday"
    SUNDAY_COMPENSATORY_REST = "sunday_compensatory_rest"
    HOLIDAY_COMPENSATORY_REST = "holiday_compensatory_rest"
    NIGHT_WORK = "night_work"
    MIN_AGE = "min_age"
    OUTSIDE_SCHOOL_YEAR = "outside_school_year"
    SUMMER_HOLIDAY = "summer_holiday"
    MINIMUM_VOLUME = "minimum_volume"
    HALF_DAY_MINIMUM = "half_day_minimum"

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self in _WARNING_RULES else Severity.ERROR

    @property
    def source(self) -> str:
        """The section of the GO! brochure (seed 000) the rule comes from."""
        return _SOURCES[self]


_WARNING_RULES = frozenset({Rule.OVERTIME_NOTICE, Rule.MINIMUM_VOLUME, Rule.HALF_DAY_MINIMUM})

_SOURCES: Mapping[Rule, str] = {
    Rule.DAILY_MAX: "5.1",
    Rule.WEEKLY_MAX: "5.1",
    Rule.YEARLY_MAX: "5.1",
    Rule.OVERTIME_NOTICE: "5.1",
    Rule.COMPENSATORY_REST: "5.1",
    Rule.UNINTERRUPTED_WORK: "5.2.1",
    # For adults these two follow the Arbeidswet (5.2.2); those violations name 5.2.2.
    Rule.BREAK_TOO_SHORT: "5.2.1",
    Rule.DAILY_REST: "5.2.1",
    # With Sunday work the 36-hour variant of 5.3 applies; that violation names 5.3 itself.
    Rule.WEEKLY_REST: "5.2.1",
    Rule.SUNDAY_WORK: "5.3",
    Rule.SUNDAY_FREQUENCY: "5.3",
    Rule.PUBLIC_HOLIDAY: "5.3",
    # 5.3 refers to the rules for regular workers; the messages name the articles.
    Rule.SUNDAY_COMPENSATORY_REST: "5.3",
    Rule.HOLIDAY_COMPENSATORY_REST: "5.3",
    Rule.NIGHT_WORK: "5.4",
    Rule.MIN_AGE: "4",
    Rule.OUTSIDE_SCHOOL_YEAR: "4",
    Rule.SUMMER_HOLIDAY: "4",
    Rule.MINIMUM_VOLUME: "3",
    Rule.HALF_DAY_MINIMUM: "4.1.1",
}


class ScheduleInputError(ValueError):
    """A schedule that cannot be checked; ``errors`` are Dutch messages naming the JSON path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Student:
    birth_date: dt.date


@dataclass(frozen=True, slots=True)
class Exemptions:
    """Derogations recorded on the placement (SO 74 annex, sector), all off by default."""

    sunday_work: bool = False
    holiday_work: bool = False
    night_work: bool = False
    shift_work: bool = False
    inspector_sunday_permission: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One stretch of internship or school on ``date``, to the minute.

    ``end`` earlier than ``start`` means the entry ends the next day. Each break time is read
    as the first moment with that clock time at or after ``start``, so breaks after midnight
    work for entries that cross it. Only internship can be marked ``force_majeure`` (5.1).
    """

    kind: Kind
    date: dt.date
    start: dt.time
    end: dt.time
    breaks: tuple[tuple[dt.time, dt.time], ...] = ()
    force_majeure: bool = False

    @property
    def is_internship(self) -> bool:
        return self.kind is Kind.INTERNSHIP


@dataclass(frozen=True, slots=True)
class Schedule:
    """A pupil's internship and school entries in one school year (1 Sept–31 Aug)."""

    student: Student
    school_year_start: int
    exemptions: Exemptions = Exemptions()
    requires_minimum_volume: bool = False
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule on one date.

    ``template`` is the Dutch msgid and ``params`` its already formatted values, so the web
    layer can translate the template before interpolating.
    """

    rule: Rule
    date: dt.date
    severity: Severity
    source: str
    template: str
    params: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The Dutch text shown to the user."""
        return self.template % self.params


@dataclass(frozen=True, slots=True)
class Totals:
    """Work minutes over all entries and half days of internship within the school year (3)."""

    internship_minutes: int
    school_minutes: int
    half_days: int

    @property
    def internship_hours(self) -> float:
        return round(self.internship_minutes / 60, 2)

    @property
    def school_hours(self) -> float:
        return round(self.school_minutes / 60, 2)


@dataclass(frozen=True, slots=True)
class CheckResult:
    violations: tuple[Violation, ...]
    totals: Totals

    @property
    def has_errors(self) -> bool:
        return any(v.severity is Severity.ERROR for v in self.violations)
