"""The Flemish school calendar by rule (section 4; BVR of 17 April 1991, BVR of 31 August 2001
art. 7), checked against the published dates and at the edge of every rule."""

import datetime as dt
from itertools import pairwise

import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

from compliance.engine.calendar import school_year_bounds
from compliance.engine.school_calendar import (
    AUTUMN,
    CARNIVAL,
    CHRISTMAS,
    DAY_AFTER_ASCENSION,
    EASTER,
    SUMMER,
    HolidayPeriod,
    autumn_holiday,
    carnival_holiday,
    christmas_holiday,
    day_after_ascension,
    easter_holiday,
    school_holiday_dates,
    school_holidays,
)

D = dt.date
WEEK_HOLIDAYS = {AUTUMN, CHRISTMAS, CARNIVAL, EASTER}


@pytest.mark.parametrize(
    ("start_year", "expected"),
    [
        (
            2025,
            {
                AUTUMN: (D(2025, 10, 27), D(2025, 11, 2)),
                CHRISTMAS: (D(2025, 12, 22), D(2026, 1, 4)),
                CARNIVAL: (D(2026, 2, 16), D(2026, 2, 22)),
                EASTER: (D(2026, 4, 6), D(2026, 4, 19)),
                DAY_AFTER_ASCENSION: (D(2026, 5, 15), D(2026, 5, 15)),
                SUMMER: (D(2026, 7, 1), D(2026, 8, 31)),
            },
        ),
        (
            2026,  # 1 November a Sunday; Easter on 28 March
            {
                AUTUMN: (D(2026, 11, 2), D(2026, 11, 8)),
                CHRISTMAS: (D(2026, 12, 21), D(2027, 1, 3)),
                CARNIVAL: (D(2027, 2, 8), D(2027, 2, 14)),
                EASTER: (D(2027, 3, 29), D(2027, 4, 11)),
                DAY_AFTER_ASCENSION: (D(2027, 5, 7), D(2027, 5, 7)),
                SUMMER: (D(2027, 7, 1), D(2027, 8, 31)),
            },
        ),
        (
            2027,  # 25 December a Saturday; Easter on 16 April
            {
                AUTUMN: (D(2027, 11, 1), D(2027, 11, 7)),
                CHRISTMAS: (D(2027, 12, 27), D(2028, 1, 9)),
                CARNIVAL: (D(2028, 2, 28), D(2028, 3, 5)),
                EASTER: (D(2028, 4, 3), D(2028, 4, 16)),
                DAY_AFTER_ASCENSION: (D(2028, 5, 26), D(2028, 5, 26)),
                SUMMER: (D(2028, 7, 1), D(2028, 8, 31)),
            },
        ),
    ],
    ids=["2025-26", "2026-27", "2027-28"],
)
def test_4_the_calendar_matches_the_published_school_years(start_year, expected) -> None:
    found = {
        period.name: (period.first_day, period.last_day) for period in school_holidays(start_year)
    }
    assert found == expected


@pytest.mark.parametrize(
    ("start_year", "autumn", "christmas", "carnival", "easter_start"),
    [
        # Earlier years as schools published them (one with each exception).
        (2018, D(2018, 10, 29), D(2018, 12, 24), D(2019, 3, 4), D(2019, 4, 8)),
        (2019, D(2019, 10, 28), D(2019, 12, 23), D(2020, 2, 24), D(2020, 4, 6)),
        (2020, D(2020, 11, 2), D(2020, 12, 21), D(2021, 2, 15), D(2021, 4, 5)),
        (2021, D(2021, 11, 1), D(2021, 12, 27), D(2022, 2, 28), D(2022, 4, 4)),
        (2007, D(2007, 10, 29), D(2007, 12, 24), D(2008, 2, 4), D(2008, 3, 24)),
    ],
)
def test_4_the_calendar_matches_earlier_published_years(
    start_year, autumn, christmas, carnival, easter_start
) -> None:
    assert autumn_holiday(start_year).first_day == autumn
    assert christmas_holiday(start_year).first_day == christmas
    assert carnival_holiday(start_year).first_day == carnival
    assert easter_holiday(start_year).first_day == easter_start


# Autumn: the Monday of the week of 1 November, or 2 November when that is a Sunday.


def test_4_autumn_holiday_starts_on_1_november_when_it_is_a_monday() -> None:
    assert autumn_holiday(2027) == HolidayPeriod(AUTUMN, D(2027, 11, 1), D(2027, 11, 7))


def test_4_autumn_holiday_takes_the_week_of_a_saturday_1_november() -> None:
    assert autumn_holiday(2025).first_day == D(2025, 10, 27)


def test_4_autumn_holiday_starts_on_2_november_when_1_november_is_a_sunday() -> None:
    """Not the week that ends on that Sunday: the week after it."""
    assert autumn_holiday(2026) == HolidayPeriod(AUTUMN, D(2026, 11, 2), D(2026, 11, 8))


# Christmas: the Monday of the week of 25 December, the Monday after when that is a weekend day.


def test_4_christmas_holiday_takes_the_week_of_a_friday_christmas() -> None:
    assert christmas_holiday(2026) == HolidayPeriod(CHRISTMAS, D(2026, 12, 21), D(2027, 1, 3))


def test_4_christmas_holiday_starts_on_christmas_when_it_is_a_monday() -> None:
    assert christmas_holiday(2023).first_day == D(2023, 12, 25)


