"""Background work of the internships app; each task is a thin shell around a service."""

from celery import shared_task

from core.tasks import SchoolTask
from core.tenancy import school_scope
from internships.services import outbox, schedule_changes


class NotificationTask(SchoolTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        with school_scope(kwargs["school_id"]):
            outbox.notification_fail(notification_pk=args[0], error=exc)


@shared_task(
    base=NotificationTask,
    acks_late=True,
    # SMTP errors (smtplib.SMTPException is an OSError) and refused or timed-out connections.
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    max_retries=6,
)
def send_notification(notification_pk: int, *, school_id: int) -> bool:
    """Sends one e-mail of the outbox. A personal link in it is issued here, so no secret ever
    travels through the broker; only its hash reaches the database."""
    return outbox.notification_send(notification_pk=notification_pk)


@shared_task(base=SchoolTask)
def recheck_school_year(school_year_pk: int, *, school_id: int) -> int:
    """The school's calendar of the school year changed: every pupil-year with a placement in
    it is checked again (4, 5); returns how many pupils were."""
    return schedule_changes.school_year_schedules_changed(
        school_id=school_id, school_year_pk=school_year_pk
    )
