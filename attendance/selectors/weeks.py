"""The weeks of a placement: its planned days beside the days really worked (5.1).

A week is listed when it has planned days or confirmed days. It waits for the mentor's
confirmation once its last planned day has passed, as long as the placement runs or has ended
(a placement still in preparation has no worked hours). Every function here reads a whole set
of placements with a constant number of queries.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch, prefetch_related_objects

from attendance.models import AttendanceDay, AttendanceWeek
from compliance.engine.patterns import PatternKind, WorkDay, expand_internship
from compliance.models import ScheduleException
from internships.models import Absence, Placement
from internships.selectors.prefetched import prefetched
from internships.selectors.schedules import exemptions_for, holiday_dates, override_for

DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(days=7)
# Weeks left unconfirmed this long after their Sunday are the school's concern too.
OVERDUE_AFTER = datetime.timedelta(days=7)
# Only a placement that runs or ran has hours to confirm.
ATTENDANCE_STATUSES = (Placement.Status.STARTED, Placement.Status.COMPLETED)

Status = AttendanceWeek.Status
# What a placement's planned days are expanded from.
PLANNING_RELATIONS = ("periods", "schedule_exceptions", "exemptions")


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def week_monday(iso_year: int, iso_week: int) -> datetime.date:
    """The Monday of ISO week ``iso_week`` of ``iso_year``; ValueError for a week that does not
    exist."""
    return datetime.date.fromisocalendar(iso_year, iso_week, 1)


def hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def same_hours(one: WorkDay | None, other: WorkDay | None) -> bool:
    """Whether two days have the same hours, breaks and force majeure (origin aside)."""
    if one is None or other is None:
        return one is other
    return (one.start, one.end, one.breaks, one.force_majeure) == (
        other.start,
        other.end,
        other.breaks,
        other.force_majeure,
    )


def planned_days_by_placement(
    placements: Iterable[Placement],
) -> dict[int, dict[datetime.date, WorkDay]]:
    """Each placement's planned days, as ``internships.selectors.schedules.planned_days``
    expands them, read for all placements at once."""
    placements = list(placements)
    unread = [
        placement
        for placement in placements
        if any(prefetched(placement, name) is None for name in PLANNING_RELATIONS)
    ]
    if unread:  # a page may have read them (``placement_page_prefetch``)
        prefetch_related_objects(
            unread,
            "periods",
            Prefetch("schedule_exceptions", queryset=ScheduleException.objects.order_by("date")),
            "exemptions",
        )
    holidays: dict[tuple[int, int], tuple[set, set]] = {}
    days = {}
    for placement in placements:
        key = (placement.school_year_id, placement.school_id)
        if key not in holidays:
            holidays[key] = holiday_dates(placement.school_year, placement.school_id)
        legal, school_holidays = holidays[key]
        days[placement.pk] = expand_internship(
            [period.as_pattern() for period in placement.periods.all()],
            [override_for(exception) for exception in placement.schedule_exceptions.all()],
            legal_holidays=legal,
            school_holidays=school_holidays,
            work_on_legal_holidays=exemptions_for(placement).holiday_work,
        )
    return days


def week_origin(planned: dict[datetime.date, WorkDay], monday: datetime.date) -> PatternKind | None:
    """The kind of period that planned the week (a day added to a block week is block)."""
    for date, day in planned.items():
        if monday <= date < monday + WEEK and day.origin is not None:
            return day.origin
    return None


def worked_days_of(
    record: AttendanceWeek, planned: dict[datetime.date, WorkDay]
) -> dict[datetime.date, WorkDay]:
    """A confirmed week's days as the engine's work days, each with the origin of its plan."""
    fallback = week_origin(planned, record.monday)
    worked = {}
    for day in record.days.all():
        planned_day = planned.get(day.date)
        origin = planned_day.origin if planned_day is not None else fallback
        worked[day.date] = day.as_work_day(origin)
    return worked


@dataclass(frozen=True)
class DayRow:
    """One day of a week: what was planned, what was worked (once confirmed), any absence."""

    date: datetime.date
    planned: WorkDay | None
    record: AttendanceDay | None
    confirmed: bool
    absence: Absence | None = None

    @property
    def worked(self) -> WorkDay | None:
        return self.record.as_work_day() if self.record else None

    @property
    def planned_hours(self) -> float:
        return hours(self.planned.minutes) if self.planned else 0.0

    @property
    def worked_hours(self) -> float | None:
        if not self.confirmed:
            return None
        return hours(self.worked.minutes) if self.record else 0.0

    @property
    def is_not_worked(self) -> bool:
        return self.confirmed and self.record is None and self.planned is not None

    @property
    def is_unplanned(self) -> bool:
        return self.record is not None and self.planned is None

    @property
    def is_changed(self) -> bool:
        if not self.confirmed:
            return False
        return not same_hours(self.planned, self.worked)


@dataclass
class WeekRow:
    """One week of a placement, planned and (once confirmed) worked."""

    placement: Placement
    monday: datetime.date
    planned: dict[datetime.date, WorkDay]
    record: AttendanceWeek | None
    today: datetime.date
    absences: dict[datetime.date, Absence] = field(default_factory=dict)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + 6 * DAY

    @property
    def iso_year(self) -> int:
        return self.monday.isocalendar()[0]

    @property
    def iso_week(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def status(self) -> AttendanceWeek.Status:
        return self.record.status_value if self.record else Status.TO_CONFIRM

    @property
    def is_to_confirm(self) -> bool:
        return self.status.is_to_confirm

    @property
    def is_confirmed(self) -> bool:
        return self.status.is_confirmed

    @property
    def is_corrected(self) -> bool:
        return self.status.is_corrected

    @cached_property
    def recorded_days(self) -> dict[datetime.date, AttendanceDay]:
        return {day.date: day for day in self.record.days.all()} if self.record else {}

    @property
    def closes_on(self) -> datetime.date:
        """The last day of the week that can hold work: its last planned or worked day."""
        dates = list(self.planned) + list(self.recorded_days)
        return max(dates) if dates else self.sunday

    @property
    def is_past(self) -> bool:
        """Every planned day of the week is over: the hours can be confirmed."""
        return self.closes_on < self.today

    @property
    def accepts_hours(self) -> bool:
        return self.placement.status in ATTENDANCE_STATUSES

    @property
    def awaits_confirmation(self) -> bool:
        """Past, not confirmed, and the placement runs or ran: the mentor's to-do."""
        return self.is_to_confirm and self.is_past and self.accepts_hours

    @property
    def is_overdue(self) -> bool:
        """Still waiting a week after its Sunday: the school follows it up."""
        return self.awaits_confirmation and self.sunday + OVERDUE_AFTER < self.today

    @cached_property
    def days(self) -> list[DayRow]:
        dates = sorted(set(self.planned) | set(self.recorded_days) | set(self.absences))
        return [
            DayRow(
                date=date,
                planned=self.planned.get(date),
                record=self.recorded_days.get(date),
                confirmed=self.record is not None,
                absence=self.absences.get(date),
            )
            for date in dates
        ]

    @property
    def planned_minutes(self) -> int:
        return sum(day.minutes for day in self.planned.values())

    @property
    def planned_hours(self) -> float:
        return hours(self.planned_minutes)

    @property
    def worked_minutes(self) -> int | None:
        if self.record is None:
            return None
        return sum(day.as_work_day().minutes for day in self.recorded_days.values())

    @property
    def worked_hours(self) -> float | None:
        minutes = self.worked_minutes
        return None if minutes is None else hours(minutes)

    @property
    def has_force_majeure(self) -> bool:
        return any(day.force_majeure for day in self.recorded_days.values())


