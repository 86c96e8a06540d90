"""What the web app records for the labour-rule checks of a placement (sections 4–5)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.storage import private_storage
from core.tenancy import school_scoped
from core.validators import validate_document_upload
from internships.models import Placement


class Exemption(models.Model):
    """A derogation the placement may use, with the ground it rests on (5.3, 5.4)."""

    class Kind(models.TextChoices):
        SUNDAY_WORK = "sunday_work", _("arbeid op zondag")
        HOLIDAY_WORK = "holiday_work", _("arbeid op wettelijke feestdagen")
        NIGHT_WORK = "night_work", _("nachtarbeid")
        SHIFT_WORK = "shift_work", _("ploegenarbeid of arbeid die niet onderbroken mag worden")
        INSPECTOR_SUNDAY_PERMISSION = (
            "inspector_sunday_permission",
            _("toelating van de inspecteur voor meer dan één zondag op twee"),
        )

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="exemptions"
    )
    kind = models.CharField(_("afwijking"), max_length=40, choices=Kind.choices)
    ground = models.CharField(
        _("grond"),
        max_length=300,
        help_text=_(
            "Bv. bijlage bij omzendbrief SO 74: opleiding Restaurant en keuken; "
            "sectorale cao; brief van de inspecteur van 12/01/2026."
        ),
    )
    granted_on = models.DateField(_("datum"), null=True, blank=True)
    document = models.FileField(
        _("bewijsstuk"),
        upload_to="exemptions/%Y/",
        storage=private_storage,
        validators=[validate_document_upload],
        blank=True,
    )

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afwijking")
        verbose_name_plural = _("afwijkingen")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "kind"],
                name="one_exemption_per_kind",
                violation_error_message=_("Deze afwijking is al geregistreerd voor deze stage."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.ground})"


class ScheduleException(models.Model):
    """One day that differs from the placement's periods: no internship, other hours, or extra."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("geen stage")
        CHANGED_HOURS = "changed_hours", _("andere uren")
        EXTRA_DAY = "extra_day", _("extra stagedag")

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("stage"),
        on_delete=models.CASCADE,
        related_name="schedule_exceptions",
    )
    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    breaks = models.JSONField(_("pauzes"), default=list, blank=True)
    force_majeure = models.BooleanField(
        _("overmacht"),
        default=False,
        help_text=_(
            "Overwerk mag enkel bij overmacht; de stagegever meldt het binnen drie dagen "
            "schriftelijk aan de inspecteur (5.1)."
        ),
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afwijkende dag")
        verbose_name_plural = _("afwijkende dagen")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "date"], name="one_exception_per_day"),
            models.CheckConstraint(
                condition=Q(kind="day_off")
                | (Q(start_time__isnull=False) & Q(end_time__isnull=False)),
                name="exception_has_hours_unless_day_off",
                violation_error_message=_("Geef de uren van deze dag."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.get_kind_display()}"


class ComplianceCheck(models.Model):
    """The latest check of a placement's schedule, kept so lists and dashboards need no engine."""

    placement = models.OneToOneField(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="compliance"
    )
    checked_at = models.DateTimeField(_("gecontroleerd op"))
    error_count = models.PositiveIntegerField(_("fouten"), default=0)
    warning_count = models.PositiveIntegerField(_("waarschuwingen"), default=0)
    violations = models.JSONField(_("overtredingen"), default=list)
    totals = models.JSONField(_("totalen"), default=dict)

    objects = school_scoped("placement__school")

    class Meta:
        verbose_name = _("controle arbeidsreglementering")
        verbose_name_plural = _("controles arbeidsreglementering")
        indexes = [models.Index(fields=["error_count"])]

    def __str__(self) -> str:
        return f"{self.placement}: {self.error_count} / {self.warning_count}"


class PlannedWeek(models.Model):
    """One week of a placement's plan as its latest check expanded it (periods, holidays and
    exceptional days), kept so the weeks to confirm and the volume need no engine (3, 5.1).

    Written by ``compliance.services.compliance_check_student_year`` with the check itself."""

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="planned_weeks"
    )
    monday = models.DateField(_("week van"))
    last_day = models.DateField(_("laatste stagedag"))
    minutes = models.PositiveIntegerField(_("geplande minuten"))
    half_days = models.PositiveSmallIntegerField(_("geplande halve dagen"))
    # The planned days as weekday digits, Monday 0: "01234" is Monday to Friday.
    weekdays = models.CharField(_("stagedagen"), max_length=7)

    objects = school_scoped("placement__school")

    class Meta:
        verbose_name = _("geplande stageweek")
        verbose_name_plural = _("geplande stageweken")
        ordering = ["placement", "monday"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "monday"], name="one_planned_week")
        ]
        indexes = [models.Index(fields=["last_day"])]

    def __str__(self) -> str:
        return f"{self.placement}: {self.monday:%d/%m/%Y}"

    @property
    def dates(self) -> list[datetime.date]:
        return [self.monday + datetime.timedelta(days=int(digit)) for digit in self.weekdays]
