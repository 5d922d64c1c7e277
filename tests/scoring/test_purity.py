"""Every scoring module outside ``scoring/web/`` and ``scoring/management/`` is pure Python
(DESIGN.md §2, §9.6): it imports only the standard library and other pure scoring modules, and
importing it in a fresh interpreter loads no Django and no other app.

The modules are found by walking the folder, so a new module is checked the day it is added.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORING = ROOT / "scoring"
ADAPTERS = ("web", "management")  # the Django parts: the only ones allowed to import Django
OTHER_APPS = ("profiles", "draws", "eeportal")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def pure_modules() -> list[str]:
    return sorted(
        _module_name(path)
        for path in SCORING.rglob("*.py")
        if path.relative_to(SCORING).parts[0] not in ADAPTERS
    )


def _imported(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, module) of every import in ``tree``, at any depth (inside functions too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing module's package
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return found


def impurities(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """The imports that make ``module`` impure: anything but the standard library and pure
    scoring modules, named with their line."""
    bad = []
    for line, name in _imported(ast.parse(source), module, is_package):
        top, _, rest = name.partition(".")
        if top == "scoring":
            if rest.split(".")[0] in ADAPTERS:
                bad.append(f"line {line}: {name}")
        elif top not in sys.stdlib_module_names:
            bad.append(f"line {line}: {name}")
    return bad


def test_the_walk_finds_the_engine_and_skips_the_django_adapters():
    modules = pure_modules()
    assert {"scoring", "scoring.engine", "scoring.lines", "scoring.parsing"} <= set(modules)
    assert not [m for m in modules if m.startswith(("scoring.web", "scoring.management"))]


@pytest.mark.parametrize(
    "source",
    [
        "import django",
        "from django.utils import timezone",
        "from rest_framework import serializers",
        "def later():\n    from profiles.models import Client",
        "import draws.models",
        "from eeportal import settings",
        "from scoring.web import api",
        "from .web.forms import CalculatorForm",
    ],
)
def test_the_check_catches_a_django_or_other_app_import_anywhere_in_a_module(source):
    assert impurities(source, "scoring.engine")


def test_the_check_allows_the_standard_library_and_pure_scoring_modules():
    source = "from datetime import date\nfrom scoring import rules\nfrom .types import Candidate"
    assert impurities(source, "scoring.engine") == []


@pytest.mark.parametrize("module", pure_modules())
def test_module_source_imports_nothing_but_the_standard_library_and_pure_scoring(module):
    path = ROOT / Path(*module.split("."))
    is_package = path.is_dir()
    source = (path / "__init__.py" if is_package else path.with_suffix(".py")).read_text()
    assert impurities(source, module, is_package=is_package) == []


@pytest.mark.parametrize("module", pure_modules())
def test_module_imports_without_loading_django_or_another_app(module):
    code = (
        f"import sys, {module}\n"
        f"apps = ('django', 'rest_framework', *{OTHER_APPS!r})\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in apps)\n"
        "assert not loaded, loaded\n"
    )
    # A fresh interpreter, so modules the test run itself imported cannot mask a leak.
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
