"""The tracker store erases a conversation itself when the turn asks for it, and says "gewist"
only when nothing of it is left (issue #25, item 2; issue #28, step 1).

Before #25, with the store unable to write (SQLite read-only: 33 rows left; PostgreSQL stopped: 47
rows left) the bot still said "Klaar: dit gesprek is gewist". Before #28 the channels erased after
the turn. Here the confirmation turn is what Rasa makes of it (its own response action on the
project's domain), saved through the store's public `save`, with the same failures made for real;
the outcome is the turn's notice, which every channel sends.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from contextlib import asynccontextmanager
from types import SimpleNamespace

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered
from rasa.shared.core.trackers import DialogueStateTracker

from privacy.erasure import (
    ERASE_FAILED_TEXT,
    ERASED_TEXT,
    MARKER,
    asks_for_erasure,
    erase_verified,
)
from privacy.notices import STORE_FAILED
from privacy.store import PrivateInMemoryTrackerStore, turn_notice
from stores import (
    ROOT,
    closed_port,
    erase_reply,
    erase_turn,
    postgres_store,
    rows,
    save_conversation,
    sqlite_store,
    user,
)

SAID = "ik ben sinds 3 maart ziek"
GELUKT = {"recipient_id": "x", "text": ERASED_TEXT, "custom": {"gesprek_wissen": "gelukt"}}
MISLUKT = {"recipient_id": "x", "text": ERASE_FAILED_TEXT, "custom": {"gesprek_wissen": "mislukt"}}


def agent_for(store, lock_store=None):
    """Wrapped the way Rasa's server wraps every tracker store."""
    return SimpleNamespace(tracker_store=FailSafeTrackerStore(store), lock_store=lock_store or InMemoryLockStore())


def told(agent, sender):
    notice = turn_notice(agent, sender)
    return notice.as_message("x") if notice is not None else None


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def assert_no_content(caplog, sender):
    assert "3 maart" not in caplog.text and "vraag" not in caplog.text
    assert not [r for r in caplog.records if r.name.startswith("privacy") and sender in r.getMessage()]


async def test_the_store_erases_when_the_turn_asks_and_verifies_it(make_store, logs):
    store = make_store()
    agent = agent_for(store)
    erased, kept = str(uuid.uuid4()), str(uuid.uuid4())
    await save_conversation(store, erased, (SAID, "inform_sick_date"), ("wis mijn gesprek", "erase_conversation"))
    await save_conversation(store, kept, ("hallo", "greet"))
    await erase_turn(agent.tracker_store, erased)
    assert rows(store, erased) == []  # nothing of the conversation, nor of the confirming turn
    assert len(rows(store, kept)) == 3
    assert told(agent, erased) == GELUKT
    assert turn_notice(agent, erased) is None  # taken by the channel, once
    assert turn_notice(agent, kept) is None
    assert_no_content(logs, erased)


async def test_an_ordinary_turn_after_an_erasure_starts_afresh(make_store):
    store = make_store()
    agent, sender = agent_for(store), str(uuid.uuid4())
    await save_conversation(store, sender, (SAID, "inform_sick_date"))
    await erase_turn(agent.tracker_store, sender)
    assert told(agent, sender) == GELUKT
    await save_conversation(agent.tracker_store, sender, ("wat is spoor 2?", "faq"))
    assert turn_notice(agent, sender) is None  # an ordinary turn has nothing to tell
    assert [json.loads(row)["event"] for row in rows(store, sender)] == ["user", "action", "bot"]
    assert not [row for row in rows(store, sender) if "3 maart" in row]


