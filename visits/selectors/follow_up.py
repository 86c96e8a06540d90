"""What a principal sees of the visit plan: what to plan, what to record, what is overdue.

Derived from ``placements_visible_to``: a supervisor follows the placements they supervise, a
coordinator sees the whole school. A supervisor's *own* visits are the ones they make
(``visited_by``), or, with nobody named, those of the placements they supervise. Link holders
plan no visits and see none of this.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from core.todo import Todo, by_urgency
from internships.models import Placement, SchoolYear, User, Visit
from internships.selectors.placements import placements_visible_to
from visits.models import VisitWindow
from visits.selectors.plan import ProposalStatus, VisitProposal, plan_queryset, plans_of

# To-dos: plan the visits whose window opens within two weeks; remind of an overdue visit for a
# month after its window (as long as a visit after the placement still belongs to it).
PLAN_HORIZON = datetime.timedelta(days=14)
REMIND_FOR = datetime.timedelta(days=30)
VISIT_RELATIONS = ("placement__student", "placement__host", "placement__workplace", "visited_by")


def own_visits_filter(user: User) -> Q:
    """The visits ``user`` makes: theirs, or nobody's on a placement they supervise."""
    return Q(visited_by=user) | Q(visited_by__isnull=True, placement__supervisor=user)


def plan_placements_for(principal: Principal) -> QuerySet[Placement]:
    """The placements whose visit plan ``principal`` sees."""
    match principal:
        case StaffMember() | ApiClient():
            return placements_visible_to(principal)
        case LinkHolder() | Anonymous():
            return Placement.objects.none()
        case _:
            unknown_principal(principal)


def supervised_placements(principal: Principal) -> QuerySet[Placement]:
    """The placements a staff member supervises themselves (whatever their role)."""
    match principal:
        case StaffMember():
            return placements_visible_to(principal).filter(supervisor_id=principal.user.pk)
        case ApiClient() | LinkHolder() | Anonymous():
            return Placement.objects.none()
        case _:
            unknown_principal(principal)


def own_visits(principal: Principal) -> QuerySet[Visit]:
    """The visits a staff member makes, on placements they may see."""
    match principal:
        case StaffMember():
            return Visit.objects.filter(
                own_visits_filter(principal.user),
                placement__in=placements_visible_to(principal).active(),
            )
        case ApiClient() | LinkHolder() | Anonymous():
            return Visit.objects.none()
        case _:
            unknown_principal(principal)


def _year_placements(principal: Principal, school_year: SchoolYear) -> QuerySet[Placement]:
    return plan_placements_for(principal).active().filter(school_year=school_year)


def _open_windows(principal: Principal, *, school_year: SchoolYear, today: datetime.date):
    """The stored windows of the school year that passed without a visit and that no later
    visit caught up (no visit on or after the window's first day), in date order."""
    visits_since_start = Visit.objects.filter(
        placement=OuterRef("placement"), date__gte=OuterRef("window_start")
    )
    return (
        VisitWindow.objects.filter(
            placement__in=_year_placements(principal, school_year), window_end__lt=today
        )
        .exclude(Exists(visits_since_start))
        .order_by("proposed_on", "placement__student_id", "pk")
    )


def _unchecked_open(
    principal: Principal, *, school_year: SchoolYear, today: datetime.date
) -> list[VisitProposal]:
    """The open proposals of started placements that have no stored check (and so no stored
    windows) yet, expanded here: every write checks a placement, so in use this is empty;
    after an upgrade ``manage.py recheck_schedules`` stores them all."""
    unchecked = _year_placements(principal, school_year).filter(
        compliance__isnull=True, start_date__lt=today
    )
    return [
        proposal for proposal in plans_of(plan_queryset(unchecked), today=today) if proposal.is_open
    ]


def overdue_visits(
    principal: Principal,
    *,
    school_year: SchoolYear,
    today: datetime.date,
    limit: int | None = None,
) -> list[VisitProposal]:
    """The visits of the school year whose window passed without a visit and that no later
    visit caught up: the school's for a coordinator (their dashboard), a supervisor's own; the
    first ``limit`` of them if given. From the stored windows (``visits.VisitWindow``)."""
    windows = _open_windows(principal, school_year=school_year, today=today).select_related(
        "period",
        "placement__student",
        "placement__host",
        "placement__workplace",
        "placement__supervisor",
    )
    if limit is not None:
        windows = windows[:limit]
    proposals = [
        VisitProposal(
            placement=window.placement,
            period=window.period,
            window_start=window.window_start,
            window_end=window.window_end,
            proposed_on=window.proposed_on,
            status=ProposalStatus.OVERDUE,
            visit=None,
            caught_up=False,
        )
        for window in windows
    ]
    proposals += _unchecked_open(principal, school_year=school_year, today=today)
    proposals.sort(key=lambda proposal: (proposal.proposed_on, proposal.placement.student_id))
    return proposals[:limit]


