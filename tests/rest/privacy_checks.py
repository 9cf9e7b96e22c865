"""What the running system keeps, read from its own database: no medical text, no identifiers
people type (BSN, phone, e-mail, IBAN, address), nothing after erasure, and the whole history of a
long conversation (split into sessions by the rule in domain/core.yml, session_config). Run by `make test` against the
single server with SQLite and against the replicated
set-up with PostgreSQL (through nginx, so erasure on one replica holds for all).

Usage: python tests/rest/privacy_checks.py <chat URL> sqlite:<path> | postgresql (DB_* from the environment)
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
import uuid
from datetime import date, timedelta
from pathlib import Path

# Run as a script (scripts/test.sh), so Python puts only this folder on the path; the project's
# packages (`privacy`, `tests.live_checks`) live in the root, which is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from privacy.erasure import ERASED_TEXT  # noqa: E402
from privacy.redaction import PLACEHOLDER  # noqa: E402
from tests.live_checks import report  # noqa: E402

BASE, DATABASE = sys.argv[1], sys.argv[2]
results: list[tuple[str, bool, str]] = []


def send(sender: str, message: str) -> str:
    request = urllib.request.Request(
        f"{BASE}/webhooks/rest/webhook",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"sender": sender, "message": message}).encode(),
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return "\n".join(r.get("text") or "" for r in json.load(response))


def stored(sender: str) -> list[str]:
    """The stored events (their JSON) of one conversation."""
    if DATABASE.startswith("sqlite:"):
        import sqlite3

        with sqlite3.connect(f"file:{DATABASE[len('sqlite:') :]}?mode=ro", uri=True) as db:
            return [row[0] for row in db.execute("SELECT data FROM events WHERE sender_id = ?", (sender,))]
    import psycopg2

    with psycopg2.connect(
        host=os.environ["DB_HOST"],
        port=os.environ["DB_PORT"],
        dbname=os.environ["DB_NAME"],
        user=os.environ["DB_USER"],
        password=os.environ["DB_PASSWORD"],
    ) as db:
        with db.cursor() as cursor:
            cursor.execute("SELECT data FROM events WHERE sender_id = %s", (sender,))
            return [row[0] for row in cursor.fetchall()]


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((f"{name} ({DATABASE.split(':')[0]})", ok, detail[:300]))


def medical_details_are_not_stored() -> None:
    sender = str(uuid.uuid4())
    since = (date.today() - timedelta(days=30)).strftime("%d-%m-%Y")
    reply = send(sender, f"ik heb een burn-out en ben sinds {since} ziek, in welk spoor zit ik?")
    check("de bot zegt dat medische gegevens niet nodig zijn", "medische gegevens" in reply, reply)
    rows = "\n".join(stored(sender))
    check("de medische tekst staat niet in de database", "burn-out" not in rows and PLACEHOLDER in rows, rows)
    check("het antwoord van de bot wordt wel bewaard", "Je hoeft mij geen medische gegevens" in rows, rows)


def what_the_old_word_list_missed_is_not_stored() -> None:
    """The five variants of issue #25, each in its own conversation."""
    for text in (
        "ik heb een knieoperatie gehad",
        "ik heb suïcidale gedachten",
        "ik ben alcoholist",
        "ik heb bekkeninstabiliteit",
        "ik heb ME/CVS",
    ):
        sender = str(uuid.uuid4())
        send(sender, text)
        rows = "\n".join(stored(sender))
        word = text.split()[-1] if not text.endswith("gehad") else "knieoperatie"
        check(f"'{word}' staat niet in de database", word not in rows and "gedachten" not in rows, rows)


def identifiers_are_not_stored() -> None:
    sender = str(uuid.uuid4())
    since = (date.today() - timedelta(days=30)).strftime("%d-%m-%Y")
    send(
        sender,
        f"ik ben sinds {since} ziek, mijn bsn is 111222333 en bel me op 06-12345678 "
        "of mail j.jansen@example.nl, rekening NL91 ABNA 0417 1643 00, ik woon op 1234 AB 12",
    )
    rows = "\n".join(stored(sender))
    for typed in ("111222333", "06-12345678", "j.jansen@example.nl", "0417 1643", "1234 AB"):
        check(f"'{typed}' staat niet in de database", typed not in rows, rows)
    check("de datum staat er wel (de gids heeft hem nodig)", since in rows, rows)


def erasure_in_the_chat() -> None:
    sender = str(uuid.uuid4())
    send(sender, "wat is een plan van aanpak?")
    reply = send(sender, "verwijder mijn gegevens")
    check(
        "'verwijder mijn gegevens' vraagt eerst om bevestiging", "Wil je dat ik dit hele gesprek wis?" in reply, reply
    )
    check("vóór de bevestiging is nog niets gewist", len(stored(sender)) > 0)
    reply = send(sender, "/confirm_erase")
    check("na de bevestiging zegt de bot dat het gewist is", ERASED_TEXT in reply, reply)
    check("na de bevestiging staat er niets meer in de database", stored(sender) == [], str(len(stored(sender))))
    typed = str(uuid.uuid4())
    send(typed, "hallo")
    send(typed, "vergeet dit gesprek")
    reply = send(typed, "ja")
    check("'vergeet dit gesprek' en 'ja' wissen ook", ERASED_TEXT in reply and stored(typed) == [], reply)
    kept = str(uuid.uuid4())
    send(kept, "hallo")
    send(kept, "wis dit gesprek")
    reply = send(kept, "nee")
    check("'nee' wist niets", "wis niets" in reply and len(stored(kept)) > 0, reply)


def a_long_conversation_keeps_its_history_and_its_data() -> None:
    sender = str(uuid.uuid4())
    since = (date.today() - timedelta(days=90)).strftime("%d-%m-%Y")
    send(sender, f"ik ben sinds {since} ziek, welke termijnen komen eraan?")
    send(sender, '/inform_situatie{"situatie": "standaard"}')
    questions = [
        "wat is een probleemanalyse?",
        "wat is spoor 2?",
        "wat is een plan van aanpak?",
        "wie betaalt spoor 2?",
    ]
    for number in range(24):
        send(sender, questions[number % len(questions)])
    reply = send(sender, "/ask_timeline")
    check(
        "na 26 berichten kent de bot de eerste ziektedag nog (geen datumvraag)",
        "week" in reply and "eerste ziektedag" not in reply,
        reply,
    )
    rows = [json.loads(row) for row in stored(sender)]
    users = [row for row in rows if row.get("event") == "user"]
    sessions = [row for row in rows if row.get("event") == "session_started"]
    check(
        "de hele geschiedenis is bewaard, verdeeld over sessies",
        len(users) == 27 and len(sessions) >= 2,
        f"{len(users)} berichten, {len(sessions)} sessies",
    )


if __name__ == "__main__":
    for part in (
        medical_details_are_not_stored,
        what_the_old_word_list_missed_is_not_stored,
        identifiers_are_not_stored,
        erasure_in_the_chat,
        a_long_conversation_keeps_its_history_and_its_data,
    ):
        try:
            part()
        except Exception as error:  # a crash is a failed check, not a traceback
            results.append((part.__name__, False, repr(error)))
    sys.exit(report(results))
