"""A person in crisis hears where to find help also when the assistant's own answer is lost (#25 item 4).

The crisis rule answers a crisis message in a normal turn. These are the other paths: a message
that is too long, over the rate limit, a turn that fails. Each gets privacy.crisis.CRISIS_TEXT
before the channel's own notice; an ordinary message on the same path does not.
"""

from __future__ import annotations

import json
import urllib.request
import uuid
from types import SimpleNamespace

import pytest

from connectors.chat_turn import handle_turn
from connectors.crisis_help import help_first
from connectors.guarded_rest import MAX_CHARS
from connectors.limits import RATE_LIMITED_TEXT
from privacy.crisis import CRISIS_TEXT
from privacy.notices import STORE_FAILED_TEXT
from tests.channels.rest_server import rest_server

CRISIS = "ik zie het niet meer zitten, ik wil er niet meer zijn"


def post(base: str, sender: str, text: str) -> tuple[int, list]:
    request = urllib.request.Request(
        f"{base}/webhooks/rest/webhook",
        method="POST",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"sender": sender, "message": text}).encode(),
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_rest_paths_that_never_reach_the_crisis_rule_still_give_the_help(tmp_path):
    with rest_server(tmp_path, SPOORWIJZER_RATE_PER_CONVERSATION="2", SPOORWIJZER_RATE_PER_CLIENT="0") as server:
        # A turn that fails ("crash…" makes the scripted turn raise): help first, then the notice.
        status, replies = post(server.base, str(uuid.uuid4()), f"crash {CRISIS}")
        assert status == 200 and [r["text"] for r in replies] == [CRISIS_TEXT, STORE_FAILED_TEXT]
        # Too long for the assistant: help first, then the request to write less.
        status, replies = post(server.base, str(uuid.uuid4()), CRISIS + " ." * MAX_CHARS)
        assert status == 200 and replies[0]["text"] == CRISIS_TEXT and len(replies) == 2
        # Over the rate limit (2 a minute here): refused, with the help in front.
        sender = str(uuid.uuid4())
        for _ in range(2):
            post(server.base, sender, "wat is spoor 2?")
        status, replies = post(server.base, sender, CRISIS)
        assert status == 429 and [r["text"] for r in replies] == [CRISIS_TEXT, RATE_LIMITED_TEXT]
        # An ordinary message on the same paths gets no crisis text.
        status, replies = post(server.base, sender, "wat is spoor 1?")
        assert status == 429 and [r["text"] for r in replies] == [RATE_LIMITED_TEXT]
        status, replies = post(server.base, str(uuid.uuid4()), "crash wat is spoor 2?")
        assert [r["text"] for r in replies] == [STORE_FAILED_TEXT]


def test_the_help_is_not_added_twice():
    given = [{"recipient_id": "x", "text": CRISIS_TEXT}]
    assert help_first(CRISIS, given, "x") == given
    assert help_first("wat is spoor 2?", [], "x") == []


class Told(SimpleNamespace):
    async def send_text_message(self, recipient, text, **kwargs):
        self.texts.append(text)


class Limits:
    def __init__(self, allowed: bool) -> None:
        self.allowed = allowed

    async def allow(self, conversation, client):
        return self.allowed


@pytest.mark.parametrize(
    "text, expected",
    [
        (CRISIS, [CRISIS_TEXT, RATE_LIMITED_TEXT]),
        ("wat is spoor 2?", [RATE_LIMITED_TEXT]),
    ],
)
async def test_slack_and_teams_over_the_limit(text, expected):
    output = Told(texts=[])
    message = SimpleNamespace(text=text, output_channel=output, sender_id="slack:abc", input_channel="slack")

    async def never(_):
        raise AssertionError("a refused message must not reach the assistant")

    await handle_turn(message, never, None, Limits(False))
    assert output.texts == expected


async def test_slack_and_teams_when_the_turn_fails():
    output = Told(texts=[])
    message = SimpleNamespace(text=CRISIS, output_channel=output, sender_id="teams:abc", input_channel="teams")

    async def fails(_):
        raise ConnectionError("redis down")

    await handle_turn(message, fails, None, Limits(True))
    assert output.texts == [CRISIS_TEXT, STORE_FAILED_TEXT]
