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
from attendance.selectors.weeks import monday_of
from core.principals import Principal, StaffMember
from core.todo import TodoList, most_urgent
from evaluations import selectors as evaluations
from internships.models import Placement, SchoolYear, Visit
from internships.selectors import todos as internship_todos
from internships.selectors.dashboard import PANEL_ROWS, Dashboard, dashboard_for
from internships.selectors.placements import placements_visible_to
from logbook import selectors as logbook
from surveys import selectors as surveys
from visits import selectors as visits

HORIZON = datetime.timedelta(days=14)
# The "te doen" list shows this many to-dos, and how many more there are.
TASKS_SHOWN = 12


def todos(principal: Principal, *, today: datetime.date) -> TodoList:
    """What the principal is expected to do, from every app: the :data:`TASKS_SHOWN` most urgent
    and how many there are. The apps that can report hundreds make only the ones shown."""
    few = [
        *internship_todos.todos_for(principal),
        *logbook.todos_for(principal),
        *visits.todos_for(principal, today=today),
        *surveys.todos_for(principal),
    ]
    many = [
        evaluations.urgent_todos(principal, limit=TASKS_SHOWN),
        attendance.urgent_todos(principal, today=today, limit=TASKS_SHOWN),
    ]
    shown = most_urgent([*few, *(todo for part in many for todo in part.shown)], limit=TASKS_SHOWN)
    return TodoList(shown=shown.shown, count=len(few) + sum(part.count for part in many))


@dataclass(frozen=True)
class CoordinatorOverview:
    dashboard: Dashboard
    evaluations_due: QuerySet
    overdue_visits: list
    unconfirmed_weeks: list
    below_volume: list
    todos: TodoList
    overdue_visits_count: int = 0
    unconfirmed_count: int = 0

    @property
    def more_unconfirmed(self) -> int:
        return self.unconfirmed_count - len(self.unconfirmed_weeks)

    @property
    def more_overdue_visits(self) -> int:
        return self.overdue_visits_count - len(self.overdue_visits)


def coordinator_overview(
    principal: StaffMember, *, school_year: SchoolYear, today: datetime.date
) -> CoordinatorOverview:
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
        unconfirmed_weeks=attendance.unconfirmed_weeks(
            principal, school_year=school_year, today=today, limit=PANEL_ROWS
        ),
        unconfirmed_count=attendance.unconfirmed_count(
            principal, school_year=school_year, today=today
        ),
        below_volume=attendance.below_volume(principal, school_year=school_year),
        todos=todos(principal, today=today),
    )


@dataclass(frozen=True)
class SupervisorWeek:
    """The supervisor's "mijn week"."""

    monday: datetime.date
    on_internship: QuerySet[Placement]
    visits: list[Visit]
    new_entries: QuerySet
    dashboard: Dashboard
    todos: TodoList


def supervisor_week(
    principal: StaffMember, *, school_year: SchoolYear, today: datetime.date
) -> SupervisorWeek:
    monday = monday_of(today)
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
