"""The permission tables together list every named URL of every URLconf of the project.

Every ``tests/**/test_permissions.py`` module's ``PERMISSIONS`` is a table (``tests.permissions``).
"""

import importlib
from pathlib import Path

from tests.permissions import named_urls

TESTS = Path(__file__).resolve().parent


def tables() -> dict[str, list]:
    found = {}
    for path in sorted(TESTS.rglob("test_permissions.py")):
        module = ".".join(("tests", *path.relative_to(TESTS).with_suffix("").parts))
        found[module] = importlib.import_module(module).PERMISSIONS
    return found


def test_every_url_of_every_urlconf_is_in_a_table():
    listed = {row.name for table in tables().values() for row in table}

    assert listed == named_urls()


def test_no_url_is_listed_twice_for_the_same_subject():
    keys = [(row.name, row.subject) for table in tables().values() for row in table]

    assert len(keys) == len(set(keys))
