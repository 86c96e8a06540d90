"""The criteria list and the evaluation pages run a fixed number of queries, however many
criteria they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.evaluations.factories import advised, criteria_of, opened
from tests.factories.principals import link_client, mentor_link

pytestmark = pytest.mark.django_db

N = 3


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_criteria_list_is_constant(school_a, client_for):
    programme = school_a.school_class.programme
    client = client_for(school_a.coordinator)
    url = reverse("evaluations:criterion-list", args=[programme.pk])
    queries(client, url)  # the first request fills the session and caches

    criteria_of(programme, N)
    few = queries(client, url)
    criteria_of(programme, 2 * N)
    many = queries(client, url)

    assert few == many
    assert few <= 12


def test_the_programme_list_is_constant(school_a, client_for):
    client = client_for(school_a.coordinator)
    url = reverse("evaluations:programme-list")
    queries(client, url)

    criteria_of(school_a.school_class.programme, N)
    few = queries(client, url)
    criteria_of(school_a.school_class.programme, 2 * N)
    many = queries(client, url)

    assert few == many


def test_the_evaluation_pages_are_constant(school_a, client_for):
    programme = school_a.school_class.programme
    criteria_of(programme, N)
    few = advised(opened(school_a.placement))
    criteria_of(programme, 2 * N)
    many = advised(opened(school_a.other_placement))
    assert (few.scores.count(), many.scores.count()) == (N, 3 * N)
    staff = client_for(school_a.coordinator)
    token = "query-count-mentor-" + "q" * 30
    mentor_link(school_a.mentor, token=token)
    mentor = link_client(token)

    def counts(evaluation) -> tuple[int, int]:
        return (
            queries(staff, reverse("evaluations:evaluation-detail", args=[evaluation.pk])),
            queries(mentor, reverse("evaluations:advise", args=[evaluation.pk])),
        )

    counts(few)  # the first requests fill the sessions

    assert counts(few) == counts(many)
