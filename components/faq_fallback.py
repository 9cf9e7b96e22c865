"""A fixed answer only when the answer selector is sure enough; otherwise the honest fallback.

DIET decides *that* a question is a fixed-answer question (intent `faq`) with a confidence
that is almost always near 1, because every FAQ example trains that one intent; Rasa's
FallbackClassifier only looks at that figure. Which of the 60 answers fits is decided by the
ResponseSelector, and for a question we have no answer for its confidence is low while it
still names one. On the real-question development set (tests/nlu/real_questions/dev.yml)
answers below 0.1 were wrong more often than right, so a selection below `threshold` becomes
`nlu_fallback`: "daar heb ik (nog) geen antwoord op", with where to go, instead of a
confident answer about something else. Placed after the ResponseSelector and the
FallbackClassifier (config.yml); docs/benchmarks.md has the measurement.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import IntentCorrection

RESPONSE_SELECTOR = "response_selector"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FaqSelectionFallback(IntentCorrection):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.1, "retrieval_intent": "faq"}

    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        threshold, retrieval_intent = float(self.config["threshold"]), self.config["retrieval_intent"]
        if (message.get(INTENT) or {}).get("name") != retrieval_intent:
            return None
        selected = ((message.get(RESPONSE_SELECTOR) or {}).get(retrieval_intent) or {}).get("response") or {}
        if selected.get(PREDICTED_CONFIDENCE_KEY, 0.0) >= threshold:
            return None
        return DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0 - threshold
