"""A message that is only a date becomes inform_sick_date, whatever the classifier guessed."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.date_only import DateOnlyMessage


def _classified(text: str, intent: str = "out_of_scope") -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": 0.92}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": 0.92}], add_to_output=True)
    return DateOnlyMessage().process([message])[0]


@pytest.mark.parametrize(
    "text",
    ["29 juli 2026", "7 jul", "sinds 3 maart", "03-03-2025", "3/3", "op 12-11-2026.", "2025-03-04", "vanaf 1 Okt 2025"],
)
def test_a_date_alone_is_a_sick_date(text):
    message = _classified(text)
    assert message.get("intent") == {"name": "inform_sick_date", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")][:2] == ["inform_sick_date", "out_of_scope"]


@pytest.mark.parametrize(
    "text",
    [
        "wanneer moet ik de wia aanvragen 3 maart",
        "ik ben sinds 3 maart ziek, mag ik op vakantie?",
        "juli",
        "2026",
        "week 42",
        "3 maart of 4 maart",
    ],
)
def test_other_messages_keep_their_intent(text):
    assert _classified(text, "faq").get("intent")["name"] == "faq"
