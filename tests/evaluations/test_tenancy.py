"""The evaluations' models are school-owned: scoped managers, raising outside a scope
(``core.tenancy``; ``tests/test_tenancy.py`` covers the apps below this one)."""

import pytest
from django_scopes import scope

from core.tenancy import ScopeError, school_scope
from evaluations.models import Criterion, Evaluation, Score
from tests.evaluations.factories import opened

MODELS = [Criterion, Evaluation, Score]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_an_unscoped_query_raises(db, model):
    assert hasattr(model._default_manager, "school_paths")
    with scope():
        for query in (
            lambda: list(model.objects.all()),
            lambda: model.objects.count(),
            lambda: model.objects.exists(),
            lambda: model.objects.filter(pk=1).update(pk=1),
        ):
            with pytest.raises(ScopeError):
                query()


def test_a_scope_shows_only_its_schools_evaluations(school_a, school_b):
    mine, theirs = opened(school_a.placement), opened(school_b.placement)

    with school_scope(school_a.school.pk):
        assert list(Evaluation.objects.all()) == [mine]
        assert set(Score.objects.values_list("evaluation_id", flat=True)) == {mine.pk}
        assert not Criterion.objects.filter(programme__school=school_b.school).exists()
    with school_scope(school_b.school.pk):
        assert list(Evaluation.objects.all()) == [theirs]
