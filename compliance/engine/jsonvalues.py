"""Typed values out of decoded JSON, each problem a Dutch message naming its JSON path.

:class:`ValueReader` explains what is wrong with a value; :data:`TIMES`, :data:`KINDS` and
:func:`valid_date` only tell a valid value from an invalid one, fast, for the entries that
make up nearly all of a file.
"""

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, TypeVar

from compliance.engine.model import Kind

_T = TypeVar("_T")

# Stands in for a key that is absent; the reader reports missing keys once, not per value.
MISSING = object()

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")
_SCHOOL_YEAR = re.compile(r"([0-9]{4})-([0-9]{4})")

# Every valid clock time "UU:MM" (all 1,440 of them) and every valid kind, by their text.
TIMES: Mapping[str, dt.time] = {
    f"{hour:02d}:{minute:02d}": dt.time(hour, minute) for hour in range(24) for minute in range(60)
}
KINDS: Mapping[str, Kind] = {kind.value: kind for kind in Kind}


@lru_cache(maxsize=4096)
def valid_date(value: object) -> dt.date | None:
    """The date a text "JJJJ-MM-DD" names, or ``None``; a school year repeats a few hundred
    dates in every pupil's schedule, so each is converted once.
    """
    if not isinstance(value, str):
        return None
    match = _DATE.fullmatch(value)
    return _to_date(match) if match else None


class ValueReader:
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
                f"{at(path, key)}: onbekende sleutel; toegestaan zijn {', '.join(allowed)}"
                for key in obj
                if key not in allowed
            )
            self.errors.extend(f"{at(path, key)}: ontbreekt" for key in required if key not in obj)
        return obj

    def typed(self, value: object, path: str, kind: type, expected: str) -> Any:
        """``value`` if it has JSON type ``kind``; ``None`` if not, or if it is ``MISSING``
        (a missing key, reported by :meth:`object` already).
        """
        if value is MISSING:
            return None
        # bool is a subclass of int, but JSON's true is never a number here, nor vice versa.
        if isinstance(value, kind) and not (kind is not bool and isinstance(value, bool)):
            return value
        self.errors.append(f"{path}: verwacht {expected}, kreeg {describe(value)}")
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
                f'{path}: onbekende soort {quote(text)}, verwacht "internship" of "school"'
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
            self.errors.append(f"{path}: {problem} {quote(text)}, verwacht {expected}")
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


def at(path: str, key: str) -> str:
    """The path of ``key`` inside ``path``; the key alone at the top of the document."""
    return f"{path}.{key}" if path else key


def quote(text: str) -> str:
    """``text`` as a JSON string for a message, shortened beyond 40 characters."""
    shown = text if len(text) <= 40 else f"{text[:37]}..."
    return json.dumps(shown, ensure_ascii=False)


def describe(value: object) -> str:
    """The JSON type of ``value`` in Dutch, as in "verwacht een object, kreeg een lijst"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "een getal"
    if isinstance(value, str):
        return f"de tekst {quote(value)}"
    if isinstance(value, list):
        return "een lijst"
    return "een object"
