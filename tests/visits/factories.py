"""Factories of the visits app: calendar feeds (with a known token) and the school's location."""

from decimal import Decimal

import factory

from core.tokens import token_hash
from tests.factories import SchoolFactory, SupervisorFactory
from visits.models import CalendarFeed, SchoolLocation


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    """A usable feed; its ``token`` (a parameter, not stored) opens it."""

    class Meta:
        model = CalendarFeed
        exclude = ("token",)

    user = factory.SubFactory(SupervisorFactory)
    school = factory.SelfAttribute("user.school")
    token = factory.Sequence(lambda n: f"agenda-token-{n:04d}-" + "k" * 30)
    token_hash = factory.LazyAttribute(lambda o: token_hash(o.token))


class SchoolLocationFactory(factory.django.DjangoModelFactory):
    """Leopoldlaan in Aalst."""

    class Meta:
        model = SchoolLocation

    school = factory.SubFactory(SchoolFactory)
    latitude = Decimal("50.939400")
    longitude = Decimal("4.032500")
