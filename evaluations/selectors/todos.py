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
from core.todo import Todo
from evaluations.models import Evaluation
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


def _staff_todos(principal: StaffMember, today: datetime.date) -> list[Todo]:
    evaluations = _pending(principal).filter(
        Q(status=Evaluation.Status.ADVISED)
        | Q(due_on__lte=today + datetime.timedelta(days=DECIDE_WITHIN_DAYS))
    )
    if not principal.sees_whole_school:
        evaluations = evaluations.filter(placement__supervisor_id=principal.user.pk)
    return [
        Todo(
            text=_("Rond de %(moment)s van %(student)s af")
            % {"moment": evaluation.get_moment_display(), "student": evaluation.placement.student},
            url=reverse("evaluations:evaluation-detail", args=[evaluation.pk]),
            due_on=evaluation.due_on,
            overdue=evaluation.due_on < today,
        )
        for evaluation in evaluations
    ]


def todos_for(principal: Principal) -> list[Todo]:
    today = timezone.localdate()
    match principal:
        case MentorLink():
            return _mentor_todos(principal, today)
        case StaffMember():
            return _staff_todos(principal, today)
        case PupilLink() | GuardianLink() | SignatoryLink() | ApiClient() | Anonymous():
            return []
        case _:
            unknown_principal(principal)
