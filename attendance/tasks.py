"""Background work of the attendance app; each task is a thin shell around a service."""

from celery import shared_task
from django.utils import timezone

from attendance.services.reminders import week_reminders_send
from core.tasks import SchoolTask
from internships.models import School


@shared_task(base=SchoolTask)
def send_week_reminders(*, school_id: int) -> int:
    """The Monday reminder of the school's mentors (5.1); returns the e-mails queued."""
    school = School.objects.get(pk=school_id)
    return len(week_reminders_send(school=school, today=timezone.localdate()))
