"""Who may open which evaluations page, one column per principal (``tests/permissions.py``).

Coordinators manage the criteria, supervisors read them; the placement's supervisor (or a
coordinator) opens and finalises its evaluations; the mentor advises through their link; the
pupil and the guardian of a minor read a finalised evaluation, never an unfinished one.
"""

import pytest
from django.test import Client
from django.urls import reverse

from evaluations.models import Moment
from tests.evaluations.factories import CriterionFactory, advised, criteria_of, finalised, opened
from tests.permissions import Row, cells, check_cell, principal_clients

NOBODY = (403,) * 6  # staff have no link: they are asked to open one
#         mentor other pupil guardian signer revoked expired
ADVISER = (200, 404, 403, 403, 403, 403, 403)
READERS = (403, 403, 200, 200, 403, 403, 403)
NOT_YET = (403, 403, 404, 404, 403, 403, 403)

# fmt: off
PERMISSIONS = [
    # staff columns: anonymous supervisor other_supervisor coordinator school_admin outsider
    Row("evaluations:programme-list", "get", (302, 200, 200, 200, 200, 200)),
    Row("evaluations:criterion-list", "get", (302, 200, 200, 200, 200, 404)),
    Row("evaluations:criterion-create", "get", (302, 403, 403, 200, 200, 404)),
    Row("evaluations:criterion-create", "post", (302, 403, 403, 302, 302, 404), subject="post"),
    Row("evaluations:criterion-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("evaluations:criterion-retire", "post", (302, 403, 403, 302, 302, 404)),
    Row("evaluations:criterion-restore", "post", (302, 403, 403, 302, 302, 404)),
    Row("evaluations:criterion-move", "post", (302, 403, 403, 302, 302, 404)),
    Row("evaluations:evaluation-open", "post", (302, 302, 404, 302, 302, 404)),
    Row("evaluations:evaluation-detail", "get", (302, 200, 404, 200, 200, 404)),
    Row("evaluations:evaluation-detail", "post", (302, 302, 404, 302, 302, 404), subject="post"),
    Row("evaluations:advise", "get", NOBODY, ADVISER),
    Row("evaluations:advise", "post", NOBODY, (302, 404, 403, 403, 403, 403, 403),
        subject="post"),
    Row("evaluations:result", "get", NOBODY, READERS),
    Row("evaluations:result", "get", NOBODY, NOT_YET, subject="unfinished"),
]
# fmt: on


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row, world) -> tuple[str, dict]:
    placement = world.placement
    programme = world.school_class.programme
    match row.name:
        case "evaluations:criterion-list" | "evaluations:criterion-create":
            data = {
                "curriculum_goal": "LPD 3.2",
                "description": "Wast een zorgvrager volgens de procedure",
                "moments": "both",
                "scale": "four_levels",
            }
            return reverse(row.name, args=[programme.pk]), data
        case "evaluations:criterion-update" | "evaluations:criterion-retire":
            return reverse(row.name, args=[CriterionFactory(programme=programme).pk]), {}
        case "evaluations:criterion-restore":
            return reverse(row.name, args=[CriterionFactory(programme=programme).pk]), {}
        case "evaluations:criterion-move":
            first, _second = criteria_of(programme, 2)
            return reverse(row.name, args=[first.pk]), {"direction": "down"}
        case "evaluations:evaluation-open":
            criteria_of(programme, 2)
            return reverse(row.name, args=[placement.pk]), {"moment": Moment.INTERIM.value}
        case "evaluations:evaluation-detail":
            evaluation = opened(placement)
            data = {f"level_{score.pk}": "3" for score in evaluation.scores.all()}
            data.update(conclusion="Goed", remediation="", due_on=evaluation.due_on.isoformat())
            return reverse(row.name, args=[evaluation.pk]), data
        case "evaluations:advise":
            evaluation = opened(placement)
            data = {f"level_{score.pk}": "3" for score in evaluation.scores.all()}
            return reverse(row.name, args=[evaluation.pk]), data
        case "evaluations:result" if row.subject == "unfinished":
            return reverse(row.name, args=[advised(opened(placement)).pk]), {}
        case "evaluations:result":
            return reverse(row.name, args=[finalised(advised(opened(placement))).pk]), {}
    return reverse(row.name), {}


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(
    shared_schools, db, clients, row, column, expected
):
    school_a, _school_b = shared_schools
    check_cell(clients, row, column, expected, lambda row: request_for(row, school_a))
