"""The action server writes no message text in its log at any level, also when an action fails (#25 item 6).

Started the way scripts/servers.sh starts it, at DEBUG, with actions that fail with what the person
wrote (tests/server/failing_actions.py). Stock `python -m rasa_sdk` is the control: it does write
the text, so the test can fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.live_checks import free_port

ROOT = Path(__file__).resolve().parents[2]


def run_actions(module: str, tmp_path: Path) -> str:
    """Starts an action server with `module`, calls both failing actions, returns everything it logged."""
    port = free_port()
    log_path = tmp_path / f"{module.replace('.', '_')}.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", module, "--actions", "tests.server.failing_actions", "--port", str(port), "--debug"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("action server did not start:\n" + log_path.read_text(errors="replace"))
                time.sleep(0.3)
        for action in ("action_fails", "action_invalid_event"):
            call = {
                "next_action": action,
                "sender_id": str(uuid.uuid4()),
                "tracker": {"sender_id": "x", "slots": {}, "latest_message": {"text": TEXT}, "events": []},
                "domain": {},
            }
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/webhook",
                data=json.dumps(call).encode(),
                method="POST",
                headers={"Content-Type": "application/json"},
            )
            try:
                urllib.request.urlopen(request, timeout=30).close()
            except urllib.error.HTTPError:
                pass  # the failing action answers 500; what matters is the log
        time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return log_path.read_text(errors="replace")


TEXT = f"ik heb borstkanker-{uuid.uuid4().hex[:6]}, mijn BSN is 111222333"


def test_our_action_server_logs_no_message_text(tmp_path):
    log = run_actions("spoorwijzer_rasa.action_server", tmp_path)
    assert "DEBUG    rasa_sdk.executor" in log  # it did log, at DEBUG (with the text hidden)
    for secret in (TEXT, "borstkanker", "111222333"):
        assert secret not in log, f"{secret!r} in the action server's log"


def test_control_stock_rasa_sdk_does_log_the_text(tmp_path):
    assert "borstkanker" in run_actions("rasa_sdk", tmp_path)
