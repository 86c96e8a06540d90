"""Sundays and the ten legal holidays, seed section 5.3."""

import datetime as dt

import pytest

from compliance.engine import Entry, Rule, Severity, check
from compliance.engine.calendar import legal_holidays
from tests.compliance.builders import dates_of, internship, schedule, school

ADULT = "2000-01-01"


class TestSundayWork:
    def test_5_3_internship_on_sunday_without_exemption(self) -> None:
        result = check(schedule(internship("2026-02-08", "09:00", "13:00")))
        [violation] = [v for v in result.violations if v.rule is Rule.SUNDAY_WORK]
        assert (violation.date.isoformat(), violation.severity, violation.source) == (
            "2026-02-08",
            Severity.ERROR,
            "5.3",
        )
        assert violation.message == "Stage op zondag zonder afwijking voor zondagsarbeid."

    def test_5_3_the_exemption_allows_it_for_minors_and_adults(self) -> None:
        entry = internship("2026-02-08", "09:00", "13:00")
        assert dates_of(Rule.SUNDAY_WORK, entry, sunday_work=True) == []
        assert dates_of(Rule.SUNDAY_WORK, entry, birth=ADULT) == ["2026-02-08"]
        assert dates_of(Rule.SUNDAY_WORK, entry, birth=ADULT, sunday_work=True) == []

    def test_5_3_a_saturday_night_entry_ending_on_sunday_counts_for_sunday(self) -> None:
        entry = internship("2026-02-07", "18:00", "00:01")
        assert dates_of(Rule.SUNDAY_WORK, entry, night_work=True) == ["2026-02-08"]

    def test_5_3_ending_at_midnight_does_not_touch_sunday(self) -> None:
        entry = internship("2026-02-07", "18:00", "00:00")
        assert dates_of(Rule.SUNDAY_WORK, entry, night_work=True) == []

    def test_5_3_a_whole_sunday_inside_one_unbroken_stretch_still_counts(self) -> None:
        """Saturday 23:00 to Monday 01:00 without a pause is one stretch across Sunday."""
        entries = (
            internship("2026-02-07", "23:00", "00:00"),
            internship("2026-02-08", "00:00", "23:30"),
            internship("2026-02-08", "23:30", "01:00"),
        )
        assert dates_of(Rule.SUNDAY_WORK, *entries, birth=ADULT, night_work=True) == ["2026-02-08"]

    def test_5_3_school_on_sunday_is_not_internship(self) -> None:
        assert dates_of(Rule.SUNDAY_WORK, school("2026-02-08", "09:00", "13:00")) == []


class TestSundayFrequency:
    sundays = ("2026-02-08", "2026-02-15", "2026-03-01")

    def entries(self) -> list[Entry]:
        return [internship(day, "09:00", "13:00") for day in self.sundays]

    def test_5_3_two_sundays_in_a_row_is_dated_the_later_one(self) -> None:
        assert dates_of(Rule.SUNDAY_FREQUENCY, *self.entries(), sunday_work=True) == ["2026-02-15"]

    def test_5_3_the_inspectors_permission_allows_it(self) -> None:
        entries = self.entries()
        assert (
            dates_of(
                Rule.SUNDAY_FREQUENCY, *entries, sunday_work=True, inspector_sunday_permission=True
            )
            == []
        )

    def test_5_3_only_checked_with_the_exemption_sunday_work_covers_the_rest(self) -> None:
        assert dates_of(Rule.SUNDAY_FREQUENCY, *self.entries()) == []

    def test_5_3_adults_may_work_every_sunday(self) -> None:
        assert dates_of(Rule.SUNDAY_FREQUENCY, *self.entries(), birth=ADULT, sunday_work=True) == []

    def test_5_3_the_age_on_the_later_sunday_counts(self) -> None:
        turns_18_on_15_feb = "2008-02-15"
        entries = self.entries()
        assert (
            dates_of(Rule.SUNDAY_FREQUENCY, *entries, birth=turns_18_on_15_feb, sunday_work=True)
            == []
        )


