"""Nobody of school B ever sees or changes school A's data; a supervisor sees only their own.

School A's names all contain "Alfa" and school B's "Bravo" (see ``tests/conftest.py``), so a
page of school B that mentions "Alfa" leaks.
"""

import datetime

import pytest
from django.urls import reverse

from internships import urls as internships_urls
from internships.models import (
    Absence,
    AccessLink,
    Guardian,
    Host,
    MakeUpPlacement,
    Mentor,
    Placement,
    PlacementPeriod,
    SchoolHoliday,
    Student,
    User,
    Visit,
    Workplace,
)
from tests.factories import (
    AbsenceFactory,
    SchoolHolidayFactory,
    absence_form_data,
    guardian_form_data,
    host_form_data,
    makeup_form_data,
    mentor_form_data,
    period_form_data,
    placement_form_data,
    staff_update_form_data,
    student_form_data,
    visit_form_data,
    workplace_form_data,
)
from tests.internships.document_views import VIEWS as DOCUMENT_VIEWS

HISTORICAL_MODELS = [
    AccessLink,
    Student,
    Guardian,
    Host,
    Workplace,
    Mentor,
    Placement,
    PlacementPeriod,
    Absence,
    MakeUpPlacement,
    Visit,
    SchoolHoliday,
]


def database_state() -> dict:
    """Row and history counts of every model, and the staff accounts' fields."""
    state = {model.__name__: model.objects.count() for model in HISTORICAL_MODELS}
    state |= {f"{model.__name__} history": model.history.count() for model in HISTORICAL_MODELS}
    state["users"] = list(
        User.objects.order_by("pk").values_list("first_name", "email", "role", "is_active")
    )
    return state


def _in_placement(world, **kwargs) -> dict:
    return {"placement_pk": world.placement.pk, **kwargs}


def _own_free_day(world) -> SchoolHoliday:
    return SchoolHolidayFactory(school=world.school, school_year=world.school_year)


def _own_free_day_form(world) -> tuple[dict, dict]:
    day = _own_free_day(world)
    data = {"name": "Lokale vrije dag", "start_date": day.start_date, "end_date": day.end_date}
    return {"pk": day.pk}, data


def _days_after_start(world, days: int) -> datetime.date:
    return world.placement.start_date + datetime.timedelta(days=days)


# Each object view of a school: its URL kwargs and a valid POST for the world's objects.
PLACEMENT_VIEWS = {
    "placement-detail": lambda w: ({"pk": w.placement.pk}, {}),
    "placement-update": lambda w: (
        {"pk": w.placement.pk},
        placement_form_data(placement=w.placement, notes="gewijzigd"),
    ),
    # Cancelling needs nothing else; starting waits for a signed agreement (see test_gate.py).
    "placement-transition": lambda w: (
        {"pk": w.placement.pk},
        {"status": Placement.Status.CANCELLED},
    ),
    "period-create": lambda w: (
        _in_placement(w),
        period_form_data(start_date=w.placement.start_date, end_date=w.placement.end_date),
    ),
    "period-update": lambda w: (
        _in_placement(w, pk=w.period.pk),
        period_form_data(start_date=w.placement.start_date, end_date=_days_after_start(w, 4)),
    ),
    "period-delete": lambda w: (_in_placement(w, pk=w.period.pk), {}),
    "absence-create": lambda w: (
        _in_placement(w),
        absence_form_data(date=_days_after_start(w, 1)),
    ),
    "makeup-create": lambda w: (
        _in_placement(w),
        makeup_form_data(start_date=w.placement.end_date, end_date=w.placement.end_date),
    ),
    "visit-create": lambda w: (
        _in_placement(w),
        visit_form_data(date=_days_after_start(w, 3), status="planned", visited_by=w.supervisor),
    ),
    "visit-update": lambda w: (
        _in_placement(w, pk=w.visit.pk),
        visit_form_data(
            date=w.visit.date, status=w.visit.status, findings="Nieuwe vaststellingen."
        ),
    ),
    "visit-delete": lambda w: (_in_placement(w, pk=w.visit.pk), {}),
    "absence-decide": lambda w: (
        _in_placement(
            w,
            pk=AbsenceFactory(
                placement=w.placement,
                date=_days_after_start(w, 1),
                justification=Absence.Justification.PENDING,
            ).pk,
        ),
        {"justification": Absence.Justification.UNJUSTIFIED},
    ),
}
OBJECT_VIEWS = {
    "student-detail": lambda w: ({"pk": w.pupil.pk}, {}),
    "student-update": lambda w: ({"pk": w.pupil.pk}, student_form_data()),
    "guardian-create": lambda w: ({"student_pk": w.pupil.pk}, guardian_form_data()),
    "guardian-update": lambda w: (
        {"student_pk": w.pupil.pk, "pk": w.guardian.pk},
        guardian_form_data(),
    ),
    "guardian-delete": lambda w: ({"student_pk": w.pupil.pk, "pk": w.guardian.pk}, {}),
    "host-detail": lambda w: ({"pk": w.host.pk}, {}),
    "host-update": lambda w: ({"pk": w.host.pk}, host_form_data()),
    "workplace-create": lambda w: ({"host_pk": w.host.pk}, workplace_form_data()),
    "workplace-update": lambda w: ({"pk": w.workplace.pk}, workplace_form_data()),
    "mentor-create": lambda w: ({"host_pk": w.host.pk}, mentor_form_data()),
    "mentor-update": lambda w: ({"pk": w.mentor.pk}, mentor_form_data()),
    "mentor-portal-link": lambda w: ({"pk": w.mentor.pk}, {}),
    "pupil-portal-link": lambda w: ({"pk": w.pupil.pk}, {}),
    "guardian-portal-link": lambda w: ({"student_pk": w.pupil.pk, "pk": w.guardian.pk}, {}),
    **PLACEMENT_VIEWS,
    "school-holiday-update": _own_free_day_form,
    "school-holiday-delete": lambda w: ({"pk": _own_free_day(w).pk}, {}),
    "staff-update": lambda w: (
        {"pk": w.supervisor.pk},
        staff_update_form_data(member=w.supervisor, first_name="Gewijzigd"),
    ),
}


