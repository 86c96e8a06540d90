"""Internship days beside the class timetable, through the adapter and the engine (4.1.1, 5.1).

A pupil on a block, or on a full alternating day, is not at school that day: the class
timetable adds no lessons to it. On a half day of internship only the other half day's
lessons count. Each plan runs over a full class timetable (Monday to Friday 08:25–16:25 in
50-minute lessons with breaks, Wednesday afternoon free) and the whole Flemish school year
2025–26, so a false ``daily_max`` or ``weekly_max`` would show.
"""

import datetime as dt

import pytest

from compliance.engine import (
    Entry,
    Exemptions,
    Kind,
    Rule,
    Schedule,
    Student,
    check,
    school_calendar,
)
from compliance.engine.calendar import legal_holidays
from compliance.engine.patterns import Lesson, Pattern, PatternKind, WorkDay, expand_internship
from compliance.engine.volume import lesson_calendar, planned_volume
from compliance.schedules import assemble_schedule, schedules_for_student_year
from internships.models import SchoolYear
from tests.factories import PlacementFactory, PlacementPeriodFactory, TimetableSlotFactory

T = dt.time
D = dt.date
LESSON_TIMES = [
    (T(8, 25), T(9, 15)),
    (T(9, 15), T(10, 5)),
    (T(10, 20), T(11, 10)),
    (T(11, 10), T(12, 0)),
    (T(12, 50), T(13, 40)),
    (T(13, 40), T(14, 30)),
    (T(14, 45), T(15, 35)),
    (T(15, 35), T(16, 25)),
]
TIMETABLE = [
    Lesson(weekday, start, end)
    for weekday in range(5)
    for start, end in LESSON_TIMES
    if not (weekday == 2 and start >= T(12))
]
SCHOOL_YEAR = SchoolYear(start_year=2025)
LEGAL = set(legal_holidays(2025)) | set(legal_holidays(2026))
SCHOOL = set(school_calendar.school_holiday_dates(2025))
MINOR = D(2009, 5, 1)
# 5.2.1: more than six hours of work give a minor an hour of breaks, half an hour at once.
BLOCK_DAY = WorkDay(
    start=T(7), end=T(15, 30), breaks=((T(10), T(10, 15)), (T(12), T(12, 30)), (T(14), T(14, 15)))
)
FULL_DAY = WorkDay(
    start=T(8, 30),
    end=T(16, 30),
    breaks=((T(10), T(10, 15)), (T(12), T(12, 30)), (T(14, 30), T(14, 45))),
)
MORNING = WorkDay(start=T(8), end=T(12))
AFTERNOON = WorkDay(start=T(13), end=T(17, 15), breaks=((T(15), T(15, 15)),))
BLOCK_WEEK = (D(2026, 3, 2), D(2026, 3, 6))


def block(start: dt.date, end: dt.date, day: WorkDay = BLOCK_DAY) -> Pattern:
    return Pattern(PatternKind.BLOCK, start, end, frozenset(range(5)), day)


SECOND_WEEK = D(2025, 9, 15)
WHOLE_YEAR = D(2025, 9, 1)


def weekly(weekday: int, day: WorkDay, start: dt.date = SECOND_WEEK) -> Pattern:
    return Pattern(PatternKind.ALTERNATING, start, D(2026, 6, 30), frozenset({weekday}), day)


def schedule_of(*patterns: Pattern):
    days = expand_internship(patterns, legal_holidays=LEGAL, school_holidays=SCHOOL)
    schedule = assemble_schedule(
        birth_date=MINOR,
        school_year=SCHOOL_YEAR,
        days=days,
        lessons=TIMETABLE,
        days_without_lessons=LEGAL | SCHOOL,
        exemptions=Exemptions(),
        requires_minimum_volume=True,
    )
    return days, schedule


def school_entries(schedule: Schedule, date: dt.date) -> list[tuple[dt.time, dt.time]]:
    return [
        (entry.start, entry.end)
        for entry in schedule.entries
        if entry.kind is Kind.SCHOOL and entry.date == date
    ]


def rules(schedule: Schedule) -> set[Rule]:
    return {violation.rule for violation in check(schedule).violations}


def test_the_block_of_07_00_to_15_30_keeps_no_15_35_lesson_and_gets_no_false_error():
    # 5.1: 7 h 30 a day and 37 h 30 a week are within 8 h and 38 h; the lesson 15:35–16:25
    # would add 50 minutes to each day the pupil is not at school at all.
    days, schedule = schedule_of(block(*BLOCK_WEEK))
    for date in days:
        assert school_entries(schedule, date) == []
    assert school_entries(schedule, D(2026, 3, 9)) == [(T(8, 25), T(16, 25))]
    found = rules(schedule)
    assert Rule.DAILY_MAX not in found
    assert Rule.WEEKLY_MAX not in found
    assert not check(schedule).has_errors


