"""The mentor's portal: their interns only, the activity list, absences, links and the outbox."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from internships.models import Absence, AccessLink, Notification
from internships.selectors.access_links import SESSION_KEY
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    MentorFactory,
    PlacementFactory,
    StudentFactory,
)
from tests.factories.principals import expired, link_client, mentor_link, pupil_link, revoked

pytestmark = pytest.mark.django_db

TOKEN = "a-mentor-portal-token-known-only-to-the-mentor-000"
LINK = re.compile(r"http://127\.0\.0\.1:8000/link/([\w-]+)/")


@pytest.fixture
def mentor(school_a):
    mentor_link(school_a.mentor, token=TOKEN)
    return link_client(TOKEN)


def test_the_home_shows_exactly_the_mentors_interns(school_a, school_b, mentor):
    other = PlacementFactory(
        student=StudentFactory(school=school_a.school),
        host=school_a.host,
        workplace=school_a.workplace,
        mentor=MentorFactory(host=school_a.host),
    )

    page = mentor.get(reverse("portal:home")).content.decode()

    assert "Lotte Leerling Alfa" in page and "Milan Andere Alfa" in page
    assert str(other.student) not in page
    assert "Bravo" not in page


def test_another_mentors_intern_answers_404(school_a, school_b, mentor):
    other = PlacementFactory(
        student=StudentFactory(school=school_a.school),
        host=school_a.host,
        workplace=school_a.workplace,
        mentor=MentorFactory(host=school_a.host),
    )

    for placement in (other, school_b.placement):
        response = mentor.get(reverse("portal:placement", args=[placement.pk]))
        assert response.status_code == 404


def test_the_placement_page_shows_schedule_activities_and_risk_documents(school_a, mentor):
    ActivityFactory(
        activity_list=ActivityListFactory(placement=school_a.placement),
        description="Bedden opmaken",
    )

    response = mentor.get(reverse("portal:placement", args=[school_a.placement.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Uurrooster" in page and "Bedden opmaken" in page
    assert "Activiteitenlijst bevestigen" in page
    assert "Risicoanalyse en werkpostfiches" in page


def test_the_mentor_confirms_the_activity_list(school_a, mentor):
    activity_list = ActivityListFactory(placement=school_a.placement)

    response = mentor.post(
        reverse("portal:activity-list-confirm", args=[school_a.placement.pk]), follow=True
    )

    activity_list.refresh_from_db()
    assert "de activiteitenlijst is bevestigd" in response.content.decode()
    assert activity_list.mentor_confirmed_at is not None
    assert activity_list.mentor_confirmed_by == school_a.mentor
    change = activity_list.history.latest()
    assert change.history_user is None
    assert change.history_change_reason.startswith("stagementor Mentor Alfa (persoonlijke link")


def test_the_mentor_ticks_an_activity_with_a_comment(school_a, mentor):
    activity = ActivityFactory(activity_list=ActivityListFactory(placement=school_a.placement))
    day = school_a.placement.start_date

    mentor.post(
        reverse("portal:activity-done", args=[school_a.placement.pk, activity.pk]),
        {"done": "on", "done_on": day.isoformat(), "comment": "Vlot en vriendelijk"},
    )

    activity.refresh_from_db()
    assert (activity.done, activity.done_on, activity.comment) == (True, day, "Vlot en vriendelijk")


def test_a_pupils_link_cannot_tick_or_confirm(school_a):
    pupil_link(school_a.pupil, token=TOKEN)
    pupil = link_client(TOKEN)
    activity_list = ActivityListFactory(placement=school_a.placement)

    response = pupil.post(reverse("portal:activity-list-confirm", args=[school_a.placement.pk]))

    assert response.status_code == 403
    activity_list.refresh_from_db()
    assert activity_list.mentor_confirmed_at is None


def test_the_mentor_reports_an_absence_and_the_supervisor_is_told(
    school_a, mentor, django_capture_on_commit_callbacks
):
    day = school_a.placement.start_date + datetime.timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = mentor.post(
            reverse("portal:absence-report", args=[school_a.placement.pk]),
            {"date": day.isoformat(), "hours": "7.5", "reason": "Ziek gemeld om 8 uur"},
        )

    assert response.status_code == 302
    absence = Absence.objects.get(placement=school_a.placement, date=day)
    assert absence.is_pending and absence.reported_by_mentor == school_a.mentor
    [message] = mail.outbox
    assert message.to == [school_a.supervisor.email]
    assert "Ziek gemeld om 8 uur" in message.body
    assert f"/stages/{school_a.placement.pk}/" in message.body


def test_a_reported_absence_outside_the_plan_is_refused_in_dutch(school_a, mentor):
    sunday = school_a.placement.start_date - datetime.timedelta(days=1)

    response = mentor.post(
        reverse("portal:absence-report", args=[school_a.placement.pk]),
        {"date": sunday.isoformat(), "hours": "4", "reason": ""},
    )

    assert response.status_code == 200
    assert "Deze dag valt buiten de stage." in response.content.decode()


def test_the_school_judges_a_reported_absence(school_a, client_for):
    absence = Absence.objects.create(
        placement=school_a.placement,
        date=school_a.placement.start_date + datetime.timedelta(days=1),
        hours=8,
        justification=Absence.Justification.PENDING,
        reported_by_mentor=school_a.mentor,
    )

    client_for(school_a.supervisor).post(
        reverse("internships:absence-decide", args=[school_a.placement.pk, absence.pk]),
        {"justification": "unjustified"},
    )

    absence.refresh_from_db()
    assert absence.is_unjustified and absence.decided_by == school_a.supervisor


@pytest.mark.parametrize(
    ("state", "message"),
    [(expired(), "Deze link is verlopen op"), (revoked(), "Deze link is ingetrokken.")],
)
def test_an_expired_or_revoked_link_answers_with_a_friendly_dutch_page(school_a, state, message):
    mentor_link(school_a.mentor, token=TOKEN, **state)

    response = Client().get(reverse("portal:open", args=[TOKEN]))

    assert response.status_code == 410
    assert message in response.content.decode()
    assert '<html lang="nl-be">' in response.content.decode()


@pytest.mark.parametrize("signed_in", [False, True])
def test_opening_a_link_starts_a_fresh_session_without_whoever_was_signed_in(
    school_a, client_for, signed_in
):
    link = mentor_link(school_a.mentor, token=TOKEN)
    browser = client_for(school_a.coordinator if signed_in else None)
    browser.get(reverse("portal:home"))  # whatever session the browser had
    before = browser.session.session_key

    response = browser.get(reverse("portal:open", args=[TOKEN]))

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    assert browser.session.session_key != before
    assert "_auth_user_id" not in browser.session
    assert browser.session[SESSION_KEY] == link.pk
    assert "Lotte Leerling Alfa" in browser.get(reverse("portal:home")).content.decode()


class TestPortalLinks:
    def test_staff_send_a_mentor_their_link(
        self, school_a, client_for, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client_for(school_a.supervisor).post(
                reverse("internships:mentor-portal-link", args=[school_a.mentor.pk])
            )

        [message] = mail.outbox
        token = LINK.search(message.body).group(1)
        notification = Notification.objects.get(kind=Notification.Kind.PORTAL_LINK)
        assert token not in notification.body
        assert notification.reason == "Persoonlijke link voor stagementor Mentor Alfa."
        home = link_client(token).get(reverse("portal:home"))
        assert "Lotte Leerling Alfa" in home.content.decode()

    def test_a_printed_link_replaces_the_token_of_the_mailed_one(self, school_a):
        mentor_link(school_a.mentor, token=TOKEN)

        out = StringIO()
        call_command("portal_link", "mentor", str(school_a.mentor.pk), stdout=out)

        token = LINK.search(out.getvalue().strip()).group(1)
        assert link_client(token).get(reverse("portal:home")).status_code == 200
        assert Client().get(reverse("portal:open", args=[TOKEN])).status_code == 404
        assert AccessLink.objects.filter(mentor=school_a.mentor, revoked_at=None).count() == 1

    def test_the_command_prints_a_pupils_link(self, school_a):
        out = StringIO()
        call_command("portal_link", "pupil", str(school_a.pupil.pk), stdout=out)

        token = LINK.search(out.getvalue()).group(1)
        page = link_client(token).get(reverse("portal:home")).content.decode()
        assert "Lotte Leerling Alfa" in page and "Milan" not in page

    def test_a_signing_link_of_the_same_person_is_a_different_link(self, school_a):
        pupil = pupil_link(school_a.pupil, capabilities=["sign"])

        out = StringIO()
        call_command("portal_link", "pupil", str(school_a.pupil.pk), stdout=out)

        pupil.refresh_from_db()
        assert pupil.revoked_at is None
        assert AccessLink.objects.filter(student=school_a.pupil).count() == 2

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["mentor", "999999"], "Er is geen stagementor met nummer 999999."),
            (["pupil", "abc"], "Er is geen leerling met nummer abc."),
            (["teacher", "1"], "Onbekende soort ‘teacher’"),
        ],
    )
    def test_the_command_refuses_an_unknown_person_with_exit_2(self, db, args, message):
        with pytest.raises(CommandError) as error:
            call_command("portal_link", *args)

        assert error.value.returncode == 2
        assert message in str(error.value)

    def test_the_outbox_lists_what_was_sent(
        self, school_a, client_for, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client_for(school_a.coordinator).post(
                reverse("internships:pupil-portal-link", args=[school_a.pupil.pk])
            )

        page = client_for(school_a.coordinator).get(reverse("internships:outbox"))

        assert "Persoonlijke link voor leerling Lotte Leerling Alfa." in page.content.decode()
