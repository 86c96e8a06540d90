"""One entry per broken rule and message: a block with a short lunch break on ten days reads as
one group of ten dates (5.2.1), not as ten identical lines."""

import datetime as dt
from dataclasses import dataclass, field

from compliance.engine import Rule, Severity, Violation, check
from compliance.engine.grouping import group_violations
from tests.compliance.builders import internship, schedule

MONDAY = dt.date(2026, 2, 2)


def message(violation) -> str:
    return violation.message


def weekdays_of(weeks: int) -> list[str]:
    days = [MONDAY + dt.timedelta(days=offset) for offset in range(7 * weeks)]
    return [day.isoformat() for day in days if day.weekday() < 5]


@dataclass(frozen=True)
class Stored:
    """A violation as the web layer keeps it: codes as plain strings."""

    rule: str
    date: dt.date
    severity: str
    source: str
    text: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.text


def test_5_2_1_ten_days_with_the_same_short_break_are_one_group() -> None:
    entries = [
        internship(day, "08:30", "16:30", ("12:00", "12:30")) for day in weekdays_of(weeks=2)
    ]
    result = check(schedule(*entries))

    [group] = group_violations(result.violations, message)

    assert group.code == "break_too_short"
    assert group.message.startswith("7 u 30 min arbeid met 30 min pauze")
    assert len(group.dates) == 10
    assert group.dates[0] == MONDAY
    assert group.is_error
    assert group.source == "5.2.1"


def test_5_2_1_days_with_different_messages_stay_apart() -> None:
    entries = [
        internship("2026-02-02", "08:30", "16:30", ("12:00", "12:30")),
        internship("2026-02-03", "08:30", "16:30", ("12:00", "12:30")),
        internship("2026-02-04", "08:00", "16:30", ("12:00", "12:30")),
    ]
    groups = group_violations(check(schedule(*entries)).violations, message)
    assert [(g.message[:10], len(g.dates)) for g in groups] == [
        ("7 u 30 min", 2),
        ("8 u arbeid", 1),
    ]


def test_errors_come_before_warnings_then_the_first_date_decides() -> None:
    violations = [
        Stored("minimum_volume", MONDAY, "warning", "3", "volume"),
        Stored("sunday_work", MONDAY + dt.timedelta(days=13), "error", "5.3", "zondag"),
        Stored("daily_max", MONDAY + dt.timedelta(days=3), "error", "5.1", "dag"),
        Stored("sunday_work", MONDAY + dt.timedelta(days=6), "error", "5.3", "zondag"),
    ]
    groups = group_violations(violations, message)
    assert [(g.code, g.dates[0].day) for g in groups] == [
        ("daily_max", 5),
        ("sunday_work", 8),
        ("minimum_volume", 2),
    ]
    assert groups[1].dates == (dt.date(2026, 2, 8), dt.date(2026, 2, 15))
    assert not groups[2].is_error


def test_the_translated_message_decides_what_is_the_same() -> None:
    violations = [
        Stored("daily_max", MONDAY, "error", "5.1", "9 u"),
        Stored("daily_max", MONDAY + dt.timedelta(days=1), "error", "5.1", "9 h"),
    ]
    assert len(group_violations(violations, lambda v: v.text.replace(" h", " u"))) == 1
    assert len(group_violations(violations, message)) == 2


def test_engine_and_stored_violations_group_alike() -> None:
    engine = Violation(Rule.SUNDAY_WORK, MONDAY, Severity.ERROR, "5.3", "zondag")
    stored = Stored("sunday_work", MONDAY + dt.timedelta(days=7), "error", "5.3", "zondag")
    [group] = group_violations([stored, engine], message)
    assert group.code == "sunday_work"
    assert group.first is engine


def test_no_violations_no_groups() -> None:
    assert group_violations([], message) == []
