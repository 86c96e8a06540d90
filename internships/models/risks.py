"""The host's risk documents and the pupil's health assessment (8.1.4).

The host's risk assessment and workstation sheets are uploaded once per workplace and reused
for every pupil placed there; a health assessment stays valid for later internships as long as
no new risks appear.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.storage import private_storage
from core.tenancy import school_scoped
from internships.models.hosts import Workplace
from internships.models.people import Student


class RiskAssessment(models.Model):
    """The host's risk assessment of the workstations at a workplace."""

    workplace = models.ForeignKey(
        Workplace,
        verbose_name=_("stageplaats"),
        on_delete=models.CASCADE,
        related_name="risk_assessments",
    )
    document = models.FileField(
        _("document"), upload_to="risk-assessments/%Y/", storage=private_storage
    )
    assessed_on = models.DateField(_("datum van de risicoanalyse"))
    health_surveillance_required = models.BooleanField(
        _("gezondheidstoezicht vereist"),
        default=False,
        help_text=_("Volgens de risicoanalyse is passend of specifiek gezondheidstoezicht nodig."),
    )
    mainly_screen_work = models.BooleanField(
        _("hoofdzakelijk beeldschermwerk"),
        default=False,
        help_text=_("Dan is geen voorafgaande gezondheidsbeoordeling nodig (8.1.4)."),
    )
    notes = models.CharField(_("preventiemaatregelen"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgeladen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("opgeladen op"), auto_now_add=True)

    objects = school_scoped("workplace__host__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risicoanalyse")
        verbose_name_plural = _("risicoanalyses")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"{_('Risicoanalyse')} {self.workplace} ({self.assessed_on:%d/%m/%Y})"


class WorkstationSheet(models.Model):
    """A workstation sheet (werkpostfiche) for a workstation that needs health surveillance."""

    workplace = models.ForeignKey(
        Workplace,
        verbose_name=_("stageplaats"),
        on_delete=models.CASCADE,
        related_name="workstation_sheets",
    )
    workstation = models.CharField(_("werkpost"), max_length=200)
    document = models.FileField(
        _("document"), upload_to="workstation-sheets/%Y/", storage=private_storage
    )
    issued_on = models.DateField(_("datum"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgeladen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("opgeladen op"), auto_now_add=True)

    objects = school_scoped("workplace__host__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("werkpostfiche")
        verbose_name_plural = _("werkpostfiches")
        ordering = ["workstation"]

    def __str__(self) -> str:
        return f"{self.workstation} ({self.workplace})"


class HealthAssessment(models.Model):
    """The pupil's prior health assessment, when the risk assessment requires one (8.1.4)."""

    student = models.ForeignKey(
        Student,
        verbose_name=_("leerling"),
        on_delete=models.CASCADE,
        related_name="health_assessments",
    )
    assessed_on = models.DateField(_("datum van de beoordeling"))
    document = models.FileField(
        _("formulier"), upload_to="health-assessments/%Y/", storage=private_storage
    )
    conclusion = models.CharField(_("besluit"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgeladen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("opgeladen op"), auto_now_add=True)

    objects = school_scoped("student__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gezondheidsbeoordeling")
        verbose_name_plural = _("gezondheidsbeoordelingen")
        ordering = ["-assessed_on"]

    def __str__(self) -> str:
        return f"{_('Gezondheidsbeoordeling')} {self.student} ({self.assessed_on:%d/%m/%Y})"
