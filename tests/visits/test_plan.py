"""The visit plan by the programme's rule (annex 3): proposals, their status, overdue visits."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.principals import StaffMember
from internships.models import Placement, PlacementPeriod, Visit
from tests.factories import (
    PlacementFactory,
    PlacementPeriodFactory,
    SchoolHolidayFactory,
    VisitFactory,
)
from tests.factories.principals import mentor_link, principal_of, pupil_link
from visits.selectors import overdue_visits, placement_plan
from visits.selectors.plan import ProposalStatus, plan_queryset, plans_of

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
THURSDAY = 3


def alternating(school_a, *, start: datetime.date, weeks: int, **kwargs) -> Placement:
    """An alternating placement of school A's world: every Thursday for ``weeks`` weeks."""
    placement = PlacementFactory(
        student__school=school_a.school,
        student__school_class=school_a.school_class,
        supervisor=school_a.supervisor,
        kind=Placement.Kind.ALTERNATING,
        start_date=start,
        end_date=start + datetime.timedelta(weeks=weeks) - DAY,
        **kwargs,
    )
    PlacementPeriodFactory(
        placement=placement, kind=PlacementPeriod.Kind.ALTERNATING, weekdays=[THURSDAY]
    )
    return placement


def thursdays(start: datetime.date, count: int) -> list[datetime.date]:
    return [start + datetime.timedelta(weeks=week) for week in range(count)]


