"""The inspection export's index: names that look like formulas reach the spreadsheet as text."""

import pytest

from internships.models import Host, SchoolClass, Student
from tests.documents.test_inspection_export import export, read_index, read_zip

pytestmark = pytest.mark.django_db


def test_formula_names_in_the_index_come_out_neutralised(
    school_a, django_capture_on_commit_callbacks
):
    Host.objects.filter(pk=school_a.host.pk).update(name='=HYPERLINK("http://x","y")')
    Student.objects.filter(pk=school_a.pupil.pk).update(first_name="@SUM(1+1)")
    SchoolClass.objects.filter(pk=school_a.school_class.pk).update(name="-2+3")

    document = export(school_a, django_capture_on_commit_callbacks)
    rows = read_index(read_zip(document)["index.csv"])

    pupil = next(row for row in rows if row["bestand"].endswith(f"-{school_a.placement.pk}.pdf"))
    assert pupil["leerling"] == "'@SUM(1+1) Leerling Alfa"
    assert pupil["stagegever"] == '\'=HYPERLINK("http://x","y")'
    assert pupil["klas"] == "'-2+3"
    assert pupil["begindatum"] == f"{school_a.placement.start_date:%d/%m/%Y}"
