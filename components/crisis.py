"""A message that signals suicidal thoughts or acute danger gets the intent `crisis`, whatever else.

"ik heb suïcidale gedachten" used to get the generic fallback. Whether a message signals a
crisis is decided by fixed, tested patterns (privacy/crisis.py), not by the classifier, so it
does not depend on a training run and the tracker store redacts exactly these messages. The
intent `crisis` (confidence 1.0) is answered at once with 113, the huisarts and 112
(data/rules/crisis.yml, domain/crisis.yml), also in the middle of the guide's questions.

Placed last in the pipeline (config.yml), after the answer ranking and our other
corrections, so nothing replaces it: the answer ranking would otherwise turn an unsure guess
into `nlu_fallback`. When the patterns find
nothing, the classifier's intent stays as it is: if the classifier itself is sure of `crisis`
(data/nlu/crisis.yml), that is kept, because a missed crisis is worse than an extra answer.
"""

from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import IntentCorrection
from privacy.crisis import signals_crisis

INTENT_NAME = "crisis"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisSignal(IntentCorrection):
    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        if not signals_crisis(message.get(TEXT)):
            return None
        return INTENT_NAME, 1.0
