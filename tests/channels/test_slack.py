"""The Slack connector over real HTTP on loopback, without Slack.

The requests are what Slack sends (https://api.slack.com/events-api, .../events/app_mention,
.../events/url_verification, .../reference/interaction-payloads/block-actions,
.../authentication/verifying-requests-from-slack): signature `v0:<timestamp>:<body>`,
event wrapper with `event_id`, `authorizations` and an inner event without `channel_type` for
an app mention, button clicks as a form field `payload=` holding JSON without an event id.
What the bot posts goes to a local stand-in of Slack's Web API (chat.postMessage).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from types import SimpleNamespace
from unittest import mock

import pytest
from aiohttp import web
from rasa.shared.core.domain import Domain

from connectors.conversation_id import is_secret_id
from connectors.limits import RATE_LIMITED_TEXT
from connectors.slack import SpoorwijzerSlackBot, SpoorwijzerSlackInput, is_direct_message, to_slack_mrkdwn
from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT
from privacy.notices import NO_REPLY_TEXT, STORE_FAILED, STORE_FAILED_TEXT
from privacy.store import PrivateSQLTrackerStore
from tests.channels.registry import CHANNELS
from tests.channels.stand_ins import (
    Limits,
    ReadOnlyStore,
    give_the_erase_reply,
    turn_as_rasa,
    wait_for,
)

SECRET = "test-signing-secret"
ID_SECRET = "slack-test-id-secret-" + "x" * 32
BOT_USER = "U0SPOORBOT"
CONFIGURED_CHANNEL = "C0KANAAL"  # SLACK_CHANNEL of the second blueprint: every message there is for the bot
DERIVED = re.compile(r"^slack:[0-9a-f]{64}$")


class SlackWebAPI:
    """A stand-in for https://slack.com/api/chat.postMessage, in its own thread."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.url = ""  # known once started (a free port chosen by the system, never one guessed earlier)
        self._started = False

    async def post_message(self, request):
        if request.content_type == "application/json":
            self.calls.append(await request.json())
        else:
            self.calls.append(dict(await request.post()))
        return web.json_response({"ok": True, "channel": "D123", "ts": f"{time.time():.6f}"})

    def start(self) -> None:
        if self._started:
            return
        app = web.Application()
        app.router.add_post("/api/chat.postMessage", self.post_message)
        loop = asyncio.new_event_loop()
        started = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            runner = web.AppRunner(app)
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/api/"
            started.set()
            loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        assert started.wait(10)
        self._started = True

    def texts(self) -> list[str]:
        return [call.get("text") for call in self.calls]


ANSWER = "Antwoord van de assistent."  # what the stand-in for Rasa says to an ordinary message

SLACK_API = SlackWebAPI()


class SlackUnderTest(SpoorwijzerSlackInput):
    """The real connector; only its Web API address and, per test, its agent are swapped."""

    agent_override = None

    def agent_for(self, request):
        return self.agent_override or super().agent_for(request)

    def get_output_channel(self, channel=None, thread_id=None):
        bot = super().get_output_channel(channel, thread_id)
        bot.client.base_url = SLACK_API.url
        return bot


def build_channel(agent, **credentials):
    received: list = []
    with mock.patch.dict(os.environ, {"SPOORWIJZER_ID_SECRET": ID_SECRET}):
        channel = SlackUnderTest.from_credentials(
            {"slack_token": "xoxb-test", "slack_signing_secret": SECRET, **credentials}
        )

    async def answer(message, tracker):
        # What the stand-in for Rasa says: "wis" gives the reply that carries the erase marker.
        if getattr(channel, "silent", False):  # Rasa after it swallowed a failure: no reply at all
            return False
        if message.text == "wis":
            await give_the_erase_reply(message, tracker)
        else:
            await message.output_channel.send_text_message(message.sender_id, ANSWER)  # Rasa always answers

    async def on_new_message(message):
        await turn_as_rasa(channel.agent_override or agent, message, received, answer)

    return channel.blueprint(on_new_message), SimpleNamespace(received=received, channel=channel)


def _slack_channel(agent):
    SLACK_API.start()
    return build_channel(agent)


def _slack_in_a_configured_channel(agent):
    blueprint, state = build_channel(
        agent, slack_channel=CONFIGURED_CHANNEL, use_threads=True, conversation_granularity="thread"
    )
    blueprint.name = "slack_webhook_configured_channel"  # Sanic refuses two blueprints with one name
    return blueprint, state


