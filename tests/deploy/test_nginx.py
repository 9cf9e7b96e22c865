"""deploy/nginx against real nginx (Debian's, as `make topology` uses it) on loopback.

- Rasa's API token (only ever `?token=`) ends up in no nginx log: not in the access log
  (off, also when the surrounding nginx.conf turns one on, as the official Docker image
  does), not in the error log when no replica can be reached (nginx writes the whole
  request line there), and not in the access-log format we offer for operators.
- Body limit, and HTTPS (deploy/nginx/tls/): TLS 1.2/1.3 with forward-secret AEAD
  ciphers only, HSTS on every HTTPS answer and never over HTTP, and plain HTTP only
  redirects. The example files are used as shipped, with only the ports, the
  certificate folder and the IPv6 listen lines changed for a loopback test.
"""

from __future__ import annotations

import datetime
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


def free_port() -> int:
    # Local, not from tests.live_checks: an installed package (textstat) ships a top-level
    # `tests` package that shadows ours on import.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


NGINX_DIR = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
SECRET = "geheim-8f3a2c"
HOST = "spoorwijzer.example.nl"
# What an access-log line may hold: no query string ($request, $request_uri, $args, $arg_…),
# no client address ($remote_addr, forwarded headers), no other request header.
LOGGABLE = {
    "time_iso8601",
    "time_local",
    "msec",
    "request_method",
    "uri",
    "server_protocol",
    "status",
    "body_bytes_sent",
    "bytes_sent",
    "request_length",
    "request_time",
    "upstream_status",
    "upstream_response_time",
    "upstream_addr",
}


def directives(text: str) -> list[tuple[str, list[str]]]:
    """(name, arguments) of every simple directive in an nginx file, blocks flattened."""
    text = re.sub(r"#[^\n]*", "", text)
    tokens = re.findall(r"'[^']*'|\"[^\"]*\"|[{};]|[^\s{};]+", text)
    found, current = [], []
    for token in tokens:
        if token in ";{}":
            if token == ";" and current:
                found.append((current[0], [t.strip("'\"") for t in current[1:]]))
            current = []
        else:
            current.append(token)
    return found


def test_access_logs_never_carry_the_query_string():
    main = directives((NGINX_DIR / "spoorwijzer.conf").read_text())
    formats = {args[0]: " ".join(args[1:]) for name, args in main if name == "log_format"}
    assert formats, "spoorwijzer.conf offers a format for operators who want an access log"
    for name, text in formats.items():
        variables = set(re.findall(r"\$\{?(\w+)", text))
        assert variables and variables <= LOGGABLE, f"log_format {name} logs {variables - LOGGABLE}"
    logs = [args for name, args in main if name == "access_log"]
    assert ["off"] in logs
    for args in logs:
        if args != ["off"]:
            assert len(args) >= 2 and args[1] in formats  # never nginx's default "combined" ($request)


def test_every_server_limits_bodies_to_at_most_1m():
    sizes = {"k": 1024, "m": 1024 * 1024}
    for path in NGINX_DIR.rglob("*.conf"):
        text = path.read_text()
        limits = [args[0] for name, args in directives(text) if name == "client_max_body_size"]
        if "proxy_pass" in text:
            assert limits, f"{path.name} proxies without a body limit"
        for limit in limits:
            number, unit = re.fullmatch(r"(\d+)([km]?)", limit.lower()).groups()
            assert 0 < int(number) * sizes.get(unit, 1) <= 1024 * 1024


def test_tls_example_allows_only_modern_protocols():
    listen = directives((NGINX_DIR / "tls" / "listen.conf").read_text())
    protocols = [args for name, args in listen if name == "ssl_protocols"]
    assert protocols == [["TLSv1.2", "TLSv1.3"]]
    ciphers = next(args[0] for name, args in listen if name == "ssl_ciphers").split(":")
    assert ciphers and all(c.startswith("ECDHE-") and ("GCM" in c or "CHACHA20" in c) for c in ciphers)


# ---------------------------------------------------------------------------- real nginx


@pytest.fixture(scope="module")
def nginx_binary():
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if binary is None:
        message = "nginx ontbreekt: scripts/ensure-topology-packages.sh installeert nginx-light"
        if os.environ.get("SPOORWIJZER_REQUIRE_NGINX"):
            pytest.fail(message)
        pytest.skip(message)
    return binary


