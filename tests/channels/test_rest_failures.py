"""When a store fails, the person gets an honest Dutch answer, never silence or a false "gewist" (#25, 2, 5).

Rasa's real Agent (Agent.handle_message takes the conversation's lock, as in production) with real
stores (Rasa's lock stores; Spoorwijzer's tracker stores, in memory or on a real SQLite file); only
the processor, which needs a trained model, is a stand-in that stores a turn the way Rasa does. The
erasure reply is the one in domain/privacy.yml; the store erases when it saves that turn
(privacy/store.py), the channel only passes on the store's notice.
"""

from __future__ import annotations

import copy
import json
import uuid
import urllib.error
import urllib.request

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered

from connectors import guarded_rest
from connectors.guarded_rest import NO_REPLY_TEXT, GuardedRestInput
from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT
from privacy.notices import STORE_FAILED, STORE_FAILED_TEXT
from privacy.store import PrivateInMemoryTrackerStore, PrivateSQLTrackerStore
from tests.channels.rest_server import rest_server
from tests.live_checks import free_port

ERASE_REPLY = Domain.load("domain").responses["utter_conversation_erased"][0]


class ReadOnlyConversations(dict):
    """The conversations of a store that can no longer write (a read-only SQLite file, a stopped database)."""

    def pop(self, *args):
        raise OSError(30, "Read-only file system")

    def __delitem__(self, key):
        raise OSError(30, "Read-only file system")

    def clear(self):
        raise OSError(30, "Read-only file system")


class Turn:
    """Stands in for Rasa's MessageProcessor: stores the user message and the replies, then answers.

    A message starting with "wis" gets the domain's erasure reply, any other one `reply`."""

    def __init__(self, agent: Agent, reply=None, error: Exception | None = None) -> None:
        self.agent, self.reply, self.error, self.handled = agent, reply, error, []

    async def handle_message(self, message: UserMessage) -> None:
        self.handled.append(message.text)
        tracker = await self.agent.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        if self.error is not None:
            raise self.error
        reply = copy.deepcopy(ERASE_REPLY if message.text.startswith("wis") else self.reply)
        if reply is not None:
            tracker.update(BotUttered(reply.get("text"), data={"custom": reply.get("custom")}))
            await message.output_channel.send_response(message.sender_id, reply)  # (Rasa pops keys from it)
        await self.agent.tracker_store.save(tracker)


def make_agent(tracker_store=None, lock_store=None, **turn) -> Agent:
    agent = Agent(
        domain=Domain.empty(),
        tracker_store=tracker_store or PrivateInMemoryTrackerStore(Domain.empty()),
        lock_store=lock_store or InMemoryLockStore(),
    )
    agent.processor = Turn(agent, **turn)  # type: ignore[assignment]
    return agent


@pytest.fixture
def channel(monkeypatch):
    monkeypatch.delenv("REDIS_HOST", raising=False)
    return GuardedRestInput()


async def send(channel, agent, text="wis mijn gesprek", sender=None, message_id=None):
    channel._agent = agent
    message = UserMessage(
        text,
        CollectingOutputChannel(),
        sender or str(uuid.uuid4()),
        metadata={"message_id": message_id} if message_id else None,
    )
    await channel.handle(message, agent.handle_message)
    return message.output_channel.messages


def texts(messages):
    return [m.get("text") for m in messages]


async def test_erasure_that_cannot_delete_says_so_and_never_gewist(channel):
    store = PrivateInMemoryTrackerStore(Domain.empty())
    store.store = ReadOnlyConversations()
    agent = make_agent(store, reply={"text": "Genoteerd."})
    sender = str(uuid.uuid4())
    await send(channel, agent, "ik heb een hernia, mijn BSN is 111222333", sender)  # something to erase
    replies = await send(channel, agent, "wis dit gesprek", sender)
    assert replies[-1] == {"recipient_id": sender, "text": ERASE_FAILED_TEXT, "custom": {"gesprek_wissen": "mislukt"}}
    assert ERASED_TEXT not in texts(replies)
    assert not any("gewist" in (text or "") for text in texts(replies)), replies
    assert all("gesprek_gewist" not in (m.get("custom") or {}) for m in replies)  # the marker stays inside
    assert await agent.tracker_store.retrieve(sender) is not None  # indeed still there


