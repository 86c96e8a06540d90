"""The benchmark of issue 9 (item 7) still runs: through the command, in a fresh process and
the engine alone. Its figures are not asserted; performance lives in benchmarks/.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_compliance_benchmark_runs_with_two_pupil_years() -> None:
    completed = subprocess.run(
        [sys.executable, "benchmarks/compliance_engine.py", "--pupils", "2", "--runs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0].startswith("pupil-years: 2, on average")
    for figure in (
        "through the command (cli.run):",
        "  read and decode the JSON",
        "  the rules",
        "manage.py check_schedule, a fresh process:",
        "engine alone, check(schedule):",
    ):
        assert any(line.startswith(figure) for line in lines), figure
