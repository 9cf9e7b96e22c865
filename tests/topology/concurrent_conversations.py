"""Replicated Rasa under load and faults, checked in PostgreSQL (run by `make test`).

    python tests/topology/concurrent_conversations.py http://127.0.0.1:8090 --kill-pid PID --kill-port 5007

Needs the topology of `make topology` and its DB_* environment. Two rounds of
50 concurrent conversations through nginx (7 turns each, every turn runs custom
actions):
  1. all replicas up: both replicas serve turns, and every conversation's tracker
     in PostgreSQL holds exactly its turns, in order, with exactly the replies the
     client got (none lost, none twice);
  2. one replica is killed (SIGKILL) mid-run: the conversations go on via the
     other replica, and the same checks hold for every conversation.
A turn that was in flight on the killed replica fails at the client, which sends
it again with the same message_id, as the chat widget does; the server never
turns that into a second turn (connectors/guarded_rest.py), which the tracker
checks confirm. Prints one line per check and 'N passed, N failed'.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import uuid
from pathlib import Path

import psycopg2

# Run as a script (scripts/test.sh), so Python puts only this folder on the path; the project's
# packages (`loadgen`, `tests.live_checks`) live in the root, which is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from loadgen.client import Turn, new_session, require_loopback, send_turn  # noqa: E402
from loadgen.script import employee_turns  # noqa: E402
from tests.live_checks import report, status_of  # noqa: E402

CONVERSATIONS = 50
RETRIES = 3
results: list[tuple[str, bool, str]] = []
resent_turns = 0  # turns that failed and were sent again with the same message_id


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((name, ok, detail))


def connect():
    return psycopg2.connect(
        host=os.environ["DB_HOST"],
        port=os.environ["DB_PORT"],
        dbname=os.environ["DB_NAME"],
        user=os.environ["DB_USER"],
        password=os.environ["DB_PASSWORD"],
    )


def stored_events(db, sender: str) -> list[tuple[int, str, float, str | None]]:
    """(id, type, timestamp, text) of a conversation's events in the order they were written."""
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT id, type_name, timestamp, data::json->>'text' FROM events WHERE sender_id = %s ORDER BY id",
            (sender,),
        )
        return cursor.fetchall()


def stored_turns(db, sender: str) -> list[tuple[str, list[str]]]:
    """The conversation as stored: each user message with the bot texts that followed it."""
    turns: list[tuple[str, list[str]]] = []
    for _, kind, _, text in stored_events(db, sender):
        if kind == "user":
            turns.append((text or "", []))
        elif kind == "bot" and turns:
            turns[-1][1].append(text or "")
    return turns


def reply_texts(replies: list[dict]) -> list[str]:
    return [r.get("text") or "" for r in replies]


async def careful_turn(session, base: str, sender: str, index: int, message: str) -> Turn:
    """Send a turn; after a failure, send it again with the same message_id."""
    global resent_turns
    message_id = uuid.uuid4().hex
    turn = await send_turn(session, base, sender, index, message, message_id)
    for attempt in range(RETRIES):
        if turn.status == 200:
            return turn
        resent_turns += 1
        await asyncio.sleep(1 + attempt)
        turn = await send_turn(session, base, sender, index, message, message_id)
    return turn


async def round_of_conversations(base: str, kill_pid: int | None, kill_after: int) -> dict[str, list[Turn]]:
    script = employee_turns()
    senders = [str(uuid.uuid4()) for _ in range(CONVERSATIONS)]
    done: dict[str, list[Turn]] = {sender: [] for sender in senders}
    finished = 0

    async def conversation(session, sender: str) -> None:
        nonlocal finished
        for index, message in enumerate(script):
            done[sender].append(await careful_turn(session, base, sender, index, message))
            finished += 1
            if kill_pid and finished == kill_after:
                os.kill(kill_pid, signal.SIGKILL)  # mid-run: other turns are in flight right now

    async with new_session(CONVERSATIONS) as session:
        await asyncio.gather(*(conversation(session, sender) for sender in senders))
    return done


