"""One word per concept (README, "Namen"): a legal deadline is a `termijn` in every name of the code.

It had four words (Deadline, termijn, milestone, mijlpaal). Names are read with `ast`, so a name inside
an f-string counts, and a string (an NLU name such as the entity "milestone", a JSON field such as
"mijlpalen") does not: those are contracts and keep their spelling. The spoor and the status of a termijn
are enums inside the code and plain strings in the JSON.
"""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from pathlib import Path

from poortwachter import Spoor, TermijnStatus, compute_timeline

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("poortwachter", "poortwachter_faces", "actions")
OTHER_WORDS = re.compile(r"deadline|milestone|mijlpa", re.IGNORECASE)
# Code mechanics, not the law: the HR API's time limit for reading one request.
REQUEST_TIME_LIMIT = {("poortwachter_faces/api.py", "deadline"), ("poortwachter_faces/api.py", "_ReadBeforeDeadline")}


def names_in(path: Path) -> set[str]:
    """Every name a module defines or uses: variables, arguments, functions, classes, attributes, imports."""
    found = {path.stem}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.keyword) and node.arg:
            found.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, ast.alias):
            found |= {part for part in node.name.split(".")} | ({node.asname} if node.asname else set())
        elif isinstance(node, (ast.ImportFrom)) and node.module:
            found |= set(node.module.split("."))
    return found


def test_the_reader_finds_names_in_f_strings_and_not_in_strings(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text('deadline_x = 1\ntext = f"{other.milestone}" + "mijlpaal"\n')
    assert {"deadline_x", "other", "milestone"} <= names_in(module)
    assert "mijlpaal" not in names_in(module)


def test_a_termijn_has_one_name_in_the_code():
    wrong = sorted(
        (path.relative_to(ROOT).as_posix(), name)
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for name in names_in(path)
        if OTHER_WORDS.search(name) and (path.relative_to(ROOT).as_posix(), name) not in REQUEST_TIME_LIMIT
    )
    assert wrong == []


def test_spoor_and_status_are_enums_inside_and_strings_in_the_json():
    t = compute_timeline(eerste_ziektedag=date(2025, 3, 4), peildatum=date(2025, 5, 12))
    assert t.spoor.waarde is Spoor.SPOOR_1
    assert {d.status for d in t.termijnen.values()} <= set(TermijnStatus) | {None}
    assert t.termijnen["probleemanalyse"].status is TermijnStatus.VERSTREKEN
    data = t.as_dict()
    assert type(data["spoor"]) is str and data["spoor"] == "spoor_1"
    assert type(data["uitleg"]["spoor"]["waarde"]) is str
    assert type(data["termijn_details"]["probleemanalyse"]["status"]) is str
    assert json.loads(json.dumps(data))["termijn_details"]["melding_42e_week"]["status"] == "komend"
