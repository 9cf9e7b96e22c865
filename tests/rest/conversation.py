"""A full conversation over the REST channel against the running servers (`make run`).

Run by `make test` after it starts the servers:  python tests/rest/conversation.py http://localhost:5005
Checks what real users see: the decision guide end to end with real custom
actions, HR wording, corrections, "waarom?", and bad input (empty, 5,000
characters, emoji, English, HTML). Prints one line per check and a closing
'N passed, N failed' line; exits 1 on any failure.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from poortwachter import Periode, compute_tijdlijn, datum_nl

# Run as a script (scripts/test.sh), so Python puts only this folder on the path; the project's
# packages (`tests.live_checks`) live in the root, which is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.live_checks import run, status_of  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5005"
TIMEOUT = 60
results: list[tuple[str, bool, str]] = []


def send(sender: str, message: str, message_id: str | None = None) -> list[dict]:
    body = {"sender": sender, "message": message, **({"message_id": message_id} if message_id else {})}
    request = urllib.request.Request(
        f"{BASE}/webhooks/rest/webhook",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return json.load(response)


def text_of(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def check(name: str, replies: list[dict], condition: Callable[[str, list[dict]], bool]) -> None:
    text = text_of(replies)
    ok = bool(replies) and condition(text, replies)
    results.append((name, ok, text[:300].replace("\n", " ")))


def days_ago(days: int) -> str:
    """A past date in Dutch words, so the script works on any day it runs."""
    return datum_nl(date.today() - timedelta(days=days))


def server_alive() -> bool:
    with urllib.request.urlopen(f"{BASE}/", timeout=TIMEOUT) as response:
        return response.status == 200


def protected_api() -> None:
    """Rasa's HTTP API needs the token (RASA_API_TOKEN); the chat channel does not."""
    token = os.environ.get("RASA_API_TOKEN")
    if not token:
        results.append(("Rasa-API beveiligd (RASA_API_TOKEN niet gezet)", False, "zet RASA_API_TOKEN"))
        return
    results.append(("Rasa-API zonder token geweigerd", status_of(f"{BASE}/status") == 401, ""))
    results.append(("Rasa-API met fout token geweigerd", status_of(f"{BASE}/status?token=fout") == 401, ""))
    results.append(("Rasa-API met token", status_of(f"{BASE}/status?token={token}") == 200, ""))
    results.append(
        ("gesprekken lezen zonder token geweigerd", status_of(f"{BASE}/conversations/iemand/tracker") == 401, "")
    )


def safe_retry() -> None:
    """The same message_id twice gives the same answer and one turn, not two."""
    user, message_id = str(uuid.uuid4()), uuid.uuid4().hex
    send(user, "hallo")
    first = send(user, "in welk spoor zit ik?", message_id)
    again = send(user, "in welk spoor zit ik?", message_id)
    results.append(("zelfde message_id: zelfde antwoord", bool(first) and again == first, text_of(again)[:200]))
    token = os.environ.get("RASA_API_TOKEN", "")
    with urllib.request.urlopen(f"{BASE}/conversations/{user}/tracker?token={token}", timeout=TIMEOUT) as response:
        events = json.load(response)["events"]
    asked = [e for e in events if e.get("event") == "user" and e.get("text") == "in welk spoor zit ik?"]
    results.append(("zelfde message_id: één beurt in de tracker", len(asked) == 1, f"{len(asked)} beurten"))
    other = send(user, "in welk spoor zit ik?", uuid.uuid4().hex)
    results.append(
        ("nieuw message_id: gewoon een nieuwe beurt", "eerste ziektedag" in text_of(other), text_of(other)[:200])
    )


