"""Benchmark of ``check_schedule`` and the compliance engine on realistic pupil-years.

Each pupil-year is a full school year 2025-2026: lessons Monday–Friday (Wednesday afternoon
free) with a morning break and a lunch break, an alternating internship one fixed weekday a
week all year, a two-week block internship, and some Saturdays of internship. Holidays and
school holidays are left out as a school would. N different pupil-years go into one JSON
array, the input of ``check_schedule``.

Run: ``.venv/bin/python benchmarks/compliance_engine.py [--pupils N]`` (N = 1000). It reports,
per pupil-year and in total:

- through the command: ``cli.run`` on the file in this process (read, decode, validate,
  check, write JSON), and where that time goes, phase by phase;
- end to end: ``manage.py check_schedule FILE`` once in a fresh process, Django's start-up
  included, and that start-up alone (a file holding ``[]``);
- the engine alone: ``check(schedule)`` on schedules built in Python, and the median of
  ``--runs`` checks of one pupil-year.

Target on the 2-core development machine: under 3 ms per pupil-year through the command.
"""

import argparse
import datetime as dt
import gc
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

# Run from anywhere: the repository root holds the compliance package and manage.py.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compliance.engine import (
    Entry,
    Exemptions,
    Kind,
    Schedule,
    Student,
    check,
    result_to_dict,
)
from compliance.engine.calendar import legal_holidays
from compliance.engine.checker import check_prepared, prepare
from compliance.engine.cli import run
from compliance.engine.jsonio import decode, parse_prepared
from compliance.engine.school_calendar import school_holiday_dates

ROOT = Path(__file__).resolve().parents[1]

_T = TypeVar("_T")

SCHOOL_YEAR = 2025
FIRST_DAY = dt.date(2025, 9, 1)
LAST_LESSON_DAY = dt.date(2026, 6, 30)


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
    closed |= school_holiday_dates(SCHOOL_YEAR)
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


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    """``schedule`` in the input format of ``check_schedule``, as a school tool writes it."""

    def clock_text(moment: dt.time) -> str:
        return moment.strftime("%H:%M")

    def entry_json(one: Entry) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": one.kind.value,
            "date": one.date.isoformat(),
            "start": clock_text(one.start),
            "end": clock_text(one.end),
        }
        if one.breaks:
            data["breaks"] = [[clock_text(a), clock_text(b)] for a, b in one.breaks]
        return data

    start = schedule.school_year_start
    return {
        "student": {"birth_date": schedule.student.birth_date.isoformat()},
        "school_year": f"{start}-{start + 1}",
        "requires_minimum_volume": schedule.requires_minimum_volume,
        "entries": [entry_json(one) for one in schedule.entries],
    }


def timed(action: Callable[[], _T]) -> tuple[_T, float, float]:
    """What ``action`` returns, with its wall and CPU seconds."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - started, time.process_time() - started_cpu


def through_the_command(path: str) -> tuple[str, float, float]:
    """``cli.run`` on the file: its output, wall and CPU seconds."""
    stdout, stderr = io.StringIO(), io.StringIO()
    status, wall, cpu = timed(lambda: run([path], io.StringIO(), stdout, stderr))
    if status not in (0, 1):
        raise SystemExit(f"check_schedule failed ({status}):\n{stderr.getvalue()}")
    return stdout.getvalue(), wall, cpu


def phases(path: str) -> list[tuple[str, float]]:
    """CPU seconds of each phase of ``cli.run``, done one after the other as it does them.

    The cyclic garbage collector is paused, as ``cli.run`` pauses it.
    """
    gc.disable()
    try:

        def read_and_decode() -> object:
            with open(path, encoding="utf-8") as file:
                return decode(file.read())

        data, _, decoding = timed(read_and_decode)
        assert isinstance(data, list)
        prepared, _, parsing = timed(
            lambda: [parse_prepared(item, path=f"[{n}]") for n, item in enumerate(data)]
        )
        _, _, timelines = timed(lambda: [prepare(one.schedule) for one in prepared])
        results, _, checking = timed(lambda: [check_prepared(one) for one in prepared])
        _, _, writing = timed(
            lambda: json.dumps([result_to_dict(r) for r in results], ensure_ascii=False, indent=2)
        )
    finally:
        gc.enable()
    return [
        ("read and decode the JSON", decoding),
        ("parse and validate the schedules", parsing - timelines),
        ("build the timelines (validation)", timelines),
        ("the rules", checking),
        ("write the results as JSON", writing),
    ]


def in_a_fresh_process(path: str) -> tuple[float, float]:
    """``manage.py check_schedule FILE`` in a new process: wall and CPU seconds."""
    env = {**os.environ}
    env.setdefault("DEBUG", "1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check_schedule", path],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"manage.py check_schedule failed:\n{completed.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=1000, help="pupil-years to check (1000)")
    parser.add_argument("--runs", type=int, default=300, help="runs for the single pupil (300)")
    parser.add_argument("--seed", type=int, default=2025)
    options = parser.parse_args(argv)
    pupils = options.pupils

    rng = random.Random(options.seed)
    schedules = [pupil_year(rng) for _ in range(pupils)]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "pupil-years.json")
        with open(path, "w", encoding="utf-8") as file:
            json.dump([schedule_to_json(s) for s in schedules], file, indent=2)
        empty = os.path.join(folder, "empty.json")
        with open(empty, "w", encoding="utf-8") as file:
            file.write("[]")
        size = os.path.getsize(path)

        output, command_wall, command_cpu = through_the_command(path)
        phase_cpu = phases(path)
        process_wall, process_cpu = in_a_fresh_process(path)
        start_up_wall, _ = in_a_fresh_process(empty)

    check(schedules[0])  # warm the holiday cache, as a running server would have it
    timings = []
    for _ in range(options.runs):
        _, wall, _ = timed(lambda: check(schedules[0]))
        timings.append(wall)
    results, engine_wall, engine_cpu = timed(lambda: [check(s) for s in schedules])

    def per_pupil(seconds: float) -> str:
        return f"{seconds / pupils * 1000:.2f} ms per pupil-year"

    entries = statistics.mean(len(s.entries) for s in schedules)
    violations = statistics.mean(len(r.violations) for r in results)
    assert len(json.loads(output)) == pupils
    print(
        f"pupil-years: {pupils}, on average {entries:.0f} entries and {violations:.1f} "
        f"violations each; the file holds {size / 1e6:.1f} MB"
    )
    # CPU time next to wall time shows how much a busy machine inflated the figure.
    print(
        f"through the command (cli.run): {command_wall:.2f} s, {per_pupil(command_wall)} "
        f"(CPU {command_cpu:.2f} s, {per_pupil(command_cpu)})"
    )
    for label, seconds in phase_cpu:
        print(f"  {label:34} {per_pupil(seconds)} (CPU)")
    print(
        f"manage.py check_schedule, a fresh process: {process_wall:.2f} s, "
        f"{per_pupil(process_wall)} (CPU {process_cpu:.2f} s); of which Django's start-up "
        f"{start_up_wall:.2f} s"
    )
    print(
        f"engine alone, check(schedule): {engine_wall:.2f} s, {per_pupil(engine_wall)} "
        f"(CPU {engine_cpu:.2f} s); one pupil-year {statistics.median(timings) * 1000:.2f} ms "
        f"(median of {options.runs} runs)"
    )


if __name__ == "__main__":
    main()
