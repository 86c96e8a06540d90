"""The logbook's rows belong to a school: outside a school's scope every query raises."""

import pytest
from django_scopes import scope

from core.tenancy import ScopeError, school_scope
from logbook.models import LogbookComment, LogbookEntry
from tests.logbook.factories import LogbookCommentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [LogbookEntry, LogbookComment])
def test_the_logbook_is_scoped_to_its_school(school_a, school_b, model):
    LogbookCommentFactory(entry__placement=school_a.placement)

    with scope(), pytest.raises(ScopeError):
        model.objects.count()
    with school_scope(school_b.school.pk):
        assert model.objects.count() == 0
    with school_scope(school_a.school.pk):
        assert model.objects.count() == 1
