"""``check_schedule``: check schedules in a JSON file and print the results as JSON.

Exit status 0 when no result has an error, 1 when one has, 2 when the input is invalid;
invalid input is explained on stderr, one problem a line, never with a traceback.
"""

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from compliance.engine.checker import check_prepared
from compliance.engine.jsonio import decode, parse_prepared, result_to_dict
from compliance.engine.model import CheckResult, ScheduleInputError

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_INVALID = 2

USAGE = """\
gebruik: {prog} BESTAND

Controleert roosters van leerling-stagiairs aan de arbeidsregels van de leerlingenstage.
BESTAND is een JSON-bestand met één rooster of een lijst van roosters; '-' leest de
standaardinvoer. Het resultaat komt als JSON op de standaarduitvoer.

Afsluitstatus: 0 zonder fouten, 1 als een rooster een fout (error) heeft,
2 bij ongeldige invoer.
"""


class TextInput(Protocol):
    def read(self) -> str: ...


class TextOutput(Protocol):
    def write(self, text: str, /) -> object: ...


def run(
    argv: Sequence[str],
    stdin: TextInput,
    stdout: TextOutput,
    stderr: TextOutput,
    *,
    prog: str = "check_schedule",
) -> int:
    """Run ``check_schedule`` with the arguments after the program name; return the exit status."""
    if list(argv) in (["-h"], ["--help"]):
        stdout.write(USAGE.format(prog=prog))
        return EXIT_OK
    if len(argv) != 1:
        stderr.write(USAGE.format(prog=prog))
        return EXIT_INVALID
    try:
        with _without_cycle_collection():
            # The text goes as soon as it is decoded: a large file is large twice over.
            payload, has_errors = _check_data(decode(_read(argv[0], stdin)))
    except ScheduleInputError as error:
        for message in error.errors:
            stderr.write(f"{prog}: {message}\n")
        return EXIT_INVALID
    stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return EXIT_VIOLATIONS if has_errors else EXIT_OK


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, as it was before afterwards.

    A run builds millions of small containers (the decoded JSON, entries, segments) and no
    reference cycles, so reference counting frees all of them; the collector would walk the
    growing heap again and again for nothing, which took more than half of a run's time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read(name: str, stdin: TextInput) -> str:
    """The text of file ``name``, or of standard input for ``-``."""
    if name == "-":
        name = "standaardinvoer"
        try:
            return stdin.read()
        except UnicodeDecodeError:
            raise ScheduleInputError([f"{name}: geen geldige UTF-8-tekst"]) from None
    try:
        with open(name, encoding="utf-8") as file:
            return file.read()
    except FileNotFoundError:
        message = f"{name}: bestand niet gevonden"
    except IsADirectoryError:
        message = f"{name}: is een map, geen bestand"
    except PermissionError:
        message = f"{name}: geen toestemming om te lezen"
    except UnicodeDecodeError:
        message = f"{name}: geen geldige UTF-8-tekst"
    except OSError as error:
        message = f"{name}: kan niet gelezen worden ({error.strerror})"
    raise ScheduleInputError([message])


def _check_data(data: object) -> tuple[Any, bool]:
    """The output JSON for the decoded schedule or array of schedules ``data``, and whether
    any result has an error. Raises :class:`ScheduleInputError` for every invalid schedule.
    """
    if isinstance(data, list):
        results: list[CheckResult] = []
        errors: list[str] = []
        for index, item in enumerate(data):
            try:
                prepared = parse_prepared(item, path=f"[{index}]")
            except ScheduleInputError as error:
                errors.extend(error.errors)
                continue
            # Checking each schedule at once keeps one timeline in memory, not one per
            # pupil; after an invalid schedule nothing is printed, so the rest is only read.
            if not errors:
                results.append(check_prepared(prepared))
        if errors:
            raise ScheduleInputError(errors)
        return [result_to_dict(r) for r in results], any(r.has_errors for r in results)
    if not isinstance(data, dict):
        raise ScheduleInputError(["invoer: verwacht een object of een lijst van objecten"])
    result = check_prepared(parse_prepared(data))
    return result_to_dict(result), result.has_errors
