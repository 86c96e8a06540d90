"""The tripartite agreement (leerlingenstageovereenkomst, 8.1.2); signatures: signatures.py.

An agreement belongs to one placement: one pupil, one school year, one host. What it states is
frozen in an :class:`AgreementVersion` when the version is made ready for signature: the
``content`` snapshot is what every party sees and signs, and ``content_hash`` is the SHA-256 of
its canonical JSON. A signed version never changes; a change is an amendment, a new version that
is signed again by the three parties, while earlier versions stay readable.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import school_scoped
from internships.models.hosts import Host
from internships.models.placements import Placement
from internships.models.schools import School, SchoolYear


class Party(models.TextChoices):
    """The three parties of the agreement (4.2, 8.1.2)."""

    STUDENT = "student", _("leerling-stagiair")
    SCHOOL = "school", _("onderwijsinstelling")
    HOST = "host", _("stagegever")


class SignatureMethod(models.TextChoices):
    ELECTRONIC = "electronic", _("elektronisch via persoonlijke link")
    PAPER = "paper", _("op papier (ingescande handtekening)")


class GroupAgreement(models.Model):
    """A global agreement between the school and one host for many pupils (8.1.2).

    The school and the host sign it once; each pupil (or a guardian) signs a personalised annex:
    the pupil's own :class:`Agreement` that refers to this one.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("ontwerp")
        READY = "ready", _("klaar voor ondertekening")
        SIGNED = "signed", _("ondertekend")

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    host = models.ForeignKey(
        Host, verbose_name=_("stagegever"), on_delete=models.PROTECT, related_name="+"
    )
    school_year = models.ForeignKey(
        SchoolYear, verbose_name=_("schooljaar"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("titel"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    content = models.JSONField(_("inhoud"), default=dict, blank=True)
    content_hash = models.CharField(_("SHA-256 van de inhoud"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ready_at = models.DateTimeField(_("klaar voor ondertekening op"), null=True, blank=True)
    signed_at = models.DateTimeField(_("ondertekend op"), null=True, blank=True)

    objects = school_scoped("school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("globale overeenkomst")
        verbose_name_plural = _("globale overeenkomsten")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | ~Q(content_hash=""),
                name="frozen_group_agreement_has_hash",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.host}, {self.school_year})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY


class Agreement(models.Model):
    """The leerlingenstageovereenkomst of one placement, through all its versions."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ontwerp")
        READY = "ready", _("klaar voor ondertekening")
        SIGNED = "signed", _("ondertekend door de drie partijen")
        ACTIVE = "active", _("lopend")
        ENDED = "ended", _("beëindigd")
        TERMINATED = "terminated", _("voortijdig stopgezet")

    class TravelCosts(models.TextChoices):
        """Who bears the travel costs (7.1.2); costs the pupil bears must be in the agreement."""

        HOST = "host", _("de stagegever vergoedt de verplaatsingskosten")
        SCHOOL = "school", _("de school vergoedt de verplaatsingskosten")
        STUDENT = "student", _("de leerling draagt de verplaatsingskosten zelf")

    placement = models.OneToOneField(
        Placement, verbose_name=_("stage"), on_delete=models.PROTECT, related_name="agreement"
    )
    group = models.ForeignKey(
        GroupAgreement,
        verbose_name=_("globale overeenkomst"),
        on_delete=models.PROTECT,
        related_name="agreements",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    travel_costs = models.CharField(
        _("verplaatsingskosten"),
        max_length=20,
        choices=TravelCosts.choices,
        default=TravelCosts.STUDENT,
    )
    travel_costs_note = models.CharField(_("afspraken over onkosten"), max_length=300, blank=True)
    ended_on = models.DateField(_("beëindigd op"), null=True, blank=True)
    end_reason = models.CharField(_("reden van beëindiging"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = school_scoped("placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("leerlingenstageovereenkomst")
        verbose_name_plural = _("leerlingenstageovereenkomsten")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["ended", "terminated"]) | Q(ended_on__isnull=False),
                name="ended_agreement_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["ended", "terminated"]) | ~Q(end_reason=""),
                name="ended_agreement_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Overeenkomst')} {self.placement}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class AgreementVersion(models.Model):
    """One version of an agreement: the first one, or an amendment."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ontwerp")
        READY = "ready", _("klaar voor ondertekening")
        SIGNED = "signed", _("ondertekend")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("overeenkomst"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("versie"))
    reason = models.CharField(
        _("reden van de wijziging"),
        max_length=300,
        blank=True,
        help_text=_(
            "Bij een aanhangsel: nieuwe data, andere mentor of stageplaats, onderbreking …"
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    content = models.JSONField(_("inhoud"), default=dict, blank=True)
    content_hash = models.CharField(_("SHA-256 van de inhoud"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ready_at = models.DateTimeField(_("klaar voor ondertekening op"), null=True, blank=True)
    signed_at = models.DateTimeField(_("volledig ondertekend op"), null=True, blank=True)

    objects = school_scoped("agreement__placement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("versie van de overeenkomst")
        verbose_name_plural = _("versies van de overeenkomst")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="unique_agreement_version_number"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | ~Q(content_hash=""),
                name="frozen_version_has_hash",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY
