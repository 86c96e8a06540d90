"""Visits (stagebezoeken): how the supervisor follows the pupil up during the internship (8.2.2).

At regular times the supervisor visits the workplace and talks with the mentor; what they find
and what they agree is recorded here, and the individual dossier reports it.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import school_scoped
from internships.models.placements import Placement


class Visit(models.Model):
    """One follow-up contact of the supervisor about a placement, planned or done."""

    class Kind(models.TextChoices):
        ON_SITE = "on_site", _("op de stageplaats")
        PHONE = "phone", _("telefonisch")
        VIDEO = "video", _("videogesprek")
        AT_SCHOOL = "at_school", _("op school")

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        DONE = "done", _("afgelegd")

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="visits"
    )
    date = models.DateField(_("datum"))
    time = models.TimeField(_("uur"), null=True, blank=True)
    kind = models.CharField(
        _("soort bezoek"), max_length=20, choices=Kind.choices, default=Kind.ON_SITE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bezocht door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    mentor_present = models.BooleanField(_("stagementor aanwezig"), default=False)
    findings = models.TextField(
        _("vaststellingen"),
        blank=True,
        help_text=_("Wat de leerling doet, hoe het loopt, wat de stagementor vertelt."),
    )
    follow_up = models.TextField(
        _("afspraken"),
        blank=True,
        help_text=_("Wat leerling, stagementor en school afspreken, en tegen wanneer."),
    )
    distance_km = models.DecimalField(
        _("gereden kilometers (heen en terug)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Voor de kilometervergoeding van de stagebegeleider (7.2)."),
    )
    recorded_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stagebezoek")
        verbose_name_plural = _("stagebezoeken")
        ordering = ["date", "time", "pk"]

    def __str__(self) -> str:
        return f"{_('Stagebezoek')} {self.placement.student} {self.date:%d/%m/%Y}"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE
