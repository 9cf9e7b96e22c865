"""Rate limits and the body limit (issue #25, 9): scripts are stopped, people never notice.

The HTTP side (429 in the widget's format, 413 for a 2 MB body) is tested on a real server in
test_rest_routes.py; here the counting itself, with a clock we move, the shared count of two
replicas in a real Redis, a Redis that is down, and the start scripts.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from redis import asyncio as aioredis

from connectors.limits import RateLimits
from tests.live_checks import free_port

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0  # the start of a minute

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


async def sent(limits: RateLimits, conversation: str, client: str | None, count: int) -> list[bool]:
    return [await limits.allow(conversation, client) for _ in range(count)]


async def test_the_21st_message_of_a_conversation_in_a_minute_is_refused(clock):
    limits = RateLimits(clock=clock)
    conversation = str(uuid.uuid4())
    assert await sent(limits, conversation, "10.0.0.1", 21) == [True] * 20 + [False]
    # Someone else, from somewhere else, in the same minute: not affected.
    assert await sent(limits, str(uuid.uuid4()), "10.0.0.2", 5) == [True] * 5
    clock.now += 60  # the next minute
    assert await limits.allow(conversation, "10.0.0.1")


async def test_a_person_at_a_real_pace_never_hits_a_limit(clock):
    """One message every 5 seconds (faster than anyone types and reads) for half an hour."""
    limits = RateLimits(clock=clock)
    conversation = str(uuid.uuid4())
    for _ in range(360):
        assert await limits.allow(conversation, "10.0.0.1")
        clock.now += 5


async def test_one_address_with_many_conversations_is_limited_per_client(clock):
    limits = RateLimits(clock=clock)
    answers = [await limits.allow(str(uuid.uuid4()), "10.0.0.9") for _ in range(121)]
    assert answers == [True] * 120 + [False]
    assert await limits.allow(str(uuid.uuid4()), "10.0.0.10")
    assert await limits.allow(str(uuid.uuid4()), None)  # Slack and Teams: no client address, no client limit


@pytest.mark.parametrize(
    "conversation, client, expect",
    [("3", "50", (3, 50)), ("0", "0", (0, 0)), ("veel", "-5", (20, 120)), ("", "", (20, 120))],
)
def test_limits_come_from_the_environment(monkeypatch, conversation, client, expect):
    monkeypatch.delenv("REDIS_HOST", raising=False)
    monkeypatch.setenv("SPOORWIJZER_RATE_PER_CONVERSATION", conversation)
    monkeypatch.setenv("SPOORWIJZER_RATE_PER_CLIENT", client)
    limits = RateLimits.from_environment()
    assert (limits.per_conversation, limits.per_client) == expect


async def test_zero_switches_a_limit_off(clock):
    limits = RateLimits(per_conversation=0, per_client=0, clock=clock)
    assert await sent(limits, "x", "10.0.0.1", 500) == [True] * 500


async def test_a_redis_that_is_down_never_blocks_anyone_and_is_logged_once_without_ids(monkeypatch, caplog, clock):
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(free_port()))  # nothing listens: Redis is down
    limits = RateLimits.from_environment(clock)
    conversation = str(uuid.uuid4())
    with caplog.at_level(logging.WARNING, logger="connectors.limits"):
        assert await sent(limits, conversation, "10.0.0.1", 20) == [True] * 20
    warnings = [r.getMessage() for r in caplog.records if r.name == "connectors.limits"]
    assert len(warnings) == 1 and "Redis" in warnings[0]
    assert conversation not in caplog.text and "10.0.0.1" not in caplog.text
    # This process still counts for itself: a flood is still stopped.
    assert not await limits.allow(conversation, "10.0.0.1")


@pytest.fixture(scope="module")
def redis_port():
    if not shutil.which("redis-server"):
        if os.environ.get("SPOORWIJZER_REQUIRE_REDIS"):
            pytest.fail("redis-server ontbreekt (scripts/ensure-topology-packages.sh installeert het)")
        pytest.skip("redis-server niet geïnstalleerd")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    server.terminate()
    server.wait()


async def test_two_replicas_share_the_count_through_redis(monkeypatch, redis_port, clock):
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(redis_port))
    first, second = RateLimits.from_environment(clock), RateLimits.from_environment(clock)  # one minute
    conversation, client = str(uuid.uuid4()), "10.1.2.3"
    assert await sent(first, conversation, client, 10) == [True] * 10
    assert await sent(second, conversation, client, 10) == [True] * 10
    assert not await first.allow(conversation, client) and not await second.allow(conversation, client)
    # What Redis holds: counters that expire, named by a hash, not by the id or the address.
    redis = aioredis.Redis(host="127.0.0.1", port=redis_port, db=2)
    keys = [key.decode() async for key in redis.scan_iter("spoorwijzer:rate:*")]
    assert keys and all(conversation not in key and client not in key for key in keys)
    assert all(0 < ttl <= 120 for ttl in [await redis.ttl(key) for key in keys])
    await redis.close()