def check_trackers(label: str, done: dict[str, list[Turn]]) -> None:
    script = employee_turns()
    db = connect()
    wrong_turns, wrong_replies, unordered, no_session_start = [], [], [], []
    for sender, turns in done.items():
        events = stored_events(db, sender)
        stored = stored_turns(db, sender)
        if [message for message, _ in stored] != script:
            wrong_turns.append(sender)
        if [bots for _, bots in stored] != [reply_texts(t.replies) for t in turns]:
            wrong_replies.append(sender)
        if [e[2] for e in events] != sorted(e[2] for e in events):
            unordered.append(sender)
        # The session starts before the first user message (with message metadata, Rasa
        # first stores it in the session_started_metadata slot).
        kinds = [e[1] for e in events]
        if "user" not in kinds or "session_started" not in kinds[: kinds.index("user")]:
            no_session_start.append(sender)
    db.close()
    failed_turns = sum(t.status != 200 or not t.replies for turns in done.values() for t in turns)
    check(
        f"{label}: elke beurt beantwoord ({sum(map(len, done.values()))} beurten)",
        failed_turns == 0,
        f"{failed_turns} zonder antwoord",
    )
    check(f"{label}: elke tracker bevat precies de 7 beurten, op volgorde", not wrong_turns, ", ".join(wrong_turns[:3]))
    check(
        f"{label}: elke tracker bevat precies de antwoorden die de gebruiker kreeg (geen dubbele, geen ontbrekende)",
        not wrong_replies,
        ", ".join(wrong_replies[:3]),
    )
    check(f"{label}: gebeurtenissen in tijdsvolgorde opgeslagen", not unordered, ", ".join(unordered[:3]))
    check(f"{label}: elk gesprek begint met een sessiestart", not no_session_start, ", ".join(no_session_start[:3]))


def replica_share(done: dict[str, list[Turn]]) -> dict[str, int]:
    share: dict[str, int] = {}
    for turns in done.values():
        for turn in turns:
            share[turn.replica] = share.get(turn.replica, 0) + 1
    return share


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--kill-pid", type=int, required=True, help="the replica to kill in round 2")
    parser.add_argument("--kill-port", required=True, help="its port, to see that it served turns before")
    args = parser.parse_args()
    require_loopback(args.base)
    check("nginx: gezondheidscheck op / bereikbaar", status_of(f"{args.base}/") == 200)
    check(
        "nginx: Rasa's API (gesprekken lezen) niet via nginx", status_of(f"{args.base}/conversations/x/tracker") == 404
    )

    done = asyncio.run(round_of_conversations(args.base, None, 0))
    share = replica_share(done)
    both = sum(len({t.replica for t in turns}) > 1 for turns in done.values())
    check(
        f"ronde 1: beide replica's beantwoorden beurten {share}",
        len(share) == 2 and min(share.values()) > 0.3 * sum(share.values()),
        str(share),
    )
    check(
        f"ronde 1: gesprekken wisselen van replica ({both} van de {CONVERSATIONS})",
        both >= 0.8 * CONVERSATIONS,
        str(both),
    )
    check_trackers("ronde 1", done)
    check("ronde 1: geen enkele beurt hoefde opnieuw", resent_turns == 0, str(resent_turns))

    total = CONVERSATIONS * len(employee_turns())
    done = asyncio.run(round_of_conversations(args.base, args.kill_pid, total // 3))
    share = replica_share(done)
    killed = [r for r in share if r.endswith(f":{args.kill_port}")]
    check(f"ronde 2: replica :{args.kill_port} deed mee vóór hij werd gestopt {share}", bool(killed), str(share))
    last_turns = [turns[-1] for turns in done.values()]
    check(
        "ronde 2: na het stoppen gaat elk gesprek verder op de andere replica",
        all(not t.replica.endswith(f":{args.kill_port}") for t in last_turns),
        "",
    )
    check_trackers("ronde 2 (replica gestopt)", done)
    print(f"beurten die op de gestopte replica liepen en opnieuw verstuurd zijn: {resent_turns}")

    return report(results)


if __name__ == "__main__":
    sys.exit(main())
