"""What the locust users need to know of the seeded data, written to a JSON file.

Runs inside Django (``benchmarks/load.py`` sets it up on the load-test database). Staff are
already signed in, with the demo logins of school A: the fixture holds sessions made as Django's
``login()`` makes them, so the run measures people at work and not fifty logins at once (a login
hashes the password, PBKDF2 at about 0.3 s of CPU by design; the login page is measured on its
own). Mentors and pupils get a fresh portal link each, made by the same service support staff use
(``manage.py portal_link``), so the load test opens links the way a mentor does.
"""

import json
import random
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from core.tenancy import school_scope
from internships.models import Mentor, Placement, Student, User
from internships.services.access_links import access_link_issue
from internships.services.portal_links import portal_link_create

COORDINATOR = "coordinator"
SUPERVISOR = "supervisor"
STAFF_BACKEND = "core.auth.StaffBackend"
# Enough distinct pages that caches of a single row do not flatter the figures.
SAMPLE = 200


def _sample(ids: list[int], size: int) -> list[int]:
    return sorted(random.sample(ids, min(size, len(ids))))


def _placements_by(field: str, ids: list[int]) -> dict[int, list[int]]:
    """Active placements per mentor or pupil id (``field`` is ``mentor_id`` or ``student_id``)."""
    rows = Placement.objects.active().filter(**{f"{field}__in": ids}).values_list(field, "pk")
    found: dict[int, list[int]] = {}
    for person_id, placement_id in rows:
        found.setdefault(person_id, []).append(placement_id)
    return found


def _links(holder: str, people: list, placements: dict[int, list[int]]) -> list[dict]:
    """A fresh token per person, with the placements their portal shows."""
    links = []
    for person in people:
        link = portal_link_create(created_by=None, **{holder: person})
        links.append({"token": access_link_issue(link=link), "placements": placements[person.pk]})
    return links


def _sessions(user: User, count: int) -> list[str]:
    """``count`` sessions of ``user`` holding what ``django.contrib.auth.login`` stores."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for _ in range(count):
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = STAFF_BACKEND
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def fixture_write(path: Path, *, holders: int) -> dict:
    """Writes the fixture for ``holders`` mentors and as many pupils to ``path`` and returns it.

    Raises ``RuntimeError`` when the seeded data lacks a login or placements a scenario needs.
    """
    coordinator = User.objects.filter(username=COORDINATOR).first()
    supervisor = User.objects.filter(username=SUPERVISOR).first()
    if coordinator is None or supervisor is None or coordinator.school_id is None:
        raise RuntimeError("The demo logins coordinator and supervisor are missing.")
    with school_scope(coordinator.school_id):
        active = Placement.objects.active()
        placement_ids = list(active.values_list("pk", flat=True))
        supervised = list(active.filter(supervisor=supervisor).values_list("pk", flat=True))
        pupil_ids = list(Student.objects.values_list("pk", flat=True))
        mentor_ids = list(active.exclude(mentor=None).values_list("mentor_id", flat=True))
        intern_ids = list(active.values_list("student_id", flat=True))
        mentors = list(Mentor.objects.filter(pk__in=_sample(sorted(set(mentor_ids)), holders)))
        pupils = list(Student.objects.filter(pk__in=_sample(sorted(set(intern_ids)), holders)))
        if not (placement_ids and supervised and pupil_ids and mentors and pupils):
            raise RuntimeError("The seeded school A has no placements for every scenario.")
        fixture = {
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "coordinator": {
                "username": COORDINATOR,
                "sessions": _sessions(coordinator, holders),
                "placements": _sample(placement_ids, SAMPLE),
                "pupils": _sample(pupil_ids, SAMPLE),
            },
            "supervisor": {
                "username": SUPERVISOR,
                "sessions": _sessions(supervisor, holders),
                "placements": _sample(supervised, SAMPLE),
            },
            "mentors": _links(
                "mentor", mentors, _placements_by("mentor_id", [m.pk for m in mentors])
            ),
            "pupils": _links(
                "student", pupils, _placements_by("student_id", [p.pk for p in pupils])
            ),
        }
    path.write_text(json.dumps(fixture, indent=1), encoding="utf-8")
    return fixture
