"""Why an entry cannot be placed on the clock, in Dutch messages that name its JSON path.

:func:`compliance.engine.timeline.build_timeline` places valid entries by their shape alone;
only for an entry it cannot place does it ask here what exactly is wrong.
"""

from compliance.engine.calendar import SUPPORTED_YEARS
from compliance.engine.i18n import MINUTES_PER_DAY, format_clock
from compliance.engine.model import Entry, Kind


def placing_problems(path: str, entry: Entry) -> list[str]:
    """Why ``entry`` cannot be placed on the clock, each message starting with ``path``.

    Only meaningful for an entry that cannot: one with seconds in a time, a date outside the
    supported years, zero length, force majeure on school, a break outside the entry or
    overlapping another, or breaks covering all of it.
    """
    problems = _entry_problems(path, entry)
    if problems:
        return problems
    first = entry.start.hour * 60 + entry.start.minute
    last = first + (entry.end.hour * 60 + entry.end.minute - first) % MINUTES_PER_DAY
    problems = _break_problems(path, entry, first, last)
    if problems:
        return problems
    return [f"{path}.breaks: de pauzes beslaan de hele periode; er blijft geen werk over"]


def _entry_problems(path: str, entry: Entry) -> list[str]:
    """Why an entry cannot be placed on the clock at all."""
    problems = [
        f"{path}.{name}: tijdstippen gaan tot op de minuut, niet de seconde"
        for name, moment in (("start", entry.start), ("end", entry.end))
        if moment.second or moment.microsecond
    ]
    if entry.date.year not in SUPPORTED_YEARS:
        problems.append(
            f"{path}.date: {entry.date.isoformat()} valt buiten de ondersteunde jaren "
            f"{SUPPORTED_YEARS.start}–{SUPPORTED_YEARS.stop - 1}"
        )
    if entry.force_majeure and entry.kind is not Kind.INTERNSHIP:
        problems.append(f"{path}.force_majeure: overmacht kan alleen bij stage, niet bij les")
    first = entry.start.hour * 60 + entry.start.minute
    if first == entry.end.hour * 60 + entry.end.minute:
        problems.append(
            f"{path}: begin en einde vallen samen ({format_clock(first)}); "
            "een periode duurt minstens 1 minuut"
        )
    return problems


def _break_problems(path: str, entry: Entry, start: int, end: int) -> list[str]:
    """Why the breaks of an entry spanning ``[start, end)`` (minutes since the midnight of
    its date) are invalid.
    """
    problems: list[str] = []
    placed: list[tuple[int, int, int]] = []
    for number, (break_start, break_end) in enumerate(entry.breaks):
        break_path = f"{path}.breaks[{number}]"
        if (
            break_start.second
            or break_start.microsecond
            or break_end.second
            or break_end.microsecond
        ):
            problems.append(f"{break_path}: tijdstippen gaan tot op de minuut, niet de seconde")
            continue
        break_from = start + (break_start.hour * 60 + break_start.minute - start) % MINUTES_PER_DAY
        break_to = start + (break_end.hour * 60 + break_end.minute - start) % MINUTES_PER_DAY
        label = f"{format_clock(break_from)}–{format_clock(break_to)}"
        if break_from == break_to:
            problems.append(f"{break_path}: pauze {label} duurt 0 minuten")
        elif not start <= break_from < break_to <= end:
            problems.append(
                f"{break_path}: pauze {label} valt niet binnen "
                f"{format_clock(start)}–{format_clock(end)}"
            )
        else:
            placed.append((break_from, break_to, number))
    placed.sort()
    latest: tuple[int, int, int] | None = None
    for current in placed:
        if latest is not None and current[0] < latest[1]:
            problems.append(
                f"{path}.breaks[{current[2]}]: pauze {format_clock(current[0])}–"
                f"{format_clock(current[1])} overlapt met breaks[{latest[2]}] "
                f"({format_clock(latest[0])}–{format_clock(latest[1])})"
            )
        if latest is None or current[1] > latest[1]:
            latest = current
    return problems
