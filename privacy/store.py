"""The tracker store: Rasa's SQL store, keeping only what may be kept, erasing on request, honest when it fails.

Chosen in endpoints.yml (SQLite, `make run`) and deploy/endpoints.yml (PostgreSQL, replicas)
as `type: privacy.store.PrivateSQLTrackerStore`.

- **What is written**: each new event as privacy/redaction.py allows (no medical or crisis
  text, no identifiers, no files). A turn's events are written in one transaction (Rasa's
  `save` adds them to one session and commits once), so a failing turn leaves nothing
  half-written.
- **Erasure on request** is decided here, in the public `save`: when the turn being saved gave
  the erase reply (privacy/erasure.py), nothing of it is written and the conversation is
  deleted and verified instead. Rasa calls `save` under the conversation's lock, so no other
  message of it is handled meanwhile. `delete` and `count` also serve the admin command.
- **Retention**: expired conversations are deleted at start and every hour
  (privacy/retention.py).
- **The turn's notice.** What the person must hear about a turn, the store records per
  conversation: a failed load or save (STORE_FAILED), or the outcome of an erasure. Each
  channel takes it after the turn (`turn_notice`) and sends it instead of the turn's replies;
  the channels do not need to know what it is about.
- **Failures are not silent.** Rasa wraps every tracker store in a FailSafeTrackerStore: a
  failed save goes to an in-memory store that nothing reads (and that would keep the
  unredacted text), a failed load starts the conversation afresh, and the turn "succeeds".
  This store catches its own failures instead (its `save` never raises, so Rasa's fallback
  never receives a copy): it records them as the turn's notice and writes nothing for a
  conversation whose load failed, so a conversation rebuilt from nothing is never written
  on top of the stored one. `check_ready` answers the readiness endpoint.
- **No content in errors.** The engine is made with `hide_parameters=True`: a database
  error never prints the stored event JSON or a conversation id, and failures are logged
  by their kind only.

PrivateInMemoryTrackerStore is Rasa's in-memory store with the same erasure and notices, for
tests and trials that run without a database; it keeps text unredacted in memory, so it is not
for production (tests/privacy/test_package_rooms.py holds the endpoints files to the SQL store).
"""

from __future__ import annotations

import asyncio
import json
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

from privacy import erasure, retention
from privacy.notices import STORE_FAILED, Notice
from privacy.redaction import as_stored

logger = logging.getLogger(__name__)

LOAD, SAVE = "laden", "opslaan"
REMEMBERED_NOTICES = 10_000  # per process; the channel takes each notice after its turn
READY_TIMEOUT_SECONDS = 5.0


class TurnNotices:
    """Shared by Spoorwijzer's stores: erasure when the turn asks for it, and the turn's notice.

    Put before Rasa's store class in the bases, so this `save` runs first and Rasa's writes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._notices: "OrderedDict[str, Notice]" = OrderedDict()  # conversation → what to tell
        super().__init__(*args, **kwargs)

    async def save(self, tracker: DialogueStateTracker) -> None:
        sender_id = tracker.sender_id
        try:
            if erasure.asks_for_erasure(tracker):
                # The person confirmed in this turn: nothing of it is written, the conversation goes.
                self._tell(sender_id, erasure.outcome(erasure.erase_verified(self, sender_id)))
                return
            if self._refuses_to_write(sender_id):
                self._record(sender_id, SAVE, None)
                return
            await super().save(tracker)  # type: ignore[misc]
        except Exception as error:  # noqa: BLE001 - recorded and logged by kind
            self._record(sender_id, SAVE, error)
            return
        self._notices.pop(sender_id, None)

    def _refuses_to_write(self, sender_id: Text) -> bool:
        return False

    def _tell(self, sender_id: Text, notice: Notice) -> None:
        self._notices[sender_id] = notice
        self._notices.move_to_end(sender_id)
        while len(self._notices) > REMEMBERED_NOTICES:
            self._notices.popitem(last=False)

    def _record(self, sender_id: Text, what: str, error: Optional[BaseException]) -> None:
        self._tell(sender_id, STORE_FAILED)
        reason = type(error).__name__ if error is not None else "gesprek niet geladen"
        logger.error("Trackerstore: %s van een gesprek mislukt (%s).", what, reason)

    def take_notice(self, sender_id: Text) -> Optional[Notice]:
        return self._notices.pop(sender_id, None)


class PrivateSQLTrackerStore(TurnNotices, SQLTrackerStore):
    # The retention period is applied by the stores that serve conversations (every Rasa server).
    # The admin erase command switches it off: erasing one id must not also delete other people's
    # expired conversations, nor fail on a retention setting meant for the servers.
    applies_retention = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._use_quiet_engine()
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
        self._notices.pop(sender_id, None)
        return tracker

    def _refuses_to_write(self, sender_id: Text) -> bool:
        # Built without the stored conversation: writing it would mix two conversations.
        return sender_id in self._not_loaded

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


class PrivateInMemoryTrackerStore(TurnNotices, InMemoryTrackerStore):
    """Rasa's in-memory store with Spoorwijzer's erasure and notices (tests, trials; see the module text)."""

    def delete(self, sender_id: Text) -> int:
        return _events_in(self.store.pop(sender_id, None))

    def count(self, sender_id: Text) -> int:
        return _events_in(self.store.get(sender_id))


def _events_in(serialised: Optional[str]) -> int:
    """The number of events in a tracker as Rasa's in-memory store keeps it (its dialogue as JSON)."""
    return len(json.loads(serialised).get("events") or []) if serialised else 0


def unwrapped(store: Optional[TrackerStore], kind: Any) -> Optional[Any]:
    """The store of `kind` inside Rasa's wrappers (FailSafeTrackerStore, AwaitableTrackerStore), if any."""
    for _ in range(5):
        if store is None or isinstance(store, kind):
            return store
        store = getattr(store, "_tracker_store", None)
    return None


def private_store(store: Optional[TrackerStore]) -> Optional[PrivateSQLTrackerStore]:
    return unwrapped(store, PrivateSQLTrackerStore)


def turn_notice(agent: Any, sender_id: str) -> Optional[Notice]:
    """What the person must hear about this conversation's last turn in this process (a failed load
    or save, an erasure's outcome), or None; taken by the call. The channels send it instead of the
    turn's replies. A store that is not Spoorwijzer's has nothing to tell."""
    store = unwrapped(getattr(agent, "tracker_store", None), TurnNotices)
    return store.take_notice(sender_id) if store is not None else None


async def check_ready(agent: Any) -> Optional[str]:
    """None when the tracker store answers; else a short reason without personal data."""
    tracker_store = getattr(agent, "tracker_store", None)
    store = private_store(tracker_store)
    if store is None:
        if unwrapped(tracker_store, InMemoryTrackerStore) is not None:
            return None  # tests: memory always answers
        return "geen trackerstore van Spoorwijzer"
    try:
        return await asyncio.wait_for(asyncio.to_thread(store.probe), READY_TIMEOUT_SECONDS)
    except asyncio.TimeoutError:
        return f"trackerstore antwoordt niet binnen {READY_TIMEOUT_SECONDS:.0f} s"
