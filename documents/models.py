"""Documents: every PDF and export the application renders, with its file and its status.

A document is requested by a user, rendered by a Celery task and then downloaded. Rows are
never deleted: together with ``requested_by`` they are the record of who asked for what. Each
new rendering of the same subject (a placement, an agreement version, a school year, a
supervisor's month) gets the next ``version``; earlier files stay.
"""

import datetime
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.storage import document_storage
from core.tenancy import school_scoped
from internships.models import AgreementVersion, Placement, Programme, School, SchoolYear, User

# A document that has not moved for this long is considered abandoned (its worker died or its
# message was lost): the task may claim it again and the user may retry it.
STALE_AFTER = datetime.timedelta(minutes=30)


def document_upload_to(document: "Document", filename: str) -> str:
    """An unguessable path per school: the file is only ever served by the download view."""
    suffix = PurePosixPath(filename).suffix
    return f"{document.school_id}/{timezone.now():%Y}/{uuid.uuid4().hex}{suffix}"


class Document(models.Model):
    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("leerlingenstageovereenkomst")
        INDIVIDUAL_DOSSIER = "individual_dossier", _("individueel stagedossier")
        GENERAL_DOSSIER = "general_dossier", _("algemeen stagedossier")
        INSPECTION_EXPORT = "inspection_export", _("inspectiedossier (ZIP)")
        TRAVEL_EXPENSES = "travel_expenses", _("verplaatsingskosten")

    class Status(models.TextChoices):
        PENDING = "pending", _("in de wachtrij")
        RUNNING = "running", _("wordt gemaakt")
        READY = "ready", _("klaar")
        FAILED = "failed", _("mislukt")

    PLACEMENT_KINDS = (Kind.AGREEMENT, Kind.INDIVIDUAL_DOSSIER)
    SCHOOL_YEAR_KINDS = (Kind.GENERAL_DOSSIER, Kind.INSPECTION_EXPORT)
    # A supervisor's monthly travel expense report (7.2): its subject is the supervisor and
    # the month (the first day of the month).
    SUPERVISOR_KINDS = (Kind.TRAVEL_EXPENSES,)

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    placement = models.ForeignKey(
        Placement,
        verbose_name=_("stage"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    agreement_version = models.ForeignKey(
        AgreementVersion,
        verbose_name=_("versie van de overeenkomst"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    school_year = models.ForeignKey(
        SchoolYear,
        verbose_name=_("schooljaar"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("studierichting"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("stagebegeleider"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    month = models.DateField(
        _("maand"), null=True, blank=True, help_text=_("De eerste dag van de maand.")
    )
    subject_key = models.CharField(
        _("onderwerp"),
        max_length=80,
        editable=False,
        help_text=_("Soort en onderwerp samen bepalen de reeks versies."),
    )
    version = models.PositiveIntegerField(_("versie"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    file = models.FileField(
        _("bestand"), upload_to=document_upload_to, storage=document_storage, blank=True
    )
    checksum = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("grootte (bytes)"), default=0)
    error_message = models.CharField(_("reden van de mislukking"), max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    task_id = models.CharField(_("taak"), max_length=64, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), default=timezone.now)

    objects = school_scoped("school")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="agreement",
                        placement__isnull=False,
                        agreement_version__isnull=False,
                        school_year__isnull=True,
                        programme__isnull=True,
                        supervisor__isnull=True,
                        month__isnull=True,
                    )
                    | Q(
                        kind="individual_dossier",
                        placement__isnull=False,
                        agreement_version__isnull=True,
                        school_year__isnull=True,
                        programme__isnull=True,
                        supervisor__isnull=True,
                        month__isnull=True,
                    )
                    | Q(
                        kind__in=["general_dossier", "inspection_export"],
                        placement__isnull=True,
                        agreement_version__isnull=True,
                        school_year__isnull=False,
                        supervisor__isnull=True,
                        month__isnull=True,
                    )
                    | Q(
                        kind="travel_expenses",
                        placement__isnull=True,
                        agreement_version__isnull=True,
                        school_year__isnull=True,
                        programme__isnull=True,
                        supervisor__isnull=False,
                        month__isnull=False,
                    )
                ),
                name="document_subject_matches_kind",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="document_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=~Q(status="ready") | (~Q(file="") & ~Q(checksum="")),
                name="ready_document_has_file",
            ),
            models.UniqueConstraint(
                fields=["school", "kind", "subject_key", "version"],
                name="unique_document_version",
            ),
        ]
        indexes = [
            models.Index(fields=["placement", "kind", "-created_at"]),
            models.Index(fields=["school", "kind", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def title(self) -> str:
        """What the document is, in the words of its page; needs its subject loaded."""
        if self.kind == self.Kind.AGREEMENT:
            return _("Leerlingenstageovereenkomst %(student)s, versie %(number)s") % {
                "student": self.placement.student,
                "number": self.agreement_version.number,
            }
        if self.kind == self.Kind.INDIVIDUAL_DOSSIER:
            return _("Individueel stagedossier %(student)s") % {"student": self.placement.student}
        if self.kind == self.Kind.TRAVEL_EXPENSES:
            return _("Verplaatsingskosten %(supervisor)s, %(month)s") % {
                "supervisor": self.supervisor,
                "month": formats.date_format(self.month, "F Y").lower(),
            }
        label = self.get_kind_display()
        title = f"{label[:1].upper()}{label[1:]} {self.school_year}"
        return f"{title} – {self.programme.name}" if self.programme_id else title

    @property
    def content_type(self) -> str:
        return "application/zip" if self.kind == self.Kind.INSPECTION_EXPORT else "application/pdf"

    @property
    def download_name(self) -> str:
        """The Dutch file name offered on download, e.g. ``stageovereenkomst-jan-peeters-v2.pdf``.

        An agreement is named after the agreement's version (what parties refer to); every
        other document after its own rendering version.
        """
        if self.kind == self.Kind.AGREEMENT:
            pupil = slugify(self.placement.student.full_name)
            return f"stageovereenkomst-{pupil}-v{self.agreement_version.number}.pdf"
        if self.kind == self.Kind.INDIVIDUAL_DOSSIER:
            pupil = slugify(self.placement.student.full_name)
            return f"individueel-stagedossier-{pupil}-v{self.version}.pdf"
        if self.kind == self.Kind.TRAVEL_EXPENSES:
            supervisor = slugify(self.supervisor.get_full_name() or self.supervisor.username)
            return f"verplaatsingskosten-{supervisor}-{self.month:%Y-%m}-v{self.version}.pdf"
        year = f"{self.school_year.start_year}-{self.school_year.start_year + 1}"
        programme = f"-{slugify(self.programme.name)}" if self.programme_id else ""
        if self.kind == self.Kind.GENERAL_DOSSIER:
            return f"algemeen-stagedossier-{year}{programme}-v{self.version}.pdf"
        return f"inspectiedossier-{year}{programme}-v{self.version}.zip"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def is_in_progress(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def is_stale(self) -> bool:
        return self.is_in_progress and self.updated_at < timezone.now() - STALE_AFTER

    @property
    def can_retry(self) -> bool:
        return self.status == self.Status.FAILED or self.is_stale

    @staticmethod
    def subject_key_for(
        *,
        kind: str,
        placement: Placement | None = None,
        agreement_version: AgreementVersion | None = None,
        school_year: SchoolYear | None = None,
        programme: Programme | None = None,
        supervisor: User | None = None,
        month: datetime.date | None = None,
    ) -> str:
        if kind == Document.Kind.AGREEMENT:
            return f"agreement_version:{agreement_version.pk}"
        if kind == Document.Kind.INDIVIDUAL_DOSSIER:
            return f"placement:{placement.pk}"
        if kind == Document.Kind.TRAVEL_EXPENSES:
            return f"supervisor:{supervisor.pk}:month:{month:%Y-%m}"
        return f"school_year:{school_year.pk}:programme:{programme.pk if programme else '-'}"


def stored_dossier_upload_to(stored: "StoredDossier", filename: str) -> str:
    return f"{stored.school_id}/dossiers/{stored.content_hash}.pdf"


class StoredDossier(models.Model):
    """A dossier rendered for an inspection export, kept by the hash of its content.

    ``content_hash`` is :meth:`documents.rendering.PdfSource.content_hash` of the dossier: its
    HTML, its stylesheets and the builder's version. A later export that arrives at the same
    hash takes this file instead of rendering the dossier again. One is kept per subject (a
    placement's individual dossier, a school year's general dossier): a new rendering replaces
    the one before it.
    """

    KINDS = (Document.Kind.INDIVIDUAL_DOSSIER, Document.Kind.GENERAL_DOSSIER)

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("soort"),
        max_length=30,
        choices=[(kind.value, kind.label) for kind in KINDS],
    )
    subject_key = models.CharField(
        _("onderwerp"), max_length=80, help_text=_("Zoals bij het document.")
    )
    content_hash = models.CharField(_("SHA-256 van de inhoud"), max_length=64)
    file = models.FileField(
        _("bestand"), upload_to=stored_dossier_upload_to, storage=document_storage
    )
    checksum = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("grootte (bytes)"))
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    objects = school_scoped("school")

    class Meta:
        verbose_name = _("bewaard stagedossier")
        verbose_name_plural = _("bewaarde stagedossiers")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "content_hash"], name="unique_stored_dossier_content"
            ),
        ]
        indexes = [models.Index(fields=["school", "kind", "subject_key"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject_key} ({self.content_hash[:12]})"
