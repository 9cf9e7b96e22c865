"""A failing tracker store is never silent and never half-written (issue #25, items 2 and 5).

Rasa wraps the store in FailSafeTrackerStore, as the server does (rasa/core/agent.py). The
failures are real: a SQLite file opened read-only (SQLite refuses the write itself; chmod
would not stop root), a PostgreSQL port where nothing listens (a stopped server), a SQLite
lock held by another connection, and a trigger that aborts a turn half-way.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered

from privacy.notices import STORE_FAILED
from privacy.store import check_ready, turn_notice
from stores import closed_port, postgres_store, rows, save_conversation, sqlite_store, user

SAID = "mijn eerste ziektedag was 3 maart en mijn leidinggevende heet Jansen"


def agent_for(store):
    return SimpleNamespace(tracker_store=FailSafeTrackerStore(store), lock_store=InMemoryLockStore())


async def a_turn(agent, sender: str, text: str = SAID) -> None:
    """What Rasa's processor does with the store in one turn: load (or create), add, save."""
    tracker = await agent.tracker_store.get_or_create_tracker(sender)
    tracker.update(user(text, "inform_sick_date"))
    tracker.update(ActionExecuted("utter_x"))
    tracker.update(BotUttered("Dank je, ik reken het uit."))
    await agent.tracker_store.save(tracker)


@pytest.fixture
def quiet_logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def assert_no_content(text: str, sender: str) -> None:
    assert SAID not in text and "Jansen" not in text and "3 maart" not in text
    assert sender not in text


def assert_logs_without_content(caplog, sender: str) -> None:
    """No message text in any log; no conversation id in ours. (Rasa's own debug lines name the
    id: spoorwijzer_rasa/log_safety.py deals with Rasa's logging.)"""
    assert_no_content(caplog.text.replace(sender, ""), sender)
    assert not [r for r in caplog.records if r.name.startswith("privacy") and sender in r.getMessage()]


async def test_healthy_store_reports_no_failure(tmp_path):
    store = sqlite_store(tmp_path / "trackers.db")
    agent, sender = agent_for(store), str(uuid.uuid4())
    await a_turn(agent, sender)
    assert turn_notice(agent, sender) is None
    assert await check_ready(agent) is None
    assert len(rows(store, sender)) == 4  # action_listen, user, action, bot


async def test_sqlite_not_writable_is_reported_per_conversation(tmp_path, quiet_logs):
    path = tmp_path / "trackers.db"
    sender, other = str(uuid.uuid4()), str(uuid.uuid4())
    await save_conversation(sqlite_store(path), sender, ("hallo", "greet"))
    before = len(rows(sqlite_store(path), sender))
    agent = agent_for(sqlite_store(path, read_only=True))
    await a_turn(agent, sender)
    assert turn_notice(agent, sender) == STORE_FAILED
    assert turn_notice(agent, sender) is None  # the notice is taken by the call
    assert turn_notice(agent, other) is None  # per conversation
    reason = await check_ready(agent)
    assert reason and "OperationalError" in reason and sender not in reason
    assert len(rows(sqlite_store(path), sender)) == before  # nothing of the turn was written
    assert agent.tracker_store._fallback_tracker_store is None  # and no unredacted copy in memory
    assert_logs_without_content(quiet_logs, sender)


async def test_postgresql_stopped_is_reported_and_nothing_is_kept_in_memory(quiet_logs):
    agent, sender = agent_for(postgres_store(port=closed_port())), str(uuid.uuid4())
    await a_turn(agent, sender)
    assert turn_notice(agent, sender) == STORE_FAILED
    reason = await check_ready(agent)
    assert reason and "OperationalError" in reason
    assert agent.tracker_store._fallback_tracker_store is None
    assert_logs_without_content(quiet_logs, sender)


