"""Organisation of the internship in the school year: seed sections 3, 4 and 4.1.1."""

import datetime as dt
from collections.abc import Callable

from compliance.engine import Entry, Rule, Severity, check
from tests.compliance.builders import dates_of, internship, schedule, school


def daily(
    first: str, last: str, make: Callable[[str], Entry] = lambda d: internship(d, "09:00", "13:00")
) -> list[Entry]:
    """One entry per day from ``first`` to ``last`` inclusive, 09:00–13:00 internship by default."""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    return [make(d.isoformat()) for d in days]


class TestMinAge:
    def test_4_internship_starts_on_the_15th_birthday(self) -> None:
        turns_15 = "2010-11-15"
        entries = [
            internship("2025-11-14", "09:00", "12:00"),
            internship("2025-11-15", "09:00", "12:00"),
        ]
        result = check(schedule(*entries, birth=turns_15))
        [violation] = [v for v in result.violations if v.rule is Rule.MIN_AGE]
        assert (violation.date.isoformat(), violation.source) == ("2025-11-14", "4")

    def test_4_a_29_february_birthday_counts_from_1_march_in_a_common_year(self) -> None:
        entries = [
            internship("2027-02-28", "09:00", "12:00"),
            internship("2027-03-01", "09:00", "12:00"),
        ]
        assert dates_of(Rule.MIN_AGE, *entries, birth="2012-02-29", year=2026) == ["2027-02-28"]

    def test_4_school_before_15_is_not_internship(self) -> None:
        assert (
            dates_of(Rule.MIN_AGE, school("2025-11-14", "09:00", "12:00"), birth="2010-11-15") == []
        )


class TestOutsideSchoolYear:
    def test_4_internship_runs_from_1_september_to_31_august(self) -> None:
        entries = [
            internship("2025-08-31", "09:00", "12:00"),
            internship("2025-09-01", "09:00", "12:00"),
            internship("2026-08-31", "09:00", "12:00"),
            internship("2026-09-01", "09:00", "12:00"),
        ]
        result = check(schedule(*entries))
        violations = [v for v in result.violations if v.rule is Rule.OUTSIDE_SCHOOL_YEAR]
        assert [v.date.isoformat() for v in violations] == ["2025-08-31", "2026-09-01"]
        assert violations[0].message == (
            "Stage buiten het schooljaar 2025-2026, dat loopt van 1 september tot en met "
            "31 augustus."
        )

    def test_4_a_night_from_31_august_into_1_september_is_outside_on_1_september(self) -> None:
        night = internship("2026-08-31", "22:00", "00:01")
        result = check(schedule(night, night_work=True))
        assert [
            v.date.isoformat() for v in result.violations if v.rule is Rule.OUTSIDE_SCHOOL_YEAR
        ] == ["2026-09-01"]
        until_midnight = internship("2026-08-31", "22:00", "00:00")
        assert dates_of(Rule.OUTSIDE_SCHOOL_YEAR, until_midnight, night_work=True) == []

    def test_4_a_night_split_at_midnight_is_outside_on_1_september_too(self) -> None:
        entries = [
            internship("2026-08-31", "22:00", "00:00"),
            internship("2026-09-01", "00:00", "02:00"),
        ]
        assert dates_of(Rule.OUTSIDE_SCHOOL_YEAR, *entries, night_work=True) == ["2026-09-01"]

    def test_4_school_outside_the_school_year_is_not_checked(self) -> None:
        assert dates_of(Rule.OUTSIDE_SCHOOL_YEAR, school("2025-08-31", "09:00", "12:00")) == []


class TestSummerHoliday:
    """4: summer internship needs four consecutive weeks (28 days) free in June–August."""

    lessons = daily("2026-06-01", "2026-07-03", lambda d: school(d, "08:30", "15:30"))

    def test_4_exactly_28_free_days_is_enough(self) -> None:
        summer = daily("2026-08-01", "2026-08-14")
        assert dates_of(Rule.SUMMER_HOLIDAY, *self.lessons, *summer) == []

    def test_4_27_free_days_is_dated_the_first_summer_internship_day(self) -> None:
        summer = daily("2026-07-31", "2026-08-14")
        result = check(schedule(*self.lessons, *summer))
        [violation] = [v for v in result.violations if v.rule is Rule.SUMMER_HOLIDAY]
        assert (violation.date.isoformat(), violation.source) == ("2026-07-31", "4")
        assert violation.message == (
            "Er is stage in de zomer, maar de leerling heeft tussen 1 juni en 31 augustus 2026 "
            "geen 4 aaneensluitende weken (28 dagen) zonder stage of lessen; de langste vrije "
            "periode telt 27 dagen."
        )

    def test_4_a_night_entry_takes_the_next_day_too(self) -> None:
        summer = daily("2026-08-01", "2026-08-14")
        late = school("2026-07-03", "20:00", "00:30")
        assert dates_of(Rule.SUMMER_HOLIDAY, *self.lessons, late, *summer) == ["2026-08-01"]

    def test_4_without_summer_internship_the_rule_does_not_apply(self) -> None:
        all_summer = daily("2026-06-01", "2026-08-31", lambda d: school(d, "08:30", "15:30"))
        assert (
            dates_of(Rule.SUMMER_HOLIDAY, *all_summer, internship("2026-05-29", "09:00", "12:00"))
            == []
        )


