"""The public JSON format of issue 3: schedules in, results out.

Parsing collects every problem instead of stopping at the first, so a coordinator can fix a
file in one go; each message is Dutch and starts with the JSON path it is about.

A file holds a few hundred entries per pupil-year, nearly all of them well-formed, so an
entry is first read by table lookups (:func:`_well_formed_entry`); only an entry that fails
them goes through the reader that explains every problem.
"""

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import fields
from functools import lru_cache
from typing import Any, TypeVar

from compliance.engine.calendar import school_year_containing
from compliance.engine.checker import PreparedSchedule, prepare
from compliance.engine.model import (
    CheckResult,
    Entry,
    Exemptions,
    Kind,
    Schedule,
    ScheduleInputError,
    Student,
)
from compliance.engine.timeline import entry_errors

_T = TypeVar("_T")

# Stands in for a key that is absent; the reader reports missing keys once, not per value.
_MISSING = object()

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")
_SCHOOL_YEAR = re.compile(r"([0-9]{4})-([0-9]{4})")

_SCHEDULE_KEYS = ("student", "school_year", "exemptions", "requires_minimum_volume", "entries")
_STUDENT_KEYS = ("birth_date",)
_EXEMPTION_KEYS = tuple(f.name for f in fields(Exemptions))
_ENTRY_KEYS = ("kind", "date", "start", "end", "breaks", "force_majeure")
_ENTRY_KEY_SET = frozenset(_ENTRY_KEYS)

# Every valid value of the fast path: all 1,440 clock times "UU:MM" and both kinds.
_TIMES = {
    f"{hour:02d}:{minute:02d}": dt.time(hour, minute) for hour in range(24) for minute in range(60)
}
_KINDS = {kind.value: kind for kind in Kind}


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
        raise ScheduleInputError([_at(path, problem) for problem in error.errors]) from None


def _read_schedule(data: object, path: str) -> Schedule:
    """The schedule ``data`` describes; raises listing every problem short of the entries'
    consistency, which it adds only when something else is wrong too.
    """
    errors: list[str] = []
    reader = _Reader(errors)
    obj = reader.object(data, path, _SCHEDULE_KEYS, required=("student", "entries"))
    if obj is None:
        raise ScheduleInputError(errors)
    birth_date = _parse_birth_date(reader, obj, path)
    exemptions = _parse_exemptions(reader, obj, path)
    requires_minimum_volume = reader.boolean(
        obj.get("requires_minimum_volume", False), _at(path, "requires_minimum_volume")
    )
    entries = _parse_entries(reader, obj, path)
    school_year_start = _parse_school_year(reader, obj, path, entries)

    if errors or birth_date is None or school_year_start is None or entries is None:
        # Report the entries' consistency too, so that one run shows every problem.
        if entries is not None:
            errors.extend(_at(path, problem) for problem in entry_errors(entries))
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


def _parse_birth_date(reader: "_Reader", obj: Mapping[str, object], path: str) -> dt.date | None:
    student = reader.object(
        obj.get("student", _MISSING), _at(path, "student"), _STUDENT_KEYS, _STUDENT_KEYS
    )
    if student is None:
        return None
    return reader.date(student.get("birth_date", _MISSING), _at(path, "student.birth_date"))


def _parse_exemptions(reader: "_Reader", obj: Mapping[str, object], path: str) -> Exemptions:
    """The exemptions given, the others off; all off when the object itself is invalid."""
    data = reader.object(obj.get("exemptions", {}), _at(path, "exemptions"), _EXEMPTION_KEYS)
    if data is None:
        return Exemptions()
    return Exemptions(
        **{
            key: bool(reader.boolean(data[key], _at(path, f"exemptions.{key}")))
            for key in _EXEMPTION_KEYS
            if key in data
        }
    )


def _parse_entries(reader: "_Reader", obj: Mapping[str, object], path: str) -> list[Entry] | None:
    """All entries, or ``None`` when the list or any entry in it is invalid."""
    data = reader.typed(obj.get("entries", _MISSING), _at(path, "entries"), list, "een lijst")
    if data is None:
        return None
    entries: list[Entry] = []
    all_valid = True
    for index, item in enumerate(data):
        entry = _well_formed_entry(item)
        if entry is None:
            entry = _parse_entry(reader, item, _at(path, f"entries[{index}]"))
        if entry is None:
            all_valid = False
        else:
            entries.append(entry)
    return entries if all_valid else None


