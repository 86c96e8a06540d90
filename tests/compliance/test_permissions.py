"""Who may open which compliance page: one row per URL, one column per principal
(``tests/permissions.py``)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from compliance.models import Exemption, ScheduleException
from tests.factories import SuperuserFactory
from tests.permissions import Row, cells, check_cell, principal_clients

# fmt: off
PERMISSIONS = [
    # URL name                    method  anon  sup other coord admin outsider (+STAFF_PAGE)
    Row("compliance:try", "get", (302, 200, 200, 200, 200, 200)),
    Row("compliance:placement-schedule", "get", (302, 200, 404, 200, 200, 404)),
    Row("compliance:exemption-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("compliance:exemption-delete", "post", (302, 302, 404, 302, 302, 404)),
    Row("compliance:exemption-document", "get", (302, 200, 404, 200, 200, 404)),
    Row("compliance:exception-create", "get", (302, 200, 404, 200, 200, 404)),
    Row("compliance:exception-delete", "post", (302, 302, 404, 302, 302, 404)),
]
# fmt: on


def path_for(name: str, world, exemption: Exemption, exception: ScheduleException) -> str:
    name = name.removeprefix("compliance:")
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
    with django_db_blocker.unblock():
        return principal_clients(shared_schools)


@pytest.mark.parametrize(("row", "column", "expected"), cells(PERMISSIONS))
def test_each_principal_gets_the_expected_status(
    shared_schools, clients, db, row, column, expected
):
    school_a, _school_b = shared_schools
    placement = school_a.placement
    exemption = Exemption.objects.create(
        placement=placement, kind=Exemption.Kind.SUNDAY_WORK, ground="bijlage SO 74"
    )
    exemption.document.save("toelating.pdf", ContentFile(b"%PDF-1.4 toelating"), save=True)
    exception = ScheduleException.objects.create(
        placement=placement, date=placement.start_date, kind=ScheduleException.Kind.DAY_OFF
    )

    check_cell(
        clients,
        row,
        column,
        expected,
        lambda row: (path_for(row.name, school_a, exemption, exception), {}),
    )

    if expected in (403, 404) and row.method == "post":
        assert Exemption.objects.filter(pk=exemption.pk).exists()
        assert ScheduleException.objects.filter(pk=exception.pk).exists()


def test_a_superuser_without_school_gets_403_on_the_try_page(db, client_for):
    response = client_for(SuperuserFactory()).get(reverse("compliance:try"))
    assert response.status_code == 403
