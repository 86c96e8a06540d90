"""Schedules as schools plan them, expanded into days (4.1.1, 5.1)."""

import datetime as dt

from compliance.engine import Kind
from compliance.engine.patterns import (
    Lesson,
    Override,
    OverrideKind,
    Pattern,
    PatternKind,
    WorkDay,
    expand_internship,
    lesson_entries,
    parse_breaks,
)

T = dt.time
D = dt.date
FULL_DAY = WorkDay(start=T(8, 30), end=T(16, 30), breaks=((T(12), T(12, 30)),))
MONDAY_TO_FRIDAY = frozenset(range(5))


def block(start: dt.date, end: dt.date, day: WorkDay = FULL_DAY) -> Pattern:
    return Pattern(PatternKind.BLOCK, start, end, MONDAY_TO_FRIDAY, day)


def alternating(start, end, weekdays, every_n_weeks=1, day=FULL_DAY) -> Pattern:
    return Pattern(PatternKind.ALTERNATING, start, end, frozenset(weekdays), day, every_n_weeks)


def test_a_block_runs_on_its_weekdays():
    days = block(D(2026, 2, 2), D(2026, 2, 13)).dates()
    assert len(days) == 10
    assert all(day.weekday() < 5 for day in days)


def test_a_fortnightly_pattern_skips_every_other_week():
    # 4.1.1: "de stage een volledige dag te organiseren op tweewekelijkse basis"
    days = alternating(D(2026, 1, 5), D(2026, 2, 1), [0], every_n_weeks=2).dates()
    assert days == [D(2026, 1, 5), D(2026, 1, 19)]


def test_a_fortnight_counts_from_the_week_of_the_start_date():
    # Starting on a Wednesday: that week is week 0, so its Monday is not in the range but the
    # Monday two weeks later is.
    days = alternating(D(2026, 1, 7), D(2026, 1, 31), [0], every_n_weeks=2).dates()
    assert days == [D(2026, 1, 19)]


def test_day_minutes_subtract_breaks_and_cross_midnight():
    assert FULL_DAY.minutes == 7 * 60 + 30
    assert WorkDay(start=T(22), end=T(2)).minutes == 4 * 60


def test_legal_holidays_are_skipped_unless_the_placement_may_work_then():
    # 5.3: no work on the ten legal holidays without a derogation; Easter Monday 2026 = 6 April.
    pattern = block(D(2026, 4, 6), D(2026, 4, 10))
    skipped = expand_internship([pattern], legal_holidays={D(2026, 4, 6)})
    assert D(2026, 4, 6) not in skipped and len(skipped) == 4
    kept = expand_internship([pattern], legal_holidays={D(2026, 4, 6)}, work_on_legal_holidays=True)
    assert D(2026, 4, 6) in kept


def test_alternating_days_skip_school_holidays_but_blocks_do_not():
    holiday = {D(2026, 2, 16), D(2026, 2, 17)}
    weekly = alternating(D(2026, 2, 9), D(2026, 2, 27), [0])
    assert D(2026, 2, 16) not in expand_internship([weekly], school_holidays=holiday)
    blocked = block(D(2026, 2, 16), D(2026, 2, 20))
    assert D(2026, 2, 16) in expand_internship([blocked], school_holidays=holiday)


def test_a_block_overrides_the_alternating_day_it_shares():
    short_day = WorkDay(start=T(8), end=T(12))
    weekly = alternating(D(2026, 3, 2), D(2026, 3, 31), [0], day=short_day)
    blocked = block(D(2026, 3, 16), D(2026, 3, 20))
    days = expand_internship([blocked, weekly])
    assert days[D(2026, 3, 16)].start == T(8, 30)
    assert days[D(2026, 3, 16)].origin == PatternKind.BLOCK
    assert days[D(2026, 3, 9)].origin == PatternKind.ALTERNATING


