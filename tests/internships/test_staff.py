"""The school's user accounts: ``services/staff.py``, ``views/staff.py``, ``forms/staff.py``."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from internships.models import User
from internships.services import staff as services
from tests.factories import (
    SchoolAdminFactory,
    SchoolFactory,
    staff_create_form_data,
    staff_update_form_data,
)

pytestmark = pytest.mark.django_db

LAST_ADMIN_MESSAGE = "De school moet minstens één actieve schoolbeheerder houden."


class TestStaffCreate:
    def test_school_admin_creates_an_account_and_an_invitation_goes_out(
        self, school_a, client_for, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(school_a.school_admin).post(
                reverse("internships:staff-create"), staff_create_form_data()
            )

        assert response.status_code == 302
        assert response["Location"] == reverse("internships:staff-list")
        user = User.objects.get(username="an.peeters")
        assert (user.school, user.role) == (school_a.school, User.Role.SUPERVISOR)
        assert not user.has_usable_password()

        [email] = mail.outbox
        assert email.to == ["an.peeters@school.example"]
        assert school_a.school.name in email.subject
        link = re.search(r"http://testserver/accounts/reset/([^/]+)/([^/]+)/", email.body)
        assert link is not None, email.body
        uid, token = link.groups()
        assert force_str(urlsafe_base64_decode(uid)) == str(user.pk)
        assert default_token_generator.check_token(user, token)

    def test_the_invitation_link_opens_the_password_form(
        self, school_a, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.staff_create(
                school=school_a.school,
                username="jan",
                first_name="Jan",
                last_name="Maes",
                email="jan@school.example",
                role=User.Role.COORDINATOR,
                domain="stage.example",
            )
        path = re.search(r"https://stage\.example(/accounts/reset/\S+)", mail.outbox[0].body)

        response = client.get(path.group(1), follow=True)

        assert response.status_code == 200
        assert "new_password1" in response.context["form"].fields

    def test_no_invitation_leaves_before_the_transaction_commits(self, school_a):
        services.staff_create(
            school=school_a.school,
            username="jan",
            first_name="Jan",
            last_name="Maes",
            email="jan@school.example",
            role=User.Role.SUPERVISOR,
        )

        assert mail.outbox == []

    def test_a_username_in_use_is_refused_whatever_its_case(self, school_a, client_for):
        data = staff_create_form_data(username=school_a.coordinator.username.upper())

        response = client_for(school_a.school_admin).post(reverse("internships:staff-create"), data)

        assert response.status_code == 200
        assert response.context["form"].errors["username"] == [
            "Deze gebruikersnaam is al in gebruik."
        ]

    @pytest.mark.parametrize("field", ["email", "role", "first_name", "last_name"])
    def test_required_fields(self, school_a, client_for, field):
        response = client_for(school_a.school_admin).post(
            reverse("internships:staff-create"), staff_create_form_data(**{field: ""})
        )

        assert response.context["form"].errors[field] == ["Dit veld is verplicht."]
        assert not User.objects.filter(username="an.peeters").exists()


class TestStaffUpdate:
    def test_school_admin_changes_a_role(self, school_a, client_for):
        member = school_a.supervisor
        data = staff_update_form_data(member=member, role=User.Role.COORDINATOR)

        response = client_for(school_a.school_admin).post(
            reverse("internships:staff-update", args=[member.pk]), data
        )

        member.refresh_from_db()
        assert response.status_code == 302
        assert member.role == User.Role.COORDINATOR

    @pytest.mark.parametrize(
        "change",
        [{"role": User.Role.COORDINATOR}, {"is_active": None}],
        ids=["demoted", "deactivated"],
    )
    def test_the_last_school_admin_stays(self, school_a, client_for, change):
        admin = school_a.school_admin
        data = staff_update_form_data(member=admin, **change)

        response = client_for(admin).post(
            reverse("internships:staff-update", args=[admin.pk]), data
        )

        admin.refresh_from_db()
        assert response.status_code == 200
        assert response.context["form"].non_field_errors() == [LAST_ADMIN_MESSAGE]
        assert (admin.role, admin.is_active) == (User.Role.SCHOOL_ADMIN, True)

    def test_an_admin_may_step_down_when_another_remains(self, school_a, client_for):
        admin = school_a.school_admin
        SchoolAdminFactory(school=school_a.school)
        data = staff_update_form_data(member=admin, role=User.Role.COORDINATOR)

        response = client_for(admin).post(
            reverse("internships:staff-update", args=[admin.pk]), data
        )

        admin.refresh_from_db()
        assert response.status_code == 302
        assert admin.role == User.Role.COORDINATOR

    def test_an_admin_of_another_school_does_not_count(self):
        admin = SchoolAdminFactory()
        SchoolAdminFactory(school=SchoolFactory())

        with pytest.raises(ValidationError) as error:
            services.staff_update(member=admin, data={"is_active": False})

        assert error.value.messages == [LAST_ADMIN_MESSAGE]

    def test_an_inactive_admin_does_not_count(self):
        admin = SchoolAdminFactory()
        SchoolAdminFactory(school=admin.school, is_active=False)

        with pytest.raises(ValidationError):
            services.staff_update(member=admin, data={"role": User.Role.SUPERVISOR})

    def test_other_staff_may_be_deactivated(self, school_a):
        member = school_a.other_supervisor

        services.staff_update(member=member, data={"is_active": False})

        member.refresh_from_db()
        assert member.is_active is False


def test_staff_list_shows_active_members_first(school_a, client_for):
    school_a.other_supervisor.is_active = False
    school_a.other_supervisor.save()

    response = client_for(school_a.school_admin).get(reverse("internships:staff-list"))

    members = list(response.context["members"])
    assert members[-1] == school_a.other_supervisor
    assert {m.school_id for m in members} == {school_a.school.pk}
