"""The real questions in the training data (scripts/echte_vragen.py, issue #27): generated from their sets,
and never one that the accuracy gate measures on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from benchmarks.bench_answers import SETS, load
from scripts.echte_vragen import key

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "scripts" / "echte_vragen.py"
TRAINING = ROOT / "data" / "nlu" / "echte_vragen.yml"


def _items() -> list[dict]:
    return yaml.safe_load(TRAINING.read_text(encoding="utf-8"))["nlu"]


def _texts(item: dict) -> list[str]:
    """The example texts of one block of the training file."""
    return [line[2:] for line in item["examples"].splitlines() if line.startswith("- ")]


def _trained_texts() -> list[str]:
    return [text for item in _items() for text in _texts(item)]


def _gate_texts() -> set[str]:
    """What tests/nlu/accuracy_gate.py measures on, lower case with single spaces."""
    return {key(q.text) for name in ("own", "dev") for q in load(name)}


def test_the_training_file_is_what_the_generator_writes():
    # Someone who relabels a real question must regenerate, or the model learns the old label.
    result = subprocess.run([sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_gate_sets_are_never_trained_on():
    trained = {key(t) for t in _trained_texts()}
    assert len(trained) > 200  # the file holds the real questions, not an empty list
    assert not trained & _gate_texts()


def test_only_answers_and_out_of_scope_are_taught():
    # The guide's examples carry entity annotations these texts lack.
    assert {item["intent"].split("/")[0] for item in _items()} == {"faq", "out_of_scope"}


def test_questions_without_an_answer_teach_the_word_model_alone():
    # geen_antwoord is about illness without an answer of ours: taught to DIET as out_of_scope it made nothing more
    # honest (docs/benchmarks.md, #27 step 7); to the example classifier alone it did (step 9).
    items = _items()
    flagged = [item for item in items if item.get("metadata")]
    assert [(item["intent"], item["metadata"]) for item in flagged] == [("out_of_scope", {"alleen_woordmodel": True})]
    taught = {key(text) for text in _texts(flagged[0])}
    without_answer = {key(q.text) for name in SETS for q in load(name) if q.label == "geen_antwoord"}
    assert len(taught) >= 20 and taught <= without_answer  # 34 before six topics got an answer, 23 after (step 10)
    others = {key(t) for item in items if not item.get("metadata") for t in _texts(item)}
    assert not others & without_answer  # none of them reaches DIET as an ordinary example


def test_no_taught_question_names_a_situation_of_the_guide():
    # In our own examples a situation ("ik ben [zwanger](situatie)") is the guide's entity; real questions carry
    # no annotations, and with them "ik ben zwanger en heb mijn been gebroken" became the fixed answer about
    # pregnancy instead of a situation for the guide (docs/benchmarks.md, #27 stap 6).
    from actions.situatie_text import situatie_from_text

    assert [text for text in _trained_texts() if situatie_from_text(text)] == []
