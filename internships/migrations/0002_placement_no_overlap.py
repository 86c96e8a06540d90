"""Two placements of one pupil that are not cancelled may not overlap in time.

Django has no portable overlap constraint, so each backend gets its own: an exclusion
constraint on PostgreSQL and triggers on SQLite. Both raise an IntegrityError that
``internships.services.placements`` turns into a Dutch validation message.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """
    ALTER TABLE internships_placement ADD CONSTRAINT placement_no_overlap
    EXCLUDE USING gist (student_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
    WHERE (status <> 'cancelled')
    """,
]
POSTGRESQL_BACKWARD = [
    "ALTER TABLE internships_placement DROP CONSTRAINT placement_no_overlap",
]

_SQLITE_OVERLAP = """
    WHEN NEW.status <> 'cancelled' AND EXISTS (
        SELECT 1 FROM internships_placement other
        WHERE other.student_id = NEW.student_id
          AND other.id <> NEW.id
          AND other.status <> 'cancelled'
          AND other.start_date <= NEW.end_date
          AND NEW.start_date <= other.end_date
    )
    BEGIN SELECT RAISE(ABORT, 'placement_no_overlap'); END
"""
SQLITE_FORWARD = [
    "CREATE TRIGGER placement_no_overlap_insert BEFORE INSERT ON internships_placement"
    + _SQLITE_OVERLAP,
    "CREATE TRIGGER placement_no_overlap_update BEFORE UPDATE ON internships_placement"
    + _SQLITE_OVERLAP,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER placement_no_overlap_insert",
    "DROP TRIGGER placement_no_overlap_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("internships", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
