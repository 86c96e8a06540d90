"""Violations as the pages show them: grouped per rule and message, translated, each with a
suggested fix (5).

The engine groups and suggests in plain Python (:mod:`compliance.engine.grouping`,
:mod:`compliance.engine.advice`); this module adds the user's language.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext

from compliance.engine.advice import rule_title, suggestion
from compliance.engine.grouping import group_violations
from compliance.selectors import PlacementCompliance, StoredViolation, localised_param
from internships.models import Placement

# Dates shown before the list of all dates is folded away.
SHOWN_DATES = 3


@dataclass(frozen=True)
class ShownGroup:
    """One broken rule with one message, on one or more dates, and what to do about it."""

    code: str
    title: str
    message: str
    source: str
    is_error: bool
    dates: tuple[datetime.date, ...]
    suggestion: str

    @property
    def count(self) -> int:
        return len(self.dates)

    @property
    def first_dates(self) -> tuple[datetime.date, ...]:
        return self.dates[:SHOWN_DATES]

    @property
    def has_more_dates(self) -> bool:
        return len(self.dates) > SHOWN_DATES


def violation_groups(
    violations: Iterable[StoredViolation],
    *,
    birth_date: datetime.date | None = None,
    exemptions: Iterable[str] = (),
) -> list[ShownGroup]:
    """The violations grouped by rule and translated message, errors first, then by date.

    ``birth_date`` and ``exemptions`` (exemption kinds recorded on the placement) let a
    suggestion fit the pupil: a minor's rules differ from an adult's (5.2), and a derogation
    already recorded is not suggested again.
    """
    recorded = frozenset(exemptions)
    shown = []
    for group in group_violations(violations, lambda violation: violation.message):
        advice = suggestion(
            group.code,
            group.first.params,
            dates=group.dates,
            birth_date=birth_date,
            exemptions=recorded,
        )
        title = rule_title(group.code)
        shown.append(
            ShownGroup(
                code=group.code,
                title=gettext(title) if title else "",
                message=group.message,
                source=group.source,
                is_error=group.is_error,
                dates=group.dates,
                suggestion=_translated(advice.template, advice.params) if advice else "",
            )
        )
    return shown


def placement_violation_groups(
    placement: Placement, compliance: PlacementCompliance
) -> list[ShownGroup]:
    """The stored violations of a placement, grouped, with suggestions for its pupil."""
    return violation_groups(
        compliance.violations,
        birth_date=placement.student.birth_date,
        exemptions=(exemption.kind for exemption in compliance.exemptions),
    )


def _translated(template: str, params) -> str:
    return gettext(template) % {key: localised_param(value) for key, value in params.items()}
