"""The shared permission-table runner: every URL of every URLconf, one column per principal.

Each app's ``test_permissions.py`` lists its URLs as :class:`Row`s with the status each
principal must get, and says how to build a URL's path and data for school A's objects; the
runner signs a client in for every column and checks each cell. ``tests/test_permission_tables``
checks that the tables together list every named URL of the project.

The objects in the URLs belong to school A. The supervisor supervises the placement in the
URL; the other supervisor supervises nothing; the outsider is the coordinator of school B. The
mentor guides school A's placements; the other mentor, of the same host, guides none. The pupil
and the guardian are the placement's pupil and parent; the signer holds a link to sign, for the
host, the agreement of another placement of school A. The revoked and expired links were
opened, then revoked or expired: their sessions are nobody's.
"""

import datetime
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from internships.models import AccessLink, Party
from tests.factories import (
    MentorFactory,
    PlacementFactory,
    SignatureRequestFactory,
    ready_version,
)
from tests.factories.principals import guardian_link, link_client, mentor_link, pupil_link

STAFF_COLUMNS = (
    "anonymous",
    "supervisor",
    "other_supervisor",
    "coordinator",
    "school_admin",
    "outsider",
)
LINK_COLUMNS = ("mentor", "other_mentor", "pupil", "guardian", "signer", "revoked", "expired")
COLUMNS = STAFF_COLUMNS + LINK_COLUMNS

# A staff page for the link columns: a usable link has no account (403); a revoked or expired
# link leaves nobody, who is sent to the login page.
STAFF_PAGE = (403, 403, 403, 403, 403, 302, 302)

# Namespaces whose pages are Django's own: the admin, the login pages, the language switch.
NOT_OURS = {"admin", None}

TOKENS = {
    "mentor": "permission-table-mentor-" + "m" * 24,
    "other_mentor": "permission-table-other-mentor-" + "o" * 18,
    "pupil": "permission-table-pupil-" + "p" * 24,
    "guardian": "permission-table-guardian-" + "g" * 22,
    "signer": "permission-table-signer-" + "s" * 24,
    "revoked": "permission-table-revoked-" + "r" * 23,
    "expired": "permission-table-expired-" + "e" * 23,
}


@dataclass(frozen=True)
class Row:
    """One URL (``namespace:name``) with the status of each column, staff then links."""

    name: str
    method: str
    staff: tuple[int, ...]
    links: tuple[int, ...] = STAFF_PAGE
    subject: str = ""
    # The request changes the session itself (opening or leaving a link): run it on a copy.
    isolated: bool = False
    # Where a 302 for nobody leads: the login page, unless the page sends everyone elsewhere.
    nobody_goes_to: str = "/accounts/login/?next="

    @property
    def statuses(self) -> dict[str, int]:
        return dict(zip(COLUMNS, self.staff + self.links, strict=True))

    @property
    def label(self) -> str:
        return f"{self.name}-{self.subject}" if self.subject else self.name


def cells(rows: list[Row]) -> list:
    """One parametrised case per row and column."""
    return [
        pytest.param(row, column, expected, id=f"{row.label}-{column}")
        for row in rows
        for column, expected in row.statuses.items()
    ]


def sign_in(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def principal_clients(shared_schools) -> dict[str, Client]:
    """One client per column; call with the database unblocked (a module-scoped fixture)."""
    school_a, school_b = shared_schools
    users = {
        "anonymous": None,
        "supervisor": school_a.supervisor,
        "other_supervisor": school_a.other_supervisor,
        "coordinator": school_a.coordinator,
        "school_admin": school_a.school_admin,
        "outsider": school_b.coordinator,
    }
    clients = {column: sign_in(user) for column, user in users.items()}
    other_mentor = MentorFactory(host=school_a.host)
    # The signer's document is a placement of its own, so the tables' rows about school A's
    # placement find it as they expect (without an agreement).
    signed_placement = PlacementFactory(
        student__school=school_a.school, host=school_a.host, workplace=school_a.workplace
    )
    signing = SignatureRequestFactory(
        version=ready_version(signed_placement), party=Party.HOST, token=TOKENS["signer"]
    )
    links = {
        "mentor": mentor_link(school_a.mentor, token=TOKENS["mentor"]),
        "other_mentor": mentor_link(other_mentor, token=TOKENS["other_mentor"]),
        "pupil": pupil_link(school_a.pupil, token=TOKENS["pupil"]),
        "guardian": guardian_link(school_a.guardian, token=TOKENS["guardian"]),
        "signer": signing.link,
        "revoked": mentor_link(school_a.mentor, token=TOKENS["revoked"]),
        "expired": pupil_link(school_a.pupil, token=TOKENS["expired"]),
    }
    clients.update({column: link_client(TOKENS[column]) for column in links})
    AccessLink.objects.filter(pk=links["revoked"].pk).update(revoked_at=timezone.now())
    AccessLink.objects.filter(pk=links["expired"].pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    return clients


def check_cell(
    clients: dict[str, Client],
    row: Row,
    column: str,
    expected: int,
    request_for: Callable[[Row], tuple[str, dict]],
) -> None:
    path, data = request_for(row)
    client = clients[column]
    if row.isolated:
        client, shared = Client(), client
        client.cookies = copy(shared.cookies)
    response = getattr(client, row.method)(path, data)
    if response.streaming:
        b"".join(response.streaming_content)  # a download: reading it all closes the file
    assert response.status_code == expected, f"{column} {row.method.upper()} {path}"
    if expected == 302 and column in ("anonymous", "revoked", "expired"):
        assert response["Location"].startswith(row.nobody_goes_to)


def named_urls() -> set[str]:
    """``namespace:name`` of every named URL of the project's own URLconfs."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace not in NOT_OURS:
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return names
