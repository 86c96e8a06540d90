"""Who may open which portal page: the pages of people without an account, one column per
principal (``tests/permissions.py``)."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from tests.factories import ActivityFactory, ActivityListFactory, RiskAssessmentFactory
from tests.permissions import TOKENS, Row, cells, check_cell, principal_clients

# A 1×1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f650000000049454e44ae426082"
)

NOBODY = (403,) * 6  # staff have no link: they are asked to open one

# fmt: off
PERMISSIONS = [
    # URL name         method  staff columns; mentor other pupil guardian signer revoked expired
    Row("portal:open",  "get",  (302,) * 6, (302,) * 7, isolated=True, nobody_goes_to="/portaal/"),
    Row("portal:home",  "get",  NOBODY, (200, 200, 200, 200, 403, 403, 403)),
    Row("portal:leave", "post", (200,) * 6, (200,) * 7, isolated=True),
    Row("portal:sign",  "get",  NOBODY, (403, 403, 403, 403, 200, 403, 403)),
    Row("portal:placement", "get", NOBODY, (200, 404, 200, 200, 403, 403, 403)),
    Row("portal:activity-list-confirm", "post", NOBODY, (302, 404, 403, 403, 403, 403, 403)),
    Row("portal:activity-done", "post", NOBODY, (302, 404, 403, 403, 403, 403, 403)),
    Row("portal:absence-report", "get", NOBODY, (200, 404, 403, 403, 403, 403, 403)),
    Row("portal:risk-document", "get", NOBODY, (200, 404, 200, 200, 403, 403, 403)),
    Row("portal:school-logo", "get", NOBODY, (200, 200, 200, 200, 403, 403, 403)),
]
# fmt: on


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row, world) -> tuple[str, dict]:
    placement = {"placement_pk": world.placement.pk}
    match row.name:
        case "portal:open":
            return reverse("portal:open", args=[TOKENS["mentor"]]), {}
        case "portal:placement" | "portal:absence-report":
            return reverse(row.name, kwargs=placement), {}
        case "portal:activity-list-confirm":
            ActivityListFactory(placement=world.placement)
            return reverse(row.name, kwargs=placement), {}
        case "portal:activity-done":
            activity = ActivityFactory(activity_list=ActivityListFactory(placement=world.placement))
            data = {"done": "on", "done_on": world.placement.start_date.isoformat()}
            return reverse(row.name, kwargs={**placement, "pk": activity.pk}), data
        case "portal:risk-document":
            risk = RiskAssessmentFactory(workplace=world.workplace)
            return reverse(row.name, kwargs={"kind": "risk", "pk": risk.pk}), {}
        case "portal:school-logo":
            world.school.logo.save("logo.png", ContentFile(PNG), save=True)
            return reverse(row.name), {}
    return reverse(row.name), {}


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(
    shared_schools, db, clients, row, column, expected
):
    school_a, _school_b = shared_schools
    check_cell(clients, row, column, expected, lambda row: request_for(row, school_a))
