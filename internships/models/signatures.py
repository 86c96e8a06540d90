"""Signatures of the agreement (8.1.2): the request sent through a personal link, and the
signature itself, tied to the person who signed and to the exact version they saw."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.storage import private_storage
from core.tenancy import school_scoped
from internships.models.access import AccessLink
from internships.models.agreements import AgreementVersion, GroupAgreement, Party, SignatureMethod


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
