"""``manage.py seed_demo [--scale N] [--if-empty]``: realistic Flemish demo data."""

from collections import Counter
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError, CommandParser
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.commands import ScopedCommand
from demo.builders import DemoDataError
from demo.calendar import REFERENCE_DATE
from demo.schools import SCHOOLS
from demo.seed import count_label, demo_data_seed, missing_schools, model_counts
from demo.specs import DEMO_PASSWORD, SchoolSpec
from internships.models import Agreement, Placement, School

LOGINS = "coordinator, supervisor, schooladmin (school A) · coordinator-b, supervisor-b (school B)"


def parse_scale(value: Any) -> int:
    """The ``--scale`` factor: a whole number of at least 1."""
    try:
        scale = int(str(value).strip())
    except ValueError:
        scale = 0
    if scale < 1:
        raise CommandError(
            _("--scale verwacht een geheel getal van minstens 1, niet ‘%(value)s’.")
            % {"value": value}
        )
    return scale


class Command(ScopedCommand):
    """Works across schools (the default scope): it creates both demo schools."""

    help = gettext_lazy(
        "Maakt twee demoscholen aan met leerlingen, ouders, stagegevers, stageplaatsen, "
        "mentoren, personeel en stages in 2025–2026 en 2026–2027. Nog eens uitvoeren "
        "verandert niets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            default="1",
            help=gettext_lazy(
                "Vermenigvuldigt leerlingen, stagegevers en stages met N (standaard 1)."
            ),
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=gettext_lazy(
                "Laadt de demogegevens alleen als de database nog geen enkele school bevat."
            ),
        )

    def handle(self, *args: Any, scale: Any, if_empty: bool, **options: Any) -> None:
        factor = parse_scale(scale)
        if if_empty and School.objects.exists():
            self.stdout.write(_("De database bevat al scholen: geen demogegevens geladen."))
            return
        schools = missing_schools()
        if not schools:
            self.stdout.write(
                _("De demogegevens zijn al aanwezig (%(schools)s); er is niets gewijzigd.")
                % {"schools": ", ".join(spec.name for spec in SCHOOLS)}
            )
            return
        before = model_counts()
        try:
            demo_data_seed(schools, scale=factor, password_hash=make_password(DEMO_PASSWORD))
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        after = model_counts()
        created = [
            count_label(model, after[model] - before[model])
            for model in after
            if after[model] != before[model]
        ]
        self.stdout.write(
            self.style.SUCCESS(
                _("Demogegevens aangemaakt: %(what)s.") % {"what": ", ".join(created)}
            )
        )
        self.stdout.write(_("Stages per soort: %(kinds)s.") % {"kinds": self._kinds(schools)})
        self.stdout.write(
            _("Overeenkomsten per status: %(statuses)s.")
            % {"statuses": self._agreement_statuses(schools)}
        )
        self.stdout.write(
            _("Aanmelden als %(logins)s met wachtwoord %(password)s.")
            % {"logins": LOGINS, "password": DEMO_PASSWORD}
        )
        if mentor_id := self._mentor_with_current_interns(schools):
            self.stdout.write(
                _(
                    "Het portaal van een stagementor met lopende stages openen: "
                    "python manage.py portal_link mentor %(id)s"
                )
                % {"id": mentor_id}
            )

    def _mentor_with_current_interns(self, schools: list[SchoolSpec]) -> int | None:
        today = REFERENCE_DATE
        current = Placement.objects.filter(
            school__institution_number=schools[0].institution_number,
            start_date__lte=today,
            end_date__gte=today,
            mentor__isnull=False,
        )
        busiest = (
            current.values("mentor_id")
            .annotate(interns=Count("id"))
            .order_by("-interns", "mentor_id")
        )
        return busiest[0]["mentor_id"] if busiest else None

    def _kinds(self, schools: list[SchoolSpec]) -> str:
        placements = Placement.objects.filter(
            school__institution_number__in=[spec.institution_number for spec in schools]
        )
        return ", ".join(
            f"{placements.filter(kind=kind).count()} {label}"
            for kind, label in Placement.Kind.choices
        )

    def _agreement_statuses(self, schools: list[SchoolSpec]) -> str:
        agreements = Agreement.objects.filter(
            placement__school__institution_number__in=[spec.institution_number for spec in schools]
        )
        counts = Counter(agreements.values_list("status", flat=True))
        return ", ".join(
            f"{counts[status]} {label}"
            for status, label in Agreement.Status.choices
            if counts[status]
        )
