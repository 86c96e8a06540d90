"""One entry per broken rule and message, instead of one line per day.

A block internship with a short lunch break breaks the same rule with the same message on
every day; a page shows that once, with its dates. Grouping works on any violation-like
object (the engine's :class:`~compliance.engine.model.Violation`, a stored one) and on the
message as the reader sees it, so the caller passes the translated text.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from compliance.engine.advice import rule_code
from compliance.engine.model import Severity


class ViolationLike(Protocol):
    @property
    def rule(self) -> object: ...

    @property
    def date(self) -> dt.date: ...

    @property
    def severity(self) -> object: ...

    @property
    def source(self) -> str: ...


V = TypeVar("V", bound=ViolationLike)


@dataclass(frozen=True, slots=True)
class ViolationGroup(Generic[V]):
    """Violations of one rule with one message, in date order."""

    code: str
    message: str
    items: tuple[V, ...]

    @property
    def first(self) -> V:
        return self.items[0]

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The distinct dates, in order."""
        return tuple(sorted({item.date for item in self.items}))

    @property
    def severity(self) -> str:
        return _severity(self.first)

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR.value

    @property
    def source(self) -> str:
        return self.first.source


def group_violations(
    violations: Iterable[V], message: Callable[[V], str]
) -> list[ViolationGroup[V]]:
    """The violations grouped by rule code and identical ``message(violation)``.

    Errors come before warnings; within each, groups follow the date of their first
    violation, and groups with the same first date keep the order the violations came in.
    Severity and source are part of the key, so a group never mixes them.
    """
    groups: dict[tuple[str, str, str, str], list[V]] = {}
    for violation in violations:
        code, severity = rule_code(violation.rule), _severity(violation)
        key = (code, severity, violation.source, message(violation))
        groups.setdefault(key, []).append(violation)
    built = [
        ViolationGroup(code, text, tuple(sorted(items, key=lambda item: item.date)))
        for (code, _severity_value, _source, text), items in groups.items()
    ]
    return sorted(built, key=lambda group: (not group.is_error, group.first.date))


def _severity(violation: ViolationLike) -> str:
    return str(getattr(violation.severity, "value", violation.severity))
