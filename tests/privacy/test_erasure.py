"""Erasure says "gewist" only when nothing of the conversation is left (issue #25, item 2).

Before, with the store unable to write (SQLite read-only: 33 rows left; PostgreSQL stopped: 47
rows left) the bot still said "Klaar: dit gesprek is gewist". Here the same failures are made
for real and `erase` must answer False while the rows are still there.
"""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT, MARKER, erase, take_marker
from stores import closed_port, postgres_store, rows, save_conversation, sqlite_store

ROOT = Path(__file__).resolve().parents[2]


def agent_for(store, lock_store=None):
    return SimpleNamespace(tracker_store=FailSafeTrackerStore(store), lock_store=lock_store or InMemoryLockStore())


async def test_erasure_that_worked_is_verified(make_store):
    store = make_store()
    erased, kept = str(uuid.uuid4()), str(uuid.uuid4())
    await save_conversation(store, erased, ("ik ben sinds 3 maart ziek", "inform_sick_date"), ("wis", "confirm_erase"))
    await save_conversation(store, kept, ("hallo", "greet"))
    assert await erase(agent_for(store), erased) is True
    assert rows(store, erased) == [] and len(rows(store, kept)) == 3


async def test_sqlite_read_only_erasure_fails_and_says_so(tmp_path, caplog):
    path = tmp_path / "trackers.db"
    sender = str(uuid.uuid4())
    await save_conversation(sqlite_store(path), sender, *[(f"vraag {n}", "faq") for n in range(11)])
    assert len(rows(sqlite_store(path), sender)) == 33
    assert await erase(agent_for(sqlite_store(path, read_only=True)), sender) is False
    assert len(rows(sqlite_store(path), sender)) == 33  # really still there
    assert "vraag" not in caplog.text and sender not in caplog.text


async def test_postgresql_stopped_erasure_fails(caplog):
    sender = str(uuid.uuid4())
    assert await erase(agent_for(postgres_store(port=closed_port())), sender) is False
    assert sender not in caplog.text


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
    assert await erase(agent_for(store), sender) is False
    assert len(rows(store, sender)) == 1


async def test_erasure_without_the_conversation_lock_erases_nothing_and_says_so(tmp_path):
    """With Redis (the lock store) away, nothing is deleted and nothing claims it was."""

    class LockStoreAway:
        @asynccontextmanager
        async def lock(self, conversation_id):
            raise ConnectionError("redis weg")
            yield  # pragma: no cover

    store = sqlite_store(tmp_path / "trackers.db")
    sender = str(uuid.uuid4())
    await save_conversation(store, sender, ("hallo", "greet"))
    assert await erase(agent_for(store, LockStoreAway()), sender) is False
    assert len(rows(store, sender)) == 3


async def test_erasure_in_memory_and_with_an_unknown_store():
    memory = InMemoryTrackerStore(Domain.empty())
    await memory.save(DialogueStateTracker("gesprek", []))
    assert await erase(agent_for(memory), "gesprek") is True and "gesprek" not in memory.store
    unknown = SimpleNamespace(lock_store=InMemoryLockStore(), tracker_store=SimpleNamespace())
    assert await erase(unknown, "gesprek") is False


async def test_a_copy_in_rasas_memory_fallback_is_erased_too(tmp_path):
    store = sqlite_store(tmp_path / "trackers.db")
    agent = agent_for(store)
    agent.tracker_store.fallback_tracker_store.store["gesprek"] = "kopie"
    assert await erase(agent, "gesprek") is True
    assert "gesprek" not in agent.tracker_store.fallback_tracker_store.store


def test_the_marker_is_taken_out_of_what_is_sent():
    messages = [{"recipient_id": "x", "custom": {MARKER: True}}, {"recipient_id": "x", "text": "hoi"}]
    assert take_marker(messages) is True and messages == [{"recipient_id": "x", "text": "hoi"}]
    assert take_marker(messages) is False


def test_the_domain_response_claims_nothing_before_the_erasure():
    """utter_conversation_erased carries only the marker: the channel says whether it worked."""
    responses = yaml.safe_load((ROOT / "domain" / "privacy.yml").read_text())["responses"]
    variants = responses["utter_conversation_erased"]
    assert variants == [{"custom": {MARKER: True}}]


@pytest.mark.parametrize("text", [ERASED_TEXT, ERASE_FAILED_TEXT])
def test_the_texts_are_plain_dutch_with_je(text):
    assert " u " not in f" {text} " and "je" in text.lower()


def test_the_failure_text_says_what_to_do():
    assert "niet gelukt" in ERASE_FAILED_TEXT and "over een paar minuten" in ERASE_FAILED_TEXT
    assert "privacyfunctionaris" in ERASE_FAILED_TEXT and "HR" in ERASE_FAILED_TEXT
