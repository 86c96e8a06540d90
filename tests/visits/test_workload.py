"""The supervisors' workload in a school year (4.3.1): pupils, visits, kilometres, travel time."""

import datetime
from decimal import Decimal

import pytest

from core.principals import StaffMember
from internships.models import Visit
from tests.factories import PlacementPeriodFactory, VisitFactory
from tests.factories.principals import mentor_link, principal_of
from visits.selectors import supervisor_workload

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(school_a, settings):
    settings.VISITS_AVERAGE_SPEED_KMH = 60
    Visit.objects.filter(pk=school_a.visit.pk).update(distance_km=Decimal("30.0"))
    VisitFactory(
        placement=school_a.placement,
        date=school_a.placement.end_date,
        kind=Visit.Kind.PHONE,
        status=Visit.Status.PLANNED,
    )
    PlacementPeriodFactory(placement=school_a.other_placement)
    return school_a.school_year


def test_the_coordinator_sees_every_supervisor(school_a, year):
    today = school_a.placement.end_date + datetime.timedelta(days=1)

    rows = supervisor_workload(StaffMember.of(school_a.coordinator), school_year=year, today=today)

    by_name = {row.supervisor: row for row in rows}
    assert set(by_name) == {school_a.supervisor, school_a.coordinator}
    own = by_name[school_a.supervisor]
    assert (own.pupils, own.placements) == (1, 1)
    assert (own.visits_done, own.visits_planned, own.visits_to_plan) == (1, 1, 0)
    assert own.km == Decimal("30.0")
    assert own.travel_minutes == 30
    assert own.travel_hours == Decimal("0.5")
    coordinator = by_name[school_a.coordinator]
    assert (coordinator.visits_done, coordinator.visits_to_plan) == (0, 1)


def test_a_supervisor_sees_their_own_row(school_a, year):
    rows = supervisor_workload(StaffMember.of(school_a.supervisor), school_year=year)

    assert [row.supervisor for row in rows] == [school_a.supervisor]


def test_link_holders_see_no_workload(school_a, year):
    assert supervisor_workload(principal_of(mentor_link(school_a.mentor)), school_year=year) == []
