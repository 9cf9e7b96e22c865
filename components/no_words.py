"""Messages without a single word go to the fallback, whatever the classifier guessed.

"🙂🙂🙂" or "???" carry no question; DIET still gives them some intent, and which one
changes with every retraining (once `affirm` at 0.51, just above the fallback threshold).
A message with no letter or digit is therefore marked `nlu_fallback` here, after
the answer ranking (components/answer_ranking.py), so the bot asks for a question instead of guessing.
Button payloads ("/intent{...}") never reach NLU, so they are not affected.
"""

from __future__ import annotations

import re
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import IntentCorrection

_WORD = re.compile(r"\w")  # Unicode-aware: letters and digits of any script, not emoji or punctuation


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NoWordsFallback(IntentCorrection):
    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        text: Optional[str] = message.get(TEXT)
        if text is None or _WORD.search(text):
            return None
        return DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0
