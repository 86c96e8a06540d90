"""The stored visit windows (``visits.VisitWindow``, annex 3): written with every check of the
planned days, read by the lists of many placements instead of expanding their schedules."""

import datetime

import pytest
from django.apps import apps
from django.urls import reverse

from compliance.services import compliance_check_placement
from core.principals import StaffMember
from internships.models import Visit
from tests.factories import PlacementFactory, PlacementPeriodFactory, VisitFactory
from visits.models import VisitWindow
from visits.selectors import overdue_visits, overdue_visits_count, placement_plan
from visits.selectors.plan import plan_queryset, plans_of

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def stored(placement) -> list[tuple]:
    return list(
        VisitWindow.objects.filter(placement=placement)
        .order_by("window_start")
        .values_list("period_id", "window_start", "window_end", "proposed_on")
    )


def expected(placement) -> list[tuple]:
    return [
        (p.period.pk, p.window_start, p.window_end, p.proposed_on)
        for p in placement_plan(placement, today=placement.start_date)
    ]


def alternating_thursdays(school_a, start: datetime.date, weeks: int):
    placement = PlacementFactory(
        student__school=school_a.school,
        student__school_class=school_a.school_class,
        supervisor=school_a.supervisor,
        kind="alternating",
        start_date=start,
        end_date=start + datetime.timedelta(weeks=weeks) - DAY,
    )
    PlacementPeriodFactory(placement=placement, kind="alternating", weekdays=[3])
    compliance_check_placement(placement=placement)
    return placement


def test_a_check_stores_the_windows_the_plan_computes(school_a):
    placement = alternating_thursdays(school_a, datetime.date(2027, 1, 7), weeks=12)

    assert len(stored(placement)) == 3
    assert stored(placement) == expected(placement)


def test_a_changed_period_stores_the_windows_again(school_a):
    placement = alternating_thursdays(school_a, datetime.date(2027, 1, 7), weeks=12)
    period = placement.periods.get()
    period.end_date = datetime.date(2027, 1, 31)
    period.save()

    compliance_check_placement(placement=placement)

    assert len(stored(placement)) == 1
    assert stored(placement) == expected(placement)


def test_a_new_visit_interval_of_the_programme_stores_the_windows_again(school_a):
    placement = alternating_thursdays(school_a, datetime.date(2027, 1, 7), weeks=12)
    programme = school_a.school_class.programme
    programme.visit_interval_weeks = 2

    programme.save()

    assert len(stored(placement)) == 6
    assert stored(placement) == expected(placement)


def test_the_plan_of_a_checked_placement_reads_its_stored_windows(school_a):
    placement = alternating_thursdays(school_a, datetime.date(2027, 1, 7), weeks=12)
    VisitWindow.objects.filter(placement=placement).update(proposed_on=datetime.date(2027, 1, 8))

    (loaded,) = plan_queryset(placement.__class__.objects.filter(pk=placement.pk))
    proposals = plans_of([loaded], today=placement.start_date)

    assert {p.proposed_on for p in proposals} == {datetime.date(2027, 1, 8)}


class TestOverdue:
    """Overdue: the window passed without a visit in it and no later visit caught up."""

    def coordinator(self, school_a) -> StaffMember:
        return StaffMember.of(school_a.coordinator)

    def test_a_passed_window_without_visits_is_overdue(self, school_a):
        placement = alternating_thursdays(school_a, datetime.date(2026, 9, 3), weeks=8)
        today = datetime.date(2026, 11, 30)

        overdue = overdue_visits(
            self.coordinator(school_a), school_year=placement.school_year, today=today
        )

        assert [(p.placement, p.window_start) for p in overdue] == [
            (placement, datetime.date(2026, 9, 3)),
            (placement, datetime.date(2026, 10, 1)),
        ]
        assert all(p.is_open for p in overdue)

    def test_a_visit_in_the_window_or_after_it_closes_it(self, school_a):
        placement = alternating_thursdays(school_a, datetime.date(2026, 9, 3), weeks=8)
        today = datetime.date(2026, 11, 30)
        # The first window is visited; the second is caught up by a visit after it.
        VisitFactory(placement=placement, date=datetime.date(2026, 9, 17), status="done")
        VisitFactory(placement=placement, date=datetime.date(2026, 11, 5), status=Visit.Status.DONE)
        principal = self.coordinator(school_a)

        assert overdue_visits(principal, school_year=placement.school_year, today=today) == []
        assert overdue_visits_count(principal, school_year=placement.school_year, today=today) == 0

    def test_the_stored_list_agrees_with_the_plan(self, school_a):
        placement = alternating_thursdays(school_a, datetime.date(2026, 9, 3), weeks=12)
        VisitFactory(placement=placement, date=datetime.date(2026, 9, 10), status="done")
        today = datetime.date(2026, 11, 30)

        from_plan = [p for p in placement_plan(placement, today=today) if p.is_open]
        stored_list = overdue_visits(
            self.coordinator(school_a), school_year=placement.school_year, today=today
        )

        assert [(p.window_start, p.window_end, p.proposed_on) for p in stored_list] == [
            (p.window_start, p.window_end, p.proposed_on) for p in from_plan
        ]

    def test_the_dashboard_shows_ten_and_counts_the_rest(self, school_a, client_for):
        for week in range(12):
            alternating_thursdays(
                school_a, datetime.date(2026, 9, 3) + datetime.timedelta(weeks=week), weeks=1
            )
        response = client_for(school_a.coordinator).get(reverse("dashboards:home"))

        overview = response.context["overview"]
        assert len(overview.overdue_visits) == 10
        # Twelve one-Thursday placements; the one in the autumn break (5/11) has no window.
        assert overview.overdue_visits_count == 11
        assert overview.more_overdue_visits == 1
        assert "en nog 1 ander" in response.content.decode()


def test_the_migration_stores_the_windows_of_every_checked_placement(school_a):
    from importlib import import_module

    placement = alternating_thursdays(school_a, datetime.date(2027, 1, 7), weeks=12)
    before = stored(placement)
    VisitWindow.objects.all().delete()

    import_module("visits.migrations.0002_visit_windows").store_windows(apps, None)

    assert stored(placement) == before
