"""The pages of one placement, pupil or host run a fixed number of queries, however many rows
their cards list (issue 10).

Each page is rendered with N rows of every kind it lists and again with 3N, as each staff
member who opens it: the coordinator and the placement's supervisor. The counts are equal, so
no row costs a query of its own.
"""

import datetime
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from compliance.models import ScheduleException
from internships.models import AgreementVersion, Party
from tests.attendance.factories import IncidentFactory
from tests.factories import (
    AbsenceFactory,
    ActivityFactory,
    ActivityListFactory,
    AgreementFactory,
    AgreementVersionFactory,
    GroupAgreementFactory,
    GuardianFactory,
    HealthAssessmentFactory,
    MakeUpPlacementFactory,
    MentorFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    RiskAssessmentFactory,
    SignatureFactory,
    SignatureRequestFactory,
    VisitFactory,
    WorkplaceFactory,
    WorkstationSheetFactory,
)
from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory

pytestmark = pytest.mark.django_db

N = 2
DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(weeks=1)
ROLES = ["coordinator", "supervisor"]
# The placement page with an agreement offered for signature, however many rows it lists: the
# session and the user; the placement, then its agreement, activity list and check together;
# its periods, exceptions, exemptions, absences, visits, risk documents and the school's free
# days; the agreement's versions, signatures and requests; the activities; the school and the
# guardians the agreement names; the make-ups' absences; the navigation's school years; the
# documents; the pupil's year, its weeks and the incidents; the evaluations; the logbook (2);
# the history. It read 60 before issue 10.
PLACEMENT_PAGE_QUERIES = 29
# Once its fragments are cached (core.freshness): the session, the user, the placement and the
# navigation's school years.
CACHED_PLACEMENT_PAGE_QUERIES = 4


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def constant(client, url: str, grow) -> tuple[int, int]:
    """The queries of ``url`` with N rows and with 3N rows (``grow(count)`` adds them)."""
    queries(client, url)  # the first request fills the session and the caches
    grow(N)
    few = queries(client, url)
    grow(2 * N)
    return few, queries(client, url)


class PlacementRows:
    """Rows of every kind the placement page lists, on days of the placement not used yet."""

    def __init__(self, world):
        self.world = world
        self.placement = world.placement
        self.days = (world.placement.start_date + offset * DAY for offset in count(3))
        self.activity_list = ActivityListFactory(placement=self.placement)
        self.agreement = None
        self.versions = count(1)

    def __call__(self, rows: int) -> None:
        world, placement = self.world, self.placement
        self.agreement = self.agreement or AgreementFactory(placement=placement)
        for _ in range(rows):
            day = next(self.days)
            PlacementPeriodFactory(placement=placement, start_date=day, end_date=day)
            make_up = MakeUpPlacementFactory(placement=placement)
            make_up.absences.add(
                AbsenceFactory(placement=placement, date=next(self.days), recorded_by=None)
            )
            AbsenceFactory(
                placement=placement,
                date=next(self.days),
                recorded_by=world.coordinator,
                reported_by_mentor=world.mentor,
            )
            VisitFactory(placement=placement, date=day, visited_by=world.other_supervisor)
            ScheduleException.objects.create(
                placement=placement, date=next(self.days), kind=ScheduleException.Kind.DAY_OFF
            )
            ActivityFactory(activity_list=self.activity_list)
            version = AgreementVersionFactory(
                agreement=self.agreement,
                number=next(self.versions),
                status=AgreementVersion.Status.READY,
            )
            SignatureFactory(version=version, party=Party.SCHOOL)
            SignatureRequestFactory(version=version, party=Party.HOST)
            RiskAssessmentFactory(workplace=placement.workplace)
            WorkstationSheetFactory(workplace=placement.workplace)
            HealthAssessmentFactory(student=placement.student)
            LogbookCommentFactory(entry=LogbookEntryFactory(placement=placement, date=day))
            IncidentFactory(placement=placement, date=day)
            placement.notes = f"Bijgewerkt {day:%d/%m}"
            placement.save()  # a line of its history


@pytest.mark.parametrize("role", ROLES)
def test_the_placement_page_is_constant_in_its_rows(school_a, client_for, role):
    client = client_for(getattr(school_a, role))
    url = reverse("internships:placement-detail", args=[school_a.placement.pk])

    few, many = constant(client, url, PlacementRows(school_a))

    assert few == many == PLACEMENT_PAGE_QUERIES


@pytest.mark.parametrize("role", ROLES)
def test_the_placement_page_once_cached_reads_only_the_placement(school_a, client_for, role):
    client = client_for(getattr(school_a, role))
    url = reverse("internships:placement-detail", args=[school_a.placement.pk])
    PlacementRows(school_a)(N)
    queries(client, url)

    assert queries(client, url) == CACHED_PLACEMENT_PAGE_QUERIES


@pytest.mark.parametrize("role", ROLES)
def test_the_pupil_page_is_constant_in_its_rows(school_a, client_for, role):
    pupil = school_a.pupil
    client = client_for(getattr(school_a, role))
    url = reverse("internships:student-detail", args=[pupil.pk])

    # Weeks from mid-November on, clear of the pupil's placement in October.
    mondays = (school_a.school_year.start_date + weeks * WEEK for weeks in count(11))

    def grow(rows: int) -> None:
        GuardianFactory.create_batch(rows, student=pupil)
        for _ in range(rows):
            day = next(mondays)
            monday = day - day.weekday() * DAY
            PlacementFactory(
                student=pupil,
                supervisor=school_a.supervisor,
                start_date=monday,
                end_date=monday + 4 * DAY,
            )

    few, many = constant(client, url, grow)

    assert few == many


@pytest.mark.parametrize("role", ROLES)
def test_the_host_page_is_constant_in_its_rows(school_a, client_for, role):
    host = school_a.host
    client = client_for(getattr(school_a, role))
    url = reverse("internships:host-detail", args=[host.pk])

    def grow(rows: int) -> None:
        for _ in range(rows):
            workplace = WorkplaceFactory(host=host)
            mentor = MentorFactory(host=host)
            PlacementFactory(
                student__school=host.school,
                host=host,
                workplace=workplace,
                mentor=mentor,
                supervisor=school_a.supervisor,
            )
            GroupAgreementFactory(host=host)

    few, many = constant(client, url, grow)

    assert few == many


@pytest.mark.parametrize(
    "name", ["internships:student-list", "internships:host-list", "internships:placement-list"]
)
def test_the_supervisors_lists_are_constant_in_their_rows(school_a, client_for, name):
    """The coordinator's lists are counted in ``test_query_counts``; a supervisor sees only the
    pupils and hosts of the placements they supervise."""
    client = client_for(school_a.supervisor)

    def grow(rows: int) -> None:
        PlacementFactory.create_batch(
            rows, student__school=school_a.school, supervisor=school_a.supervisor
        )

    few, many = constant(client, reverse(name), grow)

    assert few == many
