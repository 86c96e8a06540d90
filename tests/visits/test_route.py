"""The day's route: visits in order from the school and back, with distances and travel times,
from a (fake) routing service, the straight line, or the supervisor's own kilometres."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.urls import reverse
from routingpy.matrix import Matrix

from core.principals import StaffMember
from internships.models import Visit
from tests.factories import PlacementFactory, VisitFactory, WorkplaceFactory
from tests.visits.factories import SchoolLocationFactory
from tests.visits.fixtures import ADDRESSES, SCHOOL, FakeGeocoder, FakeRouter, split
from visits import providers
from visits.providers import Method, Point, ServiceRouter, StraightLineRouter, haversine_km
from visits.selectors import day_route
from visits.selectors.locations import km_decimal
from visits.selectors.routes import OWN_KM

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 10, 14)  # a Wednesday of school A's October placement
PLACES = ("Markt 1, 9400 Ninove", "Markt 10, 9340 Lede", "Stationsstraat 2, 9470 Denderleeuw")


def located_visit(school_a, address: str, *, time=None, kind=Visit.Kind.ON_SITE, **kwargs):
    """A visit by school A's supervisor on ``DAY`` at a workplace with the fixture's
    coordinates for ``address``."""
    point = ADDRESSES[f"{address}, België"]
    workplace = WorkplaceFactory(
        host=school_a.host,
        latitude=Decimal(str(point.latitude)),
        longitude=Decimal(str(point.longitude)),
        **split(f"{address}, België"),
    )
    placement = PlacementFactory(
        student__school=school_a.school,
        host=school_a.host,
        workplace=workplace,
        supervisor=school_a.supervisor,
        start_date=DAY - datetime.timedelta(days=2),
        end_date=DAY + datetime.timedelta(days=2),
    )
    return VisitFactory(placement=placement, date=DAY, time=time, kind=kind, **kwargs)


@pytest.fixture
def school_located(school_a):
    return SchoolLocationFactory(
        school=school_a.school,
        latitude=Decimal(str(SCHOOL.latitude)),
        longitude=Decimal(str(SCHOOL.longitude)),
    )


def route_for(school_a, **kwargs):
    return day_route(
        StaffMember.of(school_a.supervisor), supervisor=school_a.supervisor, day=DAY, **kwargs
    )


def shortest(points: list[Point]) -> float:
    return min(
        sum(haversine_km(a, b) for a, b in itertools.pairwise([SCHOOL, *order, SCHOOL]))
        for order in itertools.permutations(points)
    )


class TestOrder:
    def test_the_stops_come_in_the_shortest_order_from_the_routing_service(
        self, school_a, school_located
    ):
        visits = [located_visit(school_a, address) for address in PLACES]
        router = FakeRouter()

        route = route_for(school_a, router=router)

        order = [stop.visit for stop in route.stops]
        assert sorted(visit.pk for visit in order) == sorted(visit.pk for visit in visits)
        points = [ADDRESSES[f"{a}, België"] for a in PLACES]
        assert float(route.total_km) == pytest.approx(shortest(points), abs=0.2)
        assert route.method == Method.ROUTING
        assert router.calls == 1
        workplace = order[0].placement.workplace
        first = Point(float(workplace.latitude), float(workplace.longitude))
        assert route.stops[0].km == km_decimal(haversine_km(SCHOOL, first))
        assert route.stops[0].minutes == round(2 * haversine_km(SCHOOL, first))
        assert route.total_minutes == pytest.approx(2 * float(route.total_km), abs=2)

    def test_visits_with_a_time_keep_their_times_order(self, school_a, school_located):
        late = located_visit(school_a, PLACES[1], time=datetime.time(14, 0))
        early = located_visit(school_a, PLACES[0], time=datetime.time(9, 0))
        free = located_visit(school_a, PLACES[2])

        route = route_for(school_a, router=FakeRouter())

        order = [stop.visit for stop in route.stops]
        assert order.index(early) < order.index(late)
        assert free in order

    def test_without_a_routing_service_the_straight_line_times_the_road_factor(
        self, school_a, school_located, settings
    ):
        settings.VISITS_ROUTING = ""
        settings.VISITS_ROAD_FACTOR = 1.3
        settings.VISITS_AVERAGE_SPEED_KMH = 60
        visit = located_visit(school_a, PLACES[0])

        route = route_for(school_a)

        ninove = ADDRESSES["Markt 1, 9400 Ninove, België"]
        one_way = haversine_km(SCHOOL, ninove) * 1.3
        assert route.method == Method.STRAIGHT_LINE
        assert [stop.visit for stop in route.stops] == [visit]
        assert route.stops[0].km == km_decimal(one_way)
        assert route.back_km == km_decimal(one_way)
        assert route.total_minutes == round(2 * one_way)  # 60 km/h: a minute a kilometre
        assert "vogelvlucht" in route.method_label


class TestWithoutCoordinates:
    def test_the_supervisors_own_kilometres_count(self, school_a):
        """No geocoder: neither the school nor the workplaces have coordinates."""
        VisitFactory(
            placement__student__school=school_a.school,
            placement__supervisor=school_a.supervisor,
            date=DAY,
            distance_km=Decimal("12.5"),
        )
        school_a.visit.date = DAY
        school_a.visit.distance_km = Decimal("30.0")
        school_a.visit.save()
        router = FakeRouter()

        route = route_for(school_a, router=router)

        assert route.method == OWN_KM
        assert route.stops == []
        assert len(route.unlocated) == 2
        assert route.total_km == Decimal("42.5")
        assert router.calls == 0

    def test_a_workplace_without_coordinates_stays_off_the_route(self, school_a, school_located):
        on_route = located_visit(school_a, PLACES[0])
        school_a.visit.date = DAY
        school_a.visit.distance_km = Decimal("8.0")
        school_a.visit.save()

        route = route_for(school_a, router=FakeRouter())

        assert [stop.visit for stop in route.stops] == [on_route]
        assert route.unlocated == [school_a.visit]
        assert route.total_km == route.stops[0].km + route.back_km + Decimal("8.0")

    def test_calls_and_talks_at_school_need_no_travel(self, school_a, school_located):
        call = located_visit(school_a, PLACES[0], kind=Visit.Kind.PHONE)

        route = route_for(school_a, router=FakeRouter())

        assert route.stops == [] and route.elsewhere == [call]
        assert route.total_km == 0


class TestProviders:
    def test_a_routing_service_answer_becomes_kilometres_and_minutes(self):
        class Client:
            def matrix(self, **kwargs):
                self.kwargs = kwargs
                return Matrix(distances=[[12_345.0]], durations=[[900.0]])

        client = Client()
        router = ServiceRouter(
            client, profile="driving", fallback=providers.straight_line_router(), name="osrm"
        )
        ninove = ADDRESSES["Markt 1, 9400 Ninove, België"]

        table = router.table([SCHOOL], [ninove])

        assert table.km == [[12.345]] and table.minutes == [[15.0]]
        assert client.kwargs["locations"] == [
            [SCHOOL.longitude, SCHOOL.latitude],
            [ninove.longitude, ninove.latitude],
        ]
        assert (client.kwargs["sources"], client.kwargs["destinations"]) == ([0], [1])

    def test_a_failing_routing_service_falls_back_to_the_straight_line(self):
        class Down:
            def matrix(self, **kwargs):
                raise ConnectionError("no route to host")

        fallback = StraightLineRouter(road_factor=1.3, speed_kmh=50)
        router = ServiceRouter(Down(), profile="driving", fallback=fallback, name="osrm")
        lede = ADDRESSES["Markt 10, 9340 Lede, België"]

        table = router.table([SCHOOL], [lede])

        assert table.method == Method.STRAIGHT_LINE
        assert table.km[0][0] == pytest.approx(haversine_km(SCHOOL, lede) * 1.3)

    def test_the_settings_choose_the_providers(self, settings):
        settings.VISITS_ROUTING = "osrm"
        settings.VISITS_ROUTING_URL = "http://osrm.invalid"
        settings.VISITS_GEOCODER = ""

        assert isinstance(providers.configured_router(), ServiceRouter)
        assert providers.configured_geocoder() is None
        settings.VISITS_ROUTING = ""
        assert isinstance(providers.configured_router(), StraightLineRouter)
        settings.VISITS_GEOCODER = "nominatim"
        assert providers.configured_geocoder() is not None


class TestPage:
    def test_the_supervisor_sees_the_days_route(
        self, school_a, school_located, client_for, monkeypatch
    ):
        monkeypatch.setattr(providers, "configured_router", FakeRouter)
        visit = located_visit(school_a, PLACES[0], time=datetime.time(10, 0))

        response = client_for(school_a.supervisor).get(
            reverse("visits:route"), {"dag": DAY.isoformat()}
        )

        content = response.content.decode()
        assert response.status_code == 200
        assert [stop.visit for stop in response.context["route"].stops] == [visit]
        assert "Vertrek op school" in content and "Terug op school" in content
        assert str(visit.placement.student) in content

    def test_the_coordinator_chooses_a_supervisor(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(
            reverse("visits:route"),
            {"dag": school_a.visit.date.isoformat(), "begeleider": school_a.supervisor.pk},
        )

        assert response.context["route"].supervisor == school_a.supervisor
        assert response.context["route"].unlocated == [school_a.visit]


def test_with_a_geocoder_the_days_workplaces_are_looked_up_first(school_a, client_for, monkeypatch):
    geocoder = FakeGeocoder()
    monkeypatch.setattr(providers, "configured_geocoder", lambda: geocoder)
    monkeypatch.setattr(providers, "configured_router", FakeRouter)
    for field, value in split("Leopoldlaan 18, 9300 Aalst, België").items():
        setattr(school_a.school, field, value)
    school_a.school.save()
    for field, value in split("Markt 10, 9340 Lede, België").items():
        setattr(school_a.workplace, field, value)
    school_a.workplace.save()

    response = client_for(school_a.supervisor).get(
        reverse("visits:route"), {"dag": school_a.visit.date.isoformat()}
    )

    assert [stop.visit for stop in response.context["route"].stops] == [school_a.visit]
    assert geocoder.asked == [
        "Leopoldlaan 18, 9300 Aalst, België",
        "Markt 10, 9340 Lede, België",
    ]
    geocoder.asked.clear()
    client_for(school_a.supervisor).get(
        reverse("visits:route"), {"dag": school_a.visit.date.isoformat()}
    )
    assert geocoder.asked == []  # found before: stored, not asked again
