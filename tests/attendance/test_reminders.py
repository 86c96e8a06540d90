"""The Monday reminder: one e-mail per mentor and week, listing the weeks to confirm, with a
fresh portal link."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from attendance.services.reminders import week_reminders_send
from attendance.services.weeks import attendance_week_confirm
from attendance.tasks import send_week_reminders
from internships.models import AccessLink, Notification, Placement
from tests.attendance.factories import DAY, PAST_MONDAY, WEEK, worked_placement
from tests.factories import MentorFactory
from tests.factories.principals import link_client, mentor_link, principal_of

pytestmark = pytest.mark.django_db

MONDAY_AFTER = PAST_MONDAY + 3 * WEEK  # 27 October 2025: the three weeks are over


@pytest.fixture
def placements(school_a):
    """Two interns of the world's mentor and one of another mentor."""
    other_mentor = MentorFactory(host=school_a.host, email="andere.mentor@host.example")
    return (
        worked_placement(school_a),
        worked_placement(school_a),
        worked_placement(school_a, mentor=other_mentor),
    )


def test_each_mentor_gets_one_email_listing_their_weeks(
    school_a, placements, django_capture_on_commit_callbacks
):
    first, _second, other = placements
    link = principal_of(mentor_link(school_a.mentor))
    attendance_week_confirm(placement=first, monday=PAST_MONDAY, principal=link)

    with django_capture_on_commit_callbacks(execute=True):
        sent = week_reminders_send(school=school_a.school, today=MONDAY_AFTER)

    assert sorted(n.recipient_email for n in sent) == sorted(
        [school_a.mentor.email, other.mentor.email]
    )
    assert {n.kind for n in sent} == {Notification.Kind.WEEK_TO_CONFIRM}
    mine = next(n for n in sent if n.recipient_email == school_a.mentor.email)
    assert len(mine.context["weeks"]) == 2 + 3
    assert mine.access_link.mentor == school_a.mentor
    assert len(mail.outbox) == 2
    body = next(m.body for m in mail.outbox if m.to == [school_a.mentor.email])
    assert "13/10 – 19/10/2025" in body and "06/10 – 12/10/2025" in body
    token = re.search(r"/link/([\w-]+)/", body).group(1)
    assert link_client(token).get("/portaal/").status_code == 200


def test_the_reminder_goes_out_once_per_mentor_and_week(school_a, placements):
    assert len(week_reminders_send(school=school_a.school, today=MONDAY_AFTER)) == 2
    links = AccessLink.objects.count()

    assert week_reminders_send(school=school_a.school, today=MONDAY_AFTER) == []
    assert week_reminders_send(school=school_a.school, today=MONDAY_AFTER + 2 * DAY) == []
    # Run again, a second link would have ended the first one.
    assert AccessLink.objects.count() == links

    next_week = week_reminders_send(school=school_a.school, today=MONDAY_AFTER + WEEK)
    assert len(next_week) == 2


def test_confirmed_and_future_weeks_are_not_asked_for(school_a, placements):
    link = principal_of(mentor_link(school_a.mentor))
    for placement in placements[:2]:
        for week in range(3):
            attendance_week_confirm(
                placement=placement, monday=PAST_MONDAY + week * WEEK, principal=link
            )

    sent = week_reminders_send(school=school_a.school, today=PAST_MONDAY + WEEK)

    assert [n.recipient_email for n in sent] == [placements[2].mentor.email]
    assert len(sent[0].context["weeks"]) == 1


def test_no_reminder_when_everything_is_confirmed(school_a, school_b):
    assert week_reminders_send(school=school_a.school, today=MONDAY_AFTER) == []


def test_the_task_runs_in_the_schools_scope_with_todays_date(school_a, school_b):
    for world in (school_a, school_b):
        Placement.objects.filter(pk=world.placement.pk).update(status=Placement.Status.STARTED)

    queued = send_week_reminders.apply(kwargs={"school_id": school_a.school.pk}).get()

    reminders = Notification.objects.filter(kind=Notification.Kind.WEEK_TO_CONFIRM)
    assert queued == reminders.count()
    assert set(reminders.values_list("school_id", flat=True)) <= {school_a.school.pk}
    # The personas' placement lies in October: once it is over, its mentor is reminded.
    if school_a.placement.end_date < timezone.localdate():
        assert queued == 1
