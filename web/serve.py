"""Serves the chat page and the widget script (web/) on localhost.

Usage: python -m web.serve [--port 8080] [--rasa http://localhost:5005] [--retention-days 30]
The Rasa URL and the retention period are written into the page's script tag, so the page works
on any port and the browser forgets the conversation id when the server deletes the conversation.
The defaults are the settings WEB_PORT, PUBLIC_RASA_URL and RETENTION_DAYS (spoorwijzer_settings;
the Rasa server reads RETENTION_DAYS as well).

Every response carries the security headers below, so no way of asking for the page (query
string, fragment, double slash, percent-encoding, HEAD) gets it without its Content-Security-Policy.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import math
import os
import urllib.parse
from pathlib import Path

import spoorwijzer_settings

HERE = Path(__file__).resolve().parent
INDEX = os.path.realpath(HERE / "index.html")


def rasa_url(url: str) -> str:
    """The Rasa server's http(s) URL (a path prefix allowed); refuses anything that could break
    out of the CSP header or the page's attribute."""
    url = url.strip().rstrip("/")
    parts = urllib.parse.urlsplit(url)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or any(c in url for c in " ;,'\"<>\\")
        or not url.isprintable()
    ):
        raise ValueError(f"not an http(s) URL: {url!r}")
    return url


def origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def retention_days(value: str) -> str:
    days = float(value)
    if not (math.isfinite(days) and days > 0):
        raise ValueError("retention must be a positive number of days")
    return value.strip()


class Handler(http.server.SimpleHTTPRequestHandler):
    rasa_url = "http://localhost:5005"
    retention = "30"

    def security_headers(self) -> dict[str, str]:
        return {
            # The page runs only its own script and talks only to itself and the Rasa server.
            "Content-Security-Policy": (
                f"default-src 'self'; connect-src 'self' {origin(self.rasa_url)}; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
            ),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        }

    def end_headers(self) -> None:
        # Here, not per route: every answer (page, script, redirect, error page) gets them.
        for name, value in self.security_headers().items():
            self.send_header(name, value)
        super().end_headers()

    def is_page(self) -> bool:
        """Whether the request, however spelled, names the chat page (as the file server would
        resolve it: query and fragment dropped, percent-decoded, '//' and '.' normalised)."""
        target = self.translate_path(self.path)
        if os.path.isdir(target):
            target = os.path.join(target, "index.html")
        return not target.endswith("/") and os.path.realpath(target) == INDEX

    def send_page(self, with_body: bool) -> None:
        page = (
            (HERE / "index.html")
            .read_text(encoding="utf-8")
            .replace(
                'data-target="spoorwijzer-chat"',
                f'data-target="spoorwijzer-chat" data-server="{html.escape(self.rasa_url)}" '
                f'data-retention-days="{html.escape(self.retention)}"',
            )
        )
        body = page.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        if self.is_page():
            self.send_page(with_body=True)
            return
        super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        if self.is_page():
            self.send_page(with_body=False)
            return
        super().do_HEAD()

    def log_message(self, format: str, *args) -> None:  # keep the terminal quiet
        pass


def main() -> None:
    try:
        addresses = spoorwijzer_settings.Addresses.from_environment()
        retention = spoorwijzer_settings.Retention.from_environment()
    except spoorwijzer_settings.SettingsError as error:
        raise SystemExit(f"FOUT: {error}") from None
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=addresses.web_port)
    parser.add_argument("--rasa", default=addresses.public_rasa_url)
    parser.add_argument("--retention-days", default=str(retention.retention_days))
    args = parser.parse_args()
    Handler.rasa_url = rasa_url(args.rasa)
    Handler.retention = retention_days(args.retention_days)
    handler = functools.partial(Handler, directory=str(HERE))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        # The port actually bound: with --port 0 the system picks a free one (the tests do that).
        print(f"==> chatpagina op http://localhost:{server.server_address[1]}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
