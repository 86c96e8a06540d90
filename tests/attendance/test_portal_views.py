"""The mentor's pages through their personal link: their interns only, one-tap confirmation,
the correction day by day, an incident (5.1, annex 3)."""

import pytest
from django.core import mail
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendance.models import AttendanceWeek, Incident
from attendance.services.weeks import attendance_week_confirm
from internships.models import Notification
from tests.attendance.factories import (
    DAY,
    PAST_MONDAY,
    WEEK,
    week_form_data,
    worked_placement,
)
from tests.factories import MentorFactory, PlacementFactory, StudentFactory
from tests.factories.principals import (
    expired,
    guardian_link,
    link_client,
    mentor_link,
    principal_of,
    pupil_link,
    revoked,
)

pytestmark = pytest.mark.django_db

TOKEN = "attendance-mentor-token-known-only-to-the-mentor-0"


def week_args(placement, monday=PAST_MONDAY) -> list:
    year, week, _weekday = monday.isocalendar()
    return [placement.pk, year, week]


@pytest.fixture
def placement(school_a):
    return worked_placement(school_a)


@pytest.fixture
def mentor(school_a):
    mentor_link(school_a.mentor, token=TOKEN)
    return link_client(TOKEN)


def test_the_weeks_page_lists_the_weeks_with_the_one_tap_button(placement, mentor):
    response = mentor.get(reverse("attendance:portal-weeks", args=[placement.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Bevestig deze week") == 3
    assert "08:00–16:30 · pauze 10:00–10:15, 12:00–12:30, 14:30–14:45" in page


def test_one_tap_confirms_the_week_as_planned(placement, mentor):
    response = mentor.post(reverse("attendance:portal-week-confirm", args=week_args(placement)))

    assert response.status_code == 302
    assert response["Location"].endswith(f"#w{PAST_MONDAY:%Y%m%d}")
    week = AttendanceWeek.objects.get(placement=placement)
    assert week.status == AttendanceWeek.Status.CONFIRMED
    assert week.days.count() == 5
    page = mentor.get(response["Location"]).content.decode()
    assert "is bevestigd zoals gepland" in page
    assert page.count("Bevestig deze week") == 2


def test_one_tap_from_the_placement_page_returns_there(placement, mentor):
    response = mentor.post(
        reverse("attendance:portal-week-confirm", args=week_args(placement)), {"back": "placement"}
    )

    assert response["Location"] == reverse("portal:placement", args=[placement.pk]) + "#attendance"


def test_a_second_tap_says_the_week_is_confirmed_already(placement, mentor):
    url = reverse("attendance:portal-week-confirm", args=week_args(placement))
    mentor.post(url)

    page = mentor.post(url, follow=True).content.decode()

    assert "al bevestigd" in page
    assert AttendanceWeek.objects.count() == 1


def test_the_mentor_corrects_the_week_day_by_day(placement, mentor):
    url = reverse("attendance:portal-week-correct", args=week_args(placement))
    form = mentor.get(url)
    assert form.status_code == 200
    # Monday to Sunday: a weekend day can be added.
    assert form.content.decode().count("Gewerkt op deze dag") == 7

    data = week_form_data(
        PAST_MONDAY,
        {1: {"end_time": "15:00"}, 4: {"worked": False, "note": "ziek naar huis"}},
    )
    response = mentor.post(url, data)

    assert response.status_code == 302
    week = AttendanceWeek.objects.get(placement=placement)
    assert week.status == AttendanceWeek.Status.CORRECTED
    assert week.days.count() == 4
    assert week.days.get(date=PAST_MONDAY + DAY).end_time.hour == 15


def test_a_correction_with_a_mistake_shows_the_form_again(placement, mentor):
    url = reverse("attendance:portal-week-correct", args=week_args(placement))

    response = mentor.post(url, week_form_data(PAST_MONDAY, {2: {"end_time": ""}}))

    assert response.status_code == 200
    assert "Geef de uren van deze dag." in response.content.decode()
    assert not AttendanceWeek.objects.exists()


def test_a_service_refusal_lands_on_the_form(placement, mentor):
    attendance_week_confirm(
        placement=placement,
        monday=PAST_MONDAY,
        principal=principal_of(mentor_link(placement.mentor)),
    )
    mentor_link(placement.mentor, token=TOKEN + "-2")
    fresh = link_client(TOKEN + "-2")

    response = fresh.post(
        reverse("attendance:portal-week-correct", args=week_args(placement)),
        week_form_data(PAST_MONDAY),
    )

    assert response.status_code == 200
    assert "vraag de stagebegeleider" in response.content.decode()


def test_another_mentors_intern_answers_404(school_a, school_b, placement, mentor):
    other = PlacementFactory(
        student=StudentFactory(school=school_a.school),
        host=school_a.host,
        workplace=school_a.workplace,
        mentor=MentorFactory(host=school_a.host),
    )
    for target in (other, school_b.placement):
        monday = target.start_date
        for name in ("portal-weeks", "portal-incident-report"):
            assert mentor.get(reverse(f"attendance:{name}", args=[target.pk])).status_code == 404
        args = week_args(target, monday)
        assert mentor.post(reverse("attendance:portal-week-confirm", args=args)).status_code == 404
        assert mentor.get(reverse("attendance:portal-week-correct", args=args)).status_code == 404
    assert not AttendanceWeek.objects.exists()


def test_a_week_outside_the_placement_answers_404(placement, mentor):
    args = week_args(placement, PAST_MONDAY + 5 * WEEK)

    assert mentor.get(reverse("attendance:portal-week-correct", args=args)).status_code == 404
    bad = [placement.pk, 2025, 60]
    assert mentor.post(reverse("attendance:portal-week-confirm", args=bad)).status_code == 404


def test_the_pupil_and_the_guardian_cannot_confirm(placement):
    pupil_link(placement.student, token="attendance-pupil-" + "p" * 30)
    guardian_link(placement.student.guardians.get(), token="attendance-guardian-" + "g" * 30)
    pupil = link_client("attendance-pupil-" + "p" * 30)
    guardian = link_client("attendance-guardian-" + "g" * 30)

    for client in (pupil, guardian):
        confirm = client.post(reverse("attendance:portal-week-confirm", args=week_args(placement)))
        assert confirm.status_code == 403
        correct = client.post(
            reverse("attendance:portal-week-correct", args=week_args(placement)),
            week_form_data(PAST_MONDAY),
        )
        assert correct.status_code == 403
        assert (
            client.get(reverse("attendance:portal-weeks", args=[placement.pk])).status_code == 403
        )
    assert not AttendanceWeek.objects.exists()


@pytest.mark.parametrize("state", [expired, revoked])
def test_an_expired_or_revoked_link_opens_nothing(school_a, placement, state):
    token = f"attendance-{state.__name__}-" + "x" * 30
    client = link_client(token)
    mentor_link(school_a.mentor, token=token, **state())

    response = client.post(reverse("attendance:portal-week-confirm", args=week_args(placement)))

    assert response.status_code == 403
    assert not AttendanceWeek.objects.exists()


def test_the_mentor_reports_an_incident(
    school_a, placement, mentor, django_capture_on_commit_callbacks
):
    url = reverse("attendance:portal-incident-report", args=[placement.pk])
    assert mentor.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = mentor.post(
            url,
            {
                "date": (PAST_MONDAY + 2 * DAY).isoformat(),
                "kind": Incident.Kind.WORK_ACCIDENT,
                "description": "Gesneden aan een mes bij het groenten snijden; verzorgd door EHBO.",
            },
        )

    assert response.status_code == 302
    incident = Incident.objects.get()
    assert incident.reported_by_mentor == school_a.mentor and incident.is_open
    alerts = Notification.objects.filter(kind=Notification.Kind.INCIDENT_REPORTED)
    assert {alert.recipient_email for alert in alerts} == {
        school_a.supervisor.email,
        school_a.coordinator.email,
    }
    bodies = [message.body for message in mail.outbox]
    assert len(bodies) == 2
    assert all("arbeidsongeval" in body and "schoolverzekering" in body for body in bodies)
    assert "Mentor Alfa" in incident.history.get().history_change_reason


def test_an_incident_in_the_future_is_refused(placement, mentor):
    response = mentor.post(
        reverse("attendance:portal-incident-report", args=[placement.pk]),
        {"date": "2099-01-01", "kind": Incident.Kind.OTHER, "description": "?"},
    )

    assert response.status_code == 200
    assert "in de toekomst" in response.content.decode()


def render_portal_card(placement, principal) -> str:
    request = RequestFactory().get("/")
    request.principal = principal
    template = Template("{% load attendance_tags %}{% portal_attendance placement %}")
    return template.render(Context({"placement": placement, "request": request}))


def test_the_portal_card_offers_the_weeks_to_confirm_to_the_mentor_only(school_a, placement):
    attendance_week_confirm(
        placement=placement,
        monday=PAST_MONDAY,
        principal=principal_of(mentor_link(school_a.mentor)),
    )

    card = render_portal_card(placement, principal_of(mentor_link(school_a.mentor)))
    assert card.count("Bevestig deze week") == 2
    assert reverse("attendance:portal-incident-report", args=[placement.pk]) in card
    assert (
        reverse("attendance:portal-week-correct", args=week_args(placement, PAST_MONDAY + WEEK))
        in card
    )

    for other in (
        principal_of(pupil_link(placement.student)),
        principal_of(mentor_link(MentorFactory(host=school_a.host))),
    ):
        assert render_portal_card(placement, other).strip() == ""


def test_the_weeks_page_reads_in_constant_queries(placement, mentor, django_assert_num_queries):
    url = reverse("attendance:portal-weeks", args=[placement.pk])
    link = principal_of(mentor_link(placement.mentor))
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=link)
    with CaptureQueriesContext(connection) as one_week:
        assert mentor.get(url).status_code == 200

    for monday in (PAST_MONDAY + WEEK, PAST_MONDAY + 2 * WEEK):
        attendance_week_confirm(placement=placement, monday=monday, principal=link)

    with django_assert_num_queries(len(one_week)):
        assert mentor.get(url).status_code == 200
