"""What the attendance app reports: totals, to-dos per principal, the dashboard's lists and the
dossier section."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from attendance.models import Incident
from attendance.selectors import below_volume, dossier_attendance, todos_for, unconfirmed_weeks
from attendance.selectors.totals import placement_totals, student_year_totals
from attendance.services.incidents import incident_follow_up
from attendance.services.weeks import attendance_week_confirm, attendance_week_correct
from internships.models import Absence, SchoolYear
from tests.attendance.factories import (
    DAY,
    PAST_MONDAY,
    WEEK,
    IncidentFactory,
    planned_day,
    time,
    week_days,
    worked_placement,
)
from tests.factories import AbsenceFactory, SupervisorFactory
from tests.factories.principals import (
    api_client,
    guardian_link,
    mentor_link,
    principal_of,
    pupil_link,
    staff,
)

pytestmark = pytest.mark.django_db

THREE_WEEKS_LATER = PAST_MONDAY + 3 * WEEK + 2 * DAY  # Wednesday 29 October 2025


@pytest.fixture
def placement(school_a):
    return worked_placement(school_a)


@pytest.fixture
def mentor(school_a):
    return principal_of(mentor_link(school_a.mentor))


@pytest.fixture
def school_year():
    return SchoolYear.objects.get(start_year=2025)


def test_totals_count_planned_worked_and_missed_hours(placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    days = week_days(PAST_MONDAY + WEEK)[:4]
    attendance_week_correct(
        placement=placement, monday=PAST_MONDAY + WEEK, principal=mentor, days=days
    )
    for date, justification in (
        (PAST_MONDAY + WEEK + 4 * DAY, Absence.Justification.JUSTIFIED),
        (PAST_MONDAY + 2 * WEEK, Absence.Justification.UNJUSTIFIED),
        (PAST_MONDAY + 2 * WEEK + DAY, Absence.Justification.PENDING),
    ):
        AbsenceFactory(placement=placement, date=date, justification=justification)

    totals = placement_totals(placement, today=THREE_WEEKS_LATER)

    assert totals.planned_hours == 3 * 37.5
    assert totals.worked_hours == 37.5 + 30
    assert totals.not_worked_hours == 7.5
    assert (totals.justified_hours, totals.unjustified_hours, totals.pending_hours) == (
        Decimal("7.50"),
        Decimal("7.50"),
        Decimal("7.50"),
    )
    assert totals.missed_hours == Decimal("22.50")
    assert (totals.planned_volume.half_days, totals.worked_volume.half_days) == (30, 18)
    assert (totals.confirmed_weeks, totals.weeks_to_confirm) == (2, 1)
    assert totals.requires_minimum_volume


def test_the_pupil_years_totals_add_up_its_placements(school_a, placement, mentor):
    later = worked_placement(
        school_a, start=PAST_MONDAY + 6 * WEEK, weeks=1, student=placement.student
    )
    attendance_week_confirm(placement=later, monday=PAST_MONDAY + 6 * WEEK, principal=mentor)

    totals = student_year_totals(placement.student, placement.school_year, today=THREE_WEEKS_LATER)

    assert totals.planned_hours == 4 * 37.5
    assert totals.worked_hours == 37.5
    assert totals.worked_volume.half_days == 10


def test_unconfirmed_weeks_for_the_coordinator_and_the_supervisor(
    school_a, placement, mentor, school_year
):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)
    other = worked_placement(school_a, supervisor=SupervisorFactory(school=school_a.school))

    rows = unconfirmed_weeks(
        staff(school_a.coordinator), school_year=school_year, today=THREE_WEEKS_LATER
    )

    assert [(row.placement, len(row.weeks)) for row in rows] == [(other, 3), (placement, 2)]
    assert rows[1].is_overdue and [w.monday for w in rows[1].overdue_weeks] == [PAST_MONDAY + WEEK]
    mine = unconfirmed_weeks(
        staff(school_a.supervisor), school_year=school_year, today=THREE_WEEKS_LATER
    )
    assert [row.placement for row in mine] == [placement]
    assert (
        unconfirmed_weeks(
            principal_of(pupil_link(placement.student)),
            school_year=school_year,
            today=THREE_WEEKS_LATER,
        )
        == []
    )


def test_below_volume_counts_worked_and_still_planned_half_days(
    school_a, placement, mentor, school_year
):
    days = week_days(PAST_MONDAY)[:1]  # one day of the first week
    attendance_week_correct(placement=placement, monday=PAST_MONDAY, principal=mentor, days=days)
    short = worked_placement(school_a, weeks=1)

    rows = below_volume(staff(school_a.coordinator), school_year=school_year)

    # 2 worked + 20 still planned is enough; the one-week placement (10) is not.
    assert [(row.student, row.expected_half_days, row.missing_half_days) for row in rows] == [
        (short.student, 10, 8)
    ]
    attendance_week_correct(
        placement=placement,
        monday=PAST_MONDAY + WEEK,
        principal=mentor,
        days=[planned_day(PAST_MONDAY + WEEK, end=time("12:00"), breaks=())],  # a half day
    )
    rows = below_volume(staff(school_a.coordinator), school_year=school_year)
    assert [(row.student, row.worked_half_days, row.planned_half_days) for row in rows] == [
        (short.student, 0, 10),
        (placement.student, 3, 10),
    ]
    assert (
        below_volume(principal_of(guardian_link(school_a.guardian)), school_year=school_year) == []
    )


def test_the_mentors_todos_are_the_weeks_to_confirm(school_a, placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)

    todos = todos_for(mentor, today=THREE_WEEKS_LATER)

    assert len(todos) == 1
    assert "Noor Stagiair Alfa" in todos[0].text and "13/10, 20/10" in todos[0].text
    assert todos[0].url == reverse("attendance:portal-weeks", args=[placement.pk])
    assert todos[0].overdue
    assert todos_for(principal_of(pupil_link(placement.student)), today=THREE_WEEKS_LATER) == []
    assert todos_for(api_client(school_a.school), today=THREE_WEEKS_LATER) == []


def test_the_staff_todos(school_a, placement, mentor):
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, start=time("07:00"), end=time("17:00"))
    del days[4]
    attendance_week_correct(placement=placement, monday=PAST_MONDAY, principal=mentor, days=days)
    incident = IncidentFactory(placement=placement, kind=Incident.Kind.WORK_ACCIDENT)
    # Sunday 19 October + 7 days: the second week is overdue from 27 October, the third not yet.
    today = PAST_MONDAY + 3 * WEEK + DAY

    texts = sorted(todo.text for todo in todos_for(staff(school_a.supervisor), today=today))

    assert len(texts) == 3
    assert any(
        "niet bevestigd" in text and "13/10" in text and "20/10" not in text for text in texts
    )
    assert any("overtreden de arbeidsregels" in text for text in texts)
    assert any("arbeidsongeval" in text for text in texts)
    assert todos_for(staff(school_a.other_supervisor), today=today) == []

    incident_follow_up(
        incident=incident, principal=staff(school_a.supervisor), follow_up="Gemeld.", handled=True
    )
    assert len(todos_for(staff(school_a.coordinator), today=today)) == 2


def test_the_dossier_section_lists_weeks_volume_violations_incidents_and_absences(
    school_a, placement, mentor
):
    days = week_days(PAST_MONDAY)
    days[0] = planned_day(PAST_MONDAY, start=time("07:00"), end=time("17:00"))
    del days[4]
    attendance_week_correct(placement=placement, monday=PAST_MONDAY, principal=mentor, days=days)
    IncidentFactory(placement=placement, description="Bijna gevallen van een trapje.")
    AbsenceFactory(placement=placement, date=PAST_MONDAY + 4 * DAY)

    attendance = dossier_attendance(placement)
    html = render_to_string("attendance/dossier.html", {"attendance": attendance})

    assert attendance["worked_volume"].half_days == 8
    assert attendance["planned_volume"].half_days == 30
    assert len(attendance["weeks"]) == 3
    assert "Gewerkte uren en incidenten" in html
    assert "06/10/2025" in html and "gecorrigeerd" in html
    assert "9 u arbeid op één dag" in html and "§ 5.1" in html
    assert "Bijna gevallen van een trapje." in html
    assert "7,5 u gewettigd" in html
    assert "{%" not in html and "<a " not in html


def test_an_old_placement_still_counts_with_a_date_long_past(school_a, placement, mentor):
    attendance_week_confirm(placement=placement, monday=PAST_MONDAY, principal=mentor)

    totals = placement_totals(placement, today=datetime.date(2030, 1, 1))

    assert totals.weeks_to_confirm == 2
