"""One word per concept (README, "Namen"): legal and domain nouns are Dutch in every name, code mechanics English.

A legal deadline had four words (Deadline, termijn, milestone, mijlpaal); it is a `termijn` in every name of
the code, and since #28 step 5 also in the names of the NLU (intent `ask_termijn`, entity and slot `termijn`;
`inform_advies` with entity `advies`; `inform_situatie` with `situatie`; `inform_rol` with `rol`). Names are
read with `ast`, so a name inside an f-string counts, and a string does not. The JSON fields of the HR API and
the widget (such as "mijlpalen") are contracts and keep their spelling. The spoor and the status of a termijn
are enums inside the code and plain strings in the JSON.
"""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from pathlib import Path

from poortwachter import Spoor, TermijnStatus, compute_tijdlijn

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("poortwachter", "poortwachter_faces", "actions")
CODE = (*PACKAGES, "components", "benchmarks", "loadgen", "spoorwijzer_rasa", "privacy", "tests")
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
    t = compute_tijdlijn(eerste_ziektedag=date(2025, 3, 4), peildatum=date(2025, 5, 12))
    assert t.spoor.waarde is Spoor.SPOOR_1
    assert {d.status for d in t.termijnen.values()} <= set(TermijnStatus) | {None}
    assert t.termijnen["probleemanalyse"].status is TermijnStatus.VERSTREKEN
    data = t.as_dict()
    assert type(data["spoor"]) is str and data["spoor"] == "spoor_1"
    assert type(data["uitleg"]["spoor"]["waarde"]) is str
    assert type(data["termijn_details"]["probleemanalyse"]["status"]) is str
    assert json.loads(json.dumps(data))["termijn_details"]["melding_42e_week"]["status"] == "komend"


# English domain nouns that were renamed to Dutch (#28 step 5), old -> new, so they cannot come back.
# A name counts when it is the old name or contains it as a whole word (`parse_leave`, `_situation_date`).
RENAMED = {
    "advice": "advies",  # advies_from_text, advies_text.py, advies_slot, ...
    "situation": "situatie",  # situatie_text.py, situatie_from_text, ...
    "pregnancy": "zwangerschap",  # actions/zwangerschap.py, zwangerschap_cause_from_text, ...
    "leave": "verlof",  # verlof_from_slot, parse_verlof, Verlofdatums, ...
    "timeline": "tijdlijn",  # compute_tijdlijn, compute_tijdlijn_for, tijdlijn_payload.py, tijdlijn_from_slots
    "answer_track": "answer_spoor",
    "check_first_sick_day": "check_eerste_ziektedag",
    "parse_sick_dates": "parse_ziektedatums",
    "SickDateReport": "Ziektedatums",
    "LeaveDates": "Verlofdatums",
    "CountStartsAfterLeaveError": "TellingBegintNaVerlofError",
    "UnknownAdviceError": "OnbekendAdviesError",
    "InvalidSituationError": "OngeldigeSituatieError",
}
# The same pairs in the NLU: intents, entities and slots, and the payloads that name them.
NLU_RENAMED = {
    "ask_milestone_date": "ask_termijn",
    "milestone": "termijn",
    "inform_advice": "inform_advies",
    "advice": "advies",
    "inform_situation": "inform_situatie",
    "situation": "situatie",
    "inform_role": "inform_rol",
    "role": "rol",
}
OLD_INTENTS = "|".join(old for old in NLU_RENAMED if old.startswith(("ask_", "inform_")))
OLD_ENTITIES = "|".join(old for old in NLU_RENAMED if not old.startswith(("ask_", "inform_")))
# An old NLU name where the NLU reads it: payloads, annotations, domain lists and mappings, intent
# names as strings in the code. Not the English word in prose or a Python argument (`voice_for(role)`).
OLD_NLU_NAME = re.compile(
    rf"/({OLD_INTENTS})\b|\]\(({OLD_ENTITIES})\)|\"entity\": \"({OLD_ENTITIES})\""
    rf"|\{{\{{?\"({OLD_ENTITIES})\":|\b(intent|label): ({OLD_INTENTS})\b|\bentity: ({OLD_ENTITIES})$"
    rf"|\"({OLD_INTENTS})\"|entity\(tracker, \"({OLD_ENTITIES})\"\)|get_slot\(\"milestone\"\)"
    rf"|^\s*- ({OLD_INTENTS}|{OLD_ENTITIES})$"
    rf"|^\s*- ({OLD_ENTITIES}): ",
    re.MULTILINE,
)