READ_ONLY = {"student-detail", "host-detail", "placement-detail"}
POST_ONLY = {
    "guardian-delete",
    "period-delete",
    "placement-transition",
    "visit-delete",
    "school-holiday-delete",
    "absence-decide",
    "mentor-portal-link",
    "pupil-portal-link",
    "guardian-portal-link",
}


def requests_of(views: dict) -> list:
    """(name, method) for each method a view answers; the other methods answer 405 to all."""
    return [
        pytest.param(name, method, id=f"{name}-{method}")
        for name in views
        for method in ("get", "post")
        if not (name in READ_ONLY and method == "post")
        and not (name in POST_ONLY and method == "get")
    ]


def test_every_view_with_an_object_in_its_url_is_checked():
    with_object = {
        pattern.name for pattern in internships_urls.urlpatterns if "<int:" in str(pattern.pattern)
    }
    assert set(OBJECT_VIEWS) | set(DOCUMENT_VIEWS) == with_object


@pytest.mark.parametrize(("name", "method"), requests_of(OBJECT_VIEWS))
def test_it_rejects_other_school(shared_schools, db, client_for, name, method):
    """School B's coordinator (for staff pages: its school admin) gets 404 and changes nothing."""
    school_a, school_b = shared_schools
    kwargs, data = OBJECT_VIEWS[name](school_a)
    outsider = school_b.school_admin if name.startswith("staff") else school_b.coordinator
    before = database_state()

    response = getattr(client_for(outsider), method)(
        reverse(f"internships:{name}", kwargs=kwargs), data
    )

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize(("name", "method"), requests_of(OBJECT_VIEWS))
def test_the_same_request_succeeds_within_the_school(shared_schools, db, client_for, name, method):
    """The control for the tests above: their requests do work for the school's own staff."""
    school_a, _school_b = shared_schools
    kwargs, data = OBJECT_VIEWS[name](school_a)
    insider = school_a.school_admin if name.startswith("staff") else school_a.coordinator
    before = database_state()

    response = getattr(client_for(insider), method)(
        reverse(f"internships:{name}", kwargs=kwargs), data
    )

    if method == "get":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert database_state() != before


@pytest.mark.parametrize(("name", "method"), requests_of(PLACEMENT_VIEWS))
def test_it_rejects_a_placement_of_another_supervisor(shared_schools, db, client_for, name, method):
    school_a, _school_b = shared_schools
    kwargs, data = PLACEMENT_VIEWS[name](school_a)
    before = database_state()

    response = getattr(client_for(school_a.other_supervisor), method)(
        reverse(f"internships:{name}", kwargs=kwargs), data
    )

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize(
    "name",
    [
        "internships:student-list",
        "internships:host-list",
        "internships:placement-list",
        "dashboards:home",
    ],
)
def test_lists_of_other_school_show_none_of_its_rows(shared_schools, db, client_for, name):
    _school_a, school_b = shared_schools

    response = client_for(school_b.coordinator).get(reverse(name))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Bravo" in content
    assert "Alfa" not in content


def test_student_list_of_other_school_holds_only_its_pupils(shared_schools, db, client_for):
    _school_a, school_b = shared_schools

    response = client_for(school_b.coordinator).get(reverse("internships:student-list"))

    assert set(response.context["students"]) == {school_b.pupil, school_b.other_pupil}
    form = response.context["filter"].form
    assert list(form.fields["school_class"].queryset) == [school_b.school_class]
    assert list(form.fields["programme"].queryset) == [school_b.school_class.programme]


def test_placement_list_filters_offer_only_own_hosts_and_staff(shared_schools, db, client_for):
    _school_a, school_b = shared_schools

    response = client_for(school_b.coordinator).get(reverse("internships:placement-list"))

    assert set(response.context["placements"]) == {
        school_b.placement,
        school_b.other_placement,
    }
    form = response.context["filter"].form
    assert list(form.fields["host"].queryset) == [school_b.host]
    assert {user.school_id for user in form.fields["supervisor"].queryset} == {school_b.school.pk}


