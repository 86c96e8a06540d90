"""Compensatory rest after a worked Sunday or legal holiday, seed section 5.3: Arbeidswet of
16 March 1971 art. 16 (six days) and the law of 4 January 1974 on public holidays art. 11
(six weeks)."""

import datetime as dt

from compliance.engine import Entry, Rule, Severity, check
from tests.compliance.builders import dates_of, internship, schedule, school

ADULT = "2000-01-01"
SUNDAY = Rule.SUNDAY_COMPENSATORY_REST
HOLIDAY = Rule.HOLIDAY_COMPENSATORY_REST


def lessons(first: str, last: str, *, free: tuple[str, ...] = ()) -> list[Entry]:
    """School 09:00–12:00 on every day from ``first`` to ``last`` but Sundays and ``free``:
    busy days that owe no rest themselves."""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    days = (start + dt.timedelta(days=n) for n in range((end - start).days + 1))
    return [
        school(day.isoformat(), "09:00", "12:00")
        for day in days
        if day.weekday() != 6 and day.isoformat() not in free
    ]


class TestSundayCompensatoryRest:
    sunday = internship("2026-02-08", "09:00", "13:00")

    def test_5_3_a_free_saturday_after_the_sunday_is_its_rest_day(self) -> None:
        entries = [self.sunday, *lessons("2026-02-09", "2026-02-14", free=("2026-02-14",))]
        assert dates_of(SUNDAY, *entries, sunday_work=True) == []

    def test_5_3_no_free_day_in_the_six_days_after_is_dated_the_sunday(self) -> None:
        entries = [self.sunday, *lessons("2026-02-09", "2026-02-14")]
        result = check(schedule(*entries, sunday_work=True))
        [violation] = [v for v in result.violations if v.rule is SUNDAY]
        assert (violation.date.isoformat(), violation.severity, violation.source) == (
            "2026-02-08",
            Severity.ERROR,
            "5.3",
        )
        assert violation.message == (
            "Stage op zondag vraagt inhaalrust: binnen de zes dagen erna (9/02/2026 tot en met "
            "14/02/2026) moet de leerling een volledige dag zonder stage of lessen krijgen, maar "
            "het rooster laat daarin geen dag vrij die niet al als andere inhaalrust dient "
            "(Arbeidswet van 16 maart 1971, art. 16)."
        )

    def test_5_3_the_rest_day_is_free_by_the_clock_to_the_minute(self) -> None:
        week = lessons("2026-02-09", "2026-02-13")
        until_midnight = school("2026-02-13", "20:00", "00:00")
        past_midnight = school("2026-02-13", "20:00", "00:01")
        assert dates_of(SUNDAY, self.sunday, *week[:-1], until_midnight, sunday_work=True) == []
        assert dates_of(SUNDAY, self.sunday, *week[:-1], past_midnight, sunday_work=True) == [
            "2026-02-08"
        ]

    def test_5_3_the_next_sunday_is_no_rest_day(self) -> None:
        entries = [self.sunday, *lessons("2026-02-09", "2026-02-14")]
        # The Sunday after is free, but it is not within the six days nor a working day.
        assert dates_of(SUNDAY, *entries, sunday_work=True) == ["2026-02-08"]

    def test_5_3_a_free_legal_holiday_is_no_rest_day(self) -> None:
        """Easter Monday 6 April 2026 is free, but a day off in its own right."""
        easter = internship("2026-04-05", "09:00", "13:00")
        entries = [easter, *lessons("2026-04-06", "2026-04-11", free=("2026-04-06",))]
        assert dates_of(SUNDAY, *entries, sunday_work=True) == ["2026-04-05"]

    def test_5_3_a_saturday_night_into_sunday_is_sunday_work(self) -> None:
        night = internship("2026-02-07", "22:00", "00:30")
        entries = [night, *lessons("2026-02-09", "2026-02-14")]
        assert dates_of(SUNDAY, *entries, sunday_work=True, night_work=True) == ["2026-02-08"]

    def test_5_3_owed_with_or_without_the_exemption_and_to_adults(self) -> None:
        entries = [self.sunday, *lessons("2026-02-09", "2026-02-14")]
        assert dates_of(SUNDAY, *entries) == ["2026-02-08"]
        assert dates_of(SUNDAY, *entries, birth=ADULT, sunday_work=True) == ["2026-02-08"]

    def test_5_3_school_on_sunday_owes_nothing_here(self) -> None:
        entries = [school("2026-02-08", "09:00", "13:00"), *lessons("2026-02-09", "2026-02-14")]
        assert dates_of(SUNDAY, *entries) == []


