"""Conversation ids for Slack and Teams, derived on the server with a secret.

A Slack user id or a Microsoft Entra object id is no secret: any colleague can look it up.
If it were the conversation id, knowing it would be enough to address someone's conversation
through any channel whose own check failed (issue #25: a route variant of the REST channel
continued a colleague's Teams conversation with `sender: "teams:<aadObjectId>"`). So the
conversation id is an HMAC-SHA256, under a server secret, of the channel name and the
platform's own id (user, or thread):
- stable: the same person gets the same id after a restart and on every replica;
- different per channel, per person and per secret;
- the platform id is not in it, and without the secret nobody can compute it;
- it is not a UUID4, so the REST channel never accepts it as `sender`
  (connectors/conversation_id.py).

The secret: SPOORWIJZER_ID_SECRET (at least 32 characters), read and checked by
spoorwijzer_settings.ChannelIds. For development, scripts/credentials.sh writes a random one to
var/id_secret when the variable is not set, so `make run` works and restarts keep the same ids. With
SPOORWIJZER_ENV=production the variable itself is required; a missing or short secret stops the
server at start with a Dutch message.

Changing the secret gives every Slack and Teams user a new conversation id: their old
conversations can no longer be reached and are deleted by the retention period.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Mapping, Optional

from spoorwijzer_settings import MIN_SECRET_LENGTH, ChannelIds, SecretMissing, short_secret_error

__all__ = ["ConversationIds", "SecretMissing", "load_secret"]


def load_secret(environ: Optional[Mapping[str, str]] = None) -> bytes:
    """The secret from SPOORWIJZER_ID_SECRET, or in development from the file credentials.sh wrote."""
    return ChannelIds.from_environment(environ).secret()


class ConversationIds:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            raise short_secret_error("De sleutel voor gesprek-id's")
        self._secret = secret

    @classmethod
    def from_environment(cls) -> "ConversationIds":
        return cls(load_secret())

    def digest(self, channel: str, platform_id: str) -> str:
        """64 hex characters; a newline separates the parts (channel names have none)."""
        return hmac.new(self._secret, f"{channel}\n{platform_id}".encode("utf-8"), hashlib.sha256).hexdigest()

    def derive(self, channel: str, platform_id: str) -> str:
        """The conversation id for one person or thread on a platform, e.g. `slack:<64 hex>`."""
        if not platform_id:
            raise ValueError("platform id is empty")
        return f"{channel}:{self.digest(channel, platform_id)}"
