"""Background work of the internships app; each task is a thin shell around a service."""

from celery import shared_task

from core.tasks import SchoolTask
from internships.services.signature_emails import signature_request_send


@shared_task(
    base=SchoolTask,
    acks_late=True,
    # SMTP errors (smtplib.SMTPException is an OSError) and refused or timed-out connections.
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    max_retries=6,
)
def send_signature_request_email(request_pk: int, *, school_id: int) -> bool:
    """E-mails a signing link. The task issues the link's token itself, so no secret ever
    travels through the broker; only its hash reaches the database."""
    return signature_request_send(request_pk=request_pk)
