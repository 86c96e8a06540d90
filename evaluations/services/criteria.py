"""The coordinators' writes on a programme's observation criteria (9.1.1–9.1.2).

A criterion is never deleted: it is retired, and the evaluations that used it keep their copy.
Editing a criterion changes only the evaluations opened afterwards.
"""

from typing import Any, Literal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from evaluations.models import Criterion
from internships.models import Programme
from internships.services.common import model_update

CRITERION_FIELDS = ["curriculum_goal", "description", "moments", "scale"]


@transaction.atomic
def criterion_create(
    *,
    programme: Programme,
    curriculum_goal: str,
    description: str,
    moments: str = Criterion.Moments.BOTH,
    scale: str,
) -> Criterion:
    """Adds a criterion at the end of the programme's list."""
    last = programme.criteria.aggregate(last=Max("position"))["last"] or 0
    criterion = Criterion(
        programme=programme,
        curriculum_goal=curriculum_goal.strip(),
        description=description.strip(),
        moments=moments,
        scale=scale,
        position=last + 1,
    )
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_update(*, criterion: Criterion, data: dict[str, Any]) -> Criterion:
    """Changes what the criterion says, when it is used or its scale; evaluations opened before
    keep what it said then."""
    model_update(instance=criterion, fields=CRITERION_FIELDS, data=data)
    return criterion


@transaction.atomic
def criterion_retire(*, criterion: Criterion) -> Criterion:
    """Takes the criterion off new evaluations; those that used it keep it."""
    if criterion.retired_at is None:
        criterion.retired_at = timezone.now()
        criterion.save(update_fields=["retired_at"])
    return criterion


@transaction.atomic
def criterion_restore(*, criterion: Criterion) -> Criterion:
    """Puts a retired criterion back on new evaluations."""
    if criterion.retired_at is not None:
        criterion.retired_at = None
        criterion.save(update_fields=["retired_at"])
    return criterion


@transaction.atomic
def criterion_move(*, criterion: Criterion, direction: Literal["up", "down"]) -> Criterion:
    """Swaps the criterion with its neighbour in the programme's order and numbers the list
    1, 2, 3 … again; at either end nothing moves."""
    siblings = list(
        Criterion.objects.select_for_update()
        .filter(programme_id=criterion.programme_id)
        .order_by("position", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == criterion.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
        if sibling.pk == criterion.pk:
            criterion.position = position
    return criterion
