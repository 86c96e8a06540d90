"""The periodic work of the school, started by Celery beat (``settings.REMINDER_TASKS``).

Beat starts :func:`for_every_school` with a task's name; it queues that task once for each
school, which then runs in the school's scope. Apart from ``internships.tasks`` (which the
notification service queues), so the reminders may use that service.
"""

from celery import current_app, shared_task
from django.utils import timezone

from core.tasks import SchoolTask
from core.tenancy import all_schools
from internships.models import School
from internships.services import reminders


@shared_task(base=SchoolTask)
def send_agreement_reminders(*, school_id: int) -> int:
    """Agreements still unsigned five days before the start (annex 3)."""
    school = School.objects.get(pk=school_id)
    return len(reminders.agreement_reminders_send(school=school, today=timezone.localdate()))


@shared_task
def for_every_school(task_name: str) -> int:
    """Beat's entry point for a per-school task: queues ``task_name`` once for every school
    (each task then runs in that school's scope)."""
    task = current_app.tasks[task_name]
    with all_schools():
        school_ids = list(School.objects.values_list("pk", flat=True))
    for school_id in school_ids:
        task.delay(school_id=school_id)
    return len(school_ids)
