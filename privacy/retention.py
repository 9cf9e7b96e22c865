"""How long a conversation is kept: `RETENTION_DAYS` (default 30) after its last event.

Both settings are declared and checked in spoorwijzer_settings.Retention.

Every Rasa server deletes expired conversations when its tracker store starts and then
every `RETENTION_INTERVAL_MINUTES` (default 60), from a background thread. Several
replicas need no coordination: deleting rows that another replica already deleted is
harmless. Only counts are logged, and a failure only by its kind (no SQL, no ids).
"""

from __future__ import annotations

import logging
import time
from typing import Any, Optional

import sqlalchemy as sa

import spoorwijzer_settings

logger = logging.getLogger(__name__)

SECONDS_PER_DAY = 86_400
BATCH = 500  # one statement per conversation is slow; one huge IN list is refused


ConfigurationError = spoorwijzer_settings.SettingsError  # a wrong RETENTION_* value, said in Dutch


def retention_days() -> int:
    return spoorwijzer_settings.Retention.from_environment().retention_days


def interval_seconds() -> int:
    return spoorwijzer_settings.Retention.from_environment().retention_interval_minutes * 60


def purge_inactive(store: Any, days: int, now: Optional[float] = None) -> int:
    """Deletes every conversation of a SQL tracker store whose newest event is older than `days`."""
    cutoff = (now if now is not None else time.time()) - days * SECONDS_PER_DAY
    event = store.SQLEvent
    with store.session_scope() as session:
        expired = session.query(event.sender_id).group_by(event.sender_id).having(sa.func.max(event.timestamp) < cutoff)
        senders = [sender for (sender,) in expired.all()]
        deleted = 0
        for start in range(0, len(senders), BATCH):
            batch = senders[start : start + BATCH]
            deleted += session.query(event).filter(event.sender_id.in_(batch)).delete(synchronize_session=False)
        session.commit()
    if senders:
        logger.info("Bewaartermijn: %d gesprekken (%d events) verwijderd.", len(senders), deleted)
    return len(senders)


def purge_every(store: Any, seconds: int) -> None:
    """The background loop: a database that is briefly away must not stop the next round."""
    while True:
        time.sleep(seconds)
        purge_safely(store)


def purge_safely(store: Any) -> None:
    try:
        store.purge_inactive()
    except Exception as error:  # noqa: BLE001 - logged by kind only; the next round tries again
        logger.error(
            "Bewaartermijn: opruimen mislukt (%s); volgende poging over %d minuten.",
            type(error).__name__,
            interval_seconds() // 60,
        )
