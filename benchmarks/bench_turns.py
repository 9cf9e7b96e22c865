"""Conversation-turn benchmark: Rasa's default configuration, ours, and the replicated set-up.

Driven by scripts/bench.sh (`make bench`), which starts and stops the servers; this
file measures and reports. Subcommands:
  default-config DIR                  Rasa 3.6's shipped default config, in Dutch (DIR/default_config.yml)
  record-training SETUP SECONDS MODEL training time and model size
  measure LABEL URL PID…              1, 8 and 32 concurrent conversations; peak memory of PIDs
  measure-floor LABEL URL MESSAGE PID… the same for the floor bot (benchmarks/floor): MESSAGE 7 times
  soak URL RATE SECONDS PID           fixed turn rate; errors and memory growth of PID
  long LABEL URL [TURNS]              one conversation of TURNS (120) questions in a row: first vs last 20
  table                               everything recorded, as Markdown tables
Results accumulate in var/bench/*.json. Every turn is a full REST turn with custom
actions (loadgen/script.py); load goes to loopback only, in bounded loops.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script (scripts/bench.sh), so Python puts only this folder on the path; the project's
# packages (`loadgen`) live in the root, which is not installed.
sys.path.insert(0, str(ROOT))
from loadgen.client import new_session, percentile, require_loopback, send_turn  # noqa: E402
from loadgen.run import run  # noqa: E402
from loadgen.script import employee_turns  # noqa: E402

OUT = ROOT / "var" / "bench"
# (concurrent conversations, conversations in the run): each conversation is 7 turns.
LEVELS = [(1, 10), (8, 40), (32, 96)]
WARM_UP_CONVERSATIONS = 4  # TensorFlow traces its graphs on the first calls


def memory_kib(pid: int, field: str) -> int:
    """VmHWM (peak resident set) or VmRSS of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise ValueError(f"{field} not found for {pid}")


def append(name: str, record: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    records = json.loads(path.read_text()) if path.exists() else []
    records = [r for r in records if r.get("key") != record["key"]] + [record]
    path.write_text(json.dumps(records, indent=1))


def load(name: str) -> list[dict]:
    path = OUT / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else []


def default_config(directory: str) -> None:
    """Rasa's shipped default configuration in Dutch, the same one `make bench-nlu` uses."""
    from benchmarks.bench_nlu import default_config as write_default_config

    write_default_config(Path(directory))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc. Per turn it is a steadier figure than
    turns/s on a shared machine, where a neighbour's load moves the wall clock by tens of percents."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the process stopped: its figure is missing (nan), the run still counts
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def record_training(setup: str, seconds: str, model: str) -> None:
    append("training", {"key": setup, "seconds": int(seconds), "model_mb": Path(model).stat().st_size / 2**20})


def measure(label: str, url: str, pids: list[int], script: list[str] | None = None) -> None:
    require_loopback(url)
    run(url, 2, WARM_UP_CONVERSATIONS, script=script)
    for concurrency, conversations in LEVELS:
        cpu_before = [cpu_seconds(pid) for pid in pids]
        summary, _ = run(url, concurrency, conversations, script=script)
        answered = summary.turns - summary.errors
        cpu_ms = [
            round(1000 * (cpu_seconds(pid) - before) / answered, 1) if answered else None
            for pid, before in zip(pids, cpu_before)
        ]
        record = {
            "key": f"{label}|{concurrency}",
            "label": label,
            "concurrency": concurrency,
            "turns": summary.turns,
            "errors": summary.errors,
            "throughput": round(summary.throughput, 1),
            "p50_ms": round(summary.ms(0.50)),
            "p95_ms": round(summary.ms(0.95)),
            "p99_ms": round(summary.ms(0.99)),
            "cpu_ms_per_turn": cpu_ms,
        }
        append("turns", record)
        print(json.dumps(record))
    peak = {str(pid): round(memory_kib(pid, "VmHWM") / 1024) for pid in pids}
    append("memory", {"key": label, "label": label, "peak_mb": peak})
    print(f"{label}: peak memory (MB) per process {peak}")


async def _soak(url: str, rate: float, seconds: float, pid: int) -> dict:
    """Open-loop load: turns start at `rate` per second (each conversation stays in order)."""
    script = employee_turns()
    interval, deadline = 1 / rate, time.monotonic() + seconds
    latencies, errors, samples = [], 0, []
    tickets: asyncio.Queue[None] = asyncio.Queue()

    async def issue_tickets() -> None:
        next_at = time.monotonic()
        while time.monotonic() < deadline:
            tickets.put_nowait(None)
            next_at += interval
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))

    async def user(session) -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            sender = str(uuid.uuid4())  # the REST channel accepts only UUID4 conversation ids
            for index, message in enumerate(script):
                await tickets.get()
                if time.monotonic() >= deadline:
                    return
                turn = await send_turn(session, url, sender, index, message)
                if turn.status == 200 and turn.replies:
                    latencies.append(turn.seconds)
                else:
                    errors += 1

    async def sample_memory() -> None:
        while time.monotonic() < deadline:
            samples.append((time.monotonic(), memory_kib(pid, "VmRSS")))
            await asyncio.sleep(10)

    async with new_session(32) as session:
        users = [asyncio.create_task(user(session)) for _ in range(32)]
        await asyncio.gather(issue_tickets(), sample_memory())
        for _ in users:  # wake the users waiting for a ticket: they see the deadline and stop
            tickets.put_nowait(None)
        await asyncio.gather(*users)  # turns in flight finish
    samples.append((time.monotonic(), memory_kib(pid, "VmRSS")))
    if not latencies:
        raise SystemExit(f"duurtest: geen enkele beurt gelukt ({errors} fouten); zie de serverlog")
    # Memory after the first minute (model traced, caches warm; a quarter of a short
    # soak) against the end.
    start_at = samples[0][0] + min(60.0, seconds / 4)
    after_warm_up = next(kib for at, kib in samples if at >= start_at)
    growth = (samples[-1][1] - after_warm_up) / after_warm_up
    return {
        "key": "soak",
        "rate": rate,
        "seconds": seconds,
        "turns": len(latencies) + errors,
        "errors": errors,
        "p50_ms": round(1000 * percentile(latencies, 0.5)),
        "p95_ms": round(1000 * percentile(latencies, 0.95)),
        "p99_ms": round(1000 * percentile(latencies, 0.99)),
        "rss_mb_after_1_min": round(after_warm_up / 1024),
        "rss_mb_end": round(samples[-1][1] / 1024),
        "growth_pct": round(100 * growth, 2),
    }


