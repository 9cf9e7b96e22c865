"""The Slack connector over real HTTP on loopback, without Slack: signatures, retries, and
what the bot posts (captured by a local fake of Slack's Web API)."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid

import urllib.error
import urllib.request

import pytest
from aiohttp import web
from rasa.shared.core.events import UserUttered

from tests.channels.registry import CHANNELS
from connectors.slack import SpoorwijzerSlackBot, SpoorwijzerSlackInput, is_direct_message, to_slack_mrkdwn

SECRET = "test-signing-secret"


def signed_headers(body: bytes, secret: str = SECRET, timestamp: int | None = None) -> dict:
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = b"v0:" + str(timestamp).encode() + b":" + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature,
            "Content-Type": "application/json"}


def dm_event(text: str, event_id: str | None = None, channel_type: str = "im", channel: str = "D123",
             user: str = "U1") -> bytes:
    return json.dumps({
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10]}",
        # Outside a direct message Rasa only takes a message that mentions the bot.
        "event": {"type": "message" if channel_type == "im" else "app_mention", "channel_type": channel_type,
                  "channel": channel, "user": user, "text": text,
                  "ts": "1700000000.000100"},
    }).encode()


def _slack_channel(agent):
    received: list = []

    async def on_new_message(message):
        # Stands in for Rasa: stores the turn; "wis" gets the reply that confirms erasure.
        tracker = await agent.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        await agent.tracker_store.save(tracker)
        if message.text == "wis":
            await message.output_channel.send_custom_json(message.sender_id, {"gesprek_gewist": True})
        received.append(message)

    channel = SpoorwijzerSlackInput.from_credentials({"slack_token": "xoxb-test", "slack_signing_secret": SECRET})
    return channel.blueprint(on_new_message), received


CHANNELS["slack"] = _slack_channel


@pytest.fixture
def slack_server(channel_server):
    """The shared real Sanic server (tests/channels/conftest.py) with the Slack blueprint."""
    return f"{channel_server.base}/slack/webhook", channel_server.states["slack"], channel_server.agent


def post(url: str, body: bytes, headers: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, dict(reply.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def wait_for(received: list, count: int) -> None:
    for _ in range(50):
        if len(received) >= count:
            return
        time.sleep(0.05)


def test_correctly_signed_message_reaches_the_assistant(slack_server):
    url, received, _ = slack_server
    received.clear()
    body = dm_event("in welk spoor zit ik?")
    status, _ = post(url, body, signed_headers(body))
    wait_for(received, 1)
    assert status == 200
    assert [(m.sender_id, m.text, m.input_channel) for m in received] == [("U1", "in welk spoor zit ik?", "slack")]


def test_wrong_signature_is_rejected(slack_server):
    url, received, _ = slack_server
    received.clear()
    body = dm_event("hoi")
    status, _ = post(url, body, signed_headers(body, secret="iets-anders"))
    time.sleep(0.2)
    assert status == 400 and received == []


def test_stale_timestamp_is_rejected(slack_server):
    url, received, _ = slack_server
    received.clear()
    body = dm_event("hoi")
    status, _ = post(url, body, signed_headers(body, timestamp=int(time.time()) - 600))
    time.sleep(0.2)
    assert status == 400 and received == []


def test_a_retry_is_not_processed_twice(slack_server):
    url, received, _ = slack_server
    received.clear()
    body = dm_event("wat is spoor 2?", event_id="Ev-retry-1")
    first, _ = post(url, body, signed_headers(body))
    retry_headers = {**signed_headers(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    retry, headers = post(url, body, retry_headers)
    wait_for(received, 2)
    assert (first, retry) == (200, 200)
    assert headers.get("X-Slack-No-Retry") == "1"
    assert len(received) == 1


@pytest.fixture
async def fake_slack_api():
    """A local stand-in for https://slack.com/api/: records chat.postMessage calls."""
    calls = []

    async def post_message(request):
        calls.append(await request.json() if request.content_type == "application/json" else dict(await request.post()))
        return web.json_response({"ok": True, "channel": "D123", "ts": "1700000000.000200"})

    app = web.Application()
    app.router.add_post("/api/chat.postMessage", post_message)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}/api/", calls
    await runner.cleanup()


async def test_buttons_are_sent_as_interactive_blocks(fake_slack_api):
    base_url, calls = fake_slack_api
    bot = SpoorwijzerSlackBot("xoxb-test", "D123", None)
    bot.client.base_url = base_url
    await bot.send_text_with_buttons("U1", "Je zit in **week 10**.", [
        {"title": "Waarom?", "payload": "/ask_why"}, {"title": "Hele tijdlijn", "payload": "/ask_timeline"},
    ])
    assert len(calls) == 1
    blocks = calls[0]["blocks"] if isinstance(calls[0]["blocks"], list) else json.loads(calls[0]["blocks"])
    assert blocks[0]["text"]["text"] == "Je zit in *week 10*."
    buttons = next(b for b in blocks if b["type"] == "actions")["elements"]
    assert [(b["type"], b["text"]["text"], b["value"]) for b in buttons] == [
        ("button", "Waarom?", "/ask_why"), ("button", "Hele tijdlijn", "/ask_timeline"),
    ]


async def test_text_is_converted_and_the_widget_payload_is_not_sent(fake_slack_api):
    base_url, calls = fake_slack_api
    bot = SpoorwijzerSlackBot("xoxb-test", "D123", None)
    bot.client.base_url = base_url
    await bot.send_text_message("U1", "- **Probleemanalyse**: uiterlijk maandag 14 april 2025")
    await bot.send_custom_json("U1", {"type": "spoorwijzer_tijdlijn", "mijlpalen": []})
    assert len(calls) == 1
    assert calls[0]["text"] == "- *Probleemanalyse*: uiterlijk maandag 14 april 2025"


def test_markdown_bold_becomes_slack_bold():
    assert to_slack_mrkdwn("**a** en **b c**") == "*a* en *b c*"


@pytest.mark.parametrize("channel_type, channel, personal", [
    ("im", "D123", True), ("channel", "C123", False), ("group", "G123", False), ("mpim", "G456", False),
])
def test_only_a_direct_message_is_a_personal_chat(slack_server, channel_type, channel, personal):
    url, received, _ = slack_server
    received.clear()
    body = dm_event("in welk spoor zit ik?", channel_type=channel_type, channel=channel)
    post(url, body, signed_headers(body))
    wait_for(received, 1)
    assert received[0].metadata["personal_chat"] is personal


@pytest.mark.parametrize("channel_type, channel, personal", [
    (None, "D0AB", True), (None, "C0AB", False), ("im", "D0AB", True), ("channel", "D0AB", False),
])
def test_direct_message_rule(channel_type, channel, personal):
    assert is_direct_message(channel_type, channel) is personal


def test_a_confirmed_erasure_deletes_the_conversation_after_the_turn(slack_server):
    url, received, agent = slack_server
    received.clear()
    for text in ("in welk spoor zit ik?", "wis"):
        body = dm_event(text, user="U-wis")
        post(url, body, signed_headers(body))
        wait_for(received, 1 if text != "wis" else 2)
    for _ in range(50):
        if "U-wis" not in agent.tracker_store.store:
            break
        time.sleep(0.05)
    assert "U-wis" not in agent.tracker_store.store
