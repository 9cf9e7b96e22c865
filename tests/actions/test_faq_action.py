"""action_answer_faq: the fixed answer, plus what else the message said."""

from __future__ import annotations

from helpers import make_tracker, slot_events

from actions.faq import ActionAnswerFaq


async def test_gives_the_selected_answer_and_nothing_else_for_a_plain_question(dispatcher, domain):
    tracker = make_tracker("wat is een probleemanalyse?", "faq", response="faq/probleemanalyse")
    events = await ActionAnswerFaq().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/probleemanalyse"]
    assert slot_events(events) == {}


async def test_a_sick_day_before_the_question_is_kept_and_the_personal_answer_offered(dispatcher, domain):
    tracker = make_tracker("ik ben sinds 3 maart 2026 ziek, mag ik op vakantie?", "faq", response="faq/vakantie")
    slots = slot_events(await ActionAnswerFaq().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_faq/vakantie"
    assert slots["eerste_ziektedag"] == "2026-03-03"
    offer = dispatcher.messages[1]
    assert "welke week je zit" in offer["text"]
    assert [b["payload"] for b in offer["buttons"]] == ["/ask_timeline", "/ask_track"]


async def test_hr_context_gets_the_u_form_and_the_situation_is_kept(dispatcher, domain):
    tracker = make_tracker(
        "een medewerker van ons is zwanger en sinds 2 november ziek, wie betaalt?",
        "faq",
        response="faq/loondoorbetaling",
    )
    slots = slot_events(await ActionAnswerFaq().run(dispatcher, tracker, domain))
    assert slots["rol"] == "werkgever" and slots["situatie"] == "zwanger"
    assert "ziek_door_zwangerschap" not in slots  # pregnant says nothing about the cause: the guide asks it
    assert slots["eerste_ziektedag"] == "2026-11-02"
    assert "uw werknemer" in dispatcher.messages[1]["text"]


async def test_a_doubtful_date_beside_a_question_changes_nothing(dispatcher, domain):
    tracker = make_tracker(
        "sinds 31 februari ziek, wat is spoor 2?",
        "faq",
        response="faq/spoor_2",
        slots={"eerste_ziektedag": "2026-01-05"},
    )
    slots = slot_events(await ActionAnswerFaq().run(dispatcher, tracker, domain))
    assert "eerste_ziektedag" not in slots
    assert len(dispatcher.messages) == 1  # only the answer; no offer, no error about a side remark


async def test_without_a_selected_answer_it_says_so_instead_of_guessing(dispatcher, domain):
    tracker = make_tracker("iets over de regels", "faq")
    await ActionAnswerFaq().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_default"
