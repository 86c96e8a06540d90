"""The daily reminders: a week before the due date the evaluation is opened and the mentor is
asked for advice with their personal link; once overdue the supervisor is told. Each once."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client

from evaluations.models import Evaluation, Moment
from evaluations.services.reminders import evaluation_reminders_send
from evaluations.tasks import send_evaluation_reminders
from internships.models import AccessLink, Notification, Placement
from tests.evaluations.factories import advised, criteria_of, finalised, opened

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://127\.0\.0\.1:8000/link/([\w-]+)/")
DAY = datetime.timedelta(days=1)


@pytest.fixture
def running(school_a):
    """Both of school A's placements run, guided by the same mentor, with criteria."""
    criteria_of(school_a.school_class.programme, 2)
    Placement.objects.filter(school=school_a.school).update(status=Placement.Status.STARTED)
    for placement in (school_a.placement, school_a.other_placement):
        placement.refresh_from_db()
    return school_a


def send(school, today, capture):
    with capture(execute=True):
        return evaluation_reminders_send(school=school, today=today)


def interim_due(world) -> datetime.date:
    return world.placement.start_date + 9 * DAY


def test_a_week_before_the_mentor_is_asked_once_with_a_working_link(
    running, django_capture_on_commit_callbacks
):
    today = interim_due(running) - 7 * DAY

    first = send(running.school, today, django_capture_on_commit_callbacks)
    again = send(running.school, today + DAY, django_capture_on_commit_callbacks)

    assert [n.kind for n in first] == [Notification.Kind.EVALUATION_REQUEST]
    assert [n.kind for n in again] == [Notification.Kind.EVALUATION_REQUEST]
    [notification], [later] = first, again
    asked = Evaluation.objects.get(placement=notification.placement)
    other = Evaluation.objects.get(placement=later.placement)
    assert {asked.placement, other.placement} == {running.placement, running.other_placement}
    assert notification.dedupe_key == f"evaluation-request-{asked.pk}"
    assert later.dedupe_key == f"evaluation-request-{other.pk}"
    assert notification.access_link.holder == AccessLink.Holder.MENTOR
    assert notification.access_link.mentor == running.mentor
    first_message, second_message = mail.outbox
    assert first_message.to == [running.mentor.email]
    assert "Uw advies gevraagd: tussentijdse evaluatie" in first_message.subject
    assert "Ook nog te adviseren:" in first_message.body
    assert other.placement.student.full_name in first_message.body
    # A third run asks for neither again.
    assert send(running.school, today + 2 * DAY, django_capture_on_commit_callbacks) == []

    token = LINK.search(second_message.body).group(1)
    client = Client()
    client.get(f"/link/{token}/")
    assert client.get(f"/evaluaties/portaal/{other.pk}/advies/").status_code == 200


def test_the_evaluations_due_within_a_week_are_opened(running, django_capture_on_commit_callbacks):
    send(running.school, interim_due(running) - 8 * DAY, django_capture_on_commit_callbacks)
    assert not Evaluation.objects.exists()

    send(running.school, interim_due(running) - 7 * DAY, django_capture_on_commit_callbacks)
    assert set(Evaluation.objects.values_list("moment", flat=True)) == {Moment.INTERIM}
    assert Evaluation.objects.count() == 2


def test_no_request_once_the_advice_is_in(running, django_capture_on_commit_callbacks):
    advised(opened(running.placement))
    advised(opened(running.other_placement))

    sent = send(running.school, interim_due(running) - 2 * DAY, django_capture_on_commit_callbacks)

    assert sent == []
    assert mail.outbox == []


def test_an_overdue_evaluation_is_told_to_the_supervisor_once(
    running, django_capture_on_commit_callbacks
):
    evaluation = advised(opened(running.placement))
    finalised(opened(running.other_placement), running.coordinator)
    today = evaluation.due_on + DAY

    first = send(running.school, today, django_capture_on_commit_callbacks)
    again = send(running.school, today + DAY, django_capture_on_commit_callbacks)

    overdue = [n for n in first if n.kind == Notification.Kind.EVALUATION_OVERDUE]
    assert [n.dedupe_key for n in overdue] == [f"evaluation-overdue-{evaluation.pk}"]
    assert not [n for n in again if n.kind == Notification.Kind.EVALUATION_OVERDUE]
    [message] = [m for m in mail.outbox if m.to == [running.supervisor.email]]
    assert "Evaluatie niet afgerond" in message.subject
    assert "Het advies van de stagementor is binnen." in message.body
    assert f"/evaluaties/{evaluation.pk}/" in message.body


def test_a_cancelled_placement_gets_no_reminder(running, django_capture_on_commit_callbacks):
    evaluation = opened(running.placement)
    Placement.objects.filter(pk=running.placement.pk).update(status=Placement.Status.CANCELLED)

    sent = send(running.school, evaluation.due_on + DAY, django_capture_on_commit_callbacks)

    assert not [n for n in sent if n.placement_id == running.placement.pk]


def test_the_task_runs_in_the_schools_scope(
    running, school_b, django_capture_on_commit_callbacks, monkeypatch
):
    evaluation = opened(running.placement)
    monkeypatch.setattr("evaluations.tasks.timezone.localdate", lambda: evaluation.due_on - 3 * DAY)

    with django_capture_on_commit_callbacks(execute=True):
        queued = send_evaluation_reminders.delay(school_id=running.school.pk).get()

    assert queued == 1
    assert Notification.objects.get().school == running.school
