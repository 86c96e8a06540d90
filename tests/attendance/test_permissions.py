"""Who may open which attendance page, one column per principal (``tests/permissions.py``)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.attendance.factories import IncidentFactory
from tests.permissions import Row, cells, check_cell, principal_clients

STAFF = (302, 200, 404, 200, 200, 404)  # anonymous, supervisor, other supervisor, coordinator ...
NOBODY = (403,) * 6  # staff have no link: they are asked to open one
MENTOR_ONLY = (200, 404, 403, 403, 403, 403, 403)  # mentor, other mentor, pupil, guardian ...

# fmt: off
PERMISSIONS = [
    Row("attendance:placement-weeks", "get", STAFF),
    Row("attendance:week-correct", "get", STAFF),
    Row("attendance:incident-create", "get", STAFF),
    Row("attendance:incident-follow-up", "get", STAFF),
    Row("attendance:portal-weeks", "get", NOBODY, MENTOR_ONLY),
    # The personas' placement is still being prepared: the mentor is told so, and sent back.
    Row("attendance:portal-week-confirm", "post", NOBODY, (302, *MENTOR_ONLY[1:])),
    Row("attendance:portal-week-correct", "get", NOBODY, MENTOR_ONLY),
    Row("attendance:portal-incident-report", "get", NOBODY, MENTOR_ONLY),
]
# fmt: on


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row, world) -> tuple[str, dict]:
    placement = world.placement
    year, week, _weekday = placement.start_date.isocalendar()
    match row.name:
        case (
            "attendance:week-correct"
            | "attendance:portal-week-confirm"
            | ("attendance:portal-week-correct")
        ):
            return reverse(row.name, args=[placement.pk, year, week]), {}
        case "attendance:incident-follow-up":
            incident = IncidentFactory(placement=placement)
            return reverse(row.name, args=[placement.pk, incident.pk]), {}
    return reverse(row.name, args=[placement.pk]), {}


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(
    shared_schools, db, clients, row, column, expected
):
    school_a, _school_b = shared_schools
    check_cell(clients, row, column, expected, lambda row: request_for(row, school_a))
