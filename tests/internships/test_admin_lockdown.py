"""Trust 11.4: in the Django admin a support account that is not a superuser cannot raise its own
rights, nor touch a superuser's account."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from internships.models import SchoolYear, User
from tests.factories import SuperuserFactory
from tests.internships.test_admin import admin_staff

pytestmark = pytest.mark.django_db

RIGHTS = ["is_superuser", "is_staff", "groups", "user_permissions"]


def user_managing_staff(world) -> User:
    """School B's coordinator with admin access that may change and delete users."""
    user = admin_staff(world.coordinator)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="internships",
            codename__in=["change_user", "delete_user"],
        )
    )
    return User.objects.get(pk=user.pk)


def change_form_data(user: User, **overrides) -> dict:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "school": user.school_id,
        "role": user.role,
        "phone": user.phone,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    return {**data, **overrides}


def test_a_support_account_cannot_make_itself_superuser(shared_schools, client_for):
    _school_a, school_b = shared_schools
    support = user_managing_staff(school_b)
    every_permission = Permission.objects.values_list("pk", flat=True)
    group = Group.objects.create(name="Alles")
    data = change_form_data(
        support,
        first_name="Gewijzigd",
        is_superuser="on",
        groups=[group.pk],
        user_permissions=list(every_permission),
    )

    response = client_for(support).post(
        reverse("admin:internships_user_change", args=[support.pk]), data
    )

    support.refresh_from_db()
    assert response.status_code == 302
    assert support.first_name == "Gewijzigd", "the other fields still save"
    assert support.is_superuser is False
    assert not support.groups.exists()
    assert support.user_permissions.count() < len(every_permission)


def test_rights_are_read_only_for_a_support_account(shared_schools, client_for):
    _school_a, school_b = shared_schools
    support = user_managing_staff(school_b)

    response = client_for(support).get(
        reverse("admin:internships_user_change", args=[school_b.supervisor.pk])
    )

    form = response.context["adminform"].form
    assert response.status_code == 200
    assert not set(RIGHTS) & set(form.fields)


def test_a_superuser_still_edits_rights(shared_schools, client_for):
    _school_a, school_b = shared_schools
    response = client_for(SuperuserFactory()).get(
        reverse("admin:internships_user_change", args=[school_b.supervisor.pk])
    )

    assert set(RIGHTS) <= set(response.context["adminform"].form.fields)


@pytest.mark.parametrize("view", ["change", "delete"])
def test_a_support_account_cannot_open_a_superuser_of_its_school(shared_schools, client_for, view):
    _school_a, school_b = shared_schools
    support = user_managing_staff(school_b)
    superuser = SuperuserFactory(school=school_b.school)

    response = client_for(support).get(
        reverse(f"admin:internships_user_{view}", args=[superuser.pk])
    )

    assert response.status_code == 302, "the admin sends a missing object back to its index"
    assert response["Location"] == reverse("admin:index")
    assert User.objects.filter(pk=superuser.pk, is_superuser=True).exists()


def test_a_support_account_does_not_list_superusers(shared_schools, client_for):
    _school_a, school_b = shared_schools
    support = user_managing_staff(school_b)
    superuser = SuperuserFactory(school=school_b.school)

    response = client_for(support).get(reverse("admin:internships_user_changelist"))

    rows = response.context["cl"].queryset
    assert rows.filter(pk=school_b.supervisor.pk).exists()
    assert not rows.filter(pk=superuser.pk).exists()


def test_a_support_account_cannot_delete_a_superuser_in_bulk(shared_schools, client_for):
    _school_a, school_b = shared_schools
    support = user_managing_staff(school_b)
    superuser = SuperuserFactory(school=school_b.school)

    client_for(support).post(
        reverse("admin:internships_user_changelist"),
        {"action": "delete_selected", "_selected_action": [superuser.pk], "post": "yes"},
    )

    assert User.objects.filter(pk=superuser.pk).exists()


def test_the_permission_checks_refuse_a_superuser_object(shared_schools, rf):
    _school_a, school_b = shared_schools
    request = rf.get("/")
    request.user = user_managing_staff(school_b)
    user_admin = admin.site.get_model_admin(User)
    superuser = SuperuserFactory(school=school_b.school)

    assert user_admin.has_change_permission(request, school_b.supervisor)
    assert not user_admin.has_change_permission(request, superuser)
    assert not user_admin.has_delete_permission(request, superuser)


def test_the_school_filter_offers_only_the_own_school(shared_schools, client_for):
    _school_a, school_b = shared_schools
    support = user_managing_staff(school_b)

    response = client_for(support).get(reverse("admin:internships_user_changelist"))

    [school_filter] = [
        spec for spec in response.context["cl"].filter_specs if spec.field_path == "school"
    ]
    assert [pk for pk, _name in school_filter.lookup_choices] == [school_b.school.pk]


def test_the_school_filter_offers_every_school_to_a_superuser(shared_schools, client_for):
    school_a, school_b = shared_schools

    response = client_for(SuperuserFactory()).get(reverse("admin:internships_user_changelist"))

    [school_filter] = [
        spec for spec in response.context["cl"].filter_specs if spec.field_path == "school"
    ]
    offered = {pk for pk, _name in school_filter.lookup_choices}
    assert {school_a.school.pk, school_b.school.pk} <= offered


def school_year_manager(world) -> User:
    """School B's coordinator with admin access and every permission on school years."""
    user = admin_staff(world.coordinator)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="internships", codename__endswith="_schoolyear"
        )
    )
    return User.objects.get(pk=user.pk)


def test_school_years_are_read_only_for_a_support_account(shared_schools, client_for):
    _school_a, school_b = shared_schools
    client = client_for(school_year_manager(school_b))
    year = school_b.placement.school_year
    start_year = year.start_year
    change_url = reverse("admin:internships_schoolyear_change", args=[year.pk])

    listing = client.get(reverse("admin:internships_schoolyear_changelist"))
    add = client.get(reverse("admin:internships_schoolyear_add"))
    change = client.get(change_url)
    post = client.post(change_url, {"start_year": start_year + 5})
    delete = client.post(
        reverse("admin:internships_schoolyear_delete", args=[year.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    assert add.status_code == 403
    assert change.status_code == 200
    assert "start_year" not in change.context["adminform"].form.fields, "shown read-only"
    assert post.status_code == 403
    assert delete.status_code == 403
    assert SchoolYear.objects.filter(pk=year.pk, start_year=start_year).exists()


def test_a_superuser_still_changes_school_years(shared_schools, client_for):
    _school_a, school_b = shared_schools
    year = school_b.placement.school_year

    response = client_for(SuperuserFactory()).get(
        reverse("admin:internships_schoolyear_change", args=[year.pk])
    )

    assert "start_year" in response.context["adminform"].form.fields
