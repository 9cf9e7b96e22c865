"""Where privacy lives (issue #28, step 1): one package, imported by the Rasa server, the
action server and the channels, importing none of them; and nothing outside actions/
imports the action server's code."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", ".git", "tests", "node_modules", "var"}
IMPORTS_ACTIONS_OUTSIDE_A_SERVER = {"scripts/echte_vragen.py"}


def imported_top_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def python_files(under: Path):
    for folder, subfolders, files in os.walk(under):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED and not name.startswith(".")]
        yield from (Path(folder) / name for name in files if name.endswith(".py"))


def test_nothing_outside_actions_imports_actions():
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files(ROOT)
        # benchmarks/ measure the reply as the actions give it; scripts/echte_vragen.py leaves out the real
        # questions that the guide's own recogniser (actions/situatie_text.py) reads a situation in. Neither runs
        # in a server.
        if path.relative_to(ROOT).parts[0] not in ("actions", "benchmarks")
        and str(path.relative_to(ROOT)) not in IMPORTS_ACTIONS_OUTSIDE_A_SERVER
        and "actions" in imported_top_packages(path)
    ]
    assert offenders == []


@pytest.mark.parametrize("forbidden", ["actions", "connectors", "components", "spoorwijzer_rasa"])
def test_privacy_imports_none_of_the_servers_or_channels(forbidden):
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files(ROOT / "privacy")
        if forbidden in imported_top_packages(path)
    ]
    assert offenders == []


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "deploy/endpoints.yml"])
def test_the_endpoints_name_the_store_in_the_privacy_package(endpoints):
    import yaml

    store = yaml.safe_load((ROOT / endpoints).read_text())["tracker_store"]
    assert store["type"] == "privacy.store.PrivateSQLTrackerStore"


def imports_of_module(path: Path, module: str) -> list[str]:
    """Where `path` imports `module` or something from it, in any spelling."""
    parent, _, leaf = module.rpartition(".")
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name == module or a.name.startswith(module + ".")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == module or node.module.startswith(module + "."):
                found.append(node.module)
            elif node.module == parent:
                found += [f"{parent}.{a.name}" for a in node.names if a.name == leaf]
    return found


def test_the_channels_know_nothing_of_erasure():
    """Issue #28, step 1: the tracker store decides erasure when it saves the turn; a channel only
    passes on the store's notice. So no channel imports privacy.erasure or names its marker or
    the widget's field."""
    offenders = []
    for path in python_files(ROOT / "connectors"):
        name = str(path.relative_to(ROOT))
        offenders += [f"{name}: import {m}" for m in imports_of_module(path, "privacy.erasure")]
        text = path.read_text(encoding="utf-8")
        offenders += [f"{name}: {word}" for word in ("gesprek_gewist", "gesprek_wissen") if word in text]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "import privacy.erasure",
        "import privacy.erasure as e",
        "from privacy.erasure import MARKER",
        "from privacy import erasure",
        "from privacy import notices, erasure as e",
    ],
)
def test_the_import_rule_sees_every_spelling(tmp_path, source):
    path = tmp_path / "kanaal.py"
    path.write_text(source + "\n")
    assert imports_of_module(path, "privacy.erasure")
    path.write_text("from privacy.notices import STORE_FAILED\nimport privacy.store\n")
    assert imports_of_module(path, "privacy.erasure") == []
