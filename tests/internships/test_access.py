"""Who sees what: every principal kind against the selectors, and the school year staff work in."""

import datetime
from dataclasses import dataclass

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.principals import Anonymous, Principal, UnknownPrincipal
from documents.selectors import documents_visible_to
from internships.models import Placement
from internships.selectors.agreements import group_agreements_visible_to
from internships.selectors.dashboard import dashboard_for
from internships.selectors.hosts import (
    hosts_visible_to,
    mentor_get_for,
    mentors_visible_to,
    workplace_get_for,
    workplaces_visible_to,
)
from internships.selectors.placements import (
    placement_get_for,
    placements_visible_to,
    student_get_for,
    students_visible_to,
)
from internships.selectors.school import (
    SCHOOL_YEAR_SESSION_KEY,
    classes_visible_to,
    programmes_visible_to,
    staff_member_get_for,
    staff_visible_to,
    supervisors_of_school,
)
from tests.factories import (
    MentorFactory,
    PlacementFactory,
    SchoolClassFactory,
    SchoolYearFactory,
    SignatureRequestFactory,
    StudentFactory,
    ready_version,
)
from tests.factories.principals import (
    api_client,
    guardian_link,
    mentor_link,
    principal_of,
    pupil_link,
    staff,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


class TestStaff:
    def test_coordinator_and_school_admin_see_the_whole_school(self, school_a, school_b):
        for user in (school_a.coordinator, school_a.school_admin):
            assert set(placements_visible_to(staff(user))) == {
                school_a.placement,
                school_a.other_placement,
            }
            assert set(students_visible_to(staff(user))) == {
                school_a.pupil,
                school_a.other_pupil,
            }

    def test_supervisor_sees_the_placements_they_supervise_and_those_pupils(self, school_a):
        principal = staff(school_a.supervisor)

        assert list(placements_visible_to(principal)) == [school_a.placement]
        assert list(students_visible_to(principal)) == [school_a.pupil]
        assert list(hosts_visible_to(principal)) == [school_a.host]

    def test_get_for_answers_404_outside_reach(self, school_a, school_b):
        with pytest.raises(Http404):
            placement_get_for(staff(school_a.other_supervisor), school_a.placement.pk)
        with pytest.raises(Http404):
            student_get_for(staff(school_b.coordinator), school_a.pupil.pk)
        with pytest.raises(Http404):
            workplace_get_for(staff(school_b.coordinator), school_a.workplace.pk)
        with pytest.raises(Http404):
            mentor_get_for(staff(school_b.coordinator), school_a.mentor.pk)
        with pytest.raises(Http404):
            staff_member_get_for(staff(school_b.school_admin), school_a.supervisor.pk)

    def test_supervisors_of_school_are_its_active_staff(self, school_a, school_b):
        school_a.other_supervisor.is_active = False
        school_a.other_supervisor.save()

        supervisors = set(supervisors_of_school(staff(school_a.coordinator)))

        assert supervisors == {
            school_a.coordinator,
            school_a.supervisor,
            school_a.school_admin,
        }


class TestLinkHolders:
    def test_a_mentor_sees_only_the_placements_they_guide(self, school_a, school_b):
        other_mentor = MentorFactory(host=school_a.host)
        school_a.other_placement.mentor = other_mentor
        school_a.other_placement.save()
        principal = principal_of(mentor_link(school_a.mentor))

        assert list(placements_visible_to(principal)) == [school_a.placement]
        assert list(students_visible_to(principal)) == [school_a.pupil]
        assert list(hosts_visible_to(principal)) == [school_a.host]
        assert list(mentors_visible_to(principal)) == [school_a.mentor]
        with pytest.raises(Http404):
            placement_get_for(principal, school_a.other_placement.pk)
        with pytest.raises(Http404):
            placement_get_for(principal, school_b.placement.pk)

    def test_a_pupil_sees_only_their_own_placements(self, school_a):
        principal = principal_of(pupil_link(school_a.pupil))

        assert list(placements_visible_to(principal)) == [school_a.placement]
        assert list(students_visible_to(principal)) == [school_a.pupil]
        with pytest.raises(Http404):
            student_get_for(principal, school_a.other_pupil.pk)

    def test_a_guardian_sees_only_their_childs_placements(self, school_a):
        principal = principal_of(guardian_link(school_a.guardian))

        assert list(placements_visible_to(principal)) == [school_a.placement]
        assert list(students_visible_to(principal)) == [school_a.pupil]

    def test_a_signatory_sees_only_the_placement_of_its_document(self, school_a):
        request = SignatureRequestFactory(version=ready_version(school_a.placement))
        principal = principal_of(request.link)

        assert list(placements_visible_to(principal)) == [school_a.placement]
        assert list(students_visible_to(principal)) == [school_a.pupil]

    def test_link_holders_see_nothing_of_the_school_structure(self, school_a):
        for link in (mentor_link(school_a.mentor), pupil_link(school_a.pupil)):
            principal = principal_of(link)
            assert not classes_visible_to(principal).exists()
            assert not programmes_visible_to(principal).exists()
            assert not staff_visible_to(principal).exists()
            assert not group_agreements_visible_to(principal).exists()


class TestApiAndAnonymous:
    def test_an_api_client_sees_its_whole_school(self, school_a, school_b):
        principal = api_client(school_a.school)

        assert set(placements_visible_to(principal)) == {
            school_a.placement,
            school_a.other_placement,
        }
        assert school_b.pupil not in set(students_visible_to(principal))

    def test_nobody_sees_nothing(self, school_a):
        assert not placements_visible_to(Anonymous()).exists()
        assert not students_visible_to(Anonymous()).exists()
        assert not hosts_visible_to(Anonymous()).exists()


# Every read that takes a principal, called with its simplest arguments.
SELECTORS = [
    placements_visible_to,
    students_visible_to,
    hosts_visible_to,
    workplaces_visible_to,
    mentors_visible_to,
    classes_visible_to,
    programmes_visible_to,
    staff_visible_to,
    supervisors_of_school,
    group_agreements_visible_to,
    documents_visible_to,
]


@dataclass(frozen=True)
class Impostor(Principal):
    """A principal kind no selector knows, as a new kind would be before its rules exist."""

    school_id: int


@pytest.mark.parametrize("selector", SELECTORS, ids=lambda selector: selector.__name__)
def test_every_selector_refuses_a_principal_kind_it_does_not_know(school_a, selector):
    with pytest.raises(UnknownPrincipal):
        selector(Impostor(school_id=school_a.school.pk))


@pytest.mark.parametrize("selector", SELECTORS, ids=lambda selector: selector.__name__)
def test_every_selector_refuses_a_bare_user(school_a, selector):
    """A user is not a principal: a view that forgot ``request.principal`` fails loudly."""
    with pytest.raises(UnknownPrincipal):
        selector(school_a.coordinator)


class TestDashboard:
    def dashboard(self, user, school_year):
        today = timezone.localdate()
        return dashboard_for(
            staff(user), school_year=school_year, today=today, horizon=today + 14 * DAY
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
        assert client.session[SCHOOL_YEAR_SESSION_KEY] == last_year.pk
        assert list(placements) == [], "this year's placements are not in last year"

    def test_it_never_redirects_to_another_site(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:school-year-switch"),
            {"school_year": school_a.school_year.pk, "next": "https://evil.example/"},
        )

        assert response["Location"] == reverse("dashboards:home")

    def test_without_a_choice_the_year_of_today_is_used(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(reverse("dashboards:home"))

        assert response.wsgi_request.school_year == school_a.school_year
        assert timezone.localdate() in response.wsgi_request.school_year
