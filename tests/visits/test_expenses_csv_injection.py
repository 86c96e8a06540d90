"""The travel expense CSV: names that look like formulas reach the spreadsheet as text."""

import csv
import io

import pytest
from django.urls import reverse

from internships.models import Host, Student, Workplace

pytestmark = pytest.mark.django_db


def test_formula_names_come_out_neutralised(school_a, client_for):
    visit = school_a.visit
    Host.objects.filter(pk=school_a.host.pk).update(name='=HYPERLINK("http://x","y")')
    Student.objects.filter(pk=school_a.pupil.pk).update(first_name="@SUM(1+1)")
    Workplace.objects.filter(pk=school_a.workplace.pk).update(name="+cmd", street="-2+3")

    response = client_for(school_a.supervisor).get(
        reverse("visits:expenses-csv"),
        {"maand": f"{visit.date:%Y-%m}", "begeleider": school_a.supervisor.pk},
    )

    body = response.content.decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    line = rows[1]
    assert line[1] == "'@SUM(1+1) Leerling Alfa"
    assert line[2] == '\'=HYPERLINK("http://x","y")'
    assert line[3] == "'+cmd"
    assert line[4].startswith("'-2+3")