@pytest.mark.parametrize(
    ("start_year", "weekday", "monday"),
    [(2027, "Saturday", D(2027, 12, 27)), (2022, "Sunday", D(2022, 12, 26))],
)
def test_4_christmas_holiday_starts_the_monday_after_a_weekend_christmas(
    start_year, weekday, monday
) -> None:
    assert D(start_year, 12, 25).strftime("%A") == weekday
    assert christmas_holiday(start_year).first_day == monday
    assert christmas_holiday(start_year).last_day == monday + dt.timedelta(days=13)


# Carnival: the seventh Monday before Easter, for one week.


@pytest.mark.parametrize(
    ("start_year", "first_day"),
    [
        (2007, D(2008, 2, 4)),  # Easter on 23 March, among the earliest
        (2037, D(2038, 3, 8)),  # Easter on 25 April, the latest possible
    ],
)
def test_4_carnival_holiday_is_seven_weeks_before_easter_at_both_ends(
    start_year, first_day
) -> None:
    holiday = carnival_holiday(start_year)
    assert holiday == HolidayPeriod(CARNIVAL, first_day, first_day + dt.timedelta(days=6))
    assert easter(start_year + 1) - holiday.first_day == dt.timedelta(days=48)


# Easter: the first Monday of April; Easter Monday when Easter is in March; the second Monday
# before Easter when Easter is after 15 April.


def test_4_easter_holiday_starts_on_easter_monday_when_easter_falls_in_march() -> None:
    assert easter(2027) == D(2027, 3, 28)
    assert easter_holiday(2026) == HolidayPeriod(EASTER, D(2027, 3, 29), D(2027, 4, 11))


def test_4_easter_on_31_march_still_falls_in_march() -> None:
    assert easter(2024) == D(2024, 3, 31)
    assert easter_holiday(2023).first_day == D(2024, 4, 1)


def test_4_easter_on_1_april_takes_the_first_monday_of_april() -> None:
    assert easter(2018) == D(2018, 4, 1)
    assert easter_holiday(2017).first_day == D(2018, 4, 2)


def test_4_easter_on_15_april_keeps_the_first_monday_of_april() -> None:
    """Easter on 15 April is not "after 15 April": the holiday runs 2–15 April."""
    assert easter(2001) == D(2001, 4, 15)
    assert easter_holiday(2000) == HolidayPeriod(EASTER, D(2001, 4, 2), D(2001, 4, 15))


def test_4_easter_on_16_april_moves_the_holiday_to_the_second_monday_before() -> None:
    assert easter(2028) == D(2028, 4, 16)
    assert easter_holiday(2027) == HolidayPeriod(EASTER, D(2028, 4, 3), D(2028, 4, 16))


def test_4_the_latest_easter_ends_its_holiday_on_easter_sunday() -> None:
    """Easter Monday after a late Easter stays free as a legal holiday, outside the period."""
    assert easter(2038) == D(2038, 4, 25)
    assert easter_holiday(2037) == HolidayPeriod(EASTER, D(2038, 4, 12), D(2038, 4, 25))


# The day after Ascension Day and the summer.


def test_4_the_friday_after_ascension_is_free() -> None:
    friday = day_after_ascension(2025)
    assert friday == HolidayPeriod(DAY_AFTER_ASCENSION, D(2026, 5, 15), D(2026, 5, 15))
    assert friday.first_day.weekday() == 4


def test_4_summer_holiday_closes_the_school_year_on_31_august() -> None:
    summer = school_holidays(2025)[-1]
    assert (summer.name, summer.first_day, summer.last_day) == (
        SUMMER,
        D(2026, 7, 1),
        school_year_bounds(2025)[1],
    )


def test_4_the_free_dates_are_every_day_of_every_period() -> None:
    dates = school_holiday_dates(2025)
    assert len(dates) == 7 + 14 + 7 + 14 + 1 + 62
    assert D(2025, 11, 2) in dates
    assert D(2025, 11, 3) not in dates  # Flemish autumn holiday is one week
    assert D(2026, 2, 23) not in dates  # and so is the carnival holiday
    assert D(2026, 5, 14) not in dates  # Ascension Day itself is a legal holiday
    assert D(2026, 6, 30) not in dates


def test_4_a_period_knows_its_days() -> None:
    autumn = autumn_holiday(2025)
    days = list(autumn.days())
    assert (days[0], days[-1], len(days)) == (D(2025, 10, 27), D(2025, 11, 2), 7)
    assert D(2025, 11, 2) in autumn
    assert D(2025, 11, 3) not in autumn
    assert "2025-11-01" not in autumn


@given(st.integers(min_value=1991, max_value=2100))
def test_4_every_holiday_lies_in_its_school_year_without_overlap(start_year: int) -> None:
    first, last = school_year_bounds(start_year)
    holidays = school_holidays(start_year)

    assert [period.name for period in holidays] == [
        AUTUMN,
        CHRISTMAS,
        CARNIVAL,
        EASTER,
        DAY_AFTER_ASCENSION,
        SUMMER,
    ]
    for period in holidays:
        assert first <= period.first_day <= period.last_day <= last
        if period.name in WEEK_HOLIDAYS:
            assert period.first_day.weekday() == 0  # starts on a Monday
            assert period.last_day.weekday() == 6  # ends on a Sunday
    for earlier, later in pairwise(holidays):
        assert earlier.last_day < later.first_day
    assert len(school_holiday_dates(start_year)) == sum(
        len(list(period.days())) for period in holidays
    )
