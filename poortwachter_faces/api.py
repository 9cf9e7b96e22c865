"""HTTP JSON API for HR systems: the same inputs and output as `poortwachter tijdlijn --json`.

    POORTWACHTER_API_TOKEN=<geheim> poortwachter serve --port 8088

POST /v1/tijdlijn (bearer token) computes a timeline (JSON; with `Accept: application/pdf`
the same overview as a PDF for the re-integration dossier); POST /v1/dossiercheck takes the same
fields plus "documenten" and checks the file (JSON, or a one-page checklist PDF); GET /openapi.json describes
the API; GET /health is for probes. Errors are JSON with a Dutch message:
{"fout": "...", "code": "..."}. Built on the standard library's HTTP server
(ThreadingHTTPServer), so this face needs no web framework either.

Slow clients: each request must arrive whole (request line, headers and body) within
REQUEST_TIMEOUT_SECONDS (POORTWACHTER_API_TIMEOUT), counted from when the server starts
reading it, not per read; otherwise the connection is closed (a body gets 408 first).
http.server alone waits forever, so a client that sends half a request, or one byte
every few seconds, would hold a thread and a socket for as long as it likes (slowloris).
"""

from __future__ import annotations

import hmac
import io
import json
import os
import socket
import sys
import time
from datetime import date, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, Callable
from zoneinfo import ZoneInfo

from poortwachter.counting import Periode
from poortwachter.dossiercheck import DOCUMENTEN, NIET_GEDAAN, ONBEKEND, Dossiercheck, check_dossier
from poortwachter.errors import PoortwachterError
from poortwachter.invoer import VELDEN, Invoer
from poortwachter.parsing import parse_iso_date, parse_period
from poortwachter.results import Tijdlijn
from poortwachter.tijdlijn import compute_tijdlijn_for

from .checklist_pdf import FILENAME as CHECKLIST_FILENAME
from .checklist_pdf import checklist_pdf
from .pdf import FILENAME as PDF_FILENAME
from .pdf import dossier_pdf

TOKEN_ENV = "POORTWACHTER_API_TOKEN"
TIMEOUT_ENV = "POORTWACHTER_API_TIMEOUT"
REQUEST_TIMEOUT_SECONDS = 10.0  # a whole request; an HR system sends < 16 KiB at once
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_BODY_BYTES = 16 * 1024
MAX_PERIODS = 50
# path -> its one method
ROUTES = {"/v1/tijdlijn": "POST", "/v1/dossiercheck": "POST", "/health": "GET", "/openapi.json": "GET"}
FIELDS = frozenset(VELDEN)  # the body's fields are the input record's (invoer.py)
BOOLEANS = ("perspectief_binnen_3_maanden", "eigenrisicodrager_zw", "ziekte_door_zwangerschap", "ziek_na_verlof")


