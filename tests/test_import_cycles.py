"""No two modules of Spoorwijzer import each other, not even inside a function or under TYPE_CHECKING.

A circle works only by luck of the import order, and hides which of the two owns the shared thing
(issue #28 step 9). Two were found and broken: poortwachter/results.py and verlof.py (Verlofgevolg
is a result, it lives in results.py now), and spoorwijzer_settings/__main__.py and env_example.py
(`shell_value` has its own module, shell.py). The graph is read from the source with `ast`, so an
import that only runs in a function or for a type checker counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = (
    "poortwachter",
    "poortwachter_faces",
    "actions",
    "components",
    "connectors",
    "privacy",
    "spoorwijzer_rasa",
    "spoorwijzer_settings",
    "loadgen",
)


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (the most specific one: `from . import x` is module x)."""
    modules = {_module_name(path, root): path for package in PACKAGES for path in (root / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        named: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                named |= {f"{source}.{a.name}" if f"{source}.{a.name}" in modules else source for a in node.names}
        graph[name] = set()
        for target in named:
            while target and target not in modules:
                target = target.rpartition(".")[0]  # `poortwachter.results.Tijdlijn` is poortwachter.results
            if target and target != name:
                graph[name].add(target)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for target in graph[module]:
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return found


def test_the_finder_sees_a_circle_in_a_function_and_under_type_checking(tmp_path):
    package = tmp_path / "actions"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n")
    (package / "b.py").write_text("def f():\n    from actions.a import A\n")
    (package / "c.py").write_text("from . import a\n")
    assert circles(import_graph(tmp_path)) == [["actions.a", "actions.b"]]


def test_no_module_of_ours_imports_itself_through_another():
    graph = import_graph()
    assert {"poortwachter.results", "spoorwijzer_settings.__main__", "actions.guide"} <= set(graph)
    assert circles(graph) == []
