"""One placement's attendance for pages that already know the reader may see it: the weeks, the
check of the worked hours, the incidents and the totals (the staff card, the weeks page, the
dossier)."""

import datetime
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404

from attendance.models import AttendanceCheck, Incident
from attendance.selectors.totals import AttendanceTotals, absence_hours_of, totals_of
from attendance.selectors.weeks import WeekRow, planned_days_by_placement, weeks_by_placement
from compliance.selectors import StoredViolation
from internships.models import Placement
from internships.selectors.prefetched import read_one


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


@dataclass(frozen=True)
class PlacementCard:
    """The worked hours card of the staff placement page: the placement's attendance and the
    pupil's school year over all their placements that are not cancelled."""

    attendance: PlacementAttendance
    year_totals: AttendanceTotals


def placement_card(placement: Placement, *, today: datetime.date) -> PlacementCard:
    """:func:`placement_attendance` and ``student_year_totals`` together, each row read once.

    The page's placement comes with its periods, exceptions, exemptions and absences
    (``placement_page_prefetch``); the pupil's other placements of the year are read here with
    theirs, and every week of all of them at once (a constant number of queries)."""
    school_year = placement.school_year
    year = sorted(  # in date order: one pupil's placements do not overlap
        Placement.objects.active()
        .filter(student_id=placement.student_id, school_year_id=placement.school_year_id)
        .select_related("school_class__programme", "attendance_check")
        .order_by(),
        key=lambda row: row.start_date,
    )
    own = next((row for row in year if row.pk == placement.pk), None)
    if own is None:  # cancelled: not part of the year
        check = AttendanceCheck.objects.filter(placement=placement).first()
    else:
        check = read_one(own, "attendance_check")
    others = [row for row in year if row.pk != placement.pk]
    for other in others:
        other.school_year = school_year  # the same year, with the holidays the page read
    prefetch_related_objects(others, "absences")
    everything = [placement, *others]
    planned = planned_days_by_placement(everything)
    weeks = weeks_by_placement(everything, today=today, planned=planned, confirmers=False)
    in_year = [placement if row.pk == placement.pk else row for row in year]
    attendance = PlacementAttendance(
        placement=placement,
        weeks=weeks[placement.pk],
        check=check,
        violations=stored_violations(check),
        incidents=list(Incident.objects.filter(placement=placement)),  # the card names no one
        totals=totals_of(
            [placement],
            weeks,
            planned,
            school_year=school_year,
            absences=absence_hours_of(placement.absences.all()),
        ),
    )
    year_totals = totals_of(
        in_year,
        weeks,
        planned,
        school_year=school_year,
        absences=absence_hours_of(absence for row in in_year for absence in row.absences.all()),
    )
    return PlacementCard(attendance=attendance, year_totals=year_totals)


def placement_incident(placement: Placement, pk: int) -> Incident:
    """An incident of a placement the reader may see; 404 for any other."""
    incidents = Incident.objects.filter(placement=placement).select_related(
        "reported_by_mentor", "reported_by", "handled_by"
    )
    return get_object_or_404(incidents, pk=pk)
