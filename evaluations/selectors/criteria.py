"""Reads of the observation criteria: staff of the school see them (coordinators manage them,
supervisors read them); link holders see none."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.principals import Principal
from evaluations.models import Criterion
from internships.models import Placement, Programme
from internships.selectors.school import programmes_visible_to


def programme_of(placement: Placement) -> Programme | None:
    """The programme of the placement's class (of the pupil's class when none is set)."""
    school_class = placement.school_class or placement.student.school_class
    return school_class.programme if school_class is not None else None


def programmes_with_criteria(principal: Principal) -> QuerySet[Programme]:
    """The programmes the principal sees, with how many active and retired criteria each has."""
    return programmes_visible_to(principal).annotate(
        active_criteria=Count("criteria", filter=Q(criteria__retired_at__isnull=True)),
        retired_criteria=Count("criteria", filter=Q(criteria__retired_at__isnull=False)),
    )


def criteria_visible_to(principal: Principal) -> QuerySet[Criterion]:
    return Criterion.objects.filter(programme__in=programmes_visible_to(principal))


def programme_criteria(programme: Programme) -> QuerySet[Criterion]:
    """Every criterion of the programme in its order, the retired ones included."""
    return programme.criteria.order_by("position", "pk")


def criterion_get_for(principal: Principal, pk: int) -> Criterion:
    return get_object_or_404(criteria_visible_to(principal).select_related("programme"), pk=pk)
