"""A finalised evaluation stays as it was reported: the database itself refuses any change.

Once an evaluation's status is ``finalised`` (9.1.2: reported to the pupil and the parents),
neither the evaluation nor any of its scores changes again, and no score is added to it. The
services already refuse this with a Dutch message and the admin shows it read-only; these
triggers make sure no other path (a shell, a script, a bug) rewrites what was reported. Both
backends raise an IntegrityError.

As for the frozen agreements (``internships/migrations/0006_frozen_agreements.py``), SQLite, the
embedded development database, guards updates (and here inserts) only: Django empties its
tables with DELETE, which delete triggers would block. PostgreSQL empties them with TRUNCATE,
which row triggers do not see, so there deletes are refused too.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    """
    CREATE FUNCTION evaluations_keep_finalised() RETURNS trigger AS $$
    BEGIN
        IF OLD.status = 'finalised' THEN
            RAISE EXCEPTION 'evaluation_finalised: a finalised evaluation cannot change'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION evaluations_keep_finalised_scores() RETURNS trigger AS $$
    BEGIN
        IF (TG_OP <> 'INSERT' AND EXISTS (
                SELECT 1 FROM evaluations_evaluation
                WHERE id = OLD.evaluation_id AND status = 'finalised'))
            OR (TG_OP <> 'DELETE' AND EXISTS (
                SELECT 1 FROM evaluations_evaluation
                WHERE id = NEW.evaluation_id AND status = 'finalised'))
        THEN
            RAISE EXCEPTION 'evaluation_finalised: the scores of a finalised evaluation cannot change'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER evaluations_evaluation_finalised BEFORE UPDATE OR DELETE "
    "ON evaluations_evaluation FOR EACH ROW EXECUTE FUNCTION evaluations_keep_finalised()",
    "CREATE TRIGGER evaluations_score_finalised BEFORE INSERT OR UPDATE OR DELETE "
    "ON evaluations_score FOR EACH ROW EXECUTE FUNCTION evaluations_keep_finalised_scores()",
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER evaluations_score_finalised ON evaluations_score",
    "DROP TRIGGER evaluations_evaluation_finalised ON evaluations_evaluation",
    "DROP FUNCTION evaluations_keep_finalised_scores()",
    "DROP FUNCTION evaluations_keep_finalised()",
]

FINALISED = "(SELECT status FROM evaluations_evaluation WHERE id = {row}.evaluation_id) = 'finalised'"
SQLITE_FORWARD = [
    "CREATE TRIGGER evaluations_evaluation_finalised_update BEFORE UPDATE "
    "ON evaluations_evaluation WHEN OLD.status = 'finalised' "
    "BEGIN SELECT RAISE(ABORT, 'evaluation_finalised'); END",
    "CREATE TRIGGER evaluations_score_finalised_update BEFORE UPDATE ON evaluations_score "
    f"WHEN {FINALISED.format(row='OLD')} OR {FINALISED.format(row='NEW')} "
    "BEGIN SELECT RAISE(ABORT, 'evaluation_finalised'); END",
    "CREATE TRIGGER evaluations_score_finalised_insert BEFORE INSERT ON evaluations_score "
    f"WHEN {FINALISED.format(row='NEW')} "
    "BEGIN SELECT RAISE(ABORT, 'evaluation_finalised'); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER evaluations_score_finalised_insert",
    "DROP TRIGGER evaluations_score_finalised_update",
    "DROP TRIGGER evaluations_evaluation_finalised_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
