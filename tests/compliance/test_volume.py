"""Planned volume in the units of sections 3 and 4.1.1: real half days, block weeks of five
block days, alternating days over the lesson days of their weekday, and the shortfall against
the timetable's internship hours."""

import datetime as dt

import pytest

from compliance.engine import school_calendar
from compliance.engine.calendar import legal_holidays
from compliance.engine.patterns import Pattern, PatternKind, WorkDay, expand_internship
from compliance.engine.volume import (
    half_days,
    lesson_calendar,
    lesson_hour_shortfall,
    planned_volume,
)

T = dt.time
D = dt.date
FULL = WorkDay(start=T(8, 30), end=T(16, 30), breaks=((T(12), T(12, 30)),))
MORNING = WorkDay(start=T(8, 30), end=T(12, 30))
AFTERNOON = WorkDay(start=T(13), end=T(17, 15))
LEGAL = set(legal_holidays(2025)) | set(legal_holidays(2026))
SCHOOL = set(school_calendar.school_holiday_dates(2025))
CALENDAR = lesson_calendar(D(2025, 9, 1), LEGAL | SCHOOL)
WEEKDAYS = frozenset(range(5))


def expand(*patterns: Pattern) -> dict:
    return expand_internship(patterns, legal_holidays=LEGAL, school_holidays=SCHOOL)


def block(start: dt.date, end: dt.date, weekdays=WEEKDAYS) -> Pattern:
    return Pattern(PatternKind.BLOCK, start, end, frozenset(weekdays), FULL)


FIRST_DAY, LAST_LESSON_DAY = D(2025, 9, 1), D(2026, 6, 30)


def alternating(weekday: int, day: WorkDay = FULL, *, start=FIRST_DAY, end=LAST_LESSON_DAY):
    return Pattern(PatternKind.ALTERNATING, start, end, frozenset({weekday}), day)


def lesson_hours(*patterns: Pattern) -> float:
    return planned_volume(expand(*patterns), calendar=CALENDAR).lesson_hours


class TestHalfDays:
    """Section 3 counts mornings and afternoons; 4.1.1: a half day holds four lesson hours."""

    def test_a_full_day_is_a_morning_and_an_afternoon(self):
        assert half_days(FULL) == 2

    def test_a_weekly_afternoon_of_4_h_15_is_half_a_day_not_a_full_day(self):
        assert half_days(AFTERNOON) == 1

    def test_a_morning_a_minute_over_four_hours_stays_one_half_day(self):
        assert half_days(WorkDay(start=T(8), end=T(12, 1))) == 1

    def test_a_day_under_four_lesson_hours_is_no_half_day(self):
        # 4.1.1: an alternating internship during school hours is at least half a day.
        assert half_days(WorkDay(start=T(8), end=T(11, 19))) == 0
        assert half_days(WorkDay(start=T(8), end=T(12), breaks=((T(10), T(11)),))) == 0

    def test_the_work_intervals_leave_the_breaks_out_and_run_past_midnight(self):
        assert FULL.work_intervals() == [(510, 720), (750, 990)]
        night = WorkDay(start=T(22), end=T(6), breaks=((T(2), T(2, 30)),))
        assert night.work_intervals() == [(1320, 1560), (1590, 1800)]


class TestBlockWeeks:
    """4.1.1: "bij een blokstage komt een lesuur in de lessentabel overeen met een schoolweek";
    a school week of block internship is five block days."""

    def test_a_wednesday_to_tuesday_block_of_five_days_is_one_week(self):
        volume = planned_volume(expand(block(D(2026, 3, 4), D(2026, 3, 10))), calendar=CALENDAR)
        assert volume.block_days == 5
        assert volume.block_weeks == 1.0
        assert volume.lesson_hours == 1.0

    def test_a_two_day_block_is_not_a_week(self):
        volume = planned_volume(expand(block(D(2026, 3, 5), D(2026, 3, 6))), calendar=CALENDAR)
        assert volume.block_weeks == 0.4
        assert volume.lesson_hours == 0.4

    def test_a_block_from_tuesday_to_saturday_is_a_week_too(self):
        shop_week = block(D(2026, 3, 3), D(2026, 3, 7), weekdays={1, 2, 3, 4, 5})
        assert lesson_hours(shop_week) == 1.0

    def test_a_block_week_with_a_legal_holiday_is_still_a_week(self):
        # 5.3: nobody works on 1 May (a Friday in 2026), so its four days are the whole week.
        assert lesson_hours(block(D(2026, 4, 27), D(2026, 5, 1))) == 1.0

    def test_no_week_counts_for_more_than_one(self):
        every_day = block(D(2026, 3, 2), D(2026, 3, 8), weekdays=range(7))
        assert lesson_hours(every_day) == 1.0

    def test_two_block_weeks_are_two_lesson_hours_and_twenty_half_days(self):
        volume = planned_volume(expand(block(D(2026, 2, 2), D(2026, 2, 13))), calendar=CALENDAR)
        assert (volume.block_weeks, volume.half_days, volume.lesson_hours) == (2.0, 20, 2.0)
        assert volume.meets_legal_minimum()


