"""The supervisors' workload in a school year (4.3.1): how many pupils, how many visits, and
how far and how long they travel for them.

4.3.1 names what an adequate number of supervision hours depends on: the number of pupils, the
travel time to the workplaces, the time spent on site, the pupils per workplace. This counts,
per supervisor, the pupils and placements they supervise, the visits planned and made, the
visits the plan still asks for, and the kilometres and travel time of the on-site visits
(recorded kilometres, else the computed round trip from the school).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.utils import timezone

from core.principals import Principal, StaffMember
from internships.models import Placement, SchoolYear, User, Visit
from visits.models import VisitWindow
from visits.providers import Router, minutes_at
from visits.selectors.follow_up import plan_placements_for
from visits.selectors.locations import round_trips, school_point
from visits.selectors.plan import plan_queryset, plans_of


@dataclass(frozen=True)
class SupervisorWorkload:
    supervisor: User
    pupils: int
    placements: int
    visits_planned: int
    visits_done: int
    visits_to_plan: int
    km: Decimal
    travel_minutes: int

    @property
    def travel_hours(self) -> Decimal:
        return (Decimal(self.travel_minutes) / 60).quantize(Decimal("0.1"))


@dataclass
class _Tally:
    supervisor: User
    pupils: set = field(default_factory=set)
    placements: int = 0
    planned: int = 0
    done: int = 0
    open: int = 0
    km: Decimal = Decimal(0)
    minutes: float = 0.0

    def row(self) -> SupervisorWorkload:
        return SupervisorWorkload(
            supervisor=self.supervisor,
            pupils=len(self.pupils),
            placements=self.placements,
            visits_planned=self.planned,
            visits_done=self.done,
            visits_to_plan=self.open,
            km=self.km,
            travel_minutes=round(self.minutes),
        )


def windows_to_visit(
    placements: QuerySet[Placement], *, today: datetime.date
) -> list[tuple[int, int]]:
    """Per supervisor of ``placements``: how many stored windows still ask for a visit, to plan
    (no visit in it yet) or overdue and not caught up by a later visit (annex 3). One query."""
    visits = Visit.objects.filter(placement=OuterRef("placement"))
    in_window = visits.filter(date__gte=OuterRef("window_start"), date__lte=OuterRef("window_end"))
    caught_up = visits.filter(date__gt=OuterRef("window_end"))
    return list(
        VisitWindow.objects.filter(placement__in=placements)
        .exclude(Exists(in_window))
        .exclude(Q(window_end__lt=today) & Exists(caught_up))
        .values_list("placement__supervisor_id")
        .annotate(count=Count("pk"))
        .order_by()
    )


def supervisor_workload(
    principal: Principal,
    *,
    school_year: SchoolYear,
    today: datetime.date | None = None,
    router: Router | None = None,
) -> list[SupervisorWorkload]:
    """One row per supervisor of the school year, by name: every supervisor of the school for
    a coordinator, their own row for a supervisor; nothing for link holders. A visit counts
    for whoever makes it (``visited_by``, else the placement's supervisor)."""
    today = today or timezone.localdate()
    of_year = (
        plan_placements_for(principal)
        .active()
        .filter(school_year=school_year, supervisor__isnull=False)
    )
    placements = list(
        of_year.select_related("school", "supervisor", "workplace").prefetch_related(
            Prefetch(
                "visits",
                queryset=Visit.objects.order_by("date", "time", "pk"),
                to_attr="plan_visits",
            )
        )
    )
    if not placements:
        return []
    tallies: dict[int, _Tally] = {}

    def tally(person: User) -> _Tally:
        return tallies.setdefault(person.pk, _Tally(supervisor=person))

    for placement in placements:
        own = tally(placement.supervisor)
        own.pupils.add(placement.student_id)
        own.placements += 1
    supervisors = {placement.supervisor_id: placement.supervisor for placement in placements}
    for supervisor_id, count in windows_to_visit(of_year, today=today):
        tally(supervisors[supervisor_id]).open += count
    # A placement without a stored check has no stored windows yet (see ``plans_of``).
    for proposal in plans_of(plan_queryset(of_year.filter(compliance__isnull=True)), today=today):
        if proposal.is_to_plan or proposal.is_open:
            tally(proposal.placement.supervisor).open += 1
    made = [(visit, placement) for placement in placements for visit in placement.plan_visits]
    prefetch_related_objects([visit for visit, _placement in made], "visited_by")
    visits = [
        (visit.visited_by or placement.supervisor, visit, placement) for visit, placement in made
    ]
    travelling = [
        placement.workplace
        for _person, visit, placement in visits
        if visit.kind == Visit.Kind.ON_SITE and visit.distance_km is None
    ]
    start = school_point(placements[0].school)
    trips = round_trips(start, travelling, router=router) if travelling else {}
    speed = settings.VISITS_AVERAGE_SPEED_KMH
    for person, visit, placement in visits:
        row = tally(person)
        if visit.is_done:
            row.done += 1
        else:
            row.planned += 1
        if visit.kind != Visit.Kind.ON_SITE:
            continue
        if visit.distance_km is not None:
            row.km += visit.distance_km
            row.minutes += minutes_at(float(visit.distance_km), speed)
        elif (trip := trips.get(placement.workplace_id)) is not None:
            row.km += trip.km
            row.minutes += trip.minutes
    rows = [each.row() for each in tallies.values()]
    if isinstance(principal, StaffMember) and not principal.sees_whole_school:
        rows = [row for row in rows if row.supervisor.pk == principal.user.pk]
    return sorted(
        rows,
        key=lambda row: (row.supervisor.last_name, row.supervisor.first_name, row.supervisor.pk),
    )
