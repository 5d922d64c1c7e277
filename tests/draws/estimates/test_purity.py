"""The estimates' arithmetic is pure Python (DESIGN.md §2 spirit, issue 12): the modules of
``draws/estimates/`` but the Django-facing ones import only the standard library and each
other, so they are tested as plain functions. (Importing them still runs the package's
``__init__``, the Django entry point, so the check reads the source rather than
``sys.modules``.)"""

import ast
import sys
from pathlib import Path

import pytest

ESTIMATES = Path(__file__).resolve().parents[3] / "draws" / "estimates"
DJANGO_FACING = {"__init__", "selectors", "examples"}
PURE = sorted(p.stem for p in ESTIMATES.glob("*.py") if p.stem not in DJANGO_FACING)
# Pure as well (no Django): marks the estimates' sentences for translation (issue 15).
ALLOWED = {"scoring.text"}


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append(node.module or "")
    return found


def test_the_pure_modules_are_found():
    assert {"place", "backtest", "outlook", "poisson", "periods"} <= set(PURE)


@pytest.mark.parametrize("module", PURE)
def test_a_pure_estimate_module_imports_only_the_standard_library_and_its_siblings(module):
    impure = [
        name
        for name in imports(ESTIMATES / f"{module}.py")
        if name.split(".")[0] not in sys.stdlib_module_names
        and name not in ALLOWED
        and not (name.startswith("draws.estimates.") and name.split(".")[2] in PURE)
    ]
    assert impure == []
