"""One real Sanic server for the channel tests (Slack, Teams), in its own thread and event loop.

Sanic 21.12 cannot start a second app in one process, so every channel test module adds its
blueprint with `CHANNELS[name] = factory` at import time; the first test that needs the server
starts one app with all of them. A factory gets the shared stand-in agent (Rasa's real
in-memory lock store, and Rasa's in-memory tracker store with Spoorwijzer's erasure and notices,
privacy.store.PrivateInMemoryTrackerStore) and returns (blueprint, the module's own state).
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from types import SimpleNamespace
from typing import Any, Dict

import pytest
from rasa.core.lock_store import InMemoryLockStore
from rasa.shared.core.domain import Domain
from sanic import Sanic

from privacy.store import PrivateInMemoryTrackerStore
from tests.live_checks import free_port
from tests.channels.registry import CHANNELS


@pytest.fixture(scope="session")
def channel_server():
    agent = SimpleNamespace(tracker_store=PrivateInMemoryTrackerStore(Domain.empty()), lock_store=InMemoryLockStore())
    app = Sanic(f"channels_test_{uuid.uuid4().hex[:8]}")
    app.ctx.agent = agent
    states: Dict[str, Any] = {}
    for name, factory in CHANNELS.items():
        blueprint, state = factory(agent)
        app.blueprint(blueprint, url_prefix=f"/webhooks/{name}")
        states[name] = state
    port = free_port()
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True))
        loop.run_until_complete(server.startup())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(20)
    yield SimpleNamespace(base=f"http://127.0.0.1:{port}/webhooks", states=states, agent=agent)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
