"""``manage.py send_reminders``: runs every reminder now, for every school, in this process.

What Celery beat does each morning (``settings.REMINDER_TASKS``), for a server without beat
(``make run``) or to catch up by hand. Each reminder is sent once, however often this runs.
"""

from typing import Any

from celery import current_app
from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.commands import ScopedCommand
from internships.models import School


class Command(ScopedCommand):
    """Works across schools (the default scope); each task runs in its school's scope."""

    help = gettext_lazy(
        "Verstuurt nu alle herinneringen (ondertekening, evaluaties, uren, bezoeken) voor "
        "elke school. Een herinnering gaat maar één keer weg."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        current_app.loader.import_default_modules()
        school_ids = list(School.objects.order_by("pk").values_list("pk", flat=True))
        for task_name in settings.REMINDER_TASKS:
            task = current_app.tasks.get(task_name)
            if task is None:
                raise CommandError(_("Onbekende taak %(task)s.") % {"task": task_name})
            for school_id in school_ids:
                result = task.apply(kwargs={"school_id": school_id})
                if result.failed():
                    raise CommandError(
                        _("%(task)s mislukte voor school %(school)s: %(error)s")
                        % {"task": task_name, "school": school_id, "error": result.result}
                    )
        self.stdout.write(
            _("Herinneringen verstuurd voor %(count)s scholen.") % {"count": len(school_ids)}
        )
