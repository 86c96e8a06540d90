"""Night work, seed section 5.4."""

from compliance.engine import Rule, check
from tests.compliance.builders import dates_of, internship, schedule, school

ADULT = "2000-01-01"
SHIFT = {"night_work": True, "shift_work": True}


class TestWithoutExemption:
    def test_5_4_work_may_end_at_20_00(self) -> None:
        assert dates_of(Rule.NIGHT_WORK, internship("2026-02-02", "12:00", "20:00")) == []

    def test_5_4_work_after_20_00_is_night_work(self) -> None:
        result = check(schedule(internship("2026-02-02", "12:00", "20:01")))
        [violation] = [v for v in result.violations if v.rule is Rule.NIGHT_WORK]
        assert (violation.date.isoformat(), violation.source) == ("2026-02-02", "5.4")
        assert violation.message == (
            "Arbeid tussen 20:00 en 06:00 (12:00–20:01) zonder afwijking voor nachtarbeid."
        )

    def test_5_4_work_may_start_at_06_00_but_not_before(self) -> None:
        assert dates_of(Rule.NIGHT_WORK, internship("2026-02-02", "06:00", "12:00")) == []
        assert dates_of(Rule.NIGHT_WORK, internship("2026-02-02", "05:59", "12:00")) == [
            "2026-02-02"
        ]

    def test_5_4_an_entry_across_midnight_is_dated_the_day_it_starts(self) -> None:
        entry = internship("2026-02-06", "22:00", "02:00")
        assert dates_of(Rule.NIGHT_WORK, entry) == ["2026-02-06"]

    def test_5_4_adults_need_the_exemption_too(self) -> None:
        assert dates_of(
            Rule.NIGHT_WORK, internship("2026-02-02", "18:00", "22:00"), birth=ADULT
        ) == ["2026-02-02"]

    def test_5_4_evening_lessons_count_only_on_an_internship_day(self) -> None:
        lessons = school("2026-02-02", "18:00", "21:00")
        assert dates_of(Rule.NIGHT_WORK, lessons) == []
        assert dates_of(Rule.NIGHT_WORK, lessons, internship("2026-02-02", "08:00", "12:00")) == [
            "2026-02-02"
        ]


class TestAdultWithExemption:
    def test_5_4_an_adult_with_the_night_exemption_may_work_all_night(self) -> None:
        entry = internship("2026-02-02", "22:00", "06:00", ("02:00", "02:30"))
        assert dates_of(Rule.NIGHT_WORK, entry, birth=ADULT, night_work=True) == []

    def test_5_4_the_adult_regime_starts_on_the_18th_birthday(self) -> None:
        turns_18_on_4_feb = "2008-02-04"
        entries = [
            internship("2026-02-02", "16:00", "21:00"),
            internship("2026-02-04", "16:00", "21:00"),
        ]
        assert dates_of(Rule.NIGHT_WORK, *entries, birth=turns_18_on_4_feb, night_work=True) == [
            "2026-02-02"
        ]


