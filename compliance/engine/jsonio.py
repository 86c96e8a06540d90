"""The public JSON format of issue 3: schedules in, results out.

Parsing collects every problem instead of stopping at the first, so a coordinator can fix a
file in one go; each message is Dutch and starts with the JSON path it is about.

A file holds a few hundred entries per pupil-year, nearly all of them well-formed, so an
entry is first read by table lookups (:func:`_well_formed_entry`); only an entry that fails
them goes through the reader that explains every problem.
"""

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from compliance.engine.calendar import school_year_containing
from compliance.engine.checker import PreparedSchedule, prepare
from compliance.engine.jsonvalues import (
    KINDS,
    MISSING,
    TIMES,
    ValueReader,
    at,
    describe,
    valid_date,
)
from compliance.engine.model import (
    CheckResult,
    Entry,
    Exemptions,
    Schedule,
    ScheduleInputError,
    Student,
)
from compliance.engine.timeline import entry_errors

_SCHEDULE_KEYS = ("student", "school_year", "exemptions", "requires_minimum_volume", "entries")
_STUDENT_KEYS = ("birth_date",)
_EXEMPTION_KEYS = tuple(f.name for f in fields(Exemptions))
_ENTRY_KEYS = ("kind", "date", "start", "end", "breaks", "force_majeure")
_ENTRY_KEY_SET = frozenset(_ENTRY_KEYS)


def decode(text: str) -> object:
    """Parse JSON text; raises :class:`ScheduleInputError` with a Dutch message if invalid."""
    # Windows editors often put a byte order mark before the JSON.
    try:
        return json.loads(text.removeprefix("\ufeff"), object_pairs_hook=_without_duplicates)
    except json.JSONDecodeError as error:
        message = f"ongeldige JSON op regel {error.lineno}, kolom {error.colno}"
    except _DuplicateKeyError as error:
        message = f'ongeldige JSON: de sleutel "{error.key}" komt twee keer voor in één object'
    except RecursionError:
        message = "ongeldige JSON: te diep genest"
    raise ScheduleInputError([message])


def parse_schedule(data: object, *, path: str = "") -> Schedule:
    """Turn one decoded JSON schedule into a :class:`Schedule` that :func:`check` accepts.

    ``path`` prefixes every message, e.g. ``[2]`` for the third schedule of an array.
    Raises :class:`ScheduleInputError` listing every problem: wrong types, missing or
    unknown keys, bad dates, times, kinds or school year, and the consistency problems of
    :func:`~compliance.engine.checker.validate_schedule` (breaks outside their entry,
    overlapping or zero-length entries, ...).
    """
    return parse_prepared(data, path=path).schedule


def parse_prepared(data: object, *, path: str = "") -> PreparedSchedule:
    """:func:`parse_schedule`, with the timeline that validating it built, for
    :func:`~compliance.engine.checker.check_prepared`; raises as :func:`parse_schedule`.
    """
    schedule = _read_schedule(data, path)
    try:
        return prepare(schedule)
    except ScheduleInputError as error:
        raise ScheduleInputError([at(path, problem) for problem in error.errors]) from None


def _read_schedule(data: object, path: str) -> Schedule:
    """The schedule ``data`` describes; raises listing every problem short of the entries'
    consistency, which it adds only when something else is wrong too.
    """
    errors: list[str] = []
    reader = ValueReader(errors)
    obj = reader.object(data, path, _SCHEDULE_KEYS, required=("student", "entries"))
    if obj is None:
        raise ScheduleInputError(errors)
    birth_date = _parse_birth_date(reader, obj, path)
    exemptions = _parse_exemptions(reader, obj, path)
    requires_minimum_volume = reader.boolean(
        obj.get("requires_minimum_volume", False), at(path, "requires_minimum_volume")
    )
    entries = _parse_entries(reader, obj, path)
    school_year_start = _parse_school_year(reader, obj, path, entries)

    if errors or birth_date is None or school_year_start is None or entries is None:
        # Report the entries' consistency too, so that one run shows every problem.
        if entries is not None:
            errors.extend(at(path, problem) for problem in entry_errors(entries))
        raise ScheduleInputError(errors)
    return Schedule(
        student=Student(birth_date=birth_date),
        school_year_start=school_year_start,
        exemptions=exemptions,
        requires_minimum_volume=bool(requires_minimum_volume),
        entries=tuple(entries),
    )


def result_to_dict(result: CheckResult) -> dict[str, Any]:
    """The output JSON of issue 3 for one checked schedule."""
    return {
        "violations": [
            {
                "rule": violation.rule.value,
                "date": violation.date.isoformat(),
                "severity": violation.severity.value,
                "message": violation.message,
                "source": violation.source,
            }
            for violation in result.violations
        ],
        "totals": {
            "internship_hours": result.totals.internship_hours,
            "school_hours": result.totals.school_hours,
            "half_days": result.totals.half_days,
        },
    }


def _parse_birth_date(reader: ValueReader, obj: Mapping[str, object], path: str) -> dt.date | None:
    student = reader.object(
        obj.get("student", MISSING), at(path, "student"), _STUDENT_KEYS, _STUDENT_KEYS
    )
    if student is None:
        return None
    return reader.date(student.get("birth_date", MISSING), at(path, "student.birth_date"))


