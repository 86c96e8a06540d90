"""``manage.py portal_link mentor|pupil|guardian ID``: print a fresh portal link, send nothing.

For support staff who hand a link over by phone or on paper. The person's earlier portal links
stop working. An unknown kind or id exits with status 2 and a Dutch message.
"""

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.commands import ScopedCommand
from internships.models import Guardian, Mentor, Student
from internships.services.portal_links import portal_link_print

KINDS = {"mentor": Mentor, "pupil": Student, "guardian": Guardian}
ARGUMENT = {"mentor": "mentor", "pupil": "student", "guardian": "guardian"}


class Command(ScopedCommand):
    """Looks the person up across schools (the default scope): support knows only the id."""

    help = gettext_lazy(
        "Drukt een nieuwe persoonlijke link af voor een stagementor, leerling of ouder, zonder "
        "e-mail te sturen. Eerdere portaallinks van die persoon werken daarna niet meer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help=_("mentor, pupil of guardian"))
        parser.add_argument("id", help=_("het nummer (id) van de persoon"))

    def handle(self, *args: Any, kind: str, id: str, **options: Any) -> None:
        model = KINDS.get(kind)
        if model is None:
            raise CommandError(
                _("Onbekende soort ‘%(kind)s’: kies mentor, pupil of guardian.") % {"kind": kind},
                returncode=2,
            )
        person = model.objects.filter(pk=int(id)).first() if id.isdigit() else None
        if person is None:
            raise CommandError(
                _("Er is geen %(kind)s met nummer %(id)s.")
                % {"kind": model._meta.verbose_name, "id": id},
                returncode=2,
            )
        self.stdout.write(portal_link_print(**{ARGUMENT[kind]: person}))
