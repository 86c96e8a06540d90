"""Schedules the way schools think of them, expanded into the engine's days.

A placement is planned as patterns — a block of weeks, or fixed weekdays every week or
fortnight (4.1.1) — plus single-day exceptions, next to the class timetable. This module turns
them into :class:`compliance.engine.Entry` objects. Plain Python, no Django: the web adapter and
the "try a schedule" page both use it.
"""

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from compliance.engine import Entry, Kind
from compliance.engine.halfdays import AFTERNOON_FROM, PART_MINIMUM, half_days

TimeRange = tuple[dt.time, dt.time]

# Lessons run from 1 September to 30 June; July and August are the summer holiday.
LAST_LESSON_MONTH = 6


class PatternKind(StrEnum):
    BLOCK = "block"
    ALTERNATING = "alternating"


class OverrideKind(StrEnum):
    DAY_OFF = "day_off"
    CHANGED_HOURS = "changed_hours"
    EXTRA_DAY = "extra_day"


def parse_breaks(breaks: Iterable[Iterable[str]]) -> tuple[TimeRange, ...]:
    """Breaks stored as ``[["12:00", "12:30"], ...]`` as pairs of times."""
    return tuple(
        (dt.time.fromisoformat(start), dt.time.fromisoformat(end)) for start, end in breaks
    )


def minutes_between(start: dt.time, end: dt.time) -> int:
    """Minutes from ``start`` to ``end``; an ``end`` not after ``start`` is on the next day."""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes if minutes > 0 else minutes + 24 * 60


@dataclass(frozen=True, slots=True)
class WorkDay:
    """The hours of one internship day; ``origin`` is the kind of pattern that planned it
    (None for a day added by an override)."""

    start: dt.time
    end: dt.time
    breaks: tuple[TimeRange, ...] = ()
    force_majeure: bool = False
    origin: "PatternKind | None" = None

    @property
    def minutes(self) -> int:
        return minutes_between(self.start, self.end) - sum(
            minutes_between(start, end) for start, end in self.breaks
        )

    def work_intervals(self) -> list[tuple[int, int]]:
        """The worked stretches, ``[start, end)`` in minutes since this day's midnight (past
        1440 after midnight), breaks left out.

        A break is read the way the engine reads it: at the first moment with its clock time at
        or after the start of the day.
        """
        start = _minute(self.start)
        end = start + minutes_between(self.start, self.end)
        intervals = []
        cursor = start
        for break_start, length in sorted(
            (_at_or_after(_minute(first), start), minutes_between(first, last))
            for first, last in self.breaks
        ):
            if break_start > cursor:
                intervals.append((cursor, min(break_start, end)))
            cursor = max(cursor, break_start + length)
        if end > cursor:
            intervals.append((cursor, end))
        return intervals


@dataclass(frozen=True, slots=True)
class Pattern:
    """A block or alternating period: ``weekdays`` (0 = Monday) of every ``every_n_weeks``-th
    week from ``start_date`` to ``end_date``, each day with the hours of ``day``."""

    kind: PatternKind
    start_date: dt.date
    end_date: dt.date
    weekdays: frozenset[int]
    day: WorkDay
    every_n_weeks: int = 1

    def dates(self) -> list[dt.date]:
        first_monday = self.start_date - dt.timedelta(days=self.start_date.weekday())
        days = []
        day = self.start_date
        while day <= self.end_date:
            week_index = (day - first_monday).days // 7
            if day.weekday() in self.weekdays and week_index % self.every_n_weeks == 0:
                days.append(day)
            day += dt.timedelta(days=1)
        return days


@dataclass(frozen=True, slots=True)
class Override:
    """A single day that differs from the patterns."""

    date: dt.date
    kind: OverrideKind
    day: WorkDay | None = None


@dataclass(frozen=True, slots=True)
class Lesson:
    """One lesson period of the class timetable."""

    weekday: int
    start: dt.time
    end: dt.time


def expand_internship(
    patterns: Iterable[Pattern],
    overrides: Iterable[Override] = (),
    *,
    legal_holidays: Iterable[dt.date] = (),
    school_holidays: Iterable[dt.date] = (),
    work_on_legal_holidays: bool = False,
) -> dict[dt.date, WorkDay]:
    """The internship days with their hours.

    Nobody plans internship on a legal holiday unless the placement may work then (5.3), so
    those days are skipped; alternating patterns follow the school weeks and skip the school
    holidays, while a block runs on the dates it names. Where a block and an alternating
    pattern share a day, the block decides. Overrides come last: they are what was agreed for
    that one day, so they win even on a holiday.
    """
    skipped = set() if work_on_legal_holidays else set(legal_holidays)
    holidays_of_school = set(school_holidays)
    days: dict[dt.date, WorkDay] = {}
    ordered = sorted(patterns, key=lambda pattern: pattern.kind != PatternKind.ALTERNATING)
    for pattern in ordered:
        work_day = replace(pattern.day, origin=pattern.kind)
        for day in pattern.dates():
            if day in skipped:
                continue
            if pattern.kind == PatternKind.ALTERNATING and day in holidays_of_school:
                continue
            days[day] = work_day
    for override in overrides:
        if override.kind == OverrideKind.DAY_OFF:
            days.pop(override.date, None)
        elif override.day is not None:
            planned = days.get(override.date)
            origin = planned.origin if planned is not None else None
            days[override.date] = replace(override.day, origin=origin)
    return dict(sorted(days.items()))