async def test_a_conversation_that_could_not_be_loaded_is_not_overwritten(tmp_path):
    """A locked database makes the load fail; Rasa would start the conversation afresh and save
    that on top of the stored one. The store refuses that save and says so."""
    path = tmp_path / "trackers.db"
    sender = str(uuid.uuid4())
    await save_conversation(sqlite_store(path), sender, ("ik ben sinds 3 maart ziek", "inform_sick_date"))
    stored = rows(sqlite_store(path), sender)
    agent = agent_for(sqlite_store(path, timeout="0.1"))
    lock = sqlite3.connect(path, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # another process writing: readers wait, then give up
    try:
        tracker = await agent.tracker_store.get_or_create_tracker(sender)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert [e.type_name for e in tracker.events] == ["action"]  # started afresh, as Rasa does
    tracker.update(user("hallo", "greet"))
    await agent.tracker_store.save(tracker)  # the database answers again, but this must not be written
    assert turn_notice(agent, sender) == STORE_FAILED
    assert rows(sqlite_store(path), sender) == stored
    await a_turn(agent, sender, "wat is spoor 2?")  # the next turn loads the whole conversation again
    assert turn_notice(agent, sender) is None
    assert len(rows(sqlite_store(path), sender)) == len(stored) + 3


async def test_a_turn_is_written_whole_or_not_at_all(tmp_path):
    """The database refuses the turn's last event: none of the turn's events may stay."""
    path = tmp_path / "trackers.db"
    store = sqlite_store(path)
    agent, sender = agent_for(store), str(uuid.uuid4())
    await a_turn(agent, sender, "hallo")
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TRIGGER refuse_bot BEFORE INSERT ON events WHEN NEW.type_name = 'bot' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    await a_turn(agent, sender)
    assert turn_notice(agent, sender) == STORE_FAILED
    assert [json.loads(row)["event"] for row in rows(store, sender)] == ["action", "user", "action", "bot"]


@pytest.mark.parametrize("failure", ["IntegrityError", "OperationalError"])
async def test_database_errors_carry_no_message_text(tmp_path, failure):
    """SQLAlchemy prints the statement's parameters (the event JSON) in its errors, unless the
    engine hides them."""
    path = tmp_path / "trackers.db"
    store = sqlite_store(path)
    await save_conversation(store, str(uuid.uuid4()), ("hallo", "greet"))
    if failure == "IntegrityError":
        with sqlite3.connect(path) as db:
            db.execute("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused'); END")
    else:
        store = sqlite_store(path, read_only=True)
    sender = str(uuid.uuid4())
    event = user(SAID, "inform_sick_date")
    row = {"sender_id": sender, "type_name": "user", "timestamp": time.time(), "data": json.dumps(event.as_dict())}
    with pytest.raises(sa.exc.DBAPIError) as raised:
        with store.engine.begin() as connection:
            connection.execute(store.SQLEvent.__table__.insert(), row)
    assert type(raised.value).__name__ == failure
    assert_no_content(str(raised.value), sender)


async def test_readiness_of_memory_and_of_a_foreign_store():
    from rasa.core.tracker_store import InMemoryTrackerStore
    from rasa.shared.core.domain import Domain

    assert await check_ready(agent_for(InMemoryTrackerStore(Domain.empty()))) is None
    assert await check_ready(SimpleNamespace(tracker_store=None)) == "geen trackerstore van Spoorwijzer"
    assert turn_notice(agent_for(InMemoryTrackerStore(Domain.empty())), "x") is None


async def test_a_store_that_starts_while_postgresql_is_down_comes_up(quiet_logs):
    """The start-up purge fails; the server starts anyway and readiness says why."""
    store = postgres_store(port=closed_port())
    assert store.probe() is not None
    assert "Bewaartermijn: opruimen mislukt (OperationalError)" in quiet_logs.text


async def test_the_real_postgresql_reports_healthy_when_it_runs(make_store):
    store = make_store()
    agent, sender = agent_for(store), str(uuid.uuid4())
    await a_turn(agent, sender)
    assert turn_notice(agent, sender) is None and await check_ready(agent) is None