async def test_erasure_that_worked_says_gelukt_and_the_conversation_is_gone(channel):
    agent = make_agent(reply={"text": "Genoteerd."})
    sender = str(uuid.uuid4())
    await send(channel, agent, "ik ben sinds 3 maart ziek", sender)
    replies = await send(channel, agent, "wis dit gesprek", sender)
    assert replies == [{"recipient_id": sender, "text": ERASED_TEXT, "custom": {"gesprek_wissen": "gelukt"}}]
    assert await agent.tracker_store.retrieve(sender) is None


def sqlite_stores(path):
    """Spoorwijzer's store on a real SQLite file, and the same file opened read-only (SQLite's own
    mode=ro: file permissions do not stop root)."""
    writable = PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))
    read_only = PrivateSQLTrackerStore(
        domain=Domain.empty(), dialect="sqlite", db=f"file:{path}", query={"mode": "ro", "uri": "true"}
    )
    return writable, read_only


async def test_erasure_in_a_real_database_is_verified_and_the_widget_hears_gelukt(channel, tmp_path, monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    writable, _ = sqlite_stores(tmp_path / "gesprekken.db")
    agent = make_agent(writable, reply={"text": "Genoteerd."})
    assert isinstance(agent.tracker_store, FailSafeTrackerStore)  # wrapped, as on the server
    sender, other = str(uuid.uuid4()), str(uuid.uuid4())
    for who in (sender, other):
        assert texts(await send(channel, agent, "ik ben sinds 3 maart ziek", who)) == ["Genoteerd."]
    kept = writable.count(other)
    replies = await send(channel, agent, "wis dit gesprek", sender)
    assert replies == [{"recipient_id": sender, "text": ERASED_TEXT, "custom": {"gesprek_wissen": "gelukt"}}]
    assert writable.count(sender) == 0 and kept and writable.count(other) == kept
    assert texts(await send(channel, agent, "hallo", sender)) == ["Genoteerd."]  # afresh, nothing to tell


async def test_erasure_in_a_read_only_database_says_mislukt_and_keeps_the_id(channel, tmp_path, monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    writable, read_only = sqlite_stores(tmp_path / "gesprekken.db")
    sender = str(uuid.uuid4())
    await send(channel, make_agent(writable, reply={"text": "Genoteerd."}), "ik ben sinds 3 maart ziek", sender)
    stored = writable.count(sender)
    agent = make_agent(read_only, reply={"text": "Genoteerd."})
    assert texts(await send(channel, agent, "nog een vraag", sender)) == [STORE_FAILED_TEXT]
    replies = await send(channel, agent, "wis dit gesprek", sender)
    assert replies == [{"recipient_id": sender, "text": ERASE_FAILED_TEXT, "custom": {"gesprek_wissen": "mislukt"}}]
    assert stored and writable.count(sender) == stored  # indeed nothing was erased


async def test_a_failing_erasure_turn_claims_nothing(channel):
    """The turn breaks before Rasa saves it: the store was never asked, so nothing is said about
    erasure, only that something went wrong; the marker never reaches the widget."""
    agent = make_agent(error=ConnectionError("database weg"))
    replies = await send(channel, agent, "wis dit gesprek")
    assert texts(replies) == [STORE_FAILED_TEXT]


@pytest.mark.parametrize("error", [ConnectionError("database weg"), RuntimeError("actieserver"), KeyError("slot")])
async def test_a_failing_turn_gets_the_store_failed_text(channel, error):
    agent = make_agent(error=error)
    replies = await send(channel, agent, "in welk spoor zit ik?")
    assert texts(replies) == [STORE_FAILED_TEXT]


async def test_replies_of_a_turn_that_was_not_saved_are_replaced(channel, monkeypatch):
    agent = make_agent(reply={"text": "Je zit in spoor 1."})
    sender = str(uuid.uuid4())
    failed = {sender}

    def turn_notice(agent_, sender_id):  # privacy.store's contract: the notice once, then cleared
        if sender_id in failed:
            failed.discard(sender_id)
            return STORE_FAILED
        return None

    monkeypatch.setattr(guarded_rest, "turn_notice", turn_notice)
    assert texts(await send(channel, agent, "in welk spoor zit ik?", sender)) == [STORE_FAILED_TEXT]
    assert texts(await send(channel, agent, "in welk spoor zit ik?", sender)) == ["Je zit in spoor 1."]


async def test_an_empty_reply_still_gets_a_polite_message(channel):
    assert texts(await send(channel, make_agent(reply=None), "hoi")) == [NO_REPLY_TEXT]


@pytest.fixture
def closed_port():
    return free_port()  # nothing listens there: Redis is down


async def test_redis_down_gives_the_store_failed_text_and_not_ready(channel, closed_port):
    agent = make_agent(
        lock_store=RedisLockStore(host="127.0.0.1", port=closed_port, socket_timeout=1),
        reply={"text": "Je zit in spoor 1."},
    )
    assert texts(await send(channel, agent, "in welk spoor zit ik?")) == [STORE_FAILED_TEXT]
    # A retry of a message (same message_id) looks in the store under the lock: also honest.
    assert await channel.seen_messages.first_time("bericht-00000001")
    retry = await send(channel, agent, "in welk spoor zit ik?", message_id="bericht-00000001")
    assert texts(retry) == [STORE_FAILED_TEXT]
    assert agent.processor.handled == []  # the lock was never had, so the turn never ran
    reason = await guarded_rest.readiness(agent)
    assert reason and reason.startswith("redis_lock_store_onbereikbaar")


async def test_ready_when_the_stores_answer():
    assert await guarded_rest.readiness(make_agent()) is None
    assert await guarded_rest.readiness(None) == "agent_niet_geladen"
    not_loaded = make_agent()
    not_loaded.processor = None
    assert await guarded_rest.readiness(not_loaded) == "model_niet_geladen"


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_server_whose_redis_is_down_says_so_everywhere_and_logs_no_text(tmp_path):
    """The whole path with Redis down (a closed port), logging at DEBUG as an operator debugging would."""
    marker = f"borstkanker-{uuid.uuid4().hex[:8]}"
    sender = str(uuid.uuid4())
    with rest_server(
        tmp_path, REST_TEST_LOCK_STORE=f"redis:{free_port()}", REST_TEST_LOG_LEVEL="DEBUG", LOG_LEVEL_LIBRARIES="DEBUG"
    ) as server:
        request = urllib.request.Request(
            f"{server.base}/webhooks/rest/webhook",
            method="POST",
            headers={"Content-Type": "application/json"},
            data=json.dumps({"sender": sender, "message": f"ik heb {marker}, BSN 111222333"}).encode(),
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status == 200
            assert json.loads(answer.read()) == [{"recipient_id": sender, "text": STORE_FAILED_TEXT}]
        status, body = get(f"{server.base}/webhooks/rest/ready")
        assert status == 503 and body["status"] == "niet_klaar"
        assert body["reden"].startswith("redis_lock_store_onbereikbaar")
        assert get(f"{server.base}/webhooks/rest/") == (200, {"status": "ok"})  # liveness: the process runs
        log = server.log()
    assert "Een bericht via REST kon niet verwerkt worden" in log  # the failure is in the log ...
    for secret in (marker, "111222333", sender):  # ... without what the person wrote or who it was
        assert secret not in log


def post_message(base, sender, text):
    request = urllib.request.Request(
        f"{base}/webhooks/rest/webhook",
        method="POST",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"sender": sender, "message": text}).encode(),
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status, json.loads(answer.read())


def test_a_server_erases_on_request_and_the_widget_gets_the_outcome(tmp_path):
    """Over HTTP through Rasa's own app (tests/channels/rest_server.py): the confirming turn gives
    exactly one message, the outcome with its field for the widget; the marker stays inside."""
    sender = str(uuid.uuid4())
    with rest_server(tmp_path) as server:
        assert post_message(server.base, sender, "hallo") == (200, [{"recipient_id": sender, "text": "Antwoord."}])
        status, replies = post_message(server.base, sender, "wis dit gesprek")
        assert status == 200
        assert replies == [{"recipient_id": sender, "text": ERASED_TEXT, "custom": {"gesprek_wissen": "gelukt"}}]
        log = server.log()
    assert "hallo" not in log and sender not in log


async def test_readiness_is_probed_at_most_once_per_few_seconds(monkeypatch):
    """/ready is public (it goes through nginx and the ingress): a flood of requests may not become a
    flood of database probes. The answer comes from a probe of at most READY_CACHE_SECONDS ago."""
    probes = []

    async def probe(agent):
        probes.append(agent)
        return None

    monkeypatch.setattr(guarded_rest, "check_ready", probe)
    agent = make_agent()
    for _ in range(50):
        assert await guarded_rest.readiness(agent) is None
    assert len(probes) == 1
    clock = guarded_rest.time.monotonic() + guarded_rest.READY_CACHE_SECONDS + 1
    monkeypatch.setattr(guarded_rest.time, "monotonic", lambda: clock)
    await guarded_rest.readiness(agent)
    assert len(probes) == 2  # and again once the answer is older than that