# Easter-based holidays in four years: Easter Monday, Ascension Day, Whit Monday.
EASTER_HOLIDAYS = [
    ("2024-04-01", "Paasmaandag"),
    ("2024-05-09", "O. L. H. Hemelvaart"),
    ("2024-05-20", "Pinkstermaandag"),
    ("2025-04-21", "Paasmaandag"),
    ("2025-05-29", "O. L. H. Hemelvaart"),
    ("2025-06-09", "Pinkstermaandag"),
    ("2026-04-06", "Paasmaandag"),
    ("2026-05-14", "O. L. H. Hemelvaart"),
    ("2026-05-25", "Pinkstermaandag"),
    ("2027-03-29", "Paasmaandag"),
    ("2027-05-06", "O. L. H. Hemelvaart"),
    ("2027-05-17", "Pinkstermaandag"),
]


class TestPublicHoliday:
    @pytest.mark.parametrize(("date", "name"), EASTER_HOLIDAYS)
    def test_5_3_easter_based_holidays(self, date: str, name: str) -> None:
        day = dt.date.fromisoformat(date)
        year = day.year if day.month >= 9 else day.year - 1
        result = check(schedule(internship(date, "09:00", "13:00"), year=year))
        [violation] = [v for v in result.violations if v.rule is Rule.PUBLIC_HOLIDAY]
        assert violation.date == day
        assert violation.message == (
            f"Stage op een wettelijke feestdag ({name}) zonder afwijking voor feestdagarbeid."
        )

    @pytest.mark.parametrize(
        "date", ["2025-11-01", "2025-11-11", "2025-12-25", "2026-01-01", "2026-05-01"]
    )
    def test_5_3_fixed_holidays(self, date: str) -> None:
        assert dates_of(Rule.PUBLIC_HOLIDAY, internship(date, "09:00", "13:00")) == [date]

    def test_5_3_easter_sunday_and_whit_sunday_are_sundays_not_extra_holidays(self) -> None:
        entries = [
            internship("2026-04-05", "09:00", "13:00"),
            internship("2026-05-24", "09:00", "13:00"),
        ]
        result = check(schedule(*entries, sunday_work=True))
        assert [v.rule for v in result.violations if v.rule is Rule.PUBLIC_HOLIDAY] == []

    def test_5_3_the_exemption_allows_holiday_work(self) -> None:
        assert (
            dates_of(
                Rule.PUBLIC_HOLIDAY, internship("2026-04-06", "09:00", "13:00"), holiday_work=True
            )
            == []
        )

    def test_5_3_a_night_into_a_holiday_counts_for_the_holiday(self) -> None:
        entry = internship("2025-12-31", "22:00", "02:00")
        assert dates_of(Rule.PUBLIC_HOLIDAY, entry, night_work=True) == ["2026-01-01"]

    def test_5_3_school_on_a_holiday_is_not_internship(self) -> None:
        assert dates_of(Rule.PUBLIC_HOLIDAY, school("2026-04-06", "09:00", "13:00")) == []

    def test_5_3_a_holiday_on_sunday_breaks_both_rules(self) -> None:
        result = check(schedule(internship("2026-11-01", "09:00", "13:00"), year=2026))
        rules = {v.rule for v in result.violations}
        assert {Rule.SUNDAY_WORK, Rule.PUBLIC_HOLIDAY} <= rules


class TestLegalHolidays:
    @pytest.mark.parametrize(
        "easter_sunday",
        [
            "2000-04-23",
            "2019-04-21",
            "2024-03-31",
            "2025-04-20",
            "2026-04-05",
            "2027-03-28",
            "2038-04-25",
            "2100-03-28",
        ],
    )
    def test_5_3_ten_legal_holidays_every_year(self, easter_sunday: str) -> None:
        easter = dt.date.fromisoformat(easter_sunday)
        fixed = [(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)]
        # Easter Monday, Ascension Day and Whit Monday; not Easter Sunday nor Whit Sunday.
        moving = [easter + dt.timedelta(days=n) for n in (1, 39, 50)]
        expected = {dt.date(easter.year, month, day) for month, day in fixed} | set(moving)
        assert set(legal_holidays(easter.year)) == expected
        assert len(expected) == 10

    def test_5_3_ascension_on_labour_day_2008_shares_a_date(self) -> None:
        holidays = legal_holidays(2008)
        assert len(holidays) == 9
        assert "Hemelvaart" in holidays[dt.date(2008, 5, 1)]
        assert "Dag van de Arbeid" in holidays[dt.date(2008, 5, 1)]
