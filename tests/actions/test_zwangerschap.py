"""Pregnancy in the guide (issue #26, review 2026-12 rows 1 and 2), with real trackers.

Row 1: the zwangerschaps- en bevallingsverlof does not count toward the 104 weeks, the wachttijd or
the 42-week count, and sickness right before and right after it (same cause) is one case (BW 7:629
lid 4 and 10, Wet WIA art. 23 lid 3 and 5, Ziektewet art. 38 lid 1). The guide asks the leave dates
and shows the shifted dates, with the reason, in the answer, the widget payload, the .ics and the PDF.
Row 2: only the employee's own sickness from the pregnancy or birth gets Ziektewet art. 29a; pregnant
and ill from something else, or a partner's birth, is the standard regime.

The expected dates were worked out by hand (in `reden`) and checked with the rules package's CLI, which
plans a leave that is still ahead itself (tests/rules/cases.yml has the same cases as table rows):
  poortwachter tijdlijn --eerste-ziektedag 2026-09-01 --zwangerschapsverlof 2026-12-15:2027-04-05 \
      --ziek-na-verlof ja --peildatum 2026-12-06 --json
"""

from __future__ import annotations

import base64
import io
from datetime import date

import pytest
from helpers import make_tracker, slot_events, texts
from icalendar import Calendar
from pypdf import PdfReader

from actions import phrasing, situatie_text
from actions.dossier import ActionDownloadPdf
from actions.guide import ActionAnswerGuide, ActionExplainWhy, ActionPrefillGuide
from actions.guide_form import ValidateGuideForm
from actions.guide_questions import ActionAskZiekDoorZwangerschap, ActionAskZiekNaVerlof, ActionAskZwangerschapsverlof
from actions.zwangerschap import Zwangerschap, compute
from poortwachter import Periode, compute_tijdlijn

FORM = "guide_form"
REVIEW_VERLOF = {"begin": "2026-12-15", "einde": "2027-04-05", "einde_aangenomen": False}
REVIEW = {
    "vraag": "tijdlijn",
    "eerste_ziektedag": "2026-09-01",
    "advies": "onbekend",
    "situatie": "zwanger",
    "ziek_door_zwangerschap": False,
    "zwangerschapsverlof": REVIEW_VERLOF,
}


async def _answer(dispatcher, domain, slots, on, role=None):
    """The guide's answer and widget payload for these slots, asked on `on`."""
    tracker = make_tracker("ok", "affirm", on=f"{on} 10:00", slots={**slots, "rol": role}, channel="rest")
    events = await ActionAnswerGuide().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0].get("text", "")
    payload = next((m["custom"] for m in dispatcher.messages if m.get("custom")), None)
    return text, payload, slot_events(events)


def _dates(payload) -> dict[str, str]:
    return {m["key"]: m["datum"] for m in payload["mijlpalen"]}


# --- row 1: the leave moves the dates -------------------------------------------------------------