CHANNELS["slack"] = _slack_channel
CHANNELS["slack-kanaal"] = _slack_in_a_configured_channel


def signed_headers(
    body: bytes, secret: str = SECRET, timestamp: int | None = None, content_type: str = "application/json"
) -> dict:
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = b"v0:" + str(timestamp).encode() + b":" + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature, "Content-Type": content_type}


def event_callback(event: dict, event_id: str | None = None) -> bytes:
    return json.dumps(
        {
            "token": "verouderd-verificatietoken",
            "team_id": "T0TEAM",
            "api_app_id": "A0APP",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": "T0TEAM",
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": "4-eyJldCI6Im1lc3NhZ2UifQ",
        }
    ).encode()


def new_ts() -> str:
    return f"{time.time():.6f}"


def dm_event(
    text: str,
    event_id: str | None = None,
    channel_type: str = "im",
    channel: str = "D123",
    user: str = "U1",
    ts: str | None = None,
) -> bytes:
    """A direct message (message.im), or with another channel type a message in a channel (message.channels)."""
    ts = ts or new_ts()
    return event_callback(
        {
            "client_msg_id": str(uuid.uuid4()),
            "type": "message",
            "text": text,
            "user": user,
            "ts": ts,
            "team": "T0TEAM",
            "channel": channel,
            "event_ts": ts,
            "channel_type": channel_type,
        },
        event_id,
    )


def mention_event(
    text: str, channel: str = "C123", user: str = "U1", ts: str | None = None, event_id: str | None = None
) -> bytes:
    """app_mention as Slack documents it: the mention in the text, no channel_type."""
    ts = ts or new_ts()
    return event_callback(
        {
            "client_msg_id": str(uuid.uuid4()),
            "type": "app_mention",
            "text": f"<@{BOT_USER}> {text}",
            "user": user,
            "ts": ts,
            "team": "T0TEAM",
            "channel": channel,
            "event_ts": ts,
        },
        event_id,
    )


