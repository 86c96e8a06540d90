"""Who may open which documents URL: one row per URL and subject, one column per role.

The documents belong to school A: one of the placement the supervisor supervises, one of the
school year. The other supervisor supervises nothing; the outsider is the coordinator of
school B. A document outside a user's reach answers 404, like its subject's own page.
"""

import pytest
from django.test import Client
from django.urls import reverse

from documents import urls as documents_urls
from documents.models import Document
from tests.documents.factories import DocumentFactory

ROLES = ["anonymous", "supervisor", "other_supervisor", "coordinator", "school_admin", "outsider"]

# fmt: off
PERMISSIONS = [
    # URL name            subject       method  anon  sup  other coord admin outsider
    ("inspection",        None,         "get",  (302, 403, 403, 200, 200, 200)),
    ("placement-request", "placement",  "post", (302, 302, 404, 302, 302, 404)),
    ("status",            "placement",  "get",  (302, 200, 404, 200, 200, 404)),
    ("download",          "placement",  "get",  (302, 200, 404, 200, 200, 404)),
    ("retry",             "placement",  "post", (302, 302, 404, 302, 302, 404)),
    ("status",            "year",       "get",  (302, 404, 404, 200, 200, 404)),
    ("download",          "year",       "get",  (302, 404, 404, 200, 200, 404)),
    ("retry",             "year",       "post", (302, 404, 404, 302, 302, 404)),
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
        documents = {
            "placement": DocumentFactory(placement=school_a.placement),
            "failed-placement": DocumentFactory(
                placement=school_a.placement, status=Document.Status.FAILED, file="", checksum=""
            ),
            "year": DocumentFactory(**year),
            "failed-year": DocumentFactory(
                **year, status=Document.Status.FAILED, file="", checksum=""
            ),
        }
    return school_a, documents


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    school_a, school_b = shared_schools
    users = {
        "anonymous": None,
        "supervisor": school_a.supervisor,
        "other_supervisor": school_a.other_supervisor,
        "coordinator": school_a.coordinator,
        "school_admin": school_a.school_admin,
        "outsider": school_b.coordinator,
    }
    with django_db_blocker.unblock():
        return {role: sign_in(user) for role, user in users.items()}


def sign_in(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def request_for(name: str, subject: str | None, world) -> tuple[str, dict]:
    school_a, documents = world
    if name == "inspection":
        return reverse("documents:inspection"), {}
    if name == "placement-request":
        path = reverse("documents:placement-request", args=[school_a.placement.pk])
        return path, {"kind": Document.Kind.INDIVIDUAL_DOSSIER}
    document = documents[f"failed-{subject}" if name == "retry" else subject]
    return reverse(f"documents:{name}", args=[document.pk]), {}


def test_the_table_lists_every_url_of_the_app():
    names = {pattern.name for pattern in documents_urls.urlpatterns}
    assert {name for name, _subject, _method, _statuses in PERMISSIONS} == names


@pytest.mark.parametrize(
    ("name", "subject", "method", "statuses"),
    PERMISSIONS,
    ids=[f"{name}-{subject or 'page'}" for name, subject, _method, _statuses in PERMISSIONS],
)
def test_each_role_gets_the_expected_status(db, world, clients, name, subject, method, statuses):
    path, data = request_for(name, subject, world)
    for role, expected in zip(ROLES, statuses, strict=True):
        response = getattr(clients[role], method)(path, data)
        assert response.status_code == expected, f"{role} {method.upper()} {path}"
        if role == "anonymous":
            assert response.url.startswith(reverse("login"))
        if response.streaming:
            # Reading a file response to its end closes it (as a WSGI server would).
            b"".join(response.streaming_content)
