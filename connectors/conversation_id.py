"""A conversation id is a secret: only a random UUID4 is accepted on the REST channel.

Whoever knows a conversation id can continue that conversation and ask for the
sick dates and deadlines in it. An id like "anna" or an employee number can be
guessed, so the channel refuses every id that is not a random UUID version 4 in
its canonical form (122 random bits; browsers make one with crypto.randomUUID()).

Why the client makes the id rather than the server: the chat widget already keeps
one per conversation, a retry must reach the same conversation without a round
trip first, and a server-issued id would need state shared by every replica. The
check is the same in every deployment, because it lives in the channel.
"""

from __future__ import annotations

import uuid

REFUSED_TEXT = (
    "Dit gesprek-id wordt niet geaccepteerd. Gebruik als 'sender' een willekeurige UUID versie 4 "
    "(bijvoorbeeld uit crypto.randomUUID() of Python's uuid.uuid4()), zodat niemand anders uw gesprek kan openen."
)


def is_secret_id(value: object) -> bool:
    """Whether `value` is a random UUID4 in canonical lower-case form."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return False
    return parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == value