class TestMinimumVolume:
    """3: at least 18 half days; a half day is a morning or an afternoon of internship."""

    def full_days(self, count: int) -> list[Entry]:
        """Weekly full days 08:00–17:00 with an hour's lunch: a morning and an afternoon."""
        first = dt.date(2026, 2, 2)
        return [
            internship(
                (first + dt.timedelta(weeks=n)).isoformat(), "08:00", "17:00", ("12:00", "13:00")
            )
            for n in range(count)
        ]

    def test_3_nine_full_days_make_18_half_days(self) -> None:
        result = check(schedule(*self.full_days(9), requires_minimum_volume=True))
        assert result.totals.half_days == 18
        assert [v for v in result.violations if v.rule is Rule.MINIMUM_VOLUME] == []

    def test_3_a_long_morning_is_one_half_day_not_two(self) -> None:
        """Before issue 9 a day of more than 4 h counted two half days whatever its hours."""
        long_morning = internship("2026-05-04", "07:30", "12:59", ("10:00", "10:30"))
        result = check(schedule(*self.full_days(8), long_morning, requires_minimum_volume=True))
        assert result.totals.half_days == 17
        [warning] = [v for v in result.violations if v.rule is Rule.MINIMUM_VOLUME]
        assert (warning.date.isoformat(), warning.severity, warning.source) == (
            "2026-05-04",
            Severity.WARNING,
            "3",
        )
        assert warning.message == (
            "Slechts 17 halve dagen stage in het schooljaar 2025-2026; dit structuuronderdeel "
            "vereist er minstens 18."
        )
        assert not result.has_errors

    def test_3_a_day_shorter_than_four_lesson_hours_counts_no_half_day(self) -> None:
        short = internship("2026-05-04", "08:00", "11:19")
        result = check(schedule(*self.full_days(9), short, requires_minimum_volume=True))
        assert result.totals.half_days == 18

    def test_3_without_internship_the_warning_is_dated_31_august(self) -> None:
        result = dates_of(
            Rule.MINIMUM_VOLUME,
            school("2026-02-02", "08:00", "12:00"),
            requires_minimum_volume=True,
        )
        assert result == ["2026-08-31"]

    def test_3_only_checked_when_the_programme_requires_it_but_always_counted(self) -> None:
        result = check(schedule(*self.full_days(2)))
        assert result.totals.half_days == 4
        assert result.violations == ()

    def test_3_internship_outside_the_school_year_does_not_count(self) -> None:
        outside = internship("2026-09-07", "08:00", "16:00", ("12:00", "12:30"))
        result = check(schedule(*self.full_days(9), outside, requires_minimum_volume=True))
        assert result.totals.half_days == 18

    def test_3_school_on_the_internship_day_makes_no_half_day(self) -> None:
        entries = [
            school("2026-02-02", "08:25", "12:00"),
            internship("2026-02-02", "13:00", "16:20"),
        ]
        assert check(schedule(*entries)).totals.half_days == 1


class TestHalfDayMinimum:
    """4.1.1: an alternating internship during school hours is at least half a day; a day of
    less than four lesson hours (3 h 20 min) is no half day."""

    def test_4_1_1_three_hours_20_is_a_half_day(self) -> None:
        assert dates_of(Rule.HALF_DAY_MINIMUM, internship("2026-02-02", "13:00", "16:20")) == []

    def test_4_1_1_three_hours_19_gets_a_warning(self) -> None:
        result = check(schedule(internship("2026-02-02", "13:00", "16:19")))
        [warning] = [v for v in result.violations if v.rule is Rule.HALF_DAY_MINIMUM]
        assert (warning.date.isoformat(), warning.severity, warning.source) == (
            "2026-02-02",
            Severity.WARNING,
            "4.1.1",
        )
        assert warning.message == (
            "Slechts 3 u 19 min stage op deze dag; een stagedag korter dan vier lesuren "
            "(3 u 20 min) telt niet als halve dag, en een alternerende stage tijdens de "
            "schooluren omvat minstens een halve dag."
        )
        assert not result.has_errors
        assert result.totals.half_days == 0

    def test_4_1_1_breaks_do_not_count_and_lessons_do_not_help(self) -> None:
        entries = [
            school("2026-02-02", "08:25", "12:00"),
            internship("2026-02-02", "13:00", "16:30", ("14:30", "14:41")),
        ]
        assert dates_of(Rule.HALF_DAY_MINIMUM, *entries) == ["2026-02-02"]

    def test_4_1_1_a_night_split_at_midnight_is_one_internship_day(self) -> None:
        entries = [
            internship("2026-02-06", "22:00", "00:00"),
            internship("2026-02-07", "00:00", "01:20"),
        ]
        assert dates_of(Rule.HALF_DAY_MINIMUM, *entries, night_work=True) == []

    def test_4_1_1_school_days_get_no_warning(self) -> None:
        assert dates_of(Rule.HALF_DAY_MINIMUM, school("2026-02-02", "08:25", "10:00")) == []


class TestTotals:
    def test_3_hours_are_rounded_to_two_decimals_and_breaks_left_out(self) -> None:
        entries = [
            internship("2026-02-02", "08:00", "16:10", ("12:00", "12:30")),
            school("2026-02-03", "08:25", "15:45", ("10:05", "10:20"), ("12:00", "12:50")),
        ]
        totals = check(schedule(*entries)).totals
        assert (totals.internship_minutes, totals.internship_hours) == (460, 7.67)
        assert (totals.school_minutes, totals.school_hours) == (375, 6.25)
        assert totals.half_days == 2
