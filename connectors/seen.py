"""Ids of messages a server has already taken in, to recognise a retry.

With several Rasa servers a retry may reach another server, so the ids live in
Redis when one is configured (the one the lock store uses: REDIS_HOST, REDIS_PORT,
REDIS_PASSWORD); otherwise in this process.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Optional

from redis import asyncio as aioredis
from redis.exceptions import RedisError

import spoorwijzer_settings

logger = logging.getLogger(__name__)

LOCAL_IDS = 10_000  # how many ids one process remembers (retries come within minutes)
SEEN_SECONDS = 3600  # how long Redis remembers an id
REDIS_DB = 2  # the lock store uses db 1 (deploy/endpoints.yml)


def shared_redis() -> Optional["aioredis.Redis"]:
    """The Redis that replicas share for message ids and rate counts (the lock store's: REDIS_HOST,
    REDIS_PORT, REDIS_PASSWORD, in database REDIS_DB); None without REDIS_HOST (one process)."""
    settings = spoorwijzer_settings.Redis.from_environment()
    if not settings.redis_host:
        return None
    return aioredis.Redis(
        host=settings.redis_host,
        port=settings.redis_port,
        db=REDIS_DB,
        password=spoorwijzer_settings.secret_text(settings.redis_password),
        socket_timeout=2,
        socket_connect_timeout=2,
    )


class SeenIds:
    def __init__(self, namespace: str, redis: Optional["aioredis.Redis"] = None) -> None:
        self._namespace = namespace
        self._redis = redis
        self._local: "OrderedDict[str, None]" = OrderedDict()

    @classmethod
    def from_environment(cls, namespace: str) -> "SeenIds":
        return cls(namespace, shared_redis())

    async def first_time(self, item_id: str) -> bool:
        """True the first time an id is seen (by any replica, with Redis)."""
        if self._redis is not None:
            try:
                key = f"spoorwijzer:{self._namespace}:{item_id}"
                return bool(await self._redis.set(key, 1, nx=True, ex=SEEN_SECONDS))
            except (RedisError, OSError) as error:
                # Better a rare double answer than a lost question: fall back to this process.
                logger.warning(
                    "Redis niet bereikbaar voor %s (%s); alleen dit proces onthoudt ze.", self._namespace, error
                )
        if item_id in self._local:
            return False
        self._local[item_id] = None
        if len(self._local) > LOCAL_IDS:
            self._local.popitem(last=False)
        return True
