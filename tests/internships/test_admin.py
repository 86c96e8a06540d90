"""The Django admin is scoped like the app: a staff account sees only its own school."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from internships.models import (
    Absence,
    Host,
    Mentor,
    Placement,
    Programme,
    SchoolClass,
    Student,
    User,
    Visit,
    Workplace,
)
from tests.factories import SuperuserFactory

# model, admin URL name, and how to reach the school from a row
SCOPED = [
    (Student, "student", "school"),
    (Host, "host", "school"),
    (Workplace, "workplace", "host__school"),
    (Mentor, "mentor", "host__school"),
    (Placement, "placement", "school"),
    (Absence, "absence", "placement__school"),
    (Visit, "visit", "placement__school"),
    (Programme, "programme", "school"),
    (SchoolClass, "schoolclass", "school"),
    (User, "user", "school"),
]
HISTORY = ["student", "host", "placement", "absence", "visit"]


def admin_staff(user: User) -> User:
    """Gives ``user`` admin access with view permission on the internships models.

    Works on a fresh copy: the shared persona itself stays as it was.
    """
    user = User.objects.get(pk=user.pk)
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="internships", codename__startswith="view_"
        )
    )
    return user


@pytest.fixture
def support_staff(shared_schools, db) -> User:
    """School B's coordinator, with admin access and view permissions."""
    return admin_staff(shared_schools[1].coordinator)


def object_of(model, world):
    return {
        Student: world.pupil,
        Host: world.host,
        Workplace: world.workplace,
        Mentor: world.mentor,
        Placement: world.placement,
        Absence: world.absence,
        Visit: world.visit,
        Programme: world.school_class.programme,
        SchoolClass: world.school_class,
        User: world.supervisor,
    }[model]


@pytest.mark.parametrize(("model", "name", "path"), SCOPED, ids=[s[1] for s in SCOPED])
def test_staff_changelist_shows_only_own_school(
    shared_schools, support_staff, client_for, model, name, path
):
    _school_a, school_b = shared_schools

    response = client_for(support_staff).get(reverse(f"admin:internships_{name}_changelist"))

    assert response.status_code == 200
    rows = response.context["cl"].queryset
    assert rows.exists()
    assert set(rows.values_list(f"{path}_id", flat=True)) == {school_b.school.pk}


@pytest.mark.parametrize(("model", "name", "path"), SCOPED, ids=[s[1] for s in SCOPED])
def test_superuser_changelist_shows_every_school(shared_schools, db, client_for, model, name, path):
    school_a, school_b = shared_schools

    response = client_for(SuperuserFactory()).get(reverse(f"admin:internships_{name}_changelist"))

    rows = response.context["cl"].queryset
    assert set(rows.values_list(f"{path}_id", flat=True)) - {None} == {
        school_a.school.pk,
        school_b.school.pk,
    }


@pytest.mark.parametrize(("model", "name", "path"), SCOPED, ids=[s[1] for s in SCOPED])
def test_staff_cannot_open_an_object_of_another_school(
    shared_schools, support_staff, client_for, model, name, path
):
    school_a, school_b = shared_schools
    client = client_for(support_staff)

    foreign = client.get(
        reverse(f"admin:internships_{name}_change", args=[object_of(model, school_a).pk])
    )
    own = client.get(
        reverse(f"admin:internships_{name}_change", args=[object_of(model, school_b).pk])
    )

    assert own.status_code == 200
    assert foreign.status_code == 302, "the admin sends a missing object back to its index"
    assert foreign["Location"] == reverse("admin:index")


@pytest.mark.parametrize("name", HISTORY)
def test_staff_cannot_read_the_history_of_another_school(
    shared_schools, support_staff, client_for, name
):
    school_a, school_b = shared_schools
    model = next(m for m, n, _p in SCOPED if n == name)
    foreign = object_of(model, school_a)
    record = foreign.history.first()
    client = client_for(support_staff)

    listing = client.get(reverse(f"admin:internships_{name}_history", args=[foreign.pk]))
    version = client.get(
        reverse(f"admin:internships_{name}_simple_history", args=[foreign.pk, record.history_id])
    )
    own = client.get(
        reverse(f"admin:internships_{name}_history", args=[object_of(model, school_b).pk])
    )

    assert (listing.status_code, version.status_code) == (404, 404)
    assert own.status_code == 200


@pytest.mark.parametrize("name", ["programme", "schoolclass"])
def test_the_history_of_a_model_without_history_shows_the_admin_log(
    shared_schools, db, client_for, name
):
    school_a, _school_b = shared_schools
    model = next(m for m, n, _p in SCOPED if n == name)

    response = client_for(SuperuserFactory()).get(
        reverse(f"admin:internships_{name}_history", args=[object_of(model, school_a).pk])
    )

    assert response.status_code == 200


def test_staff_sees_only_own_school_and_board(shared_schools, support_staff, client_for):
    _school_a, school_b = shared_schools
    client = client_for(support_staff)

    schools = client.get(reverse("admin:internships_school_changelist")).context["cl"].queryset
    boards = client.get(reverse("admin:internships_schoolboard_changelist")).context["cl"].queryset

    assert list(schools) == [school_b.school]
    assert list(boards) == [school_b.school.board]


def test_a_staff_account_without_admin_access_is_sent_to_the_login(shared_schools, client_for):
    _school_a, school_b = shared_schools

    response = client_for(school_b.coordinator).get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def editing_staff(world) -> User:
    """School B's coordinator with admin access that may change pupils and placements."""
    user = admin_staff(world.coordinator)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="internships",
            codename__in=["change_student", "change_placement", "change_guardian"],
        )
    )
    return user


def test_choices_in_a_staff_form_come_from_the_own_school_only(shared_schools, client_for):
    school_a, school_b = shared_schools
    client = client_for(editing_staff(school_b))

    response = client.get(reverse("admin:internships_student_change", args=[school_b.pupil.pk]))

    classes = response.context["adminform"].form.fields["school_class"].queryset
    assert school_b.school_class in classes
    assert school_a.school_class not in classes
    assert set(classes.values_list("school_id", flat=True)) == {school_b.school.pk}


def test_staff_cannot_point_a_placement_at_another_schools_pupil(shared_schools, client_for):
    school_a, school_b = shared_schools
    client = client_for(editing_staff(school_b))
    url = reverse("admin:internships_placement_change", args=[school_b.placement.pk])
    form = client.get(url).context["adminform"].form

    for name, attribute in [("student", "pupil"), ("workplace", "workplace"), ("mentor", "mentor")]:
        field = form.fields[name]
        foreign, own = getattr(school_a, attribute), getattr(school_b, attribute)
        assert foreign.pk not in set(field.queryset.values_list("pk", flat=True))
        with pytest.raises(ValidationError):
            field.clean(foreign.pk)
        assert field.clean(own.pk) == own
