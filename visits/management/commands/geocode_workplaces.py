"""``manage.py geocode_workplaces [--school INSTITUTION_NUMBER]``: coordinates for the school and
the workplaces that have none yet, through the geocoder of ``VISITS_GEOCODER``.

Without a geocoder it says so and changes nothing. Each school is geocoded inside its own scope.
"""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from geopy.exc import GeocoderNotFound

from core.commands import ScopedCommand
from core.tenancy import school_scope
from internships.models import School
from visits import providers
from visits.services.locations import locations_geocode


class Command(ScopedCommand):
    help = _("Zoekt de coördinaten van de school en van de stageplaatsen die er nog geen hebben.")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--school",
            metavar="INSTELLINGSNUMMER",
            help=_("Alleen deze school (haar instellingsnummer)."),
        )

    def handle(self, *args, **options) -> None:
        try:
            geocoder = providers.configured_geocoder()
        except GeocoderNotFound as error:
            raise CommandError(
                _("VISITS_GEOCODER kent geen geocoder met die naam: %(error)s") % {"error": error}
            ) from error
        if geocoder is None:
            self.stdout.write(
                _(
                    "Er is geen geocoder ingesteld (VISITS_GEOCODER is leeg): er werd niets "
                    "opgezocht. De routes gebruiken de kilometers die bij de bezoeken staan."
                )
            )
            return
        schools = School.objects.order_by("name")
        if options["school"]:
            schools = schools.filter(institution_number=options["school"])
            if not schools.exists():
                raise CommandError(
                    _("Geen school met instellingsnummer %(number)s.")
                    % {"number": options["school"]}
                )
        # The list of schools is read across schools (the command's scope); each school's
        # addresses inside that school's scope.
        for school in list(schools):
            with school_scope(school.pk):
                result = locations_geocode(school=school, geocoder=geocoder)
            self._report(school, result)

    def _report(self, school: School, result) -> None:
        self.stdout.write(
            _("%(school)s: %(located)s stageplaatsen gevonden, %(missing)s niet gevonden.")
            % {
                "school": school.name,
                "located": len(result.located),
                "missing": len(result.not_found),
            }
        )
        if result.school_located:
            self.stdout.write(_("  De ligging van de school is bewaard."))
        for workplace in result.not_found:
            self.stdout.write(
                _("  Niet gevonden: %(name)s, %(address)s")
                % {"name": workplace.name, "address": workplace.address}
            )
