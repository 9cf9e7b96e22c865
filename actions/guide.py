"""The decision guide's own actions: read the message that starts it, answer, and explain why.

Thin adapters between Rasa and the rules: what a message says comes from message_slots.py, the
computation from calculation.py, the words from phrasing.py. No legal rule lives here. The form that
asks what is still missing is guide_form.py, its questions guide_questions.py.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from privacy.medical import mentions_medical_details

from . import phrasing
from .calculation import calculation_or_explain, situatie_code
from .message_slots import advies_slot, message_context
from .tijdlijn_payload import tijdlijn_payload
from .tracker_helpers import WIDGET_CHANNELS, entity, in_shared_channel, latest_intent, latest_text, message_date

# The intents whose slot mapping sets the question (`vraag`) themselves.
QUESTION_INTENTS = {"ask_track", "ask_timeline", "ask_termijn"}


def question_termijn(tracker: Tracker) -> Optional[str]:
    """A deadline named in the message that asked the question: "in welk spoor zit ik en wanneer moet de WIA?"."""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        parse = event.get("parse_data") or {}
        if (parse.get("intent") or {}).get("name") in QUESTION_INTENTS:
            return next((e.get("value") for e in parse.get("entities") or [] if e.get("entity") == "termijn"), None)
    return None


class ActionPrefillGuide(Action):
    """Reads everything useful from the message that starts or corrects the guide."""

    def name(self) -> Text:
        return "action_prefill_guide"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if in_shared_channel(tracker):
            return []  # nothing personal is read or kept here; the answer invites to a direct message
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        slots: Dict[Text, Any] = {}
        if intent not in QUESTION_INTENTS and entity(tracker, "termijn"):
            # "Een medewerker is sinds 10 februari ziek. Wanneer moet de 42e-weeksmelding?": the date
            # came with a question about one deadline.
            slots["vraag"] = "termijn"
        elif tracker.get_slot("vraag") is None:
            slots["vraag"] = "spoor"
        if mentions_medical_details(text):
            dispatcher.utter_message(response="utter_privacy_no_medical")
        context, problem = message_context(tracker, text, message_date(tracker))
        if problem is not None:
            dispatcher.utter_message(text=str(problem))
        slots.update(context)
        mentions_advies = intent == "inform_advies" or entity(tracker, "advies") or "bedrijfsarts" in text.lower()
        advies = advies_slot(tracker, text) if mentions_advies else None
        if advies:
            slots["advies"] = advies
        elif intent == "inform_advies":
            dispatcher.utter_message(text=phrasing.ADVIES_NOT_UNDERSTOOD)
        return [SlotSet(name, value) for name, value in slots.items()]


class ActionAnswerGuide(Action):
    """Computes with the rules package and gives the personal answer."""

    def name(self) -> Text:
        return "action_answer_guide"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if in_shared_channel(tracker):
            dispatcher.utter_message(text=phrasing.PERSONAL_ONLY_IN_PRIVATE)
            return []
        if not tracker.get_slot("eerste_ziektedag"):
            dispatcher.utter_message(text="Ik weet je eerste ziektedag nog niet. Wat was die datum?")
            return []
        role = tracker.get_slot("rol")
        tijdlijn, beeld, resets = calculation_or_explain(dispatcher, tracker)
        if tijdlijn is None:
            return resets
        vraag = tracker.get_slot("vraag") or "spoor"
        if vraag == "termijn":
            text = phrasing.answer_termijn(tijdlijn, tracker.get_slot("termijn"), role, beeld)
        elif vraag == "tijdlijn":
            text = phrasing.answer_tijdlijn(tijdlijn, role, beeld)
        else:
            text = phrasing.answer_spoor(tijdlijn, role, beeld)
        buttons = [
            {"title": "Waarom?", "payload": "/ask_why"},
            {"title": "Hele tijdlijn", "payload": "/ask_timeline"},
        ]
        if vraag == "tijdlijn":
            buttons = buttons[:1]
        other = phrasing.other_termijn_button(question_termijn(tracker) or "") if vraag != "termijn" else None
        if other:
            buttons.append(other)
        dispatcher.utter_message(text=text, buttons=buttons)
        if situatie_code(tracker) is None:
            # Answered for the ordinary case; the situations that change the dates are one click away.
            dispatcher.utter_message(text=phrasing.situatie_offer(role), buttons=phrasing.situatie_buttons(role, False))
        if tracker.get_latest_input_channel() in WIDGET_CHANNELS:
            dispatcher.utter_message(json_message=tijdlijn_payload(tijdlijn, beeld, role))
        return []


class ActionExplainWhy(Action):
    """'Waarom?': the rules behind the personal answer, with their sources."""

    def name(self) -> Text:
        return "action_explain_why"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if not tracker.get_slot("eerste_ziektedag") or in_shared_channel(tracker):
            dispatcher.utter_message(response="utter_faq/verschil_sporen")
            dispatcher.utter_message(text="Wil je weten wat dit voor jou betekent? Vraag dan 'in welk spoor zit ik?'.")
            return []
        tijdlijn, beeld, _resets = calculation_or_explain(dispatcher, tracker)  # "waarom?" changes no slot
        if tijdlijn is not None:
            dispatcher.utter_message(text=phrasing.explain_why(tijdlijn, tracker.get_slot("rol"), beeld))
        return []
