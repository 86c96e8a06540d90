"""Confirming and correcting a week through the services, per principal (5.1)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from attendance.models import AttendanceDay, AttendanceWeek
from attendance.services.weeks import attendance_week_confirm, attendance_week_correct
from internships.models import Placement
from tests.attendance.factories import (
    DAY,
    PAST_MONDAY,
    WEEK,
    planned_day,
    time,
    week_days,
    worked_placement,
)
from tests.factories import MentorFactory
from tests.factories.principals import (
    guardian_link,
    mentor_link,
    principal_of,
    pupil_link,
    staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(school_a):
    return worked_placement(school_a)


@pytest.fixture
def mentor(school_a):
    return principal_of(mentor_link(school_a.mentor))


def test_one_tap_copies_the_weeks_plan(placement, mentor):
    week = attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)

    assert week.status == AttendanceWeek.Status.CONFIRMED
    assert week.confirmed_by_mentor == placement.mentor
    days = list(week.days.order_by("date"))
    assert [day.date for day in days] == [PAST_MONDAY + offset * DAY for offset in range(5)]
    assert {(day.start_time, day.end_time) for day in days} == {(time("08:00"), time("16:30"))}
    assert days[0].breaks == [["10:00", "10:15"], ["12:00", "12:30"], ["14:30", "14:45"]]
    assert not any(day.force_majeure for day in days)


def test_a_confirmed_week_is_confirmed_once(placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)

    with pytest.raises(ValidationError, match="al bevestigd"):
        attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    with pytest.raises(ValidationError, match="al bevestigd"):
        attendance_week_correct(
            placement=placement,
            monday=PAST_MONDAY,
            principal=mentor,
            days=week_days(PAST_MONDAY),
        )


def test_a_week_not_over_yet_cannot_be_confirmed(placement, mentor):
    with pytest.raises(ValidationError, match="nog niet voorbij"):
        attendance_week_confirm(
            placement=placement, monday=PAST_MONDAY, principal=mentor, today=PAST_MONDAY + 4 * DAY
        )

    week = attendance_week_confirm(
        placement=placement, monday=PAST_MONDAY, principal=mentor, today=PAST_MONDAY + 5 * DAY
    )
    assert week.pk


def test_a_placement_in_preparation_has_no_hours_to_confirm(school_a, mentor):
    placement = worked_placement(school_a, status=Placement.Status.PREPARING)

    with pytest.raises(ValidationError, match="zodra de stage loopt"):
        attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)


def test_a_week_outside_the_placement_is_refused(placement, mentor):
    with pytest.raises(ValidationError, match="buiten de stage"):
        attendance_week_confirm(placement=placement, monday=PAST_MONDAY - WEEK, principal=mentor)


def test_the_mentor_corrects_day_by_day(placement, mentor):
    days = week_days(PAST_MONDAY)
    days[1] = planned_day(PAST_MONDAY + DAY, end=time("14:30"), breaks=(("10:00", "10:30"),))
    del days[4]  # Friday not worked
    days.append(
        planned_day(PAST_MONDAY + 5 * DAY, start=time("09:00"), end=time("12:00"), breaks=())
    )

    week = attendance_week_correct(
        placement=placement, monday=PAST_MONDAY, principal=mentor, days=days
    )

    assert week.status == AttendanceWeek.Status.CORRECTED
    stored = {day.date: day for day in week.days.all()}
    assert PAST_MONDAY + 4 * DAY not in stored
    assert stored[PAST_MONDAY + DAY].end_time == time("14:30")
    assert stored[PAST_MONDAY + DAY].breaks == [["10:00", "10:30"]]
    assert stored[PAST_MONDAY + 5 * DAY].start_time == time("09:00")


def test_a_correction_equal_to_the_plan_is_confirmed_as_planned(placement, mentor):
    week = attendance_week_correct(
        placement=placement, monday=PAST_MONDAY, principal=mentor, days=week_days(PAST_MONDAY)
    )

    assert week.status == AttendanceWeek.Status.CONFIRMED


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (planned_day(PAST_MONDAY + 7 * DAY), "buiten deze week"),
        (planned_day(PAST_MONDAY - DAY), "buiten deze week"),
        (planned_day(PAST_MONDAY, start=time("09:00"), end=time("09:00")), "niet gelijk"),
    ],
)
def test_days_that_cannot_be_worked_are_refused(placement, mentor, day, message):
    with pytest.raises(ValidationError, match=message):
        attendance_week_correct(
            placement=placement, monday=PAST_MONDAY, principal=mentor, days=[day]
        )


def test_a_day_past_midnight_may_not_run_into_the_next(placement, mentor):
    days = [
        planned_day(PAST_MONDAY, start=time("18:00"), end=time("02:00"), breaks=()),
        planned_day(PAST_MONDAY + DAY, start=time("01:00"), end=time("06:00"), breaks=()),
    ]

    with pytest.raises(ValidationError, match="volgende dag"):
        attendance_week_correct(
            placement=placement, monday=PAST_MONDAY, principal=mentor, days=days
        )


def test_a_day_outside_the_placements_dates_is_refused(school_a, mentor):
    placement = worked_placement(school_a, start=PAST_MONDAY + 2 * DAY, weeks=1)

    with pytest.raises(ValidationError, match="buiten de stage"):
        attendance_week_correct(
            placement=placement,
            monday=PAST_MONDAY,
            principal=mentor,
            days=[planned_day(PAST_MONDAY)],
        )


def test_another_mentor_pupil_and_guardian_cannot_confirm(school_a, placement):
    others = [
        principal_of(mentor_link(MentorFactory(host=school_a.host))),
        principal_of(pupil_link(placement.student)),
        principal_of(guardian_link(placement.student.guardians.get())),
    ]

    for principal in others:
        with pytest.raises(PermissionDenied):
            attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=principal)
        with pytest.raises(PermissionDenied):
            attendance_week_correct(
                placement=placement,
                monday=PAST_MONDAY,
                principal=principal,
                days=week_days(PAST_MONDAY),
            )
    assert not AttendanceWeek.objects.exists()


def test_staff_correct_a_confirmed_week_with_a_reason(school_a, placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    days = week_days(PAST_MONDAY)[:4]

    with pytest.raises(ValidationError) as refused:
        attendance_week_correct(
            placement=placement, monday=PAST_MONDAY, principal=staff(school_a.supervisor), days=days
        )
    assert "reason" in refused.value.message_dict

    week = attendance_week_correct(
        placement=placement,
        monday=PAST_MONDAY,
        principal=staff(school_a.supervisor),
        days=days,
        reason="Vrijdag ziek volgens de aanwezigheidslijst",
    )

    assert week.status == AttendanceWeek.Status.CORRECTED
    assert week.confirmed_by == school_a.supervisor
    assert week.confirmed_by_mentor == placement.mentor
    assert week.days.count() == 4


def test_every_change_is_in_the_history_with_the_mentor_named(placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    week = AttendanceWeek.objects.get()

    change = week.history.get()
    assert "Mentor Alfa" in change.history_change_reason
    assert "persoonlijke link" in change.history_change_reason
    day_changes = AttendanceDay.history.filter(week_id=week.pk)
    assert day_changes.count() == 5
    assert all("Mentor Alfa" in entry.history_change_reason for entry in day_changes)


def test_a_staff_correction_keeps_each_days_change_in_the_history(school_a, placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, end=time("15:30"))

    attendance_week_correct(
        placement=placement,
        monday=PAST_MONDAY,
        principal=staff(school_a.coordinator),
        days=days[:4],
        reason="Bijgestuurd na telefoon met de mentor",
    )

    monday_history = AttendanceDay.history.filter(date=PAST_MONDAY).order_by("history_date")
    assert [entry.end_time for entry in monday_history] == [time("16:30"), time("15:30")]
    friday_history = AttendanceDay.history.filter(date=PAST_MONDAY + 4 * DAY)
    assert sorted(entry.history_type for entry in friday_history) == ["+", "-"]
    assert AttendanceDay.history.filter(date=PAST_MONDAY + DAY).count() == 1


def test_staff_may_enter_a_week_the_mentor_left(school_a, placement):
    week = attendance_week_correct(
        placement=placement,
        monday=PAST_MONDAY,
        principal=staff(school_a.supervisor),
        days=week_days(PAST_MONDAY),
        reason="Volgens de aanwezigheidslijst",
    )

    assert week.status == AttendanceWeek.Status.CONFIRMED
    assert week.confirmed_by_mentor is None
    assert week.days.count() == 5


def test_the_monday_of_a_week_is_validated(placement):
    week = AttendanceWeek(
        placement=placement,
        monday=PAST_MONDAY + DAY,
        status=AttendanceWeek.Status.CONFIRMED,
        confirmed_at=datetime.datetime.now(datetime.UTC),
    )

    with pytest.raises(ValidationError) as refused:
        week.full_clean()
    assert "monday" in refused.value.message_dict


@pytest.mark.parametrize(
    "breaks",
    [(("07:00", "07:30"),), (("16:00", "17:00"),), (("12:00", "12:30"), ("12:15", "12:45"))],
)
def test_breaks_lie_within_the_day_and_apart(placement, mentor, breaks):
    with pytest.raises(ValidationError, match="pauze"):
        attendance_week_correct(
            placement=placement,
            monday=PAST_MONDAY,
            principal=mentor,
            days=[planned_day(PAST_MONDAY, breaks=breaks)],
        )


def test_a_break_after_midnight_belongs_to_a_night(placement, mentor):
    night = planned_day(
        PAST_MONDAY, start=time("22:00"), end=time("04:00"), breaks=(("01:00", "01:30"),)
    )

    week = attendance_week_correct(
        placement=placement, monday=PAST_MONDAY, principal=mentor, days=[night]
    )

    assert week.days.get().breaks == [["01:00", "01:30"]]
