"""What each role sees first: the reads of every app, composed per principal.

The coordinator's overview adds to the internships dashboard the evaluations due, the overdue
visits, the weeks still to confirm and the pupils below the legal volume; the supervisor's
"mijn week" lists the pupils on internship this week, the visits to plan and to record, the
evaluations to finalise and the new logbook entries. Everyone gets the to-dos of every app.
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from attendance import selectors as attendance
from compliance.engine.calendar import school_year_containing
from core.principals import Principal, StaffMember
from core.todo import Todo, by_urgency
from evaluations import selectors as evaluations
from internships.models import Placement, SchoolYear, Visit
from internships.selectors import todos as internship_todos
from internships.selectors.dashboard import PANEL_ROWS, Dashboard, dashboard_for
from internships.selectors.placements import placements_visible_to
from logbook import selectors as logbook
from surveys import selectors as surveys
from visits import selectors as visits

HORIZON = datetime.timedelta(days=14)


def todos(
    principal: Principal, *, today: datetime.date, unconfirmed_weeks: list | None = None
) -> list[Todo]:
    """What the principal is expected to do, from every app, the most urgent first
    (``unconfirmed_weeks``: those of today's school year, if the caller read them already)."""
    return by_urgency(
        [
            *internship_todos.todos_for(principal),
            *evaluations.todos_for(principal),
            *attendance.todos_for(principal, today=today, unconfirmed=unconfirmed_weeks),
            *logbook.todos_for(principal),
            *visits.todos_for(principal, today=today),
            *surveys.todos_for(principal),
        ]
    )


@dataclass(frozen=True)
class CoordinatorOverview:
    dashboard: Dashboard
    evaluations_due: QuerySet
    overdue_visits: list
    unconfirmed_weeks: list
    below_volume: list
    todos: list[Todo]
    overdue_visits_count: int = 0

    @property
    def more_overdue_visits(self) -> int:
        return self.overdue_visits_count - len(self.overdue_visits)


def coordinator_overview(
    principal: StaffMember, *, school_year: SchoolYear, today: datetime.date
) -> CoordinatorOverview:
    unconfirmed = attendance.unconfirmed_weeks(principal, school_year=school_year, today=today)
    is_current = school_year.start_year == school_year_containing(today)
    return CoordinatorOverview(
        dashboard=dashboard_for(
            principal, school_year=school_year, today=today, horizon=today + HORIZON
        ),
        evaluations_due=evaluations.evaluations_due(
            principal, school_year=school_year, today=today
        ),
        overdue_visits=visits.overdue_visits(
            principal, school_year=school_year, today=today, limit=PANEL_ROWS
        ),
        overdue_visits_count=visits.overdue_visits_count(
            principal, school_year=school_year, today=today
        ),
        unconfirmed_weeks=unconfirmed,
        below_volume=attendance.below_volume(principal, school_year=school_year),
        todos=todos(principal, today=today, unconfirmed_weeks=unconfirmed if is_current else None),
    )


@dataclass(frozen=True)
class SupervisorWeek:
    """The supervisor's "mijn week"."""

    monday: datetime.date
    on_internship: QuerySet[Placement]
    visits: list[Visit]
    new_entries: QuerySet
    dashboard: Dashboard
    todos: list[Todo]


def supervisor_week(
    principal: StaffMember, *, school_year: SchoolYear, today: datetime.date
) -> SupervisorWeek:
    monday = today - datetime.timedelta(days=today.weekday())
    sunday = monday + datetime.timedelta(days=6)
    on_internship = (
        placements_visible_to(principal)
        .active()
        .filter(supervisor=principal.user, start_date__lte=sunday, end_date__gte=monday)
        .select_related("student__school_class", "host", "workplace", "mentor")
        .order_by("start_date", "student__last_name")
    )
    return SupervisorWeek(
        monday=monday,
        on_internship=on_internship,
        visits=visits.visits_this_week(principal, today=today),
        new_entries=logbook.new_entries(principal, since=today - datetime.timedelta(days=7))[:10],
        dashboard=dashboard_for(
            principal, school_year=school_year, today=today, horizon=today + HORIZON
        ),
        todos=todos(principal, today=today),
    )