CASES = [
    pytest.param(
        dict(REVIEW, ziek_na_verlof="ja"),
        "2026-12-06",
        {"melding_42e_week": "2027-10-12", "wia_aanvraag": "2028-10-02", "laatste_dag_wachttijd": "2028-12-18"},
        14,
        ["16 weken later", "maandag 18 december 2028", "verwachte data", "schuiven deze termijnen mee"],
        id="review: ziek 1-9-2026 vóór verlof 15-12-2026..5-4-2027 (nog te komen), daarna door: "
        "105 ziektedagen vóór, verlof telt niet (7:629 lid 4, WIA 23 lid 5, ZW 38 lid 1), 6-4-2027 = dag 106; "
        "dag 295 = 12-10-2027, dag 651 = 2-10-2028, dag 728 = 18-12-2028; vandaag dag 97 = week 14",
    ),
    pytest.param(
        dict(REVIEW, ziek_na_verlof="ja"),
        "2027-04-10",
        {
            "melding_42e_week": "2027-10-12",
            "wia_aanvraag": "2028-10-02",
            "laatste_dag_wachttijd": "2028-12-18",
            "melding_ziekte_rond_verlof": "2027-04-06",
        },
        16,
        ["16 weken later", "maandag 18 december 2028"],
        id="review, gevraagd na het verlof: dezelfde data; 10-4-2027 = dag 105 + 5 = 110 = week 16; melding "
        "doorlopende ziekte op de eerste werkdag na het verlof (di 6-4-2027)",
    ),
    pytest.param(
        dict(REVIEW, ziek_na_verlof="ja"),
        "2027-01-20",
        {"melding_42e_week": "2027-10-12", "laatste_dag_wachttijd": "2028-12-18"},
        15,
        ["blijft staan tot na het verlof"],
        id="review, gevraagd tijdens het verlof: de telling staat stil op 14-12-2026 = dag 105 = week 15",
    ),
    pytest.param(
        dict(REVIEW, ziek_na_verlof="onbekend"),
        "2026-12-06",
        {"melding_42e_week": "2027-10-12", "laatste_dag_wachttijd": "2028-12-18"},
        14,
        ["Ik ga ervan uit dat je direct na het verlof nog ziek bent"],
        id="weet nog niet of de ziekte doorloopt: zelfde data, met de aanname erbij (7:629 lid 10 vraagt "
        "dezelfde oorzaak)",
    ),
    pytest.param(
        dict(REVIEW, ziek_na_verlof="nee"),
        "2026-12-06",
        {"melding_42e_week": "2027-06-22", "laatste_dag_wachttijd": "2028-08-28"},
        14,
        ["stopt de telling van deze ziekte bij het begin van het verlof"],
        id="niet meer ziek na het verlof: niets schuift (geen samentelling, 7:629 lid 10); dag 295 vanaf "
        "1-9-2026 = 22-6-2027, dag 728 = 28-8-2028; de termijnen na het verlof gelden dan niet",
    ),
    pytest.param(
        {
            "vraag": "tijdlijn",
            "eerste_ziektedag": "2026-03-01",
            "advies": "onbekend",
            "situatie": "zwanger",
            "ziek_door_zwangerschap": False,
            "zwangerschapsverlof": {"begin": "2026-01-01", "einde": "2026-04-22", "einde_aangenomen": False},
        },
        "2026-11-23",
        {"melding_42e_week": "2027-02-11", "laatste_dag_wachttijd": "2028-04-19"},
        31,
        ["ziekte tijdens het verlof telt niet mee", "begint de telling op 23 april 2026"],
        id="ziek geworden tijdens het verlof (1-3-2026, verlof 1-1..22-4-2026): telling vanaf 23-4-2026 "
        "(7:629 lid 4); dag 295 = 11-2-2027 (do), dag 728 = 19-4-2028; 23-11-2026 = dag 215 = week 31",
    ),
    pytest.param(
        {
            "vraag": "tijdlijn",
            "eerste_ziektedag": "2026-11-02",
            "advies": "onbekend",
            "situatie": "zwanger",
            "ziek_door_zwangerschap": False,
            "zwangerschapsverlof": {"begin": "2027-03-01", "einde": "2027-06-20", "einde_aangenomen": True},
            "ziek_na_verlof": "ja",
        },
        "2026-11-23",
        {"wia_aanvraag": "2028-12-03", "laatste_dag_wachttijd": "2029-02-18"},
        4,
        ["Ik reken met 16 weken verlof", "16 weken later"],
        id="alleen de eerste verlofdag gegeven (1-3-2027): 16 weken (WAZO 3:1) tot en met 20-6-2027; "
        "dag 728 schuift 112 dagen: 29-10-2028 -> 18-2-2029, dag 651: 13-8-2028 -> 3-12-2028",
    ),
    pytest.param(
        {
            "vraag": "tijdlijn",
            "eerste_ziektedag": "2026-11-02",
            "advies": "onbekend",
            "situatie": "zwanger",
            "ziek_door_zwangerschap": False,
            "zwangerschapsverlof": "onbekend",
        },
        "2026-11-23",
        {"laatste_dag_wachttijd": "2028-10-29"},
        4,
        ["minstens 16", "schuiven alle termijnen na het begin van het verlof op met de lengte van het verlof"],
        id="verlofdata nog niet bekend: de gewone data, met de zin dat alles na het begin van het verlof "
        "opschuift met de lengte van het verlof (review rij 1, 'or at least say')",
    ),
]


@pytest.mark.parametrize("slots, on, expected, week, fragments", CASES)
async def test_the_leave_moves_the_dates_in_answer_and_payload(
    dispatcher, domain, slots, on, expected, week, fragments
):
    text, payload, _ = await _answer(dispatcher, domain, slots, on)
    dates = _dates(payload)
    for key, value in expected.items():
        assert dates[key] == value, key
    assert payload["ziekteweek"] == week
    for fragment in fragments:
        assert fragment in " ".join(text.split()), fragment


