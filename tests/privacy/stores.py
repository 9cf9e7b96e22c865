"""Real tracker stores for the privacy tests: a SQLite file, and (when `make test` has started
it, SPOORWIJZER_TEST_POSTGRES=1) the replicated set-up's PostgreSQL; conftest.py makes them a
fixture. Failures are made for real: a SQLite file opened read-only, a PostgreSQL port where
nothing listens, a database lock."""

from __future__ import annotations

import functools
import os
import socket
import time
from pathlib import Path
from typing import Optional

from rasa.core.actions.action import ActionBotResponse
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from privacy.store import PrivateSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]
ERASE_RESPONSE = "utter_conversation_erased"

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("SPOORWIJZER_TEST_POSTGRES") else [])


def sqlite_store(path: Path, read_only: bool = False, **query: str) -> PrivateSQLTrackerStore:
    """A store on a SQLite file. Read-only the way SQLite itself enforces it (URI mode=ro):
    chmod does not stop root, who runs these tests in CI, from writing."""
    if read_only:
        query.update(mode="ro", uri="true")
        return PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=f"file:{path}", query=query)
    return PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path), query=query or None)


def postgres_store(port: Optional[int] = None) -> PrivateSQLTrackerStore:
    return PrivateSQLTrackerStore(
        domain=Domain.empty(),
        dialect="postgresql",
        host=os.environ.get("DB_HOST", "127.0.0.1"),
        port=port or int(os.environ["DB_PORT"]),
        db=os.environ.get("DB_NAME", "spoorwijzer"),
        username=os.environ.get("DB_USER", "spoorwijzer"),
        password=os.environ.get("DB_PASSWORD", "x"),
    )


def closed_port() -> int:
    """A loopback port where nothing listens: a stopped PostgreSQL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rows(store: PrivateSQLTrackerStore, sender: str) -> list[str]:
    # In the order they were written: without ORDER BY, PostgreSQL may return a table's rows in any order (a clean
    # clone once read ["action", "bot", "user"] for one turn).
    with store.session_scope() as session:
        query = session.query(store.SQLEvent.data).filter(store.SQLEvent.sender_id == sender)
        return [data for (data,) in query.order_by(store.SQLEvent.id)]


def user(text: str, intent: str = "greet", at: Optional[float] = None, entities: Optional[list] = None) -> UserUttered:
    stamp = at if at is not None else time.time()
    return UserUttered(
        text,
        intent={"name": intent, "confidence": 1.0},
        entities=entities,
        timestamp=stamp,
        parse_data={"text": text, "intent": {"name": intent}, "entities": entities or []},
    )


async def save_conversation(store, sender: str, *messages: tuple[str, str], at: Optional[float] = None) -> None:
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, [])
    for text, intent in messages:
        stamp = at if at is not None else time.time()
        tracker.update(user(text, intent, stamp))
        tracker.update(ActionExecuted("utter_x", timestamp=stamp))
        tracker.update(BotUttered("antwoord", timestamp=stamp))
    await store.save(tracker)


@functools.lru_cache(maxsize=1)
def project_domain() -> Domain:
    return Domain.load(ROOT / "domain")


async def erase_reply(tracker: DialogueStateTracker) -> list:
    """The events Rasa's own response action adds for the confirmation, from the real domain."""
    domain = project_domain()
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    action = ActionBotResponse(ERASE_RESPONSE)
    return [ActionExecuted(ERASE_RESPONSE), *await action.run(CollectingOutputChannel(), nlg, tracker, domain)]


async def erase_turn(tracker_store, sender: str, text: str = "ja") -> DialogueStateTracker:
    """One turn in which the person confirms erasure, as Rasa's processor does it: load (or create),
    the user message, the response action's events, save at the end."""
    tracker = await tracker_store.get_or_create_tracker(sender)
    tracker.update(user(text, "affirm"))
    for event in await erase_reply(tracker):
        tracker.update(event)
    tracker.update(ActionExecuted("action_listen"))
    await tracker_store.save(tracker)
    return tracker
