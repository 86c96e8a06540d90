"""The visits app's own models are school-owned: scoped like every other (``core.tenancy``),
and a user has at most one usable calendar feed."""

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scope

from core.tenancy import ScopeError, school_scope
from tests.visits.factories import CalendarFeedFactory, SchoolLocationFactory
from visits.models import CalendarFeed, SchoolLocation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [CalendarFeed, SchoolLocation], ids=lambda model: model.__name__)
def test_an_unscoped_query_raises(model):
    assert hasattr(model._default_manager, "school_paths")
    with scope(), pytest.raises(ScopeError):
        list(model.objects.all())


def test_a_scope_shows_only_its_schools_rows(school_a, school_b):
    CalendarFeedFactory(user=school_a.supervisor)
    CalendarFeedFactory(user=school_b.supervisor)
    SchoolLocationFactory(school=school_b.school)

    with school_scope(school_a.school.pk):
        assert [feed.user for feed in CalendarFeed.objects.all()] == [school_a.supervisor]
        assert not SchoolLocation.objects.exists()


def test_one_usable_feed_per_user(school_a):
    CalendarFeedFactory(user=school_a.supervisor)

    with pytest.raises(IntegrityError), transaction.atomic():
        CalendarFeedFactory(user=school_a.supervisor)
