"""WCAG 2.1 A/AA: an automated audit with axe-core in real headless Chromium, and a whole
conversation with the keyboard alone.

axe-core finds what a machine can find (contrast, names, roles, structure); it cannot judge
whether a screen reader makes sense of the conversation. README "Toegankelijkheid" says what
was checked and what was not.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_widget import WEB_URL, bot_messages, click_and_wait, days_ago, send_text, shot
from playwright.sync_api import Page, expect

AXE = Path(__file__).resolve().parents[2] / "var" / "axe-core-4.14.1" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

if not AXE.exists():
    if os.environ.get("SPOORWIJZER_REQUIRE_WEB"):
        raise RuntimeError(f"{AXE} ontbreekt: draai scripts/ensure-axe.sh")
    pytest.skip("axe-core is fetched by scripts/ensure-axe.sh", allow_module_level=True)


def violations(page: Page) -> list[str]:
    """Every WCAG 2.1 A/AA rule that the page as it is now breaks, with the elements."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))",
        WCAG_21_AA,
    )
    return result


@pytest.fixture
def audited_page(browser):
    """A page on which axe-core may be loaded: the chat page's Content-Security-Policy allows no
    injected script, so only this test's browser context bypasses it."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="nl-NL", bypass_csp=True)
    yield context.new_page()
    context.close()


def test_the_chat_page_in_its_states_has_no_wcag_violations(audited_page: Page):
    page = audited_page
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_contain_text("Spoorwijzer", timeout=30_000)
    assert violations(page) == [], "greeting with menu"

    click_and_wait(page, "Welke termijnen komen eraan?")
    send_text(page, days_ago(300))  # an overview: the answer at once, the situations as buttons under it
    expect(page.locator(".sw-timeline svg").last).to_be_visible()
    page.locator(".sw-timeline details summary").last.click()  # the list of dates open as well
    assert violations(page) == [], "answer with timeline, list, .ics and PDF buttons"

    page.get_by_role("button", name="Gesprek wissen").click()
    assert violations(page) == [], "confirmation before erasing"
    page.keyboard.press("Escape")

    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.get_by_label("Je bericht").fill("wat is spoor 2?")
    page.get_by_label("Je bericht").press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    assert violations(page) == [], "error message with retry"
    page.unroute("**/webhooks/rest/webhook")


def test_a_whole_conversation_with_the_keyboard_alone(page: Page):
    """Tab to the menu, choose with Enter, type the date, go back from the input to the newest
    buttons with Shift+Tab and choose with Enter."""
    page.goto(WEB_URL)
    expect(bot_messages(page).first).to_contain_text("Spoorwijzer", timeout=30_000)

    def tab_to(text: str, key: str = "Tab", limit: int = 40) -> None:
        visited = []
        for _ in range(limit):
            page.keyboard.press(key)
            visited.append((page.evaluate("document.activeElement.textContent") or "").strip()[:30])
            if visited[-1] == text:
                return
        raise AssertionError(f"'{text}' is not reachable with {key}; visited {visited}")

    def wait_for_answer(count: int) -> None:
        expect(bot_messages(page)).not_to_have_count(count, timeout=30_000)
        expect(page.locator(".sw-typing")).to_be_hidden(timeout=30_000)

    count = bot_messages(page).count()
    tab_to("In welk spoor zit ik?")
    page.keyboard.press("Enter")
    wait_for_answer(count)
    assert page.evaluate("document.activeElement.id") == "sw-input"  # focus back in the input after an answer
    count = bot_messages(page).count()
    page.keyboard.type(days_ago(120))
    page.keyboard.press("Enter")
    wait_for_answer(count)
    count = bot_messages(page).count()
    tab_to("Terug in mijn eigen werk", "Shift+Tab")  # from the input back to the newest buttons
    page.keyboard.press("Enter")
    wait_for_answer(count)
    expect(page.locator(".sw-msg.sw-bot", has_text="Je zit in week").last).to_be_visible()
    tab_to("Download als PDF", "Shift+Tab")  # the files are reachable too
    focused_outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused_outline != "none", "the focused button shows a focus ring"
    shot(page, "9-toetsenbord")