def test_overrides_remove_change_and_add_days():
    pattern = block(D(2026, 3, 2), D(2026, 3, 6))
    overtime = WorkDay(start=T(7), end=T(18), force_majeure=True)
    days = expand_internship(
        [pattern],
        [
            Override(D(2026, 3, 2), OverrideKind.DAY_OFF),
            Override(D(2026, 3, 3), OverrideKind.CHANGED_HOURS, overtime),
            Override(D(2026, 3, 7), OverrideKind.EXTRA_DAY, FULL_DAY),
        ],
    )
    assert D(2026, 3, 2) not in days
    assert days[D(2026, 3, 3)].force_majeure
    assert days[D(2026, 3, 3)].origin == PatternKind.BLOCK
    assert days[D(2026, 3, 7)].origin is None


TIMETABLE = [
    Lesson(weekday, start, end)
    for weekday in range(5)
    for start, end in [
        (T(8, 25), T(9, 15)),
        (T(9, 15), T(10, 5)),
        (T(10, 20), T(11, 10)),
        (T(11, 10), T(12, 0)),
        (T(12, 50), T(13, 40)),
        (T(13, 40), T(14, 30)),
    ]
    if not (weekday == 2 and start >= T(12))
]


def test_lessons_become_one_school_entry_a_day_with_the_gaps_as_breaks():
    # 5.1: lesson time counts as work; the time between lessons is a break.
    entries = lesson_entries(
        TIMETABLE, first_day=D(2026, 2, 2), last_day=D(2026, 2, 8), internship={}
    )
    assert [entry.date.weekday() for entry in entries] == [0, 1, 2, 3, 4]
    monday = entries[0]
    assert monday.kind == Kind.SCHOOL
    assert (monday.start, monday.end) == (T(8, 25), T(14, 30))
    assert monday.breaks == ((T(10, 5), T(10, 20)), (T(12), T(12, 50)))
    assert entries[2].end == T(12)


def test_no_lessons_on_an_internship_day_that_covers_them_nor_on_holidays_or_in_summer():
    internship = {D(2026, 2, 2): FULL_DAY}
    entries = lesson_entries(
        TIMETABLE,
        first_day=D(2025, 9, 1),
        last_day=D(2026, 8, 31),
        internship=internship,
        days_without_lessons={D(2026, 2, 3)},
    )
    dates = {entry.date for entry in entries}
    assert D(2026, 2, 2) not in dates
    assert D(2026, 2, 3) not in dates
    assert max(dates) <= D(2026, 6, 30)


def test_a_half_internship_day_keeps_the_afternoon_lessons():
    morning = WorkDay(start=T(8), end=T(12))
    entries = lesson_entries(
        TIMETABLE,
        first_day=D(2026, 2, 2),
        last_day=D(2026, 2, 2),
        internship={D(2026, 2, 2): morning},
    )
    assert [(entry.start, entry.end) for entry in entries] == [(T(12, 50), T(14, 30))]


def test_parse_breaks_reads_stored_pairs():
    assert parse_breaks([["12:00", "12:30"]]) == ((T(12), T(12, 30)),)


# Mondays to Fridays 08:25–16:25 in 50-minute lessons, a morning and an afternoon break, lunch,
# and Wednesday afternoon free.
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
FULL_TIMETABLE = [
    Lesson(weekday, start, end)
    for weekday in range(5)
    for start, end in LESSON_TIMES
    if not (weekday == 2 and start >= T(12))
]
MONDAY = D(2026, 3, 2)


def lessons_on(day: dt.date, work_day: WorkDay) -> list[tuple[dt.time, dt.time]]:
    """The lessons left on ``day`` next to ``work_day``, as (first start, last end) per entry."""
    entries = lesson_entries(
        FULL_TIMETABLE, first_day=day, last_day=day, internship={day: work_day}
    )
    return [(entry.start, entry.end) for entry in entries]


def test_a_block_day_has_no_lessons_even_when_it_ends_before_the_last_lesson():
    # 4.1.1: a block is an uninterrupted period at the host; the pupil is not at school.
    block_day = WorkDay(
        start=T(7), end=T(15, 30), breaks=((T(12), T(12, 30)),), origin=PatternKind.BLOCK
    )
    assert lessons_on(MONDAY, block_day) == []