async def test_the_answer_names_the_law_for_the_leave(dispatcher, domain):
    text, payload, _ = await _answer(dispatcher, domain, dict(REVIEW, ziek_na_verlof="ja"), "2026-12-06")
    for source in ("art. 7:629 lid 4 en lid 10", "Wet WIA, art. 23 lid 3 en lid 5", "Ziektewet, art. 38 lid 1"):
        assert source in text
    assert "**Tijdlijn:**" in text and "WIA-aanvraag bij UWV: maandag 2 oktober 2028" in text
    assert "16 weken later door het verlof" in text  # the moved dates are marked in the list itself
    assert "28 augustus 2028" not in text and "12 juni 2028" not in text  # the dates of the old, wrong answer


async def test_the_planned_view_agrees_with_the_rules_package_on_both_sides_of_the_leave():
    # An independent path: the rules package itself, once for today (the case without the leave) and once
    # for the first day after the leave (the case with it). The guide's combined view must agree with both.
    verlof = Periode(date(2026, 12, 15), date(2027, 4, 5))
    for today in (date(2026, 9, 20), date(2026, 12, 6), date(2026, 12, 14), date(2027, 2, 1)):
        for advies in ("onbekend", "eigen_werk", "geen_perspectief_eigen_werkgever"):
            inputs = dict(eerste_ziektedag=date(2026, 9, 1), peildatum=today, advies=advies)
            t, beeld = compute(inputs, Zwangerschap(False, verlof, doorlopend="ja"))
            now = compute_tijdlijn(**dict(inputs, peildatum=min(today, date(2026, 12, 14))))
            after = compute_tijdlijn(
                date(2027, 4, 6),
                date(2027, 4, 6),
                advies,
                eerdere_perioden=[Periode(date(2026, 9, 1), date(2026, 12, 14))],
                zwangerschapsverlof=verlof,
            )
            assert beeld.gepland and beeld.telt_samen
            assert (t.ziekteweek.waarde, t.spoor.waarde) == (now.ziekteweek.waarde, now.spoor.waarde)
            for key, d in t.termijnen.items():
                if d.datum is None:
                    continue
                source = now if d.datum < verlof.begin else after
                assert d.datum == source.termijnen[key.removesuffix("_na_verlof")].datum, (today, advies, key)
                assert d.status == ("verstreken" if d.datum < today else "vandaag" if d.datum == today else "komend")
            assert all(s.datum is None or s.datum >= today or s.datum < verlof.begin for s in t.stappen)
            overdue = {w.termijn for w in t.waarschuwingen}
            if today < verlof.begin:
                assert overdue == {w.termijn for w in now.waarschuwingen}
            else:  # during the leave: what was open on the last sick day is overdue now
                assert overdue >= {w.termijn for w in now.waarschuwingen}


async def test_sick_from_the_pregnancy_before_and_after_a_planned_leave_has_both_notices(dispatcher, domain):
    # ZW 29a lid 1 with 38a lid 3: before the leave, report by the first day after six weeks (1-9 + 42 = 13-10-2026);
    # lid 4 with ZW 38a lid 2: after the
    # leave, sick from the birth right away, report by the 4th sick day (6-4-2027 + 3 = 9-4-2027).
    slots = dict(REVIEW, ziek_door_zwangerschap=True, ziek_na_verlof="ja")
    text, payload, _ = await _answer(dispatcher, domain, slots, "2026-12-06")
    dates = _dates(payload)
    assert dates["melding_ziekte_zwangerschap"] == "2026-10-13"
    assert dates["melding_ziekte_zwangerschap_na_verlof"] == "2027-04-09"
    assert dates["laatste_dag_wachttijd"] == "2028-12-18"
    assert "Ziek door de zwangerschap of de bevalling" in text and "Ziektewet-uitkering" in text


