"""The attendance section of the individual dossier (annex 2): plain data for a print partial."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from attendance.models import AttendanceCheck, Incident
from attendance.selectors.summary import placement_attendance, stored_violations
from attendance.selectors.totals import student_year_totals, totals_of
from attendance.selectors.weeks import planned_days_by_placement, weeks_by_placement
from internships.models import Absence, Placement
from internships.selectors.schedules import holiday_dates


def dossier_attendance(placement: Placement) -> dict:
    """The weeks with planned and worked hours, the worked volume, the violations in the worked
    hours, the incidents and the absence totals (of the placement and of the pupil's year), for
    ``templates/attendance/dossier.html`` as ``attendance``."""
    today = timezone.localdate()
    summary = placement_attendance(placement, today=today)
    return {
        "placement": placement,
        "weeks": summary.weeks,
        "check": summary.check,
        "violations": summary.violations,
        "input_errors": summary.input_errors,
        "incidents": summary.incidents,
        "totals": summary.totals,
        "planned_volume": summary.totals.planned_volume,
        "worked_volume": summary.totals.worked_volume,
        "year_totals": student_year_totals(placement.student, placement.school_year, today=today),
    }


def dossier_attendance_for(
    placements: list[Placement], *, today: datetime.date | None = None
) -> dict[int, dict]:
    """:func:`dossier_attendance` for many placements at once (the inspection export), in a
    fixed number of queries however many placements there are: keyed by placement id."""
    today = today or timezone.localdate()
    placements = list(placements)
    year_placements = list(
        Placement.objects.active()
        .filter(
            student_id__in={placement.student_id for placement in placements},
            school_year_id__in={placement.school_year_id for placement in placements},
        )
        .select_related("school_year", "school_class__programme")
    )
    everything = {placement.pk: placement for placement in [*year_placements, *placements]}
    planned = planned_days_by_placement(everything.values())
    weeks = weeks_by_placement(list(everything.values()), today=today, planned=planned)
    checks = {
        check.placement_id: check
        for check in AttendanceCheck.objects.filter(placement_id__in=[p.pk for p in placements])
    }
    incidents = defaultdict(list)
    for incident in Incident.objects.filter(
        placement_id__in=[p.pk for p in placements]
    ).select_related("reported_by_mentor", "reported_by", "handled_by"):
        incidents[incident.placement_id].append(incident)
    missed: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for row in (
        Absence.objects.filter(placement_id__in=list(everything))
        .values("placement_id", "justification")
        .annotate(total=Sum("hours"))
        .order_by()
    ):
        missed[row["placement_id"]][row["justification"]] = row["total"] or Decimal("0")
    holidays = {}
    for placement in everything.values():
        key = (placement.school_year_id, placement.school_id)
        if key not in holidays:
            holidays[key] = holiday_dates(placement.school_year, placement.school_id)
    by_pupil_year = defaultdict(list)
    for placement in year_placements:
        by_pupil_year[placement.student_id, placement.school_year_id].append(placement)

    def absences_of(group: list[Placement]) -> dict[str, Decimal]:
        total: dict[str, Decimal] = defaultdict(Decimal)
        for member in group:
            for justification, hours in missed[member.pk].items():
                total[justification] += hours
        return dict(total)

    sections = {}
    for placement in placements:
        key = (placement.school_year_id, placement.school_id)
        totals = totals_of(
            [placement],
            weeks,
            planned,
            school_year=placement.school_year,
            holidays=holidays[key],
            absences=absences_of([placement]),
        )
        group = by_pupil_year[placement.student_id, placement.school_year_id] or [placement]
        check = checks.get(placement.pk)
        sections[placement.pk] = {
            "placement": placement,
            "weeks": weeks[placement.pk],
            "check": check,
            "violations": stored_violations(check),
            "input_errors": check.totals.get("input_errors", []) if check else [],
            "incidents": incidents[placement.pk],
            "totals": totals,
            "planned_volume": totals.planned_volume,
            "worked_volume": totals.worked_volume,
            "year_totals": totals_of(
                group,
                weeks,
                planned,
                school_year=placement.school_year,
                holidays=holidays[key],
                absences=absences_of(group),
            ),
        }
    return sections
