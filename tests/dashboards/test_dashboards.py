"""The first page of each role: the coordinator's overview, the supervisor's week, the
supervisors' workload."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from internships.models import Placement
from tests.factories import PlacementFactory, PlacementPeriodFactory, StudentFactory

pytestmark = pytest.mark.django_db


def this_week(world) -> Placement:
    """A placement of the supervisor running this week."""
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    placement = PlacementFactory(
        student=StudentFactory(school=world.school, school_class=world.school_class),
        host=world.host,
        workplace=world.workplace,
        mentor=world.mentor,
        supervisor=world.supervisor,
        start_date=monday,
        end_date=monday + datetime.timedelta(days=11),
        status=Placement.Status.STARTED,
    )
    PlacementPeriodFactory(placement=placement)
    return placement


def test_the_coordinator_sees_the_overview_with_every_apps_lists(school_a, client_for):
    response = client_for(school_a.coordinator).get(reverse("dashboards:home"))

    page = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "dashboards/coordinator.html"
    for heading in (
        "Evaluaties die vervallen (14 dagen) of te laat zijn",
        "Achterstallige stagebezoeken",
        "Weken nog niet bevestigd door de mentor",
        "Leerlingen onder het minimum van 18 halve dagen (3)",
        "Zonder stagementor of stagebegeleider",
    ):
        assert heading in page


def test_the_supervisor_sees_their_week(school_a, client_for):
    placement = this_week(school_a)

    response = client_for(school_a.supervisor).get(reverse("dashboards:home"))

    page = response.content.decode()
    assert "<title>Mijn week · Stagebeheer</title>" in page
    assert "Op stage deze week" in page and str(placement.student) in page
    assert "Nieuwe logboeknotities (7 dagen)" in page
    assert list(response.context["overview"].on_internship) == [placement]


def test_another_supervisors_pupil_is_not_in_my_week(school_a, client_for):
    placement = this_week(school_a)
    placement.supervisor = school_a.other_supervisor
    placement.save()

    response = client_for(school_a.supervisor).get(reverse("dashboards:home"))

    assert list(response.context["overview"].on_internship) == []


def test_the_workload_lists_every_supervisor_for_the_coordinator(school_a, client_for):
    response = client_for(school_a.coordinator).get(reverse("dashboards:workload"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Begeleider Alfa" in page
    assert client_for(school_a.supervisor).get(reverse("dashboards:workload")).status_code == 403


@pytest.mark.usefixtures("uncached_pages")
def test_the_supervisors_week_runs_the_same_queries_for_more_pupils(
    school_a, client_for, django_assert_max_num_queries
):
    client = client_for(school_a.supervisor)
    this_week(school_a)
    client.get(reverse("dashboards:home"))

    with django_assert_max_num_queries(80) as few:
        client.get(reverse("dashboards:home"))
    for _ in range(3):
        this_week(school_a)
    with django_assert_max_num_queries(80) as many:
        client.get(reverse("dashboards:home"))

    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_panel_shows_its_first_rows_and_counts_the_rest(school_a, client_for):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    for _ in range(12):
        PlacementFactory(
            student=StudentFactory(school=school_a.school, school_class=school_a.school_class),
            host=school_a.host,
            workplace=school_a.workplace,
            mentor=None,
            supervisor=None,
            start_date=soon,
            end_date=soon + datetime.timedelta(days=4),
        )

    response = client_for(school_a.coordinator).get(reverse("dashboards:home"))

    dashboard = response.context["dashboard"]
    assert len(dashboard.missing_people) == 10
    assert dashboard.missing_people_count == dashboard.more_missing_people + 10 >= 12
    assert f"en nog {dashboard.more_missing_people} andere" in response.content.decode()


def test_the_todo_list_shows_the_most_urgent_twelve_and_counts_the_rest(school_a, client_for):
    from evaluations.models import Evaluation
    from tests.evaluations.factories import opened

    late = timezone.localdate() - datetime.timedelta(days=2)
    for _ in range(15):
        placement = PlacementFactory(
            student=StudentFactory(school=school_a.school, school_class=school_a.school_class),
            host=school_a.host,
            workplace=school_a.workplace,
            supervisor=school_a.supervisor,
        )
        Evaluation.objects.filter(pk=opened(placement).pk).update(due_on=late)

    response = client_for(school_a.coordinator).get(reverse("dashboards:home"))

    todos = response.context["overview"].todos
    assert len(todos.shown) == 12
    assert todos.count == 12 + todos.more >= 15
    assert all(todo.overdue for todo in todos.shown)
    assert f"en nog {todos.more} andere" in response.content.decode()
