"""What was really worked goes through the labour-law engine exactly like the plan (5.1, 5.4),
its violations reach the staff card, and the supervisor is told once."""

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory

from attendance.models import AttendanceCheck
from attendance.services.weeks import attendance_week_confirm, attendance_week_correct
from compliance.models import ComplianceCheck
from internships.models import Notification
from internships.services.placements import period_update
from tests.attendance.factories import (
    DAY,
    PAST_MONDAY,
    WEEK,
    planned_day,
    time,
    week_days,
    worked_placement,
)
from tests.factories.principals import mentor_link, principal_of, staff

pytestmark = pytest.mark.django_db

LONG_DAY = {"start": time("07:00"), "end": time("17:00")}  # 10 h minus 1 h of breaks: 9 h
EVENING = {  # 7.5 h until 21:00
    "start": time("12:30"),
    "end": time("21:00"),
    "breaks": (("15:00", "15:30"), ("17:30", "18:00")),
}


@pytest.fixture
def placement(school_a):
    return worked_placement(school_a)


@pytest.fixture
def mentor(school_a):
    return principal_of(mentor_link(school_a.mentor))


def rules(placement) -> list[str]:
    return [item["rule"] for item in AttendanceCheck.objects.get(placement=placement).violations]


def staff_card(placement, user) -> str:
    request = RequestFactory().get("/")
    request.principal = staff(user)
    template = Template("{% load attendance_tags %}{% placement_attendance placement %}")
    return template.render(Context({"placement": placement, "request": request}))


def nine_hours_on_monday(placement, mentor):
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, **LONG_DAY)
    del days[4]  # Friday not worked: the week stays under 38 h
    return attendance_week_correct(
        placement=placement, monday=PAST_MONDAY, principal=mentor, days=days
    )


def test_the_plan_itself_keeps_the_rules(placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)

    check = AttendanceCheck.objects.get(placement=placement)
    assert check.violations == [] and check.error_count == 0
    assert ComplianceCheck.objects.get(placement=placement).error_count == 0
    assert not Notification.objects.filter(kind=Notification.Kind.HOURS_VIOLATION).exists()


def test_nine_hours_a_day_for_a_minor_breaks_daily_max_and_tells_the_supervisor_once(
    school_a, placement, mentor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        nine_hours_on_monday(placement, mentor)

    assert rules(placement) == ["daily_max"]
    check = AttendanceCheck.objects.get(placement=placement)
    assert check.error_count == 1
    card = staff_card(placement, school_a.supervisor)
    assert "9 u arbeid op één dag" in card and "§ 5.1" in card
    alerts = Notification.objects.filter(kind=Notification.Kind.HOURS_VIOLATION)
    assert [alert.recipient_email for alert in alerts] == [school_a.supervisor.email]
    assert len(mail.outbox) == 1
    assert "9 u arbeid op één dag" in mail.outbox[0].body
    assert str(placement.student) in mail.outbox[0].subject
    # The plan is untouched: the plan's check knows nothing of it.
    assert ComplianceCheck.objects.get(placement=placement).error_count == 0


def test_a_violation_is_reported_once_per_week_and_rule(school_a, placement, mentor):
    nine_hours_on_monday(placement, mentor)
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, **LONG_DAY)
    days[1] = planned_day(PAST_MONDAY + DAY, **LONG_DAY)
    del days[4]

    attendance_week_correct(
        placement=placement,
        monday=PAST_MONDAY,
        principal=staff(school_a.supervisor),
        days=days,
        reason="Ook dinsdag langer gewerkt",
    )

    assert rules(placement) == ["daily_max", "daily_max"]
    assert Notification.objects.filter(kind=Notification.Kind.HOURS_VIOLATION).count() == 1


