"""Switching the school year returns only to a validated page of this site, never answers 500
on what a client puts in ``next`` or ``school_year`` (issue 11.13)."""

import pytest
from django.urls import reverse

from internships.selectors.school import SCHOOL_YEAR_SESSION_KEY

pytestmark = pytest.mark.django_db


def switch(client, school_year, **data):
    return client.post(
        reverse("internships:school-year-switch"), {"school_year": school_year, **data}
    )


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/pad",
        "https:///evil.example",
        "/\\evil.example",
        "garbage",
        "dashboards:home",
        "javascript:alert(1)",
        "",
        " ",
        "/\x00",
    ],
    ids=[
        "absolute-external",
        "scheme-relative",
        "malformed-scheme",
        "backslash",
        "garbage",
        "url-name",
        "javascript",
        "empty",
        "blank",
        "nul",
    ],
)
def test_an_invalid_next_falls_back_to_the_dashboard(school_a, client_for, next_url):
    client = client_for(school_a.coordinator)

    response = switch(client, school_a.school_year.pk, next=next_url)

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboards:home")
    assert client.session[SCHOOL_YEAR_SESSION_KEY] == school_a.school_year.pk


def test_without_next_it_goes_to_the_dashboard(school_a, client_for):
    response = switch(client_for(school_a.coordinator), school_a.school_year.pk)

    assert response["Location"] == reverse("dashboards:home")


def test_a_good_relative_next_is_followed_with_its_query(school_a, client_for):
    next_url = reverse("internships:placement-list") + "?status=active"

    response = switch(client_for(school_a.coordinator), school_a.school_year.pk, next=next_url)

    assert response.status_code == 302
    assert response["Location"] == next_url


@pytest.mark.parametrize("school_year", ["abc", "", "1.5", "²", "9" * 30])
def test_a_school_year_that_is_not_a_number_answers_404(school_a, client_for, school_year):
    response = switch(client_for(school_a.coordinator), school_year, next="/")

    assert response.status_code == 404