def _words(name: str) -> set[str]:
    """The words of a name: snake_case parts and CamelCase parts, lower case."""
    return {w.lower() for part in name.split("_") for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", part)}


def _renamed_in(name: str) -> str | None:
    if name in RENAMED:
        return name
    words = _words(name)
    return next((old for old in RENAMED if "_" not in old and old[0].islower() and old in words), None)


def test_the_word_reader_splits_snake_and_camel_case():
    assert _renamed_in("parse_leave") == "leave" and _renamed_in("LeaveDates") == "LeaveDates"
    assert _renamed_in("UnknownAdviceError") == "UnknownAdviceError" and _renamed_in("_situation_date") == "situation"
    assert _renamed_in("verlof_from_slot") is None and _renamed_in("Verlofdatums") is None


def test_renamed_domain_nouns_stay_dutch_in_the_code():
    """Test names (`test_...`) are sentences in English and may use the words; everything else may not."""
    wrong = sorted(
        (path.relative_to(ROOT).as_posix(), name, RENAMED[old])
        for package in CODE
        for path in (ROOT / package).rglob("*.py")
        for name in names_in(path)
        if not name.startswith("test_") and (old := _renamed_in(name))
    )
    assert wrong == []


def _nlu_names(domain: dict) -> set[str]:
    names = set(domain.get("intents") or []) | set(domain.get("entities") or []) | set(domain.get("slots") or {})
    for slot in (domain.get("slots") or {}).values():
        for mapping in slot.get("mappings") or []:
            names |= {mapping.get("entity"), mapping.get("intent")} - {None}
    return names


def test_the_nlu_names_are_dutch():
    import yaml

    domain: dict = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in ("intents", "entities"):
            domain[key] = [*domain.get(key, []), *(part.get(key) or [])]
        domain["slots"] = {**domain.get("slots", {}), **(part.get("slots") or {})}
    assert set(NLU_RENAMED.values()) <= _nlu_names(domain)
    assert _nlu_names(domain) & set(NLU_RENAMED) == set()


def test_the_old_nlu_name_pattern_finds_payloads_annotations_and_domain_lists():
    found = [
        '/inform_situation{"situation": "zwanger"}',
        '/ask_timeline{"role": "werkgever"}',
        "- ik ben [werknemer](role)",
        '- ik werk bij [hr]{"entity": "role", "value": "werkgever"}',
        "  - intent: inform_role",
        "        entity: role",
        "entities:\n  - situation\n",
        'latest_intent(tracker) == "inform_situation"',
        'entity(tracker, "role")',
    ]
    assert [text for text in found if not OLD_NLU_NAME.search(text)] == []
    kept = [
        "voice_for(role)",
        "the role and the situation",
        '/inform_situatie{"situatie": "zwanger"}',
        "- ik ben [werknemer](rol)",
        'el("div", { role: "log" })',
    ]
    assert [text for text in kept if OLD_NLU_NAME.search(text)] == []


def test_no_file_sends_or_trains_an_old_nlu_name():
    """Training data, stories, rules, payloads in the code, the widget and the REST checks: a payload
    `/inform_advice{"advice": ...}` would reach a model that no longer knows the intent."""
    pattern = OLD_NLU_NAME
    places = ("data", "domain", "tests", "actions", "components", "benchmarks", "loadgen", "web", "teams", "slack")
    wrong = sorted(
        path.relative_to(ROOT).as_posix()
        for place in places
        for path in (ROOT / place).rglob("*")
        if path.suffix in {".yml", ".yaml", ".py", ".js"}
        and path.resolve() != Path(__file__).resolve()
        and "node_modules" not in path.parts
        and pattern.search(path.read_text(encoding="utf-8"))
    )
    assert wrong == []
