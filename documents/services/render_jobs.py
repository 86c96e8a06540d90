"""Rendering a requested document, for the task: claim it, build it, store it, or fail it.

The task claims the record with a conditional UPDATE (so a message delivered twice renders
once), runs the builder of its kind into a temporary file, and stores the file with its
checksum. Only the holder of the latest claim may store a result, so a document never gets
two files.
"""

import hashlib
import logging
import tempfile
import time
from typing import BinaryIO

from django.conf import settings
from django.core.files import File
from django.db import InterfaceError, OperationalError
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents.builders import BUILDERS
from documents.builders.common import DocumentError
from documents.models import STALE_AFTER, Document

logger = logging.getLogger(__name__)

# Errors worth another try: the database or the file system was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)


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
        if isinstance(error, TRANSIENT_ERRORS):
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