def test_a_new_rule_in_the_same_week_is_reported(school_a, placement, mentor):
    nine_hours_on_monday(placement, mentor)
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, **LONG_DAY)
    days[4] = planned_day(PAST_MONDAY + 4 * DAY, **EVENING)

    attendance_week_correct(
        placement=placement,
        monday=PAST_MONDAY,
        principal=staff(school_a.supervisor),
        days=days,
        reason="Vrijdagavond toch gewerkt",
    )

    alerts = Notification.objects.filter(kind=Notification.Kind.HOURS_VIOLATION)
    assert alerts.count() == 2
    assert sorted(alerts.latest("pk").context["rules"]) == ["night_work", "weekly_max"]


def test_a_late_evening_is_night_work(placement, mentor):
    days = week_days(PAST_MONDAY)
    days[4] = planned_day(PAST_MONDAY + 4 * DAY, **EVENING)

    attendance_week_correct(placement=placement, monday=PAST_MONDAY, principal=mentor, days=days)

    assert rules(placement) == ["night_work"]
    violation = AttendanceCheck.objects.get(placement=placement).violations[0]
    assert violation["source"] == "5.4"
    assert violation["date"] == (PAST_MONDAY + 4 * DAY).isoformat()


def test_overtime_in_force_majeure_needs_a_notice_and_compensatory_rest(placement, mentor):
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, force_majeure=True, **LONG_DAY)

    attendance_week_correct(placement=placement, monday=PAST_MONDAY, principal=mentor, days=days)

    # Force majeure reached the engine: overtime, not a broken daily or weekly maximum.
    assert sorted(rules(placement)) == ["compensatory_rest", "overtime_notice"]
    check = AttendanceCheck.objects.get(placement=placement)
    assert (check.error_count, check.warning_count) == (1, 1)


def test_compensatory_rest_given_the_next_week_clears_the_rule(placement, mentor):
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, force_majeure=True, **LONG_DAY)
    attendance_week_correct(placement=placement, monday=PAST_MONDAY, principal=mentor, days=days)
    rest = week_days(PAST_MONDAY + WEEK)
    rest[2] = planned_day(
        PAST_MONDAY + WEEK + 2 * DAY, end=time("14:30"), breaks=(("10:00", "10:30"),)
    )  # two hours less

    attendance_week_correct(
        placement=placement, monday=PAST_MONDAY + WEEK, principal=mentor, days=rest
    )

    assert rules(placement) == ["overtime_notice"]


def test_the_worked_volume_counts_what_was_worked(placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    days = week_days(PAST_MONDAY + WEEK)
    # A morning of four hours is a half day (3, 4.1.1).
    days[0] = planned_day(PAST_MONDAY + WEEK, end=time("12:00"), breaks=())
    del days[4]  # not worked
    attendance_week_correct(
        placement=placement, monday=PAST_MONDAY + WEEK, principal=mentor, days=days
    )

    totals = AttendanceCheck.objects.get(placement=placement).totals
    assert totals["planned_volume"]["half_days"] == 30
    assert totals["worked_volume"]["half_days"] == 10 + 7
    # 4.1.1: a school week of block internship is five block days; nine make 1.8.
    assert totals["worked_volume"]["block_weeks"] == 1.8
    assert totals["worked_hours"] == 37.5 + 3 * 7.5 + 4
    assert totals["expected_volume"]["half_days"] == 17 + 10
    assert totals["confirmed_weeks"] == 2
    card = staff_card(placement, placement.supervisor)
    assert "17 halve dagen" in card and "30 halve dagen" in card


def test_a_change_of_the_plan_checks_the_worked_weeks_again(placement, mentor):
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, force_majeure=True, **LONG_DAY)
    attendance_week_correct(placement=placement, monday=PAST_MONDAY, principal=mentor, days=days)
    assert "compensatory_rest" in rules(placement)

    # The weeks still planned get an hour shorter each day: the rest fits after all.
    period_update(period=placement.periods.get(), data={"end_time": time("15:30")})

    assert rules(placement) == ["overtime_notice"]
    # The confirmed week kept what was worked.
    totals = AttendanceCheck.objects.get(placement=placement).totals
    assert totals["worked_hours"] == 4 * 7.5 + 9
