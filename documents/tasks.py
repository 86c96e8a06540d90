"""Celery tasks of the documents app: thin shells around ``documents.services``.

The task takes the document's primary key. Transient errors (database or file system briefly
unavailable) are retried with exponential backoff and jitter; once the retries are used up, or
on any other error, :meth:`DocumentTask.on_failure` logs the traceback and leaves the document
failed with a Dutch reason the user can act on (and a retry button).
"""

import logging

from celery import Task, shared_task
from django.db import InterfaceError, OperationalError

from documents import services

logger = logging.getLogger(__name__)

# Errors worth another try: the database or the file system was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)


class DocumentTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        document_pk = args[0] if args else kwargs["document_pk"]
        logger.error(
            "Rendering document %s failed for good (task %s).",
            document_pk,
            task_id,
            exc_info=(type(exc), exc, exc.__traceback__),
        )
        services.document_fail(document_pk=document_pk, task_id=task_id, error=exc)


@shared_task(
    bind=True,
    base=DocumentTask,
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_jitter=True,
    max_retries=3,
)
def render_document(self, document_pk: int) -> None:
    services.document_render(document_pk=document_pk, task_id=self.request.id)
