"""``manage.py recheck_schedules``: checks every pupil-year of every school again, now.

What the school calendar's task does for one school year (``internships.tasks``), for all of
them: the stored checks, the weeks of each plan and the volumes are computed afresh. Run it once
after an upgrade that stores more of a check (the release notes say so); it changes nothing
that was signed or confirmed.
"""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.commands import ScopedCommand
from core.tenancy import school_scope
from internships.models import Placement
from internships.services.schedule_changes import school_year_schedules_changed


class Command(ScopedCommand):
    """Reads the schools and years across schools (the default scope); each school year is
    checked in its school's scope."""

    help = gettext_lazy(
        "Controleert de roosters van alle leerlingen van elke school opnieuw "
        "(arbeidsregels, geplande weken en volume)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        years = (
            Placement.objects.active()
            .values_list("school_id", "school_year_id")
            .distinct()
            .order_by("school_id", "school_year_id")
        )
        pupils = 0
        for school_id, school_year_pk in list(years):
            with school_scope(school_id):
                pupils += school_year_schedules_changed(
                    school_id=school_id, school_year_pk=school_year_pk
                )
        self.stdout.write(_("%(count)s leerlingjaren opnieuw gecontroleerd.") % {"count": pupils})
