"""Background work of the evaluations app: the daily reminders (a thin shell around the service).

The beat schedule runs :func:`send_evaluation_reminders` once a day for each school.
"""

from celery import shared_task
from django.utils import timezone

from core.tasks import SchoolTask
from evaluations.services.reminders import evaluation_reminders_send
from internships.models import School


@shared_task(base=SchoolTask)
def send_evaluation_reminders(*, school_id: int) -> int:
    """Opens the evaluations due within a week, asks the mentors' advice and tells the
    supervisors what is overdue; returns how many e-mails were queued."""
    school = School.objects.get(pk=school_id)
    return len(evaluation_reminders_send(school=school, today=timezone.localdate()))
