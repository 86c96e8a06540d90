"""A placement's planned days: its periods, minus holidays, with its single-day exceptions.

The periods (``PlacementPeriod``), the single-day exceptions (``placement.schedule_exceptions``)
and the exemptions (``placement.exemptions``, recorded by the compliance app) are expanded into
days by the pure engine (``compliance.engine.patterns``). The agreement states these days, the
absences must fall on them, and the compliance app checks them against the labour rules.
"""

import datetime

from compliance.engine import Exemptions
from compliance.engine.calendar import legal_holidays
from compliance.engine.patterns import (
    Lesson,
    Override,
    OverrideKind,
    WorkDay,
    expand_internship,
    parse_breaks,
)
from internships.models import Placement, SchoolHoliday, SchoolYear, TimetableSlot


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


def holiday_dates(school_year: SchoolYear, school_id: int) -> tuple[set, set]:
    """The legal holidays (5.3) and the school's own holidays of the school year."""
    legal = set(legal_holidays(school_year.start_year)) | set(
        legal_holidays(school_year.start_year + 1)
    )
    school = set()
    for holiday in SchoolHoliday.objects.filter(school_id=school_id, school_year=school_year):
        day = holiday.start_date
        while day <= holiday.end_date:
            school.add(day)
            day += datetime.timedelta(days=1)
    return legal, school


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


def lessons_of_class(school_class_id: int | None) -> list[Lesson]:
    """The weekly lesson periods of a class's timetable (4.1.1)."""
    if school_class_id is None:
        return []
    return [
        Lesson(weekday=slot.weekday, start=slot.start_time, end=slot.end_time)
        for slot in TimetableSlot.objects.filter(school_class_id=school_class_id)
    ]
