"""The adapter from placements to the engine, and re-checking on every change (5.1, 4.1.1)."""

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.engine import Kind
from compliance.models import ComplianceCheck, Exemption, ScheduleException
from compliance.schedules import schedules_for_student_year
from internships.models import Placement, PlacementPeriod
from internships.services.placements import period_create, placement_transition
from internships.services.students import student_update
from tests.factories import (
    PlacementFactory,
    SchoolHolidayFactory,
    TimetableSlotFactory,
)

ROOT = Path(__file__).resolve().parents[2]
T = datetime.time


def lessons_for(school_class) -> None:
    """Mondays to Fridays 08:25–12:00 and 12:50–15:20, Wednesday mornings only."""
    for weekday in range(5):
        TimetableSlotFactory(
            school_class=school_class, weekday=weekday, start_time=T(8, 25), end_time=T(12)
        )
        if weekday != 2:
            TimetableSlotFactory(
                school_class=school_class,
                weekday=weekday,
                start_time=T(12, 50),
                end_time=T(15, 20),
            )


def only(schedules, placement):
    return next(s for s in schedules if s.placement.pk == placement.pk)


def test_lessons_fill_the_school_days_and_not_the_internship_days(school_a):
    lessons_for(school_a.school_class)
    placement = school_a.placement
    schedules = schedules_for_student_year(school_a.pupil.pk, school_a.school_year)
    entries = only(schedules, placement).schedule.entries

    internship_days = {e.date for e in entries if e.kind == Kind.INTERNSHIP}
    school_days = {e.date for e in entries if e.kind == Kind.SCHOOL}
    assert internship_days == set(school_a.period.dates())
    assert not internship_days & school_days
    assert placement.start_date - datetime.timedelta(days=7) in school_days
    monday_lessons = next(e for e in entries if e.kind == Kind.SCHOOL and e.date.weekday() == 0)
    assert monday_lessons.breaks == ((T(12), T(12, 50)),)


def test_school_holidays_have_no_lessons_and_skip_alternating_days(school_a):
    lessons_for(school_a.school_class)
    placement = school_a.placement
    period = school_a.period
    period.kind = PlacementPeriod.Kind.ALTERNATING
    period.weekdays = [0]
    period.save()
    holiday_monday = placement.start_date + datetime.timedelta(days=7)
    SchoolHolidayFactory(
        school=school_a.school,
        school_year=school_a.school_year,
        start_date=holiday_monday,
        end_date=holiday_monday + datetime.timedelta(days=6),
    )
    schedule = only(schedules_for_student_year(school_a.pupil.pk, school_a.school_year), placement)
    dates = {entry.date for entry in schedule.schedule.entries}
    assert holiday_monday not in dates
    assert holiday_monday + datetime.timedelta(days=1) not in dates
    assert placement.start_date in dates


def test_every_placement_of_the_pupil_year_is_in_the_schedule_with_its_own_exemptions(school_a):
    first = school_a.placement
    second = PlacementFactory(
        student=school_a.pupil,
        host=school_a.host,
        workplace=school_a.workplace,
        start_date=first.end_date + datetime.timedelta(days=31),
        end_date=first.end_date + datetime.timedelta(days=35),
    )
    PlacementPeriod.objects.create(
        placement=second,
        kind="block",
        start_date=second.start_date,
        end_date=second.end_date,
        weekdays=[0, 1, 2, 3, 4],
        start_time=T(9),
        end_time=T(12),
    )
    Exemption.objects.create(placement=second, kind="night_work", ground="bijlage SO 74")

    schedules = schedules_for_student_year(school_a.pupil.pk, school_a.school_year)

    first_entries = only(schedules, first).schedule.entries
    assert {e.date for e in first_entries} >= set(second.periods.get().dates())
    assert not only(schedules, first).schedule.exemptions.night_work
    assert only(schedules, second).schedule.exemptions.night_work
    assert len(only(schedules, second).own_days) == 5


def test_the_programme_decides_the_minimum_volume(school_a):
    # Section 3: 18 half days in the programmes that require workplace learning.
    programme = school_a.school_class.programme
    programme.requires_workplace_learning = True
    programme.save()
    schedule = only(
        schedules_for_student_year(school_a.pupil.pk, school_a.school_year), school_a.placement
    )
    assert schedule.schedule.requires_minimum_volume


def test_a_new_period_is_checked_at_once(school_a):
    placement = school_a.placement
    sunday = placement.start_date + datetime.timedelta(days=6)
    period_create(
        placement=placement,
        kind="block",
        start_date=sunday,
        end_date=sunday,
        weekdays=[6],
        start_time=T(9),
        end_time=T(11),
    )
    check = ComplianceCheck.objects.get(placement=placement)
    assert "sunday_work" in {v["rule"] for v in check.violations}
    assert check.totals["volume"]["half_days"] > 0


def test_a_cancelled_placement_loses_its_check_and_its_sibling_is_rechecked(school_a):
    placement = school_a.placement
    period_create(
        placement=placement,
        kind="block",
        start_date=placement.start_date,
        end_date=placement.start_date,
        weekdays=[placement.start_date.weekday()],
        start_time=T(9),
        end_time=T(11),
    )
    assert ComplianceCheck.objects.filter(placement=placement).exists()
    placement_transition(placement=placement, status=Placement.Status.CANCELLED)
    assert not ComplianceCheck.objects.filter(placement=placement).exists()


def test_a_new_birth_date_rechecks_the_rules_for_minors(school_a):
    # 5.2.1 applies to minors only; the same schedule is fine for an adult.
    placement = school_a.placement
    ScheduleException.objects.create(
        placement=placement,
        date=placement.start_date,
        kind="changed_hours",
        start_time=T(8),
        end_time=T(14),
    )
    pupil = school_a.pupil
    student_update(student=pupil, data={"birth_date": datetime.date(2010, 1, 1)})
    minor_rules = {v["rule"] for v in ComplianceCheck.objects.get(placement=placement).violations}
    assert "uninterrupted_work" in minor_rules

    student_update(student=pupil, data={"birth_date": datetime.date(2000, 1, 1)})
    adult_rules = {v["rule"] for v in ComplianceCheck.objects.get(placement=placement).violations}
    assert "uninterrupted_work" not in adult_rules


def run_command(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check_schedule", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "stagebeheer.settings_test", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


SCHEDULE = {
    "student": {"birth_date": "2008-05-01"},
    "school_year": "2025-2026",
    "entries": [
        {
            "kind": "internship",
            "date": "2026-02-02",
            "start": "08:00",
            "end": "16:30",
            "breaks": [["12:00", "12:30"]],
        }
    ],
}


@pytest.mark.slow
def test_the_command_reports_violations_with_exit_status_1():
    result = run_command("-", stdin=json.dumps(SCHEDULE))
    assert result.returncode == 1, result.stderr
    output = json.loads(result.stdout)
    assert output["violations"][0]["rule"] == "break_too_short"
    assert output["violations"][0]["source"] == "5.2.1"


@pytest.mark.slow
def test_the_command_rejects_bad_input_with_exit_status_2_and_no_traceback(tmp_path):
    bad = tmp_path / "rooster.json"
    bad.write_text('{"student": {"birth_date": "2008-13-01"}, "entries": []}', encoding="utf-8")
    result = run_command(str(bad))
    assert result.returncode == 2
    assert "student.birth_date" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
