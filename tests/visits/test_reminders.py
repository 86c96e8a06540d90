"""The weekly e-mail of overdue visits: once per supervisor and week (annex 3)."""

import datetime

import pytest
from django.core import mail

from internships.models import Notification, Visit
from tests.factories import PlacementFactory, PlacementPeriodFactory
from visits.services.reminders import visit_reminders_send
from visits.tasks import send_visit_reminders

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def overdue(school_a):
    """A week after school A's October placements: the supervisor's pupil was never visited,
    and neither was the coordinator's."""
    Visit.objects.filter(placement__school=school_a.school).delete()
    PlacementPeriodFactory(placement=school_a.other_placement)
    return school_a.placement.end_date + 7 * DAY


def reminders(school) -> list[Notification]:
    return list(
        Notification.objects.filter(school=school, kind=Notification.Kind.VISIT_OVERDUE).order_by(
            "recipient_email"
        )
    )


def test_each_supervisor_with_overdue_visits_is_reminded_once_a_week(
    school_a, overdue, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        queued = visit_reminders_send(school=school_a.school, today=overdue)
        again = visit_reminders_send(school=school_a.school, today=overdue + 2 * DAY)

    sent = reminders(school_a.school)
    assert (queued, again) == (2, 0)
    assert {n.recipient_email for n in sent} == {
        school_a.supervisor.email,
        school_a.coordinator.email,
    }
    assert all(n.dedupe_key.startswith("visit-overdue:") for n in sent)
    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == [school_a.supervisor.email])
    assert message.subject.startswith("Achterstallig stagebezoek")
    assert school_a.pupil.full_name in message.body
    assert school_a.host.name in message.body
    assert "/bezoeken/" in message.body
    assert "bijlage 3" in message.body


def test_next_week_brings_a_new_reminder(school_a, overdue):
    visit_reminders_send(school=school_a.school, today=overdue)

    assert visit_reminders_send(school=school_a.school, today=overdue + 7 * DAY) == 2
    assert len(reminders(school_a.school)) == 4


def test_a_visit_since_the_window_ends_the_reminders(school_a, overdue):
    for placement in (school_a.placement, school_a.other_placement):
        Visit.objects.create(
            placement=placement,
            date=placement.end_date + 3 * DAY,
            status=Visit.Status.DONE,
            kind=Visit.Kind.AT_SCHOOL,
        )

    assert visit_reminders_send(school=school_a.school, today=overdue) == 0


def test_nothing_overdue_nothing_sent(school_a, school_b):
    today = school_a.placement.end_date + DAY

    assert visit_reminders_send(school=school_a.school, today=today) == 0
    assert reminders(school_a.school) == []


def test_a_month_after_the_window_the_reminders_stop(school_a, overdue):
    assert visit_reminders_send(school=school_a.school, today=overdue + 40 * DAY) == 0


def test_the_task_reminds_within_the_schools_scope(school_a, school_b, overdue, monkeypatch):
    PlacementFactory(student__school=school_b.school)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: overdue)

    result = send_visit_reminders.delay(school_id=school_a.school.pk)

    assert result.get() == 2
    assert reminders(school_b.school) == []
