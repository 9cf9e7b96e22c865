"""Erasing a conversation on request: the tracker store does it, and it is said only when it is true.

How a request travels: the confirmation reply (`utter_conversation_erased`, domain/privacy.yml)
carries only the custom payload {"gesprek_gewist": true}, no text. Rasa puts that reply in the
tracker as a BotUttered event, and saves the tracker once, at the end of the turn, under the
conversation's lock (rasa/core/agent.py, processor.py). The tracker store's public `save`
(privacy/store.py) asks `asks_for_erasure`: when the turn being saved gave that reply, it writes
nothing of the turn and erases the whole conversation instead (`erase_verified`: delete, then
count what is left with a fresh query; erased only when nothing is). Its outcome is the turn's
notice (`outcome`, privacy/notices.py), which every channel sends after the turn in place of the
replies: ERASED_TEXT or ERASE_FAILED_TEXT, and for the web chat custom
{"gesprek_wissen": "gelukt" | "mislukt"}, so it forgets the conversation id only on success.

So no channel knows what erasure is, nothing claims it before it happened, and because the store
is shared by all replicas the conversation is gone for every one of them. Failures are logged by
their kind, never with content or the conversation id.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.shared.core.events import BotUttered, UserUttered

from privacy.notices import Notice

logger = logging.getLogger(__name__)

MARKER = "gesprek_gewist"  # in the custom payload of utter_conversation_erased
WIDGET_FIELD = "gesprek_wissen"  # in the custom payload of the notice, for the web chat
ERASED_TEXT = (
    "Klaar: dit gesprek is gewist. Er staat niets meer van bij ons opgeslagen. Je kunt gewoon een nieuwe vraag stellen."
)
ERASE_FAILED_TEXT = (
    "Het wissen is niet gelukt: er ging bij ons iets mis, en je gesprek is nog (helemaal of voor een deel) "
    "bewaard. Probeer het over een paar minuten opnieuw. Lukt het dan nog niet, vraag dan de "
    "privacyfunctionaris of HR om het gesprek te laten wissen."
)
ERASED = Notice("gewist", ERASED_TEXT, {WIDGET_FIELD: "gelukt"})
NOT_ERASED = Notice("wissen_mislukt", ERASE_FAILED_TEXT, {WIDGET_FIELD: "mislukt"})


def is_marker(message: Any) -> bool:
    """Whether a reply (Rasa's message dict, or a BotUttered's data) carries the erase marker."""
    return isinstance(message, dict) and bool((message.get("custom") or {}).get(MARKER))


def asks_for_erasure(tracker: Any) -> bool:
    """Whether the turn being saved gave the erase reply.

    The turn is what came after the latest user message, so a marker that an earlier turn left
    in the stored conversation (before this design a turn was written before it was erased)
    does not make every later save erase."""
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered) and is_marker(event.data):
            return True
        if isinstance(event, UserUttered):
            return False
    return False


def erase_verified(store: Any, sender_id: str) -> bool:
    """Deletes one conversation from `store` (its `delete` and `count`) and verifies that nothing
    of it is left. Never raises: a store that fails has not erased."""
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


def outcome(erased: bool) -> Notice:
    return ERASED if erased else NOT_ERASED
