"""check_schedule through ``cli.run``: JSON in, JSON out, exit status 0 / 1 / 2."""

import copy
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from compliance.engine.cli import run

VALID = {
    "student": {"birth_date": "2009-03-15"},
    "school_year": "2025-2026",
    "entries": [
        {
            "kind": "internship",
            "date": "2026-02-02",
            "start": "08:00",
            "end": "16:00",
            "breaks": [["10:00", "10:15"], ["12:00", "12:30"], ["14:00", "14:15"]],
        }
    ],
}
WITH_ERROR = {**VALID, "entries": [{**VALID["entries"][0], "end": "17:01"}]}  # 8 h 01
WITH_WARNING = {**VALID, "requires_minimum_volume": True}


def run_with(argv: list[str], stdin_text: str = "") -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(argv, io.StringIO(stdin_text), stdout, stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def write(tmp_path: Path, data: object, name: str = "rooster.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_schedule_without_errors_exits_0(tmp_path: Path) -> None:
    status, out, err = run_with([write(tmp_path, VALID)])
    assert (status, err) == (0, "")
    assert json.loads(out) == {
        "violations": [],
        "totals": {"internship_hours": 7.0, "school_hours": 0.0, "half_days": 2},
    }


def test_warnings_alone_still_exit_0(tmp_path: Path) -> None:
    status, out, _err = run_with([write(tmp_path, WITH_WARNING)])
    assert status == 0
    assert [v["rule"] for v in json.loads(out)["violations"]] == ["minimum_volume"]


def test_an_error_exits_1_with_the_result_on_stdout(tmp_path: Path) -> None:
    status, out, err = run_with([write(tmp_path, WITH_ERROR)])
    assert (status, err) == (1, "")
    [violation] = json.loads(out)["violations"]
    assert (violation["rule"], violation["date"], violation["source"]) == (
        "daily_max",
        "2026-02-02",
        "5.1",
    )


def test_stdin_is_read_for_a_dash() -> None:
    status, out, _err = run_with(["-"], json.dumps(WITH_ERROR))
    assert status == 1
    assert json.loads(out)["violations"][0]["rule"] == "daily_max"


def test_an_array_gives_an_array_of_results_in_order() -> None:
    status, out, _err = run_with(["-"], json.dumps([VALID, WITH_ERROR, WITH_WARNING]))
    assert status == 1
    results = json.loads(out)
    assert [[v["rule"] for v in r["violations"]] for r in results] == [
        [],
        ["daily_max"],
        ["minimum_volume"],
    ]
    status, out, _err = run_with(["-"], json.dumps([VALID, WITH_WARNING]))
    assert status == 0


def test_an_empty_array_is_an_empty_result() -> None:
    assert run_with(["-"], "[]") == (0, "[]\n", "")


def test_non_ascii_output_stays_readable(tmp_path: Path) -> None:
    _status, out, _err = run_with([write(tmp_path, WITH_ERROR)])
    assert "één dag" in out


def test_a_byte_order_mark_in_a_file_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(VALID), encoding="utf-8-sig")
    assert run_with([str(path)])[0] == 0


def entry_with(**changes: object) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    data["entries"][0].update(changes)
    return data


def two_entries(second: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    data["entries"].append(second)
    return data


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"student": ', "ongeldige JSON op regel 1, kolom 13"),
        ("42", "invoer: verwacht een object of een lijst van objecten"),
        ('"rooster"', "invoer: verwacht een object of een lijst van objecten"),
        (json.dumps([VALID, 42]), "[1]: verwacht een object, kreeg een getal"),
        (json.dumps({"school_year": "2025-2026", "entries": []}), "student: ontbreekt"),
        (
            json.dumps({**VALID, "colour": "red"}),
            "colour: onbekende sleutel; toegestaan zijn student, school_year, exemptions, "
            "requires_minimum_volume, entries",
        ),
        (
            json.dumps(entry_with(date="2026-13-01")),
            'entries[0].date: ongeldige datum "2026-13-01", verwacht JJJJ-MM-DD',
        ),
        (
            json.dumps(entry_with(start="25:00")),
            'entries[0].start: ongeldig tijdstip "25:00", verwacht UU:MM',
        ),
        (
            json.dumps(entry_with(kind="stage")),
            'entries[0].kind: onbekende soort "stage", verwacht "internship" of "school"',
        ),
        (
            json.dumps(entry_with(breaks=[["16:00", "16:30"]])),
            "entries[0].breaks[0]: pauze 16:00–16:30 valt niet binnen 08:00–16:00",
        ),
        (
            json.dumps(
                two_entries(
                    {"kind": "school", "date": "2026-02-02", "start": "15:00", "end": "17:00"}
                )
            ),
            "entries[1]: overlapt met entries[0] (2026-02-02 08:00–16:00)",
        ),
        (
            json.dumps(entry_with(end="08:00")),
            "entries[0]: begin en einde vallen samen (08:00); een periode duurt minstens 1 minuut",
        ),
        (
            json.dumps({**VALID, "school_year": "2025-2027"}),
            'school_year: ongeldig schooljaar "2025-2027", verwacht bv. "2025-2026"',
        ),
        (
            json.dumps([VALID, {**VALID, "school_year": "2025-2027"}]),
            '[1].school_year: ongeldig schooljaar "2025-2027", verwacht bv. "2025-2026"',
        ),
    ],
)
def test_invalid_input_exits_2_with_a_message_and_no_output(text: str, message: str) -> None:
    status, out, err = run_with(["-"], text)
    assert (status, out) == (2, "")
    assert err == f"check_schedule: {message}\n"


def test_every_invalid_schedule_of_an_array_is_reported() -> None:
    status, _out, err = run_with(
        ["-"], json.dumps([entry_with(start="25:00"), VALID, entry_with(kind="stage")])
    )
    assert status == 2
    assert err.splitlines() == [
        'check_schedule: [0].entries[0].start: ongeldig tijdstip "25:00", verwacht UU:MM',
        'check_schedule: [2].entries[0].kind: onbekende soort "stage", verwacht "internship" '
        'of "school"',
    ]


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.json")
    assert run_with([missing]) == (2, "", f"check_schedule: {missing}: bestand niet gevonden\n")
    assert run_with([str(tmp_path)]) == (
        2,
        "",
        f"check_schedule: {tmp_path}: is een map, geen bestand\n",
    )
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"naam": "Zoë"}'.encode("latin-1"))
    assert run_with([str(latin1)])[2] == f"check_schedule: {latin1}: geen geldige UTF-8-tekst\n"


def test_standard_input_that_is_not_utf_8() -> None:
    class Latin1Input:
        def read(self) -> str:
            return b"\xeb".decode("utf-8")

    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["-"], Latin1Input(), stdout, stderr) == 2
    assert stderr.getvalue() == "check_schedule: standaardinvoer: geen geldige UTF-8-tekst\n"


def test_usage() -> None:
    status, out, err = run_with([])
    assert (status, out) == (2, "")
    assert err.startswith("gebruik: check_schedule BESTAND")
    status, out, err = run_with(["a.json", "b.json"])
    assert status == 2
    status, out, err = run_with(["--help"])
    assert (status, err) == (0, "")
    assert "Afsluitstatus" in out


@pytest.mark.parametrize(("data", "expected"), [(VALID, 0), (WITH_ERROR, 1), ([VALID, 42], 2)])
def test_python_m_compliance_engine_runs_the_same_command(data: object, expected: int) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "compliance.engine", "-"],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert completed.returncode == expected
    assert "Traceback" not in completed.stderr
    if expected == 2:
        assert completed.stderr.startswith("python -m compliance.engine: [1]:")
