"""What the evaluations expect of a principal now (``core.todo``).

A mentor: the evaluations waiting for their advice (9.1.1). A supervisor: the evaluations of
the placements they supervise that wait for their decision, because the mentor's advice is in
or the due date is near or past; a coordinator: those of the whole school. Pupils and guardians
have nothing to do here.
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

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
from core.todo import LazyTodo, Todo, TodoList, most_urgent
from evaluations.models import Evaluation, Moment
from evaluations.selectors.evaluations import evaluations_visible_to
from internships.models import Placement

DECIDE_WITHIN_DAYS = 7


def _pending(principal: Principal):
    return (
        evaluations_visible_to(principal)
        .exclude(status=Evaluation.Status.FINALISED)
        .exclude(placement__status=Placement.Status.CANCELLED)
        .select_related("placement__student")
        .order_by("due_on", "pk")
    )


def _mentor_todos(principal: MentorLink, today: datetime.date) -> list[Todo]:
    evaluations = _pending(principal).filter(status=Evaluation.Status.OPEN)
    return [
        Todo(
            text=_("Geef uw advies voor de %(moment)s van %(student)s")
            % {"moment": evaluation.get_moment_display(), "student": evaluation.placement.student},
            url=reverse("evaluations:advise", args=[evaluation.pk]),
            due_on=evaluation.due_on,
            overdue=evaluation.due_on < today,
        )
        for evaluation in evaluations
    ]


def _staff_todos(principal: StaffMember, today: datetime.date) -> list[LazyTodo]:
    """Made only for the few a dashboard shows: the whole school's can run into hundreds, so
    they are read as plain values."""
    evaluations = _pending(principal).filter(
        Q(status=Evaluation.Status.ADVISED)
        | Q(due_on__lte=today + datetime.timedelta(days=DECIDE_WITHIN_DAYS))
    )
    if not principal.sees_whole_school:
        evaluations = evaluations.filter(placement__supervisor_id=principal.user.pk)
    rows = evaluations.values_list(
        "pk", "moment", "due_on", "placement__student__first_name", "placement__student__last_name"
    )
    return [
        _decide_todo(pk, moment, due_on, f"{first_name} {last_name}", today)
        for pk, moment, due_on, first_name, last_name in rows
    ]


def _decide_todo(pk: int, moment: str, due_on: datetime.date, student: str, today) -> LazyTodo:
    def make() -> Todo:
        return Todo(
            text=_("Rond de %(moment)s van %(student)s af")
            % {"moment": Moment(moment).label, "student": student},
            url=reverse("evaluations:evaluation-detail", args=[pk]),
            due_on=due_on,
            overdue=due_on < today,
        )

    return LazyTodo(make, due_on=due_on, overdue=due_on < today)


def urgent_todos(principal: Principal, *, limit: int | None = None) -> TodoList:
    """The ``limit`` most urgent of :func:`todos_for`, and how many there are."""
    if isinstance(principal, StaffMember):
        return most_urgent(_staff_todos(principal, timezone.localdate()), limit=limit)
    return most_urgent(todos_for(principal), limit=limit)


def todos_for(principal: Principal) -> list[Todo]:
    today = timezone.localdate()
    match principal:
        case MentorLink():
            return _mentor_todos(principal, today)
        case StaffMember():
            return most_urgent(_staff_todos(principal, today)).shown
        case PupilLink() | GuardianLink() | SignatoryLink() | ApiClient() | Anonymous():
            return []
        case _:
            unknown_principal(principal)
