"""In a chat that others read (a Slack channel or thread), nothing personal is asked, kept or shown."""

from __future__ import annotations

from helpers import make_tracker, slot_events

from actions.faq import ActionAnswerFaq
from actions.guide import ActionAnswerGuide, ActionPrefillGuide
from actions.guide_form import ValidateGuideForm

SHARED = {"personal_chat": False, "out_channel": "C123"}
PRIVATE = {"personal_chat": True, "out_channel": "D123"}
FORM = "guide_form"


async def test_a_question_with_a_date_in_a_channel_keeps_nothing(dispatcher, domain):
    tracker = make_tracker("ik ben sinds 3 maart 2026 ziek, in welk spoor zit ik?", "ask_track", metadata=SHARED)
    assert slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain)) == {}


async def test_the_form_asks_nothing_in_a_channel(dispatcher, domain):
    tracker = make_tracker("in welk spoor zit ik?", "ask_track", form=FORM, slots={"vraag": "spoor"}, metadata=SHARED)
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots.get("requested_slot") is None


async def test_the_answer_in_a_channel_invites_to_a_private_chat_and_says_why(dispatcher, domain):
    tracker = make_tracker(
        "in welk spoor zit ik?",
        "ask_track",
        metadata=SHARED,
        slots={"vraag": "spoor", "eerste_ziektedag": "2026-03-03", "advies": "eigen_werk", "situatie": "standaard"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "privébericht" in text and "anderen" in text
    assert "week" not in text and "2026" not in text  # no personal week or date


async def test_in_a_direct_message_the_personal_answer_is_given(dispatcher, domain):
    tracker = make_tracker(
        "in welk spoor zit ik?",
        "ask_track",
        metadata=PRIVATE,
        slots={"vraag": "spoor", "eerste_ziektedag": "2026-03-03", "advies": "eigen_werk", "situatie": "standaard"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    assert "Je zit in **week" in dispatcher.messages[0]["text"]


async def test_a_general_question_in_a_channel_is_answered_without_keeping_context(dispatcher, domain):
    tracker = make_tracker(
        "ik ben sinds 3 maart 2026 ziek, wat is een plan van aanpak?",
        "faq",
        response="faq/plan_van_aanpak",
        metadata=SHARED,
    )
    events = await ActionAnswerFaq().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/plan_van_aanpak"]
    assert events == []
