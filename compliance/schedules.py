"""The adapter between the database and the engine: a pupil's year becomes a :class:`Schedule`.

The unit the rules speak of is a pupil's school year — internship at every host and the
lessons at school together (5.1) — so a placement is checked with the days of the pupil's other
placements of that year included, and with its own exemptions.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from compliance.engine import Exemptions, Rule, Schedule, Student
from compliance.engine.patterns import (
    Lesson,
    Pattern,
    WorkDay,
    expand_internship,
    internship_entries,
    lesson_entries,
)
from compliance.engine.volume import LessonHourShortfall, Volume, lesson_calendar, planned_volume
from compliance.models import Exemption, ScheduleException
from internships.models import Placement, SchoolClass, SchoolYear
from internships.selectors.schedules import (
    exemptions_for,
    holiday_dates,
    lessons_of_class,
    override_for,
)

# Rules about the whole school year concern every placement of it; the others are shown on the
# placement whose days (give or take the week around them) they fall on.
YEAR_RULES = frozenset({Rule.YEARLY_MAX, Rule.MINIMUM_VOLUME, Rule.SUMMER_HOLIDAY})
WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True)
class PlacementSchedule:
    """A placement's schedule ready for the engine, with its own days, the planned volume of
    the pupil's year (4.1.1: the programme's hours are the year's, over every placement) and
    this placement's share of it."""

    placement: Placement
    schedule: Schedule
    own_days: dict[datetime.date, WorkDay]
    volume: Volume
    own_volume: Volume

    def concerns(self, rule: Rule, date: datetime.date) -> bool:
        """Whether a violation of the pupil's year belongs on this placement's page."""
        if rule in YEAR_RULES:
            return True
        return self.placement.start_date - WEEK <= date <= self.placement.end_date + WEEK


def assemble_schedule(
    *,
    birth_date: datetime.date,
    school_year: SchoolYear,
    days: dict[datetime.date, WorkDay],
    lessons: list[Lesson],
    days_without_lessons: set[datetime.date],
    exemptions: Exemptions,
    requires_minimum_volume: bool,
) -> Schedule:
    """The engine's schedule: the internship days plus the lessons on the other school days."""
    entries = internship_entries(days) + lesson_entries(
        lessons,
        first_day=school_year.start_date,
        last_day=school_year.end_date,
        internship=days,
        days_without_lessons=days_without_lessons,
    )
    entries.sort(key=lambda entry: (entry.date, entry.start))
    return Schedule(
        student=Student(birth_date=birth_date),
        school_year_start=school_year.start_year,
        exemptions=exemptions,
        requires_minimum_volume=requires_minimum_volume,
        entries=tuple(entries),
    )


@dataclass(frozen=True)
class TrialSchedule:
    """A tried pattern on its own: the engine's schedule, its days, and its volume against the
    timetable hours of the class's programme (4.1.1)."""

    schedule: Schedule
    days: dict[datetime.date, WorkDay]
    volume: Volume
    required_lesson_hours: int = 0

    @property
    def shortfall(self) -> LessonHourShortfall | None:
        return self.volume.shortfall(self.required_lesson_hours)


def trial_schedule(
    *,
    school_id: int,
    birth_date: datetime.date,
    school_year: SchoolYear,
    pattern: Pattern,
    school_class_id: int | None,
    exemptions: Exemptions,
    requires_minimum_volume: bool,
) -> TrialSchedule:
    """A schedule that is not saved anywhere, built exactly like a placement's."""
    legal, school_holidays = holiday_dates(school_year, school_id)
    days = expand_internship(
        [pattern],
        legal_holidays=legal,
        school_holidays=school_holidays,
        work_on_legal_holidays=exemptions.holiday_work,
    )
    closed = legal | school_holidays
    schedule = assemble_schedule(
        birth_date=birth_date,
        school_year=school_year,
        days=days,
        lessons=lessons_of_class(school_class_id),
        days_without_lessons=closed,
        exemptions=exemptions,
        requires_minimum_volume=requires_minimum_volume,
    )
    volume = planned_volume(days, calendar=lesson_calendar(school_year.start_date, closed))
    required = None
    if school_class_id is not None:
        required = (
            SchoolClass.objects.filter(pk=school_class_id)
            .values_list("programme__internship_lesson_hours", flat=True)
            .first()
        )
    return TrialSchedule(
        schedule=schedule, days=days, volume=volume, required_lesson_hours=required or 0
    )


def schedules_for_student_year(student_id: int, school_year: SchoolYear) -> list[PlacementSchedule]:
    """One schedule per active placement of the pupil in ``school_year``."""
    placements = list(
        Placement.objects.active()
        .filter(student_id=student_id, school_year=school_year)
        .select_related("student", "school_class__programme")
        .prefetch_related(
            "periods",
            Prefetch("schedule_exceptions", queryset=ScheduleException.objects.order_by("date")),
            Prefetch("exemptions", queryset=Exemption.objects.all()),
        )
    )
    if not placements:
        return []
    student = placements[0].student
    legal, school_holidays = holiday_dates(school_year, student.school_id)
    closed = legal | school_holidays
    days_by_placement = {}
    for placement in placements:
        days_by_placement[placement.pk] = expand_internship(
            [period.as_pattern() for period in placement.periods.all()],
            [override_for(exception) for exception in placement.schedule_exceptions.all()],
            legal_holidays=legal,
            school_holidays=school_holidays,
            work_on_legal_holidays=exemptions_for(placement).holiday_work,
        )
    all_days: dict[datetime.date, WorkDay] = {}
    for days in days_by_placement.values():
        all_days.update(days)
    school_class = next((p.school_class for p in placements if p.school_class_id), None)
    lessons = lessons_of_class(school_class.pk if school_class else None)
    requires_minimum_volume = bool(
        school_class and school_class.programme.requires_workplace_learning
    )
    calendar = lesson_calendar(school_year.start_date, closed)
    year_volume = planned_volume(all_days, calendar=calendar)
    return [
        PlacementSchedule(
            placement=placement,
            schedule=assemble_schedule(
                birth_date=student.birth_date,
                school_year=school_year,
                days=all_days,
                lessons=lessons,
                days_without_lessons=closed,
                exemptions=exemptions_for(placement),
                requires_minimum_volume=requires_minimum_volume,
            ),
            own_days=days_by_placement[placement.pk],
            volume=year_volume,
            own_volume=planned_volume(
                days_by_placement[placement.pk], calendar=calendar, year_days=all_days
            ),
        )
        for placement in placements
    ]
