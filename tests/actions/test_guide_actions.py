"""The decision-guide actions with CollectingDispatcher and real trackers."""

from __future__ import annotations

import pytest
from helpers import make_tracker, slot_events, texts

from actions import phrasing
from actions.guide import ActionAnswerGuide, ActionExplainWhy, ActionPrefillGuide
from actions.guide_form import ValidateGuideForm
from actions.guide_questions import (
    ActionAskAdvies,
    ActionAskEersteZiektedag,
    ActionAskPerspectief,
    ActionAskSchattingBevestigd,
)
from actions.tracker_helpers import message_date

FORM = "guide_form"


def asked_for_the_advies(answer: str, intent: str = "inform_advies"):
    """A tracker in which the guide has just asked for the advice (first sick day known) and `answer` came."""
    return make_tracker(
        answer, intent, requested_slot="advies", form=FORM, slots={"vraag": "spoor", "eerste_ziektedag": "2026-09-01"}
    )


# --- action_prefill_guide ---------------------------------------------------------


async def test_prefill_takes_the_date_from_the_question(dispatcher, domain):
    tracker = make_tracker("ik ben sinds 3 maart 2025 ziek, in welk spoor zit ik?", "ask_track")
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] == "2025-03-03"
    assert slots["vraag"] == "spoor"
    assert dispatcher.messages == []


async def test_prefill_recognises_hr_wording(dispatcher, domain):
    tracker = make_tracker(
        "mijn werknemer is sinds 2 november ziek, welke termijnen komen eraan?",
        "ask_timeline",
        slots={"vraag": "tijdlijn"},
    )
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["rol"] == "werkgever"
    assert slots["eerste_ziektedag"] == "2026-11-02"
    assert "vraag" not in slots  # the question type was already set by the intent


async def test_hr_wording_wins_over_a_role_entity_on_the_word_werknemer(dispatcher, domain):
    # A training draw tagged "werknemer" in "mijn werknemer" as the `rol` entity: the answer came in "je".
    tracker = make_tracker(
        "mijn werknemer is sinds 2 november ziek en de bedrijfsarts zegt aangepast werk, in welk spoor zit hij?",
        "ask_track",
        entities=[{"entity": "rol", "value": "werknemer"}],
    )
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["rol"] == "werkgever"


async def test_a_role_button_still_sets_the_role(dispatcher, domain):
    tracker = make_tracker('/inform_rol{"rol": "hr"}', "inform_rol", entities=[{"entity": "rol", "value": "hr"}])
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots.get("rol") == "werkgever"


async def test_prefill_takes_the_advice_from_the_same_message(dispatcher, domain):
    tracker = make_tracker("ik ben sinds 1 oktober 2025 ziek en de bedrijfsarts zegt aangepast werk", "ask_track")
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["advies"] == "aangepast_werk"


async def test_prefill_says_medical_details_are_not_needed(dispatcher, domain):
    tracker = make_tracker("ik heb een burn-out, in welk spoor zit ik?", "ask_track")
    await ActionPrefillGuide().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_privacy_no_medical"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("mijn eerste ziektedag was 31 februari", "31 februari bestaat niet"),
        ("ik ben sinds 1 januari 2027 ziek", "toekomst"),
        ("sinds 03-04", "Bedoel je 3 april of 4 maart?"),
        ("sinds 3 maart 2003", "WAO"),
    ],
)
async def test_prefill_bad_dates_get_an_explanation_and_set_nothing(dispatcher, domain, text, fragment):
    tracker = make_tracker(text, "inform_sick_date", slots={"eerste_ziektedag": "2026-01-05", "vraag": "spoor"})
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert fragment in texts(dispatcher)
    assert "eerste_ziektedag" not in slots  # the earlier, valid date stays


async def test_prefill_keeps_an_estimate_for_confirmation(dispatcher, domain):
    tracker = make_tracker("ik ben al 14 maanden ziek", "inform_sick_date", slots={"vraag": "spoor"})
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["datum_schatting"] == "2025-09-23"
    assert slots["eerste_ziektedag"] is None


async def test_prefill_reads_earlier_periods(dispatcher, domain):
    tracker = make_tracker(
        "ik was van 6 januari tot 1 februari ziek en sinds 3 maart weer", "inform_sick_date", slots={"vraag": "spoor"}
    )
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] == "2026-03-03"
    assert slots["eerdere_perioden"] == [{"begin": "2026-01-06", "einde": "2026-02-01"}]


