"""Shared by the components that correct the classifier afterwards (no_words, date_only, faq_fallback)."""
from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, name: str, confidence: float) -> None:
    """Make `name` the message's intent, first in the ranking; the classifier's guesses follow it."""
    intent = {"name": name, PREDICTED_CONFIDENCE_KEY: confidence}
    message.set(INTENT, intent, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
