"""Every way into the Rasa server is guarded: the route table, attacked from every side (issue #25, 1-3, 9).

One real server process (tests/channels/rest_server.py): Rasa's own app builder with its HTTP API,
CORS and our REST channel mounted the way `rasa run` mounts it, the body limit the start scripts
set, and the default rate limits. The test reads the app's route table from that process and sends
every route, in every spelling and with every method, a message from a guessable conversation id.
Nothing may reach the agent (the server writes each message that does to a file).
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
import uuid
from urllib.parse import quote

import pytest

from connectors.conversation_id import REFUSED_TEXT
from connectors.limits import RATE_LIMITED_TEXT
from tests.channels.rest_server import rest_server

GUESSABLE = ["anna", "teams:29:1a2b3c", "slack:U123ABC"]
METHODS = ["POST", "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]
# GET requests that answer without a conversation: liveness, readiness, Rasa's hello and version.
HEALTH = {"/", "/version", "/webhooks/rest", "/webhooks/rest/", "/webhooks/rest/ready"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with rest_server(tmp_path_factory.mktemp("rest_routes"), SANIC_REQUEST_MAX_SIZE="1048576") as running:
        yield running


def send(
    server,
    method: str,
    path: str,
    body: bytes | None = None,
    source: str = "127.0.0.1",
    timeout: float = 10,
    headers: dict | None = None,
):
    """One request on a fresh connection, the path exactly as given (no normalisation)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout, source_address=(source, 0))
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        all_headers = {
            "Content-Type": "application/json",
            "Origin": "http://localhost:8080",
            "Access-Control-Request-Method": "POST",
            **(headers or {}),
        }
        if body is not None:
            all_headers["Content-Length"] = str(len(body))
        for name, value in all_headers.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def message(sender, text="Wat zijn mijn termijnen?"):
    return json.dumps({"sender": sender, "message": text}).encode()


def concrete(path: str, sender: str) -> str:
    """A route path with its parameters filled in: the conversation id where the route takes one."""
    path = "/" + path.lstrip("/")
    return re.sub(r"<[^>]+>", quote(sender, safe=""), path)


def spellings(path: str) -> list[str]:
    trimmed = path.rstrip("/") or "/"
    variants = {
        path,
        trimmed,
        trimmed + "/",
        "/" + path,
        path.replace("/", "//"),
        path + "?stream=true",
        path + "?sender=anna&token=raden",
        trimmed + "/?stream=true",
    }
    if len(trimmed) > 1:  # one letter percent-encoded, e.g. /webhooks/rest/%77ebhook
        last = trimmed.rsplit("/", 1)
        if last[1]:
            variants.add(f"{last[0]}/%{ord(last[1][0]):02X}{last[1][1:]}")
    return sorted(variants)


def test_the_route_table_holds_the_channel_and_rasas_api(server):
    paths = {route["path"] for route in server.routes()}
    assert "/webhooks/rest/webhook" in paths and "/webhooks/rest/ready" in paths
    assert any("conversations" in path for path in paths), "Rasa's HTTP API is part of the attack surface"


def test_a_random_uuid4_reaches_the_agent(server):
    """The control: the file does record what reaches the agent."""
    sender = str(uuid.uuid4())
    status, body = send(server, "POST", "/webhooks/rest/webhook", message(sender))
    assert status == 200 and json.loads(body)[0]["text"] == "Antwoord."
    assert sender in server.calls()


def test_no_route_spelling_or_method_lets_a_guessable_id_in(server):
    before = list(server.calls())
    tried = 0
    answers = {}
    for route in server.routes():
        for sender in GUESSABLE:
            for path in spellings(concrete(route["path"], sender)):
                for method in METHODS:
                    body = None if method in ("GET", "HEAD", "OPTIONS") else message(sender)
                    status, answer = send(server, method, path, body)
                    tried += 1
                    bare = path.split("?")[0].rstrip("/") or "/"
                    if method in ("GET", "HEAD") and (bare in HEALTH or bare + "/" in HEALTH):
                        continue
                    if method == "OPTIONS" and status in (200, 204):
                        assert answer == b"", f"OPTIONS {path} answered with content"  # CORS preflight only
                        continue
                    answers[(method, path)] = status
                    assert status in (400, 401, 403, 404, 405), f"{method} {path} ({sender}): {status} {answer[:200]!r}"
                    assert b"recipient_id" not in answer, f"{method} {path} answered as the assistant"
    assert tried > 500
    assert server.calls() == before, "a message from a guessable conversation id reached the agent"
    # The variants that reach the message handler are refused by its check, not by luck of routing.
    assert answers[("POST", "/webhooks/rest/webhook/")] == 400
    assert answers[("POST", "/webhooks/rest/webhook?stream=true")] == 400