async def test_sick_from_the_birth_right_after_the_leave_gets_the_ziektewet(dispatcher, domain):
    # ZW 29a lid 4: sick from the birth, directly after the leave (ended 22-4-2026): report by day 4 = 26-4-2026.
    slots = {
        "vraag": "tijdlijn",
        "eerste_ziektedag": "2026-04-23",
        "advies": "onbekend",
        "situatie": "zwanger",
        "ziek_door_zwangerschap": True,
        "zwangerschapsverlof": {"begin": "2026-01-01", "einde": "2026-04-22", "einde_aangenomen": False},
    }
    text, payload, _ = await _answer(dispatcher, domain, slots, "2026-11-23")
    assert _dates(payload)["melding_ziekte_zwangerschap"] == "2026-04-26"
    assert "Ziek door de zwangerschap of de bevalling" in text


async def test_hr_gets_the_u_form(dispatcher, domain):
    text, _payload, _ = await _answer(
        dispatcher, domain, dict(REVIEW, ziek_na_verlof="ja"), "2026-12-06", role="werkgever"
    )
    assert "krijgt uw werknemer geen loon bij ziekte, maar een uitkering van UWV" in text
    assert "Het loon bij ziekte loopt tot en met" in text
    assert " je " not in text.split("**Tijdlijn:**")[0]


async def test_why_explains_the_leave(dispatcher, domain):
    tracker = make_tracker("waarom?", "ask_why", on="2026-12-06 10:00", slots=dict(REVIEW, ziek_na_verlof="ja"))
    await ActionExplainWhy().run(dispatcher, tracker, domain)
    assert "tellen niet mee voor de 104 weken" in dispatcher.messages[0]["text"]


# --- the widget payload, the .ics and the PDF ---------------------------------------------------------


async def test_payload_says_which_dates_moved_and_why(dispatcher, domain):
    _text, payload, _ = await _answer(dispatcher, domain, dict(REVIEW, ziek_na_verlof="ja"), "2026-12-06")
    by_key = {m["key"]: m for m in payload["mijlpalen"]}
    assert by_key["probleemanalyse"]["toelichting"] is None  # 12-10-2026, before the leave: not moved
    reason = by_key["wia_aanvraag"]["toelichting"]
    assert "16 weken later" in reason and "15 december 2026 tot en met 5 april 2027" in reason
    assert "verschuift deze datum mee" in reason  # the leave still lies ahead
    assert by_key["wia_aanvraag"]["week"] == 93  # the week of the case: the leave's weeks do not count
    verlof = payload["verlof"]
    assert verlof["begin"] == "2026-12-15" and verlof["einde"] == "2027-04-05"
    assert verlof["verwacht"] is True and verlof["termijnen_verschoven"] is True
    assert any("tellen niet mee voor de 104 weken" in line for line in verlof["uitleg"])
    assert all("**" not in line for line in verlof["uitleg"])


async def test_payload_without_a_pregnancy_has_no_leave(dispatcher, domain):
    slots = {"vraag": "tijdlijn", "eerste_ziektedag": "2026-09-01", "advies": "onbekend", "situatie": "standaard"}
    _text, payload, _ = await _answer(dispatcher, domain, slots, "2026-12-06")
    assert payload["verlof"] is None and all(m["toelichting"] is None for m in payload["mijlpalen"])


async def test_ics_has_the_moved_dates_with_the_reason(dispatcher, domain):
    _text, payload, _ = await _answer(dispatcher, domain, dict(REVIEW, ziek_na_verlof="ja"), "2026-12-06")
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(payload["ics"]).walk("VEVENT")}
    wia = events["Poortwachter: WIA-aanvraag bij UWV"]
    assert wia.decoded("DTSTART") == date(2028, 10, 2)
    description = str(wia["DESCRIPTION"])
    # The reason comes with the deadline's explanation from the rules package (and, for now, once more from
    # the guide's "Verschoven:" line): either way the event says it.
    assert "16 weken later door het zwangerschaps- en bevallingsverlof" in description
    assert "verschuift deze datum mee" in description
    assert "later door het" not in str(events["Poortwachter: Probleemanalyse door de bedrijfsarts"]["DESCRIPTION"])
    assert events["Poortwachter: Laatste dag van de wachttijd (loondoorbetaling)"].decoded("DTSTART") == date(
        2028, 12, 18
    )


