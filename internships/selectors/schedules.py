"""A placement's planned days: its periods, minus holidays, with its single-day exceptions.

The periods (``PlacementPeriod``), the single-day exceptions (``placement.schedule_exceptions``)
and the exemptions (``placement.exemptions``, recorded by the compliance app) are expanded into
days by the pure engine (``compliance.engine.patterns``). The agreement states these days, the
absences must fall on them, and the compliance app checks them against the labour rules.

A school's holidays are the Flemish school calendar of the year (``compliance.engine.
school_calendar``) plus the school's own free days (``SchoolHoliday``); every reader of them
goes through :func:`school_holidays_of` or :func:`holiday_dates`.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext

from compliance.engine import Exemptions, school_calendar
from compliance.engine.calendar import legal_holidays
from compliance.engine.patterns import (
    Lesson,
    Override,
    OverrideKind,
    WorkDay,
    expand_internship,
    parse_breaks,
)
from internships.models import Placement, PlacementPeriod, SchoolHoliday, SchoolYear, TimetableSlot


def override_for(exception) -> Override:
    """A ``ScheduleException`` row as the engine's override of one day."""
    kind = OverrideKind(exception.kind)
    day = None
    if kind is not OverrideKind.DAY_OFF:
        day = WorkDay(
            start=exception.start_time,
            end=exception.end_time,
            breaks=parse_breaks(exception.breaks),
            force_majeure=exception.force_majeure,
        )
    return Override(date=exception.date, kind=kind, day=day)


def exemptions_for(placement: Placement) -> Exemptions:
    kinds = {exemption.kind for exemption in placement.exemptions.all()}
    return Exemptions(**dict.fromkeys(kinds, True))


@dataclass(frozen=True)
class HolidayRow:
    """One holiday of a school's year: fixed by the Flemish school calendar (``built_in``) or
    one of the school's own free days."""

    name: str
    first_day: datetime.date
    last_day: datetime.date
    built_in: bool
    is_summer: bool = False

    def days(self) -> list[datetime.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + datetime.timedelta(days=offset) for offset in range(count)]


# Where ``school_year_holidays_keep`` leaves a school's own free days on a school year.
_KEPT_FREE_DAYS = "_kept_free_days"


def _read_own_free_days(school_year: SchoolYear, school_id: int) -> list[HolidayRow]:
    return [
        HolidayRow(
            name=holiday.name,
            first_day=holiday.start_date,
            last_day=holiday.end_date,
            built_in=False,
        )
        for holiday in SchoolHoliday.objects.filter(school_id=school_id, school_year=school_year)
    ]


def _own_free_days(school_year: SchoolYear, school_id: int) -> list[HolidayRow]:
    kept = getattr(school_year, _KEPT_FREE_DAYS, {})
    if school_id in kept:
        return list(kept[school_id])
    return _read_own_free_days(school_year, school_id)


def school_year_holidays_keep(school_year: SchoolYear, school_id: int) -> None:
    """Reads the school's own free days of the year once and keeps them on this
    ``school_year`` object, so every later reader of its holidays (:func:`holiday_dates`,
    :func:`school_holidays_of` and what calls them) reads none again.

    For a page that only reads: the placement page's cards read the holidays half a dozen
    times. Other school year objects, such as the next request's, read them afresh."""
    kept = getattr(school_year, _KEPT_FREE_DAYS, None)
    if kept is None:
        kept = {}
        setattr(school_year, _KEPT_FREE_DAYS, kept)
    if school_id not in kept:
        kept[school_id] = tuple(_read_own_free_days(school_year, school_id))


def school_holidays_of(school_year: SchoolYear, school_id: int) -> list[HolidayRow]:
    """The school's holidays of the school year, in date order: the periods of the Flemish
    school calendar (section 4) and the school's own free days (one query)."""
    built_in = [
        HolidayRow(
            name=gettext(period.name),
            first_day=period.first_day,
            last_day=period.last_day,
            built_in=True,
            is_summer=period.name == school_calendar.SUMMER,
        )
        for period in school_calendar.school_holidays(school_year.start_year)
    ]
    own = _own_free_days(school_year, school_id)
    return sorted(built_in + own, key=lambda row: (row.first_day, not row.built_in))


