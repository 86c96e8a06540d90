"""The dashboards and the visit plan run the same queries for three times the rows (issue 10).

Each row kind the pages list is grown together: placements with past weeks still to confirm,
pupils short of the legal volume, visits overdue, agreements waiting for signatures and
schedules that break a labour rule. The pages work in school year 2025–2026, whose October
weeks lie in the past whatever day the tests run.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendance.selectors import below_volume, unconfirmed_weeks
from internships.models import SchoolYear
from internships.selectors.school import SCHOOL_YEAR_SESSION_KEY
from tests.attendance.factories import PAST_MONDAY, worked_placement
from tests.factories.agreements import ready_version
from tests.factories.principals import staff
from visits.selectors import overdue_visits

pytestmark = pytest.mark.django_db

PAGES = ["dashboards:home", "visits:plan"]


def grow(world, count: int) -> None:
    """``count`` pupils on a three-week internship in October 2025 with nothing confirmed and
    no visit (weeks to confirm and overdue visits), one of them with its agreement waiting
    for signatures, and as many one-week placements (below the 18 half days)."""
    for index in range(count):
        placement = worked_placement(world)
        if index == 0:
            ready_version(placement)
        worked_placement(world, weeks=1)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def in_2025(client_for):
    """A logged-in client working in school year 2025–2026."""

    def client(user):
        logged_in = client_for(user)
        session = logged_in.session
        session[SCHOOL_YEAR_SESSION_KEY] = SchoolYear.objects.for_date(PAST_MONDAY).pk
        session.save()
        return logged_in

    return client


@pytest.mark.usefixtures("uncached_pages")
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["coordinator", "supervisor"])
def test_the_page_is_constant_in_its_rows(school_a, in_2025, page, role):
    client = in_2025(getattr(school_a, role))
    url = reverse(page)
    grow(school_a, 2)
    queries(client, url)  # the first request fills the session and the caches

    few = queries(client, url)
    grow(school_a, 4)
    many = queries(client, url)

    assert few == many


def test_the_grown_rows_show_on_the_lists(school_a):
    """The rows :func:`grow` makes are the ones the constant pages list."""
    grow(school_a, 2)
    coordinator = staff(school_a.coordinator)
    school_year = SchoolYear.objects.for_date(PAST_MONDAY)
    later = PAST_MONDAY.replace(month=12)

    assert len(unconfirmed_weeks(coordinator, school_year=school_year, today=later)) == 4
    assert len(below_volume(coordinator, school_year=school_year)) == 2
    assert len(overdue_visits(coordinator, school_year=school_year, today=later)) >= 2
