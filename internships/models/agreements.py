"""The tripartite agreement (leerlingenstageovereenkomst, 8.1.2) and its signatures.

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

from core.storage import private_storage
from core.tenancy import school_scoped
from internships.models.access import AccessLink
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


class SignatureRequestQuerySet(models.QuerySet):
    def open(self) -> "SignatureRequestQuerySet":
        """Not used to sign and not revoked (an expired one is still shown as such)."""
        return self.filter(used_at__isnull=True, link__revoked_at__isnull=True).select_related(
            "link"
        )


class SignatureRequest(models.Model):
    """A party's invitation to sign one document through a personal link (``link``).

    The link carries the token, its expiry and its revocation; the request says which document,
    which party and who signs for it. It is used once: by the signature it leads to. It belongs
    to a version of a pupil's agreement, or to a group agreement (school and host sign that once
    for all its pupils).
    """

    version = models.ForeignKey(
        AgreementVersion,
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="signature_requests",
        null=True,
        blank=True,
    )
    group_agreement = models.ForeignKey(
        GroupAgreement,
        verbose_name=_("globale overeenkomst"),
        on_delete=models.CASCADE,
        related_name="signature_requests",
        null=True,
        blank=True,
    )
    link = models.OneToOneField(
        AccessLink,
        verbose_name=_("persoonlijke link"),
        on_delete=models.PROTECT,
        related_name="signature_request",
    )
    party = models.CharField(_("partij"), max_length=20, choices=Party.choices)
    signer_name = models.CharField(_("naam ondertekenaar"), max_length=200)
    signer_role = models.CharField(_("hoedanigheid"), max_length=100)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)

    objects = school_scoped("link__school", queryset_class=SignatureRequestQuerySet)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ondertekeningslink")
        verbose_name_plural = _("ondertekeningslinks")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__isnull=False, group_agreement__isnull=True)
                | Q(version__isnull=True, group_agreement__isnull=False),
                name="signature_request_has_one_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_party_display()}: {self.signer_name}"

    @property
    def email(self) -> str:
        return self.link.email

    @property
    def sent_at(self):
        """When the link went out: its token is issued when the e-mail is sent."""
        return self.link.issued_at

    @property
    def expires_at(self):
        return self.link.expires_at

    @property
    def revoked_at(self):
        return self.link.revoked_at

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    @property
    def is_revoked(self) -> bool:
        return not self.is_used and self.link.revoked_at is not None

    @property
    def is_open(self) -> bool:
        """Not used and not revoked; it may have expired (``is_valid`` says it still works)."""
        return not self.is_used and self.link.revoked_at is None

    @property
    def is_valid(self) -> bool:
        return self.is_open and not self.link.is_expired


class Signature(models.Model):
    """A party's signature on a version or a group agreement, with its audit trail."""

    version = models.ForeignKey(
        AgreementVersion,
        verbose_name=_("versie"),
        on_delete=models.PROTECT,
        related_name="signatures",
        null=True,
        blank=True,
    )
    group_agreement = models.ForeignKey(
        GroupAgreement,
        verbose_name=_("globale overeenkomst"),
        on_delete=models.PROTECT,
        related_name="signatures",
        null=True,
        blank=True,
    )
    party = models.CharField(_("partij"), max_length=20, choices=Party.choices)
    signer_name = models.CharField(_("naam ondertekenaar"), max_length=200)
    signer_role = models.CharField(_("hoedanigheid"), max_length=100)
    method = models.CharField(_("wijze"), max_length=20, choices=SignatureMethod.choices)
    signed_at = models.DateTimeField(_("ondertekend op"))
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)
    content_hash = models.CharField(_("SHA-256 van het ondertekende document"), max_length=64)
    scan = models.FileField(
        _("ingescande handtekening"),
        upload_to="signatures/%Y/",
        storage=private_storage,
        blank=True,
    )
    request = models.OneToOneField(
        SignatureRequest,
        verbose_name=_("link"),
        on_delete=models.PROTECT,
        related_name="signature",
        null=True,
        blank=True,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = school_scoped("version__agreement__placement__school", "group_agreement__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("handtekening")
        verbose_name_plural = _("handtekeningen")
        ordering = ["signed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__isnull=False, group_agreement__isnull=True)
                | Q(version__isnull=True, group_agreement__isnull=False),
                name="signature_has_one_document",
            ),
            models.UniqueConstraint(
                fields=["version", "party"],
                condition=Q(version__isnull=False),
                name="one_signature_per_party_per_version",
            ),
            models.UniqueConstraint(
                fields=["group_agreement", "party"],
                condition=Q(group_agreement__isnull=False),
                name="one_signature_per_party_per_group_agreement",
            ),
            models.CheckConstraint(
                condition=Q(method="electronic") | ~Q(scan=""),
                name="paper_signature_has_scan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_party_display()}: {self.signer_name} ({self.signed_at:%d/%m/%Y})"

    @property
    def is_on_paper(self) -> bool:
        return self.method == SignatureMethod.PAPER
