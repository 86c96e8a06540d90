"""The evaluations' reminders, sent by a daily job (``evaluations.tasks``; annex 3).

- A week before an evaluation of a running placement is due, it is opened when nobody has yet,
  and the mentor is asked for their advice by e-mail, with their personal link
  (``EVALUATION_REQUEST``), unless the advice is in.
- Once the due date has passed without the evaluation being finalised, its supervisor is told
  (``EVALUATION_OVERDUE``).

Each reminder has a ``dedupe_key``, so it goes out once however often the job runs. A mentor
gets at most one request a run: each e-mail carries a fresh portal link, which stops the
mentor's earlier links, so a second e-mail in the same run would leave the first one's link
dead. The request names the mentor's other evaluations waiting for advice; each of those gets
its own request on a later run.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.models import Evaluation, due_on_for
from evaluations.selectors.evaluations import MOMENTS
from evaluations.services.evaluations import evaluation_open
from internships.models import Notification, Placement, School
from internships.services.notifications import notification_queue
from internships.services.portal_links import portal_link_create

REQUEST_DAYS_BEFORE = 7
PENDING = (Evaluation.Status.OPEN, Evaluation.Status.ADVISED)


def request_key(evaluation: Evaluation) -> str:
    return f"evaluation-request-{evaluation.pk}"


def overdue_key(evaluation: Evaluation) -> str:
    return f"evaluation-overdue-{evaluation.pk}"


def _used_keys(school: School, keys: list[str]) -> set[str]:
    return set(
        Notification.objects.filter(school=school, dedupe_key__in=keys).values_list(
            "dedupe_key", flat=True
        )
    )


def evaluations_open_due(*, school: School, today: datetime.date) -> list[Evaluation]:
    """Opens the evaluations of running placements due within a week (or already due) that
    nobody opened yet; a programme without criteria for the moment is left for later."""
    horizon = today + datetime.timedelta(days=REQUEST_DAYS_BEFORE)
    placements = (
        Placement.objects.filter(school=school, status=Placement.Status.STARTED)
        .select_related("student__school_class__programme", "school_class__programme")
        .prefetch_related("evaluations")
    )
    opened = []
    for placement in placements:
        present = {evaluation.moment for evaluation in placement.evaluations.all()}
        for moment in MOMENTS:
            if moment in present or due_on_for(placement, moment) > horizon:
                continue
            try:
                opened.append(evaluation_open(placement=placement, moment=moment))
            except ValidationError:
                continue
    return opened


def _describe(evaluation: Evaluation) -> str:
    return _("%(student)s: %(moment)s, uiterlijk %(date)s") % {
        "student": evaluation.placement.student.full_name,
        "moment": evaluation.get_moment_display(),
        "date": evaluation.due_on.strftime("%d/%m/%Y"),
    }


def _request(evaluation: Evaluation, others: list[Evaluation]) -> Notification | None:
    placement = evaluation.placement
    mentor = placement.mentor
    link = portal_link_create(created_by=None, mentor=mentor)
    return notification_queue(
        school=placement.school,
        kind=Notification.Kind.EVALUATION_REQUEST,
        recipient_name=mentor.full_name,
        recipient_email=mentor.email,
        reason=_("Advies gevraagd aan de stagementor voor de %(moment)s van %(student)s.")
        % {"moment": evaluation.get_moment_display(), "student": placement.student.full_name},
        template="evaluations/emails/evaluation_request",
        context={
            "mentor": mentor.full_name,
            "student": placement.student.full_name,
            "host": placement.host.name,
            "moment": evaluation.get_moment_display(),
            "due_on": evaluation.due_on.isoformat(),
            "others": [_describe(other) for other in others],
        },
        placement=placement,
        access_link=link,
        dedupe_key=request_key(evaluation),
    )


def evaluation_requests_send(*, school: School, today: datetime.date) -> list[Notification]:
    """Asks each mentor with an evaluation due within a week and no advice in for it."""
    horizon = today + datetime.timedelta(days=REQUEST_DAYS_BEFORE)
    waiting = list(
        Evaluation.objects.filter(
            placement__school=school,
            status=Evaluation.Status.OPEN,
            placement__mentor__isnull=False,
        )
        .exclude(placement__status=Placement.Status.CANCELLED)
        .exclude(placement__mentor__email="")
        .select_related("placement__school", "placement__student", "placement__host")
        .select_related("placement__mentor__host")
        .order_by("due_on", "pk")
    )
    used = _used_keys(school, [request_key(evaluation) for evaluation in waiting])
    by_mentor: dict[int, list[Evaluation]] = {}
    for evaluation in waiting:
        by_mentor.setdefault(evaluation.placement.mentor_id, []).append(evaluation)
    sent = []
    for evaluations in by_mentor.values():
        due = [
            evaluation
            for evaluation in evaluations
            if evaluation.due_on <= horizon and request_key(evaluation) not in used
        ]
        if not due:
            continue
        first = due[0]
        notification = _request(first, [other for other in evaluations if other is not first])
        if notification is not None:
            sent.append(notification)
    return sent


def evaluation_overdue_send(*, school: School, today: datetime.date) -> list[Notification]:
    """Tells the supervisor of each evaluation whose due date passed without finalising."""
    overdue = list(
        Evaluation.objects.filter(
            placement__school=school,
            status__in=PENDING,
            due_on__lt=today,
            placement__supervisor__isnull=False,
        )
        .exclude(placement__status=Placement.Status.CANCELLED)
        .select_related("placement__school", "placement__student", "placement__supervisor")
        .order_by("due_on", "pk")
    )
    used = _used_keys(school, [overdue_key(evaluation) for evaluation in overdue])
    sent = []
    for evaluation in overdue:
        if overdue_key(evaluation) in used:
            continue
        placement = evaluation.placement
        supervisor = placement.supervisor
        notification = notification_queue(
            school=placement.school,
            kind=Notification.Kind.EVALUATION_OVERDUE,
            recipient_name=supervisor.get_full_name(),
            recipient_email=supervisor.email,
            reason=_("De %(moment)s van %(student)s is niet afgerond op de vervaldag.")
            % {"moment": evaluation.get_moment_display(), "student": placement.student.full_name},
            template="evaluations/emails/evaluation_overdue",
            context={
                "supervisor": supervisor.get_full_name(),
                "student": placement.student.full_name,
                "moment": evaluation.get_moment_display(),
                "due_on": evaluation.due_on.isoformat(),
                "advised": evaluation.is_advised,
                "path": reverse("evaluations:evaluation-detail", args=[evaluation.pk]),
            },
            placement=placement,
            dedupe_key=overdue_key(evaluation),
        )
        if notification is not None:
            sent.append(notification)
    return sent


@transaction.atomic
def evaluation_reminders_send(*, school: School, today: datetime.date) -> list[Notification]:
    """The daily run: opens what is due within a week, asks the mentors' advice and tells the
    supervisors what is overdue. Returns the e-mails queued."""
    evaluations_open_due(school=school, today=today)
    return [
        *evaluation_requests_send(school=school, today=today),
        *evaluation_overdue_send(school=school, today=today),
    ]
