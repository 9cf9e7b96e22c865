"""Only random UUID4 conversation ids reach the assistant (connectors/conversation_id.py)."""

from __future__ import annotations

import json
import uuid
from types import SimpleNamespace

import pytest

from connectors.conversation_id import is_secret_id
from connectors.guarded_rest import refusal


@pytest.mark.parametrize(
    "value, accepted, why",
    [
        (str(uuid.uuid4()), True, "122 random bits, canonical form"),
        ("anna", False, "the README's old example: a first name"),
        ("100234", False, "an employee number"),
        ("werknemer-1a2b3c4d", False, "32 random bits behind a prefix"),
        (str(uuid.uuid1()), False, "version 1: time and MAC address, guessable"),
        (str(uuid.uuid5(uuid.NAMESPACE_DNS, "anna")), False, "version 5: derived from a name"),
        (str(uuid.uuid4()).upper(), False, "not canonical: two spellings would be two conversations"),
        (uuid.uuid4().hex, False, "no hyphens: not canonical"),
        ("00000000-0000-4000-8000-000000000000", True, "well-formed v4 (the channel cannot judge randomness)"),
        ("teams:29:1a2b3c-aad-object-id", False, "a Teams user's id: any colleague can look it up"),
        ("slack:U123ABC", False, "a Slack user's id: visible to the whole workspace"),
        ("", False, "empty"),
        (None, False, "missing"),
        (12345, False, "a number"),
    ],
)
def test_which_ids_are_accepted(value, accepted, why):
    assert is_secret_id(value) is accepted, why


def request(body) -> SimpleNamespace:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    try:
        parsed = json.loads(raw)
    except ValueError:
        parsed = None
    return SimpleNamespace(json=parsed, method="POST", path="/webhooks/rest/webhook")


def test_a_guessable_id_gets_400_with_a_dutch_explanation():
    answer = refusal(request({"sender": "anna", "message": "in welk spoor zit ik?"}))
    assert answer.status == 400
    body = json.loads(answer.body)
    assert body["error"] == "ongeldig_gesprek_id" and "UUID versie 4" in body["message"]


@pytest.mark.parametrize("body", [{"message": "hoi"}, b"geen json", ["lijst"]])
def test_missing_sender_or_no_json_is_refused(body):
    assert refusal(request(body)).status == 400


def test_a_random_uuid4_passes():
    assert refusal(request({"sender": str(uuid.uuid4()), "message": "hoi"})) is None