async def test_sqlite_read_only_erasure_fails_and_says_so(tmp_path, logs):
    path = tmp_path / "trackers.db"
    sender = str(uuid.uuid4())
    await save_conversation(sqlite_store(path), sender, *[(f"vraag {n}", "faq") for n in range(11)])
    assert len(rows(sqlite_store(path), sender)) == 33
    agent = agent_for(sqlite_store(path, read_only=True))
    await erase_turn(agent.tracker_store, sender)
    assert told(agent, sender) == MISLUKT
    assert len(rows(sqlite_store(path), sender)) == 33  # really still there
    assert agent.tracker_store._fallback_tracker_store is None  # and no copy in Rasa's memory fallback
    assert_no_content(logs, sender)
    assert "Wissen mislukt: de trackerstore gaf een fout (OperationalError)." in logs.text


async def test_postgresql_stopped_erasure_fails_and_says_so(logs):
    agent, sender = agent_for(postgres_store(port=closed_port())), str(uuid.uuid4())
    tracker = DialogueStateTracker(sender, [])  # as Rasa starts one when nothing could be loaded
    tracker.update(user("/confirm_erase", "confirm_erase"))
    for event in await erase_reply(tracker):
        tracker.update(event)
    await agent.tracker_store.save(tracker)
    assert told(agent, sender) == MISLUKT
    assert agent.tracker_store._fallback_tracker_store is None
    assert_no_content(logs, sender)


async def test_erasure_checks_the_database_not_the_delete_statement(tmp_path):
    """A DELETE that reports success but leaves rows (here a trigger that skips them, as a
    replica's late write or a rule in the database could) is found by the count afterwards."""
    path = tmp_path / "trackers.db"
    store = sqlite_store(path)
    sender = str(uuid.uuid4())
    await save_conversation(store, sender, ("hallo", "greet"))
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TRIGGER keep BEFORE DELETE ON events WHEN OLD.type_name = 'user' BEGIN SELECT RAISE(IGNORE); END"
        )
    agent = agent_for(store)
    await erase_turn(agent.tracker_store, sender)
    assert told(agent, sender) == MISLUKT
    assert len(rows(store, sender)) == 1


