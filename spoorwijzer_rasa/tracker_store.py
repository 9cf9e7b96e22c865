"""What is kept of a conversation, and for how long: Rasa's SQL tracker store with three rules.

1. **No medical details.** A user message that volunteers medical details (the NLU
   intent `share_medical_details`, or words on the list in actions/privacy.py) is
   written with a neutral placeholder instead of its text and entities. The reply
   still says the assistant does not need them; the turn's intent stays, so the
   conversation replays the same.
2. **Retention.** Conversations without any event for `RETENTION_DAYS` days (default
   30) are deleted: once when the store starts, then every `RETENTION_INTERVAL_MINUTES`
   (default 60) from a background thread. Every replica does this; a DELETE of rows
   that are already gone is harmless, so several replicas need no coordination. Only
   counts are logged.
3. **No files.** The PDF and the .ics that a reply carries for the web chat are left out of
   the stored reply (`[niet bewaard]`): they can be made again from the conversation, and
   would only make the store larger.
4. **Erasure.** `delete(sender_id)` removes every row of one conversation. It is
   called outside a turn (by the channel after the reply, or by the admin command),
   because Rasa writes a turn's events at the end of the turn.

Used for SQLite (`make run`) and PostgreSQL (the replicated set-up) alike, chosen in
endpoints.yml as `type: spoorwijzer_rasa.tracker_store.PrivateSQLTrackerStore`.
"""
from __future__ import annotations

import copy
import logging
import os
import threading
import time
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.privacy import mentions_medical_details

logger = logging.getLogger(__name__)

MEDICAL_INTENT = "share_medical_details"
PLACEHOLDER = "[medische details niet bewaard]"
NOT_STORED = "[niet bewaard]"
FILE_FIELDS = ("pdf_base64", "ics")  # in the custom payloads of actions/dossier.py and actions/timeline_payload.py
DEFAULT_RETENTION_DAYS = 30
DEFAULT_INTERVAL_MINUTES = 60
SECONDS_PER_DAY = 86_400


class ConfigurationError(ValueError):
    pass


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigurationError(f"{name} moet een heel getal van 1 of meer zijn, niet '{raw}'.")
    return int(raw)


def retention_days() -> int:
    return _positive_int("RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def is_medical(event: Any) -> bool:
    if not isinstance(event, UserUttered):
        return False
    intent = (event.intent or {}).get("name")
    return intent == MEDICAL_INTENT or mentions_medical_details(event.text)


def without_medical_details(event: Any) -> Any:
    """The event as it may be stored: a medical message keeps its intent, not its words."""
    if not is_medical(event):
        return event
    redacted = copy.deepcopy(event)
    redacted.text = PLACEHOLDER
    redacted.entities = []
    redacted.parse_data = {**(redacted.parse_data or {}), "text": PLACEHOLDER, "entities": []}
    for key in ("response_selector", "intent_ranking"):
        redacted.parse_data.pop(key, None)
    return redacted


def without_files(event: Any) -> Any:
    """A bot reply as it may be stored: the files it carried for the web chat left out."""
    if not isinstance(event, BotUttered):
        return event
    custom = (event.data or {}).get("custom")
    if not isinstance(custom, dict) or not any(field in custom for field in FILE_FIELDS):
        return event
    stored = copy.deepcopy(event)
    stored.data["custom"] = {key: (NOT_STORED if key in FILE_FIELDS else value) for key, value in custom.items()}
    return stored


def as_stored(event: Any) -> Any:
    return without_files(without_medical_details(event))


class PrivateSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retention_days = retention_days()
        interval = _positive_int("RETENTION_INTERVAL_MINUTES", DEFAULT_INTERVAL_MINUTES) * 60
        self.purge_inactive()  # at start
        thread = threading.Thread(target=self._purge_every, args=(interval,), name="retention", daemon=True)
        thread.start()

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        return (as_stored(event) for event in super()._additional_events(session, tracker))

    def purge_inactive(self, now: Optional[float] = None) -> int:
        """Deletes every conversation whose newest event is older than the retention period."""
        cutoff = (now if now is not None else time.time()) - self.retention_days * SECONDS_PER_DAY
        event = self.SQLEvent
        with self.session_scope() as session:
            expired = (
                session.query(event.sender_id)
                .group_by(event.sender_id)
                .having(sa.func.max(event.timestamp) < cutoff)
            )
            senders = [sender for (sender,) in expired.all()]
            deleted = 0
            # In batches: one statement per conversation would be slow, one huge IN list is refused.
            for start in range(0, len(senders), 500):
                batch = senders[start:start + 500]
                deleted += session.query(event).filter(event.sender_id.in_(batch)).delete(synchronize_session=False)
            session.commit()
        if senders:
            logger.info("Bewaartermijn: %d gesprekken (%d events) verwijderd.", len(senders), deleted)
        return len(senders)

    def _purge_every(self, seconds: int) -> None:
        while True:
            time.sleep(seconds)
            try:
                self.purge_inactive()
            except Exception:  # a database that is briefly away must not stop the next round
                logger.exception("Bewaartermijn: opruimen mislukt; volgende poging over %d minuten.", seconds // 60)

    def delete(self, sender_id: Text) -> int:
        """Deletes one conversation; returns the number of events removed."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete(
                synchronize_session=False
            )
            session.commit()
        logger.info("Gesprek gewist op verzoek (%d events).", deleted)
        return deleted


def unwrapped(store: TrackerStore, kind: type) -> Optional[Any]:
    """The store of `kind` inside Rasa's wrappers (FailSafeTrackerStore, AwaitableTrackerStore), if any."""
    for _ in range(5):
        if store is None or isinstance(store, kind):
            return store
        store = getattr(store, "_tracker_store", None)
    return None


def private_store(store: TrackerStore) -> Optional[PrivateSQLTrackerStore]:
    return unwrapped(store, PrivateSQLTrackerStore)


def delete_conversation(store: TrackerStore, sender_id: Text) -> bool:
    """Deletes one conversation from our SQL store, or from Rasa's in-memory one (tests, `rasa shell`)."""
    private = private_store(store)
    if private is not None:
        private.delete(sender_id)
        return True
    memory = unwrapped(store, InMemoryTrackerStore)
    if memory is not None:
        memory.store.pop(sender_id, None)
        return True
    return False
