"""The engine's entry point: a schedule in, its violations and totals out."""

import datetime as dt
from dataclasses import dataclass

from compliance.engine.calendar import SUPPORTED_YEARS
from compliance.engine.model import (
    CheckResult,
    Rule,
    Schedule,
    ScheduleInputError,
    Totals,
    Violation,
)
from compliance.engine.rules import ALL_RULES
from compliance.engine.rules.context import Context
from compliance.engine.timeline import Timeline, build_timeline

# Birth dates far outside this range are typing errors, and their birthdays could fall
# beyond the last date Python can represent.
BIRTH_YEARS = range(1900, 2101)


@dataclass(frozen=True, slots=True)
class PreparedSchedule:
    """A schedule that :func:`prepare` accepted, with the timeline every rule reads.

    Validating a schedule means building its timeline; keeping it lets a caller that
    validates first (the JSON reader) check without building it a second time.
    """

    schedule: Schedule
    timeline: Timeline


def check(schedule: Schedule) -> CheckResult:
    """Check ``schedule`` against every rule.

    Returns at most one violation per rule and date, sorted by date and then rule code, with
    the schedule's totals. Raises :class:`ScheduleInputError` when the schedule cannot be
    checked (see :func:`validate_schedule`); any other schedule is checked without error.
    """
    return check_prepared(prepare(schedule))


def check_prepared(prepared: PreparedSchedule) -> CheckResult:
    """:func:`check` for a schedule that :func:`prepare` already accepted; never raises."""
    context = Context(prepared.schedule, prepared.timeline)
    found: dict[tuple[Rule, dt.date], Violation] = {}
    for rule in ALL_RULES:
        for found_violation in rule(context):
            found.setdefault((found_violation.rule, found_violation.date), found_violation)
    violations = sorted(found.values(), key=lambda v: (v.date, v.rule.value))
    return CheckResult(
        violations=tuple(violations),
        totals=Totals(
            internship_minutes=context.timeline.internship_minutes,
            school_minutes=context.timeline.school_minutes,
            half_days=context.half_days,
        ),
    )


def validate_schedule(schedule: Schedule) -> list[str]:
    """Dutch messages, each naming its path, for everything that stops ``schedule`` being
    checked; empty when :func:`check` will succeed.
    """
    try:
        prepare(schedule)
    except ScheduleInputError as error:
        return error.errors
    return []


def prepare(schedule: Schedule) -> PreparedSchedule:
    """``schedule`` with its timeline, ready for :func:`check_prepared`.

    Raises :class:`ScheduleInputError` with every message :func:`validate_schedule` gives.
    """
    errors: list[str] = []
    start = schedule.school_year_start
    if start not in SUPPORTED_YEARS or start + 1 not in SUPPORTED_YEARS:
        errors.append(
            f"school_year: {start}-{start + 1} valt buiten de ondersteunde jaren "
            f"{SUPPORTED_YEARS.start}–{SUPPORTED_YEARS.stop - 1}"
        )
    birth_date = schedule.student.birth_date
    if birth_date.year not in BIRTH_YEARS:
        errors.append(
            f"student.birth_date: {birth_date.isoformat()} valt buiten de jaren "
            f"{BIRTH_YEARS.start}–{BIRTH_YEARS.stop - 1}"
        )
    try:
        timeline = build_timeline(schedule.entries)
    except ScheduleInputError as error:
        raise ScheduleInputError(errors + error.errors) from None
    if errors:
        raise ScheduleInputError(errors)
    return PreparedSchedule(schedule, timeline)
