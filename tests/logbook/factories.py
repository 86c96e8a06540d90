"""Logbook entries and comments, made directly (the services are tested through the views)."""

import factory

from logbook.models import LogbookComment, LogbookEntry
from tests.factories import PlacementFactory


class LogbookEntryFactory(factory.django.DjangoModelFactory):
    """A day's entry on the placement's first day."""

    class Meta:
        model = LogbookEntry
        skip_postgeneration_save = True

    placement = factory.SubFactory(PlacementFactory)
    kind = LogbookEntry.Kind.DAY
    date = factory.SelfAttribute("placement.start_date")
    work_done = factory.Sequence(lambda n: f"Vandaag hielp ik bij de ochtendzorg ({n}).")
    experiences = "Spannend, maar het team was heel vriendelijk."
    feeling = LogbookEntry.Feeling.GOOD


class LogbookCommentFactory(factory.django.DjangoModelFactory):
    """A comment of the placement's mentor; give ``author_mentor=None, author_user=...`` for
    one of staff."""

    class Meta:
        model = LogbookComment

    entry = factory.SubFactory(LogbookEntryFactory)
    text = "Goed gedaan, vraag gerust meer uitleg bij de tillift."
    author_mentor = factory.SelfAttribute("entry.placement.mentor")
    author_user = None
