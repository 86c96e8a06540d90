"""Placements whose weeks lie in the past, whatever day the tests run.

The placement of the personas (``tests/conftest.py``) lies in October of the current school year,
which is still ahead in September. These placements lie in October 2025 (school year 2025–2026),
for a pupil of 16 and with a plan that keeps every labour rule (breaks of one hour, 37.5 hours a
week), so whatever the engine finds comes from the hours worked.
"""

import datetime

import factory

from attendance.models import AttendanceDay, AttendanceWeek, Incident
from attendance.services.weeks import WorkedDay
from compliance.services import compliance_check_placement
from internships.models import Placement, SchoolYear
from tests.factories import (
    GuardianFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    SchoolClassFactory,
    StudentFactory,
)

PAST_MONDAY = datetime.date(2025, 10, 6)
BIRTH_DATE = datetime.date(2009, 3, 1)  # 16 in October 2025: a minor
BREAKS = [["10:00", "10:15"], ["12:00", "12:30"], ["14:30", "14:45"]]
DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(days=7)


def time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def worked_placement(
    world,
    *,
    start: datetime.date = PAST_MONDAY,
    weeks: int = 3,
    mentor=None,
    supervisor=None,
    student=None,
    status: str = Placement.Status.STARTED,
    birth_date: datetime.date = BIRTH_DATE,
) -> Placement:
    """A block of ``weeks`` weeks, Monday to Friday 8:00–16:30 with an hour of breaks (7.5 h a
    day), at the world's host, by default for a new pupil, mentored by the world's mentor and
    supervised by its supervisor; its plan is checked as the services would."""
    school_year = SchoolYear.objects.for_date(start)
    if student is None:
        school_class = SchoolClassFactory(
            school=world.school, school_year=school_year, programme=world.school_class.programme
        )
        student = StudentFactory(
            school=world.school,
            school_class=school_class,
            birth_date=birth_date,
            first_name="Noor",
            last_name=f"Stagiair {world.label}",
        )
        GuardianFactory(student=student)
    placement = PlacementFactory(
        student=student,
        school_year=school_year,
        host=world.host,
        workplace=world.workplace,
        mentor=mentor or world.mentor,
        supervisor=supervisor or world.supervisor,
        start_date=start,
        end_date=start + (weeks - 1) * WEEK + 4 * DAY,
        status=status,
    )
    PlacementPeriodFactory(
        placement=placement, start_time=time("08:00"), end_time=time("16:30"), breaks=BREAKS
    )
    compliance_check_placement(placement=placement)
    return placement


def planned_day(date: datetime.date, **changes) -> WorkedDay:
    """A day as planned by :func:`worked_placement`, with ``changes``."""
    values = {
        "date": date,
        "start": time("08:00"),
        "end": time("16:30"),
        "breaks": tuple(tuple(pair) for pair in BREAKS),
    }
    return WorkedDay(**{**values, **changes})


def week_days(monday: datetime.date, count: int = 5) -> list[WorkedDay]:
    return [planned_day(monday + offset * DAY) for offset in range(count)]


def week_form_data(monday: datetime.date, days: dict[int, dict] | None = None, **extra) -> dict:
    """The correction form's POST data for Monday–Friday as planned, ``days`` changing some by
    weekday (``{"worked": False}`` for a day not worked)."""
    data = {"day-TOTAL_FORMS": "5", "day-INITIAL_FORMS": "5", **extra}
    for index in range(5):
        day = {
            "worked": True,
            "start_time": "08:00",
            "end_time": "16:30",
            "break_0_start": BREAKS[0][0],
            "break_0_end": BREAKS[0][1],
            "break_1_start": BREAKS[1][0],
            "break_1_end": BREAKS[1][1],
            "break_2_start": BREAKS[2][0],
            "break_2_end": BREAKS[2][1],
            "force_majeure": False,
            "note": "",
            **(days or {}).get(index, {}),
        }
        for name, value in day.items():
            if value is True:
                data[f"day-{index}-{name}"] = "on"
            elif value not in (False, None):
                data[f"day-{index}-{name}"] = value
    return data


class AttendanceWeekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceWeek

    placement = factory.SubFactory(PlacementFactory)
    monday = factory.LazyAttribute(
        lambda o: o.placement.start_date - datetime.timedelta(days=o.placement.start_date.weekday())
    )
    status = AttendanceWeek.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
    confirmed_by_mentor = factory.SelfAttribute("placement.mentor")


class AttendanceDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceDay

    week = factory.SubFactory(AttendanceWeekFactory)
    date = factory.SelfAttribute("week.monday")
    start_time = datetime.time(8, 0)
    end_time = datetime.time(16, 30)
    breaks = factory.LazyFunction(lambda: [list(pair) for pair in BREAKS])


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    placement = factory.SubFactory(PlacementFactory)
    date = factory.SelfAttribute("placement.start_date")
    kind = Incident.Kind.NEAR_MISS
    description = "Uitgegleden op een natte vloer in de keuken; niet gevallen."
    reported_by_mentor = factory.SelfAttribute("placement.mentor")
