"""The school calendar page: the school year's holidays as the school sees them (section 4).

Three kinds of days without lessons make up a school's calendar: the periods of the Flemish
school calendar (computed by ``compliance.engine.school_calendar``, never stored), Belgium's
legal holidays (5.3), and the school's own free days (``SchoolHoliday``). Only the last are
the school's to change. The school's staff and the API see them; link holders see none.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from compliance.engine import school_calendar
from compliance.engine.calendar import legal_holidays
from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from internships.models import SchoolHoliday, SchoolYear


class EntryKind(StrEnum):
    BUILT_IN = "built_in"
    LEGAL = "legal"
    OWN = "own"


@dataclass(frozen=True)
class CalendarEntry:
    """One line of the school calendar; ``holiday`` is the stored row of an own free day."""

    kind: EntryKind
    name: str
    first_day: datetime.date
    last_day: datetime.date
    holiday: SchoolHoliday | None = None


def _sees_school_holidays(principal: Principal) -> bool:
    match principal:
        case StaffMember() | ApiClient():
            return True
        case LinkHolder() | Anonymous():
            return False
        case _:
            unknown_principal(principal)


def school_holidays_visible_to(
    principal: Principal, school_year: SchoolYear | None = None
) -> QuerySet[SchoolHoliday]:
    """The own free days of the principal's school, in date order; none for link holders."""
    if not _sees_school_holidays(principal):
        return SchoolHoliday.objects.none()
    holidays = SchoolHoliday.objects.filter(school_id=principal.school_id)
    if school_year is not None:
        holidays = holidays.filter(school_year=school_year)
    return holidays.order_by("start_date", "pk")


def school_holiday_get_for(principal: Principal, pk: int) -> SchoolHoliday:
    """One own free day of the principal's school; 404 for anyone else's."""
    return get_object_or_404(
        school_holidays_visible_to(principal).select_related("school_year"), pk=pk
    )


def built_in_holidays(school_year: SchoolYear) -> list[CalendarEntry]:
    """The periods the Flemish school calendar fixes for the school year (section 4)."""
    return [
        CalendarEntry(
            kind=EntryKind.BUILT_IN,
            name=gettext(period.name),
            first_day=period.first_day,
            last_day=period.last_day,
        )
        for period in school_calendar.school_holidays(school_year.start_year)
    ]


def legal_holidays_of(school_year: SchoolYear) -> list[CalendarEntry]:
    """Belgium's legal holidays between 1 September and 31 August of the school year (5.3)."""
    days = {**legal_holidays(school_year.start_year), **legal_holidays(school_year.start_year + 1)}
    return [
        CalendarEntry(kind=EntryKind.LEGAL, name=name, first_day=day, last_day=day)
        for day, name in sorted(days.items())
        if day in school_year
    ]


def school_calendar_for(principal: Principal, school_year: SchoolYear) -> list[CalendarEntry]:
    """The whole calendar of the principal's school for the school year, in date order: the
    Flemish school holidays, the legal holidays and the school's own free days (one query).

    On a shared first day the fixed holiday comes first, then the legal one, then the school's.
    """
    own = [
        CalendarEntry(
            kind=EntryKind.OWN,
            name=holiday.name,
            first_day=holiday.start_date,
            last_day=holiday.end_date,
            holiday=holiday,
        )
        for holiday in school_holidays_visible_to(principal, school_year)
    ]
    order = list(EntryKind)
    entries = built_in_holidays(school_year) + legal_holidays_of(school_year) + own
    return sorted(entries, key=lambda entry: (entry.first_day, order.index(entry.kind)))
