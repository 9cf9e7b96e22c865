"""A message that is only a date is the answer to "wat was je eerste ziektedag?".

The classifier learns dates from examples, and a date in a month it saw little of can land
anywhere ("29 juli 2026" once went to out_of_scope at 0.92). Inside the guide that breaks the
flow: the form takes a date only from a date message. A message that is nothing but a date
(with at most "op", "sinds", "vanaf" before it) is therefore marked inform_sick_date here,
after the classifiers. What the date means is still decided by the actions (actions/dates.py).
"""

from __future__ import annotations

import re
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import IntentCorrection

INTENT_NAME = "inform_sick_date"
_MONTH = (
    r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
)
_DATE_ONLY = re.compile(
    rf"^\s*(op|sinds|vanaf|per)?\s*(\d{{1,2}}\s+{_MONTH}(\s+\d{{4}})?|\d{{1,2}}[-/.]\d{{1,2}}([-/.]\d{{2,4}})?|"
    rf"\d{{4}}-\d{{2}}-\d{{2}})\s*[.!]?\s*$",
    re.IGNORECASE,
)


def is_date_only(text: Optional[str]) -> bool:
    return bool(text and _DATE_ONLY.match(text))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DateOnlyMessage(IntentCorrection):
    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        if not is_date_only(message.get(TEXT)) or (message.get(INTENT) or {}).get("name") == INTENT_NAME:
            return None
        return INTENT_NAME, 1.0
