"""Reads of the evaluations app; the names other apps use are re-exported here."""

from evaluations.selectors.evaluations import (
    dossier_evaluations,
    dossier_prefetch,
    evaluations_due,
    evaluations_visible_to,
)
from evaluations.selectors.todos import todos_for, urgent_todos

__all__ = [
    "dossier_evaluations",
    "dossier_prefetch",
    "evaluations_due",
    "evaluations_visible_to",
    "todos_for",
    "urgent_todos",
]
