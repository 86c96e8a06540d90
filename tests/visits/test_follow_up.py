"""What the supervisor has to do about visits: to-dos, this week's visits, the plan page and
the placement page's plan card."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.principals import StaffMember
from internships.models import Visit
from tests.factories import PlacementFactory, PlacementPeriodFactory, VisitFactory
from tests.factories.principals import api_client, guardian_link, mentor_link, principal_of
from visits.selectors import todos_for, visits_this_week, visits_to_record

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def supervised(school_a, *, start: datetime.date, days: int = 4, **kwargs):
    """A block placement of school A supervised by the world's supervisor, with its period."""
    placement = PlacementFactory(
        student__school=school_a.school,
        supervisor=school_a.supervisor,
        start_date=start,
        end_date=start + days * DAY,
        **kwargs,
    )
    PlacementPeriodFactory(placement=placement)
    return placement


@pytest.fixture
def situation(school_a):
    """Five days after school A's October placement: its visit still to record, a placement
    of the same weeks never visited, and one starting next week."""
    placement = school_a.placement
    today = placement.end_date + 5 * DAY
    Visit.objects.filter(pk=school_a.visit.pk).update(status=Visit.Status.PLANNED)
    missed = supervised(school_a, start=placement.start_date, days=18)
    upcoming = supervised(school_a, start=today + 5 * DAY)
    return today, missed, upcoming


class TestTodos:
    def test_a_supervisor_is_asked_to_plan_record_and_catch_up(self, school_a, situation):
        today, missed, upcoming = situation

        todos = todos_for(StaffMember.of(school_a.supervisor), today=today)

        assert [todo.overdue for todo in todos] == [True, False, False]
        overdue, record, plan = todos
        assert overdue.text == (
            f"Bezoek {missed.student} ({missed.host}): het bezoek is achterstallig"
        )
        assert overdue.url == reverse("internships:placement-detail", args=[missed.pk]) + "#visits"
        assert record.text == (
            f"Verslag het stagebezoek bij {school_a.pupil} van {school_a.visit.date:%d/%m}"
        )
        assert record.url == reverse(
            "internships:visit-update", args=[school_a.placement.pk, school_a.visit.pk]
        )
        assert plan.text == f"Plan een stagebezoek bij {upcoming.student} ({upcoming.host})"
        assert plan.url.startswith(reverse("internships:visit-create", args=[upcoming.pk]))
        assert plan.due_on == upcoming.start_date + 2 * DAY

    def test_a_visit_further_ahead_or_long_overdue_is_no_todo_yet(self, school_a, situation):
        today, missed, upcoming = situation
        later = supervised(school_a, start=today + 60 * DAY)

        todos = todos_for(StaffMember.of(school_a.supervisor), today=today + 30 * DAY)

        texts = " ".join(todo.text for todo in todos)
        assert str(missed.student) not in texts  # its window closed more than a month ago
        assert str(later.student) not in texts  # its window opens in three weeks
        assert str(upcoming.student) in texts  # overdue for three weeks

    def test_others_get_no_visit_todos(self, school_a, situation):
        today, _missed, _upcoming = situation

        assert todos_for(StaffMember.of(school_a.other_supervisor), today=today) == []
        for principal in (
            principal_of(mentor_link(school_a.mentor)),
            principal_of(guardian_link(school_a.guardian)),
            api_client(school_a.school),
        ):
            assert todos_for(principal, today=today) == []


class TestVisitLists:
    def test_visits_this_week_are_the_supervisors_own(self, school_a, school_b):
        visit = school_a.visit
        monday = visit.date - visit.date.weekday() * DAY
        colleague = VisitFactory(placement=school_a.other_placement, date=visit.date)
        VisitFactory(placement=school_a.placement, date=monday + 7 * DAY)

        week = visits_this_week(StaffMember.of(school_a.supervisor), today=monday + 6 * DAY)

        assert week == [visit]
        assert (
            colleague not in visits_this_week(StaffMember.of(school_a.coordinator), today=monday)
            or colleague.visited_by == school_a.coordinator
        )

    def test_planned_visits_in_the_past_are_to_record(self, school_a):
        Visit.objects.filter(pk=school_a.visit.pk).update(status=Visit.Status.PLANNED)
        principal = StaffMember.of(school_a.supervisor)

        assert visits_to_record(principal, today=school_a.visit.date) == []
        assert visits_to_record(principal, today=school_a.visit.date + DAY) == [school_a.visit]


@pytest.fixture
def now(school_a):
    """Around today: a running placement with a planned visit two days ago, one that ended
    five days ago without a visit, one that starts in three weeks."""
    today = timezone.localdate()
    running = supervised(school_a, start=today - 10 * DAY, days=20)
    to_record = VisitFactory(
        placement=running, date=today - 2 * DAY, status=Visit.Status.PLANNED, findings=""
    )
    missed = supervised(school_a, start=today - 15 * DAY, days=10)
    future = supervised(school_a, start=today + 21 * DAY)
    return to_record, missed, future


class TestPlanPage:
    def test_the_supervisor_sees_what_to_plan_record_and_catch_up(self, school_a, client_for, now):
        to_record, missed, future = now

        response = client_for(school_a.supervisor).get(reverse("visits:plan"))

        content = response.content.decode()
        overview = response.context["overview"]
        assert response.status_code == 200
        assert [p.placement for p in overview.to_plan] == [future]
        assert overview.to_record == [to_record]
        assert [p.placement for p in overview.overdue] == [missed]
        assert not overview.sees_school
        assert "Te plannen" in content and "Geplande bezoeken om te verslaan" in content
        assert "Achterstallige bezoeken van de school" not in content
        update = reverse("internships:visit-update", args=[to_record.placement_id, to_record.pk])
        assert update in content

    def test_the_coordinator_also_sees_the_schools_overdue_visits(
        self, school_a, school_b, client_for, now
    ):
        _to_record, missed, _future = now
        PlacementPeriodFactory(placement=school_b.placement)
        Visit.objects.filter(placement=school_b.placement).delete()

        response = client_for(school_a.coordinator).get(reverse("visits:plan"))

        overview = response.context["overview"]
        assert [p.placement for p in overview.school_overdue] == [missed]
        assert "Achterstallige bezoeken van de school" in response.content.decode()
        assert "Bravo" not in response.content.decode()

    @pytest.mark.usefixtures("uncached_pages")
    def test_the_page_takes_a_fixed_number_of_queries(
        self, school_a, client_for, django_assert_num_queries
    ):
        client = client_for(school_a.coordinator)
        client.get(reverse("visits:plan"))
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("visits:plan"))
        for offset in range(3):
            placement = supervised(school_a, start=school_a.placement.start_date + offset * DAY)
            placement.supervisor = school_a.coordinator
            placement.save()
            VisitFactory(placement=placement, status=Visit.Status.PLANNED)

        with django_assert_num_queries(len(few.captured_queries)):
            client.get(reverse("visits:plan"))


def test_the_placement_card_lists_the_proposals(school_a):
    request = RequestFactory().get("/")
    template = Template("{% load visits_tags %}{% placement_visit_plan placement %}")

    html = template.render(Context({"placement": school_a.placement, "request": request}))

    assert "Bezoekplanning" in html
    assert "afgelegd" in html
    assert "om de 4 weken" in html
