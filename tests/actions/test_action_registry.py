"""The action server finds every custom action the domain names, wherever in `actions/` it lives.

rasa-sdk imports every module of the `actions` package and registers each `Action` subclass it then
knows; nothing lists them by hand. So a module split (guide.py into guide.py, guide_form.py and
guide_questions.py) or a module that no longer imports cannot lose an action silently: the server is
started the way scripts/start-actions.sh starts it and asked which actions it has.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.live_checks import free_port

ROOT = Path(__file__).resolve().parents[2]


def custom_actions_of_the_domain() -> set[str]:
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(ROOT / "domain"))
    return {name for name in domain.user_actions if not name.startswith("utter_")}


def registered_actions(tmp_path: Path) -> list[str]:
    """The action names a real action server (our start command, package `actions`) answers on /actions."""
    port = free_port()
    log_path = tmp_path / "actions.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "spoorwijzer_rasa.action_server", "--actions", "actions", "--port", str(port)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        give_up = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/actions", timeout=2) as answer:
                    return [item["name"] for item in json.load(answer)]
            except OSError:
                if server.poll() is not None or time.monotonic() > give_up:
                    pytest.fail("action server did not start:\n" + log_path.read_text(errors="replace"))
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_action_server_registers_exactly_the_domains_custom_actions(tmp_path):
    names = registered_actions(tmp_path)
    assert len(names) == len(set(names)), "an action name is registered twice"
    expected = custom_actions_of_the_domain()
    assert expected, "the domain names custom actions"
    assert set(names) == expected, {"missing": expected - set(names), "unknown": set(names) - expected}
