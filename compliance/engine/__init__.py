"""The compliance engine: checks a pupil's schedule against the labour rules for pupil
interns (GO! brochure on leerlingenstages, sections 3–5).

Plain Python, no Django: build a :class:`Schedule` (or parse the JSON format with
:func:`parse_schedule`), call :func:`check`, read the :class:`CheckResult`.
"""

from compliance.engine.checker import check, validate_schedule
from compliance.engine.jsonio import parse_schedule, result_to_dict
from compliance.engine.model import (
    CheckResult,
    Entry,
    Exemptions,
    Kind,
    Rule,
    Schedule,
    ScheduleInputError,
    Severity,
    Student,
    Totals,
    Violation,
)

__all__ = [
    "CheckResult",
    "Entry",
    "Exemptions",
    "Kind",
    "Rule",
    "Schedule",
    "ScheduleInputError",
    "Severity",
    "Student",
    "Totals",
    "Violation",
    "check",
    "parse_schedule",
    "result_to_dict",
    "validate_schedule",
]
