"""Who may open which survey page: one column per principal (``tests/permissions.py``)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from internships.models import Placement
from surveys.models import Survey
from tests.permissions import STAFF_PAGE, Row, cells, check_cell, principal_clients

NOBODY = (403,) * 6

# fmt: off
PERMISSIONS = [
    # URL name          method  anon  sup other coord admin outsider (+ link columns)
    Row("surveys:list",   "get", (302, 403, 403, 200, 200, 200), STAFF_PAGE),
    Row("surveys:open",   "get", (302, 403, 403, 200, 200, 200), STAFF_PAGE),
    Row("surveys:detail", "get", (302, 403, 403, 200, 200, 404), STAFF_PAGE),
    # mentor other pupil guardian signer revoked expired
    Row("surveys:answer", "get", NOBODY, (200, 404, 200, 403, 403, 403, 403)),
]
# fmt: on


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row, world) -> tuple[str, dict]:
    Placement.objects.filter(pk=world.placement.pk).update(status=Placement.Status.STARTED)
    survey = Survey.objects.create(
        school=world.school,
        school_year=world.school_year,
        title="Bevraging",
        closes_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    if row.name == "surveys:detail":
        return reverse(row.name, args=[survey.pk]), {}
    if row.name == "surveys:answer":
        return reverse(row.name, args=[survey.pk, world.placement.pk]), {}
    return reverse(row.name), {}


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(
    shared_schools, db, clients, row, column, expected
):
    school_a, _school_b = shared_schools
    check_cell(clients, row, column, expected, lambda row: request_for(row, school_a))
