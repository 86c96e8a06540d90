"""The annual reflection (jaarlijkse bevraging, section 10): a survey per school year, answered by
the mentors and the pupils through their personal links."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import school_scoped
from internships.models import Placement, School, SchoolYear
from surveys.questions import Audience


class Survey(models.Model):
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    school_year = models.ForeignKey(
        SchoolYear, verbose_name=_("schooljaar"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("titel"), max_length=200)
    closes_on = models.DateField(_("antwoorden kan tot en met"))
    opened_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = school_scoped("school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jaarlijkse bevraging")
        verbose_name_plural = _("jaarlijkse bevragingen")
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year"],
                name="one_survey_per_school_year",
                violation_error_message=_("Voor dit schooljaar is er al een bevraging."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return timezone.localdate() <= self.closes_on


class SurveyResponse(models.Model):
    """One mentor's or pupil's answers about one placement."""

    class Respondent(models.TextChoices):
        MENTOR = Audience.MENTOR.value, _("stagementor")
        STUDENT = Audience.STUDENT.value, _("leerling")

    survey = models.ForeignKey(
        Survey, verbose_name=_("bevraging"), on_delete=models.CASCADE, related_name="responses"
    )
    placement = models.ForeignKey(
        Placement, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="+"
    )
    respondent = models.CharField(_("ingevuld door"), max_length=20, choices=Respondent.choices)
    answers = models.JSONField(_("antwoorden"), default=dict)
    submitted_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = school_scoped("survey__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("antwoord op de bevraging")
        verbose_name_plural = _("antwoorden op de bevraging")
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "placement", "respondent"], name="one_response_per_respondent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.get_respondent_display()} ({self.placement})"
