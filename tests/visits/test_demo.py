"""``demo.travel.travel_seed`` on school A's world: coordinates without a geocoder, times and
kilometres on the visits, and a calendar feed for the demo supervisor that works."""

import random

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from demo.travel import MUNICIPALITIES, SPREAD, demo_supervisor, travel_seed
from internships.models import Visit, Workplace
from visits.models import CalendarFeed, SchoolLocation
from visits.services import calendar_feeds

pytestmark = pytest.mark.django_db

TOKEN = "demo-calendar-feed-token-" + "d" * 30


def near(postal_code: str, latitude, longitude) -> bool:
    _name, centre_lat, centre_lon = MUNICIPALITIES[postal_code]
    return (
        abs(float(latitude) - centre_lat) <= SPREAD
        and abs(float(longitude) - centre_lon) <= 1.5 * SPREAD
    )


@pytest.fixture
def seeded(school_a, monkeypatch):
    monkeypatch.setattr(calendar_feeds, "new_token", lambda: TOKEN)
    travel_seed(school=school_a.school, today=timezone.localdate(), rng=random.Random(3))
    return school_a


def test_the_school_and_its_workplaces_get_coordinates_of_their_municipality(seeded):
    school = seeded.school

    location = SchoolLocation.objects.get(school=school)
    assert near(school.postal_code, location.latitude, location.longitude)
    for workplace in Workplace.objects.filter(host__school=school):
        assert near(workplace.postal_code, workplace.latitude, workplace.longitude)


def test_the_visits_get_a_time_and_the_round_trip_in_kilometres(seeded):
    visit = Visit.objects.get(pk=seeded.visit.pk)

    assert visit.time is not None
    assert visit.distance_km is not None and visit.distance_km >= 1
    assert visit.history.first().history_type == "~"


def test_the_demo_supervisors_calendar_feed_works(seeded):
    assert demo_supervisor(seeded.school) == seeded.supervisor
    assert CalendarFeed.objects.filter(user=seeded.supervisor, revoked_at=None).count() == 1

    response = Client().get(reverse("visits:calendar-ics", args=[TOKEN]))

    assert response.status_code == 200
    assert f"stagebezoek-{seeded.visit.pk}@".encode() in response.content


def test_seeding_again_changes_nothing(seeded):
    before = (
        list(Visit.objects.values_list("pk", "time", "distance_km").order_by("pk")),
        list(Workplace.objects.values_list("pk", "latitude", "longitude").order_by("pk")),
        list(SchoolLocation.objects.values_list("latitude", "longitude")),
        CalendarFeed.objects.count(),
    )

    travel_seed(school=seeded.school, today=timezone.localdate(), rng=random.Random(4))

    after = (
        list(Visit.objects.values_list("pk", "time", "distance_km").order_by("pk")),
        list(Workplace.objects.values_list("pk", "latitude", "longitude").order_by("pk")),
        list(SchoolLocation.objects.values_list("latitude", "longitude")),
        CalendarFeed.objects.count(),
    )
    assert after == before
