"""Property-based tests of the engine on generated valid schedules (issue 3, Quality)."""

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.engine import (
    CheckResult,
    Entry,
    Exemptions,
    Kind,
    Rule,
    Schedule,
    Severity,
    Student,
    check,
    parse_schedule,
    result_to_dict,
)
from compliance.engine.calendar import school_year_containing

MINUTES_PER_DAY = 1440
SOURCES = {"3", "4", "4.1.1", "5.1", "5.2.1", "5.2.2", "5.3", "5.4"}
MINORS_ONLY = {Rule.UNINTERRUPTED_WORK, Rule.WEEKLY_REST, Rule.SUNDAY_FREQUENCY}
# Rules with a variant for adults under the Arbeidswet (5.2.2).
ADULT_VARIANT = {Rule.BREAK_TOO_SHORT, Rule.DAILY_REST}


def _clock(minute: int) -> dt.time:
    minute %= MINUTES_PER_DAY
    return dt.time(minute // 60, minute % 60)


@st.composite
def _entry_draft(
    draw: st.DrawFn, first_day: dt.date, span_days: int, *, long: bool = False
) -> tuple[int, int, Entry]:
    """An entry within ``span_days`` of ``first_day`` and its absolute span in minutes;
    ``long`` draws working days of 3 to 14 hours, mostly internship.
    """
    date = first_day + dt.timedelta(days=draw(st.integers(0, span_days - 1)))
    start = draw(st.integers(0, MINUTES_PER_DAY - 1))
    if long:
        length = draw(st.integers(3 * 60, 14 * 60))
    else:
        length = draw(st.one_of(st.integers(1, 10 * 60), st.integers(1, MINUTES_PER_DAY - 1)))
    # Break edges as offsets strictly inside the entry, taken in pairs.
    cuts = sorted(draw(st.sets(st.integers(1, max(1, length - 1)), max_size=6)))
    cuts = [c for c in cuts if c < length][: len(cuts) // 2 * 2]
    breaks = tuple(
        (_clock(start + cuts[i]), _clock(start + cuts[i + 1])) for i in range(0, len(cuts), 2)
    )
    kind = draw(st.sampled_from([Kind.INTERNSHIP, Kind.INTERNSHIP, Kind.SCHOOL] if long else Kind))
    entry = Entry(
        kind=kind,
        date=date,
        start=_clock(start),
        end=_clock(start + length),
        breaks=breaks,
        force_majeure=kind is Kind.INTERNSHIP and draw(st.booleans()),
    )
    absolute = date.toordinal() * MINUTES_PER_DAY + start
    return absolute, absolute + length, entry


def split_at_midnight(entry: Entry) -> tuple[Entry, ...]:
    """``entry`` as two contiguous entries, until 00:00 and from 00:00 on the next date, when
    it crosses midnight; a break across midnight is split with it. Otherwise ``entry`` alone.
    """
    start = entry.start.hour * 60 + entry.start.minute
    length = (entry.end.hour * 60 + entry.end.minute - start) % MINUTES_PER_DAY
    if start + length <= MINUTES_PER_DAY:
        return (entry,)
    before: list[tuple[dt.time, dt.time]] = []
    after: list[tuple[dt.time, dt.time]] = []
    for break_start, break_end in entry.breaks:
        first = start + (break_start.hour * 60 + break_start.minute - start) % MINUTES_PER_DAY
        last = start + (break_end.hour * 60 + break_end.minute - start) % MINUTES_PER_DAY
        if first < MINUTES_PER_DAY:
            before.append((_clock(first), _clock(min(last, MINUTES_PER_DAY))))
        if last > MINUTES_PER_DAY:
            after.append((_clock(max(first, MINUTES_PER_DAY)), _clock(last)))
    midnight = dt.time(0, 0)
    return (
        replace(entry, end=midnight, breaks=tuple(before)),
        replace(entry, date=entry.date + dt.timedelta(days=1), start=midnight, breaks=tuple(after)),
    )


@st.composite
def schedules(draw: st.DrawFn, max_entries: int = 14, span_days: int = 22) -> Schedule:
    """Valid schedules: entries that do not overlap, a few weeks around a random date of
    school year 2024-2025 to 2025-2026, pupils aged about 12 to 20. Some entries across
    midnight are entered as two, split at 00:00.
    """
    first_day = draw(st.dates(dt.date(2024, 8, 20), dt.date(2026, 9, 5)))
    drafts = draw(st.lists(_entry_draft(first_day, span_days), max_size=max_entries))
    kept: list[tuple[int, int, Entry]] = []
    for start, end, entry in drafts:
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in kept):
            kept.append((start, end, entry))
    entries = tuple(
        part
        for _start, _end, entry in kept
        for part in (split_at_midnight(entry) if draw(st.booleans()) else (entry,))
    )
    return Schedule(
        student=Student(draw(st.dates(dt.date(2005, 1, 1), dt.date(2012, 12, 31)))),
        school_year_start=school_year_containing(first_day),
        exemptions=draw(st.builds(Exemptions, *[st.booleans()] * 5)),
        requires_minimum_volume=draw(st.booleans()),
        entries=entries,
    )


@st.composite
def repeated_schedules(draw: st.DrawFn) -> Schedule:
    """Valid schedules that repeat a weekly pattern for up to a school year, some weeks left
    out: they reach the weekly, yearly, Sunday-frequency and summer rules that a few random
    weeks seldom do.
    """
    monday = draw(st.dates(dt.date(2025, 9, 1), dt.date(2026, 8, 24)))
    monday -= dt.timedelta(days=monday.weekday())
    pattern = draw(
        st.lists(
            _entry_draft(monday, 7, long=True),
            min_size=1,
            max_size=7,
            unique_by=lambda draft: draft[2].date,
        )
    )
    weeks = draw(st.one_of(st.integers(1, 8), st.integers(30, 52)))
    skipped = draw(st.sets(st.integers(0, weeks - 1), max_size=weeks // 3))
    kept: list[tuple[int, int, Entry]] = []
    for week in range(weeks):
        if week in skipped:
            continue
        shift = week * 7
        for start, end, entry in pattern:
            moved = (start + shift * MINUTES_PER_DAY, end + shift * MINUTES_PER_DAY)
            if all(moved[1] <= s or moved[0] >= e for s, e, _ in kept[-len(pattern) * 2 :]):
                kept.append((*moved, replace(entry, date=entry.date + dt.timedelta(days=shift))))
    return Schedule(
        student=Student(draw(st.dates(dt.date(2005, 1, 1), dt.date(2011, 12, 31)))),
        school_year_start=2025,
        exemptions=draw(st.builds(Exemptions, *[st.booleans()] * 5)),
        requires_minimum_volume=draw(st.booleans()),
        entries=tuple(entry for _start, _end, entry in kept),
    )


@settings(max_examples=300, deadline=None)
@given(st.one_of(schedules(), repeated_schedules()))
def test_the_engine_never_raises_on_a_valid_schedule(schedule: Schedule) -> None:
    result = check(schedule)
    keys = [(v.date, v.rule.value) for v in result.violations]
    assert keys == sorted(set(keys)), "one violation per rule and date, sorted by date and rule"
    for violation in result.violations:
        assert violation.severity is violation.rule.severity
        assert violation.source in SOURCES
        assert violation.message
        assert "%(" not in violation.message
    output = result_to_dict(result)
    assert len(output["violations"]) == len(result.violations)


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_the_json_format_round_trips(schedule: Schedule) -> None:
    """Every schedule the engine accepts can be written as JSON and parsed back unchanged."""
    data = {
        "student": {"birth_date": schedule.student.birth_date.isoformat()},
        "school_year": f"{schedule.school_year_start}-{schedule.school_year_start + 1}",
        "exemptions": {
            "sunday_work": schedule.exemptions.sunday_work,
            "holiday_work": schedule.exemptions.holiday_work,
            "night_work": schedule.exemptions.night_work,
            "shift_work": schedule.exemptions.shift_work,
            "inspector_sunday_permission": schedule.exemptions.inspector_sunday_permission,
        },
        "requires_minimum_volume": schedule.requires_minimum_volume,
        "entries": [
            {
                "kind": entry.kind.value,
                "date": entry.date.isoformat(),
                "start": entry.start.strftime("%H:%M"),
                "end": entry.end.strftime("%H:%M"),
                "breaks": [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in entry.breaks],
                "force_majeure": entry.force_majeure,
            }
            for entry in schedule.entries
        ],
    }
    assert parse_schedule(data) == schedule


@settings(max_examples=100, deadline=None)
@given(schedules(), st.randoms(use_true_random=False))
def test_the_order_of_the_entries_does_not_matter(schedule: Schedule, rng: random.Random) -> None:
    shuffled = list(schedule.entries)
    rng.shuffle(shuffled)
    reordered = Schedule(
        student=schedule.student,
        school_year_start=schedule.school_year_start,
        exemptions=schedule.exemptions,
        requires_minimum_volume=schedule.requires_minimum_volume,
        entries=tuple(shuffled),
    )
    assert check(reordered) == check(schedule)


@settings(max_examples=100, deadline=None)
@given(schedules())
def test_adults_get_none_of_the_rules_for_minors(schedule: Schedule) -> None:
    adult = Schedule(
        student=Student(dt.date(1990, 1, 1)),
        school_year_start=schedule.school_year_start,
        exemptions=schedule.exemptions,
        requires_minimum_volume=schedule.requires_minimum_volume,
        entries=schedule.entries,
    )
    violations = check(adult).violations
    assert not {v.rule for v in violations} & MINORS_ONLY
    assert {v.source for v in violations if v.rule in ADULT_VARIANT} <= {"5.2.2"}


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_splitting_an_entry_at_midnight_changes_nothing(schedule: Schedule) -> None:
    """Work across midnight is one shift whether entered as one entry or two (5.1, 5.2)."""
    split = replace(
        schedule,
        entries=tuple(part for entry in schedule.entries for part in split_at_midnight(entry)),
    )
    assert check(split) == check(schedule)


def _errors(result: CheckResult) -> set[tuple[Rule, dt.date | None]]:
    """Error violations as (rule, date); year-level rules without their date.

    ``yearly_max`` and ``summer_holiday`` describe the whole school year; their date only
    says where it shows (the day the total passes 1200 h, the first summer internship day),
    and removing work can move that day later without the schedule getting worse.
    """
    year_level = {Rule.YEARLY_MAX, Rule.SUMMER_HOLIDAY}
    return {
        (v.rule, None if v.rule in year_level else v.date)
        for v in result.violations
        if v.severity is Severity.ERROR
    }


def _excused(schedule: Schedule, removed: int) -> set[tuple[Rule, dt.date | None]]:
    """The errors that removing entry ``removed`` may legitimately add, and why.

    - ``break_too_short`` on the entry's date when it is the first or last entry of its day,
      or on the date its shift started when it continued an earlier entry: the time between
      it and its neighbour was a break, so the rest of the day can be left with more than
      4 h 30 of work and too little break (5.2.1 counts every gap as rest).
    - ``weekly_rest`` on a Sunday the entry touches: without Sunday work the week no longer
      falls under the 36-hour rest of 5.3 but needs a free Saturday or Monday (5.2.1), which
      is the stricter demand.
    - any rule on the date of an entry that continued the removed one without a pause, and
      the week rules on that date's Monday: the continuation was part of the removed entry's
      shift and counted for the day that shift started (5.1); now it belongs to the day of
      its own date, and what that day breaks shows there, with the daily rest owed before it
      and, as that day may now have internship, after it.

    Every other rule only gets better with less work.
    """
    entry = schedule.entries[removed]
    excused: set[tuple[Rule, dt.date | None]] = set()
    excused.add((Rule.BREAK_TOO_SHORT, _shift_start(schedule.entries, removed)))
    for continuation in _continuations(schedule.entries, removed):
        excused.update((rule, continuation) for rule in Rule)
        monday = continuation - dt.timedelta(days=continuation.weekday())
        excused.update({(Rule.WEEKLY_MAX, monday), (Rule.COMPENSATORY_REST, monday)})
        excused.add((Rule.DAILY_REST, continuation + dt.timedelta(days=1)))
    # All entries of a date start on that date, so their start times order them.
    same_day = sorted(
        (other.start, index)
        for index, other in enumerate(schedule.entries)
        if other.date == entry.date
    )
    if len(same_day) > 1 and removed in (same_day[0][1], same_day[-1][1]):
        excused.add((Rule.BREAK_TOO_SHORT, entry.date))
    start = dt.datetime.combine(entry.date, entry.start)
    end = dt.datetime.combine(entry.date, entry.end)
    if end <= start:
        end += dt.timedelta(days=1)
    for day in {start.date(), (end - dt.timedelta(minutes=1)).date()}:
        if day.weekday() == 6:
            excused.add((Rule.WEEKLY_REST, day))
    return excused


def _span(entry: Entry) -> tuple[int, int]:
    """The entry's start and end in absolute minutes, as the timeline counts them."""
    first = entry.start.hour * 60 + entry.start.minute
    length = (entry.end.hour * 60 + entry.end.minute - first) % MINUTES_PER_DAY
    start = entry.date.toordinal() * MINUTES_PER_DAY + first
    return start, start + length


def _continuations(entries: tuple[Entry, ...], removed: int) -> list[dt.date]:
    """The dates of the entries that follow entry ``removed`` without a pause, in a chain."""
    starting_at = {_span(entry)[0]: entry for entry in entries}
    dates: list[dt.date] = []
    end = _span(entries[removed])[1]
    while (following := starting_at.get(end)) is not None:
        dates.append(following.date)
        end = _span(following)[1]
    return dates


def _shift_start(entries: tuple[Entry, ...], index: int) -> dt.date:
    """The date of the first entry of the chain, without pauses, that entry ``index`` ends."""
    ending_at = {_span(entry)[1]: entry for entry in entries}
    entry = entries[index]
    while (before := ending_at.get(_span(entry)[0])) is not None:
        entry = before
    return entry.date


@settings(max_examples=300, deadline=None)
@given(schedules())
def test_removing_an_entry_never_adds_an_error(schedule: Schedule) -> None:
    _assert_removals_add_no_error(schedule, range(len(schedule.entries)))


@settings(max_examples=60, deadline=None)
@given(repeated_schedules(), st.randoms(use_true_random=False))
def test_removing_an_entry_from_a_long_schedule_never_adds_an_error(
    schedule: Schedule, rng: random.Random
) -> None:
    count = len(schedule.entries)
    _assert_removals_add_no_error(schedule, rng.sample(range(count), min(count, 6)))


# Weeks full of Sundays and legal holidays: Christmas and New Year, Easter to Whit Monday.
HOLIDAY_SEASONS = st.sampled_from(
    [dt.date(2025, 12, 15), dt.date(2025, 12, 22), dt.date(2026, 3, 30)]
)


@st.composite
def busy_holiday_seasons(draw: st.DrawFn) -> Schedule:
    """Ten weeks from a holiday season with work on most days, Sundays and holidays
    included: free days are scarce, so worked Sundays and holidays compete for them."""
    first_day = draw(HOLIDAY_SEASONS)
    free = draw(st.integers(1, 15))
    kept: list[tuple[int, int, Entry]] = []
    for offset in range(70):
        if draw(st.integers(0, 99)) < free:
            continue
        start = draw(st.integers(0, MINUTES_PER_DAY - 1))
        length = draw(st.integers(30, 10 * 60))
        date = first_day + dt.timedelta(days=offset)
        absolute = date.toordinal() * MINUTES_PER_DAY + start
        if kept and kept[-1][1] > absolute:
            continue
        entry = Entry(
            kind=draw(st.sampled_from(Kind)),
            date=date,
            start=_clock(start),
            end=_clock(start + length),
        )
        kept.append((absolute, absolute + length, entry))
    return Schedule(
        student=Student(draw(st.dates(dt.date(2005, 1, 1), dt.date(2011, 12, 31)))),
        school_year_start=2025,
        exemptions=draw(st.builds(Exemptions, *[st.booleans()] * 5)),
        entries=tuple(entry for _start, _end, entry in kept),
    )


@settings(max_examples=100, deadline=None)
@given(busy_holiday_seasons(), st.randoms(use_true_random=False))
def test_removing_an_entry_around_holidays_never_adds_an_error(
    schedule: Schedule, rng: random.Random
) -> None:
    """5.3: the Sundays and holidays worked share the free days as their compensatory rest;
    less work frees days and owes fewer, so no worked day loses its rest day."""
    count = len(schedule.entries)
    _assert_removals_add_no_error(schedule, rng.sample(range(count), min(count, 8)))


def _assert_removals_add_no_error(schedule: Schedule, indexes: Iterable[int]) -> None:
    before = _errors(check(schedule))
    for removed in indexes:
        fewer = Schedule(
            student=schedule.student,
            school_year_start=schedule.school_year_start,
            exemptions=schedule.exemptions,
            requires_minimum_volume=schedule.requires_minimum_volume,
            entries=schedule.entries[:removed] + schedule.entries[removed + 1 :],
        )
        added = _errors(check(fewer)) - before - _excused(schedule, removed)
        assert not added, f"removing entries[{removed}] added {added}"