# Questions an HR employee might ask one after another (fixed answers, each with a custom action).
LONG_QUESTIONS = [
    "wat is een probleemanalyse?",
    "wat is spoor 2?",
    "wat is een plan van aanpak?",
    "wie betaalt spoor 2?",
    "wat doet de bedrijfsarts?",
    "wat is een loonsanctie?",
    "wat is de eerstejaarsevaluatie?",
    "wat moet er in het re-integratieverslag?",
]


def long_conversation(label: str, url: str, turns: str = "120") -> None:
    """One conversation, one turn at a time: does a turn cost the same at turn 100 as at turn 1?"""
    require_loopback(url)
    count = int(turns)

    async def go() -> list[float]:
        sender = str(uuid.uuid4())
        seconds = []
        async with new_session(1) as session:
            for index in range(count):
                turn = await send_turn(session, url, sender, index, LONG_QUESTIONS[index % len(LONG_QUESTIONS)])
                if turn.status != 200 or not turn.replies:
                    raise SystemExit(f"beurt {index + 1} mislukt (HTTP {turn.status})")
                seconds.append(turn.seconds)
        return seconds

    run(url, 2, WARM_UP_CONVERSATIONS)  # warm up TensorFlow's graphs first
    seconds = asyncio.run(go())
    first, last = percentile(seconds[:20], 0.5) * 1000, percentile(seconds[-20:], 0.5) * 1000
    append(
        "long",
        {
            "key": label,
            "turns": count,
            "first20_ms": round(first, 1),
            "last20_ms": round(last, 1),
            "ratio": round(last / first, 2),
        },
    )
    print(
        f"{label}: {count} beurten; mediaan beurt 1-20 {first:.1f} ms, laatste 20 {last:.1f} ms ({last / first:.2f}x)"
    )


def soak(url: str, rate: str, seconds: str, pid: str) -> None:
    require_loopback(url)
    run(url, 2, WARM_UP_CONVERSATIONS)
    record = asyncio.run(_soak(url, float(rate), float(seconds), int(pid)))
    append("soak", record)
    print(json.dumps(record))
    if record["errors"] or record["growth_pct"] >= 5:
        sys.exit(1)


def half_of_max(label: str) -> None:
    """Half the highest throughput measured for `label`: the soak rate."""
    best = max(r["throughput"] for r in load("turns") if r["label"] == label)
    print(round(best / 2, 1))


def table() -> None:
    print(f"Machine: {platform.machine()}, {_cpus()} cores, {_memory_gib()} GiB, Python {platform.python_version()}\n")
    print("| set-up | concurrent | turns | errors | turns/s | p50 ms | p95 ms | p99 ms | CPU ms per turn |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in load("turns"):
        cpu = " + ".join(str(ms) for ms in r.get("cpu_ms_per_turn", [])) or "–"
        print(
            f"| {r['label']} | {r['concurrency']} | {r['turns']} | {r['errors']} | {r['throughput']} "
            f"| {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {cpu} |"
        )
    print("\n| set-up | peak memory per process (MB) |\n|---|---|")
    for r in load("memory"):
        print(f"| {r['label']} | {', '.join(str(v) for v in r['peak_mb'].values())} |")
    print("\n| configuration | training (s) | model (MB) |\n|---|---:|---:|")
    for r in load("training"):
        print(f"| {r['key']} | {r['seconds']} | {r['model_mb']:.1f} |")
    for r in load("long"):
        print(
            f"\nOne conversation of {r['turns']} turns ({r['key']}): median of turns 1-20 {r['first20_ms']} ms, "
            f"of the last 20 {r['last20_ms']} ms ({r['ratio']}x)"
        )
    for r in load("soak"):
        print(
            f"\nSoak: {r['seconds'] / 60:.0f} min at {r['rate']} turns/s: {r['turns']} turns, {r['errors']} errors, "
            f"p50/p95/p99 {r['p50_ms']}/{r['p95_ms']}/{r['p99_ms']} ms, memory {r['rss_mb_after_1_min']} → "
            f"{r['rss_mb_end']} MB ({r['growth_pct']:+.2f} %)"
        )


def _cpus() -> int:
    return len(os.sched_getaffinity(0))


def _memory_gib() -> int:
    kib = int(Path("/proc/meminfo").read_text().split()[1])
    return round(kib / 2**20)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {
        "default-config": lambda: default_config(*args),
        "record-training": lambda: record_training(*args),
        "measure": lambda: measure(args[0], args[1], [int(p) for p in args[2:]]),
        # Conversations as long as the employee's (7 turns), so the tracker grows the same way.
        "measure-floor": lambda: measure(
            args[0], args[1], [int(p) for p in args[3:]], [args[2]] * len(employee_turns())
        ),
        "soak": lambda: soak(*args),
        "half-of-max": lambda: half_of_max(*args),
        "table": table,
        "long": lambda: long_conversation(*args),
    }[command]()
