"""Test data of the evaluations app: criteria, and evaluations taken through the services as
far as a test needs (opened, advised by the mentor, finalised by the supervisor)."""

import factory

from core.principals import MentorLink, StaffMember
from evaluations.models import Criterion, Evaluation, Moment, Scale
from evaluations.selectors.criteria import programme_of
from evaluations.services.evaluations import (
    evaluation_advise,
    evaluation_complete,
    evaluation_finalise,
    evaluation_open,
)
from internships.models import Placement, Programme, User
from tests.factories import ProgrammeFactory
from tests.factories.principals import mentor_link, principal_of


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    programme = factory.SubFactory(ProgrammeFactory)
    curriculum_goal = factory.Sequence(lambda n: f"LPD {n // 9 + 1}.{n % 9 + 1}")
    description = factory.Sequence(lambda n: f"Voert taak {n} zelfstandig en veilig uit")
    moments = Criterion.Moments.BOTH
    scale = Scale.FOUR_LEVELS
    position = factory.Sequence(lambda n: n + 1)


def criteria_of(programme: Programme, count: int = 3, **kwargs) -> list[Criterion]:
    return [CriterionFactory(programme=programme, **kwargs) for _ in range(count)]


def opened(placement: Placement, moment: str = Moment.INTERIM, criteria: int = 3) -> Evaluation:
    """The placement's evaluation at ``moment``, opened with ``criteria`` criteria of its
    programme (made when the programme has none yet)."""
    programme = programme_of(placement)
    if not programme.criteria.exists():
        criteria_of(programme, criteria)
    return evaluation_open(placement=placement, moment=moment)


def mentor_principal(placement: Placement) -> MentorLink:
    return principal_of(mentor_link(placement.mentor))


def advised(evaluation: Evaluation, level: int = 3, comment: str = "Vlot") -> Evaluation:
    scores = {score.pk: (level, f"{comment} {score.pk}") for score in evaluation.scores.all()}
    return evaluation_advise(
        evaluation=evaluation,
        principal=mentor_principal(evaluation.placement),
        scores=scores,
        comment="Gemotiveerde stagiair",
    )


def finalised(evaluation: Evaluation, user: User | None = None, level: int = 2) -> Evaluation:
    """Completes and finalises ``evaluation`` as ``user`` (its supervisor by default)."""
    principal = StaffMember.of(user or evaluation.placement.supervisor)
    scores = {score.pk: (level, "Oefenen") for score in evaluation.scores.all()}
    evaluation = evaluation_complete(
        evaluation=evaluation,
        principal=principal,
        scores=scores,
        conclusion="Haalt de meeste doelen.",
        remediation="Oefent verder op de ochtendzorg.",
    )
    return evaluation_finalise(evaluation=evaluation, principal=principal)
