"""Who may open which documents URL: one row per URL and subject, one column per principal.

The documents belong to school A: one of the placement the supervisor supervises, one of the
school year, one of the supervisor's travel expenses of a month. The other supervisor
supervises nothing; the outsider is the coordinator of school B. A document outside a user's
reach answers 404, like its subject's own page.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from documents.models import Document
from tests.documents.factories import DocumentFactory
from tests.permissions import Row, cells, check_cell, principal_clients

MONTH = datetime.date(2026, 10, 1)

# fmt: off
PERMISSIONS = [
    # URL name                  method  anon  sup other coord admin outsider (+STAFF_PAGE)
    Row("documents:inspection", "get", (302, 403, 403, 200, 200, 200)),
    Row("documents:placement-request", "post", (302, 302, 404, 302, 302, 404), subject="placement"),
    Row("documents:status", "get", (302, 200, 404, 200, 200, 404), subject="placement"),
    Row("documents:download", "get", (302, 200, 404, 200, 200, 404), subject="placement"),
    Row("documents:retry", "post", (302, 302, 404, 302, 302, 404), subject="placement"),
    Row("documents:status", "get", (302, 404, 404, 200, 200, 404), subject="year"),
    Row("documents:download", "get", (302, 404, 404, 200, 200, 404), subject="year"),
    Row("documents:retry", "post", (302, 404, 404, 302, 302, 404), subject="year"),
    # A supervisor's travel expenses (7.2): the supervisor's own and the coordinators'
    Row("documents:travel-expenses-request", "post", (302, 302, 404, 302, 302, 404)),
    Row("documents:status", "get", (302, 200, 404, 200, 200, 404), subject="travel"),
    Row("documents:download", "get", (302, 200, 404, 200, 200, 404), subject="travel"),
    Row("documents:retry", "post", (302, 302, 404, 302, 302, 404), subject="travel"),
]
# fmt: on


@pytest.fixture(scope="module")
def world(shared_schools, django_db_blocker):
    """School A's worlds plus a ready and a failed document for each kind of subject."""
    school_a, _school_b = shared_schools
    with django_db_blocker.unblock():
        year = {
            "kind": Document.Kind.INSPECTION_EXPORT,
            "placement": None,
            "school": school_a.school,
            "school_year": school_a.school_year,
        }
        travel = {
            "kind": Document.Kind.TRAVEL_EXPENSES,
            "placement": None,
            "school": school_a.school,
            "supervisor": school_a.supervisor,
            "month": MONTH,
            "subject_key": Document.subject_key_for(
                kind=Document.Kind.TRAVEL_EXPENSES, supervisor=school_a.supervisor, month=MONTH
            ),
        }
        documents = {
            "placement": DocumentFactory(placement=school_a.placement),
            "failed-placement": DocumentFactory(
                placement=school_a.placement, status=Document.Status.FAILED, file="", checksum=""
            ),
            "year": DocumentFactory(**year),
            "failed-year": DocumentFactory(
                **year, status=Document.Status.FAILED, file="", checksum=""
            ),
            "travel": DocumentFactory(**travel),
            "failed-travel": DocumentFactory(
                **travel, status=Document.Status.FAILED, file="", checksum=""
            ),
        }
    return school_a, documents


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row, world) -> tuple[str, dict]:
    school_a, documents = world
    name, subject = row.name.removeprefix("documents:"), row.subject
    if name == "inspection":
        return reverse("documents:inspection"), {}
    if name == "placement-request":
        path = reverse("documents:placement-request", args=[school_a.placement.pk])
        return path, {"kind": Document.Kind.INDIVIDUAL_DOSSIER}
    if name == "travel-expenses-request":
        data = {"supervisor": school_a.supervisor.pk, "month": f"{MONTH:%Y-%m}"}
        return reverse("documents:travel-expenses-request"), data
    document = documents[f"failed-{subject}" if name == "retry" else subject]
    return reverse(f"documents:{name}", args=[document.pk]), {}


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(db, world, clients, row, column, expected):
    check_cell(clients, row, column, expected, lambda row: request_for(row, world))
