"""A Rasa server process for the REST channel tests: Rasa's own app and logging, a scripted turn.

`python tests/channels/rest_server.py` builds the app with rasa.core.run.configure_app (the
function `rasa run` uses: Rasa's HTTP API with a token, CORS, the channel mounted under
/webhooks/ by rasa.core.channels.channel.register), configures logging the way
`python -m spoorwijzer_rasa run` does (Rasa's set-up, then spoorwijzer_rasa.log_safety), and
serves. The agent is Rasa's real Agent with real stores (Rasa's lock store; Spoorwijzer's in-memory
tracker store, which erases when a turn asks for it); only the processor (the trained model)
is a stand-in that stores a turn the way Rasa does and logs the way Rasa's processor does.
A process of its own, because Sanic reads SANIC_* from the environment when the app is made and
because the tests read what the process really writes to stdout and stderr.

Environment:
  REST_TEST_PORT           port on 127.0.0.1
  REST_TEST_CALLS          file: one line per message that reached the agent (the sender id only)
  REST_TEST_LOCK_STORE     "memory" (default) or "redis:<port>" (Rasa's RedisLockStore)
  REST_TEST_LOG_LEVEL      e.g. DEBUG (default INFO)
  REST_TEST_API_TOKEN      token for Rasa's HTTP API (default: a fixed test token)
Scripted turns, by the message text: starts with "crash" -> the turn raises with the text in the
exception; starts with "wis" -> the reply carries the erase marker; "stil" -> no reply; otherwise
one reply "Antwoord.".
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace
from typing import Dict, Iterator

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def rest_server(tmp_path: Path, **env: str) -> Iterator[SimpleNamespace]:
    """Runs this module as a server process; yields base url, the calls file and the log so far."""
    from tests.live_checks import free_port

    port = free_port()
    calls = tmp_path / "calls.txt"
    calls.write_text("")
    calls.with_name("routes.json").unlink(missing_ok=True)
    log_path = tmp_path / "server.log"
    environment: Dict[str, str] = {
        **os.environ,
        "REST_TEST_PORT": str(port),
        "REST_TEST_CALLS": str(calls),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "PYTHONWARNINGS": "ignore",
        **env,
    }
    # Run by path, with the project first on the path: the process imports nothing of `tests`.
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    if "REDIS_HOST" not in env:
        environment.pop("REDIS_HOST", None)  # per process, unless a test asks for Redis
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve())],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/webhooks/rest/", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "REST test server did not start:\n" + log_path.read_text(errors="replace")
                    ) from None
                time.sleep(0.3)
        routes_path = calls.with_name("routes.json")
        while not routes_path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        yield SimpleNamespace(
            base=base,
            port=port,
            process=process,
            routes=lambda: json.loads(routes_path.read_text()),
            calls=lambda: calls.read_text().split(),
            log=lambda: log_path.read_bytes().decode("utf-8", "backslashreplace"),
        )
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _run() -> None:
    from spoorwijzer_rasa import log_safety

    log_safety.install_for_rasa_cli()  # as spoorwijzer_rasa/__main__.py does, before Rasa runs

    import rasa.__main__ as rasa_main
    import rasa.utils.io
    import structlog
    from rasa.core.agent import Agent
    from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
    from rasa.core.run import configure_app
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.utils.common import configure_logging_and_warnings, update_sanic_log_level

    from connectors.guarded_rest import GuardedRestInput
    from privacy.erasure import MARKER
    from privacy.store import PrivateInMemoryTrackerStore

    structlogger = structlog.get_logger()
    processor_logger = logging.getLogger("rasa.core.processor")

    class ScriptedProcessor:
        """Stands in for Rasa's MessageProcessor (which needs a trained model)."""

        def __init__(self, agent: Agent, calls: str) -> None:
            self.agent = agent
            self.calls = calls

        async def handle_message(self, message):
            with open(self.calls, "a") as calls:
                calls.write(f"{message.sender_id}\n")
            text = message.text
            # What Rasa's processor logs for a message (processor.py: structlog with the text, and
            # Rasa's f-string DEBUG lines that quote values).
            structlogger.debug(
                "processor.message.parse", parse_data_text=text, parse_data_entities=[{"entity": "bsn", "value": text}]
            )
            processor_logger.debug(f"Received user message '{text}' with intent 'inform'.")
            tracker = await self.agent.tracker_store.get_or_create_tracker(message.sender_id)
            tracker.update(UserUttered(text, message_id=message.message_id))
            if text.startswith("crash"):
                try:
                    raise RuntimeError(f"turn failed while handling {text!r}")
                except RuntimeError:
                    # As Rasa's REST channel logs a failed turn (rest.py): structlog, the text as a
                    # value, and a traceback whose frames hold `text` as a local variable.
                    structlogger.exception("rest.message.received.failure", text=text)
                    raise
            if text.startswith("wis"):
                tracker.update(BotUttered(data={"custom": {MARKER: True}}))
                await message.output_channel.send_custom_json(message.sender_id, {MARKER: True})
            elif text != "stil":
                tracker.update(BotUttered("Antwoord."))
                await message.output_channel.send_text_message(message.sender_id, "Antwoord.")
            await self.agent.tracker_store.save(tracker)

    def lock_store():
        spec = os.environ.get("REST_TEST_LOCK_STORE", "memory")
        if spec.startswith("redis:"):
            return RedisLockStore(host="127.0.0.1", port=int(spec.split(":", 1)[1]), socket_timeout=2)
        return InMemoryLockStore()

    level = logging.getLevelName(os.environ.get("REST_TEST_LOG_LEVEL", "INFO"))
    # The steps of rasa.__main__.main, in its order.
    configure_logging_and_warnings(level, None, warn_only_once=True, filter_repeated_logs=True)
    rasa.utils.io.configure_colored_logging(level)
    rasa_main.configure_structlog(level)

    app = configure_app(
        [GuardedRestInput()],
        cors=["http://localhost:8080"],
        auth_token=os.environ.get("REST_TEST_API_TOKEN", "test-token-niet-geheim"),
        enable_api=True,
        route="/webhooks/",
    )
    agent = Agent(
        domain=Domain.empty(), tracker_store=PrivateInMemoryTrackerStore(Domain.empty()), lock_store=lock_store()
    )
    agent.processor = ScriptedProcessor(agent, os.environ["REST_TEST_CALLS"])  # type: ignore[assignment]
    app.ctx.agent = agent

    @app.listener("after_server_start")
    async def publish_routes(running_app, _loop) -> None:
        """The route table as the running app has it, for the tests to attack."""
        routes = [
            {"path": "/" + route.path.lstrip("/"), "methods": sorted(route.methods)}
            for route in running_app.router.routes
        ]
        Path(os.environ["REST_TEST_CALLS"]).with_name("routes.json").write_text(json.dumps(routes))

    update_sanic_log_level()
    app.run(host="127.0.0.1", port=int(os.environ["REST_TEST_PORT"]), workers=1, access_log=True)


if __name__ == "__main__":
    _run()
