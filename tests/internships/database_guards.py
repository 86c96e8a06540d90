"""What the tests of the database's own guards (triggers on frozen agreements and signatures)
share: a write past the ORM, and the refusal it must meet."""

import pytest
from django.db import IntegrityError, connection, transaction


def delete_row(table: str, pk: int) -> None:
    """A DELETE straight in SQL: past the ORM and its cascade, as a careless script would."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [pk])


def refused(change) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        change()
