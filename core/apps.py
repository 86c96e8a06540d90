from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Stagebeheer"

    def ready(self) -> None:
        from core import freshness

        freshness.shared_tables_find()
        connection_created.connect(freshness.watch, dispatch_uid="core.freshness.watch")
