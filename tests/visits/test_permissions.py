"""Who may open which visits page: one row per URL, one column per principal
(``tests/permissions.py``).

The plan, the route, the travel costs and the calendar page are staff pages: a supervisor sees
their own, a coordinator anyone's of the school, so asking for the supervisor's route or costs
answers 404 to the other supervisor and to school B. The feed itself is public: its token is
the key, so every column gets the calendar.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.permissions import Row, cells, check_cell, principal_clients
from tests.visits.factories import CalendarFeedFactory

FEED_TOKEN = "permission-table-calendar-feed-" + "c" * 20

# fmt: off
PERMISSIONS = [
    # URL name                    method  anon  sup other coord admin outsider (+STAFF_PAGE)
    Row("visits:plan", "get", (302, 200, 200, 200, 200, 200)),
    Row("visits:route", "get", (302, 200, 200, 200, 200, 200), subject="own"),
    Row("visits:route", "get", (302, 200, 404, 200, 200, 404), subject="supervisor"),
    Row("visits:expenses", "get", (302, 200, 200, 200, 200, 200), subject="own"),
    Row("visits:expenses", "get", (302, 200, 404, 200, 200, 404), subject="supervisor"),
    Row("visits:expenses-csv", "get", (302, 200, 404, 200, 200, 404), subject="supervisor"),
    Row("visits:calendar-feed", "get", (302, 200, 200, 200, 200, 200)),
    Row("visits:calendar-feed-create", "post", (302, 200, 200, 200, 200, 200)),
    Row("visits:calendar-feed-revoke", "post", (302, 302, 302, 302, 302, 302)),
    Row("visits:calendar-ics", "get", (200,) * 6, (200,) * 7),
]
# fmt: on


@pytest.fixture(scope="module")
def world(shared_schools, django_db_blocker):
    school_a, _school_b = shared_schools
    with django_db_blocker.unblock():
        CalendarFeedFactory(user=school_a.supervisor, token=FEED_TOKEN)
    return school_a


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row, world) -> tuple[str, dict]:
    supervisor = {"begeleider": world.supervisor.pk}
    match row.name, row.subject:
        case "visits:route", "supervisor":
            return reverse(row.name), {**supervisor, "dag": world.visit.date.isoformat()}
        case (("visits:expenses" | "visits:expenses-csv"), "supervisor"):
            return reverse(row.name), {**supervisor, "maand": f"{world.visit.date:%Y-%m}"}
        case "visits:calendar-ics", _:
            return reverse(row.name, args=[FEED_TOKEN]), {}
    return reverse(row.name), {}


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(db, world, clients, row, column, expected):
    check_cell(clients, row, column, expected, lambda row: request_for(row, world))
