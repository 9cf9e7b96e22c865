"""The runtime fix for action-response validation behaves exactly like stock Rasa."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig

from spoorwijzer_rasa import patches

STOCK = RemoteAction._validate_action_result
STOCK_RESOLVE = Event.resolve_by_type

RESPONSES = [
    ("empty response", {}, True),
    ("events and responses", {"events": [{"event": "slot", "name": "advies", "value": "geen"}],
                              "responses": [{"text": "Hallo", "buttons": []}]}, True),
    ("event without name of event", {"events": [{"name": "advies"}]}, False),
    ("events is not a list", {"events": "slot"}, False),
    ("response is not an object", {"responses": ["tekst"]}, False),
]


def outcome(validate, result):
    action = RemoteAction("action_guide", EndpointConfig("http://localhost:5055/webhook"))
    try:
        return validate(action, result), None
    except ValidationError as error:
        return False, error.message


@pytest.mark.parametrize("name, result, valid", RESPONSES, ids=[r[0] for r in RESPONSES])
def test_same_verdict_and_message_as_stock_rasa(name, result, valid):
    stock, patched = outcome(STOCK, result), outcome(patches._validate_action_result, result)
    assert patched == stock
    assert patched[0] is valid
    if not valid:
        assert "Failed to validate Action server response" in patched[1]


def test_install_replaces_the_stock_methods(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", STOCK)
    monkeypatch.setattr(Event, "resolve_by_type", STOCK_RESOLVE)
    patches.install()
    assert RemoteAction._validate_action_result is patches._validate_action_result
    assert Event.resolve_by_type is patches._resolve_event_type


EVENT_NAMES = sorted({cls.type_name for cls in all_subclasses(Event)})


@pytest.mark.parametrize("type_name", EVENT_NAMES)
def test_event_class_lookup_finds_what_stock_rasa_finds(type_name):
    assert patches._resolve_event_type(type_name) is patches.STOCK_RESOLVE_EVENT_TYPE(type_name)
    # the second lookup comes from the remembered answer and must be the same class
    assert patches._resolve_event_type(type_name) is patches.STOCK_RESOLVE_EVENT_TYPE(type_name)


def test_unknown_event_names_behave_as_in_stock_rasa():
    assert patches._resolve_event_type("bestaat_niet", default=UserUttered) is UserUttered
    assert patches._resolve_event_type("topic") is None
    with pytest.raises(ValueError, match="Unknown event name 'bestaat_niet'"):
        patches._resolve_event_type("bestaat_niet")
    # an unknown name is never remembered as the default of an earlier call
    assert "bestaat_niet" not in patches._event_classes


def test_stored_events_come_back_as_the_same_events(monkeypatch):
    monkeypatch.setattr(Event, "resolve_by_type", STOCK_RESOLVE)
    patches.install()
    events = [SessionStarted(), UserUttered("hallo", {"name": "greet", "confidence": 0.9}),
              SlotSet("advies", "geen"), ActionExecuted("action_listen")]
    assert [Event.from_parameters(event.as_dict()) for event in events] == events

