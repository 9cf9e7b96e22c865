"""A message that signals suicidal thoughts or acute danger gets the intent `crisis`, whatever else.

"ik heb suïcidale gedachten" used to get the generic fallback. Whether a message signals a
crisis is decided by fixed, tested patterns (privacy/crisis.py), not by the classifier, so it
does not depend on a training run and the tracker store redacts exactly these messages. The
intent `crisis` (confidence 1.0) is answered at once with 113, the huisarts and 112
(data/rules/crisis.yml, domain/crisis.yml), also in the middle of the guide's questions.

Placed last in the pipeline (config.yml), after the answer ranking and our other
corrections, so nothing replaces it: the answer ranking would otherwise turn an unsure guess
into `nlu_fallback`. When the patterns find
nothing, the classifier's intent stays as it is: if the classifier itself chose `crisis`
(data/nlu/crisis.yml), that is kept, because a missed crisis is worse than an extra answer.

With one exception: a careful yes or no ("ik denk het niet", "ik hoop het niet", "dat denk ik wel") is the answer to
one of the guide's yes/no questions, also when the classifier chose `crisis` for it (the crisis examples say "ik denk
aan ..."; the production model of 7 December 2026 did so at 0.13 to 0.44). It becomes `affirm` or `deny`. Only that
exact form: "ik denk aan de trein", "niet meer" or "niemand mist me" keep the classifier's `crisis`.
"""

from __future__ import annotations

import re
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import IntentCorrection
from privacy.crisis import signals_crisis

INTENT_NAME = "crisis"
# "ik denk het niet", "denk van wel", "ja, ik hoop het", "dat verwacht ik niet", "volgens mij wel": a verb of thinking
# or hoping with at most "het", "van", "dat", "ik" and a closing "wel" or "niet" - nothing that could say more.
_CAREFUL_ANSWER = re.compile(
    r"^(?:(?:ja|nee|neen)[,.!]?\s+)?(?:dat\s+|ik\s+)?(?:denk|hoop|geloof|verwacht|vrees)(?:\s+(?:ik|het|van|dat))*"
    r"(?:\s+(?:wel|niet))?\s*[.!]*$|^volgens\s+mij\s+(?:wel|niet)\s*[.!]*$"
)


def careful_answer(text: Optional[str]) -> Optional[str]:
    """`affirm` or `deny` for a careful yes or no ("ik denk het niet" is deny), None for anything else."""
    plain = (text or "").strip().lower()
    if not _CAREFUL_ANSWER.match(plain):
        return None
    return "deny" if re.search(r"\bniet\b", plain) else "affirm"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisSignal(IntentCorrection):
    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        text = message.get(TEXT)
        if signals_crisis(text):
            return INTENT_NAME, 1.0
        intent = message.get(INTENT) or {}
        answer = careful_answer(text) if intent.get("name") == INTENT_NAME else None
        if answer is not None:
            return answer, float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        return None
