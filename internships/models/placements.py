"""Placements (stages), their periods, absences and make-up internships."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from compliance.engine.patterns import Pattern, PatternKind, WorkDay, parse_breaks
from core.tenancy import school_scoped
from internships.models.hosts import Host, Mentor, Workplace
from internships.models.people import Student
from internships.models.schools import School, SchoolClass, SchoolYear

WEEKDAY_NAMES = [
    _("maandag"),
    _("dinsdag"),
    _("woensdag"),
    _("donderdag"),
    _("vrijdag"),
    _("zaterdag"),
    _("zondag"),
]


class PlacementQuerySet(models.QuerySet):
    def active(self) -> "PlacementQuerySet":
        return self.exclude(status=Placement.Status.CANCELLED)

    def starting_between(self, first: datetime.date, last: datetime.date) -> "PlacementQuerySet":
        return self.active().filter(start_date__range=(first, last))

    def missing_people(self) -> "PlacementQuerySet":
        return self.active().filter(Q(mentor__isnull=True) | Q(supervisor__isnull=True))


class Placement(models.Model):
    """One pupil at one host for one or more periods in a school year (2, 4.1).

    ``start_date`` and ``end_date`` are the dates agreed for the whole placement; every period
    lies between them. Two placements of a pupil that are not cancelled cannot overlap: the
    database refuses it (see migration ``0002_placement_no_overlap``).
    """

    class Kind(models.TextChoices):
        BLOCK = "block", _("blokstage")
        ALTERNATING = "alternating", _("alternerende stage")
        COMBINED = "combined", _("combinatie blok en alternerend")

    class Status(models.TextChoices):
        PREPARING = "preparing", _("in voorbereiding")
        STARTED = "started", _("lopend")
        COMPLETED = "completed", _("afgerond")
        CANCELLED = "cancelled", _("geannuleerd")

        @property
        def is_started(self) -> bool:
            return self is type(self).STARTED

        @property
        def is_cancelled(self) -> bool:
            return self is type(self).CANCELLED

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="placements"
    )
    student = models.ForeignKey(
        Student, verbose_name=_("leerling"), on_delete=models.PROTECT, related_name="placements"
    )
    school_year = models.ForeignKey(
        SchoolYear,
        verbose_name=_("schooljaar"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("klas"),
        on_delete=models.PROTECT,
        related_name="placements",
        null=True,
        blank=True,
        help_text=_(
            "De klas van de leerling in het schooljaar van de stage, met haar lessenrooster."
        ),
    )
    host = models.ForeignKey(
        Host, verbose_name=_("stagegever"), on_delete=models.PROTECT, related_name="placements"
    )
    workplace = models.ForeignKey(
        Workplace,
        verbose_name=_("stageplaats"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("stagementor"),
        on_delete=models.PROTECT,
        related_name="placements",
        null=True,
        blank=True,
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("stagebegeleider"),
        on_delete=models.PROTECT,
        related_name="supervised_placements",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("soort stage"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREPARING
    )
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(_("einddatum"))
    notes = models.TextField(_("notities"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = school_scoped("school", queryset_class=PlacementQuerySet)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["start_date", "student__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="placement_ends_after_start",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            ),
        ]
        indexes = [
            models.Index(fields=["school", "school_year", "start_date"]),
            models.Index(fields=["supervisor", "school_year"]),
        ]

    def __str__(self) -> str:
        return f"{self.student} – {self.host} ({self.school_year})"

    @property
    def is_preparing(self) -> bool:
        return self.status == self.Status.PREPARING

    @property
    def is_started(self) -> bool:
        return self.status == self.Status.STARTED


class PlacementPeriod(models.Model):
    """A block or an alternating pattern within a placement (4.1.1).

    A block runs on ``weekdays`` of every week between the dates; an alternating period runs on
    ``weekdays`` of every ``every_n_weeks``-th week. Each day runs from ``start_time`` to
    ``end_time`` minus ``breaks`` (a list of ``["HH:MM", "HH:MM"]`` pairs).
    """

    class Kind(models.TextChoices):
        BLOCK = "block", _("blokstage")
        ALTERNATING = "alternating", _("alternerende stage")

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="periods"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    start_date = models.DateField(_("van"))
    end_date = models.DateField(_("tot en met"))
    weekdays = models.JSONField(_("weekdagen"), default=list)
    every_n_weeks = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"),
        default=1,
        choices=[(1, _("elke week")), (2, _("om de twee weken"))],
    )
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    breaks = models.JSONField(_("pauzes"), default=list, blank=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stageperiode")
        verbose_name_plural = _("stageperiodes")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="period_ends_after_start",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            ),
            models.CheckConstraint(
                condition=~Q(end_time=F("start_time")),
                name="period_has_duration",
                violation_error_message=_("Begin- en eindtijd mogen niet gelijk zijn."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start_date:%d/%m/%Y}–{self.end_date:%d/%m/%Y}"

    @property
    def weekday_names(self) -> list[str]:
        return [str(WEEKDAY_NAMES[day]) for day in sorted(self.weekdays)]

    def as_pattern(self) -> Pattern:
        """The period as a plain pattern the compliance code can expand."""
        return Pattern(
            kind=PatternKind(self.kind),
            start_date=self.start_date,
            end_date=self.end_date,
            weekdays=frozenset(self.weekdays),
            every_n_weeks=self.every_n_weeks,
            day=WorkDay(
                start=self.start_time,
                end=self.end_time,
                breaks=parse_breaks(self.breaks),
            ),
        )

    def dates(self) -> list[datetime.date]:
        """The days of the pattern: its weekdays, in every ``every_n_weeks``-th week."""
        return self.as_pattern().dates()

    @property
    def daily_minutes(self) -> int:
        return self.as_pattern().day.minutes


class Absence(models.Model):
    """A day or part of a day the pupil missed during the internship (section 4).

    Staff record an absence with their judgement; a mentor reports one through the portal and
    the school then decides whether it was justified: an unjustified absence is sanctioned as at
    school (section 4).
    """

    class Justification(models.TextChoices):
        PENDING = "pending", _("te beoordelen door de school")
        JUSTIFIED = "justified", _("gewettigd")
        UNJUSTIFIED = "unjustified", _("onwettig")

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="absences"
    )
    date = models.DateField(_("datum"))
    hours = models.DecimalField(_("gemiste uren"), max_digits=4, decimal_places=2)
    justification = models.CharField(
        _("gewettigd?"),
        max_length=20,
        choices=Justification.choices,
        default=Justification.JUSTIFIED,
    )
    reason = models.CharField(_("reden"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reported_by_mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("gemeld door de stagementor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "date"],
                name="one_absence_per_day",
                violation_error_message=_("Voor deze dag is al een afwezigheid geregistreerd."),
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24),
                name="absence_hours_in_range",
                violation_error_message=_("Een afwezigheid duurt meer dan 0 en hoogstens 24 uur."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement.student} {self.date:%d/%m/%Y}"

    @property
    def is_pending(self) -> bool:
        return self.justification == self.Justification.PENDING

    @property
    def is_justified(self) -> bool:
        return self.justification == self.Justification.JUSTIFIED

    @property
    def is_unjustified(self) -> bool:
        return self.justification == self.Justification.UNJUSTIFIED


class MakeUpPlacement(models.Model):
    """An inhaalstage: extra days at the same host to make up for missed days (section 4).

    Its days are an ordinary period of the placement, so the schedule and its compliance
    check include them.
    """

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("stage"),
        on_delete=models.CASCADE,
        related_name="make_ups",
    )
    period = models.OneToOneField(
        PlacementPeriod,
        verbose_name=_("periode"),
        on_delete=models.CASCADE,
        related_name="make_up",
    )
    absences = models.ManyToManyField(
        Absence, verbose_name=_("in te halen afwezigheden"), blank=True, related_name="made_up_by"
    )
    reason = models.CharField(_("reden"), max_length=200)
    decided_on = models.DateField(_("beslist op"))

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inhaalstage")
        verbose_name_plural = _("inhaalstages")
        ordering = ["period__start_date"]

    def __str__(self) -> str:
        return f"{_('Inhaalstage')} {self.placement.student} ({self.period})"
