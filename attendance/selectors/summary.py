"""One placement's attendance for pages that already know the reader may see it: the weeks, the
check of the worked hours, the incidents and the totals (the staff card, the weeks page, the
dossier)."""

import datetime
from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from attendance.models import AttendanceCheck, Incident
from attendance.selectors.totals import AttendanceTotals, totals_of
from attendance.selectors.weeks import WeekRow, planned_days_by_placement, weeks_by_placement
from compliance.selectors import StoredViolation
from internships.models import Placement


def stored_violations(check: AttendanceCheck | None) -> list[StoredViolation]:
    if check is None:
        return []
    return [
        StoredViolation(
            rule=item["rule"],
            date=datetime.date.fromisoformat(item["date"]),
            severity=item["severity"],
            source=item["source"],
            template=item["template"],
            params=item["params"],
        )
        for item in check.violations
    ]


def placement_incidents(placement: Placement) -> list[Incident]:
    return list(
        Incident.objects.filter(placement=placement).select_related(
            "reported_by_mentor", "reported_by", "handled_by"
        )
    )


@dataclass(frozen=True)
class PlacementAttendance:
    placement: Placement
    weeks: list[WeekRow]
    check: AttendanceCheck | None
    violations: list[StoredViolation]
    incidents: list[Incident]
    totals: AttendanceTotals

    @property
    def confirmed_weeks(self) -> list[WeekRow]:
        return [week for week in self.weeks if not week.is_to_confirm]

    @property
    def weeks_to_confirm(self) -> list[WeekRow]:
        return [week for week in self.weeks if week.awaits_confirmation]

    @property
    def overdue_weeks(self) -> list[WeekRow]:
        return [week for week in self.weeks if week.is_overdue]

    @property
    def open_incidents(self) -> list[Incident]:
        return [incident for incident in self.incidents if incident.is_open]

    @property
    def input_errors(self) -> list[str]:
        return self.check.totals.get("input_errors", []) if self.check else []

    def violations_on(self, week: WeekRow) -> list[StoredViolation]:
        return [v for v in self.violations if week.monday <= v.date <= week.sunday]

    @property
    def weeks_with_violations(self) -> list[tuple[WeekRow, list[StoredViolation]]]:
        """Each week beside the violations dated in it (the weeks page)."""
        return [(week, self.violations_on(week)) for week in self.weeks]


def placement_attendance(placement: Placement, *, today: datetime.date) -> PlacementAttendance:
    """Everything about the placement's worked hours, in a constant number of queries."""
    planned = planned_days_by_placement([placement])
    weeks = weeks_by_placement([placement], today=today, planned=planned)
    check = AttendanceCheck.objects.filter(placement=placement).first()
    return PlacementAttendance(
        placement=placement,
        weeks=weeks[placement.pk],
        check=check,
        violations=stored_violations(check),
        incidents=placement_incidents(placement),
        totals=totals_of([placement], weeks, planned, school_year=placement.school_year),
    )


def placement_incident(placement: Placement, pk: int) -> Incident:
    """An incident of a placement the reader may see; 404 for any other."""
    incidents = Incident.objects.filter(placement=placement).select_related(
        "reported_by_mentor", "reported_by", "handled_by"
    )
    return get_object_or_404(incidents, pk=pk)
