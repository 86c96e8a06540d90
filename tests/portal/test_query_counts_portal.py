"""The portal's pages run a fixed number of queries, however many rows they list (issue 10).

Each page is rendered with N rows and again with 3N, as each link holder who opens it: the
mentor and the pupil, each through their personal link. The counts are equal, so no row costs
a query of its own.
"""

import datetime
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.attendance.factories import IncidentFactory
from tests.factories import (
    AbsenceFactory,
    ActivityFactory,
    ActivityListFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    RiskAssessmentFactory,
    WorkplaceFactory,
    WorkstationSheetFactory,
)
from tests.factories.principals import link_client, mentor_link, pupil_link
from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory

pytestmark = pytest.mark.django_db

N = 2
DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(weeks=1)
HOLDERS = ["mentor", "pupil"]


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

    assert few == many


@pytest.mark.parametrize("holder", HOLDERS)
def test_the_portal_placement_is_constant_in_its_rows(school_a, holder):
    placement = school_a.placement
    client = holder_client(school_a, holder)
    activity_list = ActivityListFactory(placement=placement)
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

    assert few == many
