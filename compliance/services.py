"""Writes of the compliance app: exemptions, exceptional days, and the stored check results."""

import datetime
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.engine import ScheduleInputError, Severity, check
from compliance.engine.patterns import WorkDay
from compliance.engine.volume import Volume, half_days
from compliance.models import ComplianceCheck, Exemption, PlannedWeek, ScheduleException
from compliance.schedules import PlacementSchedule, schedules_for_student_year
from compliance.signals import planned_weeks_stored
from internships.models import Placement, SchoolYear, Student
from internships.signals import placement_schedule_changed

logger = logging.getLogger(__name__)


def violation_to_json(violation) -> dict[str, Any]:
    return {
        "rule": str(violation.rule),
        "date": violation.date.isoformat(),
        "severity": str(violation.severity),
        "source": violation.source,
        "template": violation.template,
        "params": dict(violation.params),
    }


def volume_to_json(volume: Volume) -> dict[str, Any]:
    return {
        "half_days": volume.half_days,
        "hours": volume.hours,
        "block_days": volume.block_days,
        "block_weeks": volume.block_weeks,
        "alternating_half_days": volume.alternating_half_days,
        "alternating_weeks": volume.alternating_weeks,
        "alternating_half_days_per_week": volume.alternating_half_days_per_week,
        "alternating_share": volume.alternating_share,
        "lesson_weeks": volume.lesson_weeks,
        "lesson_hours": volume.lesson_hours,
    }


CHECK_FIELDS = ("checked_at", "error_count", "warning_count", "violations", "totals")

_deferred: ContextVar[dict[tuple[int, int], tuple[Student, SchoolYear]] | None] = ContextVar(
    "deferred_compliance_checks", default=None
)


@contextmanager
def compliance_checks_deferred() -> Iterator[None]:
    """Checks each pupil-year touched inside the block once, when the block ends.

    For bulk work (imports, the demo data): every write of a placement re-checks the pupil's
    school year, and the stored result depends only on the final data. The pupil-years are
    checked together (:func:`compliance_check_student_years`).
    """
    if _deferred.get() is not None:
        yield
        return
    pending: dict[tuple[int, int], tuple[Student, SchoolYear]] = {}
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    compliance_check_student_years(pending.values())


def _check_fields(placement_schedule: PlacementSchedule, now: datetime.datetime) -> dict[str, Any]:
    """What is stored of one placement's check: its counts, its violations and the totals."""
    try:
        result = check(placement_schedule.schedule)
    except ScheduleInputError as error:
        # Forms keep schedules valid; should one slip through, the page says why.
        logger.warning("Unchecked schedule for %s: %s", placement_schedule.placement, error)
        return {
            "checked_at": now,
            "error_count": 1,
            "warning_count": 0,
            "violations": [],
            "totals": {"input_errors": error.errors},
        }
    violations = [
        violation
        for violation in result.violations
        if placement_schedule.concerns(violation.rule, violation.date)
    ]
    errors = sum(1 for v in violations if v.severity is Severity.ERROR)
    return {
        "checked_at": now,
        "error_count": errors,
        "warning_count": len(violations) - errors,
        "violations": [violation_to_json(v) for v in violations],
        "totals": {
            "internship_hours": result.totals.internship_hours,
            "school_hours": result.totals.school_hours,
            "half_days": result.totals.half_days,
            "volume": volume_to_json(placement_schedule.volume),
            "own_volume": volume_to_json(placement_schedule.own_volume),
        },
    }


@transaction.atomic
def compliance_check_student_year(*, student: Student, school_year: SchoolYear) -> None:
    """Checks every active placement of the pupil in the school year and stores the results.

    The placements of one pupil-year depend on each other (weekly and yearly totals, rest
    between days), so they are always checked together.
    """
    pending = _deferred.get()
    if pending is not None:
        pending[student.pk, school_year.pk] = (student, school_year)
        return
    now = timezone.now()
    checked = []
    planned_weeks = []
    for placement_schedule in schedules_for_student_year(student.pk, school_year):
        planned_weeks += _planned_weeks(placement_schedule.placement, placement_schedule.own_days)
        ComplianceCheck.objects.update_or_create(
            placement=placement_schedule.placement,
            defaults=_check_fields(placement_schedule, now),
        )
        checked.append(placement_schedule.placement.pk)
    ComplianceCheck.objects.filter(
        placement__student=student, placement__school_year=school_year
    ).exclude(placement_id__in=checked).delete()
    PlannedWeek.objects.filter(
        placement__student=student, placement__school_year=school_year
    ).delete()
    PlannedWeek.objects.bulk_create(planned_weeks)
    planned_weeks_stored.send(
        sender=compliance_check_student_year, student=student, school_year=school_year
    )


