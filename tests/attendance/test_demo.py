"""The demo's worked hours, seeded on the personas' school through the services."""

import datetime
import random

import pytest

from attendance.models import AttendanceCheck, AttendanceDay, AttendanceWeek, Incident
from demo.attendance import attendance_seed
from internships.models import AccessLink, Placement
from tests.attendance.factories import worked_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(school_a):
    """The personas' placements have started (the first has three weeks planned), with a
    placement of six weeks in 2025 beside them."""
    Placement.objects.filter(pk__in=[school_a.placement.pk, school_a.other_placement.pk]).update(
        status=Placement.Status.STARTED
    )
    worked_placement(school_a, weeks=6)
    return school_a


def test_past_weeks_are_confirmed_and_the_last_ones_wait(world):
    today = world.placement.end_date + datetime.timedelta(days=3)  # the Monday after

    attendance_seed(school=world.school, today=today, rng=random.Random(4))

    placement = world.placement
    mondays = set(
        AttendanceWeek.objects.filter(placement=placement).values_list("monday", flat=True)
    )
    assert placement.start_date in mondays  # the first week is confirmed ...
    assert placement.end_date - datetime.timedelta(days=4) not in mondays  # ... the last waits
    assert AttendanceCheck.objects.filter(placement=placement).exists()
    # The other placement has no periods: nothing was planned, so nothing is confirmed.
    assert not AttendanceWeek.objects.filter(placement=world.other_placement).exists()
    weeks = AttendanceWeek.objects.all()
    assert weeks.filter(status=AttendanceWeek.Status.CONFIRMED).exists()
    corrected = weeks.filter(status=AttendanceWeek.Status.CORRECTED)
    assert corrected.exists()
    # The placement of 2025 has all its weeks behind it: every kind of correction shows there.
    assert AttendanceDay.objects.filter(force_majeure=True).exists()
    assert AttendanceDay.objects.filter(note__contains="inhaalrust").exists()
    assert AttendanceDay.objects.filter(note__contains="vroeger naar huis").exists()
    assert Incident.objects.count() == 2
    assert all(incident.reported_by_mentor == world.mentor for incident in Incident.objects.all())
    # One portal link for the mentor, used for every confirmation.
    assert AccessLink.objects.filter(mentor=world.mentor, revoked_at__isnull=True).count() == 1
    assert all(
        "persoonlijke link" in week.history.earliest().history_change_reason for week in weeks
    )


def test_a_second_run_changes_nothing(world):
    today = world.placement.end_date + datetime.timedelta(days=3)
    attendance_seed(school=world.school, today=today, rng=random.Random(4))
    counts = (
        AttendanceWeek.objects.count(),
        AttendanceDay.objects.count(),
        Incident.objects.count(),
    )

    attendance_seed(school=world.school, today=today, rng=random.Random(4))

    assert (
        AttendanceWeek.objects.count(),
        AttendanceDay.objects.count(),
        Incident.objects.count(),
    ) == counts


def test_placements_not_started_get_no_hours(school_a):
    today = school_a.placement.end_date + datetime.timedelta(days=30)

    attendance_seed(school=school_a.school, today=today, rng=random.Random(1))

    assert not AttendanceWeek.objects.exists() and not Incident.objects.exists()
