"""Background work of the visits app: the weekly reminder of overdue visits."""

from celery import shared_task
from django.utils import timezone

from core.tasks import SchoolTask
from internships.models import School
from visits.services.reminders import visit_reminders_send


@shared_task(base=SchoolTask)
def send_visit_reminders(*, school_id: int) -> int:
    """Reminds the school's supervisors of their overdue visits (at most once a week each)."""
    school = School.objects.get(pk=school_id)
    return visit_reminders_send(school=school, today=timezone.localdate())
