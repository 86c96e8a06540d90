"""What the attendance app asks of people: the weeks to confirm, the weeks the school follows up,
violations in worked hours, open incidents, and pupils short of the legal volume (3).

Each reads a principal's placements with a constant number of queries.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attendance.models import AttendanceCheck, Incident
from attendance.selectors.weeks import (
    ATTENDANCE_STATUSES,
    OVERDUE_AFTER,
    WeekRow,
    planned_days_by_placement,
    weeks_by_placement,
    worked_days_of,
)
from compliance.engine.calendar import school_year_containing
from compliance.engine.volume import LEGAL_MINIMUM_HALF_DAYS, half_days
from core.principals import (
    Anonymous,
    ApiClient,
    Capability,
    GuardianLink,
    MentorLink,
    Principal,
    PupilLink,
    SignatoryLink,
    StaffMember,
    unknown_principal,
)
from core.todo import Todo
from internships.models import Mentor, Placement, School, SchoolYear, Student
from internships.selectors.placements import placements_visible_to

RELATIONS = ("student", "host", "mentor", "supervisor", "school_year", "school_class__programme")


def _followed_placements(principal: Principal) -> QuerySet[Placement]:
    """The placements whose hours the principal follows: staff and the API their visible ones,
    a mentor their interns'; pupils, guardians and signatories confirm no hours."""
    match principal:
        case StaffMember() | ApiClient() | MentorLink():
            return placements_visible_to(principal).active()
        case PupilLink() | GuardianLink() | SignatoryLink() | Anonymous():
            return Placement.objects.none()
        case _:
            unknown_principal(principal)


def _current_school_year(today: datetime.date) -> SchoolYear | None:
    return SchoolYear.objects.filter(start_year=school_year_containing(today)).first()


def _weeks_label(weeks: list[WeekRow]) -> str:
    return ", ".join(f"{week.monday:%d/%m}" for week in weeks)


@dataclass(frozen=True)
class UnconfirmedWeeks:
    """A placement with past weeks its mentor has not confirmed yet."""

    placement: Placement
    weeks: list[WeekRow]

    @property
    def overdue_weeks(self) -> list[WeekRow]:
        return [week for week in self.weeks if week.is_overdue]

    @property
    def is_overdue(self) -> bool:
        return bool(self.overdue_weeks)

    @property
    def oldest(self) -> WeekRow:
        return self.weeks[0]


def unconfirmed_weeks(
    principal: Principal, *, school_year: SchoolYear, today: datetime.date
) -> list[UnconfirmedWeeks]:
    """The principal's placements of ``school_year`` with past weeks still to confirm, the
    longest waiting first (the coordinator's dashboard)."""
    placements = list(
        _followed_placements(principal)
        .filter(school_year=school_year, status__in=ATTENDANCE_STATUSES, start_date__lt=today)
        .select_related(*RELATIONS)
    )
    weeks = weeks_by_placement(placements, today=today)
    rows = []
    for placement in placements:
        waiting = [week for week in weeks[placement.pk] if week.awaits_confirmation]
        if waiting:
            rows.append(UnconfirmedWeeks(placement=placement, weeks=waiting))
    return sorted(rows, key=lambda row: (row.oldest.monday, str(row.placement.student)))


def weeks_to_confirm_by_mentor(
    *, school: School, today: datetime.date
) -> dict[Mentor, list[WeekRow]]:
    """The past unconfirmed weeks of the school year's placements, by mentor (the reminder)."""
    placements = list(
        Placement.objects.filter(
            school=school,
            status__in=ATTENDANCE_STATUSES,
            mentor__isnull=False,
            school_year__start_year=school_year_containing(today),
            start_date__lt=today,
        )
        .select_related(*RELATIONS)
        .order_by("mentor_id", "start_date", "pk")
    )
    weeks = weeks_by_placement(placements, today=today)
    by_mentor: dict[Mentor, list[WeekRow]] = defaultdict(list)
    for placement in placements:
        for week in weeks[placement.pk]:
            if week.awaits_confirmation:
                by_mentor[placement.mentor].append(week)
    return by_mentor


@dataclass(frozen=True)
class VolumeShortfall:
    """A pupil whose worked and still planned half days stay under the legal minimum (3)."""

    student: Student
    worked_half_days: int
    planned_half_days: int
    minimum: int = LEGAL_MINIMUM_HALF_DAYS

    @property
    def expected_half_days(self) -> int:
        return self.worked_half_days + self.planned_half_days

    @property
    def missing_half_days(self) -> int:
        return max(0, self.minimum - self.expected_half_days)


