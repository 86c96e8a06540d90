"""The pupil's registratiedocument (logboek, annex 2): entries and the comments on them.

"Via dit document registreert de leerling zijn vorderingen": what was done (and which lines of
the activity list it concerns, 8.2.3), personal experiences, a self-evaluation, strengths and
points to work on. After the internship the pupil records the reflection on it (8.3). The
mentor and the supervisor follow the document up and comment on it, so the pupil can adjust in
time (annex 2: "In het kader van effectieve feedback ...").
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.constraints import FieldCheckConstraint
from core.tenancy import school_scoped
from internships.models import Activity, Mentor, Placement, User

TEXT_FIELDS = ("work_done", "experiences", "self_evaluation", "strengths", "points_to_work_on")


class LogbookEntry(models.Model):
    """What the pupil writes about one day or one week of a placement, or the reflection after
    it. The pupil can edit an entry after it was commented on: its history keeps each version."""

    class Kind(models.TextChoices):
        DAY = "day", _("dag")
        WEEK = "week", _("week")
        REFLECTION = "reflection", _("reflectie na de stage")

    class Feeling(models.TextChoices):
        """The pupil's own short judgement: how did it go?"""

        DIFFICULT = "difficult", _("het ging moeilijk")
        FAIR = "fair", _("het ging")
        GOOD = "good", _("het ging goed")
        VERY_GOOD = "very_good", _("het ging heel goed")

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("stage"),
        on_delete=models.CASCADE,
        related_name="logbook_entries",
    )
    kind = models.CharField(
        _("soort notitie"), max_length=20, choices=Kind.choices, default=Kind.DAY
    )
    date = models.DateField(
        _("datum"),
        help_text=_("De stagedag; voor een week de maandag van die week."),
    )
    work_done = models.TextField(_("wat ik gedaan heb"), blank=True)
    activities = models.ManyToManyField(
        Activity,
        verbose_name=_("activiteiten van mijn activiteitenlijst"),
        blank=True,
        related_name="logbook_entries",
    )
    experiences = models.TextField(_("hoe ik het beleefd heb"), blank=True)
    feeling = models.CharField(
        _("hoe het ging"), max_length=20, choices=Feeling.choices, blank=True
    )
    self_evaluation = models.TextField(_("mijn zelfevaluatie"), blank=True)
    strengths = models.TextField(_("mijn sterke punten"), blank=True)
    points_to_work_on = models.TextField(_("mijn werkpunten"), blank=True)
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        verbose_name = _("logboeknotitie")
        verbose_name_plural = _("logboeknotities")
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["placement", "date"])]
        constraints = [
            FieldCheckConstraint(
                condition=~Q(**dict.fromkeys(TEXT_FIELDS, "")),
                name="logbook_entry_not_empty",
                field="work_done",
                violation_error_message=_(
                    "Schrijf iets in je notitie: wat je gedaan hebt, hoe je het beleefd hebt "
                    "of hoe het ging."
                ),
            ),
            models.UniqueConstraint(
                fields=["placement", "date"],
                condition=Q(kind="day"),
                name="one_logbook_day_entry_per_date",
                violation_error_message=_(
                    "Over deze dag staat er al een notitie in je logboek: pas die aan."
                ),
            ),
            models.UniqueConstraint(
                fields=["placement", "date"],
                condition=Q(kind="week"),
                name="one_logbook_week_entry_per_week",
                violation_error_message=_(
                    "Over deze week staat er al een notitie in je logboek: pas die aan."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y} – {self.placement.student}"

    @property
    def is_day(self) -> bool:
        return self.kind == self.Kind.DAY

    @property
    def is_week(self) -> bool:
        return self.kind == self.Kind.WEEK

    @property
    def is_reflection(self) -> bool:
        return self.kind == self.Kind.REFLECTION

    @property
    def feeling_level(self) -> int:
        """1 (difficult) to 4 (very good); 0 when the pupil did not say."""
        return list(self.Feeling.values).index(self.feeling) + 1 if self.feeling else 0

    @property
    def was_edited(self) -> bool:
        """Changed after it was first written (a minute's grace for a quick correction)."""
        return (self.updated_at - self.created_at).total_seconds() > 60


class LogbookComment(models.Model):
    """Feedback on an entry by the mentor (through their link) or a staff member. Only its
    author can change it; exactly one of the two authors is recorded."""

    entry = models.ForeignKey(
        LogbookEntry,
        verbose_name=_("logboeknotitie"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    text = models.TextField(_("commentaar"))
    author_mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("stagementor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="logbook_comments",
    )
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker van de school"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="logbook_comments",
    )
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = school_scoped("entry__placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commentaar op het logboek")
        verbose_name_plural = _("commentaren op het logboek")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(author_mentor__isnull=False, author_user__isnull=True)
                | Q(author_mentor__isnull=True, author_user__isnull=False),
                name="logbook_comment_has_one_author",
                violation_error_message=_(
                    "Een commentaar heeft één auteur: de stagementor of een medewerker."
                ),
            ),
            FieldCheckConstraint(
                condition=~Q(text=""),
                name="logbook_comment_not_empty",
                field="text",
                violation_error_message=_("Schrijf een commentaar."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"

    @property
    def by_mentor(self) -> bool:
        return self.author_mentor_id is not None

    @property
    def author_name(self) -> str:
        if self.author_mentor_id is not None:
            return self.author_mentor.full_name
        return self.author_user.get_full_name() or self.author_user.username

    @property
    def author_role(self) -> str:
        """What the author is to the pupil: stagementor, or the staff member's role."""
        if self.author_mentor_id is not None:
            return str(Mentor._meta.verbose_name)
        if self.author_user_id == self.entry.placement.supervisor_id:
            return str(User.Role.SUPERVISOR.label)
        return self.author_user.get_role_display()
