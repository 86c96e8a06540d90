"""The Celery application; tasks live in each app's ``tasks.py``, the reminders run on beat."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stagebeheer.settings")

app = Celery("stagebeheer")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def schedule_reminders(sender: Celery, **kwargs) -> None:
    """Beat starts each reminder task of ``settings.REMINDER_TASKS`` for every school."""
    from django.conf import settings

    sender.conf.beat_schedule = {
        task_name: {
            "task": "internships.periodic.for_every_school",
            "schedule": crontab(**when),
            "args": [task_name],
        }
        for task_name, when in settings.REMINDER_TASKS.items()
    }
