"""Reads of the visits app; the names other apps use are importable from here."""

from visits.selectors.expenses import ExpenseReport, expense_report, expense_report_for
from visits.selectors.follow_up import (
    overdue_visits,
    overdue_visits_count,
    plan_overview,
    todos_for,
    visits_this_week,
    visits_to_record,
)
from visits.selectors.people import supervisor_get_for, supervisors_visible_to
from visits.selectors.plan import VisitProposal, placement_plan
from visits.selectors.routes import DayRoute, day_route
from visits.selectors.workload import SupervisorWorkload, supervisor_workload

__all__ = [
    "DayRoute",
    "ExpenseReport",
    "SupervisorWorkload",
    "VisitProposal",
    "day_route",
    "expense_report",
    "expense_report_for",
    "overdue_visits",
    "overdue_visits_count",
    "placement_plan",
    "plan_overview",
    "supervisor_get_for",
    "supervisor_workload",
    "supervisors_visible_to",
    "todos_for",
    "visits_this_week",
    "visits_to_record",
]
