"""Dates the rules depend on: school years, Belgian legal holidays, birthdays, weeks."""

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

import holidays
from dateutil.easter import easter

# The holidays package knows all ten Belgian legal holidays in these years; outside them a
# schedule could silently miss a holiday, so the engine refuses such dates.
SUPPORTED_YEARS = range(1950, 2101)

_WHIT_SUNDAY_AFTER_EASTER = dt.timedelta(days=49)


def school_year_bounds(start_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of the school year starting in ``start_year`` (section 4)."""
    return dt.date(start_year, 9, 1), dt.date(start_year + 1, 8, 31)


def school_year_containing(day: dt.date) -> int:
    """The start year of the school year (1 Sept–31 Aug) that contains ``day``."""
    return day.year if day.month >= 9 else day.year - 1


@lru_cache(maxsize=256)
def legal_holidays(year: int) -> Mapping[dt.date, str]:
    """Belgium's ten legal public holidays in ``year`` with their Dutch names (5.3).

    ``holidays`` also lists Easter Sunday and Whit Sunday, which are Sundays rather than
    legal holidays of their own, so they are left out. Two holidays may share a date
    (Ascension fell on 1 May in 2008); they then share one entry.
    """
    easter_sunday = easter(year)
    left_out = {easter_sunday, easter_sunday + _WHIT_SUNDAY_AFTER_EASTER}
    found = holidays.country_holidays("BE", years=year, language="nl")
    return {day: name for day, name in found.items() if day not in left_out}


def birthday(birth_date: dt.date, age: int) -> dt.date:
    """The date on which someone born on ``birth_date`` reaches ``age``.

    Someone born on 29 February reaches an age on 1 March in common years: only then has
    the full number of years passed, which also keeps the protection of minors one day
    longer rather than one day shorter.
    """
    year = birth_date.year + age
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def monday_of(ordinal: int) -> int:
    """The ordinal of the Monday of the calendar week containing day ``ordinal``."""
    # Ordinal 1 (1 January of year 1) is a Monday.
    return ordinal - (ordinal - 1) % 7


def is_sunday(ordinal: int) -> bool:
    return (ordinal - 1) % 7 == 6
