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

The secret: SPOORWIJZER_ID_SECRET (at least 32 characters). For development,
scripts/credentials.sh writes a random one to var/id_secret when the variable is not set, so
`make run` works and restarts keep the same ids. With SPOORWIJZER_ENV=production the variable
itself is required; a missing or short secret stops the server at start with a Dutch message.

Changing the secret gives every Slack and Teams user a new conversation id: their old
conversations can no longer be reached and are deleted by the retention period.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path
from typing import Mapping, Optional

SECRET_VARIABLE = "SPOORWIJZER_ID_SECRET"
SECRET_FILE_VARIABLE = "SPOORWIJZER_ID_SECRET_FILE"  # where credentials.sh put the development secret
ENVIRONMENT_VARIABLE = "SPOORWIJZER_ENV"
PRODUCTION = frozenset({"production", "productie"})
MIN_SECRET_LENGTH = 32
DEFAULT_SECRET_FILE = Path(__file__).resolve().parents[1] / "var" / "id_secret"


class SecretMissing(ValueError):
    """No usable secret: the Slack or Teams channel cannot start."""


def _too_short(where: str) -> SecretMissing:
    return SecretMissing(
        f"{where} is korter dan {MIN_SECRET_LENGTH} tekens. Spoorwijzer maakt daarmee de gesprek-id's van "
        f"Slack en Teams; maak een lange willekeurige waarde, bijvoorbeeld met: openssl rand -hex 32"
    )


def load_secret(environ: Optional[Mapping[str, str]] = None) -> bytes:
    """The secret from SPOORWIJZER_ID_SECRET, or in development from the file credentials.sh wrote."""
    environ = os.environ if environ is None else environ
    value = environ.get(SECRET_VARIABLE, "").strip()
    if value:
        if len(value) < MIN_SECRET_LENGTH:
            raise _too_short(SECRET_VARIABLE)
        return value.encode()
    if environ.get(ENVIRONMENT_VARIABLE, "").strip().lower() in PRODUCTION:
        raise SecretMissing(
            f"{SECRET_VARIABLE} ontbreekt, en {ENVIRONMENT_VARIABLE} zegt dat dit productie is. Zet "
            f"{SECRET_VARIABLE} op een geheime willekeurige waarde van minstens {MIN_SECRET_LENGTH} tekens "
            f"(bijvoorbeeld: openssl rand -hex 32), dezelfde voor alle Rasa-servers, en bewaar hem als geheim. "
            f"Verander hem niet: met een nieuwe waarde zijn de bestaande Slack- en Teams-gesprekken niet meer bereikbaar."
        )
    path = Path(environ.get(SECRET_FILE_VARIABLE) or DEFAULT_SECRET_FILE)
    try:
        value = path.read_text(encoding="utf-8").strip()
    except OSError:
        raise SecretMissing(
            f"{SECRET_VARIABLE} ontbreekt en {path} bestaat niet. Start Spoorwijzer met `make run` "
            f"(scripts/credentials.sh maakt dan een ontwikkelsleutel) of zet {SECRET_VARIABLE}."
        ) from None
    if len(value) < MIN_SECRET_LENGTH:
        raise _too_short(str(path))
    return value.encode()


class ConversationIds:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            raise _too_short("De sleutel voor gesprek-id's")
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
