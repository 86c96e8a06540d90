"""What the attendance app asks of people: the weeks to confirm, the weeks the school follows up,
violations in worked hours, open incidents, and pupils short of the legal volume (3).

Each reads a principal's placements with a constant number of queries.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Sum

from attendance.models import AttendanceWeek
from attendance.selectors.weeks import (
    ATTENDANCE_STATUSES,
    OVERDUE_AFTER,
    WeekRow,
    weeks_by_placement,
)
from compliance.engine.calendar import school_year_containing
from compliance.engine.volume import LEGAL_MINIMUM_HALF_DAYS
from compliance.models import PlannedWeek
from core.principals import (
    Anonymous,
    ApiClient,
    GuardianLink,
    MentorLink,
    Principal,
    PupilLink,
    SignatoryLink,
    StaffMember,
    unknown_principal,
)
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


def _weeks_label(weeks: list) -> str:
    return ", ".join(f"{week.monday:%d/%m}" for week in weeks)


@dataclass(frozen=True)
class PendingWeek:
    """A past week of a placement that its mentor has not confirmed yet."""

    monday: datetime.date
    last_day: datetime.date
    today: datetime.date

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def is_overdue(self) -> bool:
        """Still waiting a week after its Sunday: the school follows it up."""
        return self.sunday + OVERDUE_AFTER < self.today


@dataclass(frozen=True)
class UnconfirmedWeeks:
    """A placement with past weeks its mentor has not confirmed yet."""

    placement: Placement
    weeks: list[PendingWeek]

    @property
    def overdue_weeks(self) -> list[PendingWeek]:
        return [week for week in self.weeks if week.is_overdue]

    @property
    def is_overdue(self) -> bool:
        return bool(self.overdue_weeks)

    @property
    def oldest(self) -> PendingWeek:
        return self.weeks[0]


def _without_record() -> Exists:
    """A planned week no confirmed or corrected week of the placement answers yet."""
    return ~Exists(
        AttendanceWeek.objects.filter(placement=OuterRef("placement"), monday=OuterRef("monday"))
    )


@dataclass(frozen=True)
class _Pending:
    """A placement's past weeks still to confirm, with what a list orders them by."""

    placement_id: int
    student: str
    weeks: list[PendingWeek]

    @property
    def sort_key(self) -> tuple:
        return (self.weeks[0].monday, self.student)

    @property
    def overdue_weeks(self) -> list[PendingWeek]:
        return [week for week in self.weeks if week.is_overdue]


def _pending(
    principal: Principal, *, school_year: SchoolYear, today: datetime.date
) -> list[_Pending]:
    """The principal's placements of ``school_year`` with past weeks still to confirm, the
    longest waiting first. A week is past once its last planned day is; the weeks come from the
    stored plan (``compliance.PlannedWeek``), as plain values: one query."""
    placements = _followed_placements(principal).filter(
        school_year=school_year, status__in=ATTENDANCE_STATUSES, start_date__lt=today
    )
    weeks = (
        PlannedWeek.objects.filter(placement__in=placements, last_day__lt=today)
        .filter(_without_record())
        .values_list(
            "placement_id",
            "monday",
            "last_day",
            "placement__student__first_name",
            "placement__student__last_name",
        )
        .order_by("placement_id", "monday")
    )
    by_placement: dict[int, _Pending] = {}
    for placement_id, monday, last_day, first_name, last_name in weeks:
        pending = by_placement.get(placement_id)
        if pending is None:
            pending = by_placement[placement_id] = _Pending(
                placement_id, f"{first_name} {last_name}", []
            )
        pending.weeks.append(PendingWeek(monday, last_day, today))
    return sorted(by_placement.values(), key=lambda pending: pending.sort_key)


def unconfirmed_weeks(
    principal: Principal,
    *,
    school_year: SchoolYear,
    today: datetime.date,
    limit: int | None = None,
) -> list[UnconfirmedWeeks]:
    """The principal's placements of ``school_year`` with past weeks still to confirm, the
    longest waiting first (the coordinator's dashboard: the first ``limit``): two queries."""
    pending = _pending(principal, school_year=school_year, today=today)[:limit]
    if not pending:
        return []
    found = Placement.objects.select_related(*RELATIONS).in_bulk([p.placement_id for p in pending])
    return [UnconfirmedWeeks(placement=found[p.placement_id], weeks=p.weeks) for p in pending]


def unconfirmed_count(
    principal: Principal, *, school_year: SchoolYear, today: datetime.date
) -> int:
    """How many placements :func:`unconfirmed_weeks` lists in all."""
    return len(_pending(principal, school_year=school_year, today=today))


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
    confirmed) stay under it; counted over all the pupil's placements of the year.

    Sums of what the services store (the worked half days of each confirmed week, the planned
    half days of each week of the plan): a fixed number of queries."""
    student_ids = (
        _followed_placements(principal).filter(school_year=school_year).values("student_id")
    )
    placements = Placement.objects.active().filter(
        school_year=school_year, student_id__in=student_ids
    )
    requires: dict[int, bool] = {}
    for student_id, required in (
        placements.exclude(school_class=None)
        .order_by("student_id", "start_date")
        .values_list("student_id", "school_class__programme__requires_workplace_learning")
    ):
        requires.setdefault(student_id, required)
    counted = Placement.objects.active().filter(
        school_year=school_year, student_id__in=[pk for pk, yes in requires.items() if yes]
    )
    worked = _half_days_by_student(AttendanceWeek.objects, counted, "worked_half_days")
    planned = _half_days_by_student(
        PlannedWeek.objects.filter(_without_record()), counted, "half_days"
    )
    missing = {
        student_id: (worked.get(student_id, 0), planned.get(student_id, 0))
        for student_id, required in requires.items()
        if required
        and worked.get(student_id, 0) + planned.get(student_id, 0) < LEGAL_MINIMUM_HALF_DAYS
    }
    shortfalls = [
        VolumeShortfall(
            student=student,
            worked_half_days=missing[student.pk][0],
            planned_half_days=missing[student.pk][1],
        )
        for student in Student.objects.filter(pk__in=missing)
    ]
    return sorted(shortfalls, key=lambda row: (-row.missing_half_days, str(row.student)))


def _half_days_by_student(rows, placements: QuerySet[Placement], field: str) -> dict[int, int]:
    totals = (
        rows.filter(placement__in=placements)
        .values("placement__student_id")
        .annotate(total=Sum(field))
        .values_list("placement__student_id", "total")
        .order_by()
    )
    return dict(totals)
