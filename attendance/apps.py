from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = _("Gewerkte uren en incidenten")

    def ready(self) -> None:
        from attendance.receivers import recheck_worked_hours
        from internships.signals import schedule_changed

        schedule_changed.connect(recheck_worked_hours, dispatch_uid="attendance-recheck")
