"""The runtime fix for action-response validation behaves exactly like stock Rasa."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from spoorwijzer_rasa import patches

STOCK = RemoteAction._validate_action_result

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


def test_install_replaces_the_stock_method(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", STOCK)
    patches.install()
    assert RemoteAction._validate_action_result is patches._validate_action_result
