"""Hours and volume per placement and per pupil-year: planned, worked, missed (4, 4.1.1).

Worked hours count the confirmed weeks only; missed hours are the recorded absences, by the
school's judgement of them (justified, unjustified, still to judge). The volume is counted in
the half days of section 3 with ``compliance.engine.volume``, over what was planned and over
what was worked.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from attendance.selectors.weeks import (
    WeekRow,
    hours,
    planned_days_by_placement,
    weeks_by_placement,
    worked_days_of,
)
from compliance.engine.patterns import WorkDay
from compliance.engine.volume import (
    LEGAL_MINIMUM_HALF_DAYS,
    Volume,
    lesson_calendar,
    planned_volume,
)
from internships.models import Absence, Placement, SchoolYear, Student
from internships.selectors.schedules import holiday_dates

ZERO = Decimal("0")


@dataclass(frozen=True)
class AttendanceTotals:
    """What was planned, what was worked in the confirmed weeks and what was missed."""

    planned_hours: float
    worked_hours: float
    confirmed_planned_hours: float
    justified_hours: Decimal
    unjustified_hours: Decimal
    pending_hours: Decimal
    planned_volume: Volume
    worked_volume: Volume
    confirmed_weeks: int
    weeks_to_confirm: int
    requires_minimum_volume: bool = False

    @property
    def missed_hours(self) -> Decimal:
        return self.justified_hours + self.unjustified_hours + self.pending_hours

    @property
    def not_worked_hours(self) -> float:
        """Hours planned in the confirmed weeks that were not worked."""
        return max(0.0, round(self.confirmed_planned_hours - self.worked_hours, 2))

    @property
    def minimum_half_days(self) -> int:
        return LEGAL_MINIMUM_HALF_DAYS

    @property
    def worked_share(self) -> int:
        """The worked half days as a share of the planned ones, in percent."""
        if not self.planned_volume.half_days:
            return 0
        return round(100 * self.worked_volume.half_days / self.planned_volume.half_days)


def _absence_hours(placement_ids: list[int]) -> dict[str, Decimal]:
    rows = (
        Absence.objects.filter(placement_id__in=placement_ids)
        .values("justification")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    return {row["justification"]: row["total"] or ZERO for row in rows}


def absence_hours_of(absences: Iterable[Absence]) -> dict[str, Decimal]:
    """Hours per justification of absences already read, as ``totals_of`` counts them."""
    hours_by: dict[str, Decimal] = {}
    for absence in absences:
        hours_by[absence.justification] = hours_by.get(absence.justification, ZERO) + absence.hours
    return hours_by


def totals_of(
    placements: list[Placement],
    weeks: dict[int, list[WeekRow]],
    planned: dict[int, dict[datetime.date, WorkDay]],
    *,
    school_year: SchoolYear,
    holidays: tuple[set, set] | None = None,
    absences: dict[str, Decimal] | None = None,
) -> AttendanceTotals:
    """The totals over ``placements`` (one placement, or a pupil's placements of a year).

    ``holidays`` (legal, school) and ``absences`` (hours per justification) are read here
    unless the caller read them for many placements at once."""
    planned_all: dict[datetime.date, WorkDay] = {}
    worked_all: dict[datetime.date, WorkDay] = {}
    confirmed_planned = 0
    confirmed = to_confirm = 0
    for placement in placements:
        planned_all.update(planned[placement.pk])
        for week in weeks[placement.pk]:
            if week.record is not None:
                confirmed += 1
                confirmed_planned += week.planned_minutes
                worked_all.update(worked_days_of(week.record, planned[placement.pk]))
            elif week.awaits_confirmation:
                to_confirm += 1
    if holidays is None:
        school_id = placements[0].school_id if placements else None
        holidays = holiday_dates(school_year, school_id) if school_id else (set(), set())
    legal, school_holidays = holidays
    calendar = lesson_calendar(school_year.start_date, legal | school_holidays)
    if absences is None:
        absences = _absence_hours([placement.pk for placement in placements])
    school_class = next((p.school_class for p in placements if p.school_class_id), None)
    worked_volume = planned_volume(worked_all, calendar=calendar)
    return AttendanceTotals(
        planned_hours=hours(sum(day.minutes for day in planned_all.values())),
        worked_hours=worked_volume.hours,
        confirmed_planned_hours=hours(confirmed_planned),
        justified_hours=absences.get(Absence.Justification.JUSTIFIED, ZERO),
        unjustified_hours=absences.get(Absence.Justification.UNJUSTIFIED, ZERO),
        pending_hours=absences.get(Absence.Justification.PENDING, ZERO),
        planned_volume=planned_volume(planned_all, calendar=calendar),
        worked_volume=worked_volume,
        confirmed_weeks=confirmed,
        weeks_to_confirm=to_confirm,
        requires_minimum_volume=bool(
            school_class and school_class.programme.requires_workplace_learning
        ),
    )


def placement_totals(placement: Placement, *, today: datetime.date) -> AttendanceTotals:
    planned = planned_days_by_placement([placement])
    weeks = weeks_by_placement([placement], today=today, planned=planned)
    return totals_of([placement], weeks, planned, school_year=placement.school_year)


def student_year_totals(
    student: Student, school_year: SchoolYear, *, today: datetime.date
) -> AttendanceTotals:
    """The pupil's school year over all their placements that are not cancelled."""
    placements = list(
        Placement.objects.active()
        .filter(student=student, school_year=school_year)
        .select_related("school_year", "school_class__programme")
    )
    planned = planned_days_by_placement(placements)
    weeks = weeks_by_placement(placements, today=today, planned=planned)
    return totals_of(placements, weeks, planned, school_year=school_year)
