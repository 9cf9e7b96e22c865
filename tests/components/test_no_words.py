"""Messages without a word go to the fallback; every other message keeps its intent."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.no_words import NoWordsFallback


def _classified(text: str) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": "affirm", "confidence": 0.51}, add_to_output=True)
    message.set("intent_ranking", [{"name": "affirm", "confidence": 0.51}], add_to_output=True)
    return NoWordsFallback().process([message])[0]


@pytest.mark.parametrize("text", ["🙂🙂🙂", "???", "👍", "...", "  "])
def test_no_words_means_fallback(text):
    message = _classified(text)
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")] == ["nlu_fallback", "affirm"]


@pytest.mark.parametrize("text", ["ja", "ja 👍", "3", "ok!", "één"])
def test_a_word_or_number_keeps_the_intent(text):
    assert _classified(text).get("intent")["name"] == "affirm"
