"""Activity lists: a programme's reusable activities, the pupil's individual list (8.1.3) and
ticking activities off during the internship (8.2.3)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from internships.models import Activity, ActivityList, ProgrammeActivity
from internships.services import activities as services
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    PlacementFactory,
    ProgrammeActivityFactory,
    ProgrammeFactory,
    ready_version,
)
from tests.factories.principals import staff

pytestmark = pytest.mark.django_db

MAY, MUST, MAY_NOT = Activity.Permission.MAY, Activity.Permission.MUST, Activity.Permission.MAY_NOT


class TestProgrammeActivities:
    def test_coordinator_adds_edits_and_removes_them(self, school_a, client_for):
        client = client_for(school_a.coordinator)
        programme = school_a.school_class.programme

        client.post(
            reverse("internships:programme-activity-create", args=[programme.pk]),
            {"curriculum_goal": "LPD 4", "description": "Helpt bij de maaltijd", "position": 1},
        )
        activity = programme.activities.get()
        client.post(
            reverse("internships:programme-activity-update", args=[activity.pk]),
            {"curriculum_goal": "LPD 5", "description": "Helpt bij de maaltijd", "position": 1},
        )
        activity.refresh_from_db()
        assert activity.curriculum_goal == "LPD 5"
        response = client.get(reverse("internships:programme-detail", args=[programme.pk]))
        assert "Helpt bij de maaltijd" in response.content.decode()

        client.post(reverse("internships:programme-activity-delete", args=[activity.pk]))

        assert not programme.activities.exists()
        assert ProgrammeActivity.history.count() == 3

    def test_new_ones_go_last(self, school_a):
        programme = school_a.school_class.programme
        ProgrammeActivityFactory(programme=programme, position=7)

        activity = services.programme_activity_create(programme=programme, description="Wassen")

        assert activity.position == 8

    def test_the_list_page_runs_the_same_queries_for_n_and_3n_programmes(
        self, school_a, client_for, django_assert_max_num_queries
    ):
        client = client_for(school_a.coordinator)
        url = reverse("internships:programme-list")

        def add(count):
            for programme in ProgrammeFactory.create_batch(count, school=school_a.school):
                ProgrammeActivityFactory.create_batch(2, programme=programme)

        add(3)
        client.get(url)
        with django_assert_max_num_queries(8) as few:
            client.get(url)
        add(6)
        with django_assert_max_num_queries(8) as many:
            response = client.get(url)

        assert len(response.context["programmes"]) == 10
        assert len(many.captured_queries) == len(few.captured_queries)
        assert "Verzorging Alfa" in response.content.decode()


class TestThePupilsList:
    def test_it_starts_from_the_programme_of_the_placements_class(self, school_a):
        programme = school_a.school_class.programme
        first = ProgrammeActivityFactory(programme=programme, position=2, description="Wassen")
        ProgrammeActivityFactory(programme=programme, position=1, description="Bedden")
        ProgrammeActivityFactory(programme=ProgrammeFactory(school=school_a.school))

        activity_list = services.activity_list_create(
            placement=school_a.placement, user=school_a.supervisor
        )

        activities = list(activity_list.activities.all())
        assert [a.description for a in activities] == ["Bedden", "Wassen"]
        assert {a.permission for a in activities} == {MAY}
        assert activities[1].programme_activity == first
        assert activity_list.drawn_up_by == school_a.supervisor
        assert Activity.history.filter(history_user=school_a.supervisor).count() == 2

    def test_one_list_per_placement(self, school_a):
        services.activity_list_create(placement=school_a.placement, user=school_a.supervisor)

        with pytest.raises(ValidationError) as error:
            services.activity_list_create(placement=school_a.placement, user=school_a.supervisor)

        assert error.value.messages == ["Deze stage heeft al een stageactiviteitenlijst."]

    def test_may_not_cannot_be_ticked_done(self, school_a):
        activity = ActivityFactory(
            activity_list=ActivityListFactory(placement=school_a.placement), permission=MAY_NOT
        )

        with pytest.raises(ValidationError) as error:
            services.activity_mark_done(
                activity=activity, done=True, principal=staff(school_a.supervisor)
            )

        assert error.value.messages == [
            "Een activiteit die niet mag, kan niet als uitgevoerd aangevinkt worden."
        ]
        activity.refresh_from_db()
        assert activity.done is False

    def test_a_done_activity_cannot_become_may_not(self, school_a):
        activity = ActivityFactory(activity_list=ActivityListFactory(placement=school_a.placement))
        services.activity_mark_done(
            activity=activity, done=True, principal=staff(school_a.supervisor)
        )

        with pytest.raises(ValidationError) as error:
            services.activity_update(activity=activity, data={"permission": MAY_NOT})

        assert error.value.messages == [
            "Een activiteit die niet mag, kan niet als uitgevoerd aangevinkt worden."
        ]

    def test_ticking_off_with_date_and_comment(self, school_a):
        activity = ActivityFactory(activity_list=ActivityListFactory(placement=school_a.placement))
        day = timezone.localdate() - datetime.timedelta(days=2)

        services.activity_mark_done(
            activity=activity,
            done=True,
            done_on=day,
            comment=" Goed! ",
            principal=staff(school_a.supervisor),
        )
        assert (activity.done, activity.done_on, activity.comment) == (True, day, "Goed!")
        services.activity_mark_done(
            activity=activity, done=False, principal=staff(school_a.supervisor)
        )

        activity.refresh_from_db()
        assert (activity.done, activity.done_on, activity.comment) == (False, None, "Goed!")

    def test_the_annex_is_locked_once_the_agreement_is_ready(self, school_a):
        version = ready_version(school_a.placement)
        activity = version.agreement.placement.activity_list.activities.get()

        with pytest.raises(ValidationError) as error:
            services.activity_update(activity=activity, data={"permission": MAY})
        with pytest.raises(ValidationError):
            services.activity_add(
                activity_list=activity.activity_list, description="Extra", permission=MAY
            )
        services.activity_mark_done(
            activity=activity, done=True, principal=staff(school_a.supervisor)
        )

        assert "een wijziging vraagt een aanhangsel" in error.value.messages[0]
        activity.refresh_from_db()
        assert (activity.permission, activity.done) == (MUST, True)


class TestListPage:
    def test_creating_it_from_the_page(self, school_a, client_for):
        ProgrammeActivityFactory(programme=school_a.school_class.programme, description="Wassen")

        response = client_for(school_a.supervisor).post(
            reverse("internships:activity-list-create", args=[school_a.placement.pk]), follow=True
        )

        assert "Wassen" in response.content.decode()
        assert ActivityList.objects.get().placement == school_a.placement

    def test_htmx_swaps_only_the_row(self, school_a, client_for):
        activity = ActivityFactory(
            activity_list=ActivityListFactory(placement=school_a.placement), permission=MAY
        )

        response = client_for(school_a.supervisor).post(
            reverse("internships:activity-permission", args=[school_a.placement.pk, activity.pk]),
            {"permission": "must"},
            HTTP_HX_REQUEST="true",
        )

        content = response.content.decode()
        assert content.startswith(f'<div class="sb-activity sb-activity-must" id="a{activity.pk}">')
        assert "<html" not in content
        activity.refresh_from_db()
        assert activity.permission == MUST

    def test_htmx_shows_why_a_tick_is_refused(self, school_a, client_for):
        activity = ActivityFactory(
            activity_list=ActivityListFactory(placement=school_a.placement), permission=MAY_NOT
        )

        response = client_for(school_a.supervisor).post(
            reverse("internships:activity-done", args=[school_a.placement.pk, activity.pk]),
            {"done": "on"},
            HTTP_HX_REQUEST="true",
        )

        assert "kan niet als uitgevoerd aangevinkt worden" in response.content.decode()
        activity.refresh_from_db()
        assert activity.done is False

    def test_the_quick_tick_keeps_the_comment(self, school_a, client_for):
        activity = ActivityFactory(
            activity_list=ActivityListFactory(placement=school_a.placement), comment="Met hulp"
        )

        client_for(school_a.supervisor).post(
            reverse("internships:activity-done", args=[school_a.placement.pk, activity.pk]),
            {"done": "on"},
        )

        activity.refresh_from_db()
        assert (activity.done, activity.done_on, activity.comment) == (
            True,
            timezone.localdate(),
            "Met hulp",
        )

    def test_a_custom_line(self, school_a, client_for):
        ActivityListFactory(placement=school_a.placement)

        client_for(school_a.supervisor).post(
            reverse("internships:activity-create", args=[school_a.placement.pk]),
            {"curriculum_goal": "", "description": "Medicatie uitdelen", "permission": "may_not"},
        )

        assert Activity.objects.get().description == "Medicatie uitdelen"

    def test_the_page_runs_the_same_queries_for_n_and_3n_activities(
        self, school_a, client_for, django_assert_max_num_queries
    ):
        client = client_for(school_a.supervisor)
        activity_list = ActivityListFactory(placement=school_a.placement)
        url = reverse("internships:activity-list", args=[school_a.placement.pk])
        ActivityFactory.create_batch(4, activity_list=activity_list)
        client.get(url)

        with django_assert_max_num_queries(12) as few:
            client.get(url)
        ActivityFactory.create_batch(8, activity_list=activity_list)
        with django_assert_max_num_queries(12) as many:
            response = client.get(url)

        assert len(response.context["activities"]) == 12
        assert len(many.captured_queries) == len(few.captured_queries)

    def test_a_supervisor_of_another_placement_gets_404(self, school_a, client_for):
        other = PlacementFactory(student__school=school_a.school)
        ActivityListFactory(placement=other)

        response = client_for(school_a.supervisor).get(
            reverse("internships:activity-list", args=[other.pk])
        )

        assert response.status_code == 404
