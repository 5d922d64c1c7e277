"""The engine modules are pure Python: importing them loads no Django (DESIGN.md §9.6)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE_MODULES = [
    "scoring.types",
    "scoring.errors",
    "scoring.rules",
    "scoring.language",
    "scoring.engine",
    "scoring.lines",
    "scoring.parsing",
    "scoring.experience",
    "scoring.categories",
    "scoring.fsw",
    "scoring.eligibility",
    "scoring.advice",
    "scoring.json_input",
    "scoring.dates",
    "scoring.labels",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_module_imports_without_loading_django(module):
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    # A fresh interpreter, so modules the test run itself imported cannot mask a leak.
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_engine_modules_import_no_other_app():
    code = (
        "import sys, scoring.engine, scoring.eligibility, scoring.advice, scoring.parsing\n"
        "apps = ('profiles', 'draws', 'eeportal')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in apps)\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
