"""What the chat widget keeps in the browser, when it forgets the conversation, and the page's
security headers — in real headless Chromium, self-contained: web/serve.py serves the page on a
free port and the widget talks to a stand-in of Rasa's REST channel (fake_rasa.py), so the
failures the real server rarely shows (an erasure that did not succeed, a lost connection) can be
made at will. The same behaviour against the real servers: test_widget.py.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # as in conftest.py
from fake_rasa import ANSWER, CONFIRM_QUESTION, GREETING, FakeRasa, message  # noqa: E402 (after CHROMIUM)

if not os.access(CHROMIUM, os.X_OK):
    if os.environ.get("SPOORWIJZER_REQUIRE_WEB"):
        raise RuntimeError(f"{CHROMIUM} ontbreekt: draai scripts/ensure-chromium.sh")
    pytest.skip("Chromium is installed by scripts/ensure-chromium.sh", allow_module_level=True)

from playwright.sync_api import Page, expect  # noqa: E402

from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT  # noqa: E402

SERVE = Path(__file__).resolve().parents[2] / "web" / "serve.py"
UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
DAY_MS = 24 * 60 * 60 * 1000
# Typed by a person who did not read "Deel geen medische gegevens": it must never be kept on the device.
MEDICAL = "Ik heb een hernia en na mijn knieoperatie ben ik nog steeds erg moe"


class Site:
    """web/serve.py as `make run` starts it, on a port the system picks."""

    def __init__(self, rasa_url: str, *extra: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "web.serve", "--port", "0", "--rasa", rasa_url, *extra],
            stdout=subprocess.PIPE,
            text=True,
            cwd=SERVE.parents[1],
        )
        line = self.process.stdout.readline()
        port = re.search(r":(\d+)\s*$", line)
        assert port, f"serve.py did not start: {line!r}"
        self.host, self.port = "127.0.0.1", int(port.group(1))
        self.url = f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def fake():
    with FakeRasa() as server:
        yield server


@pytest.fixture(scope="module")
def site(fake):
    env_retention = os.environ.pop("RETENTION_DAYS", None)  # the default of 30 days
    try:
        server = Site(fake.url)
    finally:
        if env_retention is not None:
            os.environ["RETENTION_DAYS"] = env_retention
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fresh_fake(fake):
    fake.requests.clear()
    fake.erase_outcomes.clear()
    fake.refuse_with.clear()


# ---- helpers ---------------------------------------------------------------------------------


def bot_messages(page: Page):
    return page.locator(".sw-msg.sw-bot")


def open_chat(page: Page, url: str) -> None:
    page.goto(url)
    expect(bot_messages(page).first).to_be_visible(timeout=15_000)
    expect(page.locator(".sw-typing")).to_be_hidden(timeout=15_000)


def send_text(page: Page, text: str) -> None:
    count = bot_messages(page).count()
    page.get_by_label("Je bericht").fill(text)
    page.get_by_label("Je bericht").press("Enter")
    expect(bot_messages(page)).not_to_have_count(count, timeout=15_000)
    expect(page.locator(".sw-typing")).to_be_hidden(timeout=15_000)


def confirm_erasure(page: Page, button: str = "Gesprek wissen") -> None:
    page.get_by_role("button", name=button).click()
    page.get_by_role("button", name="Ja, wis het gesprek").click()
    expect(page.locator(".sw-typing")).to_be_hidden(timeout=15_000)


def browser_storage(page: Page) -> dict:
    """Everything in localStorage and sessionStorage of the page's origin, keys and values."""
    return page.evaluate("""() => {
        const dump = (s) => Object.fromEntries(Array.from({length: s.length}, (_, i) => [s.key(i), s.getItem(s.key(i))]));
        return {local: dump(localStorage), session: dump(sessionStorage)};
    }""")


def stored_id(page: Page) -> str:
    kept = json.loads(page.evaluate("localStorage.getItem('spoorwijzer.sender')"))
    return kept["id"] if isinstance(kept, dict) else kept  # older versions kept the bare id


def keep(page: Page, conversation_id: str, days_old: float) -> None:
    """What the widget stores, with a last use `days_old` days ago (negative: in the future)."""
    value = json.dumps({"id": conversation_id, "lastUsed": int(time.time() * 1000 - days_old * DAY_MS)})
    page.evaluate("v => localStorage.setItem('spoorwijzer.sender', v)", value)


