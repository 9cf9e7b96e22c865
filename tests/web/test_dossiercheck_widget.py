"""The dossier check's checklist in the chat widget, in real headless Chromium (issue #29).

Self-contained like test_widget_privacy.py: web/serve.py serves the page and the widget talks to the
stand-in of Rasa's REST channel (fake_rasa.py). The stand-in answers the question with a recorded reply
of the real action: action_answer_dossiercheck run on a conversation whose slots hold the case and the
documents, and its messages shaped by Rasa's own CollectingOutputChannel, as the REST channel returns
them. What is checked: every document with its status written out next to an icon of its own shape (not
colour alone), the sources as links, the WCAG 2.1 A/AA audit, a 360 px screen, text put in as text,
and nothing of it kept in the browser.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from test_widget_privacy import Site, browser_storage, open_chat, send_text  # noqa: F401 (skips without Chromium)

from fake_rasa import FakeRasa, message
from playwright.sync_api import Page, expect
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.dossiercheck import ActionAnswerDossiercheck

AXE = Path(__file__).resolve().parents[2] / "var" / "axe-core-4.14.1" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
QUESTION = "is ons dossier op orde?"
INJECTED = "<img src=x onerror=window.__hacked=1>"
# Sick since Monday 26 January 2026, checked on Monday 23 November 2026 (week 44): the probleemanalyse
# within week 6, the plan van aanpak 6 days after its deadline (2 weeks after the probleemanalyse), the
# 42e-weeksmelding (Monday 16 November 2026, day 295) not done, the eerstejaarsevaluatie not yet due.
SLOTS = {
    "rol": "werkgever",
    "eerste_ziektedag": "2026-01-26",
    "advies": "aangepast_werk",
    "documenten": {"probleemanalyse": "2026-02-10", "plan_van_aanpak": "2026-03-02", "melding_42e_week": "niet_gedaan"},
}


def action_messages() -> list[dict]:
    """What the real action says on the web chat for this conversation (run once, before the browser starts)."""
    moment = datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")).timestamp()
    latest = {"text": "/ask_dossiercheck", "intent": {"name": "ask_dossiercheck", "confidence": 1.0}, "entities": []}
    user = {"event": "user", "text": latest["text"], "timestamp": moment, "parse_data": latest, "input_channel": "rest"}
    tracker = Tracker(
        sender_id="opname",
        slots=dict(SLOTS),
        latest_message=latest,
        events=[user],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="dossiercheck_form",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerDossiercheck().run(dispatcher, tracker, {}))
    return dispatcher.messages


RECORDED = action_messages()


def recorded_reply(sender: str) -> list[dict]:
    """The recorded messages in the JSON of Rasa's REST channel (CollectingOutputChannel), for `sender`."""
    replies = []
    for m in copy.deepcopy(RECORDED):
        parts = {key: m[key] for key in ("text", "buttons") if m.get(key)}
        if m.get("custom"):
            parts["custom"] = m["custom"]
        replies.append(message(sender, **parts))
    return replies


class DossierRasa(FakeRasa):
    """The stand-in, answering the dossier question with the recorded reply (or a changed copy of it)."""

    def __init__(self) -> None:
        super().__init__()
        self.change = None  # a function that alters the checklist payload, for the injection test

    def answer(self, body: dict) -> list[dict] | None:
        if body.get("message") != QUESTION:
            return super().answer(body)
        replies = recorded_reply(body.get("sender"))
        if self.change:
            for reply in replies:
                if reply.get("custom"):
                    reply["custom"] = self.change(copy.deepcopy(reply["custom"]))
        return replies


@pytest.fixture(scope="module")
def fake():
    with DossierRasa() as server:
        yield server


@pytest.fixture(scope="module")
def site(fake):
    server = Site(fake.url)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fresh(fake):
    fake.requests.clear()
    fake.change = None


def checklist(page: Page):
    return page.locator(".sw-dossier").last


def item(page: Page, title: str):
    return checklist(page).locator("li.sw-doc", has_text=title)


