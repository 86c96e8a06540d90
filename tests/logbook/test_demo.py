"""``demo.logbook.logbook_seed`` on school A's world: the pupils' entries through the services,
the mentor's and supervisor's feedback, the reflections after the internship."""

import datetime
import random

import pytest
from django.utils import timezone

from demo.logbook import logbook_seed
from internships.models import Activity, Placement
from internships.selectors.schedules import planned_days
from logbook.models import LogbookComment, LogbookEntry
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


def monday_weeks_ago(weeks: int) -> datetime.date:
    day = timezone.localdate() - datetime.timedelta(weeks=weeks)
    return day - datetime.timedelta(days=day.weekday())


def ended_placement(world, weeks_ago: int) -> Placement:
    start = monday_weeks_ago(weeks_ago)
    placement = PlacementFactory(
        student=StudentFactory(school=world.school, school_class=world.school_class),
        host=world.host,
        workplace=world.workplace,
        mentor=world.mentor,
        supervisor=world.supervisor,
        start_date=start,
        end_date=start + datetime.timedelta(days=11),
        status=Placement.Status.COMPLETED,
    )
    PlacementPeriodFactory(placement=placement)
    return placement


@pytest.fixture
def seeded(school_a, school_b):
    # School A's placement runs: two weeks in, two to go.
    start = monday_weeks_ago(2)
    dates = {"start_date": start, "end_date": start + datetime.timedelta(days=25)}
    Placement.objects.filter(pk=school_a.placement.pk).update(
        status=Placement.Status.STARTED, **dates
    )
    type(school_a.period).objects.filter(pk=school_a.period.pk).update(**dates)
    activity_list = ActivityListFactory(placement=school_a.placement)
    ActivityFactory.create_batch(3, activity_list=activity_list)
    ActivityFactory(activity_list=activity_list, permission=Activity.Permission.MAY_NOT)
    ended = [ended_placement(school_a, weeks) for weeks in (4, 8, 12)]
    Placement.objects.filter(pk=school_b.placement.pk).update(status=Placement.Status.STARTED)

    logbook_seed(school=school_a.school, today=timezone.localdate(), rng=random.Random(7))

    return [Placement.objects.get(pk=school_a.placement.pk), *ended]


def test_every_started_placement_gets_entries_about_its_own_days(seeded):
    for placement in seeded:
        entries = list(placement.logbook_entries.exclude(kind=LogbookEntry.Kind.REFLECTION))
        days = planned_days(placement)
        assert 1 <= len(entries) <= 5
        for entry in entries:
            assert entry.date in days and entry.work_done and entry.feeling
            assert entry.created_at.date() == entry.date


def test_the_pupil_wrote_them_through_the_portal(seeded):
    for placement in seeded:
        for entry in placement.logbook_entries.all():
            record = entry.history.earliest()
            assert record.history_type == "+"
            assert str(placement.student) in record.history_change_reason


def test_only_allowed_lines_of_the_own_list_are_linked(seeded):
    lines = Activity.objects.filter(logbook_entries__placement=seeded[0]).distinct()

    assert lines.exists()
    assert all(line.activity_list.placement_id == seeded[0].pk for line in lines)
    assert not any(line.is_forbidden for line in lines)


def test_mentors_and_supervisors_gave_feedback(seeded):
    comments = LogbookComment.objects.filter(entry__placement__in=seeded)

    assert comments.filter(author_mentor=seeded[0].mentor).exists()
    assert comments.filter(author_user=seeded[0].supervisor).exists()
    for comment in comments:
        assert comment.created_at >= comment.entry.created_at


def test_ended_placements_have_the_pupils_reflection(seeded):
    running, *ended = seeded
    assert not running.logbook_entries.filter(kind=LogbookEntry.Kind.REFLECTION).exists()
    for placement in ended:
        reflection = placement.logbook_entries.get(kind=LogbookEntry.Kind.REFLECTION)
        assert reflection.date > placement.end_date - datetime.timedelta(days=7)
        assert reflection.date <= timezone.localdate()


def test_placements_in_preparation_and_other_schools_get_nothing(school_a, school_b, seeded):
    assert not school_a.other_placement.logbook_entries.exists()
    assert not school_b.placement.logbook_entries.exists()


def test_seeding_again_changes_nothing(school_a, seeded):
    before = list(LogbookEntry.objects.values_list("pk", flat=True).order_by("pk"))

    logbook_seed(school=school_a.school, today=timezone.localdate(), rng=random.Random(8))

    assert list(LogbookEntry.objects.values_list("pk", flat=True).order_by("pk")) == before
