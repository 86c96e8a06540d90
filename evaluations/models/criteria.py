"""Observation criteria (observatiecriteria, 9.1.1–9.1.2) and the scales they are scored on.

A programme's supervisors turn the curriculum goals (leerplandoelen) that the internship covers
into unambiguous, observable and measurable criteria; every pupil of the programme is evaluated
on the same criteria, whatever the host (9.1.2). A criterion is never deleted once used: it is
retired, and the evaluations that used it keep their own copy of it.
"""

from typing import NamedTuple

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import school_scoped
from internships.models import Programme


class Level(NamedTuple):
    value: int
    label: Promise


class Scale(models.TextChoices):
    """The fixed set of scales a criterion is scored on; levels count up from 1."""

    FOUR_LEVELS = "four_levels", _("onvoldoende / zwak / goed / zeer goed")
    THREE_LEVELS = "three_levels", _("niet / gedeeltelijk / volledig bereikt")
    TWO_LEVELS = "two_levels", _("niet behaald / behaald")

    @property
    def levels(self) -> tuple[Level, ...]:
        return SCALE_LEVELS[self]

    @property
    def highest(self) -> int:
        return len(SCALE_LEVELS[self])

    def label_of(self, level: int | None) -> str:
        """The Dutch name of ``level`` on this scale; empty for no level."""
        if level is None or not 1 <= level <= self.highest:
            return ""
        return str(SCALE_LEVELS[self][level - 1].label)


SCALE_LEVELS: dict[str, tuple[Level, ...]] = {
    Scale.FOUR_LEVELS: (
        Level(1, _("onvoldoende")),
        Level(2, _("zwak")),
        Level(3, _("goed")),
        Level(4, _("zeer goed")),
    ),
    Scale.THREE_LEVELS: (
        Level(1, _("niet bereikt")),
        Level(2, _("gedeeltelijk bereikt")),
        Level(3, _("volledig bereikt")),
    ),
    Scale.TWO_LEVELS: (
        Level(1, _("niet behaald")),
        Level(2, _("behaald")),
    ),
}


class Moment(models.TextChoices):
    """The two evaluations of a placement (8.2.2, 9; annex 3)."""

    INTERIM = "interim", _("tussentijdse evaluatie")
    FINAL = "final", _("eindevaluatie")

    @property
    def is_interim(self) -> bool:
        return self is type(self).INTERIM

    @property
    def is_final(self) -> bool:
        return self is type(self).FINAL


class CriterionQuerySet(models.QuerySet):
    def active(self) -> "CriterionQuerySet":
        return self.filter(retired_at__isnull=True)

    def used_at(self, moment: str) -> "CriterionQuerySet":
        return self.filter(moments__in=[Criterion.Moments.BOTH, moment])


class Criterion(models.Model):
    """One observable, measurable criterion of a programme, derived from a curriculum goal."""

    class Moments(models.TextChoices):
        BOTH = "both", _("tussentijdse en eindevaluatie")
        INTERIM = Moment.INTERIM.value, _("enkel de tussentijdse evaluatie")
        FINAL = Moment.FINAL.value, _("enkel de eindevaluatie")

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("studierichting"),
        on_delete=models.CASCADE,
        related_name="criteria",
    )
    curriculum_goal = models.CharField(
        _("leerplandoel"),
        max_length=50,
        help_text=_("Het leerplandoel waarvan het criterium is afgeleid, bv. LPD 3.2 (9.1.2)."),
    )
    description = models.CharField(
        _("observatiecriterium"),
        max_length=300,
        help_text=_(
            "Eenduidig, observeerbaar en meetbaar: wat de leerling zichtbaar doet (9.1.1)."
        ),
    )
    moments = models.CharField(
        _("gebruikt bij"), max_length=20, choices=Moments.choices, default=Moments.BOTH
    )
    scale = models.CharField(
        _("schaal"), max_length=20, choices=Scale.choices, default=Scale.FOUR_LEVELS
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    retired_at = models.DateTimeField(
        _("ingetrokken op"),
        null=True,
        blank=True,
        help_text=_("Een ingetrokken criterium komt niet meer op nieuwe evaluaties."),
    )

    objects = school_scoped("programme__school", queryset_class=CriterionQuerySet)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("observatiecriterium")
        verbose_name_plural = _("observatiecriteria")
        ordering = ["programme", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.curriculum_goal} {self.description}"

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def scale_choice(self) -> Scale:
        return Scale(self.scale)

    def applies_to(self, moment: str) -> bool:
        return self.moments in (self.Moments.BOTH, moment)