@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/webhooks/rest/webhook/", "//webhooks/rest/webhook"])
def test_the_refusal_explains_itself(server, path):
    status, body = send(server, "POST", path, message("teams:29:1a2b3c"))
    if status != 404:
        assert status == 400 and json.loads(body) == {"error": "ongeldig_gesprek_id", "message": REFUSED_TEXT}


def test_streaming_is_refused_at_once_with_a_dutch_reason(server):
    sender = str(uuid.uuid4())
    for query in ("?stream=true", "?stream=True", "?stream=1", "?stream=false&stream=true"):
        started = time.monotonic()
        status, body = send(server, "POST", "/webhooks/rest/webhook" + query, message(sender), timeout=5)
        assert time.monotonic() - started < 5
        answer = json.loads(body)
        assert status == 400 and answer["error"] == "stream_niet_ondersteund", query
        assert "stream" in answer["message"] and "je" in answer["message"].split()
    assert sender not in server.calls()
    status, body = send(server, "POST", "/webhooks/rest/webhook?stream=false", message(sender))
    assert status == 200 and json.loads(body)[0]["text"] == "Antwoord."


@pytest.mark.parametrize("value", [["in welk spoor zit ik?"], 42, {"tekst": "hoi"}, None, True])
def test_a_message_that_is_not_text_gets_400_in_dutch(server, value):
    sender = str(uuid.uuid4())
    body = json.dumps({"sender": sender, "message": value}).encode()
    status, body = send(server, "POST", "/webhooks/rest/webhook", body)
    answer = json.loads(body)
    assert status == 400 and answer["error"] == "ongeldig_bericht" and "tekst" in answer["message"]
    assert sender not in server.calls()


def test_a_missing_message_gets_400(server):
    sender = str(uuid.uuid4())
    status, _ = send(server, "POST", "/webhooks/rest/webhook", json.dumps({"sender": sender}).encode())
    assert status == 400 and sender not in server.calls()


@pytest.mark.parametrize("escaped", ["\\ud800", "a\\udfffb", "nul\\u0000teken"])
def test_unstorable_characters_get_400_and_the_server_goes_on(server, escaped):
    sender = str(uuid.uuid4())
    raw = ('{"sender": "%s", "message": "ik ben ziek %s"}' % (sender, escaped)).encode()
    status, body = send(server, "POST", "/webhooks/rest/webhook", raw)
    assert status == 400 and json.loads(body)["error"] == "ongeldige_tekst"
    assert sender not in server.calls()
    status, body = send(server, "POST", "/webhooks/rest/webhook", message(sender, "ik ben ziek \U0001f600"))
    # A real emoji (a surrogate pair when escaped in JSON) is fine.
    assert status == 200 and json.loads(body)[0]["text"] == "Antwoord."


def test_a_body_over_one_mebibyte_gets_413(server):
    sender = str(uuid.uuid4())
    status, _ = send(server, "POST", "/webhooks/rest/webhook", message(sender, "x" * (2 * 1024 * 1024)))
    assert status == 413
    # Just under the limit it is read (and then answered as too long, without reaching the agent).
    status, body = send(server, "POST", "/webhooks/rest/webhook", message(sender, "x" * (1024 * 1024 - 200)))
    assert status == 200 and "te lang" in json.loads(body)[0]["text"]
    assert sender not in server.calls()


def loopback_alias_works() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 9), timeout=0.2, source_address=("127.0.0.2", 0)):
            pass
    except ConnectionRefusedError:
        return True
    except OSError:
        return False
    return True


def test_the_21st_message_in_a_minute_gets_429_and_nobody_else_notices(server):
    flooded, other = str(uuid.uuid4()), str(uuid.uuid4())
    statuses = []
    for number in range(21):
        status, body = send(server, "POST", "/webhooks/rest/webhook", message(flooded, f"bericht {number}"))
        statuses.append(status)
    assert statuses[:20] == [200] * 20, statuses
    assert statuses[20] == 429
    assert json.loads(body) == [{"recipient_id": flooded, "text": RATE_LIMITED_TEXT}]  # the widget shows it
    assert server.calls().count(flooded) == 20
    source = "127.0.0.2" if loopback_alias_works() else "127.0.0.1"
    status, body = send(server, "POST", "/webhooks/rest/webhook", message(other), source=source)
    assert status == 200 and json.loads(body)[0]["text"] == "Antwoord."