def _records_by_placement(
    placement_ids: list[int], *, confirmers: bool
) -> dict[int, list[AttendanceWeek]]:
    records = AttendanceWeek.objects.filter(placement_id__in=placement_ids).prefetch_related(
        Prefetch("days", queryset=AttendanceDay.objects.order_by("date"))
    )
    if confirmers:
        records = records.select_related("confirmed_by_mentor", "confirmed_by")
    by_placement = defaultdict(list)
    for record in records:
        by_placement[record.placement_id].append(record)
    return by_placement


def _absences_by_placement(
    placements: list[Placement],
) -> dict[int, dict[datetime.date, Absence]]:
    """Each placement's absences by date: those a page prefetched (``placement.absences``),
    the other placements' in one query."""
    by_placement: dict[int, dict[datetime.date, Absence]] = defaultdict(dict)
    unread = []
    for placement in placements:
        absences = prefetched(placement, "absences")
        if absences is None:
            unread.append(placement.pk)
        for absence in absences or []:
            by_placement[placement.pk][absence.date] = absence
    if unread:
        for absence in Absence.objects.filter(placement_id__in=unread):
            by_placement[absence.placement_id][absence.date] = absence
    return by_placement


def weeks_by_placement(
    placements: Iterable[Placement],
    *,
    today: datetime.date,
    planned: dict[int, dict[datetime.date, WorkDay]] | None = None,
    confirmers: bool = True,
) -> dict[int, list[WeekRow]]:
    """Every listed week of each placement, in order (placements need ``school_year``).
    ``confirmers``: each confirmed week with who confirmed it, for the pages that name them."""
    placements = list(placements)
    if planned is None:
        planned = planned_days_by_placement(placements)
    ids = [placement.pk for placement in placements]
    records = _records_by_placement(ids, confirmers=confirmers)
    absences = _absences_by_placement(placements)
    weeks = {}
    for placement in placements:
        own = planned[placement.pk]
        by_monday = {record.monday: record for record in records.get(placement.pk, [])}
        mondays = sorted({monday_of(date) for date in own} | set(by_monday))
        rows = []
        for monday in mondays:
            sunday = monday + 6 * DAY
            rows.append(
                WeekRow(
                    placement=placement,
                    monday=monday,
                    planned={date: day for date, day in own.items() if monday <= date <= sunday},
                    record=by_monday.get(monday),
                    today=today,
                    absences={
                        date: absence
                        for date, absence in absences.get(placement.pk, {}).items()
                        if monday <= date <= sunday
                    },
                )
            )
        weeks[placement.pk] = rows
    return weeks


def placement_weeks(placement: Placement, *, today: datetime.date) -> list[WeekRow]:
    return weeks_by_placement([placement], today=today)[placement.pk]


def placement_week(placement: Placement, monday: datetime.date, *, today: datetime.date) -> WeekRow:
    """One week of the placement, listed or not (a week without planned days is empty)."""
    for row in placement_weeks(placement, today=today):
        if row.monday == monday:
            return row
    return WeekRow(placement=placement, monday=monday, planned={}, record=None, today=today)


def week_in_placement(placement: Placement, monday: datetime.date) -> bool:
    """Whether the week shares a day with the placement's dates."""
    return monday <= placement.end_date and placement.start_date <= monday + 6 * DAY
