"""Who may open which page: one row per URL of the app, one column per role (pretix style).

The objects in the URLs belong to school A. The supervisor supervises the placement in the URL;
the other supervisor supervises nothing; the outsider is the coordinator of school B.
"""

import pytest
from django.test import Client
from django.urls import reverse

from internships import urls as internships_urls
from internships.models import Guardian, Placement, PlacementPeriod, Visit
from tests.factories import SignatureRequestFactory, SuperuserFactory, ready_version
from tests.internships.document_views import VIEWS as DOCUMENT_VIEWS

SIGNING_TOKEN = "permission-table-token-" + "x" * 20
ROLES = ["anonymous", "supervisor", "other_supervisor", "coordinator", "school_admin", "outsider"]

# fmt: off
PERMISSIONS = [
    # URL name               method   anon  sup  other coord admin outsider
    ("dashboard",            "get",  (302, 200, 200, 200, 200, 200)),
    ("school-year-switch",   "post", (302, 302, 302, 302, 302, 302)),
    ("student-list",         "get",  (302, 200, 200, 200, 200, 200)),
    ("student-create",       "get",  (302, 403, 403, 200, 200, 200)),
    ("student-detail",       "get",  (302, 200, 404, 200, 200, 404)),
    ("student-update",       "get",  (302, 403, 403, 200, 200, 404)),
    ("guardian-create",      "get",  (302, 403, 403, 200, 200, 404)),
    ("guardian-update",      "get",  (302, 403, 403, 200, 200, 404)),
    ("guardian-delete",      "post", (302, 403, 403, 302, 302, 404)),
    ("host-list",            "get",  (302, 200, 200, 200, 200, 200)),
    ("host-create",          "get",  (302, 403, 403, 200, 200, 200)),
    ("host-detail",          "get",  (302, 200, 200, 200, 200, 404)),
    ("host-update",          "get",  (302, 403, 403, 200, 200, 404)),
    ("workplace-create",     "get",  (302, 403, 403, 200, 200, 404)),
    ("workplace-update",     "get",  (302, 403, 403, 200, 200, 404)),
    ("mentor-create",        "get",  (302, 403, 403, 200, 200, 404)),
    ("mentor-update",        "get",  (302, 403, 403, 200, 200, 404)),
    ("placement-list",       "get",  (302, 200, 200, 200, 200, 200)),
    ("placement-create",     "get",  (302, 403, 403, 200, 200, 200)),
    ("placement-detail",     "get",  (302, 200, 404, 200, 200, 404)),
    ("placement-update",     "get",  (302, 200, 404, 200, 200, 404)),
    ("placement-transition", "post", (302, 302, 404, 302, 302, 404)),
    ("period-create",        "get",  (302, 200, 404, 200, 200, 404)),
    ("period-update",        "get",  (302, 200, 404, 200, 200, 404)),
    ("period-delete",        "post", (302, 302, 404, 302, 302, 404)),
    ("absence-create",       "get",  (302, 200, 404, 200, 200, 404)),
    ("makeup-create",        "get",  (302, 200, 404, 200, 200, 404)),
    ("visit-create",         "get",  (302, 200, 404, 200, 200, 404)),
    ("visit-update",         "get",  (302, 200, 404, 200, 200, 404)),
    ("visit-delete",         "post", (302, 302, 404, 302, 302, 404)),
    ("host-options",         "get",  (302, 200, 200, 200, 200, 404)),
    ("staff-list",           "get",  (302, 403, 403, 403, 200, 403)),
    ("staff-create",         "get",  (302, 403, 403, 403, 200, 403)),
    ("staff-update",         "get",  (302, 403, 403, 403, 200, 403)),
    # Agreements, their versions and signatures (tests/internships/document_views.py)
    ("agreement-create",     "get",  (302, 200, 404, 200, 200, 404)),
    ("agreement-update",     "get",  (302, 200, 404, 200, 200, 404)),
    ("agreement-amend",      "get",  (302, 200, 404, 200, 200, 404)),
    ("agreement-end",        "get",  (302, 200, 404, 200, 200, 404)),
    ("agreement-terminate",  "get",  (302, 200, 404, 200, 200, 404)),
    ("version-detail",       "get",  (302, 200, 404, 200, 200, 404)),
    ("version-ready",        "post", (302, 302, 404, 302, 302, 404)),
    ("version-withdraw",     "post", (302, 302, 404, 302, 302, 404)),
    ("signature-request-create", "get", (302, 200, 404, 200, 200, 404)),
    ("signature-paper",      "get",  (302, 200, 404, 200, 200, 404)),
    ("signature-request-revoke", "post", (302, 302, 404, 302, 302, 404)),
    ("signature-scan",       "get",  (302, 200, 404, 200, 200, 404)),
    # The public signing page: the token is the key, whoever holds it
    ("sign",                 "get",  (200, 200, 200, 200, 200, 200)),
    ("group-agreement-create", "get", (302, 403, 403, 200, 200, 404)),
    ("group-agreement-detail", "get", (302, 403, 403, 200, 200, 404)),
    ("group-agreement-ready", "post", (302, 403, 403, 302, 302, 404)),
    ("group-signature-request-create", "get", (302, 403, 403, 200, 200, 404)),
    ("group-signature-paper", "get", (302, 403, 403, 200, 200, 404)),
    # Activity lists
    ("programme-list",       "get",  (302, 403, 403, 200, 200, 200)),
    ("programme-detail",     "get",  (302, 403, 403, 200, 200, 404)),
    ("programme-activity-create", "get", (302, 403, 403, 200, 200, 404)),
    ("programme-activity-update", "get", (302, 403, 403, 200, 200, 404)),
    ("programme-activity-delete", "post", (302, 403, 403, 302, 302, 404)),
    ("activity-list",        "get",  (302, 200, 404, 200, 200, 404)),
    ("activity-list-create", "post", (302, 302, 404, 302, 302, 404)),
    ("activity-list-confirm", "post", (302, 302, 404, 302, 302, 404)),
    ("activity-create",      "get",  (302, 200, 404, 200, 200, 404)),
    ("activity-update",      "get",  (302, 200, 404, 200, 200, 404)),
    ("activity-permission",  "post", (302, 302, 404, 302, 302, 404)),
    ("activity-done",        "post", (302, 302, 404, 302, 302, 404)),
    ("activity-delete",      "post", (302, 302, 404, 302, 302, 404)),
    # Risk documents: the workplace's are the school's; the health assessment is the pupil's
    ("workplace-detail",     "get",  (302, 200, 200, 200, 200, 404)),
    ("risk-assessment-create", "get", (302, 200, 200, 200, 200, 404)),
    ("workstation-sheet-create", "get", (302, 200, 200, 200, 200, 404)),
    ("health-assessment-create", "get", (302, 200, 404, 200, 200, 404)),
    ("risk-assessment-download", "get", (302, 200, 200, 200, 200, 404)),
    ("workstation-sheet-download", "get", (302, 200, 200, 200, 200, 404)),
    ("health-assessment-download", "get", (302, 200, 404, 200, 200, 404)),
]
# fmt: on


