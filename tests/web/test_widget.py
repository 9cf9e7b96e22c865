"""End-to-end tests of the chat page in real headless Chromium (Debian's package, via Playwright).

Run by `make test` against the running servers (Rasa, actions, web page):
    SPOORWIJZER_WEB_URL=http://localhost:8080 python -m pytest tests/web
Screenshots of the main states go to artifacts/screenshots/.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from poortwachter import datum_nl

WEB_URL = os.environ.get("SPOORWIJZER_WEB_URL")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")

if not WEB_URL:
    if os.environ.get("SPOORWIJZER_REQUIRE_WEB"):
        raise RuntimeError("SPOORWIJZER_WEB_URL is not set: the browser tests need the running servers")
    pytest.skip("browser tests run against the servers started by `make test`", allow_module_level=True)

from playwright.sync_api import Page, expect  # noqa: E402


TRACKER_DB = os.environ.get("SPOORWIJZER_TRACKER_DB")  # the SQLite store of the servers under test


def stored_events(sender: str) -> int:
    """Rows of one conversation in the tracker store that the servers use."""
    import sqlite3

    assert TRACKER_DB, "SPOORWIJZER_TRACKER_DB is not set: the erasure check needs the servers' database"
    with sqlite3.connect(f"file:{TRACKER_DB}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def stored_id(page: Page) -> str:
    """The conversation id this browser keeps ({"id", "lastUsed"} in localStorage; nothing else)."""
    kept = json.loads(page.evaluate("localStorage.getItem('spoorwijzer.sender')"))
    return kept["id"] if isinstance(kept, dict) else kept  # older versions kept the bare id


def browser_storage(page: Page) -> str:
    """localStorage and sessionStorage of the chat page, keys and values, as one JSON text."""
    return page.evaluate("""() => {
        const dump = (s) => Object.fromEntries(Array.from({length: s.length}, (_, i) => [s.key(i), s.getItem(s.key(i))]));
        return JSON.stringify({local: dump(localStorage), session: dump(sessionStorage)});
    }""")


def days_ago(days: int) -> str:
    return datum_nl(date.today() - timedelta(days=days))


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def bot_messages(page: Page):
    return page.locator(".sw-msg.sw-bot")


def send_text(page: Page, text: str) -> None:
    count = bot_messages(page).count()
    page.get_by_label("Je bericht").fill(text)
    page.get_by_label("Je bericht").press("Enter")
    expect(bot_messages(page)).not_to_have_count(count, timeout=30_000)
    expect(page.locator(".sw-typing")).to_be_hidden(timeout=30_000)


def click_and_wait(page: Page, name: str) -> None:
    count = bot_messages(page).count()
    # The newest button with this name: an answer may be followed by its timeline.
    page.locator(".sw-msg.sw-bot").get_by_role("button", name=name, exact=True).last.click()
    expect(bot_messages(page)).not_to_have_count(count, timeout=30_000)
    expect(page.locator(".sw-typing")).to_be_hidden(timeout=30_000)


def answer_as_an_ordinary_employee(page: Page) -> None:
    """Advice 'own work', and no prospect if the bot asks about it; then the answer for the ordinary case,
    with the situations that change the dates as buttons under it (issue #27 item 5)."""
    click_and_wait(page, "Terug in mijn eigen werk")
    if "vooruitzicht" in (bot_messages(page).last.text_content() or ""):
        click_and_wait(page, "Nee / weet ik niet")
    offer = bot_messages(page).filter(has_text="Dan veranderen de termijnen").last
    expect(offer.get_by_role("button")).to_have_count(3)


def test_full_conversation_timeline_ics_reload_and_new(page: Page, tmp_path):
    page.goto(WEB_URL)
    expect(page.locator(".sw-msg.sw-bot").first).to_contain_text("Spoorwijzer", timeout=30_000)
    expect(page.locator(".sw-messages")).to_have_attribute("aria-live", "polite")
    shot(page, "1-begroeting")

    click_and_wait(page, "In welk spoor zit ik?")
    expect(page.locator(".sw-msg.sw-user").last).to_have_text(re.compile("In welk spoor zit ik"))
    expect(bot_messages(page).last).to_contain_text("eerste ziektedag")

    send_text(page, days_ago(400))  # typed, then Enter
    expect(bot_messages(page).last.get_by_role("button")).to_have_count(7)
    shot(page, "2-adviesknoppen")

    answer_as_an_ordinary_employee(page)
    answer = page.locator(".sw-msg.sw-bot:not(.sw-wide)", has_text="Je zit in week")
    expect(answer.last).to_be_visible()
    expect(answer.last.locator("strong").first).to_have_text(re.compile(r"week \d+"))  # **bold** became <strong>
    tijdlijn = page.locator(".sw-timeline svg")
    expect(tijdlijn.last).to_be_visible()
    expect(tijdlijn.last.locator("text", has_text="vandaag")).to_have_count(1)
    assert tijdlijn.last.locator("circle.sw-dot").count() >= 10
    expect(page.locator(".sw-milestones").last).to_contain_text("WIA-aanvraag bij UWV", use_inner_text=False)
    shot(page, "3-antwoord-met-tijdlijn")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Zet in je agenda (.ics)").last.click()
    path = tmp_path / "termijnen.ics"
    download_info.value.save_as(path)
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) >= 10 and any("WIA-aanvraag" in str(e["SUMMARY"]) for e in events)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download als PDF").last.click()
    pdf_path = tmp_path / "overzicht.pdf"
    download_info.value.save_as(pdf_path)
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages).split())
    assert "Gebruikte gegevens" in pdf_text and days_ago(400) in pdf_text and "WIA-aanvraag" in pdf_text
    expect(bot_messages(page).last).to_contain_text("PDF gedownload")
    kept = browser_storage(page)
    assert "pdf_base64" not in kept and "Gebruikte gegevens" not in kept and days_ago(400) not in kept

    sender = stored_id(page)
    assert UUID4.fullmatch(sender), "the conversation id must be a random UUID4"
    # The browser keeps the id, not the messages (README "Privacy"): after a reload the same
    # conversation goes on, and the server still knows the dates.
    page.reload()
    expect(bot_messages(page).first).to_contain_text("Welkom terug")
    expect(page.locator(".sw-timeline")).to_have_count(0)
    assert stored_id(page) == sender
    send_text(page, "waarom?")  # the server still knows this conversation
    expect(bot_messages(page).last).to_contain_text("Ziekteweek")
    shot(page, "4-na-herladen")

    assert stored_events(sender) > 0
    page.get_by_role("button", name="Nieuw gesprek").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("wis ik dit gesprek")
    page.get_by_role("button", name="Ja, wis het gesprek").click()
    expect(page.locator(".sw-timeline")).to_have_count(0)
    expect(bot_messages(page).first).to_contain_text("gewist", timeout=30_000)
    expect(bot_messages(page).nth(1)).to_contain_text("Spoorwijzer", timeout=30_000)
    assert stored_id(page) != sender
    assert stored_events(sender) == 0  # gone from the tracker store, not only from the page


