"""Reads of the attendance app; the integration points are re-exported here."""

from attendance.selectors.dossier import dossier_attendance, dossier_attendance_for
from attendance.selectors.lists import below_volume, unconfirmed_count, unconfirmed_weeks
from attendance.selectors.todos import todos_for, urgent_todos

__all__ = [
    "below_volume",
    "dossier_attendance",
    "dossier_attendance_for",
    "todos_for",
    "unconfirmed_count",
    "unconfirmed_weeks",
    "urgent_todos",
]
