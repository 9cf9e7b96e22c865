"""Run many conversations at a fixed concurrency and summarise the turns."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass

from loadgen.client import Turn, new_session, percentile, require_loopback, send_turn
from loadgen.script import employee_turns


@dataclass
class Summary:
    concurrency: int
    turns: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def throughput(self) -> float:
        return self.turns / self.seconds if self.seconds else 0.0

    def ms(self, fraction: float) -> float:
        return 1000 * percentile(self.latencies, fraction)


async def _conversations(
    base: str, concurrency: int, conversations: int, deadline: float | None, script: list[str]
) -> list[Turn]:
    """`conversations` users, `concurrency` at a time; each runs the whole script, turn by turn."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for _ in range(conversations):
        queue.put_nowait(str(uuid.uuid4()))  # a conversation id must be a random UUID4 (connectors/conversation_id.py)
    turns: list[Turn] = []

    async def user(session) -> None:
        while not queue.empty() and (deadline is None or time.monotonic() < deadline):
            sender = queue.get_nowait()
            for index, message in enumerate(script):
                turns.append(await send_turn(session, base, sender, index, message))

    async with new_session(concurrency) as session:
        await asyncio.gather(*(user(session) for _ in range(concurrency)))
    return turns


def run(
    base: str, concurrency: int, conversations: int, max_seconds: float | None = None, script: list[str] | None = None
) -> tuple[Summary, list[Turn]]:
    """`script`: the messages of one conversation (default: the employee's decision-guide conversation)."""
    require_loopback(base)
    deadline = time.monotonic() + max_seconds if max_seconds else None
    started = time.perf_counter()
    turns = asyncio.run(_conversations(base, concurrency, conversations, deadline, script or employee_turns()))
    elapsed = time.perf_counter() - started
    ok = [t for t in turns if t.status == 200 and t.replies]
    return Summary(concurrency, len(turns), len(turns) - len(ok), elapsed, [t.seconds for t in ok]), turns
