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
        if path.relative_to(ROOT).parts[0] != "actions" and "actions" in imported_top_packages(path)
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