async def test_prefill_unknown_advice_is_said_and_not_set(dispatcher, domain):
    tracker = make_tracker("de bedrijfsarts zei iets over bananen", "inform_advies", slots={"vraag": "spoor"})
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert "advies" not in slots
    assert "kan ik niet goed plaatsen" in texts(dispatcher)


# --- validate_guide_form ----------------------------------------------------------------


async def test_form_takes_a_typed_date(dispatcher, domain):
    tracker = make_tracker(
        "3 maart 2025", "inform_sick_date", requested_slot="eerste_ziektedag", form=FORM, slots={"vraag": "spoor"}
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] == "2025-03-03"


async def test_form_rejects_an_impossible_date_and_asks_again(dispatcher, domain):
    tracker = make_tracker(
        "31-02-2025", "inform_sick_date", requested_slot="eerste_ziektedag", form=FORM, slots={"vraag": "spoor"}
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] is None
    assert "bestaat niet" in texts(dispatcher)


async def test_form_lets_a_faq_question_through(dispatcher, domain):
    tracker = make_tracker(
        "wat is een probleemanalyse?", "faq", requested_slot="eerste_ziektedag", form=FORM, slots={"vraag": "spoor"}
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert "eerste_ziektedag" not in slots  # no slot: the form rejects and the FAQ rule answers
    assert dispatcher.messages == []


async def test_form_takes_the_advice_button(dispatcher, domain):
    tracker = make_tracker(
        '/inform_advies{"advies": "eigen_werk"}',
        "inform_advies",
        requested_slot="advies",
        form=FORM,
        slots={"vraag": "spoor", "situatie": "standaard", "eerste_ziektedag": "2026-09-01"},
        entities=[{"entity": "advies", "value": "eigen_werk"}],
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["advies"] == "eigen_werk"
    assert slots["requested_slot"] is None  # week 12: no question about the 3-month perspective


@pytest.mark.parametrize(
    "best, taken, why",
    [
        ("inform_advies", "aangepast_werk", "read as the advice, refused only because it also asks"),
        ("faq/gedeeltelijk_werken", None, "read as a question about part-time work: a digression"),
    ],
)
async def test_form_takes_an_advice_that_also_asks_something(dispatcher, domain, best, taken, why):
    # "halve dagen, kan dat?" asks outright without our subject's words: the NLU makes it out_of_scope
    # (components/answer_ranking.py), while the guide asked exactly for the advice.
    tracker = asked_for_the_advies("halve dagen, kan dat?", "out_of_scope")
    tracker.latest_message["antwoord_ranking"] = [{"antwoord": best, "score": 0.7}, {"antwoord": "greet", "score": 0.1}]
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots.get("advies") == taken, why


async def test_after_the_advice_the_answer_comes_without_a_situation_question(dispatcher, domain):
    # Issue #27 item 5: the ordinary case is answered first; the situations come after it as buttons.
    tracker = make_tracker(
        '/inform_advies{"advies": "eigen_werk"}',
        "inform_advies",
        requested_slot="advies",
        form=FORM,
        slots={"vraag": "spoor", "eerste_ziektedag": "2026-09-01"},
        entities=[{"entity": "advies", "value": "eigen_werk"}],
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["requested_slot"] is None


async def test_the_answer_for_the_ordinary_case_offers_the_situations(dispatcher, domain):
    tracker = make_tracker(
        "x", "inform_advies", slots={"vraag": "spoor", "eerste_ziektedag": "2026-09-01", "advies": "eigen_werk"}
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    offer = next(m for m in dispatcher.messages if "Dan veranderen de termijnen" in (m.get("text") or ""))
    assert [b["title"] for b in offer["buttons"]] == [
        "Mijn contract is afgelopen of loopt af",
        "Ik ben zwanger, of net bevallen",
        "Ik heb (bijna) de AOW-leeftijd",
    ]
    assert all(b["payload"].startswith("/inform_situatie{") for b in offer["buttons"])


async def test_a_named_situation_gets_no_offer_under_the_answer(dispatcher, domain):
    slots = {"vraag": "spoor", "eerste_ziektedag": "2026-09-01", "advies": "eigen_werk", "situatie": "standaard"}
    await ActionAnswerGuide().run(dispatcher, make_tracker("x", "inform_advies", slots=slots), domain)
    assert not any("Dan veranderen de termijnen" in (m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize(
    "answer, entities, situatie, next_slot",
    [
        (
            '/inform_situatie{"situatie": "standaard"}',
            [{"entity": "situatie", "value": "standaard"}],
            "standaard",
            None,
        ),
        ("mijn contract is afgelopen", [], "ziek_uit_dienst", "einde_dienstverband"),
        ("ik ben zwanger", [], "zwanger", "ziek_door_zwangerschap"),
        ("ik word volgend jaar 67", [], "aow", "geboortedatum"),
    ],
)
async def test_the_situation_answer_leads_to_at_most_one_date(
    dispatcher, domain, answer, entities, situatie, next_slot
):
    tracker = make_tracker(
        answer,
        "inform_situatie",
        requested_slot="situatie",
        form=FORM,
        entities=entities,
        slots={"vraag": "spoor", "eerste_ziektedag": "2026-09-01", "advies": "eigen_werk"},
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["situatie"] == situatie
    assert slots["requested_slot"] == next_slot


async def test_contract_end_is_checked_by_the_rules_before_it_is_kept(dispatcher, domain):
    base = {"vraag": "spoor", "eerste_ziektedag": "2026-09-01", "advies": "eigen_werk", "situatie": "ziek_uit_dienst"}
    before = make_tracker(
        "31 augustus 2026", "inform_sick_date", requested_slot="einde_dienstverband", form=FORM, slots=base
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, before, domain))
    assert slots["einde_dienstverband"] is None and "vóór de eerste ziektedag" in texts(dispatcher)
    ahead = make_tracker("31 maart", "inform_sick_date", requested_slot="einde_dienstverband", form=FORM, slots=base)
    slots = slot_events(await ValidateGuideForm().run(dispatcher, ahead, domain))
    assert slots["einde_dienstverband"] == "2027-03-31"  # a contract can end ahead of today
    assert slots["requested_slot"] is None


async def test_birth_date_needs_a_year(dispatcher, domain):
    base = {"vraag": "spoor", "eerste_ziektedag": "2026-09-01", "advies": "eigen_werk", "situatie": "aow"}
    tracker = make_tracker("14 mei", "inform_sick_date", requested_slot="geboortedatum", form=FORM, slots=base)
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["geboortedatum"] is None and "met het jaar" in texts(dispatcher)


async def test_form_maps_free_text_advice(dispatcher, domain):
    tracker = make_tracker(
        "ik moet van de arts minder uren werken",
        "inform_advies",
        requested_slot="advies",
        form=FORM,
        slots={"vraag": "spoor", "eerste_ziektedag": "2026-09-01"},
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["advies"] == "aangepast_werk"


async def test_form_asks_the_perspective_only_around_the_eerstejaarsevaluatie(dispatcher, domain):
    tracker = make_tracker(
        '/inform_advies{"advies": "eigen_werk"}',
        "inform_advies",
        requested_slot="advies",
        form=FORM,
        slots={"vraag": "spoor", "situatie": "standaard", "eerste_ziektedag": "2025-10-01"},
        entities=[{"entity": "advies", "value": "eigen_werk"}],
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["requested_slot"] == "perspectief"  # week 60


async def test_form_never_asks_the_perspective_when_there_are_no_possibilities(dispatcher, domain):
    tracker = make_tracker(
        '/inform_advies{"advies": "tijdelijk_geen_mogelijkheden"}',
        "inform_advies",
        requested_slot="advies",
        form=FORM,
        slots={"vraag": "spoor", "situatie": "standaard", "eerste_ziektedag": "2025-10-01"},
        entities=[{"entity": "advies", "value": "tijdelijk_geen_mogelijkheden"}],
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["requested_slot"] is None


async def test_termijn_question_needs_no_advice(dispatcher, domain):
    tracker = make_tracker(
        "3 maart 2025",
        "inform_sick_date",
        requested_slot="eerste_ziektedag",
        form=FORM,
        slots={"vraag": "termijn", "termijn": "wia_aanvraag", "situatie": "standaard"},
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["requested_slot"] is None


async def test_earlier_periods_in_the_answer_to_the_date_question_are_kept(dispatcher, domain):
    tracker = make_tracker(
        "Ik was ziek van 6 januari 2025 tot en met 20 februari 2025 en ben sinds 4 maart 2025 weer ziek",
        "inform_sick_date",
        requested_slot="eerste_ziektedag",
        form=FORM,
        slots={"vraag": "spoor"},
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] == "2025-03-04"
    assert slots["eerdere_perioden"] == [{"begin": "2025-01-06", "einde": "2025-02-20"}]
    assert slots["requested_slot"] == "advies"


async def test_an_estimate_in_the_answer_to_the_date_question_is_kept_and_confirmed(dispatcher, domain):
    # "precies drie weken geleden" is an estimate (weeks, not days): it must survive the form's
    # validation, or the confirmation question has no date to show.
    tracker = make_tracker(
        "ik ben precies drie weken geleden ziek geworden",
        "inform_sick_date",
        requested_slot="eerste_ziektedag",
        form=FORM,
        slots={"vraag": "spoor"},
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["datum_schatting"] == "2026-11-02" and slots["eerste_ziektedag"] is None
    assert slots["requested_slot"] == "schatting_bevestigd"
    asked = make_tracker(
        "ik ben precies drie weken geleden ziek geworden",
        "inform_sick_date",
        slots={"datum_schatting": slots["datum_schatting"]},
    )
    await ActionAskSchattingBevestigd().run(dispatcher, asked, domain)
    assert "2 november 2026" in dispatcher.messages[-1]["text"]


@pytest.mark.parametrize("termijn", ["spoor_2", "vervroegde_iva"])
async def test_termijn_whose_date_follows_from_the_advice_asks_for_it(dispatcher, domain, termijn):
    # The rules say per deadline whether it depends on the bedrijfsarts advice; the form follows them.
    tracker = make_tracker(
        "3 maart 2025",
        "inform_sick_date",
        requested_slot="eerste_ziektedag",
        form=FORM,
        slots={"vraag": "termijn", "termijn": termijn},
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["requested_slot"] == "advies"


async def test_iva_question_with_other_advice_says_when_it_applies(dispatcher, domain):
    tracker = make_tracker(
        "ok",
        "affirm",
        on="2025-05-12 10:00",
        slots={
            "vraag": "termijn",
            "termijn": "vervroegde_iva",
            "eerste_ziektedag": "2025-03-04",
            "advies": "eigen_werk",
        },
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    answer = dispatcher.messages[0]["text"]
    assert "Dit geldt alleen als de bedrijfsarts zegt dat er blijvend geen werk mogelijk is" in answer
    assert "terug in mijn eigen werk" in answer


async def test_confirmed_estimate_becomes_the_first_sick_day(dispatcher, domain):
    tracker = make_tracker(
        "ja",
        "affirm",
        requested_slot="schatting_bevestigd",
        form=FORM,
        slots={
            "vraag": "termijn",
            "termijn": "wia_aanvraag",
            "datum_schatting": "2025-09-23",
            "schatting_bevestigd": True,
        },
    )
    tracker.events.append({"event": "slot", "name": "schatting_bevestigd", "value": True})
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] == "2025-09-23"


async def test_rejected_estimate_asks_for_the_exact_date(dispatcher, domain):
    tracker = make_tracker(
        "nee",
        "deny",
        requested_slot="schatting_bevestigd",
        form=FORM,
        slots={"vraag": "spoor", "datum_schatting": "2025-09-23", "schatting_bevestigd": False},
    )
    tracker.events.append({"event": "slot", "name": "schatting_bevestigd", "value": False})
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["datum_schatting"] is None and slots["eerste_ziektedag"] is None
    assert slots["requested_slot"] == "eerste_ziektedag"


# --- questions ------------------------------------------------------------------------


async def test_date_question_for_a_termijn_gives_the_general_rule_first(dispatcher, domain):
    tracker = make_tracker(
        "wanneer moet ik de wia aanvragen",
        "ask_termijn",
        slots={"vraag": "termijn", "termijn": "wia_aanvraag"},
    )
    await ActionAskEersteZiektedag().run(dispatcher, tracker, domain)
    assert "eind week 93" in dispatcher.messages[0]["text"]
    assert "eerste ziektedag" in dispatcher.messages[1]["text"]


async def test_hr_is_addressed_with_u(dispatcher, domain):
    tracker = make_tracker("in welk spoor zit mijn werknemer", "ask_track", slots={"rol": "werkgever"})
    await ActionAskEersteZiektedag().run(dispatcher, tracker, domain)
    await ActionAskAdvies().run(dispatcher, tracker, domain)
    assert "uw werknemer" in texts(dispatcher)
    assert [b["payload"] for b in dispatcher.messages[1]["buttons"]][0] == '/inform_advies{"advies": "eigen_werk"}'
    assert len(dispatcher.messages[1]["buttons"]) == 7


async def test_estimate_question_shows_the_date(dispatcher, domain):
    tracker = make_tracker("al 14 maanden", "inform_sick_date", slots={"datum_schatting": "2025-09-23"})
    await ActionAskSchattingBevestigd().run(dispatcher, tracker, domain)
    assert "23 september 2025" in dispatcher.messages[0]["text"]


async def test_perspective_question_names_the_week(dispatcher, domain):
    tracker = make_tracker(
        "eigen werk", "inform_advies", slots={"eerste_ziektedag": "2025-10-01", "advies": "eigen_werk"}
    )
    await ActionAskPerspectief().run(dispatcher, tracker, domain)
    assert "week 60" in dispatcher.messages[0]["text"]


# --- the answers ------------------------------------------------------------------------


async def test_track_answer_for_an_employee(dispatcher, domain):
    tracker = make_tracker(
        "eigen werk",
        "inform_advies",
        on="2025-05-12 10:00",
        slots={"vraag": "spoor", "eerste_ziektedag": "2025-03-04", "advies": "eigen_werk"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    answer = dispatcher.messages[0]["text"]
    assert "Je zit in **week 10** van je verzuim" in answer
    assert "**spoor 1**" in answer
    assert "dinsdag 23 december 2025" in answer  # 42e-weeksmelding, the next deadline
    assert "Probleemanalyse" in answer and "verstreken" in answer  # overdue warning


async def test_track_answer_for_hr(dispatcher, domain):
    tracker = make_tracker(
        "ok",
        "affirm",
        on="2025-05-12 10:00",
        slots={
            "vraag": "spoor",
            "eerste_ziektedag": "2025-03-04",
            "advies": "geen_perspectief_eigen_werkgever",
            "rol": "werkgever",
        },
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    answer = dispatcher.messages[0]["text"]
    assert "Uw werknemer zit in **week 10**" in answer
    assert "spoor 1 én spoor 2" in answer
    assert "Start spoor 2 nu: nu" in answer


async def test_termijn_answer_gives_rule_date_and_source(dispatcher, domain):
    tracker = make_tracker(
        "3 maart 2025",
        "inform_sick_date",
        on="2025-05-12 10:00",
        slots={"vraag": "termijn", "termijn": "wia_aanvraag", "eerste_ziektedag": "2025-03-04"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    answer = dispatcher.messages[0]["text"]
    assert "eind week 93" in answer
    assert "maandag 14 december 2026" in answer
    assert "Wet WIA, art. 64 lid 3" in answer


async def test_timeline_answer_lists_every_termijn(dispatcher, domain):
    tracker = make_tracker(
        "tijdlijn",
        "ask_timeline",
        on="2025-05-12 10:00",
        slots={"vraag": "tijdlijn", "eerste_ziektedag": "2025-03-04", "advies": "onbekend"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    answer = dispatcher.messages[0]["text"]
    for title in (
        "Probleemanalyse",
        "Plan van aanpak",
        "42e-weeksmelding",
        "Eerstejaarsevaluatie",
        "Re-integratieverslag",
        "WIA-aanvraag",
        "Laatste dag van de wachttijd",
    ):
        assert title in answer


async def test_answer_without_a_date_asks_for_it(dispatcher, domain):
    tracker = make_tracker("waarom", "ask_track", slots={"vraag": "spoor"})
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    assert "eerste ziektedag" in dispatcher.messages[0]["text"]


async def test_answer_with_a_date_after_the_message_date_resets_it(dispatcher, domain):
    tracker = make_tracker(
        "ok", "affirm", on="2025-01-01 10:00", slots={"vraag": "spoor", "eerste_ziektedag": "2025-03-04"}
    )
    events = await ActionAnswerGuide().run(dispatcher, tracker, domain)
    assert slot_events(events)["eerste_ziektedag"] is None
    assert "toekomst" in dispatcher.messages[0]["text"]


async def test_why_explains_the_rules_with_sources(dispatcher, domain):
    tracker = make_tracker(
        "waarom?",
        "ask_why",
        on="2025-05-12 10:00",
        slots={"vraag": "spoor", "eerste_ziektedag": "2025-03-04", "advies": "eigen_werk"},
    )
    await ActionExplainWhy().run(dispatcher, tracker, domain)
    answer = dispatcher.messages[0]["text"]
    assert "**Ziekteweek**" in answer and "Wet WIA, art. 23" in answer
    assert "42e-weeksmelding" in answer and "https://www.uwv.nl/" in answer  # the next deadline and its source


async def test_why_without_a_personal_answer_explains_the_tracks(dispatcher, domain):
    tracker = make_tracker("waarom?", "ask_why")
    await ActionExplainWhy().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_faq/verschil_sporen"


def test_message_date_is_the_amsterdam_date_of_the_message():
    # 23:30 in Amsterdam on 11 May is 21:30 UTC: the date is still 11 May.
    assert str(message_date(make_tracker("gisteren", "inform_sick_date", on="2025-05-11 23:30"))) == "2025-05-11"
    assert str(message_date(make_tracker("gisteren", "inform_sick_date", on="2025-05-12 00:30"))) == "2025-05-12"


# --- situations beyond the standard case ------------------------------------------------------


async def test_prefill_reads_the_situation_and_the_contract_end_from_one_message(dispatcher, domain):
    tracker = make_tracker(
        "ik ben sinds 2 maart 2026 ziek en mijn contract loopt af op 30 juni 2026, in welk spoor zit ik", "ask_track"
    )
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] == "2026-03-02"  # the contract's end date is not taken as a sick day
    assert slots["situatie"] == "ziek_uit_dienst" and slots["einde_dienstverband"] == "2026-06-30"


@pytest.mark.parametrize(
    "role, expected",
    [
        (
            None,
            [
                "**Situatie**: Ziek uit dienst",
                "Verantwoordelijk voor loon of uitkering en de re-integratie: UWV",
                "Deze termijnen vervallen in deze situatie: 42e-weeksmelding bij UWV",
                "re-integratie zonder werkgever",
                "je contract is afgelopen",
            ],
        ),
        ("werkgever", ["Uw werknemer zit in", "via u, als u eigenrisicodrager Ziektewet bent"]),
    ],
)
async def test_answer_for_ziek_uit_dienst_names_the_regime_and_what_lapses(dispatcher, domain, role, expected):
    slots = {
        "vraag": "spoor",
        "eerste_ziektedag": "2026-03-02",
        "advies": "eigen_werk",
        "situatie": "ziek_uit_dienst",
        "einde_dienstverband": "2026-06-30",
        "rol": role,
    }
    await ActionAnswerGuide().run(dispatcher, make_tracker("ok", "affirm", on="2026-11-23 10:00", slots=slots), domain)
    answer = dispatcher.messages[0]["text"]
    for fragment in expected:
        assert fragment in answer


async def test_answer_for_aow_says_six_weeks_and_no_spoor_2(dispatcher, domain):
    slots = {
        "vraag": "tijdlijn",
        "eerste_ziektedag": "2026-10-01",
        "advies": "eigen_werk",
        "situatie": "aow",
        "geboortedatum": "1958-05-01",
    }
    await ActionAnswerGuide().run(dispatcher, make_tracker("ok", "affirm", on="2026-11-23 10:00", slots=slots), domain)
    answer = dispatcher.messages[0]["text"]
    assert "AOW-leeftijd al bereikt" in answer and "6 weken" in answer
    assert "Uiterste start van spoor 2" in answer.split("vervallen in deze situatie:")[1]
    assert "Laatste dag van de loondoorbetaling: woensdag 11 november 2026"  # day 42 in answer


async def test_pregnancy_related_sickness_adds_the_uwv_melding(dispatcher, domain):
    # Ziektewet art. 29a lid 1 with art. 38a lid 3: sick from the pregnancy before the leave; the employer reports by the
    # first day after six weeks (ma 2-11-2026 + 42 days = ma 14-12-2026).
    slots = {
        "vraag": "spoor",
        "eerste_ziektedag": "2026-11-02",
        "advies": "onbekend",
        "situatie": "zwanger",
        "ziek_door_zwangerschap": True,
        "zwangerschapsverlof": "onbekend",
    }
    await ActionAnswerGuide().run(dispatcher, make_tracker("ok", "affirm", on="2026-11-23 10:00", slots=slots), domain)
    answer = dispatcher.messages[0]["text"]
    assert "Ziek door de zwangerschap of de bevalling" in answer and "Ziektewet-uitkering" in answer
    assert "Ziekmelding bij UWV: ziek door zwangerschap of bevalling: uiterlijk maandag 14 december 2026" in answer


async def test_gewoon_in_dienst_gives_exactly_the_standard_answer(dispatcher, domain):
    base = {"vraag": "tijdlijn", "eerste_ziektedag": "2025-03-04", "advies": "eigen_werk"}
    await ActionAnswerGuide().run(dispatcher, make_tracker("ok", "affirm", on="2026-11-23 10:00", slots=base), domain)
    unknown = dispatcher.messages[0]["text"]
    dispatcher.messages.clear()
    standard = dict(
        base, situatie="standaard", einde_dienstverband="2026-01-01"
    )  # a date of another situation is ignored
    await ActionAnswerGuide().run(
        dispatcher, make_tracker("ok", "affirm", on="2026-11-23 10:00", slots=standard), domain
    )
    assert dispatcher.messages[0]["text"] == unknown
    assert "Laatste dag van de loondoorbetaling" not in unknown and "Situatie" not in unknown


@pytest.mark.parametrize(
    "text, situatie, rol",
    [
        ("mijn contract is afgelopen en ik ben sinds 2 maart 2026 ziek", "ziek_uit_dienst", None),
        (
            "het tijdelijke contract van mijn werknemer wordt niet verlengd, hij is sinds 2 maart 2026 ziek",
            "ziek_uit_dienst",
            "werkgever",
        ),
        ("ik ben zwanger en sinds 2 maart 2026 ziek", "zwanger", None),
        ("onze medewerkster is ziek door haar zwangerschap, sinds 2 maart 2026", "zwanger", "werkgever"),
        ("ik word volgend jaar 67 en ben sinds 2 maart 2026 ziek", "aow", None),
        ("mijn werknemer heeft de AOW-leeftijd en is sinds 2 maart 2026 ziek", "aow", "werkgever"),
        ("ik heb een vast contract en ben sinds 2 maart 2026 ziek", "standaard", None),
    ],
)
async def test_prefill_recognises_the_situation_as_people_write_it(dispatcher, domain, text, situatie, rol):
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, make_tracker(text, "ask_track"), domain))
    assert slots["situatie"] == situatie and slots["eerste_ziektedag"] == "2026-03-02"
    assert slots.get("rol") == rol


async def test_a_piece_of_a_phrase_as_entity_does_not_hide_the_situation(dispatcher, domain):
    # DIET may tag only "pensioen" (or "na") as the situation; the words of the message decide.
    tracker = make_tracker(
        "ik werk na mijn pensioen en ben sinds 2 maart 2026 ziek",
        "ask_track",
        entities=[{"entity": "situatie", "value": "na"}],
    )
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["situatie"] == "aow"


@pytest.mark.parametrize("text", ["ik ben sinds 2 maart ziek", "ik ben 66 dagen ziek", "wat is een pensioenbrief"])
async def test_no_situation_is_read_into_ordinary_messages(dispatcher, domain, text):
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, make_tracker(text, "ask_track"), domain))
    assert "situatie" not in slots


async def test_a_situation_that_contradicts_the_dates_is_forgotten_not_the_sick_day(dispatcher, domain):
    slots = {
        "vraag": "spoor",
        "eerste_ziektedag": "2026-03-02",
        "advies": "eigen_werk",
        "situatie": "ziek_uit_dienst",
        "einde_dienstverband": "2026-01-31",
    }
    events = await ActionAnswerGuide().run(dispatcher, make_tracker("ok", "affirm", slots=slots), domain)
    assert "vóór de eerste ziektedag" in texts(dispatcher) and "contract loopt af op" in texts(dispatcher)
    assert slot_events(events) == {"situatie": None, "einde_dienstverband": None, "geboortedatum": None}


# --- how people write (issue: answers for real people) ---------------------------------------------


async def test_prefill_hr_date_and_termijn_question_in_one_message(dispatcher, domain):
    tracker = make_tracker(
        "Ik werk bij HR. Een medewerker is sinds 10 februari 2026 ziek. Wanneer moeten we de 42e-weeksmelding doen?",
        "inform_sick_date",
        entities=[{"entity": "termijn", "value": "melding_42e_week"}],
        slots={"termijn": "melding_42e_week"},
    )
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["vraag"] == "termijn" and slots["rol"] == "werkgever"
    assert slots["eerste_ziektedag"] == "2026-02-10"


async def test_prefill_a_bare_date_still_asks_for_the_track(dispatcher, domain):
    tracker = make_tracker("ik ben sinds 2 november ziek", "inform_sick_date")
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["vraag"] == "spoor"


@pytest.mark.parametrize(
    "answer, advies",
    [
        ("de bedrijfsarts weet het nog niet", "onbekend"),  # an advice nobody knows yet is an answer too
        ("ik moet nog naar de bedrijfsarts", "onbekend"),
        ("nog geen uitspraak gedaan", "onbekend"),
        ("dat is nog niet duidelijk", "onbekend"),
        ("halve dagen", "aangepast_werk"),
        ("3 uur per dag", "aangepast_werk"),  # hours per day: working fewer hours while recovering
        ("eerst 2 dagen per week", "aangepast_werk"),
        ("terug naar mijn eigen werk", "eigen_werk"),
        ("bij een andere werkgever", "geen_perspectief_eigen_werkgever"),
    ],
)
async def test_form_takes_an_advice_in_peoples_words(dispatcher, domain, answer, advies):
    slots = slot_events(await ValidateGuideForm().run(dispatcher, asked_for_the_advies(answer), domain))
    assert slots["advies"] == advies
    assert dispatcher.messages == []


async def test_form_an_overview_needs_no_advice(dispatcher, domain):
    tracker = make_tracker(
        "sinds 3 maart 2025",
        "inform_sick_date",
        requested_slot="eerste_ziektedag",
        form=FORM,
        slots={"vraag": "tijdlijn"},
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["requested_slot"] is None  # an overview needs no advice, and no situation first


async def test_overview_without_advice_says_what_the_advice_would_add(dispatcher, domain):
    tracker = make_tracker(
        "/inform_situatie",
        "inform_situatie",
        slots={"vraag": "tijdlijn", "eerste_ziektedag": "2026-10-01", "situatie": "standaard"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "advies van de bedrijfsarts ken ik nog niet" in text
    assert "Uiterste start van spoor 2" in text  # the rules say this deadline follows from the advice
    assert "Probleemanalyse" in text


async def test_overview_with_advice_does_not_mention_it(dispatcher, domain):
    tracker = make_tracker(
        "/inform_situatie",
        "inform_situatie",
        slots={"vraag": "tijdlijn", "eerste_ziektedag": "2026-10-01", "situatie": "standaard", "advies": "eigen_werk"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    assert "ken ik nog niet" not in dispatcher.messages[0]["text"]


async def test_a_second_question_in_the_same_message_is_offered(dispatcher, domain):
    tracker = make_tracker(
        "in welk spoor zit ik en wanneer moet ik de wia aanvragen",
        "ask_track",
        entities=[{"entity": "termijn", "value": "wia_aanvraag"}],
        slots={"vraag": "spoor", "eerste_ziektedag": "2026-01-05", "advies": "eigen_werk", "situatie": "standaard"},
    )
    await ActionAnswerGuide().run(dispatcher, tracker, domain)
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert '/ask_termijn{"termijn": "wia_aanvraag"}' in payloads


@pytest.mark.parametrize(
    "text, intent",
    [
        ("dat weet ik eigenlijk niet", "deny"),
        ("geen idee", "out_of_scope"),
        ("nog niet gesproken", "deny"),
        ("ik heb de bedrijfsarts nog niet gesproken", "inform_advies"),
        ("weet ik echt niet", "nlu_fallback"),
    ],
)
async def test_not_knowing_answers_the_advice_question_as_unknown(dispatcher, domain, text, intent):
    # Issue #27 item 5: "weet ik niet" is an answer (advice unknown), not a digression to step around.
    tracker = make_tracker(
        text, intent, requested_slot="advies", form=FORM, slots={"vraag": "spoor", "eerste_ziektedag": "2026-09-01"}
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["advies"] == "onbekend"
    assert slots["requested_slot"] is None


async def test_not_knowing_is_no_answer_to_another_question(dispatcher, domain):
    tracker = make_tracker("geen idee", "deny", requested_slot="eerste_ziektedag", form=FORM, slots={"vraag": "spoor"})
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert "advies" not in slots


@pytest.mark.parametrize(
    "text, taken",
    [
        ("ik ben zwanger, telt dat?", "zwanger"),
        ("geldt er iets bijzonders, kan dat?", None),  # read as the situation, but the words do not say which
    ],
)
async def test_form_takes_a_situation_that_also_asks_or_says_it_did_not_understand(dispatcher, domain, text, taken):
    tracker = make_tracker(
        text,
        "nlu_fallback",
        requested_slot="situatie",
        form=FORM,
        slots={"vraag": "spoor", "eerste_ziektedag": "2026-09-01", "advies": "eigen_werk"},
    )
    tracker.latest_message["antwoord_ranking"] = [{"antwoord": "inform_situatie", "score": 0.6}]
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots.get("situatie") == taken
    if taken is None:  # never silent: no action answered it before the form
        assert phrasing.SITUATIE_NOT_UNDERSTOOD in texts(dispatcher)
