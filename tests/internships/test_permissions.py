"""Who may open which staff page: one row per URL of the app, one column per principal
(pretix style; the columns and their people are described in ``tests/permissions.py``)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import (
    Absence,
    Guardian,
    Placement,
    PlacementPeriod,
    SchoolHoliday,
    Visit,
)
from tests.factories import AbsenceFactory, SchoolHolidayFactory, SuperuserFactory
from tests.internships.document_views import VIEWS as DOCUMENT_VIEWS
from tests.permissions import Row, cells, check_cell, principal_clients

# fmt: off
PERMISSIONS = [
    # URL name                         method  anon  sup other coord admin outsider (+STAFF_PAGE)
    Row("internships:school-year-switch", "post", (302, 302, 302, 302, 302, 302)),
    Row("internships:student-list", "get", (302, 200, 200, 200, 200, 200)),
    Row("internships:student-create", "get", (302, 403, 403, 200, 200, 200)),
    Row("internships:student-detail", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:student-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:guardian-create", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:guardian-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:guardian-delete", "post", (302, 403, 403, 302, 302, 404)),
    Row("internships:host-list", "get", (302, 200, 200, 200, 200, 200)),
    Row("internships:host-create", "get", (302, 403, 403, 200, 200, 200)),
    Row("internships:host-detail", "get", (302, 200, 200, 200, 200, 404)),
    Row("internships:host-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:workplace-create", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:workplace-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:mentor-create", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:mentor-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:placement-list", "get", (302, 200, 200, 200, 200, 200)),
    Row("internships:placement-create", "get", (302, 403, 403, 200, 200, 200)),
    Row("internships:placement-detail", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:placement-update", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:placement-transition", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:period-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:period-update", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:period-delete", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:absence-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:absence-decide", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:makeup-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:visit-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:visit-update", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:visit-delete", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:host-options", "get", (302, 200, 200, 200, 200, 404)),
    # The school calendar: school set-up for whole-school roles, like the programmes
    Row("internships:school-calendar", "get", (302, 403, 403, 200, 200, 200)),
    Row("internships:school-holiday-create", "get", (302, 403, 403, 200, 200, 200)),
    Row("internships:school-holiday-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:school-holiday-delete", "post", (302, 403, 403, 302, 302, 404)),
    Row("internships:staff-list", "get", (302, 403, 403, 403, 200, 403)),
    Row("internships:staff-create", "get", (302, 403, 403, 403, 200, 403)),
    Row("internships:staff-update", "get", (302, 403, 403, 403, 200, 403)),
    # Personal portal links, sent by staff who see the person; the school's outbox
    Row("internships:mentor-portal-link", "post", (302, 302, 302, 302, 302, 404)),
    Row("internships:pupil-portal-link", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:guardian-portal-link", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:outbox", "get", (302, 403, 403, 200, 200, 200)),
    # Agreements, their versions and signatures (tests/internships/document_views.py)
    Row("internships:agreement-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:agreement-update", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:agreement-amend", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:agreement-end", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:agreement-terminate", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:version-detail", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:version-ready", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:version-withdraw", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:signature-request-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:signature-paper", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:signature-request-revoke", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:signature-scan", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:group-agreement-create", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:group-agreement-detail", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:group-agreement-ready", "post", (302, 403, 403, 302, 302, 404)),
    Row("internships:group-signature-request-create", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:group-signature-paper", "get", (302, 403, 403, 200, 200, 404)),
    # Activity lists
    Row("internships:programme-list", "get", (302, 403, 403, 200, 200, 200)),
    Row("internships:programme-detail", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:programme-activity-create", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:programme-activity-update", "get", (302, 403, 403, 200, 200, 404)),
    Row("internships:programme-activity-delete", "post", (302, 403, 403, 302, 302, 404)),
    Row("internships:activity-list", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:activity-list-create", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:activity-list-confirm", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:activity-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:activity-update", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:activity-permission", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:activity-done", "post", (302, 302, 404, 302, 302, 404)),
    Row("internships:activity-delete", "post", (302, 302, 404, 302, 302, 404)),
    # Risk documents: the workplace's are the school's; the health assessment is the pupil's
    Row("internships:workplace-detail", "get", (302, 200, 200, 200, 200, 404)),
    Row("internships:risk-assessment-create", "get", (302, 200, 200, 200, 200, 404)),
    Row("internships:workstation-sheet-create", "get", (302, 200, 200, 200, 200, 404)),
    Row("internships:health-assessment-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("internships:risk-assessment-download", "get", (302, 200, 200, 200, 200, 404)),
    Row("internships:workstation-sheet-download", "get", (302, 200, 200, 200, 200, 404)),
    Row("internships:health-assessment-download", "get", (302, 200, 404, 200, 200, 404)),
]
# fmt: on


def request_for(name: str, world) -> tuple[str, dict]:
    """The path of ``name`` for school A's objects, and the data to send with it."""
    name = name.removeprefix("internships:")
    if name in DOCUMENT_VIEWS:
        kwargs, data = DOCUMENT_VIEWS[name](world)
        return reverse(f"internships:{name}", kwargs=kwargs), data
    student = {"student_pk": world.pupil.pk}
    guardian = {**student, "pk": world.guardian.pk}
    host = {"host_pk": world.host.pk}
    placement = {"placement_pk": world.placement.pk}
    period = {**placement, "pk": world.period.pk}
    visit = {**placement, "pk": world.visit.pk}
    if name == "absence-decide":
        absence = AbsenceFactory(
            placement=world.placement,
            date=world.placement.start_date + datetime.timedelta(days=1),
            justification=Absence.Justification.PENDING,
        )
        kwargs = {**placement, "pk": absence.pk}
        return reverse("internships:absence-decide", kwargs=kwargs), {"justification": "justified"}
    if name in ("school-holiday-update", "school-holiday-delete"):
        # A fresh day per cell: a permitted delete removes it.
        holiday = SchoolHolidayFactory(school=world.school, school_year=world.school_year)
        return reverse(f"internships:{name}", kwargs={"pk": holiday.pk}), {}
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
        "mentor-portal-link": {"pk": world.mentor.pk},
        "pupil-portal-link": {"pk": world.pupil.pk},
        "guardian-portal-link": guardian,
    }.get(name, {})
    data = {
        "school-year-switch": {"school_year": world.school_year.pk},
        "placement-transition": {"status": Placement.Status.STARTED},
        "host-options": {"host": world.host.pk},
    }.get(name, {})
    return reverse(f"internships:{name}", kwargs=kwargs), data


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker) -> dict[str, Client]:
    """One client per column, for the whole module (signing in costs a query or two)."""
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(
    shared_schools, clients, db, row, column, expected
):
    school_a, _school_b = shared_schools
    check_cell(clients, row, column, expected, lambda row: request_for(row.name, school_a))


@pytest.mark.parametrize(
    ("name", "model", "status"),
    [
        ("guardian-delete", Guardian, None),
        ("period-delete", PlacementPeriod, None),
        ("visit-delete", Visit, None),
        ("school-holiday-delete", SchoolHoliday, None),
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


@pytest.mark.parametrize("name", ["student-list", "placement-detail"])
def test_an_account_without_school_gets_403_in_the_app(shared_schools, db, client_for, name):
    """Support superusers work in the Django admin; the app needs a school to scope to."""
    school_a, _school_b = shared_schools
    path, data = request_for(name, school_a)

    response = client_for(SuperuserFactory()).get(path, data)

    assert response.status_code == 403
