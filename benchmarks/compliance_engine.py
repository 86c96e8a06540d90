"""Benchmark of the compliance engine on realistic pupil-years.

Each pupil-year is a full school year 2025-2026: lessons Monday–Friday (Wednesday afternoon
free) with a morning break and a lunch break, an alternating internship one fixed weekday a
week all year, a two-week block internship, and some Saturdays of internship. Holidays and
school holidays are left out as a school would.

Run: ``.venv/bin/python benchmarks/compliance_engine.py [--pupils N]``. It reports the median
time to check one pupil-year and the time to check N different pupil-years.
"""

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

# Run from anywhere: the repository root holds the compliance package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compliance.engine import (
    Entry,
    Exemptions,
    Kind,
    Schedule,
    Student,
    check,
)
from compliance.engine.calendar import legal_holidays

SCHOOL_YEAR = 2025
FIRST_DAY = dt.date(2025, 9, 1)
LAST_LESSON_DAY = dt.date(2026, 6, 30)
SCHOOL_HOLIDAYS = [  # Flemish school holidays 2025-2026
    (dt.date(2025, 10, 27), dt.date(2025, 11, 2)),
    (dt.date(2025, 12, 22), dt.date(2026, 1, 4)),
    (dt.date(2026, 2, 16), dt.date(2026, 2, 22)),
    (dt.date(2026, 4, 6), dt.date(2026, 4, 19)),
]


def clock(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def entry(kind: Kind, day: dt.date, start: int, end: int, *breaks: tuple[int, int]) -> Entry:
    """An entry with times in minutes since midnight."""
    return Entry(
        kind, day, clock(start), clock(end), tuple((clock(a), clock(b)) for a, b in breaks)
    )


def lessons(day: dt.date, start: int) -> Entry:
    """A day of lessons; Wednesday afternoon is free."""
    if day.weekday() == 2:
        return entry(Kind.SCHOOL, day, start, 12 * 60 + 10, (10 * 60 + 5, 10 * 60 + 20))
    return entry(
        Kind.SCHOOL, day, start, 15 * 60 + 45, (10 * 60 + 5, 10 * 60 + 20), (12 * 60, 12 * 60 + 50)
    )


def internship_day(day: dt.date, start: int) -> Entry:
    """Eight hours at the host with two short breaks and a lunch break: 7 h of work."""
    return entry(
        Kind.INTERNSHIP,
        day,
        start,
        start + 8 * 60,
        (start + 150, start + 165),
        (12 * 60 + 30, 13 * 60),
        (start + 390, start + 405),
    )


def pupil_year(rng: random.Random) -> Schedule:
    """One pupil's school year with lessons, an alternating internship, a block and Saturdays.

    A worked Saturday is followed by a Monday without lessons, as 5.2.1 demands for minors.
    """
    closed = {
        day
        for year in (2025, 2026)
        for day in legal_holidays(year)
        if FIRST_DAY <= day <= LAST_LESSON_DAY
    }
    for first, last in SCHOOL_HOLIDAYS:
        closed.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    alternating_weekday = rng.choice([1, 3, 4])
    block_start = dt.date(2026, 3, 2) + dt.timedelta(weeks=rng.randrange(0, 6))
    block = {block_start + dt.timedelta(days=n) for n in range(12) if n % 7 < 5}
    saturday_every = rng.choice([3, 4, 6])
    lessons_start = 8 * 60 + 25 + rng.choice([-10, 0, 0, 5])
    internship_start = rng.choice([7 * 60 + 30, 8 * 60, 8 * 60 + 30])

    entries: list[Entry] = []
    day = FIRST_DAY
    worked_saturday = False
    while day <= LAST_LESSON_DAY:
        weekday = day.weekday()
        if day in closed or weekday == 6:
            pass
        elif weekday == 5:
            worked_saturday = day.isocalendar().week % saturday_every == 0
            if worked_saturday:
                entries.append(entry(Kind.INTERNSHIP, day, 9 * 60, 13 * 60))
        elif day in block or weekday == alternating_weekday:
            entries.append(internship_day(day, internship_start))
        elif not (weekday == 0 and worked_saturday):
            entries.append(lessons(day, lessons_start))
        day += dt.timedelta(days=1)
    birth = dt.date(2007, 9, 1) + dt.timedelta(days=rng.randrange(0, 3 * 365))
    return Schedule(
        student=Student(birth),
        school_year_start=SCHOOL_YEAR,
        exemptions=Exemptions(),
        requires_minimum_volume=rng.random() < 0.5,
        entries=tuple(entries),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=1000, help="pupil-years to check (1000)")
    parser.add_argument("--runs", type=int, default=300, help="runs for the single pupil (300)")
    parser.add_argument("--seed", type=int, default=2025)
    options = parser.parse_args(argv)

    rng = random.Random(options.seed)
    schedules = [pupil_year(rng) for _ in range(options.pupils)]
    one = schedules[0]
    check(one)  # warm the holiday cache, as a running server would have it

    timings = []
    for _ in range(options.runs):
        started = time.perf_counter()
        check(one)
        timings.append(time.perf_counter() - started)
    single_ms = statistics.median(timings) * 1000

    started, started_cpu = time.perf_counter(), time.process_time()
    results = [check(schedule) for schedule in schedules]
    total, total_cpu = time.perf_counter() - started, time.process_time() - started_cpu

    entries = statistics.mean(len(s.entries) for s in schedules)
    violations = statistics.mean(len(r.violations) for r in results)
    print(
        f"pupil-years: {len(schedules)}, on average {entries:.0f} entries "
        f"and {violations:.1f} violations each"
    )
    print(f"one pupil-year: {single_ms:.2f} ms (median of {options.runs} runs)")
    # CPU time next to wall time shows how much a busy machine inflated the figure.
    print(
        f"{len(schedules)} pupil-years: {total:.2f} s "
        f"({total / len(schedules) * 1000:.2f} ms per pupil-year; "
        f"CPU {total_cpu:.2f} s, {total_cpu / len(schedules) * 1000:.2f} ms per pupil-year)"
    )


if __name__ == "__main__":
    main()
