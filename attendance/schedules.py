"""The pupil's year as it was really worked, ready for the labour-law engine (5.1).

Exactly like ``compliance.schedules`` builds the plan — internship at every host plus the
lessons of the class timetable, in real clock time — except that each confirmed week's planned
days are replaced by the days that were really worked. Weeks not confirmed yet keep their plan,
so a worked week is checked together with the weeks around it.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch

from attendance.models import AttendanceDay, AttendanceWeek
from attendance.selectors.weeks import monday_of, worked_days_of
from compliance.engine import Rule, Schedule
from compliance.engine.patterns import WorkDay
from compliance.engine.volume import LessonCalendar, Volume, lesson_calendar, planned_volume
from compliance.schedules import assemble_schedule, schedules_for_student_year
from internships.models import Placement, SchoolYear
from internships.selectors.schedules import holiday_dates, lessons_of_class

# The volume is shown beside the worked hours, not as a finding about them.
NOT_ABOUT_WORKED_HOURS = frozenset({Rule.MINIMUM_VOLUME})


@dataclass(frozen=True)
class WorkedSchedule:
    """A placement within its pupil's year as worked: the engine's schedule and its own days."""

    placement: Placement
    schedule: Schedule
    planned_days: dict[datetime.date, WorkDay]
    checked_days: dict[datetime.date, WorkDay]
    worked_days: dict[datetime.date, WorkDay]
    confirmed_mondays: frozenset[datetime.date]
    calendar: LessonCalendar

    def concerns(self, rule: Rule, date: datetime.date) -> bool:
        """Whether a violation of the pupil's year is one of this placement's worked hours."""
        return rule not in NOT_ABOUT_WORKED_HOURS and monday_of(date) in self.confirmed_mondays

    @cached_property
    def planned_volume(self) -> Volume:
        return planned_volume(self.planned_days, calendar=self.calendar)

    @cached_property
    def worked_volume(self) -> Volume:
        """The volume of what was worked in the confirmed weeks (4.1.1)."""
        return planned_volume(self.worked_days, calendar=self.calendar)

    @cached_property
    def expected_volume(self) -> Volume:
        """What was worked plus what is still planned in the weeks not confirmed."""
        return planned_volume(self.checked_days, calendar=self.calendar)


def worked_schedules_for_student_year(
    student_id: int, school_year: SchoolYear
) -> list[WorkedSchedule]:
    """One worked schedule per active placement of the pupil in ``school_year``."""
    planned = schedules_for_student_year(student_id, school_year)
    if not planned:
        return []
    placements = [placement_schedule.placement for placement_schedule in planned]
    records = AttendanceWeek.objects.filter(placement__in=placements).prefetch_related(
        Prefetch("days", queryset=AttendanceDay.objects.order_by("date"))
    )
    records_by_placement: dict[int, list[AttendanceWeek]] = {}
    for record in records:
        records_by_placement.setdefault(record.placement_id, []).append(record)

    own: dict[int, tuple[dict, dict, frozenset]] = {}
    all_days: dict[datetime.date, WorkDay] = {}
    for placement_schedule in planned:
        placement = placement_schedule.placement
        checked = dict(placement_schedule.own_days)
        worked: dict[datetime.date, WorkDay] = {}
        placement_records = records_by_placement.get(placement.pk, [])
        for record in placement_records:
            for date in [date for date in checked if record.contains(date)]:
                del checked[date]
            week_days = worked_days_of(record, placement_schedule.own_days)
            checked.update(week_days)
            worked.update(week_days)
        mondays = frozenset(record.monday for record in placement_records)
        own[placement.pk] = (dict(sorted(checked.items())), dict(sorted(worked.items())), mondays)
        all_days.update(checked)
    all_days = dict(sorted(all_days.items()))

    student = placements[0].student
    legal, school_holidays = holiday_dates(school_year, student.school_id)
    closed = legal | school_holidays
    school_class = next((p.school_class for p in placements if p.school_class_id), None)
    lessons = lessons_of_class(school_class.pk if school_class else None)
    calendar = lesson_calendar(school_year.start_date, closed)
    schedules = []
    for placement_schedule in planned:
        placement = placement_schedule.placement
        checked, worked, mondays = own[placement.pk]
        planned_schedule = placement_schedule.schedule
        schedules.append(
            WorkedSchedule(
                placement=placement,
                schedule=assemble_schedule(
                    birth_date=planned_schedule.student.birth_date,
                    school_year=school_year,
                    days=all_days,
                    lessons=lessons,
                    days_without_lessons=closed,
                    exemptions=planned_schedule.exemptions,
                    requires_minimum_volume=planned_schedule.requires_minimum_volume,
                ),
                planned_days=placement_schedule.own_days,
                checked_days=checked,
                worked_days=worked,
                confirmed_mondays=mondays,
                calendar=calendar,
            )
        )
    return schedules
