"""An unsure choice among the fixed answers becomes the honest fallback; a sure one stays."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.faq_fallback import FaqSelectionFallback


def _selected(intent: str, selector_confidence: float | None) -> Message:
    message = Message(data={"text": "een vraag"})
    message.set("intent", {"name": intent, "confidence": 0.99}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": 0.99}], add_to_output=True)
    if selector_confidence is not None:
        message.set(
            "response_selector",
            {"faq": {"response": {"intent_response_key": "faq/wia", "confidence": selector_confidence}}},
            add_to_output=True,
        )
    return FaqSelectionFallback({"threshold": 0.1, "retrieval_intent": "faq"}).process([message])[0]


@pytest.mark.parametrize("confidence", [0.04, 0.099, None])
def test_an_unsure_selection_is_the_fallback(confidence):
    message = _selected("faq", confidence)
    assert message.get("intent")["name"] == "nlu_fallback"
    assert [r["name"] for r in message.get("intent_ranking")][:2] == ["nlu_fallback", "faq"]


@pytest.mark.parametrize("confidence", [0.1, 0.55, 0.97])
def test_a_sure_selection_keeps_the_fixed_answer(confidence):
    assert _selected("faq", confidence).get("intent")["name"] == "faq"


def test_other_intents_are_left_alone():
    assert _selected("ask_track", 0.01).get("intent")["name"] == "ask_track"
