"""The labour-law check of what was really worked, stored per placement, and its alert (5.1).

Each confirmation or correction checks the pupil's whole school year again with the worked
weeks in place of their plan (``attendance.schedules``). A violation dated in a worked week is
stored on the placement and e-mailed to its supervisor: once per placement, week and rule.
"""

import datetime
import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attendance.models import AttendanceCheck, AttendanceWeek
from attendance.schedules import WorkedSchedule, worked_schedules_for_student_year
from attendance.selectors.weeks import monday_of
from compliance.engine import ScheduleInputError, Severity, Violation, check
from compliance.services import violation_to_json, volume_to_json
from internships.models import Notification, Placement, SchoolYear, Student, User
from internships.services.notifications import notification_queue

logger = logging.getLogger(__name__)

_deferred: ContextVar[dict[tuple[int, int], tuple[Student, SchoolYear]] | None] = ContextVar(
    "deferred_attendance_checks", default=None
)


@contextmanager
def attendance_checks_deferred() -> Iterator[None]:
    """Checks each pupil-year touched inside the block once, when the block ends (bulk work
    such as the demo data: the stored result depends only on the final weeks)."""
    if _deferred.get() is not None:
        yield
        return
    pending: dict[tuple[int, int], tuple[Student, SchoolYear]] = {}
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    for student, school_year in pending.values():
        attendance_check_student_year(student=student, school_year=school_year)


def _totals(worked: WorkedSchedule) -> dict[str, Any]:
    return {
        "confirmed_weeks": len(worked.confirmed_mondays),
        "planned_hours": worked.planned_volume.hours,
        "worked_hours": worked.worked_volume.hours,
        "planned_volume": volume_to_json(worked.planned_volume),
        "worked_volume": volume_to_json(worked.worked_volume),
        "expected_volume": volume_to_json(worked.expected_volume),
    }


@transaction.atomic
def attendance_check_student_year(*, student: Student, school_year: SchoolYear) -> None:
    """Checks the pupil's year as worked and stores the result on each active placement."""
    pending = _deferred.get()
    if pending is not None:
        pending[student.pk, school_year.pk] = (student, school_year)
        return
    now = timezone.now()
    checked = []
    for worked in worked_schedules_for_student_year(student.pk, school_year):
        placement = worked.placement
        checked.append(placement.pk)
        try:
            result = check(worked.schedule)
        except ScheduleInputError as error:
            # The services keep the days valid; should one slip through, the page says why.
            logger.warning("Unchecked worked hours for %s: %s", placement, error)
            AttendanceCheck.objects.update_or_create(
                placement=placement,
                defaults={
                    "checked_at": now,
                    "error_count": 1,
                    "warning_count": 0,
                    "violations": [],
                    "totals": {**_totals(worked), "input_errors": error.errors},
                },
            )
            continue
        violations = [v for v in result.violations if worked.concerns(v.rule, v.date)]
        errors = sum(1 for v in violations if v.severity is Severity.ERROR)
        AttendanceCheck.objects.update_or_create(
            placement=placement,
            defaults={
                "checked_at": now,
                "error_count": errors,
                "warning_count": len(violations) - errors,
                "violations": [violation_to_json(v) for v in violations],
                "totals": _totals(worked),
            },
        )
        _alert_new_violations(placement, violations)
    AttendanceCheck.objects.filter(
        placement__student=student, placement__school_year=school_year
    ).exclude(placement_id__in=checked).delete()


def attendance_check_placement(*, placement: Placement) -> None:
    attendance_check_student_year(student=placement.student, school_year=placement.school_year)


def recheck_if_worked(*, student: Student, school_year: SchoolYear) -> None:
    """After a change of the plan: the pupil's confirmed weeks are checked again beside it."""
    if AttendanceWeek.objects.filter(
        placement__student=student, placement__school_year=school_year
    ).exists():
        attendance_check_student_year(student=student, school_year=school_year)


def _recipients(placement: Placement) -> list[User]:
    """The supervisor; without one, the school's coordinators."""
    if placement.supervisor is not None:
        return [placement.supervisor]
    return list(
        User.objects.filter(
            school_id=placement.school_id, role=User.Role.COORDINATOR, is_active=True
        )
    )


def _alert_new_violations(placement: Placement, violations: list[Violation]) -> None:
    """One e-mail per worked week with the rules broken there that were not reported before."""
    by_week: dict[datetime.date, list[Violation]] = defaultdict(list)
    for violation in violations:
        by_week[monday_of(violation.date)].append(violation)
    if not by_week:
        return
    reported = defaultdict(set)
    for context in Notification.objects.filter(
        placement=placement, kind=Notification.Kind.HOURS_VIOLATION
    ).values_list("context", flat=True):
        reported[context.get("week_on")].update(context.get("rules", []))
    for monday, week_violations in sorted(by_week.items()):
        new_rules = sorted({str(v.rule) for v in week_violations} - reported[monday.isoformat()])
        if not new_rules:
            continue
        new = [v for v in week_violations if str(v.rule) in new_rules]
        _alert(placement, monday, new, new_rules)


def _alert(
    placement: Placement, monday: datetime.date, violations: list[Violation], rules: list[str]
) -> None:
    digest = hashlib.sha256("+".join(rules).encode()).hexdigest()[:16]
    for recipient in _recipients(placement):
        notification_queue(
            school=placement.school,
            kind=Notification.Kind.HOURS_VIOLATION,
            recipient_name=recipient.get_full_name(),
            recipient_email=recipient.email,
            reason=_(
                "De gewerkte uren van %(student)s in de week van %(monday)s overtreden de "
                "arbeidsregels voor leerling-stagiairs (5)."
            )
            % {"student": placement.student, "monday": monday.strftime("%d/%m/%Y")},
            template="attendance/emails/hours_violation",
            context={
                "recipient": recipient.get_full_name(),
                "student": placement.student.full_name,
                "host": placement.host.name,
                "week_on": monday.isoformat(),
                "rules": rules,
                "violations": [
                    {
                        "day": violation.date.strftime("%d/%m/%Y"),
                        # The engine's Dutch text: e-mails are sent in Dutch.
                        "message": violation.message,
                        "source": violation.source,
                        "is_error": violation.severity is Severity.ERROR,
                    }
                    for violation in violations
                ],
                "path": reverse("attendance:placement-weeks", args=[placement.pk]),
            },
            placement=placement,
            dedupe_key=f"hours-violation:{placement.pk}:{monday.isoformat()}:{recipient.pk}:{digest}",
        )
