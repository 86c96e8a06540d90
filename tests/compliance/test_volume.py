"""Planned volume in the units of sections 3 and 4.1.1."""

import datetime as dt

from compliance.engine.patterns import PatternKind, WorkDay
from compliance.engine.volume import half_days, lesson_weeks, planned_volume

T = dt.time
FULL = WorkDay(start=T(8, 30), end=T(16, 30), origin=PatternKind.BLOCK)
HALF = WorkDay(start=T(8, 30), end=T(12, 30), origin=PatternKind.ALTERNATING)


def test_a_day_of_more_than_four_hours_counts_two_half_days():
    # Section 3 counts half days; 4.1.1: a full day is two half days.
    assert half_days(FULL) == 2
    assert half_days(HALF) == 1
    assert half_days(WorkDay(start=T(8), end=T(12, 1))) == 2


def test_block_weeks_count_one_lesson_hour_each():
    # 4.1.1: "bij een blokstage komt een lesuur in de lessentabel overeen met een schoolweek"
    days = {dt.date(2026, 2, 2) + dt.timedelta(days=offset): FULL for offset in range(12)}
    days = {day: work for day, work in days.items() if day.weekday() < 5}
    volume = planned_volume(days, lesson_weeks=36)
    assert volume.block_weeks == 2
    assert volume.half_days == 20
    assert volume.lesson_hours == 2.0
    assert volume.meets_legal_minimum()


def test_a_half_day_a_week_all_year_is_four_lesson_hours():
    # 4.1.1: "vier lesuren komen overeen met een halve werkdag per week"
    mondays = {dt.date(2025, 9, 1) + dt.timedelta(weeks=week): HALF for week in range(36)}
    volume = planned_volume(mondays, lesson_weeks=36)
    assert volume.alternating_weeks == 36
    assert volume.alternating_half_days_per_week == 1.0
    assert volume.lesson_hours == 4.0


def test_lesson_weeks_leave_out_weeks_that_are_entirely_holiday():
    first = dt.date(2025, 9, 1)
    all_weeks = lesson_weeks(first, set())
    christmas = {dt.date(2025, 12, 22) + dt.timedelta(days=offset) for offset in range(14)}
    assert lesson_weeks(first, christmas) == all_weeks - 2
