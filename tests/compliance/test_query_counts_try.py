"""The schedule try page runs a fixed number of queries, however many pupils and classes it
offers (issue 10), and offers only those of the school year worked in."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    PlacementFactory,
    SchoolClassFactory,
    SchoolYearFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

N = 3


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

    assert few == many


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
