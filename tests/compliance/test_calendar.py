"""School years, birthdays and weeks (seed sections 4 and 4.2)."""

import datetime as dt

import pytest

from compliance.engine import Rule
from compliance.engine.calendar import (
    birthday,
    is_sunday,
    monday_of,
    school_year_bounds,
    school_year_containing,
)
from tests.compliance.builders import dates_of, internship


def test_4_a_school_year_runs_from_1_september_to_31_august() -> None:
    assert school_year_bounds(2025) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
    assert school_year_containing(dt.date(2025, 8, 31)) == 2024
    assert school_year_containing(dt.date(2025, 9, 1)) == 2025
    assert school_year_containing(dt.date(2026, 8, 31)) == 2025


@pytest.mark.parametrize(
    ("born", "age", "expected"),
    [
        ("2009-03-15", 18, "2027-03-15"),
        ("2008-02-29", 16, "2024-02-29"),  # a leap year has the day itself
        ("2008-02-29", 15, "2023-03-01"),  # a common year: the day after 28 February
        ("2008-02-29", 18, "2026-03-01"),
    ],
)
def test_4_birthdays_including_29_february(born: str, age: int, expected: str) -> None:
    assert birthday(dt.date.fromisoformat(born), age) == dt.date.fromisoformat(expected)


def test_5_2_1_a_pupil_born_on_29_february_is_a_minor_until_28_february() -> None:
    entries = [
        internship("2026-02-28", "08:00", "13:00"),
        internship("2026-03-01", "08:00", "13:00"),
    ]
    assert dates_of(Rule.UNINTERRUPTED_WORK, *entries, birth="2008-02-29", sunday_work=True) == [
        "2026-02-28"
    ]


def test_4_a_pupil_born_on_29_february_may_start_on_1_march_at_15() -> None:
    entries = [
        internship("2023-02-28", "09:00", "12:00"),
        internship("2023-03-01", "09:00", "12:00"),
    ]
    assert dates_of(Rule.MIN_AGE, *entries, birth="2008-02-29", year=2022) == ["2023-02-28"]


def test_5_1_weeks_run_monday_to_sunday() -> None:
    sunday = dt.date(2026, 2, 8).toordinal()
    assert is_sunday(sunday)
    assert not is_sunday(sunday + 1)
    assert monday_of(sunday) == dt.date(2026, 2, 2).toordinal()
    assert monday_of(sunday + 1) == dt.date(2026, 2, 9).toordinal()