class Replica:
    """Stands in for a Rasa replica behind nginx: records what reaches it, answers 200."""

    def __init__(self):
        self.seen: list[str] = []
        replica = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                replica.seen.append(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                body = b"[]"
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Nginx:
    """nginx with deploy/nginx/spoorwijzer.conf inside an http block like the nginx:1.22
    image's (which turns on an access log with "$request" before including conf.d)."""

    def __init__(
        self,
        binary: str,
        root: Path,
        listen: str,
        upstream_port: int,
        extra_http: str = "",
        snippet: str | None = None,
        ports: tuple[int, ...] = (),
    ):
        self.root = root
        (root / "spoorwijzer").mkdir(parents=True)
        (root / "tmp").mkdir()
        (root / "spoorwijzer" / "upstreams.conf").write_text(
            f"server 127.0.0.1:{upstream_port} max_fails=1 fail_timeout=5s;\n"
        )
        (root / "spoorwijzer" / "listen.conf").write_text(listen)
        conf = snippet if snippet is not None else (NGINX_DIR / "spoorwijzer.conf").read_text()
        (root / "spoorwijzer.conf").write_text(conf)
        user = "user root;" if os.geteuid() == 0 else ""
        (root / "nginx.conf").write_text(f"""{user}
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log info;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    log_format main '$remote_addr - $remote_user [$time_local] "$request" $status "$http_user_agent"';
    access_log {root}/image-access.log main;
    include {root}/spoorwijzer.conf;
    {extra_http}
}}
""")
        command = [binary, "-p", str(root), "-c", str(root / "nginx.conf"), "-e", str(root / "error.log")]
        check = subprocess.run(command + ["-t", "-q"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        for port in ports:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline and self.process.poll() is None, "nginx did not start"
                    time.sleep(0.05)

    def logs(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.root.glob("*.log"))

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)  # graceful: writes and closes its logs
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    host: str = "localhost",
    context: ssl.SSLContext | None = None,
):
    if context is None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    else:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
    headers = {"Host": host, "Content-Type": "application/json"}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


TOKEN_URLS = [
    ("POST", f"/webhooks/rest/webhook?token={SECRET}"),
    ("POST", f"/webhooks/rest/webhook?stream=true&token={SECRET}"),
    ("POST", f"/webhooks/rest/webhook/?TOKEN={SECRET}"),
    ("GET", f"/webhooks/rest/?token={SECRET}"),
    ("GET", f"/status?token={SECRET}"),
    ("GET", f"/conversations/abc/tracker?token={SECRET}"),
    ("GET", f"/?token={SECRET}"),
]


def test_the_token_reaches_no_log_even_with_every_replica_down(nginx_binary, tmp_path):
    port, dead = free_port(), free_port()  # nothing listens on `dead`: every replica is down
    nginx = Nginx(nginx_binary, tmp_path, f"listen 127.0.0.1:{port};\n", dead, ports=(port,))
    try:
        for method, path in TOKEN_URLS:
            body = b'{"sender": "x", "message": "hallo"}' if method == "POST" else None
            assert request(port, method, path, body).status == 400, path
        # An ordinary chat still tries the replicas (and fails: they are down).
        assert request(port, "POST", "/webhooks/rest/webhook?stream=true", b"{}").status == 502
    finally:
        nginx.stop()
    logs = nginx.logs()
    assert "while connecting to upstream" in logs  # the error log is written, at error level and more
    assert SECRET not in logs and SECRET.upper() not in logs
    assert not (tmp_path / "image-access.log").exists() or not (tmp_path / "image-access.log").read_text()


def test_chats_pass_within_the_body_limit_and_over_it_are_refused(nginx_binary, tmp_path):
    replica, port = Replica(), free_port()
    nginx = Nginx(nginx_binary, tmp_path, f"listen 127.0.0.1:{port};\n", replica.port, ports=(port,))
    try:
        ok = request(port, "POST", "/webhooks/rest/webhook", b'{"message": "' + b"a" * 60_000 + b'"}')
        assert ok.status == 200 and ok.getheader("Strict-Transport-Security") is None  # HSTS never over HTTP
        assert request(port, "POST", "/webhooks/rest/webhook", b"a" * (64 * 1024 + 1)).status == 413
        assert request(port, "GET", "/webhooks/rest/").status == 200
        assert request(port, "GET", "/model/parse").status == 404  # Rasa's HTTP API is not public
    finally:
        nginx.stop()
        replica.close()
    assert replica.seen == ["/webhooks/rest/webhook", "/webhooks/rest/"]


def test_the_offered_access_log_format_keeps_no_token_and_no_address(nginx_binary, tmp_path):
    replica, port = Replica(), free_port()
    snippet = (NGINX_DIR / "spoorwijzer.conf").read_text()
    assert "access_log off;" in snippet
    snippet = snippet.replace("access_log off;", f"access_log {tmp_path}/operator.log spoorwijzer_zonder_query;")
    nginx = Nginx(nginx_binary, tmp_path, f"listen 127.0.0.1:{port};\n", replica.port, snippet=snippet, ports=(port,))
    try:
        request(port, "POST", "/webhooks/rest/webhook", b"{}")
        for method, path in TOKEN_URLS:
            request(port, method, path, b"{}" if method == "POST" else None)
    finally:
        nginx.stop()
        replica.close()
    log = (tmp_path / "operator.log").read_text()
    assert len(log.splitlines()) == 1 + len(TOKEN_URLS) and " /webhooks/rest/webhook 200 " in log
    assert SECRET not in log and "127.0.0.1" not in log


# ---------------------------------------------------------------------------- HTTPS


def make_certificate(folder: Path) -> Path:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir()
    (folder / "fullchain.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return folder / "fullchain.pem"


def shipped(name: str, replacements: dict[str, str]) -> str:
    text = (NGINX_DIR / "tls" / name).read_text()
    for old, new in replacements.items():
        assert old in text, f"tls/{name} changed: {old!r} is no longer there"
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def https_nginx(nginx_binary, tmp_path_factory):
    root = tmp_path_factory.mktemp("tls")
    certificate = make_certificate(root / "certs")
    replica, https, plain = Replica(), free_port(), free_port()
    listen = shipped(
        "listen.conf",
        {
            "listen 443 ssl;": f"listen 127.0.0.1:{https} ssl;",
            "listen [::]:443 ssl;": "",
            "/etc/nginx/tls/": f"{root}/certs/",
        },
    )
    redirect = shipped("redirect.conf", {"listen 80;": f"listen 127.0.0.1:{plain};", "listen [::]:80;": ""})
    nginx = Nginx(nginx_binary, root / "nginx", listen, replica.port, extra_http=redirect, ports=(https, plain))
    context = ssl.create_default_context(cafile=str(certificate))
    context.check_hostname = False  # we connect to 127.0.0.1; the certificate itself is still verified
    yield {"https": https, "plain": plain, "context": context, "certificate": certificate, "replica": replica}
    nginx.stop()
    replica.close()


def test_https_answers_carry_hsts(https_nginx):
    for path, status in (("/webhooks/rest/", 200), ("/", 200), ("/conversations/x/tracker", 404)):
        response = request(https_nginx["https"], "GET", path, host=HOST, context=https_nginx["context"])
        assert response.status == status
        max_age = re.fullmatch(r"max-age=(\d+)", response.getheader("Strict-Transport-Security") or "")
        assert max_age and int(max_age.group(1)) >= 365 * 24 * 3600, path


def handshake(https_nginx, version: ssl.TLSVersion, ciphers: str | None = None) -> str:
    context = ssl.create_default_context(cafile=str(https_nginx["certificate"]))
    context.check_hostname = False
    context.minimum_version = context.maximum_version = version
    if ciphers:
        context.set_ciphers(ciphers)
    with socket.create_connection(("127.0.0.1", https_nginx["https"]), timeout=5) as raw:
        with context.wrap_socket(raw, server_hostname=HOST) as tls:
            return tls.cipher()[0]


def test_tls_versions_and_ciphers(https_nginx):
    assert handshake(https_nginx, ssl.TLSVersion.TLSv1_3).startswith("TLS_")
    assert "GCM" in handshake(https_nginx, ssl.TLSVersion.TLSv1_2) or "CHACHA20" in handshake(
        https_nginx, ssl.TLSVersion.TLSv1_2
    )
    # A TLS 1.2 client that offers only CBC ciphers (no AEAD) is refused by the server.
    with pytest.raises(ssl.SSLError):
        handshake(
            https_nginx,
            ssl.TLSVersion.TLSv1_2,
            "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA256",
        )


def test_plain_http_only_redirects_to_https(https_nginx):
    before = list(https_nginx["replica"].seen)
    for host in (HOST, "evil.example"):
        response = request(https_nginx["plain"], "POST", "/webhooks/rest/webhook?stream=true", b"{}", host=host)
        assert response.status == 301
        assert response.getheader("Location") == f"https://{HOST}/webhooks/rest/webhook?stream=true"
    assert https_nginx["replica"].seen == before  # nothing was proxied over plain HTTP
