"""Writes of the documents app: request a document, render it (for the task), retry it.

A request only creates the record and queues the task after the transaction commits; the task
claims the record with a conditional UPDATE (so a message delivered twice renders once), runs
the builder of its kind into a temporary file, and stores the file with its checksum. Only
the holder of the latest claim may store a result, so a document never gets two files.
"""

import hashlib
import logging
import tempfile
import time
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents import tasks
from documents.builders import BUILDERS
from documents.builders.common import DocumentError
from documents.models import STALE_AFTER, Document
from documents.selectors import latest_frozen_agreement_version
from internships.models import AgreementVersion, Placement, Programme, SchoolYear, User
from internships.selectors import placements_visible_to

logger = logging.getLogger(__name__)


def document_request(
    *,
    kind: str,
    user: User,
    placement: Placement | None = None,
    agreement_version: AgreementVersion | None = None,
    school_year: SchoolYear | None = None,
    programme: Programme | None = None,
) -> Document:
    """Creates a document and queues its rendering; the caller gets the record at once.

    Placement documents may be requested by anyone who may see the placement, school-year
    documents by coordinators. An agreement PDF shows ``agreement_version``, by default the
    placement's latest version offered for signature or signed. While the same document is
    still being made, asking again returns that one instead of a second copy.
    """
    kind = Document.Kind(kind)
    subject = _subject(
        kind=kind,
        user=user,
        placement=placement,
        agreement_version=agreement_version,
        school_year=school_year,
        programme=programme,
    )
    key = Document.subject_key_for(kind=kind, **subject)
    with transaction.atomic():
        in_progress = Document.objects.filter(
            school_id=user.school_id,
            kind=kind,
            subject_key=key,
            status__in=[Document.Status.PENDING, Document.Status.RUNNING],
            updated_at__gte=timezone.now() - STALE_AFTER,
        ).first()
        if in_progress is not None:
            return in_progress
        document = _create_next_version(
            school_id=user.school_id, kind=kind, key=key, requested_by=user, subject=subject
        )
        _queue(document)
    logger.info("Document %s (%s) requested by user %s", document.pk, kind, user.pk)
    return document


def _subject(
    *,
    kind: str,
    user: User,
    placement: Placement | None,
    agreement_version: AgreementVersion | None,
    school_year: SchoolYear | None,
    programme: Programme | None,
) -> dict:
    if not user.is_authenticated or not user.school_id or not user.role:
        raise PermissionDenied
    if kind in Document.PLACEMENT_KINDS:
        if placement is None:
            raise ValidationError(_("Kies de stage waarvoor je het document wilt."))
        if not placements_visible_to(user).filter(pk=placement.pk).exists():
            raise PermissionDenied
        if kind == Document.Kind.INDIVIDUAL_DOSSIER:
            return {"placement": placement}
        version = _frozen_version(placement, agreement_version)
        return {"placement": placement, "agreement_version": version}
    if not user.sees_whole_school:
        raise PermissionDenied
    if school_year is None:
        raise ValidationError(_("Kies een schooljaar."))
    if programme is not None and programme.school_id != user.school_id:
        raise PermissionDenied
    return {"school_year": school_year, "programme": programme}


def _frozen_version(placement: Placement, version: AgreementVersion | None) -> AgreementVersion:
    if version is None:
        version = latest_frozen_agreement_version(placement)
        if version is None:
            raise ValidationError(
                _("Deze stage heeft nog geen overeenkomst die klaar is voor ondertekening.")
            )
    if version.agreement.placement_id != placement.pk:
        raise PermissionDenied
    if version.status == AgreementVersion.Status.DRAFT:
        raise ValidationError(
            _("Een ontwerp van de overeenkomst kan nog niet als PDF gemaakt worden.")
        )
    return version


def _create_next_version(
    *, school_id: int, kind: str, key: str, requested_by: User, subject: dict
) -> Document:
    """The next version of the subject's documents; a concurrent request may take a number
    first, and then the unique constraint makes us take the one after it."""
    tries_left = 3
    while True:
        series = Document.objects.filter(school_id=school_id, kind=kind, subject_key=key)
        version = (series.aggregate(last=Max("version"))["last"] or 0) + 1
        try:
            with transaction.atomic():
                return Document.objects.create(
                    school_id=school_id,
                    kind=kind,
                    subject_key=key,
                    version=version,
                    requested_by=requested_by,
                    **subject,
                )
        except IntegrityError:
            tries_left -= 1
            if not tries_left:
                raise


def _queue(document: Document) -> None:
    """Queues the rendering once the record is committed (at once without a broker)."""
    document_pk = document.pk
    transaction.on_commit(lambda: tasks.render_document.delay(document_pk))


