"""Rate limits per conversation and per client address, so nobody can flood the store.

Every stored conversation costs about 8.6 KB; without a limit one script at 20 requests/s
fills ~15 GB a day (issue #25). The limits are set far above a person's pace: someone who
types and reads sends a message every few seconds at most, so 20 messages a minute per
conversation and 120 a minute per client address (a whole office behind one NAT address)
are never reached by people, only by scripts.

- SPOORWIJZER_RATE_PER_CONVERSATION (default 20) and SPOORWIJZER_RATE_PER_CLIENT (default 120):
  messages per minute; 0 switches that limit off (spoorwijzer_settings.RateLimits; a wrong value
  keeps the default, so a typo never blocks anyone).
- Counted in fixed one-minute windows (Redis INCR + EXPIRE). A burst at the edge of two windows
  may reach twice the limit for a moment; that is still far from flooding.
- With REDIS_HOST set (the lock store's Redis; replicas) the counts are shared by all replicas, in
  Redis database 2 like connectors/seen.py. Without it, each process counts for itself.
- A Redis failure never blocks a person: this process then counts on its own (never more strict
  than the shared count would be) and says so once in the log, without ids or addresses.
- Keys hold a hash of the conversation id and of the address, not the values: a conversation id
  is a secret (whoever knows it can continue the conversation) and an address is personal data.
  The keys expire after two minutes.

Channels call `allow(conversation, client)` before a message reaches the assistant and answer
RATE_LIMITED_TEXT (REST: HTTP 429) when it returns False.
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Callable, Dict, Optional, Tuple

from redis import asyncio as aioredis
from redis.exceptions import RedisError

import spoorwijzer_settings
from connectors.seen import shared_redis

logger = logging.getLogger(__name__)

RATE_LIMITED_TEXT = (
    "Je stuurt veel berichten kort na elkaar. Wacht even (ongeveer een minuut) en probeer het dan opnieuw."
)
_DEFAULTS = spoorwijzer_settings.RateLimits()  # the declared defaults, without the environment
DEFAULT_PER_CONVERSATION = _DEFAULTS.per_conversation  # messages a minute; a person sends a few at most
DEFAULT_PER_CLIENT = _DEFAULTS.per_client  # messages a minute from one address (an office behind NAT)
WINDOW_SECONDS = 60


def _key(kind: str, value: str) -> str:
    return f"{kind}:{hashlib.sha256(value.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}"


class RateLimits:
    def __init__(
        self,
        per_conversation: int = DEFAULT_PER_CONVERSATION,
        per_client: int = DEFAULT_PER_CLIENT,
        redis: Optional["aioredis.Redis"] = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.per_conversation = per_conversation
        self.per_client = per_client
        self._redis = redis
        self._clock = clock
        self._local: Dict[str, Tuple[int, int]] = {}  # key -> (window, count)
        self._local_window = -1
        self._redis_failure_logged = False

    @classmethod
    def from_environment(cls, clock: Callable[[], float] = time.time) -> "RateLimits":
        settings = spoorwijzer_settings.RateLimits.from_environment()
        per_conversation, per_client = settings.per_conversation, settings.per_client
        redis = shared_redis() if (per_conversation or per_client) else None
        return cls(per_conversation, per_client, redis, clock)

    async def allow(self, conversation: str, client: Optional[str] = None) -> bool:
        """False when this conversation or this client sent more than its limit in the current minute."""
        counted = []
        if self.per_conversation:
            counted.append((_key("gesprek", conversation), self.per_conversation))
        if self.per_client and client:
            counted.append((_key("client", client), self.per_client))
        if not counted:
            return True
        window = int(self._clock() // WINDOW_SECONDS)
        counts = await self._count([key for key, _ in counted], window)
        return all(count <= limit for count, (_, limit) in zip(counts, counted))

    async def _count(self, keys: list, window: int) -> list:
        if self._redis is not None:
            try:
                pipe = self._redis.pipeline(transaction=True)
                for key in keys:
                    redis_key = f"spoorwijzer:rate:{window}:{key}"
                    pipe.incr(redis_key)
                    pipe.expire(redis_key, 2 * WINDOW_SECONDS)
                results = await pipe.execute()
                return [int(count) for count in results[0::2]]
            except (RedisError, OSError) as error:
                if not self._redis_failure_logged:
                    self._redis_failure_logged = True
                    # The type only: a Redis error message names hosts, not people, but keep to one rule.
                    logger.warning(
                        "Redis niet bereikbaar voor de berichtlimieten (%s); dit proces telt nu zelf.",
                        type(error).__name__,
                    )
        return [self._count_here(key, window) for key in keys]

    def _count_here(self, key: str, window: int) -> int:
        if window != self._local_window:  # a new minute: the old counts are of no use any more
            self._local.clear()
            self._local_window = window
        _, count = self._local.get(key, (window, 0))
        self._local[key] = (window, count + 1)
        return count + 1
