"""Doubt between two guide intents takes the guide; other doubt still falls back (components/guide_ambiguity.py)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.guide_ambiguity import GuideAmbiguity
from components.question_focus import asks_something


def _fallback(text: str, ranking: list[tuple[str, float]]) -> Message:
    """A message as the FallbackClassifier leaves it after ambiguity: nlu_fallback first, then the classifier's."""
    message = Message(data={"text": text})
    fallback = {"name": "nlu_fallback", "confidence": 0.45}
    message.set("intent", fallback, add_to_output=True)
    message.set("intent_ranking", [fallback] + [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
    return GuideAmbiguity().process([message])[0]


@pytest.mark.parametrize(
    "text, ranking, expected, why",
    [
        (
            "ik ben zwanger en sinds 16 november 2026 ziek, welke termijnen komen eraan?",
            [("inform_sick_date", 0.473), ("ask_timeline", 0.458)],
            "ask_timeline",
            "the message measured on an AMD EPYC: a question with a date in it is the question",
        ),
        (
            "sinds 3 maart ziek, in welk spoor zit ik",
            [("inform_sick_date", 0.40), ("ask_track", 0.38)],
            "ask_track",
            "a question word without a question mark still asks",
        ),
        (
            "ik ben sinds 3 maart ziek en zwanger",
            [("inform_sick_date", 0.44), ("inform_situatie", 0.41)],
            "inform_sick_date",
            "no question: the better scored guide intent",
        ),
        (
            "moet ik al een plan van aanpak hebben, ik ben sinds 3 maart ziek",
            [("inform_sick_date", 0.45), ("ask_termijn", 0.40)],
            "ask_termijn",
            "a sentence that starts with 'moet ik' asks something",
        ),
    ],
)
def test_doubt_between_guide_intents_takes_the_guide(text, ranking, expected, why):
    assert _fallback(text, ranking).get("intent")["name"] == expected, why


@pytest.mark.parametrize(
    "ranking, why",
    [
        ([("faq", 0.46), ("ask_timeline", 0.44)], "a fixed answer against the guide is real doubt"),
        ([("ask_timeline", 0.46), ("out_of_scope", 0.44)], "out of scope against the guide is real doubt"),
        ([("ask_timeline", 0.20), ("inform_sick_date", 0.18)], "together not sure enough (0.38 < 0.45)"),
        ([("ask_timeline", 0.90)], "only one candidate"),
    ],
)
def test_other_doubt_still_falls_back(ranking, why):
    assert _fallback("welke termijnen komen eraan?", ranking).get("intent")["name"] == "nlu_fallback", why


def test_a_sure_classification_is_left_alone():
    message = Message(data={"text": "in welk spoor zit ik?"})
    message.set("intent", {"name": "faq", "confidence": 0.9}, add_to_output=True)
    message.set(
        "intent_ranking",
        [{"name": "faq", "confidence": 0.9}, {"name": "ask_track", "confidence": 0.05}],
        add_to_output=True,
    )
    assert GuideAmbiguity().process([message])[0].get("intent")["name"] == "faq"


@pytest.mark.parametrize(
    "text, asks",
    [
        ("welke termijnen komen eraan?", True),
        ("ik ben sinds 3 maart ziek. wanneer moet ik de wia aanvragen", True),
        ("zit ik in spoor 2", True),
        ("ik ben sinds 3 maart ziek", False),
        ("mijn werknemer is zwanger en ziek sinds 1 mei.", False),
    ],
)
def test_what_counts_as_asking(text, asks):
    assert asks_something(text) is asks
