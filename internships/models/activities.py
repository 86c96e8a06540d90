"""The individual activity list (stageactiviteitenlijst, 8.1.3).

A programme keeps a reusable list of activities derived from its curriculum goals; for each
pupil the supervisor and mentor mark every activity as must, may or may not, and during the
internship it is ticked off as done, with a comment (8.2.3).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import school_scoped
from internships.models.placements import Placement
from internships.models.schools import Programme


class ProgrammeActivity(models.Model):
    """An activity of a programme's reusable list, tied to a curriculum goal (leerplandoel)."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("studierichting"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    curriculum_goal = models.CharField(_("leerplandoel"), max_length=50, blank=True)
    description = models.CharField(_("activiteit"), max_length=300)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = school_scoped("programme__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activiteit van de studierichting")
        verbose_name_plural = _("activiteiten van de studierichting")
        ordering = ["programme", "position", "pk"]

    def __str__(self) -> str:
        return self.description


class ActivityList(models.Model):
    """The individualised list of one placement, drawn up by supervisor and mentor (8.1.3)."""

    placement = models.OneToOneField(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="activity_list"
    )
    drawn_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    mentor_confirmed_at = models.DateTimeField(
        _("bevestigd door de stagementor op"), null=True, blank=True
    )
    mentor_confirmed_by = models.ForeignKey(
        "internships.Mentor",
        verbose_name=_("bevestigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stageactiviteitenlijst")
        verbose_name_plural = _("stageactiviteitenlijsten")

    def __str__(self) -> str:
        return f"{_('Activiteitenlijst')} {self.placement}"


class Activity(models.Model):
    """One line of a pupil's activity list."""

    class Permission(models.TextChoices):
        MUST = "must", _("moet")
        MAY = "may", _("mag")
        MAY_NOT = "may_not", _("mag niet")

    activity_list = models.ForeignKey(
        ActivityList, verbose_name=_("lijst"), on_delete=models.CASCADE, related_name="activities"
    )
    programme_activity = models.ForeignKey(
        ProgrammeActivity,
        verbose_name=_("activiteit van de studierichting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    curriculum_goal = models.CharField(_("leerplandoel"), max_length=50, blank=True)
    description = models.CharField(_("activiteit"), max_length=300)
    permission = models.CharField(
        _("afspraak"), max_length=10, choices=Permission.choices, default=Permission.MAY
    )
    done = models.BooleanField(_("uitgevoerd"), default=False)
    done_on = models.DateField(_("uitgevoerd op"), null=True, blank=True)
    comment = models.CharField(_("opmerking"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = school_scoped("activity_list__placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stageactiviteit")
        verbose_name_plural = _("stageactiviteiten")
        ordering = ["activity_list", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(permission="may_not", done=True),
                name="forbidden_activity_not_done",
                violation_error_message=_(
                    "Een activiteit die niet mag, kan niet als uitgevoerd aangevinkt worden."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.description} ({self.get_permission_display()})"

    @property
    def is_forbidden(self) -> bool:
        return self.permission == self.Permission.MAY_NOT
