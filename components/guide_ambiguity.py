"""Doubt between two guide intents is no doubt: both start the same guide.

components/answer_ranking.py falls back when the two best answers are close (its margin). Between
two guide intents such borderline scores flip with the machine that trained the model (issue #27
item 8; the case is in docs/measurements-in-code.md).

The guide intents (a sick date, a situation, the track / timeline / deadline question) all lead
into the same guide, which reads the date, the situation and the question from the text itself
(actions/message_slots.py). So when the fallback came from doubt between two guide intents that together
are sure enough, this component takes the guide intent instead:
- a message that asks something (a question mark or a question word) gets the question intent
  of the two: the date or situation in it is context, the question is what to answer;
- otherwise the better scored of the two.
Placed after components.answer_ranking (config.yml). Real doubt, with a non-guide intent among the
two best, still falls back. So does a question that the answer ranking refused to read as a statement
(`vraag_geen_mededeling`, "ik ben zwanger en sinds maart ziek, telt dat?") when neither of the two is a
guide question: taking the statement back would undo that decision.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.parse_keys import QUESTION_NOT_STATEMENT_KEY
from components.intent_override import IntentCorrection
from components.question_focus import asks_something

QUESTIONS = ("ask_track", "ask_timeline", "ask_termijn")
STATEMENTS = ("inform_sick_date", "inform_situatie")
GUIDE_INTENTS = QUESTIONS + STATEMENTS


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class GuideAmbiguity(IntentCorrection):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The two guide intents together must be at least as sure as a single intent must be
        # for one of them to be taken at face value (measured with the FallbackClassifier of 2026-12).
        return {"threshold": 0.45}

    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        if (message.get(INTENT) or {}).get("name") != DEFAULT_NLU_FALLBACK_INTENT_NAME:
            return None
        ranking = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != DEFAULT_NLU_FALLBACK_INTENT_NAME
        ]
        if len(ranking) < 2 or not all(r["name"] in GUIDE_INTENTS for r in ranking[:2]):
            return None
        first, second = ranking[0], ranking[1]
        together = first[PREDICTED_CONFIDENCE_KEY] + second[PREDICTED_CONFIDENCE_KEY]
        if together < float(self.config["threshold"]):
            return None
        chosen = first
        if asks_something(message.get(TEXT)):
            chosen = next((r for r in (first, second) if r["name"] in QUESTIONS), first)
        if message.get(QUESTION_NOT_STATEMENT_KEY) and chosen["name"] not in QUESTIONS:
            return None
        return chosen["name"], chosen[PREDICTED_CONFIDENCE_KEY]
