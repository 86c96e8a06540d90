"""The workload page, the route of the day and the calendar feed run a fixed number of queries,
however many supervisors, placements and visits they cover (issue 10).

Each page is rendered with N rows and again with 3N, as each staff member who opens it (the
workload is the coordinator's only); the feed as the calendar that fetches it. The counts are
equal, so no row costs a query of its own.
"""

import datetime
from decimal import Decimal
from itertools import count

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from internships.models import Visit
from tests.factories import (
    PlacementFactory,
    PlacementPeriodFactory,
    SupervisorFactory,
    VisitFactory,
    WorkplaceFactory,
)
from tests.visits.factories import CalendarFeedFactory, SchoolLocationFactory
from tests.visits.fixtures import FakeRouter

pytestmark = pytest.mark.django_db

N = 2
DAY = datetime.timedelta(days=1)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def constant(client, url: str, grow) -> tuple[int, int]:
    """The queries of ``url`` with N rows and with 3N rows (``grow(count)`` adds them)."""
    queries(client, url)  # the first request fills the session and the caches
    grow(N)
    few = queries(client, url)
    grow(2 * N)
    return few, queries(client, url)


def located_workplace(world, index: int):
    return WorkplaceFactory(
        host=world.host,
        latitude=Decimal("50.8") + Decimal(index) / 100,
        longitude=Decimal("4.0") + Decimal(index) / 100,
    )


def supervised(world, supervisor, index: int, **dates):
    """A placement of ``supervisor`` at a workplace with coordinates, with its period."""
    placement = PlacementFactory(
        student__school=world.school,
        host=world.host,
        workplace=located_workplace(world, index),
        supervisor=supervisor,
        **dates,
    )
    PlacementPeriodFactory(placement=placement)
    return placement


@pytest.fixture
def routed(school_a, monkeypatch):
    """A school with coordinates and a routing service that answers without the network."""
    SchoolLocationFactory(
        school=school_a.school, latitude=Decimal("50.85"), longitude=Decimal("4.05")
    )
    monkeypatch.setattr("visits.providers.configured_router", FakeRouter)
    return school_a


def test_the_workload_is_constant_in_its_supervisors_and_visits(routed, client_for):
    school_a = routed
    client = client_for(school_a.coordinator)
    indexes = count()

    def grow(rows: int) -> None:
        for _ in range(rows):
            supervisor = SupervisorFactory(school=school_a.school)
            placement = supervised(school_a, supervisor, next(indexes))
            VisitFactory(placement=placement, visited_by=supervisor)
            VisitFactory(
                placement=placement,
                date=placement.end_date,
                visited_by=school_a.other_supervisor,
                distance_km=Decimal("12.5"),
            )
            VisitFactory(placement=placement, date=placement.start_date, kind=Visit.Kind.PHONE)

    few, many = constant(client, reverse("dashboards:workload"), grow)

    assert few == many


@pytest.mark.parametrize("role", ["coordinator", "supervisor"])
def test_the_route_of_the_day_is_constant_in_its_stops(routed, client_for, role):
    school_a = routed
    day = school_a.placement.start_date + 2 * DAY
    client = client_for(getattr(school_a, role))
    url = reverse("visits:route") + f"?dag={day.isoformat()}&begeleider={school_a.supervisor.pk}"
    indexes = count()

    def grow(rows: int) -> None:
        for _ in range(rows):
            placement = supervised(
                school_a,
                school_a.supervisor,
                next(indexes),
                start_date=day - DAY,
                end_date=day + DAY,
            )
            VisitFactory(placement=placement, date=day, status=Visit.Status.PLANNED)

    few, many = constant(client, url, grow)

    assert few == many


def test_the_calendar_feed_is_constant_in_its_visits(school_a):
    token = "calendar-feed-query-count-" + "c" * 30
    CalendarFeedFactory(user=school_a.supervisor, token=token)
    url = reverse("visits:calendar-ics", args=[token])
    days = (school_a.placement.start_date + offset * DAY for offset in count(3))

    def grow(rows: int) -> None:
        for _ in range(rows):
            VisitFactory(
                placement=school_a.placement,
                date=next(days),
                time=datetime.time(10, 30),
                status=Visit.Status.PLANNED,
            )

    few, many = constant(Client(), url, grow)

    assert few == many


def test_the_visits_to_plan_come_a_page_at_a_time(school_a, client_for, settings):
    """A year's proposals of every placement would make the supervisor's page grow without
    end: it lists a page of the soonest, with the count of all."""
    settings.PAGINATE_BY = 4
    today = timezone.localdate()
    monday = today + (7 - today.weekday()) * DAY
    for _ in range(6):
        placement = PlacementFactory(
            student__school=school_a.school,
            supervisor=school_a.supervisor,
            start_date=monday,
            end_date=monday + 4 * DAY,
        )
        PlacementPeriodFactory(placement=placement)
    client = client_for(school_a.supervisor)

    first = client.get(reverse("visits:plan"))
    second = client.get(reverse("visits:plan"), {"page": 2})

    assert first.context["paginator"].count == len(first.context["overview"].to_plan) == 6
    assert len(first.context["to_plan"]) == 4
    assert len(second.context["to_plan"]) == 2
    assert "1–4 van 6" in first.content.decode()
