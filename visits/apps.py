from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Stagebezoeken plannen en verplaatsingen")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from compliance.signals import planned_weeks_stored
        from internships.models import Programme
        from visits.receivers import programme_saved, store_windows

        planned_weeks_stored.connect(store_windows, dispatch_uid="visits-store-windows")
        post_save.connect(programme_saved, sender=Programme, dispatch_uid="visits-programme")
