"""The questions of the guide's form (`action_ask_<slot>`), in the person's own voice (je/u).

Rasa runs one when the form (guide_form.py) requests its slot; the words are phrasing.py's.
"""

from __future__ import annotations

from datetime import date
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from poortwachter import PoortwachterError, datum_nl
from poortwachter.parameters import ZWANGERSCHAPS_EN_BEVALLINGSVERLOF

from . import phrasing
from .calculation import verlof_from_slot, tijdlijn_from_slots
from .tracker_helpers import message_date


class ActionAskEersteZiektedag(Action):
    """The question for the first sick day; for a termijn it first gives the general rule."""

    def name(self) -> Text:
        return "action_ask_eerste_ziektedag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        voice = phrasing.voice_for(tracker.get_slot("rol"))
        if tracker.get_slot("vraag") == "termijn":
            rule = phrasing.general_termijn_rule(tracker.get_slot("termijn"))
            if rule:
                dispatcher.utter_message(text=rule)
        dispatcher.utter_message(
            text=voice.pick(
                "Wat was je eerste ziektedag? Dat is de eerste dag dat je niet (volledig) kon werken. "
                "Bijvoorbeeld '3 maart 2025' of 'al 14 maanden'.",
                "Wat was de eerste ziektedag van uw werknemer? Bijvoorbeeld '3 maart 2025'.",
            )
        )
        return []


class ActionAskSchattingBevestigd(Action):
    def name(self) -> Text:
        return "action_ask_schatting_bevestigd"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        estimate = date.fromisoformat(tracker.get_slot("datum_schatting"))
        voice = phrasing.voice_for(tracker.get_slot("rol"))
        dispatcher.utter_message(
            text=voice.pick(
                f"Dan was je eerste ziektedag ongeveer **{datum_nl(estimate)}**. Mag ik daarmee rekenen?",
                f"Dan was de eerste ziektedag ongeveer **{datum_nl(estimate)}**. Mag ik daarmee rekenen?",
            ),
            buttons=[
                {"title": "Ja, reken daarmee", "payload": "/affirm"},
                {"title": "Nee, ik geef de precieze datum", "payload": "/deny"},
            ],
        )
        return []


class ActionAskAdvies(Action):
    def name(self) -> Text:
        return "action_ask_advies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        role = tracker.get_slot("rol")
        dispatcher.utter_message(text=phrasing.advies_question(role), buttons=phrasing.advies_buttons(role))
        return []


class ActionAskEindeDienstverband(Action):
    def name(self) -> Text:
        return "action_ask_einde_dienstverband"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(text=phrasing.contract_end_question(tracker.get_slot("rol")))
        return []


class ActionAskGeboortedatum(Action):
    def name(self) -> Text:
        return "action_ask_geboortedatum"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(text=phrasing.birth_date_question(tracker.get_slot("rol")))
        return []


class ActionAskZiekDoorZwangerschap(Action):
    def name(self) -> Text:
        return "action_ask_ziek_door_zwangerschap"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        role = tracker.get_slot("rol")
        dispatcher.utter_message(text=phrasing.zwangerschap_cause_question(role), buttons=phrasing.YES_NO_BUTTONS)
        return []


class ActionAskZwangerschapsverlof(Action):
    def name(self) -> Text:
        return "action_ask_zwangerschapsverlof"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        role = tracker.get_slot("rol")
        dispatcher.utter_message(
            text=phrasing.verlof_question(role, ZWANGERSCHAPS_EN_BEVALLINGSVERLOF.waarde),
            buttons=phrasing.VERLOF_UNKNOWN_BUTTONS,
        )
        return []


class ActionAskZiekNaVerlof(Action):
    def name(self) -> Text:
        return "action_ask_ziek_na_verlof"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        verlof, _assumed = verlof_from_slot(tracker.get_slot("zwangerschapsverlof"))
        role = tracker.get_slot("rol")
        over = verlof is not None and verlof.einde < message_date(tracker)
        dispatcher.utter_message(
            text=phrasing.after_verlof_question(role, verlof, over), buttons=phrasing.after_verlof_buttons(over)
        )
        return []


class ActionAskPerspectief(Action):
    def name(self) -> Text:
        return "action_ask_perspectief"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        try:
            week = tijdlijn_from_slots(tracker, message_date(tracker)).ziekteweek.waarde
        except PoortwachterError:
            week = None
        dispatcher.utter_message(
            text=phrasing.perspective_question(tracker.get_slot("rol"), week), buttons=phrasing.YES_NO_BUTTONS
        )
        return []
