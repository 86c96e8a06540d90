"""Which evaluations a principal sees (9.1).

Derived from the placements a principal sees (``placements_visible_to``):

- staff see the evaluations of the placements they see (a supervisor their own, a coordinator
  the school's), whatever their status;
- a mentor sees the evaluations of the placements they guide, to advise on them;
- the pupil sees their own evaluations, and a guardian those of their child while the child is
  a minor, once finalised (9.1.2: "gerapporteerd aan de leerling en de ouders"), never before;
- an API client sees the school's finalised evaluations; nobody else sees any.
"""

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.principals import (
    Anonymous,
    ApiClient,
    GuardianLink,
    MentorLink,
    Principal,
    PupilLink,
    SignatoryLink,
    StaffMember,
    unknown_principal,
)
from evaluations.models import Evaluation, Moment, Score, due_on_for
from internships.models import Placement, SchoolYear, Student
from internships.selectors.placements import PLACEMENT_PAGE_RELATIONS, placements_visible_to

MOMENTS = (Moment.INTERIM, Moment.FINAL)
EVALUATION_PAGE_RELATIONS = (
    *(f"placement__{relation}" for relation in PLACEMENT_PAGE_RELATIONS),
    "advised_by",
    "finalised_by",
)
DUE_WITHIN_DAYS = 14


def _finalised(principal: Principal) -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(
        placement__in=placements_visible_to(principal), status=Evaluation.Status.FINALISED
    )


def _child_is_minor(principal: GuardianLink) -> bool:
    child = Student.objects.filter(pk=principal.student_id).only("birth_date").first()
    return child is not None and child.is_minor_today


def evaluations_visible_to(principal: Principal) -> QuerySet[Evaluation]:
    match principal:
        case StaffMember() | MentorLink():
            return Evaluation.objects.filter(placement__in=placements_visible_to(principal))
        case PupilLink() | ApiClient():
            return _finalised(principal)
        case GuardianLink():
            if not _child_is_minor(principal):
                return Evaluation.objects.none()
            return _finalised(principal)
        case SignatoryLink() | Anonymous():
            return Evaluation.objects.none()
        case _:
            unknown_principal(principal)


def scores_prefetch() -> Prefetch:
    return Prefetch("scores", queryset=Score.objects.order_by("position", "pk"))


def evaluation_get_for(principal: Principal, pk: int) -> Evaluation:
    """One evaluation with its placement and scores; 404 outside the principal's reach."""
    queryset = (
        evaluations_visible_to(principal)
        .select_related(*EVALUATION_PAGE_RELATIONS)
        .prefetch_related(scores_prefetch())
    )
    return get_object_or_404(queryset, pk=pk)


@dataclass(frozen=True)
class MomentRow:
    """One evaluation moment of a placement: the evaluation once opened, and its due date."""

    moment: Moment
    evaluation: Evaluation | None
    due_on: datetime.date


def moment_rows(placement: Placement, evaluations: list[Evaluation]) -> list[MomentRow]:
    by_moment = {evaluation.moment: evaluation for evaluation in evaluations}
    rows = []
    for moment in MOMENTS:
        evaluation = by_moment.get(moment)
        due_on = evaluation.due_on if evaluation else due_on_for(placement, moment)
        rows.append(MomentRow(moment=moment, evaluation=evaluation, due_on=due_on))
    return rows


def placement_moments(principal: Principal, placement: Placement) -> list[MomentRow]:
    """Both moments of a placement as the principal sees them (one query)."""
    evaluations = list(
        evaluations_visible_to(principal).filter(placement=placement).select_related("finalised_by")
    )
    return moment_rows(placement, evaluations)


def evaluations_due(
    principal: Principal, *, school_year: SchoolYear, today: datetime.date
) -> QuerySet[Evaluation]:
    """Open or advised evaluations of ``school_year`` due within 14 days or overdue, the most
    urgent first; each with ``overdue``. For the coordinator's dashboard."""
    return (
        evaluations_visible_to(principal)
        .filter(
            placement__school_year=school_year,
            status__in=[Evaluation.Status.OPEN, Evaluation.Status.ADVISED],
            due_on__lte=today + datetime.timedelta(days=DUE_WITHIN_DAYS),
        )
        .exclude(placement__status=Placement.Status.CANCELLED)
        .annotate(overdue=ExpressionWrapper(Q(due_on__lt=today), output_field=BooleanField()))
        .select_related("placement__student", "placement__supervisor", "placement__mentor")
        .order_by("due_on", "placement__student__last_name", "pk")
    )


def dossier_prefetch() -> Prefetch:
    """For the documents app's dossier query: ``prefetch_related(dossier_prefetch())`` on
    placements loads what :func:`dossier_evaluations` shows in two queries for all of them."""
    return Prefetch(
        "evaluations",
        queryset=Evaluation.objects.select_related("advised_by", "finalised_by").prefetch_related(
            scores_prefetch()
        ),
    )


def dossier_evaluations(placement: Placement) -> list[Evaluation]:
    """The placement's evaluations for its individual dossier, finalised and unfinished, with
    their scores, the interim first. Uses the evaluations prefetched by
    :func:`dossier_prefetch` when there are any (the dossier has checked access already)."""
    if "evaluations" in getattr(placement, "_prefetched_objects_cache", {}):
        evaluations = list(placement.evaluations.all())
    else:
        evaluations = list(
            Evaluation.objects.filter(placement=placement)
            .select_related("advised_by", "finalised_by")
            .prefetch_related(scores_prefetch())
        )
    return sorted(evaluations, key=lambda evaluation: MOMENTS.index(evaluation.moment))
