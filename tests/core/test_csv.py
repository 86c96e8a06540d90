"""CSV cells a spreadsheet cannot run as a formula (OWASP's CSV injection advice)."""

import csv
import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from core.csv import SafeWriter, cell


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","y")',
        "+1+1",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
        "-",
        "=",
    ],
)
def test_a_text_that_starts_like_a_formula_is_quoted(text):
    assert cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Woonzorgcentrum Alfa", "", "'al geciteerd", " =1+1", "1=1"])
def test_a_safe_text_stays_as_it_is(text):
    assert cell(text) == text


@pytest.mark.parametrize(
    "value",
    [12, -12, 0, 2.5, -2.5, Decimal("-3.50"), datetime.date(2026, 10, 1), None],
)
def test_numbers_dates_and_empty_cells_stay_as_they_are(value):
    assert cell(value) is value


@pytest.mark.parametrize("text", ["-3,50", "-3.50", "+4", "-12", "23,4"])
def test_a_number_written_as_text_stays_a_number(text):
    """A formatted number, such as the decimal comma of Belgian Excel, holds nothing to run."""
    assert cell(text) == text


def read(output: io.StringIO) -> list[list[str]]:
    return list(csv.reader(io.StringIO(output.getvalue()), delimiter=";"))


def test_the_writer_quotes_every_cell_of_every_row():
    output = io.StringIO()
    writer = SafeWriter(output)

    writer.writerow(["=1+1", "Alfa", -5, Decimal("-1.25")])
    writer.writerows([["@SUM(1+1)", "\tx"], ["+x", "-3,50"]])

    assert read(output) == [
        ["'=1+1", "Alfa", "-5", "-1.25"],
        ["'@SUM(1+1)", "'\tx"],
        ["'+x", "-3,50"],
    ]


def test_the_writer_speaks_belgian_excel_by_default():
    output = io.StringIO()

    SafeWriter(output).writerow(["a", "b"])

    assert output.getvalue() == "a;b\r\n"


APPS = ["attendance", "compliance", "core", "dashboards", "documents", "evaluations"]
APPS += ["internships", "logbook", "portal", "stagebeheer", "surveys", "visits"]


def test_no_module_writes_csv_past_the_safe_writer():
    """A new export cannot forget the quoting: ``csv.writer`` appears only in ``core.csv``."""
    root = Path(__file__).resolve().parents[2]
    direct = [
        str(path.relative_to(root))
        for app in APPS
        for path in (root / app).rglob("*.py")
        if path != root / "core" / "csv.py"
        and re.search(r"csv\.(writer|DictWriter)\b", path.read_text(encoding="utf-8"))
    ]
    assert direct == []
