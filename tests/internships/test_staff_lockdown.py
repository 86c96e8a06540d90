"""Trust 11.4: the school's user pages do not reach support accounts (``is_staff`` or
``is_superuser``), and a changed e-mail address is told to the old one."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from internships.models import User
from internships.services import staff as services
from tests.factories import SuperuserFactory, staff_update_form_data

pytestmark = pytest.mark.django_db


def support_account(world, *, superuser: bool) -> User:
    """A support account registered at the school, with a role like any other member."""
    if superuser:
        return SuperuserFactory(school=world.school, role=User.Role.COORDINATOR)
    member = world.other_supervisor
    member.is_staff = True
    member.save()
    return member


@pytest.mark.parametrize("superuser", [False, True], ids=["staff", "superuser"])
class TestSupportAccountsAreOutOfReach:
    def test_the_edit_page_answers_404(self, school_a, client_for, superuser):
        member = support_account(school_a, superuser=superuser)

        response = client_for(school_a.school_admin).get(
            reverse("internships:staff-update", args=[member.pk])
        )

        assert response.status_code == 404

    @pytest.mark.parametrize(
        "change", [{"email": "overname@example.com"}, {"is_active": None}], ids=["email", "off"]
    )
    def test_a_post_changes_nothing(self, school_a, client_for, superuser, change):
        member = support_account(school_a, superuser=superuser)
        before = (member.email, member.is_active)

        response = client_for(school_a.school_admin).post(
            reverse("internships:staff-update", args=[member.pk]),
            staff_update_form_data(member=member, **change),
        )

        member.refresh_from_db()
        assert response.status_code == 404
        assert (member.email, member.is_active) == before

    def test_the_service_refuses(self, school_a, superuser):
        member = support_account(school_a, superuser=superuser)

        with pytest.raises(ValidationError):
            services.staff_update(member=member, data={"email": "overname@example.com"})

        member.refresh_from_db()
        assert member.email != "overname@example.com"

    def test_the_delete_service_refuses(self, school_a, superuser):
        member = support_account(school_a, superuser=superuser)

        with pytest.raises(ValidationError):
            services.staff_delete(member=member)

        assert User.objects.filter(pk=member.pk, is_active=True).exists()


def test_another_schools_member_answers_404_too(school_a, school_b, client_for):
    response = client_for(school_a.school_admin).get(
        reverse("internships:staff-update", args=[school_b.supervisor.pk])
    )

    assert response.status_code == 404


def test_an_ordinary_member_is_still_edited(school_a, client_for):
    member = school_a.other_supervisor

    response = client_for(school_a.school_admin).get(
        reverse("internships:staff-update", args=[member.pk])
    )

    assert response.status_code == 200
