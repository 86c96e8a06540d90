"""Compact builders for the engine tests: dates and times written as in the JSON format."""

import datetime as dt

from compliance.engine import (
    CheckResult,
    Entry,
    Exemptions,
    Kind,
    Rule,
    Schedule,
    Student,
    check,
)

# 16 on 15 March 2025 and 17 on 15 March 2026: a minor of 16+ all through 2025-2026.
DEFAULT_BIRTH = "2009-03-15"


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def clock(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def internship(
    date: str, start: str, end: str, *breaks: tuple[str, str], force_majeure: bool = False
) -> Entry:
    return _entry(Kind.INTERNSHIP, date, start, end, breaks, force_majeure)


def school(date: str, start: str, end: str, *breaks: tuple[str, str]) -> Entry:
    return _entry(Kind.SCHOOL, date, start, end, breaks, False)


def schedule(
    *entries: Entry,
    birth: str = DEFAULT_BIRTH,
    year: int = 2025,
    requires_minimum_volume: bool = False,
    **exemptions: bool,
) -> Schedule:
    return Schedule(
        student=Student(day(birth)),
        school_year_start=year,
        exemptions=Exemptions(**exemptions),
        requires_minimum_volume=requires_minimum_volume,
        entries=entries,
    )


def found(result: CheckResult, rule: Rule | None = None) -> list[tuple[str, str]]:
    """The result's violations as ``(rule, ISO date)``, optionally only those of ``rule``."""
    return [
        (v.rule.value, v.date.isoformat())
        for v in result.violations
        if rule is None or v.rule is rule
    ]


def dates_of(
    rule: Rule,
    *entries: Entry,
    birth: str = DEFAULT_BIRTH,
    year: int = 2025,
    requires_minimum_volume: bool = False,
    **exemptions: bool,
) -> list[str]:
    """The dates on which ``rule`` is broken by a schedule of ``entries``."""
    result = check(
        schedule(
            *entries,
            birth=birth,
            year=year,
            requires_minimum_volume=requires_minimum_volume,
            **exemptions,
        )
    )
    return [date for _rule, date in found(result, rule)]


def week_of_school(monday: str, *, skip: tuple[int, ...] = ()) -> list[Entry]:
    """A realistic school week Monday–Friday, 08:25–15:45 with 15- and 50-minute breaks
    (6 h 15 of lessons a day), leaving out the weekdays in ``skip`` (0 = Monday).
    """
    first = day(monday)
    return [
        school(
            (first + dt.timedelta(days=offset)).isoformat(),
            "08:25",
            "15:45",
            ("10:05", "10:20"),
            ("12:00", "12:50"),
        )
        for offset in range(5)
        if offset not in skip
    ]


def _entry(
    kind: Kind,
    date: str,
    start: str,
    end: str,
    breaks: tuple[tuple[str, str], ...],
    force_majeure: bool,
) -> Entry:
    return Entry(
        kind=kind,
        date=day(date),
        start=clock(start),
        end=clock(end),
        breaks=tuple((clock(a), clock(b)) for a, b in breaks),
        force_majeure=force_majeure,
    )
