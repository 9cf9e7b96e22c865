"""Erasing a conversation on request, and saying so only when it is true.

The confirmation reply (`utter_conversation_erased`, domain/privacy.yml) carries only the
custom payload {"gesprek_gewist": true}, no text. The channel takes that marker out of
what it sends (`take_marker`), calls `erase` once the turn is over (Rasa writes a turn's
events at its end), and then sends ERASED_TEXT or ERASE_FAILED_TEXT. So no channel ever
claims an erasure before it happened.

`erase` deletes under the conversation's lock, so no other message of it is handled at
the same time, and then counts what is left in the database with a fresh query: True only
when nothing is. It never raises; failures are logged by their kind, never with content or
the conversation id. The store is shared by all replicas, so the conversation is gone for
every one of them.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

from rasa.core.tracker_store import InMemoryTrackerStore

from privacy.store import private_store, unwrapped

logger = logging.getLogger(__name__)

MARKER = "gesprek_gewist"
ERASED_TEXT = (
    "Klaar: dit gesprek is gewist. Er staat niets meer van bij ons opgeslagen. Je kunt gewoon een nieuwe vraag stellen."
)
ERASE_FAILED_TEXT = (
    "Het wissen is niet gelukt: er ging bij ons iets mis, en je gesprek is nog (helemaal of voor een deel) "
    "bewaard. Probeer het over een paar minuten opnieuw. Lukt het dan nog niet, vraag dan de "
    "privacyfunctionaris of HR om het gesprek te laten wissen."
)


def is_marker(message: Dict[str, Any]) -> bool:
    return isinstance(message, dict) and bool((message.get("custom") or {}).get(MARKER))


def take_marker(messages: List[Dict[str, Any]]) -> bool:
    """Removes the erase marker from the outgoing messages; True if it was there."""
    found = [message for message in messages if is_marker(message)]
    for message in found:
        messages.remove(message)
    return bool(found)


async def erase(agent: Any, sender_id: str) -> bool:
    """Deletes one conversation and verifies that nothing of it is left; never raises."""
    try:
        async with agent.lock_store.lock(sender_id):
            return erase_from(agent.tracker_store, sender_id)
    except Exception as error:  # noqa: BLE001 - e.g. the lock store (Redis) is away: nothing was erased
        logger.error("Wissen mislukt (%s).", type(error).__name__)
        return False


def erase_from(tracker_store: Any, sender_id: str) -> bool:
    """Deletes and verifies, without the lock (the admin command: no turn runs in its process)."""
    _forget_fallback_copy(tracker_store, sender_id)
    store = private_store(tracker_store)
    if store is not None:
        try:
            store.delete(sender_id)
            left = store.count(sender_id)
        except Exception as error:  # noqa: BLE001 - logged by kind only
            logger.error("Wissen mislukt: de trackerstore gaf een fout (%s).", type(error).__name__)
            return False
        if left:
            logger.error("Wissen niet gelukt: na het wissen staan er nog %d events van het gesprek.", left)
            return False
        logger.info("Gesprek gewist op verzoek.")
        return True
    memory = unwrapped(tracker_store, InMemoryTrackerStore)
    if memory is not None:  # tests and `rasa shell`
        memory.store.pop(sender_id, None)
        return sender_id not in memory.store
    logger.error("Wissen niet mogelijk: onbekende trackerstore %s.", type(tracker_store).__name__)
    return False


def _forget_fallback_copy(tracker_store: Any, sender_id: str) -> None:
    """Rasa's FailSafeTrackerStore may hold a copy in its in-memory fallback: drop that too."""
    fallback = getattr(tracker_store, "_fallback_tracker_store", None)
    if isinstance(fallback, InMemoryTrackerStore):
        fallback.store.pop(sender_id, None)
