"""The dossier check (issue #29) over the REST channel against the running servers (`make run`).

    python tests/rest/dossiercheck_checks.py http://localhost:5005

What HR and an employee see, end to end with the trained model and the real custom actions: the case and
several document dates read from one message, only the missing documents asked (with "Niet gedaan" and
"Weet ik niet"), the checklist with the loonsanctie risk and sources ("u" for HR, "je" for the employee),
bad dates asked again, a question in between answered, and the conversation keeping only dates. The dates
are relative to today, so the script works on any day; every expected deadline is worked out here from
the rules as the README states them (probleemanalyse end of week 6, plan van aanpak 2 weeks after a known
probleemanalyse, 42e-weeksmelding the first workday from day 295), not read from the code. Prints one line
per check and 'N passed, N failed'; exits 1 on any failure.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.request
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from poortwachter import datum_nl

# Run as a script (scripts/test.sh), so Python puts only this folder on the path; the project's
# packages (`tests.live_checks`) live in the root, which is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.live_checks import run  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5005"
TIMEOUT = 60
TODAY = datetime.now(ZoneInfo("Europe/Amsterdam")).date()  # the bot counts in Amsterdam's date
# Sick for 301 days: day 302, week 44. The probleemanalyse on day 16 (in time: week 6 ends on day 42), the
# plan van aanpak 20 days later: 6 days after its deadline of 2 weeks after the probleemanalyse. Day 295
# (the 42e-weeksmelding, or the first workday after it) lies at most 7 days back: due and, unless given, missing.
FIRST = TODAY - timedelta(days=301)
PA = FIRST + timedelta(days=15)
PVA = PA + timedelta(days=14 + 6)
ADVIES = '/inform_advies{"advies": "aangepast_werk"}'
STANDAARD = '/inform_situatie{"situatie": "standaard"}'
# A question about health that the check must never ask (it asks dates only).
MEDICAL_QUESTION = re.compile(r"(diagnose|welke ziekte|klachten|medische gegevens van)[^.?!]*\?", re.IGNORECASE)
results: list[tuple[str, bool, str]] = []
said_to: dict[str, list[str]] = {}  # every text the bot sent, per conversation


def send(sender: str, message: str) -> list[dict]:
    request = urllib.request.Request(
        f"{BASE}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        replies = json.load(response)
    said_to.setdefault(sender, []).extend(r.get("text", "") for r in replies)
    return replies


def text_of(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def buttons(replies: list[dict]) -> list[dict]:
    return [b for r in replies for b in r.get("buttons", [])]


def checklist(replies: list[dict]) -> dict:
    return next((r["custom"] for r in replies if (r.get("custom") or {}).get("type") == "spoorwijzer_dossiercheck"), {})


def document(replies: list[dict], name: str) -> dict:
    return next((d for d in checklist(replies).get("documenten", []) if d.get("naam") == name), {})


def check(name: str, replies: list[dict], condition: Callable[[str, list[dict]], bool]) -> None:
    text = text_of(replies)
    try:
        ok = bool(replies) and bool(condition(text, replies))
    except (KeyError, TypeError, StopIteration) as error:
        ok, text = False, f"{error!r} {text}"
    results.append((name, ok, text[:300].replace("\n", " ")))


def asked_document(replies: list[dict], title: str) -> bool:
    """The question for one document, with its two buttons."""
    return title in text_of(replies) and {"Niet gedaan", "Weet ik niet"} <= {b.get("title") for b in buttons(replies)}


def through_case_questions(sender: str, replies: list[dict], limit: int = 4) -> list[dict]:
    """Answers what the guide may ask about the case beside the date and advice, depending on the week: the
    situation ("gewoon in dienst") and the prospect within 3 months ("nee")."""
    for _ in range(limit):
        payloads = [b.get("payload", "") for b in buttons(replies)]
        if STANDAARD in payloads:
            replies = send(sender, STANDAARD)
        elif "vooruitzicht" in text_of(replies):
            replies = send(sender, "/deny")
        else:
            break
    return replies


def click(replies: list[dict], title: str, sender: str) -> list[dict]:
    payload = next(b["payload"] for b in buttons(replies) if b.get("title") == title)
    return send(sender, payload)


def workday_42(first: date) -> date:
    """Day 295, or the Monday after it when it falls in a weekend (holidays move it further, never past 7 days)."""
    day = first + timedelta(days=294)
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


# --- HR ------------------------------------------------------------------------------------------------


def hr_everything_in_one_message() -> None:
    hr = str(uuid.uuid4())
    replies = send(
        hr,
        f"Ik werk bij HR. Onze medewerker is sinds {datum_nl(FIRST)} ziek, de bedrijfsarts zegt aangepast werk. "
        f"Probleemanalyse {PA.day} {datum_nl(PA).split()[1]}, plan van aanpak {datum_nl(PVA)}. Is ons dossier op orde?",
    )
    replies = through_case_questions(hr, replies)
    check(
        "HR, alles in één bericht: alleen de 42e-weeksmelding wordt gevraagd, met u en twee knoppen",
        replies,
        lambda t, r: (
            asked_document(r, "42e-weeksmelding")
            and "Weet u het niet" in t
            and "Probleemanalyse" not in t
            and "Plan van aanpak" not in t
        ),
    )
    replies = click(replies, "Niet gedaan", hr)
    late = datum_nl(PA + timedelta(weeks=2))
    check(
        "HR: checklist met oordeel en loonsanctierisico in de u-vorm",
        replies,
        lambda t, r: "Oordeel: Risico op een loonsanctie" in t and "Uw werknemer zit in week 44" in t,
    )
    check(
        "HR: plan van aanpak 6 dagen te laat (2 weken na de probleemanalyse), probleemanalyse op tijd",
        replies,
        lambda t, r: (
            document(r, "plan_van_aanpak")["status"] == "te_laat"
            and document(r, "plan_van_aanpak")["dagen_te_laat"] == 6
            and document(r, "plan_van_aanpak")["uiterlijk_tekst"] == late
            and document(r, "probleemanalyse")["status"] == "op_tijd"
        ),
    )
    check(
        "HR: 42e-weeksmelding ontbreekt, met wat nu en de bron",
        replies,
        lambda t, r: (
            document(r, "melding_42e_week")["status"] == "ontbreekt"
            and document(r, "melding_42e_week")["uiterlijk"] >= workday_42(FIRST).isoformat()
            and "42e-weeksmelding" in " ".join(checklist(r)["wat_nu"])
            and all(d["bron"] for d in checklist(r)["documenten"])
            and "Wet WIA, art. 25 lid 9" in checklist(r)["loonsanctie"]
        ),
    )
    stored = stored_slots(hr)
    if stored is not None:
        kept = stored.get("documenten") or {}
        results.append(
            (
                "HR: de conversatie bewaart alleen datums en 'niet gedaan' per document",
                kept
                == {
                    "probleemanalyse": PA.isoformat(),
                    "plan_van_aanpak": PVA.isoformat(),
                    "melding_42e_week": "niet_gedaan",
                },
                str(kept),
            )
        )


def hr_forgot_the_42nd_week_report() -> None:
    hr = str(uuid.uuid4())
    check(
        "'we hebben de 42e-weeksmelding vergeten, wat nu?': de eerste ziektedag wordt gevraagd, met u",
        send(hr, "we hebben de 42e-weeksmelding vergeten, wat nu?"),
        lambda t, r: "eerste ziektedag van uw werknemer" in t,
    )
    send(hr, datum_nl(FIRST))
    replies = through_case_questions(hr, send(hr, ADVIES))
    check(
        "na datum en advies: de probleemanalyse wordt gevraagd, de vergeten melding niet",
        replies,
        lambda t, r: asked_document(r, "Probleemanalyse") and "42e-weeksmelding" not in t,
    )
    check(
        "een datum vóór de eerste ziektedag wordt uitgelegd en opnieuw gevraagd",
        send(hr, datum_nl(FIRST - timedelta(days=12))),
        lambda t, r: "vóór de eerste ziektedag" in t and asked_document(r, "Probleemanalyse"),
    )
    check(
        "een datum die niet bestaat wordt uitgelegd en opnieuw gevraagd",
        send(hr, f"31 februari {TODAY.year}"),
        lambda t, r: "bestaat niet" in t and asked_document(r, "Probleemanalyse"),
    )
    check(
        "een datum in de toekomst wordt uitgelegd en opnieuw gevraagd",
        send(hr, datum_nl(TODAY + timedelta(days=20))),
        lambda t, r: "toekomst" in t and asked_document(r, "Probleemanalyse"),
    )
    check(
        "een vraag tussendoor wordt beantwoord, daarna komt dezelfde vraag terug",
        send(hr, "wat is een plan van aanpak?"),
        lambda t, r: "Bron:" in t and asked_document(r, "Probleemanalyse"),
    )
    replies = send(hr, datum_nl(PA))
    check("daarna het plan van aanpak", replies, lambda t, r: asked_document(r, "Plan van aanpak"))
    replies = click(replies, "Weet ik niet", hr)
    check(
        "checklist: de vergeten melding ontbreekt zonder dat ernaar gevraagd is, 'weet ik niet' telt als open",
        replies,
        lambda t, r: (
            document(r, "melding_42e_week")["status"] == "ontbreekt"
            and document(r, "melding_42e_week")["opgegeven"] == "niet_gedaan"
            and document(r, "plan_van_aanpak")["status"] == "ontbreekt"
            and document(r, "plan_van_aanpak")["opgegeven"] == "onbekend"
        ),
    )


def from_the_guide_to_the_check() -> None:
    """Asked while the guide waits for a first sick day, the dossier question starts the dossier check."""
    hr = str(uuid.uuid4())
    send(hr, "/ask_track")
    check(
        "de dossiervraag midden in de vragen van de gids start de dossiercheck",
        send(hr, "is ons re-integratiedossier op orde?"),
        lambda t, r: "eerste ziektedag van uw werknemer" in t and "Ik heb een datum nodig" not in t,
    )


# --- the employee ------------------------------------------------------------------------------------------


def employee() -> None:
    me = str(uuid.uuid4())
    check(
        "werknemer: 'is mijn re-integratiedossier op orde?' met datum: dan de adviesvraag in de je-vorm",
        send(me, f"Is mijn re-integratiedossier op orde? Ik ben sinds {datum_nl(FIRST)} ziek."),
        lambda t, r: "bedrijfsarts" in t and "je werkgever" in t and len(buttons(r)) == 7,
    )
    replies = through_case_questions(me, send(me, ADVIES))
    check(
        "werknemer: de probleemanalyse wordt gevraagd, met je",
        replies,
        lambda t, r: asked_document(r, "Probleemanalyse") and "Weet je het niet" in t and " u " not in f" {t} ",
    )
    replies = send(me, f"de probleemanalyse was {datum_nl(PA)} en het plan van aanpak weet ik niet")
    check(
        "werknemer: twee documenten in één antwoord, dan de 42e-weeksmelding",
        replies,
        lambda t, r: asked_document(r, "42e-weeksmelding"),
    )
    replies = click(replies, "Weet ik niet", me)
    check(
        "werknemer: de checklist in de je-vorm, zonder 'uw werknemer'",
        replies,
        lambda t, r: (
            "Je zit in week 44" in t
            and "uw werknemer" not in t.lower()
            and "je weet niet of dit er is" in (document(r, "plan_van_aanpak").get("toelichting") or "").lower()
            and "je werkgever" in checklist(r)["loonsanctie"]
        ),
    )
    check(
        "werknemer: wat nu is 'vraag je werkgever', niet de taak van de werkgever",
        replies,
        lambda t, r: any("Vraag je werkgever" in line for line in checklist(r)["wat_nu"]),
    )


def no_medical_questions() -> None:
    asked = [(sender, text) for sender, texts in said_to.items() for text in texts if MEDICAL_QUESTION.search(text)]
    results.append(("in geen enkel gesprek een vraag naar de gezondheid", not asked, str(asked)[:300]))


def stored_slots(sender: str) -> dict | None:
    """The conversation's slots through Rasa's HTTP API (with RASA_API_TOKEN, as tests/rest/conversation.py)."""
    token = os.environ.get("RASA_API_TOKEN")
    if not token:
        results.append(("opgeslagen slots lezen (RASA_API_TOKEN niet gezet)", False, "zet RASA_API_TOKEN"))
        return None
    with urllib.request.urlopen(f"{BASE}/conversations/{sender}/tracker?token={token}", timeout=TIMEOUT) as response:
        return json.load(response).get("slots") or {}


def main() -> int:
    parts = (
        hr_everything_in_one_message,
        hr_forgot_the_42nd_week_report,
        from_the_guide_to_the_check,
        employee,
        no_medical_questions,
    )
    return run(parts, results)


if __name__ == "__main__":
    sys.exit(main())
