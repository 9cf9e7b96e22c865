"""Helpers for tests that talk to real servers on loopback: a free port for a test
server, an HTTP status without exceptions, and the report of the scripts that check
running servers (tests/rest, tests/topology): one line per check and 'N passed, N failed'."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_of(url: str, timeout: float = 60) -> int:
    """The HTTP status of a GET, also for 4xx/5xx answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def report(results: list[tuple[str, bool, str]]) -> int:
    """Print (name, ok, detail) checks; the exit code: 1 if any failed."""
    for name, ok, detail in results:
        print(f"{'ok  ' if ok else 'FOUT'} {name}" + ("" if ok else f"\n     kreeg: {detail}"))
    failed = sum(not ok for _, ok, _ in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def run(parts, results: list[tuple[str, bool, str]]) -> int:
    """Run each part of a checks script; a crash or timeout is a failed check, not a traceback."""
    for part in parts:
        try:
            part()
        except Exception as error:
            results.append((part.__name__, False, repr(error)))
    return report(results)
