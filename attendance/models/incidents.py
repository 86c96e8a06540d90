"""Incidents during the internship: what the mentor or the school reports and how it was handled.

The mentor signals problems early to the supervisor (annex 3: "signaleert vroegtijdig
knelpunten"); an accident at work also concerns the school's insurance (6.1.2).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import school_scoped
from internships.models import Mentor, Placement


class Incident(models.Model):
    class Kind(models.TextChoices):
        WORK_ACCIDENT = "work_accident", _("arbeidsongeval")
        NEAR_MISS = "near_miss", _("bijna-ongeval")
        BEHAVIOUR = "behaviour", _("gedrag")
        OTHER = "other", _("andere")

    class Status(models.TextChoices):
        OPEN = "open", _("op te volgen")
        HANDLED = "handled", _("afgehandeld")

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="incidents"
    )
    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    description = models.TextField(
        _("wat er gebeurde"), help_text=_("Wat, waar, wie erbij was en wat er al gedaan is.")
    )
    reported_by_mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("gemeld door de stagementor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    status = models.CharField(
        _("opvolging"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    follow_up = models.TextField(_("opvolging door de school"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidenten")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open") | Q(handled_at__isnull=False),
                name="handled_incident_has_moment",
                violation_error_message=_("Een afgehandeld incident heeft een datum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.placement.student} {self.date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_handled(self) -> bool:
        return self.status == self.Status.HANDLED

    @property
    def is_work_accident(self) -> bool:
        return self.kind == self.Kind.WORK_ACCIDENT

    @property
    def reporter(self) -> str:
        person = self.reported_by_mentor or self.reported_by
        if person is None:
            return ""
        return person.full_name if isinstance(person, Mentor) else person.get_full_name()
