"""The check stores each placement's plan by week, so pages need no engine (issue 10)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from attendance.services.weeks import attendance_week_confirm, attendance_week_correct
from compliance.models import PlannedWeek
from compliance.services import compliance_check_placement
from core.tenancy import all_schools
from tests.attendance.factories import PAST_MONDAY, WEEK, planned_day, time, worked_placement
from tests.factories.principals import mentor_link, principal_of

pytestmark = pytest.mark.django_db


def stored(placement) -> list[tuple]:
    return list(
        PlannedWeek.objects.filter(placement=placement)
        .order_by("monday")
        .values_list("monday", "last_day", "minutes", "half_days", "weekdays")
    )


def test_each_planned_week_is_stored_with_its_days_minutes_and_half_days(school_a):
    placement = worked_placement(school_a, weeks=2)

    friday = datetime.timedelta(days=4)
    assert stored(placement) == [
        (PAST_MONDAY, PAST_MONDAY + friday, 5 * 450, 10, "01234"),
        (PAST_MONDAY + WEEK, PAST_MONDAY + WEEK + friday, 5 * 450, 10, "01234"),
    ]
    assert PlannedWeek.objects.get(placement=placement, monday=PAST_MONDAY).dates[-1] == (
        PAST_MONDAY + friday
    )


def test_a_cancelled_placement_keeps_no_planned_weeks(school_a):
    placement = worked_placement(school_a, weeks=1)
    placement.status = placement.Status.CANCELLED
    placement.save()
    compliance_check_placement(placement=placement)

    assert stored(placement) == []


def test_a_confirmed_week_stores_its_worked_half_days(school_a):
    placement = worked_placement(school_a, weeks=2)
    mentor = principal_of(mentor_link(school_a.mentor))

    confirmed = attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    corrected = attendance_week_correct(
        placement=placement,
        monday=PAST_MONDAY + WEEK,
        principal=mentor,
        days=[planned_day(PAST_MONDAY + WEEK, end=time("12:00"), breaks=())],
    )

    assert (confirmed.worked_half_days, corrected.worked_half_days) == (10, 1)


def test_recheck_schedules_stores_the_weeks_again(school_a):
    placement = worked_placement(school_a, weeks=1)
    PlannedWeek.objects.filter(placement=placement).delete()
    out = StringIO()

    with all_schools():
        call_command("recheck_schedules", stdout=out)

    assert len(stored(placement)) == 1
    assert "leerlingjaren opnieuw gecontroleerd" in out.getvalue()