async def test_a_conversation_that_could_not_be_loaded_is_still_erased_on_request(tmp_path):
    """The load failed (a locked database), so the store writes nothing of that turn; but a
    confirmed erasure needs no loaded conversation: it deletes by id, and verifies."""
    path = tmp_path / "trackers.db"
    sender = str(uuid.uuid4())
    await save_conversation(sqlite_store(path), sender, (SAID, "inform_sick_date"))
    agent = agent_for(sqlite_store(path, timeout="0.1"))
    lock = sqlite3.connect(path, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        tracker = await agent.tracker_store.get_or_create_tracker(sender)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    tracker.update(user("/confirm_erase", "confirm_erase"))
    for event in await erase_reply(tracker):
        tracker.update(event)
    await agent.tracker_store.save(tracker)
    assert told(agent, sender) == GELUKT
    assert rows(sqlite_store(path), sender) == []


class LockStoreAway:
    @asynccontextmanager
    async def lock(self, conversation_id, *args, **kwargs):
        raise ConnectionError("redis weg")
        yield  # pragma: no cover


async def test_without_the_conversation_lock_nothing_is_erased_and_nothing_claims_it(tmp_path):
    """With Redis (the lock store) away, Rasa's Agent never runs the turn: the store is not asked,
    nothing is deleted, no erasure is told (the channel says STORE_FAILED_TEXT, tests/channels)."""

    store = sqlite_store(tmp_path / "trackers.db")
    sender = str(uuid.uuid4())
    await save_conversation(store, sender, ("hallo", "greet"))
    agent = Agent(domain=Domain.empty(), tracker_store=store, lock_store=LockStoreAway())

    class Confirms:
        async def handle_message(self, message):  # pragma: no cover - must not run
            await erase_turn(agent.tracker_store, message.sender_id)

    agent.processor = Confirms()  # type: ignore[assignment]
    with pytest.raises(ConnectionError):
        await agent.handle_message(UserMessage("/confirm_erase", CollectingOutputChannel(), sender))
    assert len(rows(store, sender)) == 3
    assert turn_notice(agent, sender) is None


async def test_the_in_memory_store_erases_and_a_store_that_cannot_delete_says_so():
    memory = PrivateInMemoryTrackerStore(Domain.empty())
    agent = agent_for(memory)
    await save_conversation(memory, "gesprek", ("hallo", "greet"))
    await erase_turn(agent.tracker_store, "gesprek")
    assert told(agent, "gesprek") == GELUKT and "gesprek" not in memory.store

    class KeepsEverything(dict):
        def pop(self, *args):
            raise OSError(30, "Read-only file system")

    stuck = PrivateInMemoryTrackerStore(Domain.empty())
    stuck.store = KeepsEverything()
    agent = agent_for(stuck)
    await save_conversation(stuck, "gesprek", ("hallo", "greet"))
    await erase_turn(agent.tracker_store, "gesprek")
    assert told(agent, "gesprek") == MISLUKT and "gesprek" in stuck.store


async def test_a_store_that_is_not_spoorwijzers_claims_nothing():
    memory = InMemoryTrackerStore(Domain.empty())
    agent = agent_for(memory)
    await erase_turn(agent.tracker_store, "gesprek")
    assert turn_notice(agent, "gesprek") is None
    assert erase_verified(SimpleNamespace(), "gesprek") is False  # no delete/count: not erased


async def test_only_the_turn_being_saved_counts():
    tracker = DialogueStateTracker("gesprek", [])
    tracker.update(user("wis dit gesprek", "erase_conversation"))
    tracker.update(ActionExecuted("utter_confirm_erase"))
    tracker.update(BotUttered("Wil je dat ik dit hele gesprek wis?"))
    assert asks_for_erasure(tracker) is False  # asked, not yet confirmed
    tracker.update(user("ja", "affirm"))
    for event in await erase_reply(tracker):
        tracker.update(event)
    assert asks_for_erasure(tracker) is True
    tracker.update(ActionExecuted("action_listen"))
    assert asks_for_erasure(tracker) is True
    tracker.update(user("hallo", "greet"))  # a marker left by an earlier turn
    tracker.update(BotUttered("Hallo!"))
    assert asks_for_erasure(tracker) is False
    other = DialogueStateTracker("gesprek", [])
    other.update(user("hallo", "greet"))
    other.update(BotUttered(data={"custom": {"tijdlijn": []}}))  # another custom payload
    assert asks_for_erasure(other) is False


async def test_a_store_failure_and_an_erasure_are_one_notice_each(tmp_path):
    """A failed save tells STORE_FAILED; an erasure in a later turn replaces it with its outcome."""
    path = tmp_path / "trackers.db"
    sender = str(uuid.uuid4())
    await save_conversation(sqlite_store(path), sender, ("hallo", "greet"))
    agent = agent_for(sqlite_store(path, read_only=True))
    await save_conversation(agent.tracker_store, sender, ("nog een vraag", "faq"))
    assert turn_notice(agent, sender) == STORE_FAILED
    await erase_turn(agent.tracker_store, sender)
    assert told(agent, sender) == MISLUKT


def test_the_domain_response_claims_nothing_before_the_erasure():
    """utter_conversation_erased carries only the marker: the store's notice says whether it worked."""
    responses = yaml.safe_load((ROOT / "domain" / "privacy.yml").read_text())["responses"]
    variants = responses["utter_conversation_erased"]
    assert variants == [{"custom": {MARKER: True}}]


@pytest.mark.parametrize("text", [ERASED_TEXT, ERASE_FAILED_TEXT])
def test_the_texts_are_plain_dutch_with_je(text):
    assert " u " not in f" {text} " and "je" in text.lower()


def test_the_failure_text_says_what_to_do():
    assert "niet gelukt" in ERASE_FAILED_TEXT and "over een paar minuten" in ERASE_FAILED_TEXT
    assert "privacyfunctionaris" in ERASE_FAILED_TEXT and "HR" in ERASE_FAILED_TEXT
