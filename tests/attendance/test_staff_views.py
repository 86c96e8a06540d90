"""Staff pages: planned against worked per day, the correction with a reason, the incidents and
their follow-up; the supervisor sees their own placements, the coordinator the school's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendance.models import AttendanceWeek, Incident
from attendance.services.weeks import attendance_week_confirm
from tests.attendance.factories import (
    DAY,
    PAST_MONDAY,
    WEEK,
    IncidentFactory,
    week_form_data,
    worked_placement,
)
from tests.factories.principals import mentor_link, principal_of

pytestmark = pytest.mark.django_db


def week_args(placement, monday=PAST_MONDAY) -> list:
    year, week, _weekday = monday.isocalendar()
    return [placement.pk, year, week]


@pytest.fixture
def placement(school_a):
    return worked_placement(school_a)


@pytest.fixture
def confirmed(placement):
    link = principal_of(mentor_link(placement.mentor))
    return attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=link)


def test_the_weeks_page_shows_planned_and_worked_per_day(
    school_a, client_for, placement, confirmed
):
    response = client_for(school_a.supervisor).get(
        reverse("attendance:placement-weeks", args=[placement.pk])
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "bevestigd zoals gepland" in page and "te bevestigen" in page
    assert 'data-label="Gewerkt"' in page
    assert "bevestigd door Mentor Alfa" in page
    assert page.count(">Corrigeren<") == 3


def test_who_sees_the_weeks_page(school_a, school_b, client_for, placement):
    url = reverse("attendance:placement-weeks", args=[placement.pk])

    assert client_for(school_a.coordinator).get(url).status_code == 200
    assert client_for(school_a.other_supervisor).get(url).status_code == 404
    assert client_for(school_b.coordinator).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302


def test_staff_correct_a_confirmed_week_with_a_reason(school_a, client_for, placement, confirmed):
    url = reverse("attendance:week-correct", args=week_args(placement))
    client = client_for(school_a.supervisor)
    data = week_form_data(PAST_MONDAY, {0: {"worked": False}})

    refused = client.post(url, data)
    assert refused.status_code == 200
    assert not AttendanceWeek.objects.get().reason

    response = client.post(url, {**data, "reason": "Maandag ziek volgens de mentor"})

    assert response.status_code == 302
    week = AttendanceWeek.objects.get()
    assert week.status == AttendanceWeek.Status.CORRECTED
    assert week.reason == "Maandag ziek volgens de mentor"
    assert not week.days.filter(date=PAST_MONDAY).exists()
    assert week.history.latest().history_user == school_a.supervisor


def test_another_supervisor_cannot_correct(school_a, client_for, placement, confirmed):
    response = client_for(school_a.other_supervisor).post(
        reverse("attendance:week-correct", args=week_args(placement)),
        {**week_form_data(PAST_MONDAY), "reason": "?"},
    )

    assert response.status_code == 404
    assert AttendanceWeek.objects.get().days.count() == 5


def test_staff_record_an_incident_and_follow_it_up(school_a, client_for, placement):
    client = client_for(school_a.coordinator)
    created = client.post(
        reverse("attendance:incident-create", args=[placement.pk]),
        {
            "date": (PAST_MONDAY + DAY).isoformat(),
            "kind": Incident.Kind.BEHAVIOUR,
            "description": "Kwam twee keer te laat zonder te verwittigen.",
        },
    )
    assert created.status_code == 302
    incident = Incident.objects.get()
    assert incident.reported_by == school_a.coordinator

    url = reverse("attendance:incident-follow-up", args=[placement.pk, incident.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"follow_up": "Gesprek met leerling en ouders.", "handled": "on"})

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.is_handled and incident.handled_by == school_a.coordinator
    assert incident.follow_up == "Gesprek met leerling en ouders."
    page = client.get(reverse("attendance:placement-weeks", args=[placement.pk])).content
    assert "afgehandeld" in page.decode()


def test_an_incident_of_another_placement_answers_404(school_a, client_for, placement):
    other = IncidentFactory(placement=school_a.other_placement)

    response = client_for(school_a.coordinator).get(
        reverse("attendance:incident-follow-up", args=[placement.pk, other.pk])
    )

    assert response.status_code == 404


def test_the_weeks_page_reads_in_constant_queries(
    school_a, client_for, placement, confirmed, django_assert_num_queries
):
    IncidentFactory(placement=placement)
    client = client_for(school_a.supervisor)
    url = reverse("attendance:placement-weeks", args=[placement.pk])
    with CaptureQueriesContext(connection) as one_week:
        assert client.get(url).status_code == 200

    link = principal_of(mentor_link(placement.mentor))
    for monday in (PAST_MONDAY + WEEK, PAST_MONDAY + 2 * WEEK):
        attendance_week_confirm(placement=placement, monday=monday, principal=link)
    IncidentFactory.create_batch(3, placement=placement)

    with django_assert_num_queries(len(one_week)):
        assert client.get(url).status_code == 200