@pytest.mark.parametrize(
    ("name", "parameter"),
    [
        ("placement-list", "host"),
        ("placement-list", "supervisor"),
        ("student-list", "school_class"),
        ("student-list", "programme"),
    ],
)
def test_filtering_on_an_object_of_other_school_shows_nothing(
    shared_schools, db, client_for, name, parameter
):
    school_a, school_b = shared_schools
    values = {
        "host": school_a.host.pk,
        "supervisor": school_a.supervisor.pk,
        "school_class": school_a.school_class.pk,
        "programme": school_a.school_class.programme_id,
    }

    response = client_for(school_b.coordinator).get(
        reverse(f"internships:{name}"), {parameter: values[parameter]}
    )

    assert response.status_code == 200
    assert "Alfa" not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "rows"),
    [("student-list", "students"), ("host-list", "hosts"), ("placement-list", "placements")],
)
def test_search_does_not_find_other_school(shared_schools, db, client_for, name, rows):
    _school_a, school_b = shared_schools
    client = client_for(school_b.coordinator)

    found = client.get(reverse(f"internships:{name}"), {"q": "Alfa"}).context[rows]
    own = client.get(reverse(f"internships:{name}"), {"q": "Bravo"}).context[rows]

    assert list(found) == []
    assert len(own) >= 1


def test_dashboard_counts_only_own_school(shared_schools, db, client_for):
    _school_a, school_b = shared_schools

    response = client_for(school_b.coordinator).get(reverse("dashboards:home"))

    dashboard = response.context["dashboard"]
    assert dashboard.placement_count == 2
    assert {p.school_id for p in dashboard.missing_people} <= {school_b.school.pk}
    assert dashboard.students_without_placement_count == 0


def test_host_options_lists_only_the_workplaces_of_own_host(shared_schools, db, client_for):
    school_a, school_b = shared_schools
    client = client_for(school_b.coordinator)

    own = client.get(reverse("internships:host-options"), {"host": school_b.host.pk})
    foreign = client.get(reverse("internships:host-options"), {"host": school_a.host.pk})

    assert list(own.context["workplaces"]) == [school_b.workplace]
    assert list(own.context["mentors"]) == [school_b.mentor]
    assert foreign.status_code == 404


def test_placement_form_offers_only_own_school(shared_schools, db, client_for):
    _school_a, school_b = shared_schools

    response = client_for(school_b.coordinator).get(reverse("internships:placement-create"))

    fields = response.context["form"].fields
    assert set(fields["student"].queryset) == {school_b.pupil, school_b.other_pupil}
    assert list(fields["host"].queryset) == [school_b.host]
    assert {user.school_id for user in fields["supervisor"].queryset} == {school_b.school.pk}
    assert "Alfa" not in response.content.decode()


def test_placement_for_a_pupil_and_host_of_other_school_is_refused(shared_schools, db, client_for):
    school_a, school_b = shared_schools
    data = placement_form_data(placement=school_a.placement, supervisor=school_b.supervisor)
    before = database_state()

    response = client_for(school_b.coordinator).post(reverse("internships:placement-create"), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"student", "host", "workplace", "mentor"} <= set(errors)
    assert database_state() == before


def test_student_of_other_school_class_is_refused(shared_schools, db, client_for):
    school_a, school_b = shared_schools
    data = student_form_data(school_class=school_a.school_class)
    before = database_state()

    response = client_for(school_b.coordinator).post(reverse("internships:student-create"), data)

    assert response.status_code == 200
    assert "school_class" in response.context["form"].errors
    assert database_state() == before


def test_staff_list_of_other_school_admin_shows_only_its_staff(shared_schools, db, client_for):
    _school_a, school_b = shared_schools

    response = client_for(school_b.school_admin).get(reverse("internships:staff-list"))

    assert {member.school_id for member in response.context["members"]} == {school_b.school.pk}
    assert "Alfa" not in response.content.decode()


def test_supervisor_lists_only_their_placements_and_pupils(shared_schools, db, client_for):
    school_a, _school_b = shared_schools
    client = client_for(school_a.supervisor)

    placements = client.get(reverse("internships:placement-list")).context["placements"]
    students = client.get(reverse("internships:student-list")).context["students"]
    dashboard = client.get(reverse("dashboards:home")).context["dashboard"]

    assert list(placements) == [school_a.placement]
    assert list(students) == [school_a.pupil]
    assert dashboard.placement_count == 1
    assert dashboard.students_without_placement is None


def test_supervisor_of_nothing_has_empty_lists(shared_schools, db, client_for):
    school_a, _school_b = shared_schools
    client = client_for(school_a.other_supervisor)

    placements = client.get(reverse("internships:placement-list")).context["placements"]
    students = client.get(reverse("internships:student-list")).context["students"]
    hosts = client.get(reverse("internships:host-list")).context["hosts"]

    assert list(placements) == []
    assert list(students) == []
    assert list(hosts) == [school_a.host], "hosts are the school's shared address book"
