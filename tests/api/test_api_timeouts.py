"""The HR API cuts off slow clients (slowloris) and keeps serving everyone else.

Real sockets against a real server: a client that sends half a request and then waits,
and one that trickles its body a byte at a time (each byte well within any per-read
timeout), are both disconnected once the whole-request deadline has passed. The
deadline is set to 1 s through POORTWACHTER_API_TIMEOUT so the tests stay fast.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from datetime import date

import pytest

from poortwachter_faces import api
from poortwachter_faces.api import create_server

TOKEN = "test-token-timeouts"
DEADLINE = 1.0
MARGIN = 1.5  # scheduling slack on a busy 2-core machine; still far below "forever"


@pytest.fixture()
def slow_api(monkeypatch):
    monkeypatch.setenv("POORTWACHTER_API_TIMEOUT", str(DEADLINE))  # the name operators use
    server = create_server("127.0.0.1", 0, TOKEN, today=lambda: date(2025, 5, 12))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address
    server.shutdown()
    server.server_close()


def connect(address) -> socket.socket:
    sock = socket.create_connection(address, timeout=5)
    sock.settimeout(DEADLINE + MARGIN + 2)  # longer than the server may take: we measure the server
    return sock


def read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes; raises socket.timeout if it never does."""
    received = b""
    while True:
        try:
            chunk = sock.recv(4096)
        except ConnectionResetError:
            return received
        if not chunk:
            return received
        received += chunk


def headers(length: int) -> bytes:
    return (
        f"POST /v1/tijdlijn HTTP/1.1\r\nHost: hr\r\nAuthorization: Bearer {TOKEN}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def test_half_requests_are_closed_within_the_deadline_while_others_are_served(slow_api):
    waiting = []
    for index in range(20):
        sock = connect(slow_api)
        # Half a request: the request line and one header, never the blank line that ends them.
        sock.sendall(b"POST /v1/tijdlijn HTTP/1.1\r\nHost: hr\r\n" if index % 2 else b"GET /hea")
        waiting.append(sock)
    started = time.monotonic()

    # Meanwhile an ordinary client gets its answer at once.
    with urllib.request.urlopen(f"http://{slow_api[0]}:{slow_api[1]}/health", timeout=DEADLINE) as response:
        assert response.status == 200 and json.loads(response.read()) == {"status": "ok"}
    assert time.monotonic() - started < DEADLINE

    for sock in waiting:
        try:
            read_until_closed(sock)
        except socket.timeout:
            pytest.fail("the server kept a half request open past its deadline")
        finally:
            sock.close()
    assert time.monotonic() - started < DEADLINE + MARGIN


def test_a_trickled_body_is_cut_off_with_408(slow_api):
    body = json.dumps({"eerste_ziektedag": "2025-03-04", "advies": "eigen_werk"}).encode()
    sock = connect(slow_api)
    sock.sendall(headers(len(body)))
    started = time.monotonic()
    stop = threading.Event()

    def trickle() -> None:
        # One byte every 0.2 s: each read is far inside any per-read timeout, the whole is not.
        for byte in body:
            if stop.wait(0.2):
                return
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                return

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    try:
        answer = read_until_closed(sock)
    except socket.timeout:
        pytest.fail("the server kept waiting for a trickling body")
    finally:
        stop.set()
        sender.join(5)
        sock.close()
    elapsed = time.monotonic() - started
    assert len(body) * 0.2 > DEADLINE + MARGIN  # the trickle alone would have outlasted the deadline
    assert elapsed < DEADLINE + MARGIN
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.split()[1] == b"408"
    payload = json.loads(rest.partition(b"\r\n\r\n")[2])
    assert payload["code"] == "te_traag" and "seconden" in payload["fout"]


def test_a_slow_but_whole_request_within_the_deadline_is_answered(slow_api):
    body = json.dumps({"eerste_ziektedag": "2025-03-04", "peildatum": "2025-05-12"}).encode()
    sock = connect(slow_api)
    sock.sendall(headers(len(body)))
    time.sleep(DEADLINE / 4)
    sock.sendall(body[:10])
    time.sleep(DEADLINE / 4)
    sock.sendall(body[10:])
    answer = read_until_closed(sock)
    sock.close()
    assert answer.split(b"\r\n", 1)[0].split()[1] == b"200"
    assert json.loads(answer.partition(b"\r\n\r\n")[2])["eerste_ziektedag"] == "2025-03-04"


def test_the_deadline_setting(monkeypatch):
    monkeypatch.delenv(api.TIMEOUT_ENV, raising=False)
    assert api.request_timeout_from_environment() == api.REQUEST_TIMEOUT_SECONDS <= 10
    for wrong in ("abc", "0", "-1", "3600"):
        monkeypatch.setenv(api.TIMEOUT_ENV, wrong)
        with pytest.raises(ValueError):
            create_server("127.0.0.1", 0, TOKEN, today=date.today)
