"""Async REST-channel client that records what each turn cost.

Every loop is bounded (a fixed list of conversations, a deadline for the soak),
and only loopback addresses are accepted, so a load run cannot reach anything else.
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import socket
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlparse

import aiohttp

TURN_TIMEOUT_S = 60


def require_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    if not addresses or not all(ipaddress.ip_address(a).is_loopback for a in addresses):
        raise SystemExit(f"Belasting alleen naar loopback; {url} is dat niet.")


@dataclass
class Turn:
    sender: str
    index: int
    message: str
    status: int  # HTTP status, or 0 when the connection failed
    seconds: float
    replies: list = field(default_factory=list)
    replica: str = ""  # X-Spoorwijzer-Replica from nginx, when behind it


async def send_turn(
    session: aiohttp.ClientSession, base: str, sender: str, index: int, message: str, message_id: str | None = None
) -> Turn:
    """One turn. The same `message_id` again (a retry) never becomes a second turn on the server."""
    started = time.perf_counter()
    body = {"sender": sender, "message": message, "message_id": message_id or uuid.uuid4().hex}
    try:
        async with session.post(f"{base}/webhooks/rest/webhook", json=body) as response:
            replies = await response.json(content_type=None) if response.status == 200 else []
            return Turn(
                sender,
                index,
                message,
                response.status,
                time.perf_counter() - started,
                replies if isinstance(replies, list) else [],
                response.headers.get("X-Spoorwijzer-Replica", ""),
            )
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return Turn(sender, index, message, 0, time.perf_counter() - started)


def new_session(concurrency: int) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=TURN_TIMEOUT_S),
        connector=aiohttp.TCPConnector(limit=concurrency + 4),
    )


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation: a reported p99 is a latency that happened)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]
