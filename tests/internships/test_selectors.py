"""Reads that depend on who asks (``selectors.py``) and the school year the user works in."""

import datetime

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from internships import selectors
from internships.models import Placement
from tests.factories import PlacementFactory, SchoolClassFactory, SchoolYearFactory, StudentFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


class TestVisibility:
    def test_coordinator_and_school_admin_see_the_whole_school(self, school_a, school_b):
        for user in (school_a.coordinator, school_a.school_admin):
            assert set(selectors.placements_visible_to(user)) == {
                school_a.placement,
                school_a.other_placement,
            }
            assert set(selectors.students_visible_to(user)) == {
                school_a.pupil,
                school_a.other_pupil,
            }

    def test_supervisor_sees_the_placements_they_supervise_and_those_pupils(self, school_a):
        user = school_a.supervisor

        assert list(selectors.placements_visible_to(user)) == [school_a.placement]
        assert list(selectors.students_visible_to(user)) == [school_a.pupil]
        assert list(selectors.hosts_visible_to(user)) == [school_a.host]

    def test_get_for_user_answers_404_outside_reach(self, school_a, school_b):
        with pytest.raises(Http404):
            selectors.placement_get_for_user(school_a.other_supervisor, school_a.placement.pk)
        with pytest.raises(Http404):
            selectors.student_get_for_user(school_b.coordinator, school_a.pupil.pk)
        with pytest.raises(Http404):
            selectors.workplace_get_for_user(school_b.coordinator, school_a.workplace.pk)
        with pytest.raises(Http404):
            selectors.mentor_get_for_user(school_b.coordinator, school_a.mentor.pk)
        with pytest.raises(Http404):
            selectors.staff_member_get_for_user(school_b.school_admin, school_a.supervisor.pk)

    def test_supervisors_of_school_are_its_active_staff(self, school_a, school_b):
        school_a.other_supervisor.is_active = False
        school_a.other_supervisor.save()

        supervisors = set(selectors.supervisors_of_school(school_a.coordinator))

        assert supervisors == {
            school_a.coordinator,
            school_a.supervisor,
            school_a.school_admin,
        }


class TestDashboard:
    def dashboard(self, user, school_year):
        today = timezone.localdate()
        return selectors.dashboard_for_user(
            user, school_year=school_year, today=today, horizon=today + 14 * DAY
        )

    def test_counts_for_the_coordinator(self, school_a):
        today = timezone.localdate()
        year = school_a.school_year
        soon = PlacementFactory(
            student__school=school_a.school,
            student__school_class=school_a.school_class,
            start_date=today,
            end_date=min(today + 3 * DAY, year.end_date),
            mentor=None,
        )
        StudentFactory(school=school_a.school, school_class=school_a.school_class)
        last_year_class = SchoolClassFactory(
            school=school_a.school, school_year=SchoolYearFactory(start_year=year.start_year - 1)
        )
        StudentFactory(school=school_a.school, school_class=last_year_class)

        dashboard = self.dashboard(school_a.coordinator, year)

        assert dashboard.students_without_placement_count == 1
        assert list(dashboard.starting_soon) == [soon]
        assert list(dashboard.missing_people) == [soon]
        assert dashboard.placement_count == 3
        assert dashboard.running_count == 0

    def test_a_cancelled_placement_leaves_its_pupil_without_placement(self, school_a):
        school_a.other_placement.status = Placement.Status.CANCELLED
        school_a.other_placement.save()

        dashboard = self.dashboard(school_a.coordinator, school_a.school_year)

        assert list(dashboard.students_without_placement) == [school_a.other_pupil]
        assert dashboard.placement_count == 1

    def test_supervisor_gets_no_pupil_count(self, school_a):
        dashboard = self.dashboard(school_a.supervisor, school_a.school_year)

        assert dashboard.students_without_placement is None
        assert dashboard.students_without_placement_count is None
        assert dashboard.placement_count == 1


class TestSchoolYearSwitch:
    def test_it_remembers_the_year_and_returns_to_the_page(self, school_a, client_for):
        last_year = SchoolYearFactory(start_year=school_a.school_year.start_year - 1)
        client = client_for(school_a.coordinator)

        response = client.post(
            reverse("internships:school-year-switch"),
            {"school_year": last_year.pk, "next": reverse("internships:placement-list")},
        )
        placements = client.get(reverse("internships:placement-list")).context["placements"]

        assert response["Location"] == reverse("internships:placement-list")
        assert client.session[selectors.SCHOOL_YEAR_SESSION_KEY] == last_year.pk
        assert list(placements) == [], "this year's placements are not in last year"

    def test_it_never_redirects_to_another_site(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:school-year-switch"),
            {"school_year": school_a.school_year.pk, "next": "https://evil.example/"},
        )

        assert response["Location"] == reverse("internships:dashboard")

    def test_without_a_choice_the_year_of_today_is_used(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(reverse("internships:dashboard"))

        assert response.wsgi_request.school_year == school_a.school_year
        assert timezone.localdate() in response.wsgi_request.school_year