class TestAlternating:
    """4.1.1: "vier lesuren komen overeen met een halve werkdag per week, acht lesuren met een
    volledige werkdag per week"."""

    def test_a_half_day_every_monday_is_four_lesson_hours_though_holidays_skip_mondays(self):
        volume = planned_volume(expand(alternating(0, MORNING)), calendar=CALENDAR)
        assert volume.alternating_half_days == CALENDAR.days_by_weekday[0]
        assert volume.lesson_hours == 4.0

    def test_a_full_day_every_week_is_eight_lesson_hours_on_any_weekday(self):
        assert [lesson_hours(alternating(weekday)) for weekday in range(5)] == [8.0] * 5

    def test_a_weekly_afternoon_of_4_h_15_is_four_lesson_hours_not_eight(self):
        assert lesson_hours(alternating(3, AFTERNOON)) == 4.0

    def test_a_full_day_every_other_week_is_about_four_lesson_hours(self):
        # 4.1.1 "een volledige dag op tweewekelijkse basis": the fortnights that fall in a
        # holiday are lost, so 2025-26 holds 17 of the 37 Tuesdays.
        fortnightly = Pattern(
            PatternKind.ALTERNATING, D(2025, 9, 1), D(2026, 6, 30), frozenset({1}), FULL, 2
        )
        assert len(expand(fortnightly)) == 17
        assert lesson_hours(fortnightly) == pytest.approx(8 * 17 / 37, abs=0.05)

    def test_a_full_day_a_week_for_one_semester_is_about_four_lesson_hours(self):
        # 4.1.1 "een volledige dag per week gedurende een deel van het schooljaar".
        semester = alternating(2, start=D(2026, 2, 1), end=D(2026, 6, 30))
        assert lesson_hours(semester) == pytest.approx(8 * 18 / 37, abs=0.05)


class TestCombination:
    """4.1.1: 10 lesson hours are a full day a week with a block of two weeks, or a half day a
    week with a block of six weeks."""

    def test_a_full_day_a_week_and_a_two_week_block_are_ten_lesson_hours(self):
        # The block takes two Mondays from the alternating pattern; the rest stays eight.
        assert lesson_hours(alternating(0), block(D(2026, 3, 2), D(2026, 3, 13))) == 10.0

    def test_a_half_day_a_week_and_a_six_week_block_are_ten_lesson_hours(self):
        six_weeks = block(D(2026, 4, 20), D(2026, 5, 29))
        volume = planned_volume(expand(alternating(4, MORNING), six_weeks), calendar=CALENDAR)
        # 1 May, Ascension Day and Whit Monday are legal holidays in three of the six weeks.
        assert volume.block_days == 27
        assert volume.block_weeks == 6.0
        assert volume.lesson_hours == 10.0

    def test_a_block_in_a_school_holiday_takes_no_lesson_day_from_the_alternating_days(self):
        # Section 4 allows a block in a holiday; Easter Monday (a legal holiday) leaves four
        # working days in the first week, all of them in the block.
        easter_block = block(D(2026, 4, 7), D(2026, 4, 17))
        assert lesson_hours(alternating(1), easter_block) == 8.0 + 2.0

    def test_the_shares_of_two_placements_add_up_to_the_year(self):
        blocks = expand(block(D(2026, 3, 2), D(2026, 3, 13)))
        mondays = expand(alternating(0))
        year = {**mondays, **blocks}
        share_of_block = planned_volume(blocks, calendar=CALENDAR, year_days=year)
        share_of_mondays = planned_volume(
            {date: day for date, day in mondays.items() if date not in blocks},
            calendar=CALENDAR,
            year_days=year,
        )
        total = planned_volume(year, calendar=CALENDAR)
        assert share_of_block.lesson_hours + share_of_mondays.lesson_hours == total.lesson_hours


class TestLessonCalendar:
    def test_weeks_that_are_entirely_holiday_are_no_lesson_weeks(self):
        without_holidays = lesson_calendar(D(2025, 9, 1), set())
        christmas = {D(2025, 12, 22) + dt.timedelta(days=offset) for offset in range(14)}
        assert lesson_calendar(D(2025, 9, 1), christmas).weeks == without_holidays.weeks - 2

    def test_the_flemish_year_2025_26_has_38_lesson_weeks(self):
        # Legal holidays and the built-in calendar (section 4) close the weekdays they name.
        assert CALENDAR.weeks == 38
        assert CALENDAR.days_by_weekday == (37, 37, 37, 36, 35)
        assert not CALENDAR.is_lesson_day(D(2026, 5, 25))  # Whit Monday
        assert not CALENDAR.is_lesson_day(D(2026, 7, 1))


class TestShortfall:
    """A plan under the programme's timetable hours (4.1.1) is a shortfall, in lesson hours,
    block weeks and alternating half days."""

    def test_two_lesson_hours_short_are_two_block_weeks_or_half_a_half_day_a_week(self):
        shortfall = lesson_hour_shortfall(planned=8.0, required=10, lesson_weeks=36)
        assert shortfall is not None
        assert shortfall.missing == 2.0
        assert shortfall.block_weeks == 2.0
        assert shortfall.half_days_per_week == 0.5
        assert shortfall.half_days == 18

    def test_a_plan_that_reaches_the_hours_or_a_programme_without_hours_has_none(self):
        assert lesson_hour_shortfall(planned=10.0, required=10, lesson_weeks=36) is None
        assert lesson_hour_shortfall(planned=12.0, required=10, lesson_weeks=36) is None
        assert lesson_hour_shortfall(planned=0.0, required=0, lesson_weeks=36) is None

    def test_a_weekly_afternoon_against_eight_lesson_hours_is_four_short(self):
        volume = planned_volume(expand(alternating(3, AFTERNOON)), calendar=CALENDAR)
        shortfall = volume.shortfall(8)
        assert shortfall is not None
        assert shortfall.missing == 4.0
        assert shortfall.half_days_per_week == 1.0