def request_for(name: str, world) -> tuple[str, dict]:
    """The path of ``name`` for school A's objects, and the data to send with it."""
    if name in DOCUMENT_VIEWS:
        kwargs, data = DOCUMENT_VIEWS[name](world)
        return reverse(f"internships:{name}", kwargs=kwargs), data
    if name == "sign":
        SignatureRequestFactory(version=ready_version(world.placement), token=SIGNING_TOKEN)
        return reverse("internships:sign", args=[SIGNING_TOKEN]), {}
    student = {"student_pk": world.pupil.pk}
    guardian = {**student, "pk": world.guardian.pk}
    host = {"host_pk": world.host.pk}
    placement = {"placement_pk": world.placement.pk}
    period = {**placement, "pk": world.period.pk}
    visit = {**placement, "pk": world.visit.pk}
    kwargs = {
        "student-detail": {"pk": world.pupil.pk},
        "student-update": {"pk": world.pupil.pk},
        "guardian-create": student,
        "guardian-update": guardian,
        "guardian-delete": guardian,
        "host-detail": {"pk": world.host.pk},
        "host-update": {"pk": world.host.pk},
        "workplace-create": host,
        "workplace-update": {"pk": world.workplace.pk},
        "mentor-create": host,
        "mentor-update": {"pk": world.mentor.pk},
        "placement-detail": {"pk": world.placement.pk},
        "placement-update": {"pk": world.placement.pk},
        "placement-transition": {"pk": world.placement.pk},
        "period-create": placement,
        "period-update": period,
        "period-delete": period,
        "absence-create": placement,
        "makeup-create": placement,
        "visit-create": placement,
        "visit-update": visit,
        "visit-delete": visit,
        "staff-update": {"pk": world.supervisor.pk},
    }.get(name, {})
    data = {
        "school-year-switch": {"school_year": world.school_year.pk},
        "placement-transition": {"status": Placement.Status.STARTED},
        "host-options": {"host": world.host.pk},
    }.get(name, {})
    return reverse(f"internships:{name}", kwargs=kwargs), data


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    """One signed-in client per role, for the whole module (signing in costs a query or two)."""
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


