"""The supervisor's visits as a calendar behind a secret, revocable address."""

import datetime
import re
import zoneinfo

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from core.tokens import token_hash
from internships.models import Placement, Visit
from tests.factories import VisitFactory
from tests.visits.factories import CalendarFeedFactory
from visits.models import CalendarFeed

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture(autouse=True)
def fresh_attempts():
    """Unknown tokens are counted per client in the cache."""
    cache.clear()
    yield
    cache.clear()


def feed_path(token: str) -> str:
    return reverse("visits:calendar-ics", args=[token])


def fetch(token: str):
    return Client().get(feed_path(token))


def events(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.events}


def created_token(response) -> str:
    match = re.search(r"/bezoeken/agenda/([A-Za-z0-9_-]+)\.ics", response.content.decode())
    assert match, "the new address is shown"
    return match.group(1)


class TestStaffPage:
    def test_making_a_feed_shows_its_address_once(self, school_a, client_for):
        client = client_for(school_a.supervisor)

        made = client.post(reverse("visits:calendar-feed-create"))
        token = created_token(made)
        again = client.get(reverse("visits:calendar-feed"))

        feed = CalendarFeed.objects.get(user=school_a.supervisor)
        assert made.status_code == 200
        assert "maar één keer getoond" in made.content.decode()
        assert feed.token_hash == token_hash(token)
        assert token not in again.content.decode()
        assert "Je agenda-abonnement bestaat sinds" in again.content.decode()
        assert made["Cache-Control"].startswith("max-age=0")

    def test_rotating_stops_the_old_address(self, school_a, client_for):
        client = client_for(school_a.supervisor)
        old = created_token(client.post(reverse("visits:calendar-feed-create")))

        new = created_token(client.post(reverse("visits:calendar-feed-create")))

        assert fetch(old).status_code == 404
        assert fetch(new).status_code == 200
        assert CalendarFeed.objects.filter(user=school_a.supervisor).count() == 2
        assert CalendarFeed.objects.filter(user=school_a.supervisor, revoked_at=None).count() == 1

    def test_revoking_stops_the_address(self, school_a, client_for):
        client = client_for(school_a.supervisor)
        token = created_token(client.post(reverse("visits:calendar-feed-create")))

        response = client.post(reverse("visits:calendar-feed-revoke"))

        assert response.status_code == 302
        assert fetch(token).status_code == 404
        page = client.get(reverse("visits:calendar-feed")).content.decode()
        assert "Je hebt nog geen agenda-abonnement." in page

    def test_the_history_keeps_no_token_hash(self, school_a, client_for):
        client_for(school_a.supervisor).post(reverse("visits:calendar-feed-create"))

        record = CalendarFeed.history.get()
        assert not hasattr(record, "token_hash")
        assert record.history_user == school_a.supervisor


class TestFeed:
    def test_a_valid_token_gives_the_supervisors_visits(self, school_a):
        feed_token = "calendar-feed-test-token-" + "a" * 30
        CalendarFeedFactory(user=school_a.supervisor, token=feed_token)
        timed = VisitFactory(
            placement=school_a.placement,
            date=school_a.placement.start_date + 9 * datetime.timedelta(days=1),
            time=datetime.time(10, 30),
            status=Visit.Status.PLANNED,
        )

        response = fetch(feed_token)

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Cache-Control"] == "private, no-store"
        summary = f"Stagebezoek {school_a.pupil.full_name} – {school_a.host.name}"
        calendar = Calendar.from_ical(response.content)
        by_uid = {str(event["uid"]).split("@")[0]: event for event in calendar.events}
        all_day = by_uid[f"stagebezoek-{school_a.visit.pk}"]
        at_time = by_uid[f"stagebezoek-{timed.pk}"]
        assert str(all_day["summary"]) == summary == str(at_time["summary"])
        assert all_day.start == school_a.visit.date
        assert all_day.end == school_a.visit.date + datetime.timedelta(days=1)
        assert at_time.start == datetime.datetime.combine(timed.date, timed.time, BRUSSELS)
        assert at_time.end - at_time.start == datetime.timedelta(hours=1)
        assert str(at_time.start.tzinfo) == "Europe/Brussels"
        assert str(at_time["location"]) == (
            f"{school_a.workplace.name}, {school_a.workplace.address}"
        )
        assert "TZID:Europe/Brussels" in response.content.decode()

    def test_no_sensitive_data_goes_into_the_calendar(self, school_a):
        feed_token = "calendar-feed-test-token-" + "b" * 30
        CalendarFeedFactory(user=school_a.supervisor, token=feed_token)

        body = fetch(feed_token).content.decode()

        pupil = school_a.pupil
        for secret in (
            pupil.national_number,
            pupil.email,
            pupil.street,
            pupil.phone,
            school_a.visit.findings[:20],
            school_a.visit.follow_up[:20],
        ):
            assert secret not in body

    def test_only_the_supervisors_own_visits_of_running_placements(self, school_a):
        feed_token = "calendar-feed-test-token-" + "c" * 30
        CalendarFeedFactory(user=school_a.supervisor, token=feed_token)
        colleague = VisitFactory(placement=school_a.other_placement)
        cancelled = VisitFactory(
            placement__student__school=school_a.school,
            placement__supervisor=school_a.supervisor,
            placement__status=Placement.Status.CANCELLED,
        )

        body = fetch(feed_token).content.decode()

        assert f"stagebezoek-{school_a.visit.pk}@" in body
        assert f"stagebezoek-{colleague.pk}@" not in body
        assert f"stagebezoek-{cancelled.pk}@" not in body

    def test_another_schools_visits_never_appear(self, school_a, school_b):
        feed_token = "calendar-feed-test-token-" + "d" * 30
        CalendarFeedFactory(user=school_b.supervisor, token=feed_token)

        body = fetch(feed_token).content.decode()

        assert f"stagebezoek-{school_b.visit.pk}@" in body
        assert f"stagebezoek-{school_a.visit.pk}@" not in body
        assert "Alfa" not in body

    @pytest.mark.parametrize("problem", ["unknown", "revoked", "inactive", "moved"])
    def test_an_unusable_token_is_not_found(self, school_a, school_b, problem):
        feed_token = "calendar-feed-test-token-" + "e" * 30
        if problem != "unknown":
            feed = CalendarFeedFactory(user=school_a.supervisor, token=feed_token)
        if problem == "revoked":
            CalendarFeed.objects.filter(pk=feed.pk).update(
                revoked_at=datetime.datetime.now(BRUSSELS)
            )
        if problem == "inactive":
            school_a.supervisor.is_active = False
            school_a.supervisor.save()
        if problem == "moved":
            school_a.supervisor.school = school_b.school
            school_a.supervisor.save()

        assert fetch(feed_token).status_code == 404

    def test_a_fetch_is_noted_on_the_feed(self, school_a):
        feed_token = "calendar-feed-test-token-" + "f" * 30
        feed = CalendarFeedFactory(user=school_a.supervisor, token=feed_token)

        fetch(feed_token)

        feed.refresh_from_db()
        assert feed.last_used_at is not None

    def test_guessing_tokens_is_refused_after_a_while(self, school_a, settings):
        settings.ACCESS_LINK_ATTEMPTS_PER_WINDOW = 3
        feed_token = "calendar-feed-test-token-" + "g" * 30
        CalendarFeedFactory(user=school_a.supervisor, token=feed_token)
        client = Client()

        statuses = [client.get(feed_path(f"guess-{n}")).status_code for n in range(3)]

        assert statuses == [404, 404, 404]
        assert client.get(feed_path(feed_token)).status_code == 429
