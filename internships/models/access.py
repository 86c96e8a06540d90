"""Personal links (persoonlijke links): a way in for people without an account.

A mentor, a pupil or a parent, or whoever signs a document for the host or the school, gets a
link by e-mail. The link's token (256 bits) is never stored: only its SHA-256, set when the
token is issued. A link expires, can be revoked, remembers when it was last used, and says what
its holder may do (``capabilities``). Opening it exchanges the token for a session bound to the
link, so the token leaves the address bar.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.principals import Capability
from core.tenancy import school_scoped
from internships.models.hosts import Mentor
from internships.models.people import Guardian, Student
from internships.models.schools import School


class AccessLink(models.Model):
    class Holder(models.TextChoices):
        MENTOR = "mentor", _("stagementor")
        STUDENT = "student", _("leerling")
        GUARDIAN = "guardian", _("ouder of voogd")
        SIGNATORY = "signatory", _("ondertekenaar voor stagegever of school")

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    holder = models.CharField(_("houder"), max_length=20, choices=Holder.choices)
    mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("stagementor"),
        on_delete=models.CASCADE,
        related_name="access_links",
        null=True,
        blank=True,
    )
    student = models.ForeignKey(
        Student,
        verbose_name=_("leerling"),
        on_delete=models.CASCADE,
        related_name="access_links",
        null=True,
        blank=True,
    )
    guardian = models.ForeignKey(
        Guardian,
        verbose_name=_("ouder of voogd"),
        on_delete=models.CASCADE,
        related_name="access_links",
        null=True,
        blank=True,
    )
    email = models.EmailField(_("e-mailadres"))
    capabilities = models.JSONField(_("wat de houder mag"), default=list)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("link uitgereikt op"), null=True, blank=True)
    expires_at = models.DateTimeField(_("vervalt op"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)
    use_count = models.PositiveIntegerField(_("aantal keer geopend"), default=0)

    objects = school_scoped("school")
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        verbose_name = _("persoonlijke link")
        verbose_name_plural = _("persoonlijke links")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(holder="mentor", mentor__isnull=False, student__isnull=True)
                    | Q(holder="student", student__isnull=False, mentor__isnull=True)
                    | Q(holder="guardian", guardian__isnull=False, mentor__isnull=True)
                    | Q(holder="signatory", mentor__isnull=True, student__isnull=True)
                )
                & (Q(holder="guardian") | Q(guardian__isnull=True)),
                name="access_link_names_its_holder",
                violation_error_message=_("Een persoonlijke link hoort bij precies één houder."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_holder_display()}: {self.email}"

    @property
    def capability_set(self) -> frozenset[Capability]:
        return frozenset(Capability(value) for value in self.capabilities)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired
