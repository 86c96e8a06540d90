"""Entries expanded into absolute work intervals, in whole minutes.

An absolute minute is ``date.toordinal() * 1440 + minutes since midnight``: plain integers
keep every rule exact and fast, and an interval that crosses midnight needs no special case.
"""

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple

from compliance.engine.calendar import SUPPORTED_YEARS
from compliance.engine.entry_problems import placing_problems
from compliance.engine.halfdays import AFTERNOON_FROM
from compliance.engine.i18n import MINUTES_PER_DAY, format_clock
from compliance.engine.model import Entry, Kind, ScheduleInputError


class Segment(NamedTuple):
    """A stretch of work without a break, ``[start, end)`` in absolute minutes.

    ``day`` is the ordinal of the day its shift started, which day rules group by even when
    the segment itself lies after midnight: the entry's date, or for an entry that continues
    the previous one without a pause the day of that one (see :func:`build_timeline`). (A
    named tuple: a year has a thousand of them.)
    """

    start: int
    end: int
    day: int
    internship: bool
    force_majeure: bool

    def calendar_days(self) -> range:
        """The days (ordinals) on which some minute of the segment falls by the clock."""
        return range(self.start // MINUTES_PER_DAY, (self.end - 1) // MINUTES_PER_DAY + 1)


# Segment(...) without the named tuple's own __new__, a Python function: a year has a
# thousand segments, and creating them is a large part of building a timeline.
_segment: Callable[[tuple[int, int, int, bool, bool]], Segment] = partial(tuple.__new__, Segment)


@dataclass(slots=True)
class Day:
    """All work of the shifts that start on one day, its segments in time order.

    The sums are plain fields, kept up to date as :func:`build_timeline` adds work: the
    rules read them hundreds of thousands of times in a large file.
    """

    ordinal: int
    segments: list[Segment] = field(default_factory=list)
    work: int = 0
    internship: int = 0
    force_majeure_internship: int = 0
    # Work minutes not done in force majeure: what the 8-hour limit applies to.
    regular_work: int = 0
    has_internship: bool = False
    has_force_majeure: bool = False
    # Internship minutes before 13:00 of this day, for its half days (3, 4.1.1).
    internship_morning: int = 0

    @property
    def first_start(self) -> int:
        return self.segments[0].start

    @property
    def last_end(self) -> int:
        return self.segments[-1].end


@dataclass(frozen=True, slots=True)
class Timeline:
    """The work of a schedule: disjoint segments sorted by time, and the days they belong to."""

    segments: Sequence[Segment]
    days: Sequence[Day]
    day_by_ordinal: dict[int, Day]
    internship_minutes: int
    school_minutes: int
    _starts: list[int]
    _ends: list[int]

    def overlapping(self, start: int, end: int) -> Sequence[Segment]:
        """The segments that share at least one minute with ``[start, end)``, in time order."""
        # Segments are disjoint and sorted, so their ends are sorted too.
        first = bisect_right(self._ends, start)
        last = bisect_right(self._starts, end - 1)
        return self.segments[first:last]

    def is_busy(self, start: int, end: int) -> bool:
        """Whether any work falls in ``[start, end)``."""
        first = bisect_right(self._ends, start)
        return first < len(self.segments) and self._starts[first] < end

    def rest_around(self, start: int, end: int) -> int | None:
        """The length of the rest that contains the free ``[start, end)``: from the end of the
        last work before it to the start of the first work after it; ``None`` when there is
        no work on one side. Only meaningful when ``[start, end)`` is not busy.
        """
        before = bisect_right(self._ends, start) - 1
        after = bisect_left(self._starts, end)
        if before < 0 or after == len(self.segments):
            return None
        return self._starts[after] - self._ends[before]


class _Shape(NamedTuple):
    """An entry's times in minutes since the midnight of its date: its start, its length
    with breaks, its work, the work between the breaks (``[start, end)``, in order), and how
    much of that work falls before 13:00 (see :mod:`compliance.engine.halfdays`).
    """

    first: int
    length: int
    work: int
    parts: tuple[tuple[int, int], ...]
    morning: int


# A school year repeats a few dozen shapes in hundreds of entries, so each is worked out
# once. Only naive times are kept: aware times compare by their UTC time, so two equal keys
# could stand for different clock times.
_ShapeKey = tuple[dt.time, dt.time, tuple[tuple[dt.time, dt.time], ...]]
_SHAPES: dict[_ShapeKey, _Shape] = {}
_SHAPES_KEPT = 4096


def build_timeline(entries: Sequence[Entry]) -> Timeline:
    """Expand ``entries`` into work segments, breaks left out, grouped into days.

    Work that continues across midnight is one shift and counts for the day it starts (5.1,
    5.2): an entry that starts at the very minute the previous entry ends joins that entry's
    day, also when it is dated the next day, so a night entered as 22:00–00:00 and
    00:00–06:00 is the same
    day as one entry 22:00–06:00 and splitting at 00:00 escapes no daily limit. Any pause
    between the two makes the later entry a day of its own, which then owes the daily rest.
    Contiguous work of the same kind is one segment, however it was entered.

    Raises :class:`ScheduleInputError` listing every entry that cannot be placed on a clock:
    seconds in a time, a date outside the supported years, zero length, a break outside its
    entry or overlapping another break, breaks covering the whole entry, force majeure on
    school, or entries that overlap each other.
    """
    errors: list[str] = []
    # Each entry on the clock as (start, end, index, its date's ordinal, its shape).
    placed: list[tuple[int, int, int, int, _Shape]] = []
    for index, entry in enumerate(entries):
        # Nearly every entry has a known shape; _shape_of works out and keeps a new one.
        shape = _SHAPES.get((entry.start, entry.end, entry.breaks)) or _shape_of(entry)
        date = entry.date
        if (
            shape is None
            or date.year not in SUPPORTED_YEARS
            or (entry.force_majeure and entry.kind is not Kind.INTERNSHIP)
        ):
            errors.extend(placing_problems(f"entries[{index}]", entry))
            continue
        ordinal = date.toordinal()
        start = ordinal * MINUTES_PER_DAY + shape.first
        placed.append((start, start + shape.length, index, ordinal, shape))
    placed.sort()
    errors.extend(_overlap_errors(entries, placed))
    if errors:
        raise ScheduleInputError(errors)

    # Entries do not overlap and each starts on its own date, so in start order both the
    # segments and the days come sorted: a continuation joins the latest day.
    segments: list[Segment] = []
    days: list[Day] = []
    day_by_ordinal: dict[int, Day] = {}
    internship_minutes = school_minutes = 0
    previous_end = -1
    for start, end, index, ordinal, shape in placed:
        entry = entries[index]
        internship = entry.kind is Kind.INTERNSHIP
        force_majeure = entry.force_majeure
        continues = start == previous_end
        previous_end = end
        day = days[-1] if continues else day_by_ordinal.get(ordinal)
        midnight = ordinal * MINUTES_PER_DAY
        segment_day = ordinal if day is None else day.ordinal
        parts = [
            _segment(
                (midnight + part_start, midnight + part_end, segment_day, internship, force_majeure)
            )
            for part_start, part_end in shape.parts
        ]
        if continues:
            last = segments[-1]
            if (
                last.end == parts[0].start
                and last.internship == internship
                and last.force_majeure == force_majeure
            ):
                # The same work going on: one segment, as if it had been entered as one entry.
                segments[-1] = day.segments[-1] = last._replace(end=parts[0].end)
                del parts[0]
        if day is None:
            day = day_by_ordinal[ordinal] = Day(ordinal, parts)
            days.append(day)
        else:
            day.segments.extend(parts)
        segments.extend(parts)
        work = shape.work
        day.work += work
        if internship:
            day.internship += work
            day.has_internship = True
            # A continuation dated after its day starts after that day's midnight: afternoon.
            if ordinal == day.ordinal:
                day.internship_morning += shape.morning
            internship_minutes += work
        else:
            school_minutes += work
        if force_majeure:
            day.force_majeure_internship += work
            day.has_force_majeure = True
        else:
            day.regular_work += work
    return Timeline(
        segments=segments,
        days=days,
        day_by_ordinal=day_by_ordinal,
        internship_minutes=internship_minutes,
        school_minutes=school_minutes,
        _starts=[segment.start for segment in segments],
        _ends=[segment.end for segment in segments],
    )


def entry_errors(entries: Sequence[Entry]) -> list[str]:
    """The messages :func:`build_timeline` would raise for ``entries``; empty when valid."""
    try:
        build_timeline(entries)
    except ScheduleInputError as error:
        return error.errors
    return []


def _shape_of(entry: Entry) -> _Shape | None:
    """The shape of an entry whose times are not among the known shapes, kept for the next
    entry like it; ``None`` when its times cannot be placed on a clock.
    """
    key = (entry.start, entry.end, entry.breaks)
    shape = _new_shape(*key)
    if shape is not None and _all_naive(key):
        if len(_SHAPES) >= _SHAPES_KEPT:
            _SHAPES.clear()
        _SHAPES[key] = shape
    return shape


def _new_shape(
    start: dt.time, end: dt.time, breaks: Sequence[tuple[dt.time, dt.time]]
) -> _Shape | None:
    """The shape of an entry with these times, or ``None`` for seconds in a time, zero
    length, a break outside the entry or overlapping another, or breaks covering it all.

    A break time is the first moment with that clock time at or after the entry's start.
    """
    if start.second or start.microsecond or end.second or end.microsecond:
        return None
    first = start.hour * 60 + start.minute
    length = (end.hour * 60 + end.minute - first) % MINUTES_PER_DAY
    if not length:
        return None
    last = first + length
    placed: list[tuple[int, int]] = []
    for break_start, break_end in breaks:
        if (
            break_start.second
            or break_start.microsecond
            or break_end.second
            or break_end.microsecond
        ):
            return None
        break_from = first + (break_start.hour * 60 + break_start.minute - first) % MINUTES_PER_DAY
        break_to = first + (break_end.hour * 60 + break_end.minute - first) % MINUTES_PER_DAY
        if not first <= break_from < break_to <= last:
            return None
        placed.append((break_from, break_to))
    placed.sort()
    parts: list[tuple[int, int]] = []
    cursor = first
    for break_from, break_to in placed:
        if break_from < cursor:
            return None  # it overlaps the break before it
        if break_from > cursor:
            parts.append((cursor, break_from))
        cursor = break_to
    if last > cursor:
        parts.append((cursor, last))
    if not parts:
        return None
    work = sum(part_end - part_start for part_start, part_end in parts)
    morning = sum(
        max(0, min(part_end, AFTERNOON_FROM) - part_start) for part_start, part_end in parts
    )
    return _Shape(first, length, work, tuple(parts), morning)


def _all_naive(key: _ShapeKey) -> bool:
    start, end, breaks = key
    return all(
        moment.tzinfo is None
        for moment in (start, end, *(time for pair in breaks for time in pair))
    )


def _overlap_errors(
    entries: Sequence[Entry], placed: list[tuple[int, int, int, int, _Shape]]
) -> list[str]:
    """One message per entry that overlaps an entry starting earlier; ``placed`` is sorted
    and holds ``(start, end, index, ...)`` as :func:`build_timeline` places them.
    """
    errors: list[str] = []
    latest_start = latest_end = latest_index = -1
    for start, end, index, _ordinal, _shape in placed:
        if start < latest_end:
            other = entries[latest_index].date.isoformat()
            errors.append(
                f"entries[{index}]: overlapt met entries[{latest_index}] "
                f"({other} {format_clock(latest_start)}–{format_clock(latest_end)})"
            )
        if end > latest_end:
            latest_start, latest_end, latest_index = start, end, index
    return errors