def below_volume(principal: Principal, *, school_year: SchoolYear) -> list[VolumeShortfall]:
    """Pupils of the principal's placements whose programme requires 18 half days (3) and whose
    worked half days (confirmed weeks) plus the half days still planned (the weeks not
    confirmed) stay under it; counted over all the pupil's placements of the year."""
    student_ids = (
        _followed_placements(principal).filter(school_year=school_year).values("student_id")
    )
    placements = list(
        Placement.objects.active()
        .filter(school_year=school_year, student_id__in=student_ids)
        .select_related(*RELATIONS)
        .order_by("student_id", "start_date")
    )
    planned = planned_days_by_placement(placements)
    weeks = weeks_by_placement(placements, today=timezone.localdate(), planned=planned)
    by_student: dict[int, list[Placement]] = defaultdict(list)
    for placement in placements:
        by_student[placement.student_id].append(placement)
    shortfalls = []
    for own in by_student.values():
        school_class = next((p.school_class for p in own if p.school_class_id), None)
        if not (school_class and school_class.programme.requires_workplace_learning):
            continue
        worked = still_planned = 0
        for placement in own:
            days = planned[placement.pk]
            for week in weeks[placement.pk]:
                if week.record is not None:
                    worked_days = worked_days_of(week.record, days).values()
                    worked += sum(half_days(day) for day in worked_days)
                else:
                    still_planned += sum(half_days(day) for day in week.planned.values())
        shortfall = VolumeShortfall(
            student=own[0].student, worked_half_days=worked, planned_half_days=still_planned
        )
        if shortfall.missing_half_days:
            shortfalls.append(shortfall)
    return sorted(shortfalls, key=lambda row: (-row.missing_half_days, str(row.student)))


def _mentor_todos(principal: MentorLink, today: datetime.date) -> list[Todo]:
    if not principal.can(Capability.CONFIRM_HOURS):
        return []
    school_year = _current_school_year(today)
    if school_year is None:
        return []
    todos = []
    for row in unconfirmed_weeks(principal, school_year=school_year, today=today):
        todos.append(
            Todo(
                text=ngettext(
                    "Bevestig de gewerkte uren van %(student)s (week van %(weeks)s)",
                    "Bevestig de gewerkte uren van %(student)s (weken van %(weeks)s)",
                    len(row.weeks),
                )
                % {"student": row.placement.student, "weeks": _weeks_label(row.weeks)},
                url=reverse("attendance:portal-weeks", args=[row.placement.pk]),
                due_on=row.oldest.sunday + OVERDUE_AFTER,
                overdue=row.is_overdue,
            )
        )
    return todos


def _staff_todos(principal: StaffMember, today: datetime.date) -> list[Todo]:
    todos = []
    school_year = _current_school_year(today)
    rows = unconfirmed_weeks(principal, school_year=school_year, today=today) if school_year else []
    for row in rows:
        if not row.is_overdue:
            continue
        todos.append(
            Todo(
                text=_(
                    "Gewerkte uren van %(student)s niet bevestigd door de stagementor: %(weeks)s"
                )
                % {"student": row.placement.student, "weeks": _weeks_label(row.overdue_weeks)},
                url=reverse("attendance:placement-weeks", args=[row.placement.pk]),
                due_on=row.overdue_weeks[0].sunday + OVERDUE_AFTER,
                overdue=True,
            )
        )
    visible = _followed_placements(principal)
    checks = AttendanceCheck.objects.filter(
        placement__in=visible.filter(school_year=school_year), error_count__gt=0
    ).select_related("placement__student")
    for check in checks:
        todos.append(
            Todo(
                text=_("De gewerkte uren van %(student)s overtreden de arbeidsregels (5)")
                % {"student": check.placement.student},
                url=reverse("attendance:placement-weeks", args=[check.placement_id])
                + "#violations",
                overdue=True,
            )
        )
    incidents = Incident.objects.filter(
        placement__in=visible, status=Incident.Status.OPEN
    ).select_related("placement__student")
    for incident in incidents:
        todos.append(
            Todo(
                text=_("Volg het incident op: %(kind)s bij %(student)s op %(date)s")
                % {
                    "kind": incident.get_kind_display(),
                    "student": incident.placement.student,
                    "date": incident.date.strftime("%d/%m/%Y"),
                },
                url=reverse(
                    "attendance:incident-follow-up", args=[incident.placement_id, incident.pk]
                ),
                due_on=incident.date,
                overdue=incident.is_work_accident,
            )
        )
    return todos


def todos_for(principal: Principal, *, today: datetime.date | None = None) -> list[Todo]:
    """A mentor: the past weeks to confirm. Staff: weeks left unconfirmed more than 7 days
    after their end, violations in the worked hours, incidents not handled yet (in the school
    year of ``today``, by default the real today)."""
    today = today or timezone.localdate()
    match principal:
        case MentorLink():
            return _mentor_todos(principal, today)
        case StaffMember():
            return _staff_todos(principal, today)
        case PupilLink() | GuardianLink() | SignatoryLink() | ApiClient() | Anonymous():
            return []
        case _:
            unknown_principal(principal)
