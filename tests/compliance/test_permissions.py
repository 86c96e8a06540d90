"""Who may open which compliance page: one row per URL, one column per role."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from compliance import urls as compliance_urls
from compliance.models import Exemption, ScheduleException
from tests.factories import SuperuserFactory
from tests.internships.test_permissions import ROLES, sign_in

# fmt: off
PERMISSIONS = [
    # URL name            method  anon  sup  other coord admin outsider
    ("try",               "get",  (302, 200, 200, 200, 200, 200)),
    ("placement-schedule", "get", (302, 200, 404, 200, 200, 404)),
    ("exemption-create",  "get",  (302, 200, 404, 200, 200, 404)),
    ("exemption-delete",  "post", (302, 302, 404, 302, 302, 404)),
    ("exemption-document", "get", (302, 200, 404, 200, 200, 404)),
    ("exception-create",  "get",  (302, 200, 404, 200, 200, 404)),
    ("exception-delete",  "post", (302, 302, 404, 302, 302, 404)),
]
# fmt: on


def path_for(name: str, world, exemption: Exemption, exception: ScheduleException) -> str:
    placement = {"placement_pk": world.placement.pk}
    kwargs = {
        "placement-schedule": placement,
        "exemption-create": placement,
        "exemption-delete": {**placement, "pk": exemption.pk},
        "exemption-document": {**placement, "pk": exemption.pk},
        "exception-create": placement,
        "exception-delete": {**placement, "pk": exception.pk},
    }.get(name, {})
    return reverse(f"compliance:{name}", kwargs=kwargs)


@pytest.fixture(scope="module")
def clients(shared_schools, django_db_blocker):
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


def test_the_table_lists_every_url_of_the_app():
    names = {pattern.name for pattern in compliance_urls.urlpatterns}
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
    placement = school_a.placement
    exemption = Exemption.objects.create(
        placement=placement, kind=Exemption.Kind.SUNDAY_WORK, ground="bijlage SO 74"
    )
    exemption.document.save("toelating.pdf", ContentFile(b"%PDF-1.4 toelating"), save=True)
    exception = ScheduleException.objects.create(
        placement=placement, date=placement.start_date, kind=ScheduleException.Kind.DAY_OFF
    )
    path = path_for(name, school_a, exemption, exception)

    response = getattr(clients[role], method)(path)
    if response.streaming:
        b"".join(response.streaming_content)  # a download: reading it all closes the file

    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    if role in ("other_supervisor", "outsider") and method == "post":
        assert Exemption.objects.filter(pk=exemption.pk).exists()
        assert ScheduleException.objects.filter(pk=exception.pk).exists()


def test_a_superuser_without_school_gets_403_on_the_try_page(db, client_for):
    response = client_for(SuperuserFactory()).get(reverse("compliance:try"))
    assert response.status_code == 403
