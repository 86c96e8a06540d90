"""Writes for the school's own free days: pedagogical study days, local free days (section 4).

They come on top of the Flemish school calendar, which is fixed by rule and cannot be changed
here. Only a coordinator or school admin changes them. No lessons take place on them and
alternating internship patterns skip them, so every change queues a new compliance check of
the school year's pupils once the transaction commits (``internships.tasks.
recheck_school_year``). Each change is kept in the free day's history with the staff member
who made it (the history middleware).
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from compliance.engine import school_calendar
from core.principals import Principal, StaffMember
from internships.models import School, SchoolHoliday, SchoolYear
from internships.services.common import model_update
from internships.tasks import recheck_school_year

HOLIDAY_FIELDS = ["name", "start_date", "end_date"]


def _require_whole_school(principal: Principal) -> StaffMember:
    """The view checked the role already; the service checks again, as for links."""
    if not isinstance(principal, StaffMember) or not principal.sees_whole_school:
        raise PermissionDenied
    return principal


def _date(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _lower_first(name: str) -> str:
    """'Krokusvakantie' inside a sentence; 'Vrijdag na Hemelvaart' keeps its capital H."""
    return name[:1].lower() + name[1:]


def _validate(holiday: SchoolHoliday) -> None:
    """The rules beyond single fields, once the model's own validation (the end not before the
    start) passed: within the school year, not wholly inside a holiday the Flemish calendar
    already gives, and not overlapping another own free day."""
    start, end, school_year = holiday.start_date, holiday.end_date, holiday.school_year
    if start not in school_year or end not in school_year:
        raise ValidationError(
            {
                "end_date" if start in school_year else "start_date": _(
                    "Een eigen vrije dag valt binnen het schooljaar %(year)s: van %(start)s tot "
                    "en met %(end)s."
                )
                % {
                    "year": school_year,
                    "start": _date(school_year.start_date),
                    "end": _date(school_year.end_date),
                }
            }
        )
    fixed = next(
        (
            period
            for period in school_calendar.school_holidays(school_year.start_year)
            if period.first_day <= start and end <= period.last_day
        ),
        None,
    )
    if fixed is not None:
        raise ValidationError(
            {
                "start_date": _(
                    "Deze dagen vallen volledig in de %(holiday)s (%(start)s – %(end)s), die "
                    "vastligt volgens de Vlaamse schoolkalender: daar zijn al geen lessen. Kies "
                    "dagen waarop er anders les is."
                )
                % {
                    "holiday": _lower_first(_(fixed.name)),
                    "start": _date(fixed.first_day),
                    "end": _date(fixed.last_day),
                }
            }
        )
    overlapping = (
        SchoolHoliday.objects.filter(
            school_id=holiday.school_id,
            school_year=school_year,
            start_date__lte=end,
            end_date__gte=start,
        )
        .exclude(pk=holiday.pk)
        .first()
    )
    if overlapping is not None:
        raise ValidationError(
            {
                "start_date": _(
                    "Deze dagen overlappen met de eigen vrije dag ‘%(name)s’ (%(start)s – "
                    "%(end)s). Pas die aan of kies andere data."
                )
                % {
                    "name": overlapping.name,
                    "start": _date(overlapping.start_date),
                    "end": _date(overlapping.end_date),
                }
            }
        )


def _lock_calendar(school_id: int) -> None:
    """Two edits of one school's calendar at the same moment could each pass the overlap check;
    the school's row is locked until the commit, so they run one after the other."""
    School.objects.select_for_update().filter(pk=school_id).first()


def _recheck_after_commit(holiday: SchoolHoliday) -> None:
    school_year_pk, school_id = holiday.school_year_id, holiday.school_id
    transaction.on_commit(lambda: recheck_school_year.delay(school_year_pk, school_id=school_id))


@transaction.atomic
def school_holiday_create(
    *,
    principal: Principal,
    school_year: SchoolYear,
    name: str,
    start_date: datetime.date,
    end_date: datetime.date,
) -> SchoolHoliday:
    """Adds an own free day of the principal's school to the school year."""
    staff = _require_whole_school(principal)
    _lock_calendar(staff.school_id)
    holiday = SchoolHoliday(
        school_id=staff.school_id,
        school_year=school_year,
        name=name,
        start_date=start_date,
        end_date=end_date,
    )
    holiday.full_clean()
    _validate(holiday)
    holiday.save()
    _recheck_after_commit(holiday)
    return holiday


@transaction.atomic
def school_holiday_update(
    *, principal: Principal, holiday: SchoolHoliday, data: dict[str, Any]
) -> SchoolHoliday:
    """Renames or moves an own free day within its school year; ``holiday`` comes from
    ``school_holiday_get_for``. An unchanged day is not saved and checks nothing again."""
    staff = _require_whole_school(principal)
    if holiday.school_id != staff.school_id:
        raise PermissionDenied
    _lock_calendar(staff.school_id)
    moved = any(
        field in data and data[field] != getattr(holiday, field)
        for field in ("start_date", "end_date")
    )
    model_update(instance=holiday, fields=HOLIDAY_FIELDS, data=data, validate=_validate)
    if moved:  # a new name changes no pupil's days
        _recheck_after_commit(holiday)
    return holiday


@transaction.atomic
def school_holiday_delete(*, principal: Principal, holiday: SchoolHoliday) -> None:
    """Removes an own free day: its days become lesson days again."""
    staff = _require_whole_school(principal)
    if holiday.school_id != staff.school_id:
        raise PermissionDenied
    _recheck_after_commit(holiday)
    holiday.delete()