def holiday_dates(school_year: SchoolYear, school_id: int) -> tuple[set, set]:
    """The legal holidays (5.3) and the school holidays of the school year: the Flemish school
    calendar together with the school's own free days (4). One query."""
    school = set(school_calendar.school_holiday_dates(school_year.start_year))
    school.update(day for row in _own_free_days(school_year, school_id) for day in row.days())
    return _legal_dates(school_year), school


def _legal_dates(school_year: SchoolYear) -> set[datetime.date]:
    return set(legal_holidays(school_year.start_year)) | set(
        legal_holidays(school_year.start_year + 1)
    )


def planned_days(placement: Placement) -> dict[datetime.date, WorkDay]:
    """The days the placement plans, with their hours: periods, holidays and exceptions."""
    legal, school_holidays = holiday_dates(placement.school_year, placement.school_id)
    return expand_internship(
        [period.as_pattern() for period in placement.periods.all()],
        [override_for(exception) for exception in placement.schedule_exceptions.all()],
        legal_holidays=legal,
        school_holidays=school_holidays,
        work_on_legal_holidays=exemptions_for(placement).holiday_work,
    )


def planned_hours_by_period(placement: Placement) -> dict[int, float]:
    """Each period's planned hours, skipping the holidays the way the schedule does."""
    legal, school_holidays = holiday_dates(placement.school_year, placement.school_id)
    holiday_work = exemptions_for(placement).holiday_work
    hours = {}
    for period in placement.periods.all():
        days = expand_internship(
            [period.as_pattern()],
            legal_holidays=legal,
            school_holidays=school_holidays,
            work_on_legal_holidays=holiday_work,
        )
        hours[period.pk] = round(sum(day.minutes for day in days.values()) / 60, 2)
    return hours


@dataclass(frozen=True)
class HolidayInternship:
    """The days a placement plans in one school holiday (section 4)."""

    holiday: HolidayRow
    days: tuple[datetime.date, ...]


def placement_holiday_internship(
    placement: Placement, *, periods: list[PlacementPeriod] | None = None
) -> list[HolidayInternship]:
    """The placement's planned days that fall in a school holiday, per holiday in date order.

    Alternating patterns skip the school holidays, but a block may run in one: that is allowed,
    and the school then owes the pupil a balanced compensation (section 4). The days of a
    make-up period are left out, as that compensation does not apply to an individual pupil's
    make-up internship (4). ``placement`` comes from a selector that applied the user's access
    (``placement_get_for``); this runs a fixed number of queries. ``periods``: the placement's
    periods with their make-up (``make_up``), when the caller has read them already.
    """
    holidays = school_holidays_of(placement.school_year, placement.school_id)
    in_holiday = {day for row in holidays for day in row.days()}
    if periods is None:
        periods = list(placement.periods.select_related("make_up"))
    days = expand_internship(
        [period.as_pattern() for period in periods],
        [override_for(exception) for exception in placement.schedule_exceptions.all()],
        legal_holidays=_legal_dates(placement.school_year),
        school_holidays=in_holiday,
        work_on_legal_holidays=exemptions_for(placement).holiday_work,
    )
    made_up = {
        day for period in periods if getattr(period, "make_up", None) for day in period.dates()
    }
    grouped: dict[HolidayRow, list[datetime.date]] = {}
    for day in days:  # in date order
        row = next((row for row in holidays if row.first_day <= day <= row.last_day), None)
        if row is not None and day not in made_up:
            grouped.setdefault(row, []).append(day)
    return [HolidayInternship(holiday=row, days=tuple(dates)) for row, dates in grouped.items()]


def lessons_of_class(school_class_id: int | None) -> list[Lesson]:
    """The weekly lesson periods of a class's timetable (4.1.1)."""
    if school_class_id is None:
        return []
    return [
        Lesson(weekday=slot.weekday, start=slot.start_time, end=slot.end_time)
        for slot in TimetableSlot.objects.filter(school_class_id=school_class_id)
    ]
