"""Messages without a single word go to the fallback, whatever the classifier guessed.

"🙂🙂🙂" or "???" carry no question; DIET still gives them some intent, and which one
changes with every retraining (once `affirm` at 0.51, just above the fallback threshold).
A message with no letter or digit is therefore marked `nlu_fallback` here, after
Rasa's FallbackClassifier, so the bot asks for a question instead of guessing.
Button payloads ("/intent{...}") never reach NLU, so they are not affected.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import override_intent

_WORD = re.compile(r"\w")  # Unicode-aware: letters and digits of any script, not emoji or punctuation


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NoWordsFallback(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "NoWordsFallback":
        return cls()

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: Optional[str] = message.get(TEXT)
            if text is None or _WORD.search(text):
                continue
            override_intent(message, DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0)
        return messages
