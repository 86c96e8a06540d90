"""What a half day of internship is, seed sections 3 and 4.1.1 (compliance.engine.halfdays)."""

import pytest

from compliance.engine.halfdays import half_days, is_below_half_day


def at(clock: str) -> int:
    """Minutes since the day's midnight; ``+1`` days written as ``24:30`` and later."""
    hours, minutes = map(int, clock.split(":"))
    return hours * 60 + minutes


def day(*spans: tuple[str, str]) -> int:
    return half_days((at(start), at(end)) for start, end in spans)


class TestFourLessonHours:
    """4.1.1: four lesson hours of 50 minutes (3 h 20 min) are half a working day."""

    def test_4_1_1_three_hours_20_in_a_morning_is_a_half_day(self) -> None:
        assert day(("08:00", "11:20")) == 1

    def test_4_1_1_three_hours_19_is_no_half_day(self) -> None:
        assert day(("08:00", "11:19")) == 0

    def test_4_1_1_the_minimum_counts_work_in_both_halves_together(self) -> None:
        # 1 h 40 before 13:00 and 1 h 40 after: two lesson hours in each half.
        assert day(("11:20", "14:40")) == 2
        # 1 h 39 before 13:00 and 1 h 41 after: one half day.
        assert day(("11:21", "14:41")) == 1
        assert day(("11:21", "14:40")) == 0

    def test_4_1_1_breaks_are_left_out_by_the_caller(self) -> None:
        assert day(("08:00", "10:00"), ("10:15", "11:35")) == 1
        assert day(("08:00", "10:00"), ("10:15", "11:34")) == 0

    @pytest.mark.parametrize(
        ("minutes", "below"), [(0, False), (1, True), (199, True), (200, False), (480, False)]
    )
    def test_4_1_1_is_below_half_day(self, minutes: int, below: bool) -> None:
        """No internship at all is not a short internship day."""
        assert is_below_half_day(minutes) is below


class TestMorningAndAfternoon:
    """3: the 18 half days count mornings and afternoons; a part counts from 1 h 40."""

    def test_3_a_full_day_is_two_half_days(self) -> None:
        assert day(("08:00", "12:00"), ("13:00", "16:30")) == 2

    def test_3_an_afternoon_part_of_1_h_40_counts_1_h_39_does_not(self) -> None:
        assert day(("08:00", "12:00"), ("13:00", "14:40")) == 2
        assert day(("08:00", "12:00"), ("13:00", "14:39")) == 1

    def test_3_a_morning_part_of_1_h_40_counts_1_h_39_does_not(self) -> None:
        assert day(("11:20", "13:00"), ("13:30", "17:00")) == 2
        assert day(("11:21", "13:00"), ("13:30", "17:00")) == 1

    def test_3_the_afternoon_starts_at_13_00(self) -> None:
        # The work on each side of 13:00 is split there, whatever the entry.
        assert day(("09:20", "13:00")) == 1
        assert day(("09:20", "13:01")) == 1
        assert day(("13:00", "16:20")) == 1
        assert day(("11:19", "16:20")) == 2
        assert day(("11:21", "16:20")) == 1

    def test_3_a_long_morning_is_one_half_day(self) -> None:
        assert day(("06:00", "12:59")) == 1


class TestNightWork:
    """Work after midnight belongs to the afternoon of the day it started."""

    def test_3_an_evening_into_the_night_is_an_afternoon(self) -> None:
        assert day(("20:00", "26:00")) == 1

    def test_3_a_morning_and_a_night_are_two_half_days(self) -> None:
        assert day(("08:00", "10:00"), ("22:00", "25:00")) == 2

    def test_4_1_1_a_short_night_is_no_half_day(self) -> None:
        assert day(("22:00", "25:19")) == 0
        assert day(("22:00", "25:20")) == 1
