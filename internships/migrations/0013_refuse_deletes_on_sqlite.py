"""On SQLite too, a frozen version (or group agreement) and a signature are never deleted.

PostgreSQL refuses these deletes since 0006. SQLite, the embedded database, now refuses them
as well, with the same kind of IntegrityError; a draft (no ``content_hash`` yet) can still be
deleted. The price: ``manage.py flush``, and so a transactional test, cannot empty an SQLite
database that holds a signature or a frozen version (PostgreSQL empties with TRUNCATE, which
row triggers do not see). Start from a fresh SQLite file instead.
"""

from django.db import migrations

FROZEN_TABLES = ["internships_agreementversion", "internships_groupagreement"]

FORWARD = [
    *[
        f"CREATE TRIGGER {table}_frozen_delete BEFORE DELETE ON {table} "
        "WHEN OLD.content_hash <> '' "
        "BEGIN SELECT RAISE(ABORT, "
        "'frozen_agreement: een bevroren versie kan niet verwijderd worden'); END"
        for table in FROZEN_TABLES
    ],
    "CREATE TRIGGER internships_signature_immutable_delete BEFORE DELETE "
    "ON internships_signature BEGIN SELECT RAISE(ABORT, "
    "'signature_immutable: een handtekening kan niet verwijderd worden'); END",
]
BACKWARD = [
    *[f"DROP TRIGGER {table}_frozen_delete" for table in FROZEN_TABLES],
    "DROP TRIGGER internships_signature_immutable_delete",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("internships", "0012_school_holiday_history")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
