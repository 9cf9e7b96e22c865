"""How benchmarks/bench_answers.py counts a reply (issue #27): one row per case, with why."""

from __future__ import annotations

import pytest
import yaml

from benchmarks.bench_answers import SETS, Question, judged, load, reply

SPOOR_2 = Question("wat is spoor 2", "faq/spoor_2")
UNKNOWN = Question("hoeveel pauze mag ik nemen", "out_of_scope")
TWO_READERS = Question("mag ik weigeren", "faq/weigeren", label_second_reader="faq/loonstop")
READERS_SPLIT_ON_ANSWERABLE = Question("reiskosten", "geen_antwoord", label_second_reader="faq/rol_bedrijfsarts")


@pytest.mark.parametrize(
    "question, given, buttons, either, expected, why",
    [
        (SPOOR_2, "faq/spoor_2", [], False, (True, True), "the right answer at once"),
        (SPOOR_2, "nlu_fallback", ["faq/spoor_1", "faq/spoor_2"], False, (False, True), "one click away"),
        (SPOOR_2, "faq/spoor_1", ["faq/wia"], False, (False, False), "neither"),
        (UNKNOWN, "out_of_scope", [], False, (True, True), "honest at once"),
        (UNKNOWN, "nlu_fallback", ["faq/vakantie"], False, (False, True), "guesses, with 'Iets anders' under them"),
        (UNKNOWN, "faq/vakantie", [], False, (False, False), "a confident neighbour"),
        (UNKNOWN, "faq/vakantie", ["faq/vakantiedagen"], False, (False, True), "'Iets anders' under 'Of bedoel je'"),
        (TWO_READERS, "faq/loonstop", [], False, (False, False), "only the first reader counts by default"),
        (TWO_READERS, "faq/loonstop", [], True, (True, True), "the second reader's answer, when asked for"),
        (TWO_READERS, "faq/wia", [], True, (False, False), "neither reader's answer"),
        (READERS_SPLIT_ON_ANSWERABLE, "out_of_scope", [], True, (True, True), "honest fits the first reader"),
        (READERS_SPLIT_ON_ANSWERABLE, "faq/rol_bedrijfsarts", [], True, (True, True), "the answer fits the second"),
    ],
)
def test_a_reply_is_counted_as_a_person_gets_it(question, given, buttons, either, expected, why):
    assert judged(question, given, buttons, either) == expected, why


def _parse(intent: str, ranking: list[tuple[str, float]]) -> dict:
    return {
        "text": "een vraag",
        "intent": {"name": intent},
        "antwoord_ranking": [{"antwoord": a, "score": s} for a, s in ranking],
        "response_selector": {"faq": {"response": {"intent_response_key": ranking[0][0]}}},
    }


@pytest.mark.parametrize(
    "intent, ranking, expected, why",
    [
        ("faq", [("faq/wia", 0.5), ("faq/wia_uitkomst", 0.4)], ["faq/wia_uitkomst"], "under a fixed answer"),
        ("ask_termijn", [("ask_termijn", 0.5), ("faq/wia", 0.4)], [], "the guide shows no alternatives"),
        ("out_of_scope", [("faq/wia", 0.2), ("faq/ontslag", 0.19)], [], "the honest answer has none"),
    ],
)
def test_only_a_fixed_answer_has_alternatives_under_it(intent, ranking, expected, why):
    assert reply(_parse(intent, ranking))[1] == expected, why


def test_every_real_question_set_loads_with_labels_that_exist():
    suggest = yaml.safe_load((SETS["dev"].parents[3] / "domain" / "suggest.yml").read_text(encoding="utf-8"))
    known = {*suggest["antwoordtitels"], *suggest["gidstitels"], "geen_antwoord", "out_of_scope"}
    for name in SETS:
        questions = load(name)
        assert questions, name
        for question in questions:
            for label in filter(None, (question.label, question.label_second_reader)):
                assert label in known, (name, label)
