"""Slack retries across replicas: the event ids live in Redis, so a retry that lands
on another Rasa server is not answered twice. Uses a real redis-server on loopback."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid

import pytest

from connectors.seen import SeenIds
from connectors.slack import SpoorwijzerSlackInput
from tests.live_checks import free_port


@pytest.fixture(scope="module")
def redis_port():
    if not shutil.which("redis-server"):
        if os.environ.get("SPOORWIJZER_REQUIRE_REDIS"):
            pytest.fail("redis-server ontbreekt (scripts/ensure-topology-packages.sh installeert het)")
        pytest.skip("redis-server niet geïnstalleerd")
    port = free_port()
    server = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                               "--requirepass", "geheim"], stdout=subprocess.DEVNULL)
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