def internship_entries(days: Mapping[dt.date, WorkDay]) -> list[Entry]:
    return [
        Entry(
            kind=Kind.INTERNSHIP,
            date=date,
            start=day.start,
            end=day.end,
            breaks=day.breaks,
            force_majeure=day.force_majeure,
        )
        for date, day in days.items()
    ]


def _minute(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _at_or_after(minute: int, start: int) -> int:
    return minute if minute >= start else minute + 24 * 60


def _overlaps_internship(lesson: Lesson, day: WorkDay) -> bool:
    start, end = _minute(day.start), _minute(day.end)
    if end <= start:
        end += 24 * 60
    return _minute(lesson.start) < end and start < _minute(lesson.end)


def _in_afternoon(lesson: Lesson) -> bool:
    """A lesson belongs to the half day that holds most of it."""
    return _minute(lesson.start) + _minute(lesson.end) > 2 * AFTERNOON_FROM


def lessons_beside(lessons: Sequence[Lesson], day: WorkDay) -> list[Lesson]:
    """The lessons, in time order, a pupil still follows at school on internship ``day``
    (4.1.1).

    A block day, and any day of two half days of internship, is a full day at the host: no
    lessons. A half day of internship during school hours takes the place of that half day's
    lessons, so only the other half day's lessons count (a morning at the host keeps the
    afternoon's lessons and vice versa). A half day wholly before or after the lessons (an
    evening shift after school), or a day too short to be a half day, keeps the lessons outside
    its hours. Lessons that overlap the internship never count.
    """
    intervals = day.work_intervals()
    parts = half_days(intervals)
    if day.origin == PatternKind.BLOCK or parts == 2:
        return []
    kept = [lesson for lesson in lessons if not _overlaps_internship(lesson, day)]
    if parts == 0 or not lessons or not _overlaps_internship(_span(lessons), day):
        return kept
    morning = sum(max(0, min(end, AFTERNOON_FROM) - start) for start, end in intervals)
    at_host_in_the_morning = morning >= PART_MINIMUM
    return [lesson for lesson in kept if _in_afternoon(lesson) == at_host_in_the_morning]


def _span(lessons: Sequence[Lesson]) -> Lesson:
    """The school hours of a day: from its first lesson to its last, as one lesson."""
    return Lesson(lessons[0].weekday, lessons[0].start, lessons[-1].end)


def lesson_entries(
    lessons: Iterable[Lesson],
    *,
    first_day: dt.date,
    last_day: dt.date,
    internship: Mapping[dt.date, WorkDay],
    days_without_lessons: Iterable[dt.date] = (),
) -> list[Entry]:
    """One school entry per lesson day, its breaks the gaps between lessons (5.1).

    Lessons run on school days up to 30 June; on a day with internship the pupil follows only
    the lessons :func:`lessons_beside` leaves (none on a full day at the host).
    """
    by_weekday: dict[int, list[Lesson]] = {}
    for lesson in lessons:
        by_weekday.setdefault(lesson.weekday, []).append(lesson)
    for day_lessons in by_weekday.values():
        day_lessons.sort(key=lambda lesson: lesson.start)
    closed = set(days_without_lessons)
    last_lesson_day = min(last_day, dt.date(first_day.year + 1, LAST_LESSON_MONTH, 30))
    entries = []
    day = first_day
    while day <= last_lesson_day:
        todays = by_weekday.get(day.weekday())
        if todays and day not in closed:
            work_day = internship.get(day)
            if work_day is not None:
                todays = lessons_beside(todays, work_day)
            night_before = internship.get(day - dt.timedelta(days=1))
            if night_before is not None and _minute(night_before.end) <= _minute(
                night_before.start
            ):
                # The previous day's internship runs past midnight until its end.
                todays = [lesson for lesson in todays if lesson.start >= night_before.end]
            if todays:
                gaps = tuple(
                    (previous.end, following.start)
                    for previous, following in itertools.pairwise(todays)
                    if following.start > previous.end
                )
                entries.append(
                    Entry(
                        kind=Kind.SCHOOL,
                        date=day,
                        start=todays[0].start,
                        end=todays[-1].end,
                        breaks=gaps,
                    )
                )
        day += dt.timedelta(days=1)
    return entries