class TestMinorOf16InShiftWork:
    """16+ minor in shift work (with or without the night exemption): 22–06 or 23–07 must
    stay free each night."""

    def test_5_4_until_22_00_keeps_22_to_06_free(self) -> None:
        assert dates_of(Rule.NIGHT_WORK, internship("2026-02-02", "14:00", "22:00"), **SHIFT) == []

    def test_5_4_until_23_00_keeps_23_to_07_free(self) -> None:
        entries = [
            internship("2026-02-02", "15:00", "23:00", ("18:00", "18:30")),
            internship("2026-02-03", "07:00", "12:00"),
        ]
        assert dates_of(Rule.NIGHT_WORK, *entries, **SHIFT) == []

    def test_5_4_from_06_00_keeps_22_to_06_free(self) -> None:
        entries = [
            internship("2026-02-02", "06:00", "14:00"),
            internship("2026-02-02", "20:00", "22:00"),
        ]
        assert dates_of(Rule.NIGHT_WORK, *entries, **SHIFT) == []

    def test_5_4_after_22_00_and_before_07_00_in_one_night_breaks_both_windows(self) -> None:
        entries = [
            internship("2026-02-02", "15:00", "23:00", ("18:00", "18:30")),
            internship("2026-02-03", "06:59", "12:00"),
        ]
        result = check(schedule(*entries, **SHIFT))
        violations = [v for v in result.violations if v.rule is Rule.NIGHT_WORK]
        assert [v.date.isoformat() for v in violations] == ["2026-02-02", "2026-02-03"]
        assert violations[0].message == (
            "Arbeid tussen 22:00 en 07:00 (22:00–23:00, 06:59–07:00): ook in ploegenarbeid moet "
            "een minderjarige van 16 of 17 jaar elke nacht ofwel van 22:00 tot 06:00, ofwel van "
            "23:00 tot 07:00 vrij zijn."
        )

    def test_5_4_a_night_shift_breaks_both_windows(self) -> None:
        entry = internship("2026-02-02", "22:30", "06:30", ("02:00", "02:30"))
        assert dates_of(Rule.NIGHT_WORK, entry, **SHIFT) == ["2026-02-02"]

    def test_5_4_under_16_the_20_to_06_ban_stays(self) -> None:
        turns_16_on_4_feb = "2010-02-04"
        entries = [
            internship("2026-02-03", "14:00", "22:00", ("18:00", "18:30")),
            internship("2026-02-04", "14:00", "22:00", ("18:00", "18:30")),
        ]
        result = check(schedule(*entries, birth=turns_16_on_4_feb, **SHIFT))
        violations = [v for v in result.violations if v.rule is Rule.NIGHT_WORK]
        assert [v.date.isoformat() for v in violations] == ["2026-02-03"]
        assert "vanaf 16 jaar" in violations[0].message

    def test_5_4_the_night_exemption_without_shift_work_keeps_20_to_06(self) -> None:
        entry = internship("2026-02-02", "14:00", "22:00", ("18:00", "18:30"))
        assert dates_of(Rule.NIGHT_WORK, entry, night_work=True) == ["2026-02-02"]

    def test_5_4_shift_work_alone_shortens_the_ban_without_the_so_74_exemption(self) -> None:
        """5.4 shortens the ban for minors over 16 in shift work or work that may not be
        interrupted on its own, next to the SO 74 derogation.

        (Before issue 9 the engine also required the night exemption and kept 20–06.)
        """
        until_22 = internship("2026-02-02", "14:00", "22:00", ("18:00", "18:30"))
        into_both = [
            internship("2026-02-02", "15:00", "23:00", ("18:00", "18:30")),
            internship("2026-02-03", "06:59", "12:00"),
        ]
        assert dates_of(Rule.NIGHT_WORK, until_22, shift_work=True) == []
        assert dates_of(Rule.NIGHT_WORK, *into_both, shift_work=True) == [
            "2026-02-02",
            "2026-02-03",
        ]

    def test_5_4_shift_work_under_16_keeps_20_to_06(self) -> None:
        turns_16_on_4_feb = "2010-02-04"
        entries = [
            internship("2026-02-03", "12:00", "20:01"),
            internship("2026-02-04", "12:00", "20:01"),
        ]
        result = check(schedule(*entries, birth=turns_16_on_4_feb, shift_work=True))
        violations = [v for v in result.violations if v.rule is Rule.NIGHT_WORK]
        assert [v.date.isoformat() for v in violations] == ["2026-02-03"]
        assert "vanaf 16 jaar" in violations[0].message

    def test_5_4_an_adult_needs_the_night_exemption_not_shift_work(self) -> None:
        entry = internship("2026-02-02", "14:00", "22:00", ("18:00", "18:30"))
        assert dates_of(Rule.NIGHT_WORK, entry, birth=ADULT, shift_work=True) == ["2026-02-02"]

    def test_5_4_a_night_split_at_midnight_is_dated_the_day_it_starts(self) -> None:
        entries = [
            internship("2026-02-06", "22:00", "00:00"),
            internship("2026-02-07", "00:00", "02:00"),
        ]
        assert dates_of(Rule.NIGHT_WORK, *entries) == ["2026-02-06"]