def test_every_document_shows_its_status_in_words_next_to_an_icon(page: Page, site: Site, fake: DossierRasa):
    open_chat(page, site.url)
    send_text(page, QUESTION)
    expect(checklist(page)).to_be_visible()
    expect(page.locator(".sw-msg.sw-bot", has_text="Oordeel: Risico op een loonsanctie").first).to_be_visible()
    expect(checklist(page).get_by_role("heading", level=3)).to_contain_text("Dossiercheck op 23 november 2026")
    expect(checklist(page).locator(".sw-verdict")).to_contain_text("Risico op een loonsanctie")
    payload = next(r["custom"] for r in recorded_reply("x") if r.get("custom"))
    counted = {s: sum(d["status"] == s for d in payload["documenten"]) for s in ("op_tijd", "te_laat", "ontbreekt")}
    assert counted == {"op_tijd": 1, "te_laat": 1, "ontbreekt": 1}
    rest = len(payload["documenten"]) - 3
    expect(checklist(page).locator(".sw-dossier-summary")).to_have_text(
        f"1 op tijd · 1 te laat · 1 ontbreekt · {rest} nog niet nodig"
    )

    expected = {
        "Probleemanalyse van de bedrijfsarts": ("Op tijd", "gedaan op 10 februari 2026"),
        "Plan van aanpak": ("Te laat (6 dagen)", "uiterlijk 24 februari 2026"),
        "42e-weeksmelding bij UWV": ("Ontbreekt", "uiterlijk 16 november 2026"),
        "Eerstejaarsevaluatie": ("Nog niet nodig", "uiterlijk 24 januari 2027"),
    }
    shapes = set()
    for title, (status, dates) in expected.items():
        row = item(page, title)
        expect(row).to_have_count(1)
        expect(row.locator(".sw-status")).to_have_text(status)
        expect(row.locator(".sw-status")).to_be_visible()  # written out, not for screen readers only
        expect(row.locator(".sw-doc-dates")).to_contain_text(dates)
        icon = row.locator("svg.sw-icon")
        expect(icon).to_have_attribute("aria-hidden", "true")
        shapes.add(
            icon.evaluate("svg => Array.from(svg.children).map(c => c.tagName + (c.getAttribute('d') || '')).join('|')")
        )
        link = row.locator(".sw-doc-source a")
        expect(link).to_have_attribute("href", re.compile(r"^https://"))
        expect(link).to_have_attribute("rel", "noopener noreferrer")
    assert len(shapes) == 4, "each status has an icon of its own shape"
    # What to do: the missing melding first, then the late plan; the risk in plain words.
    steps = checklist(page).locator(".sw-dossier-steps li")
    expect(steps.first).to_contain_text("42e-weeksmelding nu alsnog")
    expect(checklist(page)).to_contain_text("u betaalt het loon dan tot 52 weken langer door")
    expect(item(page, "Plan van aanpak").locator(".sw-doc-action")).to_contain_text("Wat nu:")
    expect(item(page, "Probleemanalyse").locator(".sw-doc-action")).to_have_count(0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    checklist(page).evaluate("el => el.scrollIntoView()")
    page.screenshot(path=str(SHOTS / "dossiercheck.png"), full_page=True)


def test_the_status_is_not_told_by_colour_alone(page: Page, site: Site, fake: DossierRasa):
    """The accessible text of each item names its status; without any colour it still reads the same."""
    open_chat(page, site.url)
    send_text(page, QUESTION)
    expect(checklist(page)).to_be_visible()
    page.emulate_media(forced_colors="active")  # Windows high contrast: the page's colours are replaced
    for title, status in (("Plan van aanpak", "Te laat (6 dagen)"), ("42e-weeksmelding", "Ontbreekt")):
        text = item(page, title).inner_text()
        assert status in text, text
        assert item(page, title).locator(".sw-status").is_visible()


def test_the_checklist_passes_the_wcag_21_aa_audit_and_fits_a_phone(browser, site: Site, fake: DossierRasa):
    if not AXE.exists():
        pytest.skip("axe-core is fetched by scripts/ensure-axe.sh")
    # The page's Content-Security-Policy allows no injected script: only this context bypasses it for axe.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    try:
        open_chat(page, site.url)
        send_text(page, QUESTION)
        expect(checklist(page)).to_be_visible()
        checklist(page).locator("details summary").click()  # "Wat deze check niet kan zien" open as well
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
        )
        assert violations == []
        overflow = checklist(page).evaluate("el => el.scrollWidth - el.clientWidth")
        assert overflow <= 0, f"the checklist is {overflow} px wider than a 360 px screen"
        page.screenshot(path=str(SHOTS / "dossiercheck-360.png"), full_page=True)
    finally:
        context.close()


def test_text_from_the_reply_is_put_in_as_text(page: Page, site: Site, fake: DossierRasa):
    def inject(payload: dict) -> dict:
        payload["documenten"][0]["titel"] = INJECTED
        payload["documenten"][0]["bron_url"] = "javascript:window.__hacked=1"
        payload["oordeel_tekst"] = INJECTED
        return payload

    fake.change = inject
    open_chat(page, site.url)
    send_text(page, QUESTION)
    expect(checklist(page)).to_be_visible()
    expect(checklist(page).locator(".sw-doc-title").first).to_have_text(INJECTED)
    assert checklist(page).locator("img").count() == 0
    assert checklist(page).locator("li.sw-doc").first.locator("a").count() == 0  # only https links
    assert page.evaluate("window.__hacked") is None


def test_nothing_of_the_checklist_is_kept_in_the_browser(page: Page, site: Site, fake: DossierRasa):
    open_chat(page, site.url)
    send_text(page, QUESTION)
    expect(checklist(page)).to_be_visible()
    kept = json.dumps(browser_storage(page))
    for text in ("probleemanalyse", "Plan van aanpak", "2026-03-02", "10 februari", "loonsanctie"):
        assert text.lower() not in kept.lower(), kept
    page.reload()
    expect(page.locator(".sw-dossier")).to_have_count(0)