def sender_of_next_message(page: Page, fake: FakeRasa) -> str:
    send_text(page, "wat is spoor 2?")
    return fake.requests[-1]["sender"]


# ---- 1. what the browser keeps ---------------------------------------------------------------


def test_no_message_text_is_kept_in_the_browser(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    send_text(page, MEDICAL)
    assert fake.requests[-1]["message"] == MEDICAL  # it did reach the server
    expect(page.locator(".sw-msg.sw-user").last).to_have_text(re.compile("hernia"))  # and is on screen

    stored = browser_storage(page)
    everything = json.dumps(stored)
    for text in ("hernia", "knieoperatie", "moe", GREETING[:20], ANSWER[:20], "Spoorwijzer (nagebootst)"):
        assert text not in everything, f"{text!r} is kept in the browser: {stored}"
    assert stored["session"] == {}
    assert list(stored["local"]) == ["spoorwijzer.sender"]
    kept = json.loads(stored["local"]["spoorwijzer.sender"])
    assert set(kept) == {"id", "lastUsed"} and UUID4.fullmatch(kept["id"])
    assert kept["id"] == fake.requests[-1]["sender"]
    assert abs(kept["lastUsed"] - time.time() * 1000) < 60_000

    # After a reload the conversation goes on (same id), without its messages on the device.
    page.reload()
    expect(bot_messages(page).first).to_contain_text("Welkom terug")
    expect(page.locator(".sw-messages")).not_to_contain_text("hernia")
    assert page.locator(".sw-msg.sw-user").count() == 0
    asked = len(fake.requests)
    page.wait_for_timeout(300)
    assert len(fake.requests) == asked, "opening the page must not touch the server (it would extend retention)"
    assert sender_of_next_message(page, fake) == kept["id"]
    assert "hernia" not in json.dumps(browser_storage(page))


def test_the_transcript_kept_by_an_older_version_is_removed(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    old_id = stored_id(page)
    page.evaluate(
        """id => {
        localStorage.setItem('spoorwijzer.sender', JSON.stringify(id));  // the old format: an id without age
        localStorage.setItem('spoorwijzer.log', JSON.stringify([
            {from: 'user', text: 'ik heb borstkanker'}, {from: 'bot', text: 'Dat is naar om te horen.'}]));
    }""",
        old_id,
    )
    page.reload()
    expect(bot_messages(page).first).to_be_visible()
    assert page.evaluate("localStorage.getItem('spoorwijzer.log')") is None
    assert "borstkanker" not in page.locator(".sw-messages").inner_text()
    expect(bot_messages(page).first).to_contain_text(GREETING[:20])
    assert stored_id(page) != old_id, "an id of unknown age is not reused"


def test_an_id_older_than_the_retention_period_is_not_reused(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    first = stored_id(page)

    keep(page, first, days_old=29)  # within the 30 days: the same conversation
    page.reload()
    expect(bot_messages(page).first).to_contain_text("Welkom terug")
    assert sender_of_next_message(page, fake) == first

    keep(page, first, days_old=31)  # past them: dropped on load, a new conversation
    page.reload()
    expect(bot_messages(page).first).to_contain_text(GREETING[:20])
    assert fake.requests[-1]["sender"] != first and UUID4.fullmatch(fake.requests[-1]["sender"])
    assert stored_id(page) == fake.requests[-1]["sender"]
    assert sender_of_next_message(page, fake) != first

    keep(page, first, days_old=-5)  # from the future (a clock that was wrong): not trusted either
    page.reload()
    expect(bot_messages(page).first).to_contain_text(GREETING[:20])
    assert stored_id(page) != first


def test_the_retention_period_comes_from_data_retention_days(page: Page, fake: FakeRasa):
    site = Site(fake.url, "--retention-days", "2")
    try:
        open_chat(page, site.url)
        assert page.locator("script[data-retention-days='2']").count() == 1
        first = stored_id(page)
        keep(page, first, days_old=1)
        page.reload()
        expect(bot_messages(page).first).to_contain_text("Welkom terug")
        assert stored_id(page) == first
        keep(page, first, days_old=3)
        page.reload()
        expect(bot_messages(page).first).to_contain_text(GREETING[:20])
        assert stored_id(page) != first
    finally:
        site.stop()


def test_a_page_left_open_past_the_retention_period_starts_afresh(page: Page, site: Site, fake: FakeRasa):
    page.clock.install()
    open_chat(page, site.url)
    send_text(page, "wat is spoor 1?")
    first = fake.requests[-1]["sender"]
    page.clock.fast_forward(31 * DAY_MS)
    page.get_by_label("Je bericht").fill("wat is spoor 2?")
    page.get_by_label("Je bericht").press("Enter")
    expect(bot_messages(page).first).to_contain_text("langer dan 30 dagen")
    expect(bot_messages(page).last).to_have_text(re.compile(re.escape(ANSWER[:20])))
    expect(page.locator(".sw-messages")).not_to_contain_text("wat is spoor 1?")
    assert fake.requests[-1]["sender"] != first and fake.requests[-1]["sender"] == stored_id(page)


# ---- 2. forget the id only when the server erased -------------------------------------------


def test_a_failed_erasure_keeps_the_conversation_and_can_be_tried_again(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    send_text(page, "wat is een plan van aanpak?")
    before = stored_id(page)

    fake.erase_outcomes.append("mislukt")
    confirm_erasure(page)
    expect(bot_messages(page).last).to_have_text(re.compile(re.escape(ERASE_FAILED_TEXT[:40])))
    assert stored_id(page) == before, "the id is kept: the conversation is still on the server"
    expect(page.locator(".sw-msg.sw-user", has_text="plan van aanpak")).to_have_count(1)
    assert fake.requests[-1]["sender"] == before and fake.requests[-1]["message"] == "/confirm_erase"
    assert sender_of_next_message(page, fake) == before

    # The button still works; this time the server erases.
    fake.erase_outcomes.append("gelukt")
    confirm_erasure(page)
    expect(bot_messages(page).first).to_have_text(re.compile(re.escape(ERASED_TEXT[:30])))
    assert page.locator(".sw-msg.sw-user").count() == 0
    assert stored_id(page) != before
    assert sender_of_next_message(page, fake) not in (before, None)


def test_a_lost_connection_during_erasure_keeps_the_conversation(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    send_text(page, "wat is een plan van aanpak?")
    before = stored_id(page)
    fake.erase_outcomes.append("verbroken")
    confirm_erasure(page)
    expect(bot_messages(page).last).to_contain_text("Het wissen is niet gelukt")
    expect(bot_messages(page).last).to_contain_text("opnieuw")
    assert stored_id(page) == before
    assert page.locator(".sw-msg.sw-user").count() >= 1

    confirm_erasure(page)  # tried again later, and now it works
    expect(bot_messages(page).first).to_have_text(re.compile(re.escape(ERASED_TEXT[:30])))
    assert stored_id(page) != before


def test_new_conversation_starts_only_after_a_confirmed_erasure(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    before = stored_id(page)
    fake.erase_outcomes.append("mislukt")
    confirm_erasure(page, "Nieuw gesprek")
    expect(bot_messages(page).last).to_have_text(re.compile(re.escape(ERASE_FAILED_TEXT[:40])))
    assert stored_id(page) == before
    assert fake.requests[-1]["message"] == "/confirm_erase"  # no new greeting under a new id

    confirm_erasure(page, "Nieuw gesprek")
    expect(bot_messages(page).nth(1)).to_contain_text(GREETING[:20])
    assert fake.requests[-1]["message"] == "/greet" and fake.requests[-1]["sender"] != before


def test_an_answer_without_an_outcome_forgets_nothing(page: Page, site: Site, fake: FakeRasa):
    # A server that does not say whether it erased (an older version, a proxy in between).
    open_chat(page, site.url)
    before = stored_id(page)
    page.route(
        "**/webhooks/rest/webhook",
        lambda route: route.fulfill(
            json=[{"recipient_id": before, "text": "Klaar: dit gesprek is gewist."}],
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )
    confirm_erasure(page)
    expect(bot_messages(page).last).to_contain_text("Het wissen is niet gelukt")
    assert stored_id(page) == before


def test_erasure_typed_in_the_chat_forgets_only_when_confirmed(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    send_text(page, MEDICAL)
    before = stored_id(page)

    for outcome in ("mislukt", "gelukt"):
        fake.erase_outcomes.append(outcome)
        send_text(page, "verwijder mijn gegevens")
        expect(bot_messages(page).last).to_contain_text(CONFIRM_QUESTION)
        count = bot_messages(page).count()
        bot_messages(page).last.get_by_role("button", name="Ja, wis dit gesprek").click()
        expect(page.locator(".sw-typing")).to_be_hidden(timeout=15_000)
        if outcome == "mislukt":
            expect(bot_messages(page)).to_have_count(count + 1)
            expect(bot_messages(page).last).to_have_text(re.compile(re.escape(ERASE_FAILED_TEXT[:40])))
            assert stored_id(page) == before
            expect(page.locator(".sw-msg.sw-user", has_text="hernia")).to_have_count(1)
        else:
            expect(bot_messages(page).first).to_have_text(re.compile(re.escape(ERASED_TEXT[:30])))
            assert stored_id(page) != before
            expect(page.locator(".sw-messages")).not_to_contain_text("hernia")
    assert sender_of_next_message(page, fake) != before


def test_another_tab_follows_an_erasure(page: Page, site: Site, fake: FakeRasa):
    open_chat(page, site.url)
    send_text(page, MEDICAL)
    other = page.context.new_page()
    open_chat(other, site.url)  # the same conversation in a second tab
    before = stored_id(page)
    confirm_erasure(other)
    expect(bot_messages(other).first).to_have_text(re.compile(re.escape(ERASED_TEXT[:30])))
    expect(page.locator(".sw-messages")).not_to_contain_text("hernia")
    expect(bot_messages(page).first).to_contain_text("in een ander venster gewist")
    assert sender_of_next_message(page, fake) == stored_id(other) != before


# ---- 3. the page's security headers, however it is asked for --------------------------------


def raw_request(site: Site, path: str, method: str = "GET") -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection(site.host, site.port, timeout=10)
    connection.putrequest(method, path)  # sent as written: no client-side normalisation
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def directives(csp: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in csp.split(";")) if d}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?a=1",
        "/index.html",
        "/index.html?a=1",
        "//",
        "/%69ndex.html",
        "/index.html#top",
        "/?stream=true#x",
        "/./index.html",
        "/%2F",
    ],
)
def test_every_way_to_the_chat_page_gets_the_security_headers(site: Site, fake: FakeRasa, path: str):
    for method in ("GET", "HEAD"):
        status, headers, body = raw_request(site, path, method)
        assert status == 200 and headers["content-type"].startswith("text/html"), (method, path, status)
        policy = directives(headers.get("content-security-policy", ""))
        assert policy.get("default-src") == ["'self'"], (method, path, headers)
        assert policy.get("connect-src") == ["'self'", fake.url]
        assert policy.get("object-src") == ["'none'"] and policy.get("base-uri") == ["'none'"]
        assert "script-src" not in policy  # scripts fall back to default-src 'self': no inline script
        assert headers.get("x-content-type-options") == "nosniff"
        assert headers.get("referrer-policy") == "no-referrer"
        if method == "GET":
            assert f'data-server="{fake.url}"'.encode() in body  # the page as served, not the raw file


@pytest.mark.parametrize("path", ["/spoorwijzer-widget.js", "/spoorwijzer-widget.js?v=2", "/nope.html", "/index.html/"])
def test_other_answers_get_the_headers_too(site: Site, path: str):
    status, headers, _ = raw_request(site, path)
    assert headers.get("x-content-type-options") == "nosniff" and "content-security-policy" in headers, (path, status)
    if path.startswith("/spoorwijzer-widget.js"):
        assert status == 200 and "javascript" in headers["content-type"]


@pytest.mark.parametrize("path", ["/?a=1", "/index.html?foo", "//"])
def test_the_browser_enforces_the_policy_with_a_query_string(page: Page, site: Site, path: str):
    page.goto(site.url + path, wait_until="load")
    expect(page.locator(".sw-root")).to_be_visible()
    ran = page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.appendChild(s);
        return window.__injected === true;
    }""")
    assert ran is False, f"an injected inline script ran on {path}"


# ---- the new states are accessible too ----------------------------------------------------------

AXE = Path(__file__).resolve().parents[2] / "var" / "axe-core-4.14.1" / "axe.min.js"


def test_welcome_back_and_a_failed_erasure_have_no_wcag_violations(browser, site: Site, fake: FakeRasa):
    if not AXE.exists():
        if os.environ.get("SPOORWIJZER_REQUIRE_WEB"):
            raise RuntimeError(f"{AXE} ontbreekt: draai scripts/ensure-axe.sh")
        pytest.skip("axe-core is fetched by scripts/ensure-axe.sh")

    def violations(page: Page) -> list[str]:  # as in test_accessibility.py (which needs the real servers)
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        return page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))",
            ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
        )

    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    try:
        open_chat(page, site.url)
        send_text(page, "wat is spoor 2?")
        page.reload()
        expect(bot_messages(page).first).to_contain_text("Welkom terug")
        assert violations(page) == [], "welcome back, with the menu button"
        fake.erase_outcomes.append("mislukt")
        confirm_erasure(page)
        expect(bot_messages(page).last).to_have_text(re.compile(re.escape(ERASE_FAILED_TEXT[:40])))
        assert violations(page) == [], "erasure failed"
    finally:
        context.close()


# ---- rate limit --------------------------------------------------------------------------------


def test_a_rate_limited_message_shows_the_servers_explanation(page: Page, site: Site, fake: FakeRasa):
    """A 429 in Rasa's reply format (connectors/limits.py) is shown as the bot's answer, not as
    "niet bereikbaar", and is not sent again by the widget's own retry (that would count again)."""
    from connectors.limits import RATE_LIMITED_TEXT

    open_chat(page, site.url)
    fake.refuse_with.append((429, [message("x", text=RATE_LIMITED_TEXT)]))
    sent = len(fake.requests)
    send_text(page, "wat is spoor 2?")
    expect(bot_messages(page).last).to_contain_text(RATE_LIMITED_TEXT)
    page.wait_for_timeout(2_500)  # longer than the widget's retry delay
    assert len(fake.requests) == sent + 1


# ---- pregnancy leave in the timeline (#26 finding 1) ---------------------------------------------


def test_the_timeline_shows_why_dates_moved_by_a_pregnancy_leave(page: Page, site: Site, fake: FakeRasa):
    """The payload the real action builds for the review's example (sick from 1-9-2026, leave 15-12-2026 to
    5-4-2027, asked on 6-12-2026): the widget says the leave does not count and why each date moved."""
    from datetime import date

    from actions.zwangerschap import Zwangerschap, compute
    from actions.tijdlijn_payload import tijdlijn_payload
    from poortwachter import Periode

    tijdlijn, beeld = compute(
        {"eerste_ziektedag": date(2026, 9, 1), "peildatum": date(2026, 12, 6), "advies": "onbekend"},
        Zwangerschap(False, Periode(date(2026, 12, 15), date(2027, 4, 5)), doorlopend="ja"),
    )
    payload = tijdlijn_payload(tijdlijn, beeld, "werknemer")
    end_of_pay = next(m for m in payload["mijlpalen"] if m["datum"] == "2028-12-18")
    assert end_of_pay["toelichting"], "the rules moved the end of pay by the leave"
    fake.refuse_with.append((200, [message("x", text="Je termijnen:", custom=payload)]))

    open_chat(page, site.url)
    send_text(page, "in welk spoor zit ik?")
    verlof = page.locator(".sw-leave")
    expect(verlof).to_be_visible()
    for line in payload["verlof"]["uitleg"]:
        expect(verlof).to_contain_text(line[:40])
    expect(verlof).to_contain_text("tellen niet mee voor de 104 weken")
    expect(verlof).to_contain_text("18 december 2028")  # not 28-8-2028: 16 weeks later (BW 7:629 lid 4 en 10)
    page.get_by_text("Alle data als lijst").click()
    moved = page.locator(".sw-milestones li", has_text=end_of_pay["datum_tekst"])
    expect(moved.locator(".sw-moved")).to_contain_text(end_of_pay["toelichting"][:40])
