from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("Arbeidsreglementering")

    def ready(self) -> None:
        from compliance.receivers import recheck_student_year
        from internships.signals import schedule_changed

        schedule_changed.connect(recheck_student_year, dispatch_uid="compliance-recheck")
