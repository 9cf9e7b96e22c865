"""Components that correct the classifier afterwards (no_words, date_only, faq_fallback).

Each one looks at a classified message and may name another intent for it; this base class
does the rest: it makes that intent the message's intent, first in the ranking, with the
classifier's guesses after it.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, name: str, confidence: float) -> None:
    """Make `name` the message's intent, first in the ranking; the classifier's guesses follow it."""
    intent = {"name": name, PREDICTED_CONFIDENCE_KEY: confidence}
    message.set(INTENT, intent, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)


class IntentCorrection(GraphComponent):
    """Replaces the intent of the messages for which `corrected_intent` names one."""

    def __init__(self, config: Optional[Dict[Text, Any]] = None) -> None:
        self.config = {**self.get_default_config(), **(config or {})}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "IntentCorrection":
        return cls(config)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @abstractmethod
    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        """(intent, confidence) to give this message instead, or None to keep the classifier's."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            corrected = self.corrected_intent(message)
            if corrected is not None:
                override_intent(message, *corrected)
        return messages
