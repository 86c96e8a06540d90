"""The demo's evaluations (``demo.evaluations``) on school A's world: criteria per programme from
its curriculum goals, and evaluations through the services as far as each placement came."""

import datetime
import random

import pytest

from demo.evaluations import evaluations_seed
from evaluations.models import Criterion, Evaluation, Moment, Score
from internships.models import Placement
from tests.factories import ProgrammeActivityFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(school_a):
    """School A's placement ended, the other one is running past its interim due date."""
    Placement.objects.filter(pk=school_a.placement.pk).update(status=Placement.Status.COMPLETED)
    Placement.objects.filter(pk=school_a.other_placement.pk).update(status=Placement.Status.STARTED)
    building = ProgrammeFactory(school=school_a.school, name="Ruwbouw")
    ProgrammeActivityFactory(programme=building, curriculum_goal="LPD 2.1", description="Metselen")
    today = school_a.placement.start_date + datetime.timedelta(days=10)
    evaluations_seed(school=school_a.school, today=today, rng=random.Random(1))
    return school_a, building, today


def test_every_programme_gets_criteria_from_its_curriculum_goals(seeded):
    world, building, _today = seeded
    care = world.school_class.programme

    criteria = list(care.criteria.order_by("position"))
    assert len(criteria) == 8
    assert all(c.curriculum_goal.startswith("LPD ") for c in criteria)
    assert "Verleent hygiënische zorg" in " ".join(c.description for c in criteria)
    assert {c.scale for c in criteria} == {"four_levels", "three_levels", "two_levels"}
    assert [c.position for c in criteria] == list(range(1, 9))
    derived = building.criteria.order_by("position").first()
    assert (derived.curriculum_goal, derived.description) == (
        "LPD 2.1",
        "Voert correct en veilig uit: Metselen",
    )


def test_an_ended_placement_has_both_evaluations_finalised_after_the_advice(seeded):
    world, _building, _today = seeded

    evaluations = Evaluation.objects.filter(placement=world.placement)

    assert {e.moment for e in evaluations} == {Moment.INTERIM, Moment.FINAL}
    for evaluation in evaluations:
        assert evaluation.is_finalised and evaluation.finalised_by == world.supervisor
        assert evaluation.advised_by == world.mentor and evaluation.mentor_comment
        assert evaluation.conclusion.startswith("Lotte ")
        assert evaluation.remediation
        assert not evaluation.scores.filter(level__isnull=True).exists()
        assert not evaluation.scores.filter(mentor_level__isnull=True).exists()
    final = evaluations.get(moment=Moment.FINAL)
    assert final.scores.count() == 8  # the final-only criterion too
    assert evaluations.get(moment=Moment.INTERIM).scores.count() == 7


def test_a_running_placement_has_the_interim_advised_and_the_final_open(seeded):
    world, _building, _today = seeded

    interim = Evaluation.objects.get(placement=world.other_placement, moment=Moment.INTERIM)
    final = Evaluation.objects.get(placement=world.other_placement, moment=Moment.FINAL)

    assert interim.advised_at is not None and (interim.is_advised or interim.is_finalised)
    assert final.is_open
    assert not final.scores.filter(mentor_level__isnull=False).exists()


def test_seeding_again_changes_nothing(seeded):
    world, _building, today = seeded
    counts = (Criterion.objects.count(), Evaluation.objects.count(), Score.objects.count())

    evaluations_seed(school=world.school, today=today, rng=random.Random(2))

    assert (Criterion.objects.count(), Evaluation.objects.count(), Score.objects.count()) == counts
