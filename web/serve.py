"""Serves the chat page and the widget script (web/) on localhost.

Usage: python web/serve.py [--port 8080] [--rasa http://localhost:5005]
The Rasa URL is written into the page's script tag, so the page works on any port.
"""
from __future__ import annotations

import argparse
import functools
import http.server
from pathlib import Path

HERE = Path(__file__).resolve().parent


class Handler(http.server.SimpleHTTPRequestHandler):
    rasa_url = "http://localhost:5005"

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        if self.path in ("/", "/index.html"):
            page = (HERE / "index.html").read_text(encoding="utf-8").replace(
                'data-target="spoorwijzer-chat"', f'data-target="spoorwijzer-chat" data-server="{self.rasa_url}"'
            )
            body = page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy",
                             f"default-src 'self'; connect-src 'self' {self.rasa_url}; style-src 'self' 'unsafe-inline'; "
                             "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args) -> None:  # keep the terminal quiet
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa", default="http://localhost:5005")
    args = parser.parse_args()
    Handler.rasa_url = args.rasa.rstrip("/")
    handler = functools.partial(Handler, directory=str(HERE))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(f"==> chatpagina op http://localhost:{args.port}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