class RequestError(Exception):
    """A request the API refuses, with HTTP status, code and Dutch message."""

    def __init__(self, status: HTTPStatus, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _bad(message: str, code: str = "ongeldige_invoer") -> RequestError:
    return RequestError(HTTPStatus.UNPROCESSABLE_ENTITY, code, message)


def _date(body: dict, name: str, label: str, required: bool = False) -> date | None:
    value = body.get(name)
    if value is None:
        if required:
            raise _bad(f"Het veld '{name}' ontbreekt: geef de {label} als JJJJ-MM-DD.", "veld_ontbreekt")
        return None
    if not isinstance(value, str):
        raise _bad(f"'{name}' moet een datum zijn in de vorm JJJJ-MM-DD.")
    return parse_iso_date(value, label)


def _period(item: Any, name: str) -> Periode:
    if not (isinstance(item, dict) and isinstance(item.get("begin"), str) and isinstance(item.get("einde"), str)):
        raise _bad(f'{name} is {{"begin": "JJJJ-MM-DD", "einde": "JJJJ-MM-DD"}}.')
    return parse_period(f"{item['begin']}:{item['einde']}")


def _periods(value: Any) -> list[Periode]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_PERIODS:
        raise _bad(f"'eerdere_perioden' moet een lijst zijn van hoogstens {MAX_PERIODS} perioden.")
    return [_period(item, "Een eerdere periode") for item in value]


def tijdlijn_json_from_body(body: Any, today: date) -> dict:
    """Validate a request body and compute the timeline as JSON; raises RequestError or PoortwachterError."""
    return tijdlijn_from_body(body, today).as_dict()


def tijdlijn_from_body(body: Any, today: date) -> Tijdlijn:
    """Validate a request body and compute the timeline; raises RequestError or PoortwachterError."""
    return compute_tijdlijn_for(invoer_from_body(body, today))


def dossiercheck_from_body(body: Any, today: date) -> Dossiercheck:
    """The case's fields plus "documenten": {naam: "JJJJ-MM-DD" | "niet_gedaan" | "onbekend" | null}. The rules
    check the names and dates (a PoortwachterError becomes a 422)."""
    if not isinstance(body, dict):
        raise _bad("De body moet een JSON-object zijn.")
    documenten = body.get("documenten", {})
    if documenten is None:
        documenten = {}
    if not isinstance(documenten, dict):
        raise _bad(
            "'documenten' moet een object zijn: per document een datum (JJJJ-MM-DD), 'niet_gedaan' of 'onbekend'."
        )
    # The documented names and values only (openapi.json); the rules also read looser chat answers.
    for naam, waarde in documenten.items():
        if naam not in DOCUMENTEN:
            raise _bad(
                f"Onbekend document: '{str(naam)[:40]}'. Kies uit: {', '.join(DOCUMENTEN)}.", "onbekend_document"
            )
        if waarde is not None and not isinstance(waarde, str):
            raise _bad(f"Bij '{naam}' hoort een datum (JJJJ-MM-DD), '{NIET_GEDAAN}' of '{ONBEKEND}'.")
        if isinstance(waarde, str) and not waarde[:1].isdigit() and waarde not in (NIET_GEDAAN, ONBEKEND):
            raise _bad(
                f"Bij '{naam}' hoort een datum (JJJJ-MM-DD), '{NIET_GEDAAN}' of '{ONBEKEND}'; niet '{waarde[:40]}'."
            )
    case = {name: value for name, value in body.items() if name != "documenten"}
    return check_dossier(invoer_from_body(case, today), documenten)


def invoer_from_body(body: Any, today: date) -> Invoer:
    """Validate the case's fields of a request body; raises RequestError or PoortwachterError."""
    if not isinstance(body, dict):
        raise _bad("De body moet een JSON-object zijn.")
    unknown = sorted(set(body) - FIELDS)
    if unknown:
        raise _bad(f"Onbekend veld: {', '.join(unknown)}.", "onbekend_veld")
    extension = body.get("verlenging_weken")
    if extension is not None and (isinstance(extension, bool) or not isinstance(extension, int)):
        raise _bad("'verlenging_weken' moet een heel getal zijn (minstens 13).")
    for name in BOOLEANS:
        if body.get(name) is not None and not isinstance(body[name], bool):
            raise _bad(f"'{name}' is true of false.")
    verlof = body.get("zwangerschapsverlof")
    advies = body.get("advies") or "onbekend"
    if not isinstance(advies, str):
        raise _bad("'advies' moet een van de adviescodes zijn (tekst).")
    return Invoer(
        eerste_ziektedag=_date(body, "eerste_ziektedag", "eerste ziektedag", required=True),
        peildatum=_date(body, "peildatum", "peildatum") or today,
        advies=advies,
        eerdere_perioden=tuple(_periods(body.get("eerdere_perioden"))),
        verlenging_weken=extension,
        perspectief_binnen_3_maanden=body.get("perspectief_binnen_3_maanden"),
        probleemanalyse_datum=_date(body, "probleemanalyse_datum", "datum van de probleemanalyse"),
        eerstejaarsevaluatie_datum=_date(body, "eerstejaarsevaluatie_datum", "datum van de eerstejaarsevaluatie"),
        einde_dienstverband=_date(body, "einde_dienstverband", "laatste dag van het dienstverband"),
        eigenrisicodrager_zw=bool(body.get("eigenrisicodrager_zw")),
        geboortedatum=_date(body, "geboortedatum", "geboortedatum"),
        zwangerschapsverlof=_period(verlof, "Het zwangerschapsverlof") if verlof is not None else None,
        ziekte_door_zwangerschap=bool(body.get("ziekte_door_zwangerschap")),
        ziek_na_verlof=body.get("ziek_na_verlof"),
    )


def request_timeout_from_environment() -> float:
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return REQUEST_TIMEOUT_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= 300:
        raise ValueError(f"{TIMEOUT_ENV} moet een aantal seconden zijn (groter dan 0, hoogstens 300).")
    return seconds


class _ReadBeforeDeadline(io.RawIOBase):
    """Reads from a socket until one deadline; every recv waits only for the time left.

    A timeout per read (StreamRequestHandler.timeout) is not enough: a client that sends
    one byte just before each timeout would never be cut off.
    """

    def __init__(self, connection: socket.socket, write_timeout: float):
        super().__init__()
        self._connection = connection
        self._write_timeout = write_timeout
        self.deadline = time.monotonic() + write_timeout

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("request not complete before the deadline")
        self._connection.settimeout(remaining)
        try:
            return self._connection.recv_into(buffer)
        finally:
            # Writing the answer gets its own (per-send) timeout, not what is left of the deadline.
            self._connection.settimeout(self._write_timeout)


def openapi_document() -> bytes:
    return resources.files("poortwachter_faces").joinpath("openapi.json").read_bytes()


def make_handler(
    token: str, today: Callable[[], date], request_timeout: float = REQUEST_TIMEOUT_SECONDS
) -> type[BaseHTTPRequestHandler]:
    expected = f"Bearer {token}".encode()

    class Handler(BaseHTTPRequestHandler):
        server_version = "poortwachter-api"
        sys_version = ""
        timeout = request_timeout  # per socket operation (also for writing the answer)

        def setup(self) -> None:
            super().setup()
            self.rfile.close()  # replaced: reads must also respect the deadline of the whole request
            self._reader = _ReadBeforeDeadline(self.connection, request_timeout)
            self.rfile = io.BufferedReader(self._reader)

        def handle_one_request(self) -> None:
            # The deadline counts from here: a request line, headers and body within `request_timeout`.
            # A timeout before the body closes the connection (http.server catches TimeoutError).
            self._reader.deadline = time.monotonic() + request_timeout
            super().handle_one_request()

        def _send(
            self,
            status: HTTPStatus,
            payload: Any,
            content_type: str = "application/json; charset=utf-8",
            filename: str | None = None,
        ) -> None:
            body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if filename:
                self.send_header("Content-Disposition", f'attachment; filename="{filename}"')
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            if status == HTTPStatus.UNAUTHORIZED:
                self.send_header("WWW-Authenticate", 'Bearer realm="poortwachter"')
            self.end_headers()
            self.wfile.write(body)

        def _error(self, error: RequestError) -> None:
            self._send(error.status, {"fout": error.message, "code": error.code})

        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            if self.path == "/health":
                self._send(HTTPStatus.OK, {"status": "ok"})
            elif self.path == "/openapi.json":
                self._send(HTTPStatus.OK, openapi_document())
            else:
                self._method_not_allowed()

        def do_POST(self) -> None:  # noqa: N802
            if self.path not in ("/v1/tijdlijn", "/v1/dossiercheck"):
                self._method_not_allowed()
                return
            try:
                given = (self.headers.get("Authorization") or "").encode()
                if not hmac.compare_digest(given, expected):
                    raise RequestError(
                        HTTPStatus.UNAUTHORIZED,
                        "niet_geautoriseerd",
                        "Geef een geldig token: Authorization: Bearer <token>.",
                    )
                body = self._read_json()
                wants_pdf = "application/pdf" in (self.headers.get("Accept") or "")
                if self.path == "/v1/dossiercheck":
                    check = dossiercheck_from_body(body, today())
                    if wants_pdf:
                        pdf = checklist_pdf(check, datetime.now(AMSTERDAM))
                        self._send(HTTPStatus.OK, pdf, "application/pdf", CHECKLIST_FILENAME)
                    else:
                        self._send(HTTPStatus.OK, check.as_dict())
                    return
                tijdlijn = tijdlijn_from_body(body, today())
                if wants_pdf:
                    made_at = datetime.now(AMSTERDAM)
                    self._send(HTTPStatus.OK, dossier_pdf(tijdlijn, made_at), "application/pdf", PDF_FILENAME)
                else:
                    self._send(HTTPStatus.OK, tijdlijn.as_dict())
            except RequestError as error:
                self._error(error)
            except PoortwachterError as error:
                self._error(_bad(str(error)))
            except Exception:  # a bug: answer with a JSON 500 instead of dropping the connection
                self._error(
                    RequestError(
                        HTTPStatus.INTERNAL_SERVER_ERROR,
                        "interne_fout",
                        "Er ging iets mis bij het berekenen. Probeer het later opnieuw.",
                    )
                )

        def _read_json(self) -> Any:
            if "json" not in (self.headers.get("Content-Type") or ""):
                raise RequestError(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "geen_json", "Stuur JSON met Content-Type: application/json."
                )
            try:
                length = int(self.headers.get("Content-Length") or "")
            except ValueError:
                raise RequestError(
                    HTTPStatus.LENGTH_REQUIRED, "lengte_ontbreekt", "Content-Length ontbreekt of is ongeldig."
                ) from None
            if length < 0 or length > MAX_BODY_BYTES:
                raise RequestError(
                    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                    "te_groot",
                    f"Het verzoek is te groot (maximaal {MAX_BODY_BYTES} bytes).",
                )
            try:
                raw = self.rfile.read(length)
            except TimeoutError:
                self.close_connection = True
                raise RequestError(
                    HTTPStatus.REQUEST_TIMEOUT,
                    "te_traag",
                    f"Het verzoek kwam niet binnen {request_timeout:g} seconden helemaal binnen.",
                ) from None
            try:
                return json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise RequestError(HTTPStatus.BAD_REQUEST, "ongeldige_json", "De body is geen geldige JSON.") from None

        def log_message(self, format: str, *args: Any) -> None:
            pass  # no request bodies or personal data in logs

        def _method_not_allowed(self) -> None:
            allowed = ROUTES.get(self.path)
            if allowed is None:
                self._error(RequestError(HTTPStatus.NOT_FOUND, "niet_gevonden", "Deze URL bestaat niet."))
                return
            body = json.dumps({"fout": f"Deze methode kan hier niet; gebruik {allowed}.", "code": "methode"}).encode()
            self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
            self.send_header("Allow", allowed)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def __getattr__(self, name: str) -> Any:
            # Every other method (PUT, TRACE, QUERY, …) gets 405; http.server would answer 501.
            if name.startswith("do_"):
                return self._method_not_allowed
            raise AttributeError(name)

    return Handler


class _Server(ThreadingHTTPServer):
    # socketserver's default backlog of 5 makes the kernel drop connections in a burst
    # (each retried only after a second); one thread per connection serves them at once.
    request_queue_size = 128


def create_server(
    host: str, port: int, token: str, today: Callable[[], date], request_timeout: float | None = None
) -> ThreadingHTTPServer:
    """request_timeout: seconds for a whole request; default from POORTWACHTER_API_TIMEOUT, else 10."""
    if not token:
        raise ValueError(f"Zet {TOKEN_ENV}: de API draait niet zonder token.")
    seconds = request_timeout_from_environment() if request_timeout is None else request_timeout
    return _Server((host, port), make_handler(token, today, seconds))


def serve(host: str, port: int, today: Callable[[], date]) -> int:
    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        print(f"poortwachter: zet {TOKEN_ENV}; de API draait niet zonder token.", file=sys.stderr)
        return 2
    try:
        server = create_server(host, port, token, today)
    except ValueError as error:
        print(f"poortwachter: {error}", file=sys.stderr)
        return 2
    print(
        f"poortwachter-API op http://{host}:{port} (POST /v1/tijdlijn, POST /v1/dossiercheck, GET /openapi.json)",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
