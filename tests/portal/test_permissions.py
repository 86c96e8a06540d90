"""Who may open which portal page: the pages of people without an account, one column per
principal (``tests/permissions.py``)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.permissions import TOKENS, Row, cells, check_cell, principal_clients

NOBODY = (403,) * 6  # staff have no link: they are asked to open one

# fmt: off
PERMISSIONS = [
    # URL name         method  staff columns; mentor other pupil guardian signer revoked expired
    Row("portal:open",  "get",  (302,) * 6, (302,) * 7, isolated=True, nobody_goes_to="/portaal/"),
    Row("portal:home",  "get",  NOBODY, (200, 200, 200, 200, 403, 403, 403)),
    Row("portal:leave", "post", (200,) * 6, (200,) * 7, isolated=True),
    Row("portal:sign",  "get",  NOBODY, (403, 403, 403, 403, 200, 403, 403)),
]
# fmt: on


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row) -> tuple[str, dict]:
    if row.name == "portal:open":
        return reverse("portal:open", args=[TOKENS["mentor"]]), {}
    return reverse(row.name), {}


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(db, clients, row, column, expected):
    check_cell(clients, row, column, expected, request_for)
