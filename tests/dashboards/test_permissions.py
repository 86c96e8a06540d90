"""Who may open the overview pages: one column per principal (``tests/permissions.py``)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.permissions import STAFF_PAGE, Row, cells, check_cell, principal_clients

# fmt: off
PERMISSIONS = [
    # URL name              method  anon  sup other coord admin outsider (+STAFF_PAGE)
    Row("dashboards:home",     "get", (302, 200, 200, 200, 200, 200), STAFF_PAGE),
    Row("dashboards:workload", "get", (302, 403, 403, 200, 200, 200), STAFF_PAGE),
]
# fmt: on


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(db, clients, row, column, expected):
    check_cell(clients, row, column, expected, lambda row: (reverse(row.name), {}))
