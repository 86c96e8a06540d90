"""A finalised evaluation stays as it was reported (9.1.2), even past the services: the
database refuses changes to it and to its scores (both backends) and deletes (PostgreSQL)."""

import pytest
from django.db import IntegrityError, connection, transaction

from evaluations.models import Evaluation, Score
from tests.evaluations.factories import advised, finalised, opened

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite guards updates only: Django empties its tables with DELETE.",
)


def refused(change) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        change()


def delete_row(table: str, pk: int) -> None:
    """A DELETE straight in SQL: past the ORM, as a careless script would."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [pk])


@pytest.fixture
def evaluation(school_a) -> Evaluation:
    return finalised(advised(opened(school_a.placement)))


def test_a_finalised_evaluation_cannot_be_updated(evaluation):
    rows = Evaluation.objects.filter(pk=evaluation.pk)

    refused(lambda: rows.update(conclusion="Herschreven"))
    refused(lambda: rows.update(status=Evaluation.Status.OPEN))

    evaluation.refresh_from_db()
    assert evaluation.is_finalised and evaluation.conclusion == "Haalt de meeste doelen."


def test_its_scores_cannot_be_updated_or_added(evaluation):
    score = evaluation.scores.first()

    refused(lambda: Score.objects.filter(pk=score.pk).update(level=4))
    refused(lambda: Score.objects.filter(pk=score.pk).update(mentor_comment="anders"))
    refused(
        lambda: Score.objects.create(
            evaluation=evaluation,
            criterion=score.criterion,
            position=9,
            curriculum_goal="LPD 9",
            description="Nieuw",
            scale=score.scale,
        )
    )

    score.refresh_from_db()
    assert score.level == 2
    assert evaluation.scores.count() == 3


def test_a_score_cannot_move_onto_a_finalised_evaluation(school_a, evaluation):
    other = opened(school_a.other_placement)
    score = other.scores.first()

    refused(lambda: Score.objects.filter(pk=score.pk).update(evaluation=evaluation))


def test_an_unfinished_evaluation_still_changes(school_a):
    evaluation = advised(opened(school_a.placement))

    Evaluation.objects.filter(pk=evaluation.pk).update(conclusion="Voorlopig")
    Score.objects.filter(evaluation=evaluation).update(level=1)

    evaluation.refresh_from_db()
    assert evaluation.conclusion == "Voorlopig"
    assert set(evaluation.scores.values_list("level", flat=True)) == {1}


@postgresql_only
def test_on_postgresql_a_finalised_evaluation_and_its_scores_cannot_be_deleted(evaluation):
    score = evaluation.scores.first()

    refused(lambda: Evaluation.objects.filter(pk=evaluation.pk).delete())
    refused(lambda: Score.objects.filter(pk=score.pk).delete())
    refused(lambda: delete_row("evaluations_evaluation", evaluation.pk))

    assert Evaluation.objects.filter(pk=evaluation.pk).exists()
    assert evaluation.scores.count() == 3


@postgresql_only
def test_on_postgresql_an_unfinished_evaluation_can_be_deleted(school_a):
    evaluation = opened(school_a.placement)

    Evaluation.objects.filter(pk=evaluation.pk).delete()

    assert not Score.objects.filter(evaluation_id=evaluation.pk).exists()
