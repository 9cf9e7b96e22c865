"""The load run: every conversation sends its script in order, a bounded number of times."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from loadgen.run import run
from loadgen.script import employee_turns


class RecordingChannel(BaseHTTPRequestHandler):
    """Stands in for Rasa's REST channel: records each message and answers with one reply."""

    received: defaultdict[str, list[str]]  # set by the fixture, per test

    def do_POST(self):  # the method name http.server calls
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received[body["sender"]].append(body["message"])
        reply = json.dumps([{"recipient_id": body["sender"], "text": "ok"}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


@pytest.fixture
def channel():
    RecordingChannel.received = defaultdict(list)
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingChannel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", RecordingChannel.received
    server.shutdown()


def test_each_conversation_sends_the_given_script_in_order(channel):
    url, received = channel
    summary, _ = run(url, concurrency=3, conversations=5, script=["vraag", "nog een"])
    assert len(received) == 5
    assert all(messages == ["vraag", "nog een"] for messages in received.values())
    assert (summary.turns, summary.errors, len(summary.latencies)) == (10, 0, 10)
    assert summary.throughput > 0


def test_without_a_script_the_employee_conversation_is_sent(channel):
    url, received = channel
    run(url, concurrency=1, conversations=1)
    assert list(received.values()) == [employee_turns()]
