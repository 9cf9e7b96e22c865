"""An action package for tests/server/test_action_server_logs.py: each action fails with what the person wrote."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class ActionFails(Action):
    def name(self) -> Text:
        return "action_fails"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        raise ValueError(f"kon niet verwerken: {tracker.latest_message.get('text')}")


class ActionReturnsAnInvalidEvent(Action):
    def name(self) -> Text:
        return "action_invalid_event"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        return [{"geen_event": tracker.latest_message.get("text")}]  # rasa-sdk logs ignored events at DEBUG