def test_merged_sickness_periods_show_the_weeks_of_the_case(page: Page):
    # Sick 6 January – 20 February 2025, again from 4 March: 12 days apart, one case. The widget
    # must show the rules' sick weeks (the days in between are no sick days), not calendar weeks.
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_be_visible(timeout=30_000)
    click_and_wait(page, "In welk spoor zit ik?")
    send_text(page, "Ik was ziek van 6 januari 2025 tot en met 20 februari 2025 en ben sinds 4 maart 2025 weer ziek")
    answer_as_an_ordinary_employee(page)
    expect(page.locator(".sw-timeline svg").last).to_be_visible()
    milestones = page.locator(".sw-milestones").last.locator("li")
    for date_text, week in (
        ("13 maart 2025", 8),
        ("15 januari 2026", 52),
        ("29 oktober 2026", 93),
        ("14 januari 2027", 104),
    ):  # plan van aanpak, EJE, WIA-aanvraag, end of wachttijd
        expect(milestones.filter(has_text=date_text).first).to_contain_text(f"(week {week},", use_inner_text=False)
    shot(page, "5-samengetelde-perioden")


def test_a_contract_that_ended_shows_the_situation_and_the_lapsed_deadlines(page: Page):
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_be_visible(timeout=30_000)
    click_and_wait(page, "Welke termijnen komen eraan?")
    send_text(page, days_ago(200))  # an overview needs no advice: the answer, the situations as buttons
    click_and_wait(page, "Mijn contract is afgelopen of loopt af")
    expect(bot_messages(page).last).to_contain_text("laatste dag van je contract")
    send_text(page, days_ago(60))
    expect(page.locator(".sw-timeline").last).to_contain_text("Situatie: ziek uit dienst")
    milestones = page.locator(".sw-milestones").last.locator("li")
    expect(milestones.filter(has_text="Re-integratieverslag (met eindevaluatie").first).to_contain_text(
        "vervalt", use_inner_text=False
    )
    expect(milestones.filter(has_text="Laatste dag van de loondoorbetaling").first).to_contain_text(
        days_ago(60), use_inner_text=False
    )
    answer = page.locator(".sw-msg.sw-bot:not(.sw-wide)", has_text="Situatie").last
    expect(answer).to_contain_text("UWV")
    shot(page, "6-ziek-uit-dienst")