def slack_webhook() -> None:
    """With SLACK_* set, the server has the Slack channel and checks Slack's signature."""
    secret = os.environ.get("SLACK_SIGNING_SECRET")
    if not secret:
        return
    import hashlib
    import hmac
    import time

    body = json.dumps({"type": "url_verification", "challenge": "spoorwijzer-check"}).encode()

    def post(signing_secret: str) -> tuple[int, bytes]:
        timestamp = str(int(time.time()))
        signature = (
            "v0=" + hmac.new(signing_secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
        )
        request = urllib.request.Request(
            f"{BASE}/webhooks/slack/webhook",
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": signature,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, b""

    status, reply = post(secret)
    results.append(
        ("Slack: ondertekend verzoek geaccepteerd", status == 200 and b"spoorwijzer-check" in reply, str(status))
    )
    results.append(("Slack: verkeerde handtekening geweigerd", post("fout")[0] == 400, ""))


def employee_conversation() -> None:
    user = str(uuid.uuid4())
    check("groet met menu", send(user, "hallo"), lambda t, r: "Spoorwijzer" in t and any(r_.get("buttons") for r_ in r))
    check(
        "spoorvraag vraagt de eerste ziektedag",
        send(user, "in welk spoor zit ik?"),
        lambda t, r: "eerste ziektedag" in t,
    )
    check(
        "datum getypt, dan de adviesvraag met 7 knoppen",
        send(user, days_ago(400)),
        lambda t, r: any(len(x.get("buttons", [])) == 7 for x in r),
    )
    answer = send(user, '/inform_advies{"advies": "aangepast_werk"}')
    if "vooruitzicht" in text_of(answer):  # the 3-month question comes only near the EJE
        answer = send(user, "nee")
    check("persoonlijk antwoord met week en spoor", answer, lambda t, r: "Je zit in **week" in t and "spoor" in t)
    check(
        "na het advies meteen het antwoord; de situaties als 3 knoppen eronder (#27 item 5)",
        answer,
        lambda t, r: (
            OFFER in t and "Geldt een van deze situaties" not in t and any(len(x.get("buttons", [])) == 3 for x in r)
        ),
    )
    check("waarom noemt de wet", send(user, "waarom?"), lambda t, r: "Wet WIA" in t)
    check(
        "correctie geeft een nieuw antwoord",
        send(user, f"nee, het was {days_ago(100)}"),
        lambda t, r: "Je zit in **week" in t,
    )
    check(
        "termijnvraag geeft regel en datum",
        send(user, "wanneer moet ik de wia aanvragen?"),
        lambda t, r: "week 93" in t and "Voor jou is dat" in t,
    )
    check(
        "faq met bron",
        send(user, "wat is een plan van aanpak?"),
        lambda t, r: "plan van aanpak" in t.lower() and "Bron:" in t,
    )


def careful_yes_and_no() -> None:
    """A careful "ik denk het niet" answers the guide's yes/no question (#27 step 11): before, the classifier read it
    as a crisis (113 in the middle of the guide)."""
    user = str(uuid.uuid4())
    send(user, "in welk spoor zit ik?")
    send(user, days_ago(340))  # ziektedag 341: near the eerstejaarsevaluatie, so the guide asks about the prospect
    check(
        "bij de eerstejaarsevaluatie vraagt de gids naar het vooruitzicht",
        send(user, '/inform_advies{"advies": "aangepast_werk"}'),
        lambda t, r: "vooruitzicht" in t,
    )
    check(
        "'ik denk het niet' is het antwoord: het persoonlijke antwoord, geen 113",
        send(user, "ik denk het niet"),
        lambda t, r: "Je zit in **week" in t and "113" not in t,
    )


def dates_inside_the_guide() -> None:
    """What the form hears beside the first sick day: earlier periods, or an estimate to confirm."""
    user = str(uuid.uuid4())
    send(user, "in welk spoor zit ik?")
    send(user, "ik was ziek van 6 januari 2025 tot en met 20 februari 2025 en ben sinds 4 maart 2025 weer ziek")
    answer = send(user, '/inform_advies{"advies": "eigen_werk"}')
    if "vooruitzicht" in text_of(answer):
        answer = send(user, "nee")
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()  # the bot counts in Amsterdam's date
    expected_day = 46 + (today - date(2025, 3, 4)).days + 1  # the 46 days of the earlier period count
    check(
        "eerdere periode in het antwoord op de datumvraag telt mee",
        answer,
        lambda t, r: f"ziektedag {expected_day})" in t,
    )
    other = str(uuid.uuid4())
    send(other, "in welk spoor zit ik?")
    check(
        "een geschatte datum in de gids wordt ter bevestiging gevraagd",
        send(other, "ik ben precies drie weken geleden ziek geworden"),
        lambda t, r: "ongeveer" in t and "Mag ik daarmee rekenen" in t,
    )


STANDAARD = '/inform_situatie{"situatie": "standaard"}'
# Under an answer for the ordinary case: the situations that change the dates, as buttons (#27 item 5).
OFFER = "Dan veranderen de termijnen"


def up_to_the_advies_question(question: str = "in welk spoor zit ik?", days: int = 60) -> str:
    """A new conversation in which the guide has just asked for the advice; returns its sender id."""
    user = str(uuid.uuid4())
    send(user, question)
    send(user, days_ago(days))
    return user


def up_to_the_situatie_question(question: str, days: int, advies: str) -> str:
    """A new conversation that has answered the date and advice questions; returns its sender id."""
    user = up_to_the_advies_question(question, days)
    send(user, f'/inform_advies{{"advies": "{advies}"}}')
    return user


def situaties() -> None:
    """The situations beyond the standard case, in one message and step by step, employee and HR."""
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    contract_end = datum_nl(today + timedelta(days=40))
    user = str(uuid.uuid4())
    check(
        "ziek uit dienst in één bericht: geen extra vraag, de situatie in het antwoord",
        send(
            user,
            f"ik ben sinds {days_ago(120)} ziek en mijn contract loopt af op {contract_end}. "
            "De bedrijfsarts zegt aangepast werk. In welk spoor zit ik?",
        ),
        lambda t, r: "**Situatie**: Ziek uit dienst" in t and "Ziekmelding uit dienst" in t,
    )
    hr = str(uuid.uuid4())
    send(hr, "welke termijnen komen eraan voor mijn werknemer?")
    send(hr, days_ago(30))  # an overview asks no advice: the answer, with the situations as buttons
    check(
        "AOW stap voor stap: de geboortedatum wordt gevraagd",
        send(hr, '/inform_situatie{"situatie": "aow"}'),
        lambda t, r: "geboortedatum van uw werknemer" in t,
    )
    check(
        "AOW: 6 weken loon, geen spoor 2 en geen WIA",
        send(hr, "1 mei 1958"),
        lambda t, r: "AOW-leeftijd al bereikt" in t and "Uiterste start van spoor 2" in t and "vervallen" in t,
    )
    hr_contract = str(uuid.uuid4())
    send(hr_contract, f"mijn werknemer is sinds {days_ago(90)} ziek, in welk spoor zit hij?")
    send(hr_contract, '/inform_advies{"advies": "eigen_werk"}')
    check(
        "ziek uit dienst stap voor stap, werkgever: de einddatum wordt gevraagd",
        send(hr_contract, '/inform_situatie{"situatie": "ziek_uit_dienst"}'),
        lambda t, r: "contract van uw werknemer" in t,
    )
    check(
        "ziek uit dienst: einddatum vóór de ziekte wordt uitgelegd en opnieuw gevraagd",
        send(hr_contract, days_ago(100)),
        lambda t, r: "vóór de eerste ziektedag" in t,
    )
    check(
        "ziek uit dienst: antwoord voor de werkgever",
        send(hr_contract, contract_end),
        lambda t, r: "Uw werknemer zit in" in t and "**Situatie**: Ziek uit dienst" in t,
    )
    pension = str(uuid.uuid4())
    send(pension, f"ik werk na mijn pensioen en ben sinds {days_ago(10)} ziek, in welk spoor zit ik?")
    check(
        "'na mijn pensioen' wordt herkend: meteen de geboortedatum",
        send(pension, '/inform_advies{"advies": "eigen_werk"}'),
        lambda t, r: "geboortedatum" in t,
    )
    typed = up_to_the_situatie_question("in welk spoor zit ik?", 50, "eigen_werk")
    check(
        "situatie in eigen woorden op de vraag: 'ik word volgend jaar 67'",
        send(typed, "ik word volgend jaar 67"),
        lambda t, r: "geboortedatum" in t,
    )


CAUSE_QUESTION = "door de zwangerschap of de bevalling?"
ZWANGER = '/inform_situatie{"situatie": "zwanger"}'


def custom_of(replies: list[dict], kind: str) -> dict | None:
    return next(
        (r["custom"] for r in replies if isinstance(r.get("custom"), dict) and r["custom"].get("type") == kind), None
    )


def expected_end_of_wages(first: date, verlof_begin: date, verlof_end: date) -> date:
    """The rules package's own answer for sickness before and right after the leave (no guide involved)."""
    after = verlof_end + timedelta(days=1)
    t = compute_tijdlijn(
        after,
        after,
        "onbekend",
        eerdere_perioden=[Periode(first, verlof_begin - timedelta(days=1))],
        zwangerschapsverlof=Periode(verlof_begin, verlof_end),
    )
    return t.datum("laatste_dag_wachttijd")


def zwangerschap() -> None:
    """Review 2026-12 rows 1 and 2, step by step so that no check hangs on how the classifier reads one long
    sentence (issue #27 item 8): buttons are payloads, dates come alone, and the pregnancy answers are read
    by their words whatever intent they get."""
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    first = today - timedelta(days=96)
    begin, end = today + timedelta(days=9), today + timedelta(days=9 + 111)  # 16 weeks, still ahead: planning
    user = str(uuid.uuid4())
    send(user, "/ask_timeline")
    check(
        "zwanger: na de datum het antwoord, met de situaties als knoppen",
        send(user, datum_nl(first)),
        lambda t, r: OFFER in t,
    )
    check(
        "zwanger is een situatie, geen oorzaak: de gids vraagt de oorzaak, met Ja/Nee",
        send(user, ZWANGER),
        lambda t, r: (
            CAUSE_QUESTION in t
            and "Ziektewet-uitkering betaalt" in t
            and any([b["payload"] for b in x.get("buttons", [])] == ["/affirm", "/deny"] for x in r)
        ),
    )
    check(
        "niet door de zwangerschap: dan de verlofdata",
        send(user, "/deny"),
        lambda t, r: (
            "zwangerschaps- en bevallingsverlof" in t
            and any(b.get("title") == "Nog niet bekend" for x in r for b in x.get("buttons", []))
        ),
    )
    check(
        "verwachte verlofdata: dan de vraag of de ziekte na het verlof doorloopt",
        send(user, f"{datum_nl(begin)} tot en met {datum_nl(end)}"),
        lambda t, r: "dezelfde oorzaak" in t and any(len(x.get("buttons", [])) == 3 for x in r),
    )
    answer = send(user, "/affirm")
    shifted = datum_nl(expected_end_of_wages(first, begin, end), weekday=True)
    unshifted = datum_nl(compute_tijdlijn(first, today, "onbekend").datum("laatste_dag_wachttijd"), weekday=True)
    check(
        "verlof in de toekomst: loon tot de verschoven datum, met de reden en 'schuiven mee'",
        answer,
        lambda t, r: (
            shifted in t
            and unshifted not in t
            and "tellen niet mee voor de 104 weken" in t
            and "schuiven deze termijnen mee" in t
            and "7:629 lid 4" in t
        ),
    )
    payload = custom_of(answer, "spoorwijzer_tijdlijn") or {}
    results.append(
        (
            "widget: het verlof en de reden per verschoven datum in de tijdlijn",
            (payload.get("verlof") or {}).get("verwacht") is True
            and any(
                m.get("toelichting") and "later door het zwangerschaps- en bevallingsverlof" in m["toelichting"]
                for m in payload.get("mijlpalen", [])
            ),
            str(payload.get("verlof"))[:200],
        )
    )
    results.append(
        (
            ".ics: de verschoven WIA-aanvraag met de reden",
            "Verschoven: " in payload.get("ics", "").replace("\r\n ", ""),
            "",
        )
    )
    pdf = custom_of(send(user, "/download_pdf"), "spoorwijzer_pdf") or {}
    text = pdf_text(pdf.get("pdf_base64", ""))
    results.append(
        (
            "PDF: de verlofdata, de reden en de verschoven einddatum",
            f"{datum_nl(begin)} tot en met {datum_nl(end)}" in text
            and "tellen niet mee voor de 104 weken" in text
            and datum_nl(expected_end_of_wages(first, begin, end)) in text,
            text[:200],
        )
    )

    partner = up_to_the_situatie_question("/ask_track", 30, "eigen_werk")
    check(
        "'mijn vrouw is net bevallen' is geen zwangerschap van de werknemer: geen oorzaakvraag",
        send(partner, "mijn vrouw is net bevallen"),
        lambda t, r: CAUSE_QUESTION not in t,
    )
    check(
        "daarna gewoon in dienst: geen Ziektewet-uitkering in het antwoord",
        send(partner, STANDAARD),
        lambda t, r: "Je zit in **week" in t and "Ziektewet-uitkering" not in t,
    )
    broken = up_to_the_situatie_question("/ask_track", 30, "eigen_werk")
    check(
        "'ik ben zwanger en heb mijn been gebroken': ziekte door de zwangerschap wordt niet aangenomen",
        send(broken, "ik ben zwanger en heb mijn been gebroken"),
        lambda t, r: "UWV betaalt je werkgever dan" not in t and (CAUSE_QUESTION in t or "geen medische gegevens" in t),
    )

    hr = str(uuid.uuid4())
    hr_first, hr_begin = today - timedelta(days=260), today - timedelta(days=180)
    hr_end = hr_begin + timedelta(days=111)  # the leave is over: the sickness after it counts on
    send(hr, '/ask_timeline{"rol": "werkgever"}')
    send(hr, datum_nl(hr_first))
    check(
        "werkgever: de oorzaakvraag met u", send(hr, ZWANGER), lambda t, r: CAUSE_QUESTION in t and "uw werknemer" in t
    )
    send(hr, "/affirm")
    send(hr, f"{datum_nl(hr_begin)} tot en met {datum_nl(hr_end)}")
    check(
        "werkgever, ziek door de zwangerschap vóór en na het verlof: Ziektewet én verschoven data",
        send(hr, "/affirm"),
        lambda t, r: (
            "Ziek door de zwangerschap of de bevalling" in t
            and "u dan een Ziektewet-uitkering" in t
            and datum_nl(expected_end_of_wages(hr_first, hr_begin, hr_end), weekday=True) in t
        ),
    )


def pdf_text(encoded: str) -> str:
    """The text of a base64 PDF from the chat, with spaces normalised ('' when there is none)."""
    import base64
    import io

    from pypdf import PdfReader

    if not encoded:
        return ""
    pages = PdfReader(io.BytesIO(base64.b64decode(encoded))).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def hr_conversation() -> None:
    user = str(uuid.uuid4())
    check(
        "werkgever in één bericht: meteen het antwoord, met u, de situaties als knoppen",
        send(
            user,
            f"mijn werknemer is sinds {days_ago(150)} ziek en de bedrijfsarts zegt aangepast werk, "
            "in welk spoor zit hij?",
        ),
        lambda t, r: "Uw werknemer zit in **week" in t and "Is uw werknemer uit dienst" in t,
    )
    check(
        "hele tijdlijn",
        send(user, "laat de hele tijdlijn zien"),
        lambda t, r: "42e-weeksmelding" in t and "WIA-aanvraag" in t,
    )


def how_people_write() -> None:
    """Context before the question, someone else's sickness, an advice nobody knows yet."""
    hr = str(uuid.uuid4())
    check(
        "HR met datum en termijnvraag in één bericht: geen adviesvraag, meteen de 42e-weeksmelding, met u",
        send(
            hr,
            "Ik werk bij HR. Een medewerker is sinds 10 februari 2026 ziek. "
            "Wanneer moeten we de 42e-weeksmelding doen?",
        ),
        lambda t, r: "42e-weeksmelding" in t and "Voor uw werknemer" in t and OFFER in t,
    )
    for name, answer, refusals in (
        (
            "'de bedrijfsarts weet het nog niet' is een antwoord op de adviesvraag",
            "de bedrijfsarts weet het nog niet",
            ("niet goed plaatsen",),
        ),
        (
            "'halve dagen?' op de adviesvraag is een advies, geen vraag buiten het onderwerp",
            "halve dagen?",
            ("niet mee helpen",),
        ),
        (
            "'halve dagen, kan dat?' op de adviesvraag: het advies telt, ook al vraagt het bericht iets",
            "halve dagen, kan dat?",
            ("niet mee helpen", "Bedoel je"),
        ),
    ):
        check(
            name,
            send(up_to_the_advies_question(), answer),
            lambda t, r, refusals=refusals: not any(x in t for x in refusals) and "Je zit in **week" in t,
        )
    overview = str(uuid.uuid4())
    check(
        "datum en overzichtsvraag: geen adviesvraag, meteen het overzicht, dat zegt wat het advies zou toevoegen",
        send(overview, f"ik ben sinds {days_ago(20)} ziek, welke termijnen komen eraan?"),
        lambda t, r: (
            "bedrijfsarts over werken" not in t
            and "Probleemanalyse" in t
            and "advies van de bedrijfsarts ken ik nog niet" in t
            and OFFER in t
        ),
    )
    week = str(uuid.uuid4())
    send(week, "In welke ziekteweek zit ik?")
    check(
        "ziekteweek met een eerdere periode: geen adviesvraag",
        send(week, "ik was ziek van 6 januari 2025 tot en met 20 februari 2025 en ben sinds 4 maart 2025 weer ziek"),
        lambda t, r: (
            "bedrijfsarts over werken" not in t
            and f"ziektedag {46 + (datetime.now(ZoneInfo('Europe/Amsterdam')).date() - date(2025, 3, 4)).days + 1})"
            in t
        ),
    )
    faq = str(uuid.uuid4())
    check(
        "vaste uitleg met een datum ervoor: uitleg én aanbod voor de termijnen",
        send(faq, f"ik ben sinds {days_ago(40)} ziek, mag ik eigenlijk op vakantie?"),
        lambda t, r: (
            "vakantie" in t.lower()
            and "Bron:" in t
            and any(b.get("payload") == "/ask_timeline" for x in r for b in x.get("buttons", []))
        ),
    )
    check(
        "daarna wordt de datum niet opnieuw gevraagd",
        send(faq, "/ask_timeline"),
        lambda t, r: "eerste ziektedag" not in t and OFFER in t,
    )


def questions_off_our_subject() -> None:
    """A question about work that names no illness is not something told to the guide (#27 item 4)."""
    check(
        "'Mag ik zomaar minder uren werken?' als eerste bericht: eerlijk geen antwoord, geen datumvraag",
        send(str(uuid.uuid4()), "Mag ik zomaar minder uren werken?"),
        lambda t, r: "niet mee helpen" in t and "ziektedag" not in t,
    )


def topics_people_ask_about() -> None:
    """Topics that real questions asked most often without an answer got one (#27 step 10): the answer comes
    with its source, and a look-alike question that names no illness still gets the honest 'niet mee helpen'."""
    check(
        "reiskosten naar de arbodienst: het nieuwe antwoord met bron",
        send(str(uuid.uuid4()), "wie vergoedt mijn reiskosten naar de arbodienst"),
        lambda t, r: "reis" in t and "UWV" in t and "Bron: Arbeidsomstandighedenwet art. 44" in t,
    )
    check(
        "klacht over de arboarts: klachtenregeling en tuchtcollege",
        send(str(uuid.uuid4()), "hoe kan ik een klacht indienen over de arboarts"),
        lambda t, r: "klachtenregeling" in t and "tuchtcollege" in t and "Bron:" in t,
    )
    check(
        "nevenwerkzaamhedenbeding zonder ziekte: buiten het onderwerp, niet het antwoord over ander werk bij ziekte",
        send(str(uuid.uuid4()), "mag mijn werkgever een nevenwerkzaamhedenbeding opnemen"),
        lambda t, r: "niet mee helpen" in t and "vrijwilligerswerk" not in t,
    )


def raw_post(body: bytes) -> tuple[int, dict | list | None]:
    request = urllib.request.Request(
        f"{BASE}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def conversation_ids() -> None:
    """A conversation id is a secret: guessable ids are refused before anything is stored."""
    for name, sender in (
        ("een naam", "anna"),
        ("een personeelsnummer", "100234"),
        ("een UUID versie 1", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
        ("geen id", None),
    ):
        body = {"message": "in welk spoor zit ik?", **({"sender": sender} if sender else {})}
        status, reply = raw_post(json.dumps(body).encode())
        results.append(
            (
                f"gesprek-id {name} geweigerd met een Nederlandse uitleg",
                status == 400 and isinstance(reply, dict) and "UUID" in reply.get("message", ""),
                str(status),
            )
        )
    status, _ = raw_post(b"geen json")
    results.append(("verzoek zonder JSON geweigerd", status == 400, str(status)))
    check("een willekeurige UUID4 werkt", send(str(uuid.uuid4()), "hallo"), lambda t, r: "Spoorwijzer" in t)


def bad_input() -> None:
    user = str(uuid.uuid4())
    send(user, "in welk spoor zit ik?")
    check("31 februari wordt uitgelegd", send(user, "31 februari"), lambda t, r: "bestaat niet" in t)
    check("datum in de toekomst", send(user, "1 januari 2099"), lambda t, r: "toekomst" in t)
    check("dubbelzinnige datum", send(user, "03-04"), lambda t, r: "Bedoel je" in t)
    check("datum vóór de Wet WIA (2004) wordt geweigerd", send(user, "3 maart 2003"), lambda t, r: "WAO" in t)
    check("medische details niet nodig", send(user, "ik heb een burn-out"), lambda t, r: "medische gegevens" in t)
    other = str(uuid.uuid4())
    check("leeg bericht", send(other, ""), lambda t, r: "onderwerp" in t)
    check("5000 tekens", send(other, "a" * 5000), lambda t, r: "te lang" in t)
    check("alleen emoji", send(other, "🙂🙂🙂"), lambda t, r: "onderwerp" in t)
    check(
        "Engels: een Engels antwoord met waar Engelse informatie staat",
        send(other, "What is the weather like today?"),
        lambda t, r: "only answer in Dutch" in t and "uwv.nl/en" in t,
    )
    # A careful no that the classifier alone took for a crisis gets no 113 (components/crisis.py, careful_answer);
    # a short crisis in so many words still does (privacy/crisis.py).
    for reply in ("ik denk het niet", "ik hoop het niet"):
        check(f"'{reply}' is geen crisis: geen 113", send(other, reply), lambda t, r: "113" not in t)
    check("'ik kan niet meer' krijgt wel 113", send(str(uuid.uuid4()), "ik kan niet meer"), lambda t, r: "113" in t)
    html = "<img src=x onerror=alert(1)>"
    check(
        "html wordt niet uitgevoerd of teruggegeven",
        send(other, html),
        lambda t, r: "onderwerp" in t and "onerror" not in t,
    )
    results.append(("server draait nog", server_alive(), ""))


def main() -> int:
    parts = (
        employee_conversation,
        careful_yes_and_no,
        dates_inside_the_guide,
        situaties,
        zwangerschap,
        hr_conversation,
        how_people_write,
        questions_off_our_subject,
        topics_people_ask_about,
        conversation_ids,
        bad_input,
        safe_retry,
        protected_api,
        slack_webhook,
    )
    return run(parts, results)


if __name__ == "__main__":
    sys.exit(main())
