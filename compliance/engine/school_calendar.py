"""The Flemish school calendar: the holidays every school year has, by rule (section 4).

The school holidays of Flemish schools are not set year by year: the Besluit van de Vlaamse
Regering of 17 April 1991 on the organisation of the school year fixes them by rule, and for
secondary education article 7 of the Besluit of 31 August 2001 states the same periods:

- herfstvakantie: one week from the Monday of the week of 1 November; from 2 November when
  1 November is a Sunday;
- kerstvakantie: two weeks from the Monday of the week of 25 December; from the Monday after
  when 25 December is a Saturday or a Sunday;
- krokusvakantie: one week from the seventh Monday before Easter;
- paasvakantie: two weeks from the first Monday of April; from Easter Monday when Easter falls
  in March; from the second Monday before Easter when Easter falls after 15 April;
- zomervakantie: 1 July to 31 August;
- the day after Ascension Day (always a Friday) is free too, next to the legal holidays.

A school adds its own free days (pedagogical study days, local free days); legal holidays are
in :func:`compliance.engine.calendar.legal_holidays`.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateutil.easter import easter

from compliance.engine.calendar import school_year_bounds
from compliance.engine.i18n import gettext_noop

AUTUMN = gettext_noop("Herfstvakantie")
CHRISTMAS = gettext_noop("Kerstvakantie")
CARNIVAL = gettext_noop("Krokusvakantie")
EASTER = gettext_noop("Paasvakantie")
DAY_AFTER_ASCENSION = gettext_noop("Vrijdag na Hemelvaart")
SUMMER = gettext_noop("Zomervakantie")

_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(weeks=1)
_SATURDAY, _SUNDAY = 5, 6
_LATEST_EASTER_FOR_APRIL_RULE = 15  # Easter after 15 April moves the Easter holiday earlier
_DAYS_FROM_EASTER_TO_ITS_FRIDAY_AFTER_ASCENSION = 40


@dataclass(frozen=True, slots=True)
class HolidayPeriod:
    """A named holiday of the school calendar, from ``first_day`` to ``last_day`` inclusive."""

    name: str
    first_day: dt.date
    last_day: dt.date

    def days(self) -> Iterator[dt.date]:
        """Every date of the period, in order."""
        day = self.first_day
        while day <= self.last_day:
            yield day
            day += _DAY

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first_day <= day <= self.last_day


def _monday_of_week(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _next_monday(day: dt.date) -> dt.date:
    """The first Monday after ``day`` (a week later when ``day`` is a Monday)."""
    return day + dt.timedelta(days=7 - day.weekday())


def _weeks_from(name: str, monday: dt.date, weeks: int) -> HolidayPeriod:
    return HolidayPeriod(name, monday, monday + weeks * _WEEK - _DAY)


def autumn_holiday(start_year: int) -> HolidayPeriod:
    """The herfstvakantie of the school year starting in ``start_year``."""
    all_saints = dt.date(start_year, 11, 1)
    if all_saints.weekday() == _SUNDAY:
        return _weeks_from(AUTUMN, all_saints + _DAY, 1)
    return _weeks_from(AUTUMN, _monday_of_week(all_saints), 1)


def christmas_holiday(start_year: int) -> HolidayPeriod:
    """The kerstvakantie of the school year starting in ``start_year``."""
    christmas = dt.date(start_year, 12, 25)
    if christmas.weekday() in (_SATURDAY, _SUNDAY):
        return _weeks_from(CHRISTMAS, _next_monday(christmas), 2)
    return _weeks_from(CHRISTMAS, _monday_of_week(christmas), 2)


def _mondays_before(sunday: dt.date, count: int) -> dt.date:
    """The ``count``-th Monday before the Sunday ``sunday`` (the first is six days before)."""
    return sunday - dt.timedelta(days=6) - (count - 1) * _WEEK


def carnival_holiday(start_year: int) -> HolidayPeriod:
    """The krokusvakantie of the school year starting in ``start_year``."""
    return _weeks_from(CARNIVAL, _mondays_before(easter(start_year + 1), 7), 1)


def easter_holiday(start_year: int) -> HolidayPeriod:
    """The paasvakantie of the school year starting in ``start_year``."""
    easter_sunday = easter(start_year + 1)
    if easter_sunday.month == 3:
        return _weeks_from(EASTER, easter_sunday + _DAY, 2)
    if easter_sunday.day > _LATEST_EASTER_FOR_APRIL_RULE:
        return _weeks_from(EASTER, _mondays_before(easter_sunday, 2), 2)
    first_of_april = dt.date(start_year + 1, 4, 1)
    return _weeks_from(EASTER, first_of_april + dt.timedelta(days=-first_of_april.weekday() % 7), 2)


def day_after_ascension(start_year: int) -> HolidayPeriod:
    """The Friday after Ascension Day of the school year starting in ``start_year``."""
    friday = easter(start_year + 1) + dt.timedelta(
        days=_DAYS_FROM_EASTER_TO_ITS_FRIDAY_AFTER_ASCENSION
    )
    return HolidayPeriod(DAY_AFTER_ASCENSION, friday, friday)


def summer_holiday(start_year: int) -> HolidayPeriod:
    """The zomervakantie that closes the school year starting in ``start_year``."""
    _first, last = school_year_bounds(start_year)
    return HolidayPeriod(SUMMER, dt.date(start_year + 1, 7, 1), last)


@lru_cache(maxsize=256)
def school_holidays(start_year: int) -> tuple[HolidayPeriod, ...]:
    """The school holidays of the Flemish school year starting in ``start_year``, in order.

    Every period lies within that school year (1 September–31 August) and no two overlap.
    """
    return (
        autumn_holiday(start_year),
        christmas_holiday(start_year),
        carnival_holiday(start_year),
        easter_holiday(start_year),
        day_after_ascension(start_year),
        summer_holiday(start_year),
    )


@lru_cache(maxsize=256)
def school_holiday_dates(start_year: int) -> frozenset[dt.date]:
    """Every date on which the Flemish school calendar gives the school year's pupils a holiday.

    Legal holidays outside these periods (11 November, Easter Monday after a late Easter,
    1 May, Ascension Day, Whit Monday) are not included: see ``legal_holidays``.
    """
    return frozenset(day for period in school_holidays(start_year) for day in period.days())
