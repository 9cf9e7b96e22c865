"""A real Poortwachter API server on a free loopback port, for the API tests."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from poortwachter_faces.api import create_server

TOKEN = "test-token-123"
TODAY = date(2025, 5, 12)


@pytest.fixture(scope="session")
def api_url():
    server = create_server("127.0.0.1", 0, TOKEN, today=lambda: TODAY)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"

    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def auth_headers():
    return {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
