"""Slack retries and replayed clicks across replicas: the keys live in Redis, so a retry or a
replay that lands on another Rasa server is not answered twice. Uses a real redis-server on
loopback. The replicas share SPOORWIJZER_ID_SECRET, as they must (same conversation ids)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import uuid
from types import SimpleNamespace

import pytest
from sanic.request import RequestParameters

from connectors.seen import SeenIds
from connectors.slack import SpoorwijzerSlackInput
from tests.live_checks import free_port

ID_SECRET = "replica-test-id-secret-" + "z" * 32


@pytest.fixture(scope="module")
def redis_port():
    if not shutil.which("redis-server"):
        if os.environ.get("SPOORWIJZER_REQUIRE_REDIS"):
            pytest.fail("redis-server ontbreekt (scripts/ensure-topology-packages.sh installeert het)")
        pytest.skip("redis-server niet geïnstalleerd")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--requirepass", "geheim"],
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


@pytest.fixture(autouse=True)
def id_secret(monkeypatch):
    monkeypatch.setenv("SPOORWIJZER_ID_SECRET", ID_SECRET)


@pytest.fixture
def replica_environment(monkeypatch, redis_port):
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(redis_port))
    monkeypatch.setenv("REDIS_PASSWORD", "geheim")


def replica() -> SpoorwijzerSlackInput:
    return SpoorwijzerSlackInput.from_credentials({"slack_token": "xoxb-test", "slack_signing_secret": "s"})


async def test_a_retry_on_another_replica_is_recognised(replica_environment):
    first_server, second_server = replica(), replica()
    event_id = f"Ev{uuid.uuid4().hex[:10]}"
    assert await first_server.seen_events.first_time(event_id) is True
    assert await second_server.seen_events.first_time(event_id) is False  # Slack's retry, other replica
    assert await second_server.seen_events.first_time(f"Ev{uuid.uuid4().hex[:10]}") is True  # a new event


def button_click(value: str, user: str = "U1") -> bytes:
    """A block_actions click as Slack sends it (form field `payload`); a new action_ts each time."""
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": "D123"},
        "container": {"type": "message", "message_ts": "1700000000.000200", "channel_id": "D123"},
        "actions": [
            {
                "action_id": "knop-1",
                "type": "button",
                "value": value,
                "action_ts": f"{time.time():.6f}{uuid.uuid4().int % 1000:03d}",
            }
        ],
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def click_request(body: bytes) -> SimpleNamespace:
    """What Sanic hands the connector for a form-encoded click."""
    form = RequestParameters({k: v for k, v in urllib.parse.parse_qs(body.decode()).items()})
    return SimpleNamespace(headers={"content-type": "application/x-www-form-urlencoded"}, body=body, form=form)


async def test_a_replayed_click_on_another_replica_is_recognised(replica_environment):
    first_server, second_server = replica(), replica()
    click = button_click("/ask_why")
    assert await first_server._first_delivery(click_request(click)) is True
    assert await second_server._first_delivery(click_request(click)) is False  # replayed, other replica
    assert await second_server._first_delivery(click_request(button_click("/ask_why"))) is True  # clicked again


async def test_no_slack_id_is_stored_in_redis(replica_environment, redis_port):
    from redis import asyncio as aioredis

    server = replica()
    await server._first_delivery(click_request(button_click("/ask_why", user="U0GEHEIM")))
    redis = aioredis.Redis(host="127.0.0.1", port=redis_port, db=2, password="geheim")
    keys = [key.decode() for key in await redis.keys("spoorwijzer:slack-click:*")]
    await redis.close()
    assert keys and not any("U0GEHEIM" in key for key in keys)


async def test_without_redis_settings_each_process_remembers_its_own(monkeypatch):
    monkeypatch.delenv("REDIS_HOST", raising=False)
    first_server, second_server = replica(), replica()
    assert await first_server.seen_events.first_time("Ev-local") is True
    assert await first_server.seen_events.first_time("Ev-local") is False
    assert await second_server.seen_events.first_time("Ev-local") is True


async def test_redis_down_falls_back_to_this_process(monkeypatch):
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(free_port()))  # nothing listens here
    seen = SeenIds.from_environment("slack-event")
    assert await seen.first_time("Ev-down") is True  # the question is answered, not lost
    assert await seen.first_time("Ev-down") is False