async def test_pdf_has_the_moved_dates_and_says_why(dispatcher, domain):
    tracker = make_tracker(
        "/download_pdf", "download_pdf", on="2026-12-06 10:00", channel="rest", slots=dict(REVIEW, ziek_na_verlof="ja")
    )
    await ActionDownloadPdf().run(dispatcher, tracker, domain)
    payload = next(m["custom"] for m in dispatcher.messages if m.get("custom"))
    pdf = base64.b64decode(payload["pdf_base64"])
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "2 oktober 2028" in text and "18 december 2028" in text  # WIA-aanvraag and end of the wachttijd
    assert "12 oktober 2027" in text  # 42e-weeksmelding
    assert "15 december 2026 tot en met 5 april 2027" in text
    assert "tellen niet mee voor de 104 weken" in text and "verwachte data" in text


# --- the questions --------------------------------------------------------------------------------


BASE = {"vraag": "tijdlijn", "eerste_ziektedag": "2026-09-01", "advies": "onbekend"}


async def test_pregnancy_asks_the_cause_with_two_buttons(dispatcher, domain):
    tracker = make_tracker(
        '/inform_situatie{"situatie": "zwanger"}',
        "inform_situatie",
        requested_slot="situatie",
        form=FORM,
        slots=BASE,
        entities=[{"entity": "situatie", "value": "zwanger"}],
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["situatie"] == "zwanger" and slots["requested_slot"] == "ziek_door_zwangerschap"
    await ActionAskZiekDoorZwangerschap().run(dispatcher, tracker, domain)
    question = dispatcher.messages[-1]
    assert "door de zwangerschap of de bevalling" in question["text"]
    assert [b["payload"] for b in question["buttons"]] == ["/affirm", "/deny"]


@pytest.mark.parametrize(
    "answer, intent, value",
    [
        ("/deny", "deny", False),
        ("/affirm", "affirm", True),
        ("nee, door griep", "share_medical_details", False),
        ("het komt door de zwangerschap", "inform_situatie", True),
    ],
)
async def test_the_cause_answer_then_the_leave_question(dispatcher, domain, answer, intent, value):
    tracker = make_tracker(
        answer, intent, requested_slot="ziek_door_zwangerschap", form=FORM, slots=dict(BASE, situatie="zwanger")
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["ziek_door_zwangerschap"] is value and slots["requested_slot"] == "zwangerschapsverlof"
    await ActionAskZwangerschapsverlof().run(dispatcher, tracker, domain)
    question = dispatcher.messages[-1]
    assert "zwangerschaps- en bevallingsverlof" in question["text"] and "16 weken" in question["text"]
    assert [b["title"] for b in question["buttons"]] == ["Nog niet bekend"]


ASKED_VERLOF = dict(BASE, situatie="zwanger", ziek_door_zwangerschap=False)


@pytest.mark.parametrize(
    "answer, intent",
    [
        ("15 december 2026 tot en met 5 april 2027", "inform_sick_date"),
        ("van 15-12-2026 tot 5-4-2027", "nlu_fallback"),  # a date period is an answer, whatever the classifier says
    ],
)
async def test_leave_dates_are_kept_and_then_the_continuation_is_asked(dispatcher, domain, answer, intent):
    tracker = make_tracker(
        answer, intent, on="2026-12-06 10:00", requested_slot="zwangerschapsverlof", form=FORM, slots=ASKED_VERLOF
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["zwangerschapsverlof"] == REVIEW_VERLOF
    assert slots.get("eerste_ziektedag", "2026-09-01") == "2026-09-01"  # the leave is no new first sick day
    assert slots["requested_slot"] == "ziek_na_verlof"  # sick before the leave: does it go on after it?
    await ActionAskZiekNaVerlof().run(
        dispatcher,
        make_tracker(
            answer, intent, on="2026-12-06 10:00", slots=dict(ASKED_VERLOF, zwangerschapsverlof=REVIEW_VERLOF)
        ),
        domain,
    )
    question = dispatcher.messages[-1]
    assert "6 april 2027" in question["text"] and "dezelfde oorzaak" in question["text"]
    assert [b["title"] for b in question["buttons"]] == ["Ja, dat verwacht ik", "Nee", "Weet ik nog niet"]


async def test_a_single_date_is_the_first_day_of_a_usual_leave(dispatcher, domain):
    tracker = make_tracker(
        "15 december 2026",
        "inform_sick_date",
        on="2026-12-06 10:00",
        requested_slot="zwangerschapsverlof",
        form=FORM,
        slots=ASKED_VERLOF,
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["zwangerschapsverlof"] == dict(REVIEW_VERLOF, einde_aangenomen=True)  # 16 weeks: to 5 April


async def test_no_continuation_question_when_the_sickness_began_after_the_leave(dispatcher, domain):
    tracker = make_tracker(
        "1 januari 2026 tot en met 22 april 2026",
        "inform_sick_date",
        on="2026-11-23 10:00",
        requested_slot="zwangerschapsverlof",
        form=FORM,
        slots=dict(ASKED_VERLOF, eerste_ziektedag="2026-05-14"),
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["zwangerschapsverlof"]["begin"] == "2026-01-01" and slots["requested_slot"] is None


async def test_leave_not_known_yet_is_an_answer(dispatcher, domain):
    tracker = make_tracker("/deny", "deny", requested_slot="zwangerschapsverlof", form=FORM, slots=ASKED_VERLOF)
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["zwangerschapsverlof"] == "onbekend" and slots["requested_slot"] is None


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ("31 februari 2027 tot en met 20 juni 2027", "31 februari 2027 bestaat niet"),
        ("5 april 2027 tot en met 15 december 2026", "vóór het begint"),
        ("15 december 2026 tot en met 20 december 2026", "kan niet kloppen"),  # the rules: a leave of 1 week
        ("1 augustus 2026 tot en met 20 november 2026", "overlapt"),  # the rules: sick days inside the leave
        ("ergens in het voorjaar", "Ik heb de eerste dag van het verlof nodig"),
    ],
)
async def test_bad_leave_dates_are_explained_and_asked_again(dispatcher, domain, answer, fragment):
    slots = dict(ASKED_VERLOF, eerste_ziektedag="2026-07-01")
    slots["eerdere_perioden"] = [{"begin": "2026-06-01", "einde": "2026-06-10"}] if "augustus" in answer else None
    if "augustus" in answer:  # sick again from 1 December, after a period inside the leave
        slots["eerste_ziektedag"] = "2026-11-21"
        slots["eerdere_perioden"] = [{"begin": "2026-10-01", "einde": "2026-10-10"}]
    tracker = make_tracker(
        answer, "inform_sick_date", on="2026-12-06 10:00", requested_slot="zwangerschapsverlof", form=FORM, slots=slots
    )
    result = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert result["zwangerschapsverlof"] is None and result["requested_slot"] == "zwangerschapsverlof"
    assert fragment in texts(dispatcher)


@pytest.mark.parametrize(
    "answer, intent, value",
    [("/affirm", "affirm", "ja"), ("/deny", "deny", "nee"), ("weet ik nog niet", "deny", "onbekend")],
)
async def test_the_continuation_answer_completes_the_form(dispatcher, domain, answer, intent, value):
    tracker = make_tracker(
        answer,
        intent,
        on="2026-12-06 10:00",
        requested_slot="ziek_na_verlof",
        form=FORM,
        slots=dict(ASKED_VERLOF, zwangerschapsverlof=REVIEW_VERLOF),
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["ziek_na_verlof"] == value and slots["requested_slot"] is None


async def test_not_sick_after_a_past_leave_asks_the_first_sick_day_after_it(dispatcher, domain):
    # 7:629 lid 10: no sickness right after the leave, so the sickness before it does not count.
    tracker = make_tracker(
        "/deny",
        "deny",
        on="2027-05-01 10:00",
        requested_slot="ziek_na_verlof",
        form=FORM,
        slots=dict(ASKED_VERLOF, zwangerschapsverlof=REVIEW_VERLOF),
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["eerste_ziektedag"] is None and slots["requested_slot"] == "eerste_ziektedag"
    assert "na het verlof begint de telling opnieuw" in texts(dispatcher)


async def test_old_stored_pregnancy_code_is_asked_the_cause_not_assumed(dispatcher, domain):
    # "zwangerschap" was stored by the old guide without asking: read as "zwanger", so the cause is asked now.
    tracker = make_tracker(
        "/inform_advies",
        "inform_advies",
        requested_slot="advies",
        form=FORM,
        slots=dict(BASE, situatie="zwangerschap"),
        entities=[{"entity": "advies", "value": "onbekend"}],
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["requested_slot"] == "ziek_door_zwangerschap"


# --- row 2: pregnant is not "sick from the pregnancy", and a partner's birth is not a pregnancy --------

TEXTS = [
    ("ik ben zwanger en heb mijn been gebroken", "zwanger", None, "eigen zwangerschap, oorzaak niet gezegd: vragen"),
    ("ik ben 20 weken zwanger, griep", "zwanger", None, "eigen zwangerschap, oorzaak niet gezegd: vragen"),
    ("mijn vrouw is bevallen en ik ben ziek", None, None, "bevalling van de partner: geen situatie (ZW 29a: 'zij')"),
    ("de partner van mijn werknemer is bevallen, hij is ziek", None, None, "partner van de werknemer"),
    ("ik heb geboorteverlof gehad en ben nu ziek", None, None, "geboorteverlof is het verlof van de partner"),
    ("onze dochter is zwanger en ik ben ziek", None, None, "iemand anders is zwanger"),
    ("onze medewerkster is ziek door haar zwangerschap", "zwanger", True, "oorzaak met zoveel woorden genoemd"),
    ("ik ben zwanger, maar niet ziek door de zwangerschap", "zwanger", False, "oorzaak met zoveel woorden ontkend"),
    ("ik ben na mijn bevallingsverlof ziek", "zwanger", None, "'na' is een tijd, geen oorzaak"),
    ("mijn vrouw is bevallen en ik ben zelf ook zwanger", "zwanger", None, "de eigen zwangerschap telt"),
]


@pytest.mark.parametrize("text, code, cause, reden", TEXTS, ids=[t[3] for t in TEXTS])
def test_whose_pregnancy_and_which_cause(text, code, cause, reden):
    assert situatie_text.situatie_from_text(text) == code
    assert (situatie_text.zwangerschap_cause_from_text(text) if code else None) is cause


@pytest.mark.parametrize(
    "text",
    [
        "ik ben zwanger en heb mijn been gebroken, welke termijnen komen eraan?",
        "ik ben 20 weken zwanger, griep, welke termijnen komen eraan?",
    ],
)
async def test_pregnant_in_one_message_asks_the_cause_before_any_answer(dispatcher, domain, text):
    tracker = make_tracker(text, "ask_timeline", slots={"vraag": "tijdlijn", "eerste_ziektedag": "2026-11-02"})
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert slots["situatie"] == "zwanger" and "ziek_door_zwangerschap" not in slots
    form = make_tracker(
        text,
        "ask_timeline",
        form=FORM,
        slots={"vraag": "tijdlijn", "eerste_ziektedag": "2026-11-02", "situatie": "zwanger"},
    )
    asked = slot_events(await ValidateGuideForm().run(dispatcher, form, domain))
    assert asked["requested_slot"] == "ziek_door_zwangerschap"
    assert "Ziektewet-uitkering" not in texts(dispatcher)


async def test_a_partners_birth_is_no_situation_even_if_the_classifier_tags_it(dispatcher, domain):
    # The NLU maps "bevallen"/"zwanger" to the old pregnancy code by synonym; free text is read by its words.
    tracker = make_tracker(
        "mijn vrouw is bevallen en ik ben sinds 2 november ziek, in welk spoor zit ik?",
        "ask_track",
        entities=[{"entity": "situatie", "value": "zwangerschap"}],
    )
    slots = slot_events(await ActionPrefillGuide().run(dispatcher, tracker, domain))
    assert "situatie" not in slots and slots["eerste_ziektedag"] == "2026-11-02"


async def test_pregnant_and_ill_from_something_else_is_the_standard_regime(dispatcher, domain):
    # ZW 29a only when the sickness comes from the pregnancy or birth: no notice to UWV, no Ziektewet for
    # the employer; the employer pays the wages as usual.
    slots = {
        "vraag": "tijdlijn",
        "eerste_ziektedag": "2026-11-02",
        "advies": "onbekend",
        "situatie": "zwanger",
        "ziek_door_zwangerschap": False,
        "zwangerschapsverlof": "onbekend",
    }
    text, payload, _ = await _answer(dispatcher, domain, slots, "2026-11-23")
    assert "melding_ziekte_zwangerschap" not in _dates(payload)
    assert "Zwanger, maar ziek door iets anders" in text and "krijgt geen Ziektewet-uitkering" in text
    assert "UWV betaalt je werkgever dan een Ziektewet-uitkering" not in text


async def test_the_situation_answer_with_medical_words_is_taken_and_the_details_declined(dispatcher, domain):
    tracker = make_tracker(
        "ik ben zwanger en heb mijn been gebroken",
        "share_medical_details",
        requested_slot="situatie",
        form=FORM,
        slots=BASE,
    )
    slots = slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain))
    assert slots["situatie"] == "zwanger" and slots["requested_slot"] == "ziek_door_zwangerschap"
    assert dispatcher.messages[0]["response"] == "utter_privacy_no_medical"


async def test_the_situation_button_says_zwanger_not_ziek_door_zwangerschap():
    buttons = {b["title"]: b["payload"] for b in phrasing.situatie_buttons("werkgever", False)}
    assert buttons["Mijn werknemer is zwanger, of net bevallen"] == '/inform_situatie{"situatie": "zwanger"}'
    assert not any("Ziek door zwangerschap" in title for title in buttons)


@pytest.mark.parametrize("requested", ["ziek_door_zwangerschap", "zwangerschapsverlof", "ziek_na_verlof"])
async def test_a_crisis_message_is_no_answer_to_a_pregnancy_question(dispatcher, domain, requested):
    # Issue #25: the form must reject so the crisis rule answers first, even when the message holds dates.
    tracker = make_tracker(
        "15 december 2026 tot 5 april 2027, maar ik wil er niet meer zijn",
        "crisis",
        on="2026-12-06 10:00",
        requested_slot=requested,
        form=FORM,
        slots=dict(ASKED_VERLOF, zwangerschapsverlof=REVIEW_VERLOF),
    )
    filled = {
        k: v
        for k, v in slot_events(await ValidateGuideForm().run(dispatcher, tracker, domain)).items()
        if k != "requested_slot"
    }
    assert filled == {} and dispatcher.messages == []


async def test_a_termijn_question_gets_the_moved_date_and_why(dispatcher, domain):
    # "Wanneer moet de WIA-aanvraag?": end of week 93 of the case, 16 weeks later because of the leave.
    slots = dict(REVIEW, vraag="termijn", termijn="wia_aanvraag", ziek_na_verlof="ja")
    text, _payload, _ = await _answer(dispatcher, domain, slots, "2026-12-06")
    assert "Voor jou is dat **maandag 2 oktober 2028**" in text
    assert "Daarom liggen alle termijnen na het verlof 16 weken later" in text


async def test_sick_during_a_leave_that_is_still_running_is_shown_from_the_day_after(dispatcher, domain):
    # Sick from 1-11-2026, inside the leave 1-10-2026..20-1-2027: nothing counts until 21-1-2027 (7:629 lid 4).
    slots = {
        "vraag": "tijdlijn",
        "eerste_ziektedag": "2026-11-01",
        "advies": "onbekend",
        "situatie": "zwanger",
        "ziek_door_zwangerschap": False,
        "zwangerschapsverlof": {"begin": "2026-10-01", "einde": "2027-01-20", "einde_aangenomen": False},
    }
    text, payload, _ = await _answer(dispatcher, domain, slots, "2026-12-06")
    assert "Na je verlof, op donderdag 21 januari 2027, begint **week 1**" in text
    assert payload["ziekteweek"] == 1 and _dates(payload)["probleemanalyse"] == "2027-03-03"  # day 42 from 21-1


# --- the rules stay in the rules package ---------------------------------------------------------------------


def test_the_guide_asks_the_rules_once_and_computes_nothing_itself(monkeypatch):
    # The planned view used to be two computations of the package glued together here (today's position from
    # the case without the leave, later dates from the case after it), with the package's internals.
    import ast
    import inspect

    from actions import zwangerschap

    calls = []
    monkeypatch.setattr(zwangerschap, "compute_tijdlijn", lambda **kw: calls.append(kw) or compute_tijdlijn(**kw))
    verlof = Periode(date(2026, 12, 15), date(2027, 4, 5))
    for doorlopend in ("ja", "nee", "onbekend", None):
        calls.clear()
        t, beeld = compute(
            dict(eerste_ziektedag=date(2026, 9, 1), peildatum=date(2026, 12, 6), advies="onbekend"),
            Zwangerschap(False, verlof, doorlopend=doorlopend),
        )
        assert len(calls) == 1 and beeld.gepland and t.peildatum == date(2026, 12, 6), doorlopend
    tree = ast.parse(inspect.getsource(zwangerschap))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {m for m in imported if m and m.startswith("poortwachter.")}, imported  # public names only
    assert "timedelta" not in inspect.getsource(zwangerschap)  # no date arithmetic: the package counts