def button_click(
    value: str,
    user: str = "U1",
    channel: str = "D123",
    message_ts: str = "1700000000.000200",
    action_ts: str | None = None,
) -> bytes:
    """A block_actions payload, form-encoded in the field `payload` as Slack sends it."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "werknemer", "name": "werknemer", "team_id": "T0TEAM"},
        "api_app_id": "A0APP",
        "token": "verouderd-verificatietoken",
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": False},
        "trigger_id": "1234.5678.abcd",
        "team": {"id": "T0TEAM", "domain": "werkgever"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "user": BOT_USER, "ts": message_ts, "bot_id": "B0BOT", "text": "Waarom?"},
        "state": {"values": {}},
        "response_url": "https://hooks.slack.com/actions/T0TEAM/1/abc",
        "actions": [
            {
                "action_id": "knop-1",
                "block_id": "blok-1",
                "type": "button",
                "value": value,
                "text": {"type": "plain_text", "text": "Waarom?", "emoji": True},
                "action_ts": action_ts or new_ts(),
            }
        ],
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


@pytest.fixture
def slack(channel_server):
    """The shared real Sanic server (tests/channels/conftest.py) with the Slack blueprints."""
    state = channel_server.states["slack"]
    state.received.clear()
    SLACK_API.calls.clear()
    saved_limits = getattr(state.channel, "limits", None)
    yield SimpleNamespace(
        url=f"{channel_server.base}/slack/webhook",
        received=state.received,
        channel=state.channel,
        agent=channel_server.agent,
        api=SLACK_API,
        configured=channel_server.states["slack-kanaal"],
        configured_url=f"{channel_server.base}/slack-kanaal/webhook",
    )
    state.channel.limits = saved_limits
    state.channel.agent_override = None
    state.channel.silent = False


def post(url: str, body: bytes, headers: dict) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for_text(api: SlackWebAPI, text: str, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and text not in api.texts():
        time.sleep(0.05)


def test_correctly_signed_message_reaches_the_assistant_under_a_derived_id(slack):
    body = dm_event("in welk spoor zit ik?")
    status, _, _ = post(slack.url, body, signed_headers(body))
    wait_for(slack.received, 1)
    assert status == 200
    assert [(m.text, m.input_channel) for m in slack.received] == [("in welk spoor zit ik?", "slack")]
    conversation = slack.received[0].sender_id
    assert DERIVED.match(conversation) and "U1" not in conversation
    assert not is_secret_id(conversation)  # the REST channel would refuse it as a sender


def test_the_same_person_keeps_one_conversation_and_another_gets_another(slack):
    for text, user in (("hoi", "U1"), ("nog een vraag", "U1"), ("goedemiddag", "U2")):
        body = dm_event(text, user=user)
        post(slack.url, body, signed_headers(body))
    wait_for(slack.received, 3)
    # By text, not by order: U1's second message waits for the lock on U1's conversation, U2's does not.
    conversation = {m.text: m.sender_id for m in slack.received}
    assert conversation["hoi"] == conversation["nog een vraag"] != conversation["goedemiddag"]


def test_wrong_signature_is_rejected(slack):
    body = dm_event("hoi")
    status, _, _ = post(slack.url, body, signed_headers(body, secret="iets-anders"))
    time.sleep(0.2)
    assert status == 400 and slack.received == []


def test_stale_timestamp_is_rejected(slack):
    body = dm_event("hoi")
    status, _, _ = post(slack.url, body, signed_headers(body, timestamp=int(time.time()) - 301))
    time.sleep(0.2)
    assert status == 400 and slack.received == []


def test_a_retry_is_not_processed_twice(slack):
    body = dm_event("wat is spoor 2?", event_id="Ev-retry-1")
    first, _, _ = post(slack.url, body, signed_headers(body))
    retry_headers = {**signed_headers(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    retry, headers, _ = post(slack.url, body, retry_headers)
    time.sleep(0.3)
    assert (first, retry) == (200, 200)
    assert headers.get("X-Slack-No-Retry") == "1"
    assert len(slack.received) == 1


def test_url_verification_answers_with_the_challenge_itself(slack):
    # Slack: "respond in plaintext with the challenge attribute value" (or {"challenge": ...} as JSON);
    # Rasa answered with a JSON string, quotes included, which is neither.
    body = json.dumps(
        {
            "token": "verouderd-verificatietoken",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmd",
            "type": "url_verification",
        }
    ).encode()
    status, headers, answer = post(slack.url, body, signed_headers(body))
    assert status == 200
    assert answer == b"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmd"
    assert headers.get("content-type", headers.get("Content-Type", "")).startswith("text/plain")


def test_url_verification_without_a_valid_signature_is_refused(slack):
    body = json.dumps({"token": "x", "challenge": "abc", "type": "url_verification"}).encode()
    status, _, answer = post(slack.url, body, signed_headers(body, secret="iets-anders"))
    assert status == 400 and b"abc" not in answer


def test_a_button_click_is_processed_once_even_when_replayed(slack):
    body = button_click("/ask_why")
    headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
    first, _, _ = post(slack.url, body, headers)
    replay, _, _ = post(slack.url, body, headers)  # the same signed request again, within the 5 minutes
    time.sleep(0.3)
    assert (first, replay) == (200, 200)
    assert [m.text for m in slack.received] == ["/ask_why"]
    assert slack.received[0].metadata["personal_chat"] is True
    assert DERIVED.match(slack.received[0].sender_id)


def test_a_second_click_on_the_same_button_is_a_new_message(slack):
    for _ in range(2):
        body = button_click("/ask_why")  # a new action_ts: the person clicked again
        post(slack.url, body, signed_headers(body, content_type="application/x-www-form-urlencoded"))
    wait_for(slack.received, 2)
    assert [m.text for m in slack.received] == ["/ask_why", "/ask_why"]


def test_a_mention_is_answered_without_the_mention(slack):
    body = mention_event("wat is een probleemanalyse?", channel="C123")
    post(slack.url, body, signed_headers(body))
    wait_for(slack.received, 1)
    assert [m.text for m in slack.received] == ["wat is een probleemanalyse?"]
    assert slack.received[0].metadata["personal_chat"] is False


def test_a_mention_in_the_configured_channel_is_answered_once(slack):
    # In SLACK_CHANNEL every message is for the bot, and a mention there also comes as app_mention:
    # two events (two event ids) for one message.
    received = slack.configured.received
    received.clear()
    ts = new_ts()
    for body in (
        dm_event(f"<@{BOT_USER}> wat is spoor 2?", channel=CONFIGURED_CHANNEL, channel_type="channel", ts=ts),
        mention_event("wat is spoor 2?", channel=CONFIGURED_CHANNEL, ts=ts),
    ):
        assert post(slack.configured_url, body, signed_headers(body))[0] == 200
    time.sleep(0.4)
    assert [m.text for m in received] == ["wat is spoor 2?"]


def test_a_confirmed_erasure_deletes_the_conversation_and_says_so(slack):
    for text in ("in welk spoor zit ik?", "wis"):
        body = dm_event(text, user="U-wis")
        post(slack.url, body, signed_headers(body))
        wait_for(slack.received, 1 if text != "wis" else 2)
    wait_for_text(slack.api, ERASED_TEXT)
    conversation = slack.received[0].sender_id
    assert conversation not in slack.agent.tracker_store.store
    said = slack.api.texts()
    assert ERASED_TEXT in said and not {ERASE_FAILED_TEXT, STORE_FAILED_TEXT, NO_REPLY_TEXT} & set(said)
    assert "gesprek_gewist" not in json.dumps(slack.api.calls)  # the marker itself never reaches Slack


def test_an_erasure_that_fails_is_reported_and_never_claimed(slack):
    store = ReadOnlyStore()
    slack.channel.agent_override = SimpleNamespace(tracker_store=store, lock_store=slack.agent.lock_store)
    for text in ("in welk spoor zit ik?", "wis"):
        body = dm_event(text, user="U-readonly")
        post(slack.url, body, signed_headers(body))
        wait_for(slack.received, 1 if text != "wis" else 2)
    wait_for_text(slack.api, ERASE_FAILED_TEXT)
    said = slack.api.texts()
    assert ERASE_FAILED_TEXT in said and not {ERASED_TEXT, STORE_FAILED_TEXT, NO_REPLY_TEXT} & set(said)
    assert slack.received[0].sender_id in store.trackers  # indeed still there


def test_with_a_read_only_database_the_person_hears_it_and_erasure_is_not_claimed(slack, tmp_path):
    # The real tracker store on a real SQLite file, then the same file opened read-only
    # (SQLite's own mode=ro: file permissions do not stop root).
    path = tmp_path / "gesprekken.db"
    writable = PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))
    read_only = PrivateSQLTrackerStore(
        domain=Domain.empty(), dialect="sqlite", db=f"file:{path}", query={"mode": "ro", "uri": "true"}
    )
    slack.channel.agent_override = SimpleNamespace(tracker_store=writable, lock_store=slack.agent.lock_store)
    body = dm_event("in welk spoor zit ik?", user="U-alleen-lezen")
    post(slack.url, body, signed_headers(body))
    wait_for(slack.received, 1)
    conversation = slack.received[0].sender_id
    # Rasa's get_or_create_tracker writes the new conversation (action_listen) before the turn adds
    # the message: wait for both, or `stored` is taken half-way.
    for _ in range(100):
        if writable.count(conversation) >= 2:
            break
        time.sleep(0.05)
    stored = writable.count(conversation)
    assert stored and slack.api.texts() == [ANSWER]  # all well so far: nothing else to tell

    slack.channel.agent_override = SimpleNamespace(tracker_store=read_only, lock_store=slack.agent.lock_store)
    body = dm_event("nog een vraag", user="U-alleen-lezen")
    post(slack.url, body, signed_headers(body))
    wait_for_text(slack.api, STORE_FAILED_TEXT)
    assert slack.api.texts() == [ANSWER, ANSWER, STORE_FAILED_TEXT]  # not saved, and the person is told

    body = dm_event("wis", user="U-alleen-lezen")
    post(slack.url, body, signed_headers(body))
    wait_for_text(slack.api, ERASE_FAILED_TEXT)
    assert ERASE_FAILED_TEXT in slack.api.texts() and ERASED_TEXT not in slack.api.texts()
    assert writable.count(conversation) == stored  # indeed nothing was erased


def test_a_failing_turn_is_told_and_logged_without_the_message(slack, caplog):
    caplog.set_level(logging.DEBUG)
    body = dm_event("kapot", user="U-kapot")
    assert post(slack.url, body, signed_headers(body))[0] == 200
    wait_for_text(slack.api, STORE_FAILED_TEXT)
    assert slack.api.texts() == [STORE_FAILED_TEXT]
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "bericht kon niet worden afgehandeld (OSError)" in logged
    assert "kapot" not in logged and "U-kapot" not in logged


def test_a_turn_the_store_could_not_save_is_told(slack, monkeypatch):
    failed = []
    monkeypatch.setattr("connectors.chat_turn.turn_notice", lambda agent, sender: failed.append(sender) or STORE_FAILED)
    body = dm_event("in welk spoor zit ik?", user="U-niet-bewaard")
    post(slack.url, body, signed_headers(body))
    wait_for_text(slack.api, STORE_FAILED_TEXT)
    assert slack.api.texts() == [ANSWER, STORE_FAILED_TEXT]
    assert failed and failed[0] == slack.received[0].sender_id


def test_too_many_messages_get_the_dutch_limit_text_and_slack_still_gets_200(slack):
    slack.channel.limits = Limits(allowed=False)
    body = dm_event("nog een vraag", user="U-snel")
    status, headers, _ = post(slack.url, body, signed_headers(body))
    wait_for_text(slack.api, RATE_LIMITED_TEXT)
    assert status == 200  # else Slack would retry
    assert slack.api.texts() == [RATE_LIMITED_TEXT] and slack.received == []
    ((conversation, client),) = slack.channel.limits.calls
    assert DERIVED.match(conversation) and client is None


async def test_buttons_are_sent_as_interactive_blocks():
    SLACK_API.start()
    SLACK_API.calls.clear()
    bot = SpoorwijzerSlackBot("xoxb-test", "D123", None)
    bot.client.base_url = SLACK_API.url
    await bot.send_text_with_buttons(
        "U1",
        "Je zit in **week 10**.",
        [
            {"title": "Waarom?", "payload": "/ask_why"},
            {"title": "Hele tijdlijn", "payload": "/ask_timeline"},
        ],
    )
    assert len(SLACK_API.calls) == 1
    blocks = SLACK_API.calls[0]["blocks"]
    blocks = blocks if isinstance(blocks, list) else json.loads(blocks)
    assert blocks[0]["text"]["text"] == "Je zit in *week 10*."
    buttons = next(b for b in blocks if b["type"] == "actions")["elements"]
    assert [(b["type"], b["text"]["text"], b["value"]) for b in buttons] == [
        ("button", "Waarom?", "/ask_why"),
        ("button", "Hele tijdlijn", "/ask_timeline"),
    ]


async def test_text_is_converted_and_the_widget_payload_is_not_sent():
    SLACK_API.start()
    SLACK_API.calls.clear()
    bot = SpoorwijzerSlackBot("xoxb-test", "D123", None)
    bot.client.base_url = SLACK_API.url
    await bot.send_text_message("U1", "- **Probleemanalyse**: uiterlijk maandag 14 april 2025")
    await bot.send_custom_json("U1", {"type": "spoorwijzer_tijdlijn", "mijlpalen": []})
    assert SLACK_API.texts() == ["- *Probleemanalyse*: uiterlijk maandag 14 april 2025"]


def test_markdown_bold_becomes_slack_bold():
    assert to_slack_mrkdwn("**a** en **b c**") == "*a* en *b c*"


@pytest.mark.parametrize(
    "channel_type, channel, personal",
    [
        ("im", "D123", True),
        ("channel", "C123", False),
        ("group", "G123", False),
        ("mpim", "G456", False),
    ],
)
def test_only_a_direct_message_is_a_personal_chat(slack, channel_type, channel, personal):
    body = (
        dm_event("in welk spoor zit ik?")
        if channel_type == "im"
        else mention_event("in welk spoor zit ik?", channel=channel)
    )
    post(slack.url, body, signed_headers(body))
    wait_for(slack.received, 1)
    assert slack.received[0].metadata["personal_chat"] is personal


@pytest.mark.parametrize(
    "channel_type, channel, personal",
    [
        (None, "D0AB", True),
        (None, "C0AB", False),
        ("im", "D0AB", True),
        ("channel", "D0AB", False),
    ],
)
def test_direct_message_rule(channel_type, channel, personal):
    assert is_direct_message(channel_type, channel) is personal


def test_an_empty_reply_is_not_left_in_silence(slack):
    """Rasa answers every turn; no reply at all means it swallowed a failure (the action server down
    in the middle of the guide's form). The person hears that something went wrong (#25 item 5)."""

    slack.channel.silent = True
    body = dm_event("in welk spoor zit ik?", user="U-stilte")
    post(slack.url, body, signed_headers(body))
    wait_for_text(slack.api, NO_REPLY_TEXT)
    assert slack.api.texts() == [NO_REPLY_TEXT]
