"""The breaks a day needs and the break proposed for its hours, seed sections 5.2.1 and 5.2.2."""

import datetime as dt

import pytest

from compliance.engine import Rule, check
from compliance.engine.breaks import (
    break_needed,
    full_day_breaks,
    is_minor,
    proposed_breaks,
)
from tests.compliance.builders import clock, internship, schedule

MINOR = "2009-03-15"
REST_RULES = {Rule.BREAK_TOO_SHORT, Rule.UNINTERRUPTED_WORK}


def proposal(start: str, end: str, *, minor: bool = True) -> list[tuple[str, str]]:
    return [
        (begin.strftime("%H:%M"), until.strftime("%H:%M"))
        for begin, until in proposed_breaks(clock(start), clock(end), minor=minor)
    ]


class TestBreakNeeded:
    @pytest.mark.parametrize(
        ("work", "needed"),
        [(270, 0), (271, 30), (360, 30), (361, 60), (480, 60)],
    )
    def test_5_2_1_a_minor_needs_half_an_hour_after_4_h_30_and_an_hour_after_6_h(
        self, work: int, needed: int
    ) -> None:
        assert break_needed(work, minor=True) == needed

    @pytest.mark.parametrize(("work", "needed"), [(360, 0), (361, 15), (480, 15)])
    def test_5_2_2_an_adult_needs_a_quarter_of_an_hour_after_6_h(
        self, work: int, needed: int
    ) -> None:
        assert break_needed(work, minor=False) == needed

    def test_5_2_the_18th_birthday_itself_is_adult(self) -> None:
        birth = dt.date(2008, 2, 4)
        assert is_minor(birth, dt.date(2026, 2, 3))
        assert not is_minor(birth, dt.date(2026, 2, 4))


class TestProposedBreaks:
    def test_5_2_1_a_minor_working_more_than_6_h_gets_an_hour_at_noon(self) -> None:
        assert proposal("08:30", "16:30") == [("12:00", "13:00")]

    def test_5_2_1_a_minor_working_over_4_h_30_up_to_6_h_gets_half_an_hour(self) -> None:
        assert proposal("08:00", "13:00") == [("12:00", "12:30")]
        assert proposal("08:00", "14:30") == [("12:00", "12:30")]  # 6 h of work

    def test_5_2_1_a_minor_working_4_h_30_or_less_gets_no_break(self) -> None:
        assert proposal("08:00", "12:30") == []

    def test_5_2_1_an_early_day_gets_its_break_before_4_h_30_of_work(self) -> None:
        assert proposal("06:00", "14:30") == [("09:45", "10:45")]

    def test_5_2_1_an_afternoon_gets_its_break_in_the_middle(self) -> None:
        assert proposal("13:00", "18:30") == [("15:30", "16:00")]

    def test_5_2_2_an_adult_gets_a_half_hour_lunch_after_6_h_and_nothing_before(self) -> None:
        assert proposal("08:00", "16:00", minor=False) == [("12:00", "12:30")]
        assert proposal("08:00", "14:00", minor=False) == []

    def test_5_2_2_a_night_shift_across_midnight_gets_its_break_in_the_night(self) -> None:
        assert proposal("22:00", "06:00", minor=False) == [("01:45", "02:15")]

    def test_5_2_before_the_hours_are_known_a_full_day_lunch_is_proposed(self) -> None:
        assert full_day_breaks(minor=True) == ((dt.time(12), dt.time(13)),)
        assert full_day_breaks(minor=False) == ((dt.time(12), dt.time(12, 30)),)

    def test_5_2_1_every_proposal_for_a_minor_keeps_the_rest_rules(self) -> None:
        """Day starts every half hour from 06:00 to 14:00, lengths of 1 h to 9 h in quarters:
        the proposed break leaves no break or uninterrupted-work violation (5.2.1)."""
        for start_minute in range(6 * 60, 14 * 60 + 1, 30):
            for span in range(60, 9 * 60 + 1, 15):
                start = f"{start_minute // 60:02d}:{start_minute % 60:02d}"
                end_minute = start_minute + span
                end = f"{end_minute // 60:02d}:{end_minute % 60:02d}"
                breaks = proposal(start, end)
                entry = internship("2026-02-02", start, end, *breaks)
                rules = {v.rule for v in check(schedule(entry, birth=MINOR)).violations}
                assert not rules & REST_RULES, (start, end, breaks)

    def test_5_2_2_every_proposal_for_an_adult_gives_the_quarter_hour_it_needs(self) -> None:
        for span in range(60, 12 * 60 + 1, 15):
            end = dt.time((8 * 60 + span) // 60 % 24, span % 60)
            breaks = proposed_breaks(dt.time(8), end, minor=False)
            taken = sum((b.hour * 60 + b.minute) - (a.hour * 60 + a.minute) for a, b in breaks)
            assert break_needed(span - taken, minor=False) <= taken, (span, breaks)
