"""The tracker store: Rasa's SQL store, keeping only what may be kept, and honest when it fails.

Chosen in endpoints.yml (SQLite, `make run`) and deploy/endpoints.yml (PostgreSQL, replicas)
as `type: privacy.store.PrivateSQLTrackerStore`.

- **What is written**: each new event as privacy/redaction.py allows (no medical or crisis
  text, no identifiers, no files). A turn's events are written in one transaction (Rasa's
  `save` adds them to one session and commits once), so a failing turn leaves nothing
  half-written.
- **Retention**: expired conversations are deleted at start and every hour
  (privacy/retention.py).
- **Erasure**: `delete` and `count`, used by privacy/erasure.py and the admin command.
- **Failures are not silent.** Rasa wraps every tracker store in a FailSafeTrackerStore: a
  failed save goes to an in-memory store that nothing reads (and that would keep the
  unredacted text), a failed load starts the conversation afresh, and the turn "succeeds".
  This store catches its own failures instead: it records them per conversation
  (`store_failed` tells the channel, which tells the person) and writes nothing for a
  conversation whose load failed, so a conversation rebuilt from nothing is never written
  on top of the stored one. `check_ready` answers the readiness endpoint.
- **No content in errors.** The engine is made with `hide_parameters=True`: a database
  error never prints the stored event JSON or a conversation id, and failures are logged
  by their kind only.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import (
    InMemoryTrackerStore,
    SQLTrackerStore,
    TrackerStore,
    create_engine_kwargs,
)
from rasa.shared.core.trackers import DialogueStateTracker

from privacy import retention
from privacy.redaction import as_stored

logger = logging.getLogger(__name__)

LOAD, SAVE = "laden", "opslaan"
REMEMBERED_FAILURES = 10_000  # per process; the channel takes each flag after its turn
READY_TIMEOUT_SECONDS = 5.0


class PrivateSQLTrackerStore(SQLTrackerStore):
    # The retention period is applied by the stores that serve conversations (every Rasa server).
    # The admin erase command switches it off: erasing one id must not also delete other people's
    # expired conversations, nor fail on a retention setting meant for the servers.
    applies_retention = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._use_quiet_engine()
        self._failures: "OrderedDict[str, str]" = OrderedDict()  # conversation → what failed
        self._not_loaded: set = set()  # conversations whose last load failed: not written
        if not self.applies_retention:
            return
        self.retention_days = retention.retention_days()
        interval = retention.interval_seconds()
        retention.purge_safely(self)  # at start; a database that is away must not stop the server
        thread = threading.Thread(target=retention.purge_every, args=(self, interval), name="retention", daemon=True)
        thread.start()

    def _use_quiet_engine(self) -> None:
        """Rasa's engine again, with hide_parameters=True: no event JSON or id in any error text."""
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, hide_parameters=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    # --- what is written -------------------------------------------------------------------

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        return (as_stored(event) for event in super()._additional_events(session, tracker))

    # --- failures are recorded, not swallowed by Rasa's fallback -----------------------------

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        try:
            tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        except Exception as error:  # noqa: BLE001 - recorded and logged by kind
            self._not_loaded.add(sender_id)
            self._record(sender_id, LOAD, error)
            return None
        self._not_loaded.discard(sender_id)
        self._failures.pop(sender_id, None)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        sender_id = tracker.sender_id
        if sender_id in self._not_loaded:
            # Built without the stored conversation: writing it would mix two conversations.
            self._record(sender_id, SAVE, None)
            return
        try:
            await super().save(tracker)
        except Exception as error:  # noqa: BLE001 - recorded and logged by kind
            self._record(sender_id, SAVE, error)
            return
        self._failures.pop(sender_id, None)

    def _record(self, sender_id: Text, what: str, error: Optional[BaseException]) -> None:
        self._failures[sender_id] = what
        self._failures.move_to_end(sender_id)
        while len(self._failures) > REMEMBERED_FAILURES:
            self._failures.popitem(last=False)
        reason = type(error).__name__ if error is not None else "gesprek niet geladen"
        logger.error("Trackerstore: %s van een gesprek mislukt (%s).", what, reason)

    def take_failure(self, sender_id: Text) -> bool:
        return self._failures.pop(sender_id, None) is not None

    # --- retention and erasure --------------------------------------------------------------

    def purge_inactive(self, now: Optional[float] = None) -> int:
        return retention.purge_inactive(self, self.retention_days, now)

    def delete(self, sender_id: Text) -> int:
        """Deletes one conversation (one statement, so all or nothing); returns the events removed."""
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        self._not_loaded.discard(sender_id)
        self._failures.pop(sender_id, None)
        return deleted

    def count(self, sender_id: Text) -> int:
        """How many events of one conversation the database holds now (a fresh query)."""
        with self.session_scope() as session:
            return session.query(sa.func.count(self.SQLEvent.id)).filter(self.SQLEvent.sender_id == sender_id).scalar()

    def probe(self) -> Optional[str]:
        """None when the database answers and accepts writes; else a short reason without content.

        A DELETE that matches nothing, rolled back: refused by a read-only SQLite file and by
        a read-only PostgreSQL transaction, and it writes nothing."""
        try:
            with self.engine.connect() as connection:
                transaction = connection.begin()
                try:
                    connection.execute(sa.delete(self.SQLEvent.__table__).where(sa.false()))
                finally:
                    transaction.rollback()
        except Exception as error:  # noqa: BLE001 - the reason is the kind of error only
            return f"trackerstore niet bruikbaar ({type(error).__name__})"
        return None


def unwrapped(store: Optional[TrackerStore], kind: type) -> Optional[Any]:
    """The store of `kind` inside Rasa's wrappers (FailSafeTrackerStore, AwaitableTrackerStore), if any."""
    for _ in range(5):
        if store is None or isinstance(store, kind):
            return store
        store = getattr(store, "_tracker_store", None)
    return None


def private_store(store: Optional[TrackerStore]) -> Optional[PrivateSQLTrackerStore]:
    return unwrapped(store, PrivateSQLTrackerStore)


def store_failed(agent: Any, sender_id: str) -> bool:
    """True when this process's last load or save of that conversation failed; the flag is cleared."""
    store = private_store(getattr(agent, "tracker_store", None))
    return store.take_failure(sender_id) if store is not None else False


async def check_ready(agent: Any) -> Optional[str]:
    """None when the tracker store answers; else a short reason without personal data."""
    tracker_store = getattr(agent, "tracker_store", None)
    store = private_store(tracker_store)
    if store is None:
        if unwrapped(tracker_store, InMemoryTrackerStore) is not None:
            return None  # tests and `rasa shell`: memory always answers
        return "geen trackerstore van Spoorwijzer"
    try:
        return await asyncio.wait_for(asyncio.to_thread(store.probe), READY_TIMEOUT_SECONDS)
    except asyncio.TimeoutError:
        return f"trackerstore antwoordt niet binnen {READY_TIMEOUT_SECONDS:.0f} s"
