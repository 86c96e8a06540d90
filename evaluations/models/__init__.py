from evaluations.models.criteria import SCALE_LEVELS, Criterion, Level, Moment, Scale
from evaluations.models.evaluations import Evaluation, Score, due_on_for

__all__ = [
    "SCALE_LEVELS",
    "Criterion",
    "Evaluation",
    "Level",
    "Moment",
    "Scale",
    "Score",
    "due_on_for",
]
