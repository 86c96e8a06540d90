"""The interim and final evaluation of a placement, with a score per criterion (9.1).

The mentor advises, the supervisor decides (9.1.1): each score holds the mentor's advice (level
and comment) beside the supervisor's final level and comment. When an evaluation is opened the
criteria are copied onto its scores, so a later change of the criteria never changes it. Once
finalised it is reported to the pupil and, for a minor, the parents (9.1.2) and never changes:
the services refuse it, and database triggers refuse any other path (migration
``0002_finalised_evaluations``).
"""

import datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.constraints import FieldCheckConstraint
from core.tenancy import school_scoped
from evaluations.models.criteria import SCALE_LEVELS, Criterion, Moment, Scale
from internships.models import Mentor, Placement


def due_on_for(placement: Placement, moment: str) -> datetime.date:
    """The interim evaluation falls in the middle of the placement, the final on its last day."""
    if moment == Moment.INTERIM:
        middle = (placement.end_date - placement.start_date).days // 2
        return placement.start_date + datetime.timedelta(days=middle)
    return placement.end_date


def level_fits_scale(field: str) -> Q:
    """``field`` is empty or a level of the row's scale."""
    fits = (
        Q(scale=scale, **{f"{field}__gte": 1, f"{field}__lte": len(levels)})
        for scale, levels in SCALE_LEVELS.items()
    )
    return Q(**{f"{field}__isnull": True}) | reduce(or_, fits)


class Evaluation(models.Model):
    """One evaluation moment of a placement: open → advised by the mentor → finalised."""

    Moment = Moment

    class Status(models.TextChoices):
        OPEN = "open", _("wacht op het advies van de stagementor")
        ADVISED = "advised", _("advies van de stagementor ontvangen")
        FINALISED = "finalised", _("afgerond")

    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="evaluations"
    )
    moment = models.CharField(_("moment"), max_length=20, choices=Moment.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    due_on = models.DateField(
        _("uiterlijk op"),
        help_text=_("Tussentijds: het midden van de stage; eindevaluatie: de laatste stagedag."),
    )
    mentor_comment = models.TextField(_("algemeen advies van de stagementor"), blank=True)
    advised_at = models.DateTimeField(_("advies gegeven op"), null=True, blank=True)
    advised_by = models.ForeignKey(
        Mentor,
        verbose_name=_("advies gegeven door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    conclusion = models.TextField(
        _("besluit"),
        blank=True,
        help_text=_("Hoe de leerling presteert, in duidelijke woorden voor leerling en ouders."),
    )
    remediation = models.TextField(
        _("remediëring en adviezen"),
        blank=True,
        help_text=_("Waar de leerling nog op oefent, op school en in de volgende stage (9.1.3)."),
    )
    finalised_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgerond door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("geopend op"), auto_now_add=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["placement", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "moment"],
                name="one_evaluation_per_moment",
                violation_error_message=_("Deze stage heeft deze evaluatie al."),
            ),
            models.CheckConstraint(
                condition=~Q(status="advised") | Q(advised_at__isnull=False),
                name="advised_evaluation_has_advice_time",
                violation_error_message=_("Een advies heeft een tijdstip."),
            ),
            models.CheckConstraint(
                condition=~Q(status="finalised")
                | Q(finalised_at__isnull=False, finalised_by__isnull=False),
                name="finalised_evaluation_says_who_and_when",
                violation_error_message=_(
                    "Een afgeronde evaluatie zegt wie ze afrondde en wanneer."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_moment_display()} {self.placement.student}"

    @property
    def moment_choice(self) -> Moment:
        return Moment(self.moment)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_advised(self) -> bool:
        return self.status == self.Status.ADVISED

    @property
    def is_finalised(self) -> bool:
        return self.status == self.Status.FINALISED

    def is_overdue_on(self, day: datetime.date) -> bool:
        return not self.is_finalised and self.due_on < day


class Score(models.Model):
    """One criterion of one evaluation: a copy of the criterion, the mentor's advice and the
    supervisor's final level."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluatie"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion,
        verbose_name=_("criterium"),
        on_delete=models.PROTECT,
        related_name="scores",
        help_text=_("Waar deze kopie vandaan komt; de tekst hieronder verandert er niet mee."),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    curriculum_goal = models.CharField(_("leerplandoel"), max_length=50)
    description = models.CharField(_("observatiecriterium"), max_length=300)
    scale = models.CharField(_("schaal"), max_length=20, choices=Scale.choices)
    mentor_level = models.PositiveSmallIntegerField(
        _("advies van de stagementor"), null=True, blank=True
    )
    mentor_comment = models.TextField(_("toelichting van de stagementor"), blank=True)
    level = models.PositiveSmallIntegerField(_("eindniveau"), null=True, blank=True)
    comment = models.TextField(_("toelichting van de stagebegeleider"), blank=True)

    objects = school_scoped("evaluation__placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["evaluation", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"],
                name="one_score_per_criterion",
                violation_error_message=_("Dit criterium staat al op de evaluatie."),
            ),
            FieldCheckConstraint(
                condition=level_fits_scale("mentor_level"),
                name="mentor_level_on_scale",
                field="mentor_level",
                violation_error_message=_(
                    "Dit niveau bestaat niet op de schaal van het criterium."
                ),
            ),
            FieldCheckConstraint(
                condition=level_fits_scale("level"),
                name="level_on_scale",
                field="level",
                violation_error_message=_(
                    "Dit niveau bestaat niet op de schaal van het criterium."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.curriculum_goal} {self.description}"

    @property
    def scale_choice(self) -> Scale:
        return Scale(self.scale)

    @property
    def levels(self):
        return self.scale_choice.levels

    @property
    def mentor_level_label(self) -> str:
        return self.scale_choice.label_of(self.mentor_level)

    @property
    def level_label(self) -> str:
        return self.scale_choice.label_of(self.level)
