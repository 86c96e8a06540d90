"""The permission tables together list every named URL of every URLconf of the project."""

from tests.compliance.test_permissions import PERMISSIONS as COMPLIANCE
from tests.documents.test_permissions import PERMISSIONS as DOCUMENTS
from tests.internships.test_permissions import PERMISSIONS as INTERNSHIPS
from tests.permissions import named_urls
from tests.portal.test_permissions import PERMISSIONS as PORTAL

TABLES = [INTERNSHIPS, COMPLIANCE, DOCUMENTS, PORTAL]


def test_every_url_of_every_urlconf_is_in_a_table():
    listed = {row.name for table in TABLES for row in table}

    assert listed == named_urls()


def test_no_url_is_listed_twice_for_the_same_subject():
    keys = [(row.name, row.subject) for table in TABLES for row in table]

    assert len(keys) == len(set(keys))
