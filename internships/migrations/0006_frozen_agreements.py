"""What was offered for signature, or signed, stays as it was: the database itself refuses it.

Once a version of an agreement (or a group agreement) is frozen — its ``content_hash`` is set
when it is made ready for signature — its content and hash never change and the row is never
deleted; only its status and timestamps move on (signed, withdrawn). A signature is never
changed or deleted. The services already refuse these changes with a Dutch message; these
triggers make sure no other path (the admin, a shell, a bug) can rewrite what a party signed.
Both backends raise an IntegrityError.

SQLite, the embedded development database, guards updates only: Django empties its tables with
DELETE (``flush``, transactional tests), which delete triggers would block. PostgreSQL empties
them with TRUNCATE, which row triggers do not see, so there deletes are refused too.
"""

from django.db import migrations

FROZEN_TABLES = ["internships_agreementversion", "internships_groupagreement"]

POSTGRESQL_FORWARD = [
    """
    CREATE FUNCTION internships_keep_frozen_content() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF OLD.content_hash <> '' THEN
                RAISE EXCEPTION 'frozen_agreement: a frozen version cannot be deleted'
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN OLD;
        END IF;
        IF OLD.content_hash <> '' AND (
            NEW.content IS DISTINCT FROM OLD.content
            OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
        ) THEN
            RAISE EXCEPTION 'frozen_agreement: the content of a frozen version cannot change'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION internships_keep_signature() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'signature_immutable: a signature cannot be changed or deleted'
            USING ERRCODE = 'integrity_constraint_violation';
    END
    $$ LANGUAGE plpgsql
    """,
    *[
        f"CREATE TRIGGER {table}_frozen BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION internships_keep_frozen_content()"
        for table in FROZEN_TABLES
    ],
    "CREATE TRIGGER internships_signature_immutable BEFORE UPDATE OR DELETE "
    "ON internships_signature FOR EACH ROW EXECUTE FUNCTION internships_keep_signature()",
]
POSTGRESQL_BACKWARD = [
    *[f"DROP TRIGGER {table}_frozen ON {table}" for table in FROZEN_TABLES],
    "DROP TRIGGER internships_signature_immutable ON internships_signature",
    "DROP FUNCTION internships_keep_frozen_content()",
    "DROP FUNCTION internships_keep_signature()",
]

SQLITE_FORWARD = [
    *[
        f"CREATE TRIGGER {table}_frozen_update BEFORE UPDATE ON {table} "
        "WHEN OLD.content_hash <> '' AND (NEW.content IS NOT OLD.content "
        "OR NEW.content_hash IS NOT OLD.content_hash) "
        "BEGIN SELECT RAISE(ABORT, 'frozen_agreement'); END"
        for table in FROZEN_TABLES
    ],
    "CREATE TRIGGER internships_signature_immutable_update BEFORE UPDATE "
    "ON internships_signature BEGIN SELECT RAISE(ABORT, 'signature_immutable'); END",
]
SQLITE_BACKWARD = [
    *[f"DROP TRIGGER {table}_frozen_update" for table in FROZEN_TABLES],
    "DROP TRIGGER internships_signature_immutable_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("internships", "0005_visits")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