def _parse_exemptions(reader: ValueReader, obj: Mapping[str, object], path: str) -> Exemptions:
    """The exemptions given, the others off; all off when the object itself is invalid."""
    data = reader.object(obj.get("exemptions", {}), at(path, "exemptions"), _EXEMPTION_KEYS)
    if data is None:
        return Exemptions()
    return Exemptions(
        **{
            key: bool(reader.boolean(data[key], at(path, f"exemptions.{key}")))
            for key in _EXEMPTION_KEYS
            if key in data
        }
    )


def _parse_entries(reader: ValueReader, obj: Mapping[str, object], path: str) -> list[Entry] | None:
    """All entries, or ``None`` when the list or any entry in it is invalid."""
    data = reader.typed(obj.get("entries", MISSING), at(path, "entries"), list, "een lijst")
    if data is None:
        return None
    entries: list[Entry] = []
    all_valid = True
    for index, item in enumerate(data):
        entry = _well_formed_entry(item)
        if entry is None:
            entry = _parse_entry(reader, item, at(path, f"entries[{index}]"))
        if entry is None:
            all_valid = False
        else:
            entries.append(entry)
    return entries if all_valid else None


def _parse_school_year(
    reader: ValueReader, obj: Mapping[str, object], path: str, entries: list[Entry] | None
) -> int | None:
    """The given school year, or else the one containing the earliest entry."""
    if "school_year" in obj:
        return reader.school_year(obj["school_year"], at(path, "school_year"))
    if entries:
        return school_year_containing(min(entry.date for entry in entries))
    if entries is not None:
        reader.errors.append(
            f"{at(path, 'school_year')}: ontbreekt, en zonder entries valt het schooljaar "
            "niet af te leiden"
        )
    return None


def _well_formed_entry(data: object) -> Entry | None:
    """``data`` as an entry if every key and value of it is valid, else ``None``.

    Accepts exactly what :func:`_parse_entry` accepts without a message and returns the same
    entry, but says nothing about what is wrong.
    """
    if not isinstance(data, dict) or not data.keys() <= _ENTRY_KEY_SET:
        return None
    force_majeure = data.get("force_majeure", False)
    if force_majeure is not True and force_majeure is not False:
        return None
    try:
        # A missing key, a value of another type or an invalid text all fail a lookup.
        kind = KINDS[data["kind"]]
        day = valid_date(data["date"])
        start = TIMES[data["start"]]
        end = TIMES[data["end"]]
        breaks = _well_formed_breaks(data["breaks"]) if "breaks" in data else ()
    except (KeyError, TypeError):
        return None
    if day is None or breaks is None:
        return None
    return Entry(kind, day, start, end, breaks, force_majeure)


def _well_formed_breaks(data: object) -> tuple[tuple[dt.time, dt.time], ...] | None:
    """The breaks of :func:`_well_formed_entry`: ``None`` when not a list of pairs, a
    ``KeyError`` or ``TypeError`` when a time in them is invalid.
    """
    if not isinstance(data, list):
        return None
    breaks = []
    for pair in data:
        if not (isinstance(pair, list) and len(pair) == 2):
            return None
        breaks.append((TIMES[pair[0]], TIMES[pair[1]]))
    return tuple(breaks)


def _parse_entry(reader: ValueReader, data: object, path: str) -> Entry | None:
    obj = reader.object(data, path, _ENTRY_KEYS, required=("kind", "date", "start", "end"))
    if obj is None:
        return None
    count = len(reader.errors)
    kind = reader.kind(obj.get("kind", MISSING), f"{path}.kind")
    day = reader.date(obj.get("date", MISSING), f"{path}.date")
    start = reader.time(obj.get("start", MISSING), f"{path}.start")
    end = reader.time(obj.get("end", MISSING), f"{path}.end")
    breaks: list[tuple[dt.time, dt.time]] = []
    breaks_data = reader.typed(obj.get("breaks", []), f"{path}.breaks", list, "een lijst")
    for number, pair in enumerate(breaks_data or []):
        break_path = f"{path}.breaks[{number}]"
        if not (isinstance(pair, list) and len(pair) == 2):
            reader.errors.append(
                f'{break_path}: verwacht een paar tijdstippen ["UU:MM", "UU:MM"], '
                f"kreeg {describe(pair)}"
            )
            continue
        break_start = reader.time(pair[0], f"{break_path}[0]")
        break_end = reader.time(pair[1], f"{break_path}[1]")
        if break_start is not None and break_end is not None:
            breaks.append((break_start, break_end))
    force_majeure = reader.boolean(obj.get("force_majeure", False), f"{path}.force_majeure")
    if len(reader.errors) > count or kind is None or day is None or start is None or end is None:
        return None
    return Entry(
        kind=kind,
        date=day,
        start=start,
        end=end,
        breaks=tuple(breaks),
        force_majeure=bool(force_majeure),
    )


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _without_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """The object of ``pairs``; raises :class:`_DuplicateKeyError` for the first key that
    comes twice.
    """
    # Called for every object in the file: let dict() build it, and look for the duplicate
    # only when the sizes show there is one.
    result = dict(pairs)
    if len(result) < len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result
