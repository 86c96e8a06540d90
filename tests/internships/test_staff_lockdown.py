"""Trust 11.4: the school's user pages do not reach support accounts (``is_staff`` or
``is_superuser``), and a changed e-mail address is told to the old one."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from internships.models import User
from internships.services import staff as services
from tests.factories import SuperuserFactory, staff_update_form_data
from tests.internships.test_admin_lockdown import change_form_data, user_managing_staff

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

    def test_the_user_list_leaves_it_out(self, school_a, client_for, superuser):
        member = support_account(school_a, superuser=superuser)

        response = client_for(school_a.school_admin).get(reverse("internships:staff-list"))

        assert member not in response.context["members"]
        assert (
            reverse("internships:staff-update", args=[member.pk]) not in response.content.decode()
        )

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


class TestEmailChangeNotice:
    def test_the_old_address_is_told(
        self, school_a, client_for, django_capture_on_commit_callbacks
    ):
        member = school_a.other_supervisor
        old = member.email

        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(school_a.school_admin).post(
                reverse("internships:staff-update", args=[member.pk]),
                staff_update_form_data(member=member, email="nieuw@school.example"),
            )

        assert response.status_code == 302
        [email] = mail.outbox
        assert email.to == [old]
        assert "gewijzigd" in email.subject
        assert school_a.school.name in email.subject
        assert "Was jij dit niet" in email.body
        assert "nieuw@school.example" not in email.body, "the old address learns no new one"

    def test_nothing_leaves_before_the_commit(self, school_a):
        services.staff_update(
            member=school_a.other_supervisor, data={"email": "nieuw@school.example"}
        )

        assert mail.outbox == []

    def test_no_notice_when_the_address_stays(self, school_a, django_capture_on_commit_callbacks):
        member = school_a.other_supervisor

        with django_capture_on_commit_callbacks(execute=True):
            services.staff_update(member=member, data={"email": member.email, "phone": "09"})

        assert mail.outbox == []

    def test_the_admin_tells_the_old_address_too(
        self, shared_schools, client_for, django_capture_on_commit_callbacks
    ):
        _school_a, school_b = shared_schools
        support = user_managing_staff(school_b)
        member = school_b.supervisor
        old = member.email

        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(support).post(
                reverse("admin:internships_user_change", args=[member.pk]),
                change_form_data(member, email="nieuw@school.example"),
            )

        assert response.status_code == 302
        assert User.objects.get(pk=member.pk).email == "nieuw@school.example"
        assert [email.to for email in mail.outbox] == [[old]]