def document_retry(*, document: Document, user: User) -> Document:
    """Queues a failed (or abandoned) document again; the user sees its progress anew."""
    if not document.can_retry:
        raise ValidationError(
            _("Alleen een mislukt of vastgelopen document kan opnieuw gemaakt worden.")
        )
    with transaction.atomic():
        reset = Document.objects.filter(
            pk=document.pk, status=document.status, updated_at=document.updated_at
        ).update(
            status=Document.Status.PENDING,
            progress=0,
            error_message="",
            task_id="",
            finished_at=None,
            updated_at=timezone.now(),
        )
        if reset:
            _queue(document)
    if reset:
        logger.info("Document %s retried by user %s", document.pk, user.pk)
    document.refresh_from_db()
    return document


def document_claim(*, document_pk: int, task_id: str) -> Document | None:
    """Marks the document as being made by ``task_id``; None when there is nothing to do.

    A pending document can be claimed; a running one only by the same task (a retry, or the
    message redelivered after its worker died) or once it is stale. A ready or failed
    document is left alone, so a message delivered twice renders once.
    """
    current = Document.objects.filter(pk=document_pk).values("attempts").first()
    if current is None:
        logger.warning("Document %s no longer exists; nothing to render.", document_pk)
        return None
    now = timezone.now()
    claimable = (
        Q(status=Document.Status.PENDING)
        | Q(status=Document.Status.RUNNING, task_id=task_id)
        | Q(status=Document.Status.RUNNING, updated_at__lt=now - STALE_AFTER)
    )
    claimed = Document.objects.filter(
        claimable, pk=document_pk, attempts=current["attempts"]
    ).update(
        status=Document.Status.RUNNING,
        attempts=F("attempts") + 1,
        task_id=task_id,
        progress=0,
        started_at=now,
        updated_at=now,
    )
    if not claimed:
        return None
    return Document.objects.select_related(
        "school", "school_year", "programme", "placement__student", "agreement_version"
    ).get(pk=document_pk)


class ProgressReporter:
    """Saves a document's progress at most once per ``interval`` seconds, when it moved."""

    def __init__(self, document: Document, *, interval: float = 1.0) -> None:
        self.document_pk = document.pk
        self.attempt = document.attempts
        self.interval = interval
        self.saved = 0
        self.saved_at = float("-inf")

    def __call__(self, percent: int) -> None:
        percent = max(0, min(int(percent), 99))
        now = time.monotonic()
        if percent <= self.saved or now - self.saved_at < self.interval:
            return
        Document.objects.filter(
            pk=self.document_pk, status=Document.Status.RUNNING, attempts=self.attempt
        ).update(progress=percent, updated_at=timezone.now())
        self.saved, self.saved_at = percent, now


def document_render(*, document_pk: int, task_id: str) -> Document | None:
    """Renders the document if it is this task's to render; returns it when it is ready."""
    document = document_claim(document_pk=document_pk, task_id=task_id)
    if document is None:
        return None
    with translation.override(settings.LANGUAGE_CODE), tempfile.TemporaryFile() as output:
        BUILDERS[document.kind](document, output=output, progress=ProgressReporter(document))
        return _store(document, output)


def _store(document: Document, output: BinaryIO) -> Document | None:
    """Saves the rendered file and marks the document ready, if our claim still holds."""
    digest = hashlib.sha256()
    size = 0
    output.seek(0)
    for chunk in iter(lambda: output.read(1024 * 1024), b""):
        digest.update(chunk)
        size += len(chunk)
    output.seek(0)
    suffix = ".zip" if document.kind == Document.Kind.INSPECTION_EXPORT else ".pdf"
    field = document.file.field
    storage = field.storage
    name = storage.save(field.generate_filename(document, f"document{suffix}"), File(output))
    try:
        stored = Document.objects.filter(
            pk=document.pk, status=Document.Status.RUNNING, attempts=document.attempts
        ).update(
            status=Document.Status.READY,
            file=name,
            checksum=digest.hexdigest(),
            size=size,
            progress=100,
            error_message="",
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
    except BaseException:
        storage.delete(name)
        raise
    if not stored:
        storage.delete(name)
        logger.info("Document %s was claimed again meanwhile; result discarded.", document.pk)
        return None
    document.refresh_from_db()
    return document


def failure_message(error: BaseException) -> str:
    """Why the document failed, in Dutch, for the user: never a traceback."""
    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(error, DocumentError):
            return str(error)
        if isinstance(error, tasks.TRANSIENT_ERRORS):
            return _(
                "De database of de bestandsopslag was tijdelijk niet bereikbaar, ook na "
                "enkele nieuwe pogingen. Probeer het later opnieuw."
            )
        return _(
            "Er liep iets mis bij het maken van dit document. De fout is gemeld aan de "
            "beheerder; probeer het opnieuw."
        )


def document_fail(*, document_pk: int, task_id: str, error: BaseException) -> None:
    """Marks the document failed with a reason, unless another task holds it by now."""
    Document.objects.filter(
        Q(status=Document.Status.PENDING) | Q(status=Document.Status.RUNNING, task_id=task_id),
        pk=document_pk,
    ).update(
        status=Document.Status.FAILED,
        error_message=failure_message(error)[:500],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
