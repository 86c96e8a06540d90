"""The schedule try page runs a fixed number of queries, however many pupils and classes it
offers (issue 10), and offers only those of the school year worked in."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from tests.factories import (
    PlacementFactory,
    SchoolClassFactory,
    SchoolYearFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

N = 3
# Session and user (2), the school years of the navigation (1); the school years, the pupils
# and the classes to choose from (3).
TRY_QUERIES = 6
# Session, user and the navigation's school years (3); the chosen pupil and school year (2);
# the trial: the holidays, the pupil's class's timetable and its programme's lesson hours (3);
# the form again with its three lists (3).
CHECK_QUERIES = 11
TRY_DATA = {
    "kind": "block",
    "weekdays": ["0", "1", "2"],
    "every_n_weeks": "1",
    "start_time": "08:00",
    "end_time": "12:00",
}


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["coordinator", "supervisor"])
def test_the_try_page_is_constant_in_its_pupils_and_classes(school_a, client_for, role):
    client = client_for(getattr(school_a, role))
    url = reverse("compliance:try")

    def grow(rows: int) -> None:
        """Pupils in classes of their own, each on a placement of the supervisor."""
        for student in StudentFactory.create_batch(rows, school=school_a.school):
            PlacementFactory(student=student, supervisor=school_a.supervisor)

    queries(client, url)  # the first request fills the session
    grow(N)
    few = queries(client, url)
    grow(2 * N)
    many = queries(client, url)

    assert few == many == TRY_QUERIES


def test_checking_with_a_chosen_pupil_is_constant_and_uses_the_pupils_class(school_a, client_for):
    """Without a class chosen, the trial counts the lesson hours of the pupil's own class."""
    school_a.school_class.programme.internship_lesson_hours = 96
    school_a.school_class.programme.save()
    client = client_for(school_a.coordinator)
    url = reverse("compliance:try")
    start = school_a.school_year.start_date + datetime.timedelta(weeks=6)
    data = {
        **TRY_DATA,
        "student": school_a.pupil.pk,
        "school_year": school_a.school_year.pk,
        "start_date": start.isoformat(),
        "end_date": (start + datetime.timedelta(days=2)).isoformat(),
    }

    def check() -> tuple[int, object]:
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url, data)
        assert response.status_code == 200
        return len(captured), response.context["trial"]

    check()  # the first request fills the session
    few, trial = check()
    StudentFactory.create_batch(2 * N, school=school_a.school)
    many, _ = check()

    assert few == many == CHECK_QUERIES
    assert trial.required_lesson_hours == 96


def test_the_try_page_offers_the_pupils_and_classes_of_the_school_year(school_a, client_for):
    earlier = SchoolYearFactory(start_year=school_a.school_year.start_year - 1)
    old_class = SchoolClassFactory(school=school_a.school, school_year=earlier, name="6VZ oud")
    left = StudentFactory(school=school_a.school, school_class=old_class, last_name="Oudleerling")
    unplaced = StudentFactory(school=school_a.school, school_class=None, last_name="Zonderklas")

    form = client_for(school_a.coordinator).get(reverse("compliance:try")).context["form"]

    students = set(form.fields["student"].queryset)
    assert {school_a.pupil, school_a.other_pupil, unplaced} <= students
    assert left not in students
    assert set(form.fields["school_class"].queryset) == {school_a.school_class}


def test_the_try_page_names_each_pupil_as_the_pupil_names_itself(school_a, client_for):
    """The pupils' options are read as plain values; each still reads ``str(pupil)``."""
    odd = StudentFactory(school=school_a.school, first_name="Zoë <b>", last_name="D'hondt & Co")

    page = client_for(school_a.coordinator).get(reverse("compliance:try")).content.decode()

    for pupil in (school_a.pupil, school_a.other_pupil, odd):
        assert f'<option value="{pupil.pk}">{escape(str(pupil))}</option>' in page
    assert "Zoë &lt;b&gt; D&#x27;hondt &amp; Co" in page