def test_html_in_a_message_is_shown_as_text(page: Page):
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_be_visible(timeout=30_000)
    attack = "<img src=x onerror=alert(1)>"
    send_text(page, attack)
    expect(page.locator(".sw-msg.sw-user").last).to_have_text(re.compile(re.escape(attack)))
    assert page.locator(".sw-messages img").count() == 0
    assert page.dialogs == []
    shot(page, "5-html-als-tekst")


def test_unreachable_server_shows_retry(page: Page):
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_be_visible(timeout=30_000)
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.get_by_label("Je bericht").fill("wat is spoor 2?")
    page.get_by_label("Je bericht").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("niet bereikbaar")
    shot(page, "6-foutmelding")
    page.unroute("**/webhooks/rest/webhook")
    count = bot_messages(page).count()
    page.get_by_role("button", name="Opnieuw proberen").click()
    expect(bot_messages(page)).not_to_have_count(count, timeout=30_000)
    expect(page.get_by_role("alert")).to_be_hidden()
    expect(bot_messages(page).last).to_contain_text("Spoor 2")


def test_an_answer_lost_on_the_way_back_is_fetched_again_once(page: Page):
    """The server handled the message but the answer never arrived (a server that
    stopped at that moment): the widget retries by itself with the same message_id
    and shows the stored answer once."""
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_be_visible(timeout=30_000)
    bodies = []

    def lose_first_answer(route):
        bodies.append(json.loads(route.request.post_data))
        if len(bodies) == 1:
            route.fetch()  # reaches Rasa: the turn is handled and stored
            route.abort()  # ... but the browser never gets the answer
        else:
            route.continue_()

    page.route("**/webhooks/rest/webhook", lose_first_answer)
    count = bot_messages(page).count()
    page.get_by_label("Je bericht").fill("wat is spoor 2?")
    page.get_by_label("Je bericht").press("Enter")
    expect(bot_messages(page)).to_have_count(count + 1, timeout=30_000)
    expect(page.locator(".sw-typing")).to_be_hidden(timeout=30_000)
    page.unroute("**/webhooks/rest/webhook")
    assert len(bodies) == 2 and bodies[0]["message_id"] == bodies[1]["message_id"]
    expect(bot_messages(page).last).to_contain_text("Spoor 2")
    expect(page.get_by_role("alert")).to_be_hidden()
    assert page.locator(".sw-msg.sw-user").filter(has_text="wat is spoor 2?").count() == 1