def overdue_visits_count(
    principal: Principal, *, school_year: SchoolYear, today: datetime.date
) -> int:
    stored = _open_windows(principal, school_year=school_year, today=today).count()
    return stored + len(_unchecked_open(principal, school_year=school_year, today=today))


def visits_to_record(principal: Principal, *, today: datetime.date) -> list[Visit]:
    """Planned visits whose day has passed: the supervisor still records what they found."""
    visits = own_visits(principal).filter(status=Visit.Status.PLANNED, date__lt=today)
    return list(visits.select_related(*VISIT_RELATIONS).order_by("date", "time", "pk"))


def visits_this_week(principal: Principal, *, today: datetime.date) -> list[Visit]:
    """The supervisor's visits, planned or made, from Monday to Sunday of ``today``'s week."""
    monday = today - datetime.timedelta(days=today.weekday())
    visits = own_visits(principal).filter(date__range=(monday, monday + datetime.timedelta(days=6)))
    return list(visits.select_related(*VISIT_RELATIONS).order_by("date", "time", "pk"))


@dataclass(frozen=True)
class PlanOverview:
    """The supervisor's page "te plannen en te verslaan"; a coordinator also sees the
    school's overdue visits."""

    to_plan: list[VisitProposal]
    to_record: list[Visit]
    overdue: list[VisitProposal]
    school_overdue: list[VisitProposal] = field(default_factory=list)
    sees_school: bool = False


def plan_overview(
    principal: Principal, *, school_year: SchoolYear, today: datetime.date
) -> PlanOverview:
    placements = plan_queryset(supervised_placements(principal).filter(school_year=school_year))
    proposals = plans_of(placements, today=today)
    sees_school = isinstance(principal, StaffMember) and principal.sees_whole_school
    return PlanOverview(
        to_plan=[proposal for proposal in proposals if proposal.is_to_plan],
        to_record=visits_to_record(principal, today=today),
        overdue=[proposal for proposal in proposals if proposal.is_open],
        school_overdue=(
            overdue_visits(principal, school_year=school_year, today=today) if sees_school else []
        ),
        sees_school=sees_school,
    )


def current_proposals(principal: Principal, *, today: datetime.date) -> list[VisitProposal]:
    """The proposals of the placements a staff member supervises that matter now: starting
    within the horizon and not ended longer ago than the reminders look back."""
    placements = supervised_placements(principal).filter(
        start_date__lte=today + PLAN_HORIZON, end_date__gte=today - REMIND_FOR
    )
    return plans_of(plan_queryset(placements), today=today)


def reminder_due(proposal: VisitProposal, today: datetime.date) -> bool:
    """Overdue, not caught up, and its window closed no longer than a month ago."""
    return proposal.is_open and proposal.window_end >= today - REMIND_FOR


def todos_for(principal: Principal, *, today: datetime.date | None = None) -> list[Todo]:
    """Staff: the visits to plan soon, the visits to record and the overdue visits of the
    placements they supervise. Link holders plan no visits."""
    match principal:
        case StaffMember():
            pass
        case ApiClient() | LinkHolder() | Anonymous():
            return []
        case _:
            unknown_principal(principal)
    today = today or timezone.localdate()
    todos = []
    for proposal in current_proposals(principal, today=today):
        placement = proposal.placement
        names = {"student": placement.student, "host": placement.host}
        if proposal.is_to_plan and proposal.window_start <= today + PLAN_HORIZON:
            todos.append(
                Todo(
                    text=_("Plan een stagebezoek bij %(student)s (%(host)s)") % names,
                    url=proposal.plan_url,
                    due_on=proposal.proposed_on,
                )
            )
        elif reminder_due(proposal, today):
            todos.append(
                Todo(
                    text=_("Bezoek %(student)s (%(host)s): het bezoek is achterstallig") % names,
                    url=reverse("internships:placement-detail", args=[placement.pk]) + "#visits",
                    due_on=proposal.window_end,
                    overdue=True,
                )
            )
    for visit in visits_to_record(principal, today=today):
        todos.append(
            Todo(
                text=_("Verslag het stagebezoek bij %(student)s van %(date)s")
                % {"student": visit.placement.student, "date": f"{visit.date:%d/%m}"},
                url=reverse("internships:visit-update", args=[visit.placement_id, visit.pk]),
                due_on=visit.date,
            )
        )
    return by_urgency(todos)