def test_a_short_block_day_has_no_lessons_either():
    short = WorkDay(start=T(8), end=T(12), origin=PatternKind.BLOCK)
    assert lessons_on(MONDAY, short) == []


def test_a_full_alternating_day_has_no_lessons():
    # Two half days of internship (3): a full day at the host.
    full = WorkDay(
        start=T(9), end=T(15), breaks=((T(12), T(12, 30)),), origin=PatternKind.ALTERNATING
    )
    assert lessons_on(MONDAY, full) == []


def test_a_morning_at_the_host_keeps_only_the_afternoon_lessons():
    # 4.1.1: "een halve lesdag combineren met een halve stagedag".
    morning = WorkDay(start=T(8), end=T(12), origin=PatternKind.ALTERNATING)
    assert lessons_on(MONDAY, morning) == [(T(12, 50), T(16, 25))]


def test_a_morning_that_runs_into_the_afternoon_drops_the_lesson_it_overlaps():
    morning = WorkDay(start=T(8, 30), end=T(13, 30), origin=PatternKind.ALTERNATING)
    assert lessons_on(MONDAY, morning) == [(T(13, 40), T(16, 25))]


def test_an_afternoon_at_the_host_keeps_only_the_morning_lessons():
    # The weekly afternoon of 4 h 15 is half a day (3): the morning is at school.
    afternoon = WorkDay(start=T(13), end=T(17, 15), origin=PatternKind.ALTERNATING)
    assert lessons_on(MONDAY, afternoon) == [(T(8, 25), T(12))]


def test_an_afternoon_that_starts_after_lunch_drops_the_first_afternoon_lesson_too():
    afternoon = WorkDay(start=T(13, 45), end=T(18), origin=PatternKind.ALTERNATING)
    assert lessons_on(MONDAY, afternoon) == [(T(8, 25), T(12))]


def test_an_evening_shift_after_school_keeps_every_lesson():
    # Work outside school hours does not replace lessons: the day holds both (5.1).
    evening = WorkDay(start=T(17), end=T(21), origin=PatternKind.ALTERNATING)
    assert lessons_on(MONDAY, evening) == [(T(8, 25), T(16, 25))]


def test_a_day_too_short_for_a_half_day_keeps_the_lessons_outside_its_hours():
    # 4.1.1: under four lesson hours is no half day; the engine warns about it.
    short = WorkDay(start=T(8, 25), end=T(10, 5), origin=PatternKind.ALTERNATING)
    assert lessons_on(MONDAY, short) == [(T(10, 20), T(16, 25))]


def test_a_wednesday_afternoon_at_the_host_keeps_the_wednesday_morning():
    afternoon = WorkDay(start=T(13), end=T(17), origin=PatternKind.ALTERNATING)
    assert lessons_on(D(2026, 3, 4), afternoon) == [(T(8, 25), T(12))]


def test_a_combined_plan_keeps_lessons_only_beside_the_half_days():
    # 4.1.1: a half day a week with a block; the block's Monday has no lessons, the other
    # Mondays keep their afternoon, the other weekdays all their lessons.
    morning = WorkDay(start=T(8), end=T(12))
    weekly = alternating(D(2026, 3, 2), D(2026, 3, 20), [0], day=morning)
    blocked = block(D(2026, 3, 9), D(2026, 3, 13), WorkDay(start=T(8), end=T(12)))
    days = expand_internship([weekly, blocked])
    entries = lesson_entries(
        FULL_TIMETABLE, first_day=D(2026, 3, 2), last_day=D(2026, 3, 20), internship=days
    )
    by_date = {entry.date: (entry.start, entry.end) for entry in entries}
    assert by_date[D(2026, 3, 2)] == (T(12, 50), T(16, 25))
    assert by_date[D(2026, 3, 16)] == (T(12, 50), T(16, 25))
    assert not {D(2026, 3, 9) + dt.timedelta(days=offset) for offset in range(5)} & set(by_date)
    assert by_date[D(2026, 3, 3)] == (T(8, 25), T(16, 25))
    assert by_date[D(2026, 3, 4)] == (T(8, 25), T(12))