def _parse_school_year(
    reader: "_Reader", obj: Mapping[str, object], path: str, entries: list[Entry] | None
) -> int | None:
    """The given school year, or else the one containing the earliest entry."""
    if "school_year" in obj:
        return reader.school_year(obj["school_year"], _at(path, "school_year"))
    if entries:
        return school_year_containing(min(entry.date for entry in entries))
    if entries is not None:
        reader.errors.append(
            f"{_at(path, 'school_year')}: ontbreekt, en zonder entries valt het schooljaar "
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
        kind = _KINDS[data["kind"]]
        day = _valid_date(data["date"])
        start = _TIMES[data["start"]]
        end = _TIMES[data["end"]]
        breaks = _well_formed_breaks(data["breaks"]) if "breaks" in data else ()
    except (KeyError, TypeError):
        return None
    if day is None or breaks is None:
        return None
    return Entry(kind, day, start, end, breaks, force_majeure)


def _well_formed_breaks(data: object) -> tuple[tuple[dt.time, dt.time], ...] | None:
    """The breaks of :func:`_well_formed_entry`; ``None`` or a ``KeyError`` if not valid."""
    if not isinstance(data, list):
        return None
    breaks = []
    for pair in data:
        if not (isinstance(pair, list) and len(pair) == 2):
            return None
        breaks.append((_TIMES[pair[0]], _TIMES[pair[1]]))
    return tuple(breaks)


@lru_cache(maxsize=4096)
def _valid_date(value: object) -> dt.date | None:
    """The date a text "JJJJ-MM-DD" names, or ``None``; a school year repeats a few hundred
    dates in every pupil's schedule, so each is converted once.
    """
    if not isinstance(value, str):
        return None
    match = _DATE.fullmatch(value)
    return _to_date(match) if match else None


def _parse_entry(reader: "_Reader", data: object, path: str) -> Entry | None:
    obj = reader.object(data, path, _ENTRY_KEYS, required=("kind", "date", "start", "end"))
    if obj is None:
        return None
    count = len(reader.errors)
    kind = reader.kind(obj.get("kind", _MISSING), f"{path}.kind")
    day = reader.date(obj.get("date", _MISSING), f"{path}.date")
    start = reader.time(obj.get("start", _MISSING), f"{path}.start")
    end = reader.time(obj.get("end", _MISSING), f"{path}.end")
    breaks: list[tuple[dt.time, dt.time]] = []
    breaks_data = reader.typed(obj.get("breaks", []), f"{path}.breaks", list, "een lijst")
    for number, pair in enumerate(breaks_data or []):
        break_path = f"{path}.breaks[{number}]"
        if not (isinstance(pair, list) and len(pair) == 2):
            reader.errors.append(
                f'{break_path}: verwacht een paar tijdstippen ["UU:MM", "UU:MM"], '
                f"kreeg {_describe(pair)}"
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


class _Reader:
    """Reads typed values out of decoded JSON, recording a message for each problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors

    def object(
        self, value: object, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> Mapping[str, object] | None:
        """``value`` as an object with only ``allowed`` keys and all ``required`` ones.

        ``path`` is empty for the document itself, which messages then call "invoer".
        """
        obj = self.typed(value, path or "invoer", dict, "een object")
        if obj is not None:
            self.errors.extend(
                f"{_at(path, key)}: onbekende sleutel; toegestaan zijn {', '.join(allowed)}"
                for key in obj
                if key not in allowed
            )
            self.errors.extend(f"{_at(path, key)}: ontbreekt" for key in required if key not in obj)
        return obj

    def typed(self, value: object, path: str, kind: type, expected: str) -> Any:
        """``value`` if it has JSON type ``kind``; ``None`` if not, or if it is ``_MISSING``
        (a missing key, reported by :meth:`object` already).
        """
        if value is _MISSING:
            return None
        # bool is a subclass of int, but JSON's true is never a number here, nor vice versa.
        if isinstance(value, kind) and not (kind is not bool and isinstance(value, bool)):
            return value
        self.errors.append(f"{path}: verwacht {expected}, kreeg {_describe(value)}")
        return None

    def boolean(self, value: object, path: str) -> bool | None:
        return self.typed(value, path, bool, "true of false")

    def date(self, value: object, path: str) -> dt.date | None:
        return self._pattern(value, path, _DATE, "ongeldige datum", "JJJJ-MM-DD", _to_date)

    def time(self, value: object, path: str) -> dt.time | None:
        return self._pattern(value, path, _TIME, "ongeldig tijdstip", "UU:MM", _to_time)

    def school_year(self, value: object, path: str) -> int | None:
        return self._pattern(
            value, path, _SCHOOL_YEAR, "ongeldig schooljaar", 'bv. "2025-2026"', _to_school_year
        )

    def kind(self, value: object, path: str) -> Kind | None:
        text = self.typed(value, path, str, '"internship" of "school"')
        if text is None:
            return None
        try:
            return Kind(text)
        except ValueError:
            self.errors.append(
                f'{path}: onbekende soort {_quote(text)}, verwacht "internship" of "school"'
            )
            return None

    def _pattern(
        self,
        value: object,
        path: str,
        pattern: re.Pattern[str],
        problem: str,
        expected: str,
        convert: Callable[[re.Match[str]], _T | None],
    ) -> _T | None:
        text = self.typed(value, path, str, f"een tekst {expected}")
        if text is None:
            return None
        match = pattern.fullmatch(text)
        converted = convert(match) if match else None
        if converted is None:
            self.errors.append(f"{path}: {problem} {_quote(text)}, verwacht {expected}")
        return converted


def _to_date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None


def _to_time(match: re.Match[str]) -> dt.time | None:
    hours, minutes = int(match.group(1)), int(match.group(2))
    return dt.time(hours, minutes) if hours < 24 and minutes < 60 else None


def _to_school_year(match: re.Match[str]) -> int | None:
    first, second = int(match.group(1)), int(match.group(2))
    return first if second == first + 1 else None


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _quote(text: str) -> str:
    shown = text if len(text) <= 40 else f"{text[:37]}..."
    return json.dumps(shown, ensure_ascii=False)


def _describe(value: object) -> str:
    """The JSON type of ``value`` in Dutch, as in "verwacht een object, kreeg een lijst"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "een getal"
    if isinstance(value, str):
        return f"de tekst {_quote(value)}"
    if isinstance(value, list):
        return "een lijst"
    return "een object"


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
