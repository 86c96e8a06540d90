"""What the visits app stores besides the visits themselves (``internships.models.Visit``).

- :class:`CalendarFeed`: a supervisor's secret address for their visits as a calendar; the
  token is only ever shown once, the database keeps its SHA-256 (``core.tokens``).
- :class:`SchoolLocation`: where the school is, so the day's route starts and ends there.
- :class:`VisitWindow`: a visit the plan asks for (annex 3), kept with the placement's planned
  weeks so lists of hundreds of placements read their windows instead of expanding schedules.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import school_scoped
from internships.models import Placement, PlacementPeriod, School


class CalendarFeed(models.Model):
    """A supervisor's planned and done visits as an iCalendar feed behind a secret address.

    Whoever knows the address can read the feed, so it carries 256 random bits, is revocable
    and is replaced (rotated) rather than shown again. A user has at most one usable feed.
    """

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token_hash = models.CharField(_("SHA-256 van de sleutel"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst opgehaald"), null=True, blank=True)

    objects = school_scoped("school")
    history = HistoricalRecords(excluded_fields=["token_hash", "last_used_at"])

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="one_usable_calendar_feed_per_user",
                violation_error_message=_("Deze gebruiker heeft al een agenda-abonnement."),
            )
        ]

    def __str__(self) -> str:
        return f"{_('Agenda')} {self.user}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class SchoolLocation(models.Model):
    """The school's coordinates: the start and end of every route (geocoded or set by hand)."""

    school = models.OneToOneField(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="location"
    )
    latitude = models.DecimalField(_("breedtegraad"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=9, decimal_places=6)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = school_scoped("school")

    class Meta:
        verbose_name = _("ligging van de school")
        verbose_name_plural = _("ligging van de scholen")

    def __str__(self) -> str:
        return f"{self.school}: {self.latitude}, {self.longitude}"


class VisitWindow(models.Model):
    """One visit the programme's rule asks for (annex 3, ``visits.selectors.plan``): the window
    it falls in and the day proposed, from the planned days of the placement's latest check.

    Written by ``visits.services.windows.visit_windows_store`` whenever the compliance check
    stores the placement's planned weeks, and when a programme's visit interval changes. Whether
    a window is done, planned, to plan or overdue depends on the visits and on today, so it is
    never stored."""

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="visit_windows"
    )
    period = models.ForeignKey(
        PlacementPeriod, verbose_name=_("stageperiode"), on_delete=models.CASCADE, related_name="+"
    )
    window_start = models.DateField(_("begin van het bezoekvenster"))
    window_end = models.DateField(_("einde van het bezoekvenster"))
    proposed_on = models.DateField(_("voorgestelde bezoekdag"))

    objects = school_scoped("placement__school")

    class Meta:
        verbose_name = _("bezoekvenster")
        verbose_name_plural = _("bezoekvensters")
        ordering = ["placement", "window_start"]
        indexes = [models.Index(fields=["window_end", "placement"])]

    def __str__(self) -> str:
        return f"{self.placement}: {self.window_start:%d/%m/%Y}–{self.window_end:%d/%m/%Y}"