def test_works_at_360_pixels_with_the_keyboard(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_be_visible(timeout=30_000)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    page.keyboard.press("Tab")
    for _ in range(12):  # keyboard only: tab to the input field
        if page.evaluate("document.activeElement.id") == "sw-input":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "sw-input"
    page.keyboard.type("wat is een probleemanalyse?")
    page.keyboard.press("Enter")
    expect(bot_messages(page).last).to_contain_text("probleemanalyse", timeout=30_000)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    shot(page, "7-mobiel-360px")
    context.close()


def test_an_old_guessable_conversation_id_is_replaced(page: Page):
    # A browser that kept an id from before ids had to be secret gets a new random one, and a reply.
    page.goto(WEB_URL)
    page.evaluate("localStorage.setItem('spoorwijzer.sender', JSON.stringify('sw-oud-123'))")
    page.evaluate("localStorage.removeItem('spoorwijzer.log')")
    page.reload()
    expect(bot_messages(page).first).to_contain_text("Spoorwijzer", timeout=30_000)
    assert UUID4.fullmatch(stored_id(page)) and stored_id(page) != "sw-oud-123"


def test_erasing_asks_first_escape_keeps_everything(page: Page):
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_contain_text("Spoorwijzer", timeout=30_000)
    send_text(page, "wat is een plan van aanpak?")
    sender = stored_id(page)
    wipe = page.get_by_role("button", name="Gesprek wissen")
    wipe.click()
    expect(page.get_by_role("alertdialog")).to_be_visible()
    assert page.evaluate("document.activeElement.textContent") == "Ja, wis het gesprek"  # focus moved to the choice
    page.keyboard.press("Escape")
    expect(page.get_by_role("alertdialog")).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Gesprek wissen"  # and back
    assert stored_events(sender) > 0 and page.locator(".sw-msg.sw-user").count() >= 1
    wipe.click()
    with page.expect_response("**/webhooks/rest/webhook") as answer:
        page.get_by_role("button", name="Ja, wis het gesprek").click()
    # The outcome the widget acts on, as the real REST channel sends it (tests/web/fake_rasa.py
    # imitates exactly this): one message with the text and {"gesprek_wissen": "gelukt"}.
    outcome = [m for m in answer.value.json() if "gesprek_wissen" in (m.get("custom") or {})]
    assert len(outcome) == 1 and outcome[0]["custom"] == {"gesprek_wissen": "gelukt"} and outcome[0]["text"]
    expect(bot_messages(page).first).to_contain_text("gewist", timeout=30_000)
    assert page.locator(".sw-msg.sw-user").count() == 0
    assert stored_events(sender) == 0
    assert stored_id(page) != sender
    shot(page, "8-gesprek-gewist")


def test_erasing_while_the_server_is_away_forgets_nothing(page: Page):
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_contain_text("Spoorwijzer", timeout=30_000)
    before = stored_id(page)
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.get_by_role("button", name="Gesprek wissen").click()
    page.get_by_role("button", name="Ja, wis het gesprek").click()
    # Not "nothing was erased": the request may have arrived before the connection broke.
    expect(bot_messages(page).last).to_contain_text("Het wissen is niet gelukt")
    page.unroute("**/webhooks/rest/webhook")
    assert stored_id(page) == before


def test_typed_erasure_request_in_the_chat(page: Page):
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_contain_text("Spoorwijzer", timeout=30_000)
    send_text(page, f"ik ben sinds {days_ago(30)} ziek, wat is spoor 1?")
    sender = stored_id(page)
    send_text(page, "verwijder mijn gegevens")
    expect(bot_messages(page).last).to_contain_text("Wil je dat ik dit hele gesprek wis?")
    assert stored_events(sender) > 0
    click_and_wait(page, "Ja, wis dit gesprek")
    expect(bot_messages(page).last).to_contain_text("gewist")
    assert stored_events(sender) == 0
    assert stored_id(page) != sender  # the browser forgets it too, now that the server confirmed
    expect(page.locator(".sw-msg.sw-user")).to_have_count(0)


def test_nothing_of_the_conversation_is_kept_in_the_browser(page: Page):
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_contain_text("Spoorwijzer", timeout=30_000)
    send_text(page, "Ik heb een hernia en na mijn knieoperatie ben ik nog steeds erg moe")
    send_text(page, f"ik ben sinds {days_ago(50)} ziek")
    shown = [t.strip() for t in page.locator(".sw-msg p, .sw-msg li").all_inner_texts() if len(t.strip()) > 8]
    assert any("hernia" in t for t in shown) and len(shown) >= 4
    kept = browser_storage(page)
    for text in shown + ["hernia", "knieoperatie", days_ago(50)]:
        assert text not in kept, f"kept in the browser: {text!r}"
    assert json.loads(kept)["session"] == {} and list(json.loads(kept)["local"]) == ["spoorwijzer.sender"]
    assert set(json.loads(json.loads(kept)["local"]["spoorwijzer.sender"])) == {"id", "lastUsed"}
