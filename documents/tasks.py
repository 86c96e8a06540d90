"""Celery tasks of the documents app: thin shells around ``documents.services.render_jobs``.

The task takes the document's primary key and its school (``core.tasks.SchoolTask`` runs it in
that school's scope). Transient errors (database or file system briefly unavailable) are retried
with exponential backoff and jitter; once the retries are used up, or on any other error,
:meth:`DocumentTask.on_failure` logs the traceback and leaves the document failed with a Dutch
reason the user can act on (and a retry button).
"""

import logging

from celery import shared_task

from core.tasks import SchoolTask
from core.tenancy import school_scope
from documents.services import render_jobs
from documents.services.render_jobs import TRANSIENT_ERRORS

logger = logging.getLogger(__name__)


class DocumentTask(SchoolTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        document_pk = args[0] if args else kwargs["document_pk"]
        logger.error(
            "Rendering document %s failed for good (task %s).",
            document_pk,
            task_id,
            exc_info=(type(exc), exc, exc.__traceback__),
        )
        with school_scope(kwargs["school_id"]):
            render_jobs.document_fail(document_pk=document_pk, task_id=task_id, error=exc)


@shared_task(
    bind=True,
    base=DocumentTask,
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_jitter=True,
    max_retries=3,
)
def render_document(self, document_pk: int, *, school_id: int) -> None:
    render_jobs.document_render(document_pk=document_pk, task_id=self.request.id)