@transaction.atomic
def compliance_check_student_years(pupil_years: Iterable[tuple[Student, SchoolYear]]) -> None:
    """Checks each pupil-year as :func:`compliance_check_student_year` does, and stores the
    results of all of them together: a handful of writes however many pupil-years, instead of
    a dozen for each (bulk work: imports, the demo data). Each is announced as stored
    (``planned_weeks_stored``) once all are."""
    by_key = {
        (student.pk, school_year.pk): (student, school_year) for student, school_year in pupil_years
    }
    if not by_key:
        return
    now = timezone.now()
    fields: dict[int, dict[str, Any]] = {}
    planned_weeks = []
    for student, school_year in by_key.values():
        for placement_schedule in schedules_for_student_year(student.pk, school_year):
            placement = placement_schedule.placement
            planned_weeks += _planned_weeks(placement, placement_schedule.own_days)
            fields[placement.pk] = _check_fields(placement_schedule, now)
    candidates = Placement.objects.filter(
        student_id__in={student_id for student_id, _year in by_key},
        school_year_id__in={year_id for _student, year_id in by_key},
    ).values_list("pk", "student_id", "school_year_id")
    placement_ids = [pk for pk, *key in candidates if tuple(key) in by_key]
    ComplianceCheck.objects.filter(placement_id__in=placement_ids).exclude(
        placement_id__in=list(fields)
    ).delete()
    stored = {
        row.placement_id: row
        for row in ComplianceCheck.objects.filter(placement_id__in=list(fields))
    }
    changed = []
    for placement_id, values in fields.items():
        row = stored.get(placement_id)
        if row is not None:
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    ComplianceCheck.objects.bulk_update(changed, list(CHECK_FIELDS), batch_size=200)
    ComplianceCheck.objects.bulk_create(
        ComplianceCheck(placement_id=placement_id, **values)
        for placement_id, values in fields.items()
        if placement_id not in stored
    )
    PlannedWeek.objects.filter(placement_id__in=placement_ids).delete()
    PlannedWeek.objects.bulk_create(planned_weeks)
    for student, school_year in by_key.values():
        planned_weeks_stored.send(
            sender=compliance_check_student_years, student=student, school_year=school_year
        )


def _planned_weeks(placement: Placement, days: dict[datetime.date, WorkDay]) -> list[PlannedWeek]:
    """The placement's planned days by week: the last day, the minutes and the half days."""
    weeks: dict[datetime.date, PlannedWeek] = {}
    for date in sorted(days):
        day = days[date]
        monday = date - datetime.timedelta(days=date.weekday())
        week = weeks.get(monday)
        if week is None:
            week = weeks[monday] = PlannedWeek(
                placement=placement,
                monday=monday,
                last_day=date,
                minutes=0,
                half_days=0,
                weekdays="",
            )
        week.last_day = date
        week.weekdays += str(date.weekday())
        week.minutes += day.minutes
        week.half_days += half_days(day)
    return list(weeks.values())


def compliance_check_placement(*, placement: Placement) -> None:
    compliance_check_student_year(student=placement.student, school_year=placement.school_year)


@transaction.atomic
def exemption_save(
    *,
    placement: Placement,
    kind: str,
    ground: str,
    granted_on: datetime.date | None = None,
    document=None,
) -> Exemption:
    exemption = Exemption.objects.filter(placement=placement, kind=kind).first() or Exemption(
        placement=placement, kind=kind
    )
    exemption.ground = ground
    exemption.granted_on = granted_on
    if document:
        exemption.document = document
    exemption.full_clean()
    exemption.save()
    placement_schedule_changed(placement)
    return exemption


@transaction.atomic
def exemption_delete(*, exemption: Exemption) -> None:
    placement = exemption.placement
    exemption.delete()
    placement_schedule_changed(placement)


@transaction.atomic
def schedule_exception_save(
    *,
    placement: Placement,
    date: datetime.date,
    kind: str,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    breaks: list[list[str]] | None = None,
    force_majeure: bool = False,
    note: str = "",
) -> ScheduleException:
    """Records how one day differs from the plan; a second record for the day replaces it."""
    if not placement.start_date <= date <= placement.end_date:
        raise ValidationError(
            {
                "date": [
                    _(
                        "Deze dag valt buiten de stage (%(start)s – %(end)s); "
                        "pas eerst de data van de stage aan."
                    )
                    % {
                        "start": placement.start_date.strftime("%d/%m/%Y"),
                        "end": placement.end_date.strftime("%d/%m/%Y"),
                    }
                ]
            }
        )
    if kind != ScheduleException.Kind.DAY_OFF and (start_time is None or end_time is None):
        raise ValidationError({"start_time": [_("Geef de uren van deze dag.")]})
    if kind == ScheduleException.Kind.DAY_OFF:
        start_time = end_time = None
        breaks = []
        force_majeure = False
    exception, _created = ScheduleException.objects.update_or_create(
        placement=placement,
        date=date,
        defaults={
            "kind": kind,
            "start_time": start_time,
            "end_time": end_time,
            "breaks": breaks or [],
            "force_majeure": force_majeure,
            "note": note,
        },
    )
    placement_schedule_changed(placement)
    return exception


@transaction.atomic
def schedule_exception_delete(*, exception: ScheduleException) -> None:
    placement = exception.placement
    exception.delete()
    placement_schedule_changed(placement)
