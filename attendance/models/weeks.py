"""The hours a pupil actually worked, week by week, as the mentor confirmed or corrected them (5.1).

A week of a placement is keyed by its Monday. Until someone confirms it, it has no row: its
status is *te bevestigen* and the plan stands for it. Confirming it copies the week's planned
days into :class:`AttendanceDay` rows; correcting it stores the days as they were really
worked. A planned day without a row was not worked (an absence, if recorded, explains why).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from compliance.engine.patterns import WorkDay, parse_breaks
from core.constraints import FieldCheckConstraint
from core.tenancy import school_scoped
from internships.models import Mentor, Placement


def validate_monday(value: datetime.date) -> None:
    if value.weekday() != 0:
        raise ValidationError(_("Een week begint op maandag."))


class AttendanceWeek(models.Model):
    """One week of a placement whose worked hours were confirmed, as planned or corrected."""

    class Status(models.TextChoices):
        TO_CONFIRM = "to_confirm", _("te bevestigen")
        CONFIRMED = "confirmed", _("bevestigd zoals gepland")
        CORRECTED = "corrected", _("gecorrigeerd")

        @property
        def is_to_confirm(self) -> bool:
            return self is type(self).TO_CONFIRM

        @property
        def is_confirmed(self) -> bool:
            return self is type(self).CONFIRMED

        @property
        def is_corrected(self) -> bool:
            return self is type(self).CORRECTED

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("stage"),
        on_delete=models.CASCADE,
        related_name="attendance_weeks",
    )
    monday = models.DateField(_("week van"), validators=[validate_monday])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    confirmed_at = models.DateTimeField(_("bevestigd op"))
    confirmed_by_mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("bevestigd door de stagementor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecorrigeerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(
        _("reden van de correctie"),
        max_length=300,
        blank=True,
        help_text=_("Bv. ‘volgens de aanwezigheidslijst van de stagegever’."),
    )
    # The half days of its days (3), stored with them so the volume needs no engine.
    worked_half_days = models.PositiveSmallIntegerField(
        _("gewerkte halve dagen"), default=0, editable=False
    )

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gewerkte week")
        verbose_name_plural = _("gewerkte weken")
        ordering = ["placement", "monday"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "monday"],
                name="one_attendance_week_per_placement_and_week",
                violation_error_message=_("Deze week is al bevestigd."),
            ),
            models.CheckConstraint(
                condition=~Q(status="to_confirm"),
                name="attendance_week_is_confirmed",
                violation_error_message=_("Een bewaarde week is bevestigd of gecorrigeerd."),
            ),
            FieldCheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(reason=""),
                name="staff_correction_has_reason",
                field="reason",
                violation_error_message=_("Geef de reden van de correctie."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement.student} {self.monday:%d/%m/%Y}"

    @property
    def status_value(self) -> "AttendanceWeek.Status":
        return self.Status(self.status)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    def contains(self, day: datetime.date) -> bool:
        return self.monday <= day <= self.sunday


class AttendanceDay(models.Model):
    """A day of a confirmed week as it was really worked; ``breaks`` as in the periods."""

    week = models.ForeignKey(
        AttendanceWeek, verbose_name=_("week"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    breaks = models.JSONField(_("pauzes"), default=list, blank=True)
    force_majeure = models.BooleanField(
        _("overwerk door overmacht"),
        default=False,
        help_text=_(
            "Overwerk mag enkel bij overmacht; de stagegever meldt het binnen drie dagen "
            "schriftelijk aan de inspecteur en geeft evenveel inhaalrust vóór het einde van de "
            "volgende week (5.1)."
        ),
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    objects = school_scoped("week__placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gewerkte dag")
        verbose_name_plural = _("gewerkte dagen")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["week", "date"],
                name="one_attendance_day_per_date",
                violation_error_message=_("Deze dag staat al in de week."),
            ),
            FieldCheckConstraint(
                condition=~Q(end_time=F("start_time")),
                name="attendance_day_has_duration",
                field="end_time",
                violation_error_message=_("Begin- en eindtijd mogen niet gelijk zijn."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def as_work_day(self, origin=None) -> WorkDay:
        """The day as the engine's work day; ``origin`` is the kind of period that planned it."""
        return WorkDay(
            start=self.start_time,
            end=self.end_time,
            breaks=parse_breaks(self.breaks),
            force_majeure=self.force_majeure,
            origin=origin,
        )


class AttendanceCheck(models.Model):
    """The latest labour-rule check of what was really worked, kept so pages need no engine.

    ``violations`` are those dated in the placement's confirmed weeks (as ``ComplianceCheck``
    stores them); ``totals`` hold the hours and the volumes (4.1.1) planned and worked.
    """

    placement = models.OneToOneField(
        Placement,
        verbose_name=_("stage"),
        on_delete=models.CASCADE,
        related_name="attendance_check",
    )
    checked_at = models.DateTimeField(_("gecontroleerd op"))
    error_count = models.PositiveIntegerField(_("fouten"), default=0)
    warning_count = models.PositiveIntegerField(_("waarschuwingen"), default=0)
    violations = models.JSONField(_("overtredingen"), default=list)
    totals = models.JSONField(_("totalen"), default=dict)

    objects = school_scoped("placement__school")

    class Meta:
        verbose_name = _("controle van de gewerkte uren")
        verbose_name_plural = _("controles van de gewerkte uren")
        indexes = [models.Index(fields=["error_count"])]

    def __str__(self) -> str:
        return f"{self.placement}: {self.error_count} / {self.warning_count}"