class TestHolidayCompensatoryRest:
    """Easter Monday 6 April 2026: a replacement rest day from 7 April to 18 May."""

    easter_monday = internship("2026-04-06", "09:00", "13:00")

    def test_5_3_a_free_weekday_within_six_weeks_is_the_replacement_day(self) -> None:
        entries = [self.easter_monday, *lessons("2026-04-07", "2026-05-23", free=("2026-05-18",))]
        assert dates_of(HOLIDAY, *entries, holiday_work=True) == []

    def test_5_3_a_free_day_after_six_weeks_is_too_late(self) -> None:
        entries = [self.easter_monday, *lessons("2026-04-07", "2026-05-23", free=("2026-05-19",))]
        result = check(schedule(*entries, holiday_work=True))
        [violation] = [v for v in result.violations if v.rule is HOLIDAY]
        assert (violation.date.isoformat(), violation.source) == ("2026-04-06", "5.3")
        assert violation.message == (
            "Stage op een wettelijke feestdag (Paasmaandag) vraagt een vervangende rustdag "
            "binnen zes weken (7/04/2026 tot en met 18/05/2026): een dag van maandag tot "
            "zaterdag, geen feestdag, zonder stage of lessen; het rooster laat er geen vrij die "
            "niet al als andere inhaalrust dient (wet van 4 januari 1974 betreffende de "
            "feestdagen, art. 11)."
        )

    def test_5_3_sundays_and_other_holidays_are_no_replacement_day(self) -> None:
        # 1 May and Ascension Day (14 May) are free, and so is every Sunday.
        entries = [
            self.easter_monday,
            *lessons("2026-04-07", "2026-05-23", free=("2026-05-01", "2026-05-14")),
        ]
        assert dates_of(HOLIDAY, *entries, holiday_work=True) == ["2026-04-06"]

    def test_5_3_one_rest_day_repays_one_worked_holiday(self) -> None:
        """Easter Monday and 1 May both worked, one free day: the earlier deadline takes it."""
        labour_day = internship("2026-05-01", "09:00", "13:00")
        entries = [
            self.easter_monday,
            labour_day,
            *lessons("2026-04-07", "2026-06-13", free=("2026-05-01", "2026-05-02")),
        ]
        assert dates_of(HOLIDAY, *entries, holiday_work=True) == ["2026-05-01"]
        more = [
            *entries[:2],
            *lessons("2026-04-07", "2026-06-13", free=("2026-05-01", "2026-05-02", "2026-06-12")),
        ]
        assert dates_of(HOLIDAY, *more, holiday_work=True) == []

    def test_5_3_a_worked_sunday_and_holiday_do_not_share_a_rest_day(self) -> None:
        """Sunday 9 and Tuesday 11 November 2025 worked, only Saturday 15 free in the week:
        the Sunday's rest takes it, the holiday needs a day of its own in six weeks."""
        worked = [
            internship("2025-11-09", "09:00", "13:00"),
            internship("2025-11-11", "09:00", "13:00"),
        ]
        one_free = lessons("2025-11-10", "2025-12-27", free=("2025-11-11", "2025-11-15"))
        result = check(schedule(*worked, *one_free, sunday_work=True, holiday_work=True))
        found = [
            (v.rule, v.date.isoformat()) for v in result.violations if v.rule in {SUNDAY, HOLIDAY}
        ]
        assert found == [(HOLIDAY, "2025-11-11")]
        two_free = lessons(
            "2025-11-10", "2025-12-27", free=("2025-11-11", "2025-11-15", "2025-12-01")
        )
        assert dates_of(HOLIDAY, *worked, *two_free, sunday_work=True, holiday_work=True) == []

    def test_5_3_a_holiday_on_a_sunday_owes_both_rests(self) -> None:
        """All Saints' Day 2026 falls on a Sunday."""
        entries = [
            internship("2026-11-01", "09:00", "13:00"),
            *lessons("2026-11-02", "2026-12-19", free=("2026-11-07",)),
        ]
        result = check(schedule(*entries, year=2026, sunday_work=True, holiday_work=True))
        found = [
            (v.rule, v.date.isoformat()) for v in result.violations if v.rule in {SUNDAY, HOLIDAY}
        ]
        # Saturday 7 November is the Sunday's rest; 11 November is a holiday, so no other
        # day is free for the replacement.
        assert found == [(HOLIDAY, "2026-11-01")]

    def test_5_3_the_replacement_day_may_fall_after_the_school_year(self) -> None:
        entries = [internship("2026-07-21", "09:00", "13:00"), *lessons("2026-07-22", "2026-08-31")]
        assert dates_of(HOLIDAY, *entries, holiday_work=True) == []
