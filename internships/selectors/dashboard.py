"""What a staff member should act on first in a school year."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from core.principals import StaffMember
from internships.models import Placement, SchoolYear, Student
from internships.selectors.agreements import (
    AwaitingSignatures,
    awaiting_signatures,
    awaiting_signatures_count,
)
from internships.selectors.placements import placements_visible_to, students_visible_to

# Each list on a dashboard shows this many rows, and how many more there are.
PANEL_ROWS = 10


@dataclass(frozen=True)
class Dashboard:
    """What a staff member should act on first in a school year. The lists hold the first
    :data:`PANEL_ROWS` rows; the counts say how many there are."""

    students_without_placement: QuerySet[Student] | None
    students_without_placement_count: int | None
    starting_soon: list[Placement]
    missing_people: list[Placement]
    with_compliance_errors: list[Placement]
    running_count: int
    placement_count: int
    awaiting_signatures: list["AwaitingSignatures"]
    starting_soon_count: int = 0
    missing_people_count: int = 0
    awaiting_signatures_count: int = 0
    with_compliance_errors_count: int = 0

    @property
    def more_starting_soon(self) -> int:
        return self.starting_soon_count - len(self.starting_soon)

    @property
    def more_missing_people(self) -> int:
        return self.missing_people_count - len(self.missing_people)

    @property
    def more_with_compliance_errors(self) -> int:
        return self.with_compliance_errors_count - len(self.with_compliance_errors)

    @property
    def more_awaiting_signatures(self) -> int:
        return self.awaiting_signatures_count - len(self.awaiting_signatures)


def dashboard_for(
    principal: StaffMember, *, school_year: SchoolYear, today: datetime.date, horizon: datetime.date
) -> Dashboard:
    placements = (
        placements_visible_to(principal)
        .filter(school_year=school_year)
        .select_related("student", "host", "mentor", "supervisor")
    )
    without_placement = None
    without_placement_count = None
    if principal.sees_whole_school:
        placed = Placement.objects.active().filter(student=OuterRef("pk"), school_year=school_year)
        without_placement = (
            students_visible_to(principal)
            .filter(school_class__school_year=school_year)
            .exclude(Exists(placed))
            .select_related("school_class")
        )
        without_placement_count = without_placement.count()
    starting_soon = placements.starting_between(today, horizon).order_by("start_date", "pk")
    missing_people = placements.missing_people().order_by("start_date", "pk")
    with_errors = (
        placements.active()
        .filter(compliance__error_count__gt=0)
        .select_related("compliance")
        .defer("compliance__violations", "compliance__totals")
        .order_by("start_date", "pk")
    )
    return Dashboard(
        students_without_placement=without_placement,
        students_without_placement_count=without_placement_count,
        starting_soon=list(starting_soon[:PANEL_ROWS]),
        starting_soon_count=starting_soon.count(),
        missing_people=list(missing_people[:PANEL_ROWS]),
        missing_people_count=missing_people.count(),
        with_compliance_errors=list(with_errors[:PANEL_ROWS]),
        with_compliance_errors_count=with_errors.count(),
        running_count=placements.filter(status=Placement.Status.STARTED).count(),
        placement_count=placements.active().count(),
        awaiting_signatures=awaiting_signatures(
            principal, school_year=school_year, limit=PANEL_ROWS
        ),
        awaiting_signatures_count=awaiting_signatures_count(principal, school_year=school_year),
    )
