"""No message text, personal data or tracker content in any log, at any level (issue #25, 6).

First the rules of spoorwijzer_rasa/log_safety.py on records that the real libraries make
(asyncio, structlog with Rasa's own set-up as the control), then a real server process with Rasa's
app and logging at DEBUG, every library included, through every failure path of the REST channel.
"""

from __future__ import annotations

import asyncio
import gc
import io
import json
import logging
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import structlog

from spoorwijzer_rasa import log_safety
from tests.channels.rest_server import rest_server

ROOT = Path(__file__).resolve().parents[2]


def marker() -> str:
    return f"borstkanker{uuid.uuid4().hex[:10]}"


@pytest.fixture
def log():
    """Everything logged in the test, through our record factory, as a handler prints it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    previous = logging.getLogRecordFactory()
    logging.setLogRecordFactory(lambda *args, **kwargs: log_safety.make_safe(previous(*args, **kwargs)))
    yield stream.getvalue
    logging.setLogRecordFactory(previous)
    root.removeHandler(handler)
    root.setLevel(level)


def library_logger(name="rasa.core.probe"):
    logger = logging.getLogger(name)
    logger.setLevel(logging.DEBUG)
    return logger


def test_text_built_at_run_time_is_hidden_and_where_it_came_from_is_shown(log):
    text = marker()
    library_logger().debug(f"Received user message '{text}' with intent 'inform'")
    library_logger().error(f"Failed for {text}")
    output = log()
    assert text not in output
    assert "tekst verborgen: rasa.core.probe test_log_safety.py:" in output


def test_a_literal_message_is_shown_and_only_number_arguments(log):
    text = marker()
    library_logger().info("Rasa server is up and running.")
    library_logger().warning("Exception occurred while handling uri: %s (attempt %d)", f"http://x/?q={text}", 3)
    output = log()
    assert "Rasa server is up and running." in output
    assert "Exception occurred while handling uri: ‹…› (attempt 3)" in output
    assert text not in output


def test_an_exception_shows_its_type_and_frames_never_its_message_or_locals(log):
    text = marker()

    def handle(message):
        raise KeyError(f"slot waarde {message}")

    try:
        try:
            handle(text)
        except KeyError as error:
            raise RuntimeError(f"turn failed: {text}") from error
    except RuntimeError:
        library_logger().exception("Turn failed.")
    output = log()
    assert text not in output
    assert "Turn failed." in output and "KeyError" in output and "RuntimeError" in output
    assert "in handle" in output  # the frame, so an operator can find the line


def test_an_oserror_keeps_its_errno(log):
    try:
        raise ConnectionRefusedError(111, f"Connection refused for {marker()}")
    except OSError:
        library_logger().exception("Redis unavailable.")
    assert "ConnectionRefusedError (errno 111)" in log()


def test_our_own_modules_are_shown_as_written_but_exceptions_only_by_type(log):
    own = library_logger("connectors.probe")
    text = marker()
    own.warning(f"Redis niet bereikbaar voor {'rest-message'}")
    own.error("Opslaan mislukt (%s)", ValueError(f"[parameters: ('{text}',)]"))
    output = log()
    assert "Redis niet bereikbaar voor rest-message" in output
    assert "Opslaan mislukt (ValueError)" in output and text not in output


def test_the_safety_net_hides_any_record_with_the_current_message(log):
    text = f"ik heb {marker()} en mijn BSN is 111222333"
    own = library_logger("connectors.probe")
    with log_safety.hidden_text(text):
        own.info("Bericht: %s", text)  # a mistake in our own code
        own.info("BSN 111222333 gevonden")  # a fragment of it
    own.info("Na de beurt: %s", "zichtbaar")
    output = log()
    assert "111222333" not in output and "borstkanker" not in output
    assert "Na de beurt: zichtbaar" in output


def test_asyncio_never_prints_the_failed_task_with_its_exception(log):
    text = marker()

    async def turn():
        raise RuntimeError(f"handling {text}")

    loop = asyncio.new_event_loop()
    task = loop.create_task(turn())
    loop.run_until_complete(asyncio.sleep(0.01))
    del task
    gc.collect()  # asyncio logs "Task exception was never retrieved" with the task's repr
    loop.close()
    output = log()
    assert "RuntimeError" in output, output
    assert text not in output


def test_a_lone_surrogate_never_breaks_a_log_line(log, capsys):
    own = library_logger("connectors.probe")
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, as a real log file
    handler = logging.StreamHandler(stream)
    own.addHandler(handler)
    try:
        own.warning(f"kapot teken {chr(0xD800)}")
    finally:
        own.removeHandler(handler)
    assert "Logging error" not in capsys.readouterr().err
    assert "\\ud800" in log()


def structlog_output(configure) -> str:
    """What a Rasa-style structlog exception (rasa/core/channels/rest.py) writes under a set-up."""
    saved = structlog.get_config()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("rasa.core.channels.rest")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    text = marker()
    try:
        configure(logging.DEBUG)
        structlogger = structlog.get_logger("rasa.core.channels.rest")
        try:
            user_text = text  # a local variable, as in Rasa's receive()
            raise ValueError("no model")
        except ValueError:
            structlogger.exception("rest.message.received.failure", text=user_text)
    finally:
        structlog.configure(**saved)
        logger.removeHandler(handler)
    return stream.getvalue(), text


def test_rasas_own_structlog_set_up_leaks_the_text_and_ours_does_not():
    from rasa.utils.log_utils import configure_structlog as rasas

    output, text = structlog_output(rasas)
    assert text in output  # the control: this is the leak of issue #25
    output, text = structlog_output(log_safety.configure_structlog)
    assert "rest.message.received.failure" in output and "ValueError" in output
    assert text not in output


def test_the_access_log_keeps_no_token_or_conversation_id():
    conversation = str(uuid.uuid4())
    record = logging.LogRecord("sanic.access", logging.INFO, __file__, 1, "", (), None)
    record.request = f"GET http://h/conversations/{conversation}/tracker?token=geheim123"
    log_safety.AccessLogFilter().filter(record)
    assert record.request == "GET http://h/conversations/‹…›/tracker"


def test_python_m_spoorwijzer_rasa_installs_the_log_safety_before_rasa_runs():
    probe = (
        "import json, logging, runpy, rasa.__main__ as rasa_main\n"
        "def main():\n"
        "    rasa_main.configure_structlog(logging.DEBUG)\n"
        "    import structlog\n"
        "    print(json.dumps({'factory': logging.getLogRecordFactory().__module__,\n"
        "                      'processors': [getattr(p, '__name__', type(p).__name__)\n"
        "                                     for p in structlog.get_config()['processors']]}))\n"
        "rasa_main.main = main\n"
        "runpy.run_module('spoorwijzer_rasa', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"TF_CPP_MIN_LOG_LEVEL": "2", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["factory"] == "spoorwijzer_rasa.log_safety"
    assert "_mask_values" in seen["processors"] and "_render_event" in seen["processors"]


# ---- the real thing: a server process at DEBUG, every failure path ----


def post(base, path, raw: bytes):
    request = urllib.request.Request(base + path, data=raw, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_server_at_debug_logs_no_text_on_any_path(tmp_path):
    text = marker()
    bsn = "111222333"
    sender = str(uuid.uuid4())
    token = "api-token-" + uuid.uuid4().hex
    with rest_server(
        tmp_path, REST_TEST_LOG_LEVEL="DEBUG", LOG_LEVEL_LIBRARIES="DEBUG", REST_TEST_API_TOKEN=token
    ) as server:

        def send(message) -> int:
            return post(
                server.base, "/webhooks/rest/webhook", json.dumps({"sender": sender, "message": message}).encode()
            )[0]

        assert send(f"ik heb {text}, mijn BSN is {bsn}") == 200  # a normal turn, with Rasa-like DEBUG logs
        assert send(f"crash: ik heb {text}, mijn BSN is {bsn}") == 200  # the turn raises, with the text in it
        assert send([f"ik heb {text}", bsn]) == 400  # a list
        assert send(12345678) == 400
        raw = ('{"sender": "%s", "message": "ik heb %s \\ud800 %s"}' % (sender, text, bsn)).encode()
        assert post(server.base, "/webhooks/rest/webhook", raw)[0] == 400  # a lone surrogate
        assert (
            post(
                server.base,
                "/webhooks/rest/webhook",
                b'{"sender": "%s", "message": "%s' % (sender.encode(), text.encode()),
            )[0]
            == 400
        )  # not JSON at all
        # Rasa's HTTP API with the token in the URL and the conversation id in the path. The stand-in
        # processor cannot serve a tracker, so this also takes Sanic's error path (500), which logs the URL.
        try:
            urllib.request.urlopen(f"{server.base}/conversations/{sender}/tracker?token={token}", timeout=30)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        assert status in (200, 500)
        output = server.log()
    # The paths did run and were logged ...
    assert "processor.message.parse" in output
    assert "rest.message.received.failure" in output
    assert "Een bericht via REST kon niet verwerkt worden (RuntimeError)" in output
    assert "sanic.access" in output
    # ... without what the person wrote, who it was, or the API token.
    for secret in (text, bsn, sender, token):
        assert secret not in output, secret
