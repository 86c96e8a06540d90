"""The school's outbox (meldingen): every e-mail the application sends, to whom, why and when.

A notification is queued in the request or reminder that decides it, and sent by a Celery task.
Its text is rendered when it is sent; a personal link in it is issued at that moment, and the
outbox keeps the text with the link replaced, so nothing secret is stored. The correspondence
about a pupil is part of the individual dossier (annex 2: "de briefwisseling over de betrokken
stagiair").
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.tenancy import school_scoped
from internships.models.access import AccessLink
from internships.models.placements import Placement
from internships.models.schools import School


class Notification(models.Model):
    class Kind(models.TextChoices):
        SIGNATURE_REQUEST = "signature_request", _("ondertekeningslink")
        PORTAL_LINK = "portal_link", _("persoonlijke link naar het portaal")
        AGREEMENT_UNSIGNED = "agreement_unsigned", _("overeenkomst nog niet ondertekend")
        EVALUATION_REQUEST = "evaluation_request", _("evaluatie gevraagd")
        EVALUATION_OVERDUE = "evaluation_overdue", _("evaluatie te laat")
        WEEK_TO_CONFIRM = "week_to_confirm", _("uren van de week te bevestigen")
        HOURS_VIOLATION = "hours_violation", _("gewerkte uren buiten de arbeidsregels")
        VISIT_OVERDUE = "visit_overdue", _("stagebezoek achterstallig")
        ABSENCE_REPORTED = "absence_reported", _("afwezigheid gemeld")
        INCIDENT_REPORTED = "incident_reported", _("incident gemeld")
        SURVEY = "survey", _("jaarlijkse bevraging")

    class Status(models.TextChoices):
        QUEUED = "queued", _("wacht op verzending")
        SENT = "sent", _("verstuurd")
        FAILED = "failed", _("mislukt")
        SKIPPED = "skipped", _("niet verstuurd")

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    recipient_name = models.CharField(_("aan"), max_length=200)
    recipient_email = models.EmailField(_("e-mailadres"))
    reason = models.CharField(
        _("waarom"), max_length=300, help_text=_("Waarom dit bericht vertrekt, in één zin.")
    )
    template = models.CharField(_("sjabloon"), max_length=200)
    context = models.JSONField(_("gegevens voor het bericht"), default=dict)
    placement = models.ForeignKey(
        Placement,
        verbose_name=_("stage"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )
    access_link = models.ForeignKey(
        AccessLink,
        verbose_name=_("persoonlijke link"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )
    dedupe_key = models.CharField(
        _("sleutel tegen dubbele berichten"),
        max_length=200,
        blank=True,
        help_text=_("Een herinnering met dezelfde sleutel vertrekt maar één keer."),
    )
    subject = models.CharField(_("onderwerp"), max_length=300, blank=True)
    body = models.TextField(_("tekst zoals verstuurd"), blank=True)
    error = models.CharField(_("fout"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    objects = school_scoped("school")

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="one_notification_per_dedupe_key",
            )
        ]
        indexes = [models.Index(fields=["school", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient_email}"

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED
