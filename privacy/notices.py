"""What the person hears after a turn when the store has something to say, and the channels' own texts.

A `Notice` is the tracker store's word on a conversation's last turn: it could not be loaded or
saved (STORE_FAILED), or the person asked for erasure and it was or was not done
(privacy/erasure.py). The store records it during the turn; each channel takes it afterwards
(privacy.store.turn_notice) and sends it instead of the turn's replies. The channels only pass it
on: what it means is decided here and in the store, so no channel needs to know why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional

STORE_FAILED_TEXT = (
    "Sorry, er ging bij ons iets mis: ik kon je bericht nu niet goed verwerken of bewaren. "
    "Probeer het over een paar minuten opnieuw."
)

# The assistant produced no reply at all: in Rasa that happens when the action server cannot be
# reached (it logs the error and waits for the next message). Said in every channel.
NO_REPLY_TEXT = (
    "Sorry, er ging aan onze kant iets mis en ik kan je nu geen antwoord geven. "
    "Probeer het over een paar minuten nog eens."
)


@dataclass(frozen=True)
class Notice:
    """The store's word on a turn; it replaces the turn's replies in every channel.

    `custom` is a machine-readable part for the web chat (REST's `custom` field); Slack and
    Teams show only the text."""

    kind: str  # a fixed word for logs and tests, never content
    text: str
    custom: Optional[Mapping[str, str]] = None

    def as_message(self, recipient_id: str) -> Dict[str, Any]:
        """The notice as one message in Rasa's REST reply format."""
        message: Dict[str, Any] = {"recipient_id": recipient_id, "text": self.text}
        if self.custom is not None:
            message["custom"] = dict(self.custom)
        return message


STORE_FAILED = Notice("opslag_mislukt", STORE_FAILED_TEXT)
