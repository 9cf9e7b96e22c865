"""The fixed explanation for a question, and what else the same message said.

People write context before their question: "ik ben uitzendkracht en sinds 3 maart ziek,
krijg ik loon?". Rasa's own utter_faq would answer the question and drop the rest. This
action gives the same fixed answer (the one chosen for the message, in the ResponseSelector's place in
the parse: components/answer_ranking.py) and keeps
a first sick day, a situation or a role from the message in the slots, so that a later
personal question does not ask for them again; when it found a sick day it offers the
personal answer.
"""

from __future__ import annotations

import logging
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import phrasing
from .suggest import alternative_buttons
from .message_slots import message_context
from .tracker_helpers import in_shared_channel, latest_text, message_date

logger = logging.getLogger(__name__)


def selected_response(tracker: Tracker) -> str | None:
    """The name of the fixed answer chosen for the latest message (where Rasa's ResponseSelector puts it)."""
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    response = selector.get("response") or {}
    return response.get("utter_action") or (
        f"utter_{response['intent_response_key']}" if response.get("intent_response_key") else None
    )


class ActionAnswerFaq(Action):
    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        response = selected_response(tracker)
        if response is None:  # no answer was selected: say so rather than guess
            dispatcher.utter_message(response="utter_default")
            return []
        dispatcher.utter_message(response=response)
        # A close second answer is one click away ("Of bedoel je …?", actions/suggest.py; #27 item 1).
        alternatives = alternative_buttons(tracker)
        if alternatives:
            dispatcher.utter_message(response="utter_suggest_alternatives", buttons=alternatives)
        if in_shared_channel(tracker):
            return []  # personal context is not read or kept where others read along
        # A doubtful date beside a question is left alone: the guide will ask for it when needed.
        slots, _problem = message_context(tracker, latest_text(tracker), message_date(tracker))
        if "eerste_ziektedag" in slots or "datum_schatting" in slots:
            role = slots.get("rol") or tracker.get_slot("rol")
            dispatcher.utter_message(text=phrasing.offer_personal_answer(role), buttons=phrasing.personal_buttons(role))
        return [SlotSet(name, value) for name, value in slots.items()]
