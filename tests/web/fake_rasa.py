"""A stand-in for Rasa's REST channel, for browser tests that need answers the real server gives
only when something fails (an erasure that did not succeed, a lost connection).

Built from Rasa's own code where it matters: every reply is made by Rasa's
`CollectingOutputChannel._message`, the function that shapes what `POST /webhooks/rest/webhook`
returns, so the JSON has exactly Rasa's keys. The erasure outcome follows our REST channel's
contract (README "Privacy"; connectors/guarded_rest.py): one message with the text and
`"custom": {"gesprek_wissen": "gelukt" | "mislukt"}`. Cross-origin like the real server, which
answers the browser's preflight through sanic-cors.

It never repeats what the user typed, so any message text found in the browser's storage came
from the widget keeping it.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List

from rasa.core.channels.channel import CollectingOutputChannel

from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT

GREETING = "Hallo! Ik ben Spoorwijzer (nagebootst). Waar kan ik je mee helpen?"
ANSWER = "Dank je, ik heb je bericht ontvangen (nagebootst antwoord)."
CONFIRM_QUESTION = "Wil je dat ik dit hele gesprek wis?"


def message(sender: str, **parts: Any) -> Dict[str, Any]:
    return CollectingOutputChannel._message(sender, **parts)


class FakeRasa:
    """Runs on a free loopback port; `url` is its address. `erase_outcomes` is a queue of what the
    next erasures do: "gelukt", "mislukt" or "verbroken" (the connection is closed, no answer)."""

    def __init__(self) -> None:
        self.requests: List[Dict[str, Any]] = []
        self.erase_outcomes: List[str] = []
        self.refuse_with: List[tuple[int, List[Dict[str, Any]]]] = []  # (status, body) for the next requests
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def cors(self) -> None:
                self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
                self.send_header("Access-Control-Allow-Headers", "content-type")
                self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

            def do_OPTIONS(self) -> None:  # noqa: N802 (the browser's preflight)
                self.send_response(204)
                self.cors()
                self.end_headers()

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                if self.path != "/webhooks/rest/webhook":
                    self.send_error(404)
                    return
                fake.requests.append(body)
                status, replies = fake.refuse_with.pop(0) if fake.refuse_with else (200, fake.answer(body))
                if replies is None:  # the server went away mid-request
                    self.close_connection = True
                    return
                data = json.dumps(replies).encode("utf-8")
                self.send_response(status)
                self.cors()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, body: Dict[str, Any]) -> List[Dict[str, Any]] | None:
        sender, text = body.get("sender"), body.get("message")
        if text == "/greet":
            return [
                message(sender, text=GREETING, buttons=[{"title": "Wat is spoor 2?", "payload": "wat is spoor 2?"}])
            ]
        if text == "verwijder mijn gegevens":
            return [
                message(
                    sender,
                    text=CONFIRM_QUESTION,
                    buttons=[
                        {"title": "Ja, wis dit gesprek", "payload": "/confirm_erase"},
                        {"title": "Nee, niet wissen", "payload": "/deny"},
                    ],
                )
            ]
        if text == "/confirm_erase":
            outcome = self.erase_outcomes.pop(0) if self.erase_outcomes else "gelukt"
            if outcome == "verbroken":
                return None
            said = ERASED_TEXT if outcome == "gelukt" else ERASE_FAILED_TEXT
            return [message(sender, text=said, custom={"gesprek_wissen": outcome})]
        return [message(sender, text=ANSWER)]

    def senders(self) -> List[str]:
        return [r.get("sender") for r in self.requests]

    def __enter__(self) -> "FakeRasa":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
