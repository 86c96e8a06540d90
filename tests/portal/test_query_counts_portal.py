"""The portal's pages run a fixed number of queries, however many rows they list (issue 10).

Each page is rendered with N rows and again with 3N, as each link holder who opens it: the
mentor and the pupil, each through their personal link. The counts are equal, so no row costs
a query of its own, and they are the numbers below: a page that reads more shows up here.
"""

import datetime
from itertools import count

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.attendance.factories import (
    AttendanceDayFactory,
    AttendanceWeekFactory,
    IncidentFactory,
)
from tests.factories import (
    AbsenceFactory,
    ActivityFactory,
    ActivityListFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    RiskAssessmentFactory,
    WorkplaceFactory,
    WorkstationSheetFactory,
    ready_version,
)
from tests.factories.principals import link_client, mentor_link, pupil_link
from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory

pytestmark = pytest.mark.django_db

N = 2
DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(weeks=1)
HOLDERS = ["mentor", "pupil"]
# Session and link (2), the school for the header (1); then, when the page is not cached, the
# placements (1) and what each app asks of the holder: the mentor's activity lists, weeks to
# confirm, evaluations, logbook and surveys.
HOME_QUERIES = {"mentor": 10, "pupil": 7}
# Once cached: session, link and the header's school.
CACHED_HOME_QUERIES = 3
# Session and link (2); the placement with what the header names (1); then, when the page is
# not cached (each test writes before it asks): the placement with its agreement, activity
# list and school (1); its
# periods, exemptions, absences, risk assessments and workstation sheets (5); the school's
# holidays, kept for every card (1); the agreement's version and the activities (2); the cards:
# the mentor's attendance (6: exceptions, weeks, their days, check, incidents, hours missed),
# the evaluations (1) and the logbook (3 for the mentor, 2 for the pupil).
PLACEMENT_QUERIES = {"mentor": 22, "pupil": 15}
# Once cached: session, link and the placement for the header.
CACHED_PLACEMENT_QUERIES = 3
OPEN_QUERIES = 7


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def constant(client, url: str, grow) -> tuple[int, int]:
    """The queries of ``url`` with N rows and with 3N rows (``grow(count)`` adds them)."""
    queries(client, url)  # the first request fills the session
    grow(N)
    few = queries(client, url)
    grow(2 * N)
    return few, queries(client, url)


def holder_client(world, holder: str):
    token = f"query-count-{holder}-" + "q" * 30
    if holder == "mentor":
        mentor_link(world.mentor, token=token)
    else:
        pupil_link(world.pupil, token=token)
    return link_client(token)


def follow_up(placement, day: datetime.date) -> None:
    """What the mentor and the pupil are asked about: an activity list to confirm and a
    logbook entry to comment on."""
    ActivityFactory(activity_list=ActivityListFactory(placement=placement))
    LogbookEntryFactory(placement=placement, date=day)


@pytest.mark.parametrize("holder", HOLDERS)
def test_the_portal_home_is_constant_in_its_rows(school_a, holder):
    client = holder_client(school_a, holder)
    # Weeks from mid-November on, clear of the pupil's placement in October.
    mondays = (school_a.school_year.start_date + weeks * WEEK for weeks in count(11))

    def grow(rows: int) -> None:
        for _ in range(rows):
            day = next(mondays)
            monday = day - day.weekday() * DAY
            placement = PlacementFactory(
                student=school_a.pupil,
                host=school_a.host,
                workplace=WorkplaceFactory(host=school_a.host),
                mentor=school_a.mentor,
                start_date=monday,
                end_date=monday + 4 * DAY,
            )
            follow_up(placement, monday)

    few, many = constant(client, reverse("portal:home"), grow)

    assert few == many == HOME_QUERIES[holder]


@pytest.mark.parametrize("holder", HOLDERS)
def test_the_portal_placement_is_constant_in_its_rows(school_a, holder):
    placement = school_a.placement
    client = holder_client(school_a, holder)
    activity_list = ActivityListFactory(placement=placement)
    ready_version(placement)  # the agreement is shown, in full
    AttendanceDayFactory(week=AttendanceWeekFactory(placement=placement))  # a confirmed week
    days = (placement.start_date + offset * DAY for offset in count(3))

    def grow(rows: int) -> None:
        for _ in range(rows):
            day = next(days)
            PlacementPeriodFactory(placement=placement, start_date=day, end_date=day)
            AbsenceFactory(placement=placement, date=day, reported_by_mentor=school_a.mentor)
            ActivityFactory(activity_list=activity_list)
            RiskAssessmentFactory(workplace=placement.workplace)
            WorkstationSheetFactory(workplace=placement.workplace)
            LogbookCommentFactory(entry=LogbookEntryFactory(placement=placement, date=day))
            LogbookEntryFactory(placement=placement, date=next(days))
            IncidentFactory(placement=placement, date=day)

    few, many = constant(client, reverse("portal:placement", args=[placement.pk]), grow)

    assert few == many == PLACEMENT_QUERIES[holder]


@pytest.mark.parametrize("holder", HOLDERS)
def test_the_portal_home_once_cached_reads_only_the_link_and_the_school(school_a, holder):
    client = holder_client(school_a, holder)
    queries(client, reverse("portal:home"))

    assert queries(client, reverse("portal:home")) == CACHED_HOME_QUERIES


@pytest.mark.parametrize("holder", HOLDERS)
def test_the_portal_placement_once_cached_reads_only_the_link_and_the_header(school_a, holder):
    client = holder_client(school_a, holder)
    url = reverse("portal:placement", args=[school_a.placement.pk])
    queries(client, url)

    assert queries(client, url) == CACHED_PLACEMENT_QUERIES


@pytest.mark.parametrize("holder", HOLDERS)
def test_opening_a_link_costs_a_fixed_number_of_queries(school_a, holder):
    """The link by its token's hash, its use recorded and read back (3), and the fresh session
    saved (its key checked, then written in a savepoint: 4)."""
    token = f"query-count-{holder}-" + "o" * 30
    if holder == "mentor":
        mentor_link(school_a.mentor, token=token)
    else:
        pupil_link(school_a.pupil, token=token)

    with CaptureQueriesContext(connection) as captured:
        response = Client().get(reverse("portal:open", args=[token]))

    assert response.status_code == 302
    assert len(captured) == OPEN_QUERIES
