"""Erase a conversation when the assistant's reply says so.

The confirmation reply (`utter_conversation_erased`, domain/privacy.yml) carries the
custom payload {"gesprek_gewist": true}. The channel removes that marker from what it
sends, and once the turn is over (Rasa writes a turn's events at its end) deletes the
conversation from the tracker store, under the conversation's lock so no other
message of it is handled at the same time. The store is shared by all replicas, so
the conversation is gone for every one of them.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List

from spoorwijzer_rasa.tracker_store import delete_conversation

logger = logging.getLogger(__name__)

MARKER = "gesprek_gewist"


def is_marker(message: Dict[str, Any]) -> bool:
    return bool((message.get("custom") or {}).get(MARKER))


def take_marker(messages: List[Dict[str, Any]]) -> bool:
    """Removes the erase marker from the outgoing messages; True if it was there."""
    found = [m for m in messages if is_marker(m)]
    for message in found:
        messages.remove(message)
    return bool(found)


async def erase_conversation(agent: Any, sender_id: str) -> None:
    async with agent.lock_store.lock(sender_id):
        if not delete_conversation(agent.tracker_store, sender_id):
            logger.error("Wissen niet mogelijk: onbekende trackerstore %s.", type(agent.tracker_store).__name__)
