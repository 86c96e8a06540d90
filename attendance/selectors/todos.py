"""What the worked hours ask of a principal now (``core.todo``): a mentor the past weeks to
confirm; staff the weeks left unconfirmed, violations in the worked hours and open incidents."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attendance.models import AttendanceCheck, Incident
from attendance.selectors.lists import (
    _current_school_year,
    _followed_placements,
    _Pending,
    _pending,
    _weeks_label,
    unconfirmed_weeks,
)
from attendance.selectors.weeks import OVERDUE_AFTER
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
from core.todo import LazyTodo, Todo, TodoList, most_urgent


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


def _staff_todos(principal: StaffMember, today: datetime.date) -> list[LazyTodo]:
    """Made only for the few a dashboard shows: the school's can run into hundreds."""
    school_year = _current_school_year(today)
    if school_year is None:
        return []
    todos = [
        _overdue_weeks_todo(pending)
        for pending in _pending(principal, school_year=school_year, today=today)
        if pending.overdue_weeks
    ]
    visible = _followed_placements(principal)
    checks = AttendanceCheck.objects.filter(
        placement__in=visible.filter(school_year=school_year), error_count__gt=0
    ).values_list("placement_id", "placement__student__first_name", "placement__student__last_name")
    todos += [
        _violations_todo(placement_id, f"{first_name} {last_name}")
        for placement_id, first_name, last_name in checks
    ]
    incidents = Incident.objects.filter(
        placement__in=visible, status=Incident.Status.OPEN
    ).values_list(
        "pk",
        "placement_id",
        "kind",
        "date",
        "placement__student__first_name",
        "placement__student__last_name",
    )
    todos += [
        _incident_todo(pk, placement_id, Incident.Kind(kind), date, f"{first_name} {last_name}")
        for pk, placement_id, kind, date, first_name, last_name in incidents
    ]
    return todos


def _overdue_weeks_todo(pending: _Pending) -> LazyTodo:
    weeks = pending.overdue_weeks
    due_on = weeks[0].sunday + OVERDUE_AFTER

    def make() -> Todo:
        return Todo(
            text=_("Gewerkte uren van %(student)s niet bevestigd door de stagementor: %(weeks)s")
            % {"student": pending.student, "weeks": _weeks_label(weeks)},
            url=reverse("attendance:placement-weeks", args=[pending.placement_id]),
            due_on=due_on,
            overdue=True,
        )

    return LazyTodo(make, due_on=due_on, overdue=True)


def _violations_todo(placement_id: int, student: str) -> LazyTodo:
    def make() -> Todo:
        return Todo(
            text=_("De gewerkte uren van %(student)s overtreden de arbeidsregels (5)")
            % {"student": student},
            url=reverse("attendance:placement-weeks", args=[placement_id]) + "#violations",
            overdue=True,
        )

    return LazyTodo(make, overdue=True)


def _incident_todo(
    pk: int, placement_id: int, kind: Incident.Kind, date: datetime.date, student: str
) -> LazyTodo:
    overdue = kind == Incident.Kind.WORK_ACCIDENT

    def make() -> Todo:
        return Todo(
            text=_("Volg het incident op: %(kind)s bij %(student)s op %(date)s")
            % {"kind": kind.label, "student": student, "date": date.strftime("%d/%m/%Y")},
            url=reverse("attendance:incident-follow-up", args=[placement_id, pk]),
            due_on=date,
            overdue=overdue,
        )

    return LazyTodo(make, due_on=date, overdue=overdue)


def urgent_todos(
    principal: Principal, *, today: datetime.date | None = None, limit: int | None = None
) -> TodoList:
    """The ``limit`` most urgent of :func:`todos_for`, and how many there are."""
    today = today or timezone.localdate()
    if isinstance(principal, StaffMember):
        return most_urgent(_staff_todos(principal, today), limit=limit)
    return most_urgent(todos_for(principal, today=today), limit=limit)


def todos_for(principal: Principal, *, today: datetime.date | None = None) -> list[Todo]:
    """A mentor: the past weeks to confirm. Staff: weeks left unconfirmed more than 7 days
    after their end, violations in the worked hours, incidents not handled yet (in the school
    year of ``today``, by default the real today)."""
    today = today or timezone.localdate()
    match principal:
        case MentorLink():
            return _mentor_todos(principal, today)
        case StaffMember():
            return most_urgent(_staff_todos(principal, today)).shown
        case PupilLink() | GuardianLink() | SignatoryLink() | ApiClient() | Anonymous():
            return []
        case _:
            unknown_principal(principal)
