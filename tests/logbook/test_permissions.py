"""Who may open which logbook page: the portal's (pupil, mentor, guardian of a minor) and the
staff's, one column per principal (``tests/permissions.py``)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory
from tests.permissions import Row, cells, check_cell, principal_clients

NOBODY = (403,) * 6  # staff have no link: they are asked to open one

# fmt: off
PERMISSIONS = [
    # URL name                  method  staff; mentor other pupil guardian signer revoked expired
    Row("logbook:portal",               "get",  NOBODY, (200, 404, 200, 200, 403, 403, 403)),
    Row("logbook:portal-entry-create",  "get",  NOBODY, (403, 403, 200, 403, 403, 403, 403)),
    Row("logbook:portal-entry-update",  "get",  NOBODY, (403, 403, 200, 403, 403, 403, 403)),
    Row("logbook:portal-comment-create", "post", NOBODY, (302, 404, 403, 403, 403, 403, 403)),
    Row("logbook:portal-comment-update", "get",  NOBODY, (200, 404, 403, 403, 403, 403, 403)),
    # URL name                 method  anon  sup other coord admin outsider (+STAFF_PAGE)
    Row("logbook:placement",      "get",  (302, 200, 404, 200, 200, 404)),
    Row("logbook:comment-create", "post", (302, 302, 404, 302, 302, 404)),
    # Only the author changes a comment: the supervisor wrote this one.
    Row("logbook:comment-update", "get",  (302, 200, 404, 403, 403, 404)),
]
# fmt: on


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


def request_for(row: Row, world) -> tuple[str, dict]:
    placement = {"placement_pk": world.placement.pk}
    match row.name:
        case "logbook:portal" | "logbook:portal-entry-create" | "logbook:placement":
            return reverse(row.name, kwargs=placement), {}
        case "logbook:portal-entry-update":
            entry = LogbookEntryFactory(placement=world.placement)
            return reverse(row.name, kwargs={**placement, "pk": entry.pk}), {}
        case "logbook:portal-comment-create" | "logbook:comment-create":
            entry = LogbookEntryFactory(placement=world.placement)
            data = {"text": "Mooi beschreven."}
            return reverse(row.name, kwargs={**placement, "entry_pk": entry.pk}), data
        case "logbook:portal-comment-update":
            comment = LogbookCommentFactory(entry__placement=world.placement)
            return reverse(row.name, kwargs={**placement, "pk": comment.pk}), {}
        case "logbook:comment-update":
            comment = LogbookCommentFactory(
                entry__placement=world.placement, author_mentor=None, author_user=world.supervisor
            )
            return reverse(row.name, kwargs={**placement, "pk": comment.pk}), {}
    raise AssertionError(f"No request for {row.name}")


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(
    shared_schools, db, clients, row, column, expected
):
    school_a, _school_b = shared_schools
    check_cell(clients, row, column, expected, lambda row: request_for(row, school_a))
