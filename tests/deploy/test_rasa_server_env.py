"""The Rasa server's body limit and access log, in every deploy file, with their real effect.

Dockerfile, Compose and Kubernetes give the Rasa server (only) SANIC_REQUEST_MAX_SIZE=1 MiB
and SANIC_ACCESS_LOG=false. Rasa's own start-up path (rasa.core.run.configure_app and
app.run, as serve_application calls them) is run in a subprocess with exactly that
environment, with library logging at DEBUG as an operator might set it: a 1.5 MiB body gets
413, and Rasa's API token in a URL appears in no output. Without the two values the same
server accepts the body and logs the token (Sanic's access log is on by default; only
Rasa's default ERROR level for libraries hides it), so the test can tell the difference.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import yaml


def free_port() -> int:
    # Local, not from tests.live_checks: an installed package (textstat) ships a top-level
    # `tests` package that shadows ours on import.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
EXPECTED = {"SANIC_REQUEST_MAX_SIZE": "1048576", "SANIC_ACCESS_LOG": "false"}
SECRET = "geheim-token-51c7"


def kubernetes_container(file: str) -> dict:
    deployment = next(
        d for d in yaml.safe_load_all((DEPLOY / "kubernetes" / file).read_text()) if d["kind"] == "Deployment"
    )
    return deployment["spec"]["template"]["spec"]["containers"][0]


def test_every_deploy_file_gives_the_rasa_server_the_limit_and_no_access_log():
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())["services"]
    rasa_env = {e["name"]: e["value"] for e in kubernetes_container("rasa.yaml").get("env", [])}
    for source in (compose["rasa"]["environment"], rasa_env):
        assert {k: str(v) for k, v in source.items() if k in EXPECTED} == EXPECTED
    # The action server keeps Sanic's defaults (its requests carry whole trackers).
    assert not [k for k in compose["actions"].get("environment", {}) if k.startswith("SANIC_")]
    assert not kubernetes_container("actions.yaml").get("env")


SERVER = textwrap.dedent("""
    import sys
    import rasa.utils.common
    from rasa.core import run
    from rasa.core.channels.rest import RestInput

    port = int(sys.argv[1])
    app = run.configure_app([RestInput()], enable_api=True, auth_token=sys.argv[2], port=port)
    rasa.utils.common.update_sanic_log_level()  # as serve_application does
    app.run(host="127.0.0.1", port=port, workers=1)
""")


def status(port: int, method: str, path: str, body: bytes = b"") -> int:
    """The HTTP status; -1 when the server closed the connection without one."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest(method, path)
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders()
        try:
            connection.send(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a server may answer 413 and close before the whole body is sent
        return connection.getresponse().status
    except (ConnectionError, http.client.HTTPException):
        return -1
    finally:
        connection.close()


def run_rasa_server(extra_env: dict) -> tuple[list[int], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANIC_")}
    env.update(extra_env, LOG_LEVEL_LIBRARIES="DEBUG", RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port), SECRET],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        while status(port, "GET", "/") != 200:
            assert process.poll() is None and time.monotonic() < deadline, "the Rasa server did not start"
            time.sleep(0.5)
        answers = [
            status(port, "GET", f"/status?token={SECRET}"),
            status(port, "GET", f"/webhooks/rest/?token={SECRET}"),
            # An API route that reads the body (no model loaded: 409 once the body is in).
            status(port, "POST", f"/model/parse?token={SECRET}", b'{"text": "' + b"a" * (3 * 1024 * 1024 // 2) + b'"}'),
        ]
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    return answers, output


def test_the_deploy_environment_limits_bodies_and_keeps_the_token_out_of_the_logs():
    kubernetes = {e["name"]: e["value"] for e in kubernetes_container("rasa.yaml").get("env", [])}
    answers, output = run_rasa_server(kubernetes)  # equal to Compose's and the Dockerfile's (test above)
    assert answers[:2] == [409, 200] and answers[2] == 413
    assert SECRET not in output

    # The same server without the two values: the body is taken and the token is logged.
    answers, output = run_rasa_server({})
    assert answers == [409, 200, 409]
    assert SECRET in output
