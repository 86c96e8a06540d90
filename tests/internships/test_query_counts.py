"""List pages run a fixed number of queries, however many rows they show.

Each page is rendered with N rows and again with 3N rows (fewer than a page of 25): both stay
under the same bound, and the counts are equal, so no row costs a query of its own.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from internships.services import placements as placement_services
from tests.factories import (
    GuardianFactory,
    HostFactory,
    MentorFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    StudentFactory,
    SupervisorFactory,
    WorkplaceFactory,
)

pytestmark = pytest.mark.django_db

N = 4
DAY = datetime.timedelta(days=1)


def add_students(world, count: int) -> None:
    """Pupils each in a class and programme of their own, with a guardian."""
    for student in StudentFactory.create_batch(count, school=world.school):
        GuardianFactory(student=student)


def add_hosts(world, count: int) -> None:
    for host in HostFactory.create_batch(count, school=world.school):
        WorkplaceFactory(host=host)
        MentorFactory(host=host)


def add_placements(world, count: int) -> None:
    """Placements through the service (so each gets its compliance check) and directly."""
    for _ in range(count):
        placement = PlacementFactory(student__school=world.school)
        PlacementPeriodFactory(placement=placement)
        placement_services.placement_update(placement=placement, data={"notes": "herzien"})


def add_staff(world, count: int) -> None:
    SupervisorFactory.create_batch(count, school=world.school)


def add_dashboard_rows(world, count: int) -> None:
    """Pupils without placement, and placements starting soon without mentor or supervisor
    whose night shifts break the labour rules for minors."""
    today = timezone.localdate()
    end = min(today + 4 * DAY, world.school_year.end_date)
    StudentFactory.create_batch(count, school=world.school, school_class=world.school_class)
    for _ in range(count):
        placement = PlacementFactory(
            student__school=world.school,
            start_date=today,
            end_date=end,
            mentor=None,
            supervisor=None,
        )
        placement_services.period_create(
            placement=placement,
            kind="block",
            start_date=today,
            end_date=end,
            weekdays=list(range(7)),
            start_time=datetime.time(20, 0),
            end_time=datetime.time(8, 0),
        )


def rows_shown(name: str, context) -> int:
    if name == "dashboards:home":
        dashboard = context["dashboard"]
        # The panels show their first rows and count the rest.
        return min(dashboard.missing_people_count, dashboard.with_compliance_errors_count)
    rows = {
        "internships:student-list": "students",
        "internships:host-list": "hosts",
        "internships:placement-list": "placements",
    }
    return len(context[rows.get(name, "members")])


# page, who looks at it, how to add rows, and the most queries it may run
PAGES = [
    ("internships:student-list", "coordinator", add_students, 11),
    ("internships:host-list", "coordinator", add_hosts, 9),
    ("internships:placement-list", "coordinator", add_placements, 11),
    ("internships:staff-list", "school_admin", add_staff, 8),
    ("dashboards:home", "coordinator", add_dashboard_rows, 99),
]


@pytest.mark.usefixtures("uncached_pages")
@pytest.mark.parametrize(
    ("name", "role", "add_rows", "most"), PAGES, ids=[page[0] for page in PAGES]
)
def test_list_page_runs_the_same_queries_for_n_and_3n_rows(
    school_a, client_for, django_assert_max_num_queries, name, role, add_rows, most
):
    client = client_for(getattr(school_a, role))
    url = reverse(name)
    client.get(url)
    add_rows(school_a, N)

    with django_assert_max_num_queries(most) as few:
        assert client.get(url).status_code == 200
    add_rows(school_a, 2 * N)
    with django_assert_max_num_queries(most) as many:
        response = client.get(url)

    assert response.status_code == 200
    assert rows_shown(name, response.context) >= 3 * N
    assert len(many.captured_queries) == len(few.captured_queries)


def test_supervisor_placement_list_is_constant_too(
    school_a, client_for, django_assert_max_num_queries
):
    client = client_for(school_a.supervisor)
    url = reverse("internships:placement-list")

    def add(count):
        for _ in range(count):
            PlacementFactory(student__school=school_a.school, supervisor=school_a.supervisor)

    add(N)
    with django_assert_max_num_queries(11) as few:
        client.get(url)
    add(2 * N)
    with django_assert_max_num_queries(11) as many:
        response = client.get(url)

    assert len(response.context["placements"]) == 3 * N + 1
    assert len(many.captured_queries) == len(few.captured_queries)
