"""No import circle between the project's own modules (DESIGN.md §2), read from the source.

The graph is built with ``ast`` from every project file outside ``tests/``, so an import inside
a function counts like one at the top: a circle hidden in a function still ties the modules
together, and it is how the last one (reevaluation ↔ tasks ↔ rescoring) was kept working.
``from package import name`` points at the submodule ``package/name.py`` when there is one,
else at the package. A package's ``__init__`` importing its submodules is no circle; a submodule
importing its package back is one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_PROJECT_CODE = {"tests", "static", "templates", "staticfiles", "node_modules"}

Graph = dict[str, set[str]]


def project_files(root: Path = ROOT) -> dict[str, Path]:
    """Module name -> file, for the scripts at the top and every directory of Python code."""
    files = {path.stem: path for path in root.glob("*.py")}
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith(".") or folder.name in NOT_PROJECT_CODE:
            continue
        for path in folder.rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            files[name] = path
    return files


def _imported(
    node: ast.Import | ast.ImportFrom, module: str, is_package: bool, files: dict[str, Path]
) -> set[str]:
    """The dotted names an import statement loads: ``from x import y`` is ``x.y`` when that
    is a project module, else ``x``."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if node.level:  # relative: from the importing module's package
        package = module if is_package else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    named = {f"{base}.{alias.name}" for alias in node.names}
    return {name if name in files else base for name in named}


def import_graph(files: dict[str, Path]) -> Graph:
    """Module -> the project modules it imports anywhere in its file."""
    graph: Graph = {name: set() for name in files}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):  # every import, top level or inside a function
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _imported(node, name, is_package, files):
                    found = _deepest_project_module(target, files)
                    if found is not None and found != name:
                        graph[name].add(found)
    return graph


def _deepest_project_module(dotted: str, files: dict[str, Path]) -> str | None:
    parts = dotted.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in files:
            return candidate
        parts.pop()
    return None


def circles(graph: Graph) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _one_loop(group: list[str], graph: Graph) -> list[str]:
    """A concrete path around the group, from its first module back to it, for the message."""
    members, start = set(group), group[0]
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & members):
                if target == start:
                    return [*paths[node], start]
                if target not in paths:
                    paths[target] = [*paths[node], target]
                    following.append(target)
        frontier = following
    return group


def test_the_project_has_no_import_circle():
    files = project_files()
    graph = import_graph(files)
    loops = [_one_loop(group, graph) for group in circles(graph)]
    described = [" -> ".join(str(files[m].relative_to(ROOT)) for m in loop) for loop in loops]
    assert described == [], "Import circles:\n" + "\n".join(described)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_circle_through_an_import_inside_a_function_is_found_and_named(tmp_path):
    _write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/runs.py": "from app import tasks\n",
            "app/tasks.py": "def dispatch():\n    from app.runs import dispatch_runs\n",
            "app/other.py": "import app.runs\n",
        },
    )
    files = project_files(tmp_path)
    graph = import_graph(files)
    assert circles(graph) == [["app.runs", "app.tasks"]]
    assert _one_loop(["app.runs", "app.tasks"], graph) == ["app.runs", "app.tasks", "app.runs"]


def test_relative_imports_and_names_that_are_not_submodules_are_resolved(tmp_path):
    _write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/models/__init__.py": "from .rounds import Draw\n",
            "app/models/rounds.py": "from ..pool import bands\n",
            "app/pool.py": "from app.models import Draw\n",
        },
    )
    graph = import_graph(project_files(tmp_path))
    assert graph["app.models.rounds"] == {"app.pool"}
    assert graph["app.pool"] == {"app.models"}
    assert circles(graph) == [["app.models", "app.models.rounds", "app.pool"]]


def test_a_package_importing_its_own_submodules_is_no_circle(tmp_path):
    _write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/models/__init__.py": "from app.models.rounds import Draw\n",
            "app/models/rounds.py": "from app.models.base import Base\n",
            "app/models/base.py": "",
            "tests/test_app.py": "import app.models\n",
        },
    )
    files = project_files(tmp_path)
    assert "tests.test_app" not in files
    assert circles(import_graph(files)) == []