class TestBlockPeriods:
    def test_a_block_period_gets_one_visit_proposed_in_its_middle(self, school_a):
        placement = school_a.placement  # Monday to Friday for three weeks in October
        today = placement.end_date + 10 * DAY

        (proposal,) = placement_plan(placement, today=today)

        weekdays = [
            day for day in (placement.start_date + n * DAY for n in range(19)) if day.weekday() < 5
        ]
        assert (proposal.window_start, proposal.window_end) == (
            placement.start_date,
            placement.end_date,
        )
        assert proposal.proposed_on == weekdays[len(weekdays) // 2]
        assert proposal.is_block
        assert proposal.status == ProposalStatus.DONE
        assert proposal.visit == school_a.visit

    def test_each_block_period_gets_its_own_visit(self, school_a):
        placement = school_a.placement
        school_a.period.end_date = placement.start_date + 4 * DAY
        school_a.period.save()
        second = PlacementPeriodFactory(
            placement=placement,
            start_date=placement.start_date + 14 * DAY,
            end_date=placement.end_date,
        )

        first, last = placement_plan(placement, today=placement.end_date + DAY)

        assert first.period == school_a.period and first.is_done
        assert last.period == second
        assert last.proposed_on == second.start_date + 2 * DAY  # Wednesday of a 5-day block
        assert last.is_overdue and not last.caught_up

    def test_a_planned_visit_makes_it_planned_and_no_visit_yet_to_plan(self, school_a):
        placement = school_a.other_placement
        PlacementPeriodFactory(placement=placement)
        before = placement.start_date - DAY

        assert [p.status for p in placement_plan(placement, today=before)] == ["to_plan"]
        VisitFactory(
            placement=placement,
            date=placement.start_date + 3 * DAY,
            status=Visit.Status.PLANNED,
        )
        (proposal,) = placement_plan(placement, today=before)
        assert proposal.is_planned
        assert proposal.plan_url.endswith(f"?datum={proposal.proposed_on.isoformat()}")

    def test_a_visit_before_the_window_does_not_count(self, school_a):
        """The intake visit before the start is not the visit during the period."""
        placement = school_a.other_placement
        PlacementPeriodFactory(placement=placement)
        VisitFactory(placement=placement, date=placement.start_date - 10 * DAY)

        (proposal,) = placement_plan(placement, today=placement.end_date + DAY)

        assert proposal.is_overdue


class TestAlternatingPeriods:
    def test_one_visit_every_interval_on_an_internship_day(self, school_a):
        programme = school_a.school_class.programme
        assert programme.visit_interval_weeks == 4
        start = datetime.date(2027, 1, 7)  # a Thursday
        placement = alternating(school_a, start=start, weeks=12)
        days = thursdays(start, 12)
        VisitFactory(placement=placement, date=days[1], status=Visit.Status.DONE)
        VisitFactory(placement=placement, date=days[5], status=Visit.Status.PLANNED)

        proposals = placement_plan(placement, today=days[8] + DAY)

        assert [(p.window_start, p.window_end) for p in proposals] == [
            (start, start + 27 * DAY),
            (start + 28 * DAY, start + 55 * DAY),
            (start + 56 * DAY, placement.end_date),
        ]
        assert [p.proposed_on for p in proposals] == [days[2], days[6], days[10]]
        assert all(p.proposed_on.weekday() == THURSDAY for p in proposals)
        assert [p.status for p in proposals] == ["done", "planned", "to_plan"]

    def test_the_programmes_interval_sets_the_rhythm(self, school_a):
        programme = school_a.school_class.programme
        programme.visit_interval_weeks = 2
        programme.save()
        start = datetime.date(2027, 1, 7)
        placement = alternating(school_a, start=start, weeks=8)

        proposals = placement_plan(placement, today=start)

        # Two Thursdays a window: the second is its middle one. The third window keeps only
        # 4 February: 11 February 2027 falls in the krokusvakantie of the school calendar (4).
        assert [p.proposed_on for p in proposals] == [start + n * DAY for n in (7, 21, 28, 49)]

    def test_a_stretch_without_internship_days_gets_no_visit(self, school_a):
        start = datetime.date(2027, 1, 7)
        placement = alternating(school_a, start=start, weeks=8)
        SchoolHolidayFactory(
            school=school_a.school,
            name="krokusvakantie",
            start_date=start + 28 * DAY,
            end_date=placement.end_date,
        )

        proposals = placement_plan(placement, today=start)

        assert [p.window_start for p in proposals] == [start]

    def test_a_window_passed_without_a_visit_is_overdue_until_a_later_visit(self, school_a):
        start = datetime.date(2027, 1, 7)
        placement = alternating(school_a, start=start, weeks=8)
        today = start + 30 * DAY

        first, second = placement_plan(placement, today=today)
        assert first.is_overdue and first.is_open
        assert second.is_to_plan

        VisitFactory(placement=placement, date=start + 35 * DAY, status=Visit.Status.PLANNED)
        first, second = placement_plan(placement, today=today)
        assert first.is_overdue and first.caught_up and not first.is_open
        assert second.is_planned


class TestOverdueVisits:
    @pytest.fixture
    def overdue(self, school_a):
        """Both placements of school A's world without a visit in October."""
        Visit.objects.filter(placement__school=school_a.school).delete()
        PlacementPeriodFactory(placement=school_a.other_placement)
        return school_a.placement.end_date + DAY

    def test_the_coordinator_sees_the_schools_overdue_visits(self, school_a, school_b, overdue):
        PlacementPeriodFactory(placement=school_b.other_placement)

        proposals = overdue_visits(
            StaffMember.of(school_a.coordinator), school_year=school_a.school_year, today=overdue
        )

        assert {p.placement for p in proposals} == {school_a.placement, school_a.other_placement}

    def test_a_supervisor_sees_their_own(self, school_a, overdue):
        proposals = overdue_visits(
            StaffMember.of(school_a.supervisor), school_year=school_a.school_year, today=overdue
        )

        assert [p.placement for p in proposals] == [school_a.placement]

    def test_a_cancelled_placement_needs_no_visit(self, school_a, overdue):
        Placement.objects.filter(pk=school_a.placement.pk).update(status=Placement.Status.CANCELLED)

        proposals = overdue_visits(
            StaffMember.of(school_a.supervisor), school_year=school_a.school_year, today=overdue
        )

        assert proposals == []

    def test_link_holders_see_none(self, school_a, overdue):
        for link in (mentor_link(school_a.mentor), pupil_link(school_a.pupil)):
            principal = principal_of(link)
            assert overdue_visits(principal, school_year=school_a.school_year, today=overdue) == []


def test_the_plan_of_many_placements_takes_a_fixed_number_of_queries(
    school_a, django_assert_num_queries
):
    today = school_a.placement.end_date
    placements = Placement.objects.filter(school=school_a.school)
    with CaptureQueriesContext(connection) as few:
        plans_of(plan_queryset(placements), today=today)
    for _ in range(4):
        alternating(school_a, start=datetime.date(2027, 1, 7), weeks=4)

    with django_assert_num_queries(len(few.captured_queries)):
        proposals = plans_of(plan_queryset(placements), today=today)

    assert len({p.placement for p in proposals}) == 5