def test_the_same_block_with_the_last_lesson_added_is_what_used_to_break_the_rules():
    # The case this guards against: the lesson after the block day makes 8 h 20 and 41 h 40.
    days, schedule = schedule_of(block(*BLOCK_WEEK))
    late_lessons = tuple(
        Entry(kind=Kind.SCHOOL, date=date, start=T(15, 35), end=T(16, 25)) for date in days
    )
    entries = tuple(sorted(schedule.entries + late_lessons, key=lambda e: (e.date, e.start)))
    old = Schedule(student=Student(birth_date=MINOR), school_year_start=2025, entries=entries)
    assert {Rule.DAILY_MAX, Rule.WEEKLY_MAX} <= rules(old)


def test_a_full_day_every_thursday_has_no_lessons_that_day_and_no_error():
    days, schedule = schedule_of(weekly(3, FULL_DAY))
    thursday = D(2026, 3, 5)
    assert thursday in days
    assert school_entries(schedule, thursday) == []
    assert school_entries(schedule, thursday + dt.timedelta(days=1)) == [(T(8, 25), T(16, 25))]
    assert not check(schedule).has_errors


def test_a_monday_morning_at_the_host_keeps_the_monday_afternoon_lessons():
    _days, schedule = schedule_of(weekly(0, MORNING))
    monday = D(2026, 3, 2)
    assert school_entries(schedule, monday) == [(T(12, 50), T(16, 25))]
    assert not check(schedule).has_errors


def test_a_weekly_afternoon_of_4_h_15_keeps_the_morning_lessons():
    _days, schedule = schedule_of(weekly(1, AFTERNOON))
    assert school_entries(schedule, D(2026, 3, 3)) == [(T(8, 25), T(12))]
    assert not check(schedule).has_errors


def test_a_full_day_a_week_with_a_two_week_block_is_ten_lesson_hours_without_errors():
    # 4.1.1: "10 lesuren stage ... een volledige dag per week, aangevuld met een blokstage van
    # twee weken".
    whole_year = weekly(3, FULL_DAY, start=WHOLE_YEAR)
    days, schedule = schedule_of(whole_year, block(D(2026, 3, 2), D(2026, 3, 13)))
    assert all(school_entries(schedule, date) == [] for date in days)
    assert not check(schedule).has_errors
    calendar = lesson_calendar(SCHOOL_YEAR.start_date, LEGAL | SCHOOL)
    volume = planned_volume(days, calendar=calendar)
    assert volume.block_weeks == 2.0
    assert volume.lesson_hours == 10.0
    assert volume.shortfall(10) is None


def test_starting_the_weekly_day_two_weeks_late_is_a_shortfall_of_half_a_lesson_hour():
    # 4.1.2 advises a later start; the two Thursdays it costs show against the timetable.
    days, _schedule = schedule_of(weekly(3, FULL_DAY), block(D(2026, 3, 2), D(2026, 3, 13)))
    calendar = lesson_calendar(SCHOOL_YEAR.start_date, LEGAL | SCHOOL)
    shortfall = planned_volume(days, calendar=calendar).shortfall(10)
    assert shortfall is not None
    assert (shortfall.missing, shortfall.block_weeks) == (0.5, 0.5)


def test_a_half_day_a_week_with_a_block_keeps_lessons_only_beside_the_half_days():
    _days, schedule = schedule_of(weekly(0, MORNING), block(D(2026, 3, 9), D(2026, 3, 13)))
    assert school_entries(schedule, D(2026, 3, 2)) == [(T(12, 50), T(16, 25))]
    assert school_entries(schedule, D(2026, 3, 9)) == []
    assert school_entries(schedule, D(2026, 3, 16)) == [(T(12, 50), T(16, 25))]
    assert not check(schedule).has_errors


@pytest.mark.django_db
def test_a_placement_with_the_class_timetable_gets_no_false_error(school_a):
    """The exact case through ``compliance.schedules``: the database's class timetable and a
    block placement from 07:00 to 15:30."""
    for lesson in TIMETABLE:
        TimetableSlotFactory(
            school_class=school_a.school_class,
            weekday=lesson.weekday,
            start_time=lesson.start,
            end_time=lesson.end,
        )
    placement = PlacementFactory(
        student=school_a.pupil,
        host=school_a.host,
        workplace=school_a.workplace,
        start_date=school_a.placement.end_date + dt.timedelta(days=31),
    )
    PlacementPeriodFactory(
        placement=placement,
        start_time=T(7),
        end_time=T(15, 30),
        breaks=[["10:00", "10:15"], ["12:00", "12:30"], ["14:00", "14:15"]],
    )
    schedules = schedules_for_student_year(school_a.pupil.pk, school_a.school_year)
    own = next(s for s in schedules if s.placement.pk == placement.pk)

    lesson_days = {e.date for e in own.schedule.entries if e.kind is Kind.SCHOOL}
    assert not lesson_days & set(own.own_days)
    errors = [
        violation
        for violation in check(own.schedule).violations
        if violation.severity == "error" and own.concerns(violation.rule, violation.date)
    ]
    assert errors == []
