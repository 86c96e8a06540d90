"""The engine is plain Python: it must import and run with Django unavailable."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "compliance" / "engine"

IMPORT_EVERYTHING_WITHOUT_DJANGO = """
import importlib, pkgutil, sys
sys.modules["django"] = None  # any "import django..." now raises ImportError
import compliance.engine
for module in pkgutil.walk_packages(compliance.engine.__path__, "compliance.engine."):
    importlib.import_module(module.name)
from compliance.engine.cli import run
import io
status = run(["-"], io.StringIO('{"school_year": "2025-2026", "student": {"birth_date": '
             '"2009-03-15"}, "entries": []}'), io.StringIO(), io.StringIO())
assert status == 0, status
assert not [name for name in sys.modules if name.startswith("django.")]
"""


def test_the_engine_imports_and_runs_without_django() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING_WITHOUT_DJANGO],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_no_engine_source_imports_django() -> None:
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not [n for n in names if n.split(".")[0] == "django"], path