def test_the_table_lists_every_url_of_the_app():
    names = {pattern.name for pattern in internships_urls.urlpatterns}
    assert {name for name, _method, _statuses in PERMISSIONS} == names


@pytest.mark.parametrize(
    ("name", "method", "role", "expected"),
    [
        pytest.param(name, method, role, status, id=f"{name}-{role}")
        for name, method, statuses in PERMISSIONS
        for role, status in zip(ROLES, statuses, strict=True)
    ],
)
def test_role_gets_expected_status(shared_schools, clients, db, name, method, role, expected):
    school_a, _school_b = shared_schools
    path, data = request_for(name, school_a)

    response = getattr(clients[role], method)(path, data)
    if response.streaming:
        b"".join(response.streaming_content)  # a download: reading it all closes the file

    assert response.status_code == expected
    if role == "anonymous" and expected == 302:
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    ("name", "model", "status"),
    [
        ("guardian-delete", Guardian, None),
        ("period-delete", PlacementPeriod, None),
        ("visit-delete", Visit, None),
        ("placement-transition", Placement, Placement.Status.PREPARING),
    ],
)
def test_outsider_post_changes_nothing(shared_schools, db, client_for, name, model, status):
    school_a, school_b = shared_schools
    path, data = request_for(name, school_a)
    count = model.objects.count()

    response = client_for(school_b.coordinator).post(path, data)

    assert response.status_code == 404
    assert model.objects.count() == count
    school_a.placement.refresh_from_db()
    assert school_a.placement.status == Placement.Status.PREPARING


def test_other_supervisor_cannot_delete_a_period_or_move_the_status(shared_schools, db, client_for):
    school_a, _school_b = shared_schools
    client = client_for(school_a.other_supervisor)
    period_path, _data = request_for("period-delete", school_a)
    transition_path, transition_data = request_for("placement-transition", school_a)

    assert client.post(period_path).status_code == 404
    assert client.post(transition_path, transition_data).status_code == 404

    assert PlacementPeriod.objects.filter(pk=school_a.period.pk).exists()
    school_a.placement.refresh_from_db()
    assert school_a.placement.status == Placement.Status.PREPARING


def test_school_year_switch_answers_404_for_an_unknown_year(shared_schools, db, client_for):
    school_a, _school_b = shared_schools
    client = client_for(school_a.coordinator)
    path, _data = request_for("school-year-switch", school_a)

    response = client.post(path, {"school_year": 999_999})

    assert response.status_code == 404
    assert "school_year_id" not in client.session


@pytest.mark.parametrize("name", ["dashboard", "student-list", "placement-detail"])
def test_an_account_without_school_gets_403_in_the_app(shared_schools, db, client_for, name):
    """Support superusers work in the Django admin; the app needs a school to scope to."""
    school_a, _school_b = shared_schools
    path, data = request_for(name, school_a)

    response = client_for(SuperuserFactory()).get(path, data)

    assert response.status_code == 403
