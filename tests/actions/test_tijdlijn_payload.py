"""The timeline payload for the widget and its .ics calendar."""

from __future__ import annotations

from datetime import date, timedelta

from helpers import make_tracker
from icalendar import Calendar

from actions.guide import ActionAnswerGuide
from actions.tijdlijn_payload import tijdlijn_payload
from poortwachter import Periode, compute_tijdlijn


def _tijdlijn():
    return compute_tijdlijn(date(2025, 3, 4), date(2025, 5, 12), "onbekend")


def test_payload_has_every_dated_termijn_with_week_and_status():
    payload = tijdlijn_payload(_tijdlijn())
    by_key = {m["key"]: m for m in payload["mijlpalen"]}
    assert payload["type"] == "spoorwijzer_tijdlijn" and payload["ziekteweek"] == 10
    assert by_key["probleemanalyse"] == {
        "key": "probleemanalyse",
        "titel": "Probleemanalyse door de bedrijfsarts",
        "datum": "2025-04-14",
        "datum_tekst": "maandag 14 april 2025",
        "week": 6,
        "status": "verstreken",
        "te_laat": True,
        "bron": "Regeling procesgang eerste en tweede ziektejaar, art. 2 lid 2",
        "toelichting": None,
    }
    assert by_key["wia_aanvraag"]["week"] == 93 and by_key["wia_aanvraag"]["te_laat"] is False
    assert by_key["laatste_dag_wachttijd"]["week"] == 104


def test_ics_parses_with_one_all_day_event_per_termijn():
    t = _tijdlijn()
    calendar = Calendar.from_ical(tijdlijn_payload(t)["ics"])
    events = calendar.walk("VEVENT")
    assert len(events) == sum(1 for d in t.termijnen.values() if d.datum)
    wia = next(e for e in events if "WIA-aanvraag" in str(e["SUMMARY"]))
    assert wia.decoded("DTSTART") == date(2026, 12, 14)
    assert "Wet WIA, art. 64 lid 3" in str(wia["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_open_termijnen_have_a_reminder_a_week_before_read_by_a_second_parser():
    # vobject is an independent iCalendar implementation: what it reads, calendar apps read too.
    import vobject

    t = _tijdlijn()  # peildatum 12 May 2025: the probleemanalyse (14 April) is past, the WIA-aanvraag open
    calendar = vobject.readOne(tijdlijn_payload(t)["ics"])
    by_summary = {e.summary.value: e for e in calendar.vevent_list}
    wia = by_summary["Poortwachter: WIA-aanvraag bij UWV"]
    alarm = wia.valarm
    assert alarm.action.value == "DISPLAY"
    assert alarm.trigger.value == timedelta(days=-7, hours=9)  # 09:00 on 7 December 2026
    assert "WIA-aanvraag" in alarm.description.value
    past = by_summary["Poortwachter: Probleemanalyse door de bedrijfsarts"]
    assert not hasattr(past, "valarm_list") or not past.valarm_list  # no reminder for what is past
    open_termijnen = [d for d in t.termijnen.values() if d.datum and d.status == "komend"]
    assert sum(1 for e in calendar.vevent_list if hasattr(e, "valarm")) == len(open_termijnen)


async def test_payload_is_sent_only_on_the_widget_channel(dispatcher, domain):
    slots = {"vraag": "spoor", "eerste_ziektedag": "2025-03-04", "advies": "eigen_werk"}
    rest = make_tracker("ok", "affirm", on="2025-05-12 10:00", slots=slots, channel="rest")
    await ActionAnswerGuide().run(dispatcher, rest, domain)
    assert dispatcher.messages[-1]["custom"]["type"] == "spoorwijzer_tijdlijn"

    dispatcher.messages.clear()
    slack = make_tracker("ok", "affirm", on="2025-05-12 10:00", slots=slots, channel="slack")
    await ActionAnswerGuide().run(dispatcher, slack, domain)
    assert all("custom" not in m or not m["custom"] for m in dispatcher.messages)


def test_merged_periods_show_the_weeks_of_the_case_not_of_the_calendar():
    # Sick 6 January – 20 February 2025 (46 days), again from 4 March: 12 days apart, so one case
    # (WIA art. 23 lid 3). The days in between are no sick days, so counting calendar days from
    # 6 January would put every deadline 2 weeks late (plan van aanpak in week 10, WIA in week 95).
    t = compute_tijdlijn(
        date(2025, 3, 4), date(2025, 5, 12), "onbekend", eerdere_perioden=[Periode(date(2025, 1, 6), date(2025, 2, 20))]
    )
    payload = tijdlijn_payload(t)
    weeks = {m["key"]: m["week"] for m in payload["mijlpalen"]}
    assert weeks["plan_van_aanpak"] == 8
    assert weeks["eerstejaarsevaluatie_uiterlijk"] == 52
    assert weeks["wia_aanvraag"] == 93
    assert weeks["laatste_dag_wachttijd"] == 104
    assert payload["ziekteweek"] == 17  # 46 + 70 sick days
    assert payload["wachttijd_weken"] == 104


def test_the_timeline_length_follows_a_voluntary_extension():
    t = compute_tijdlijn(date(2025, 3, 4), date(2025, 5, 12), "onbekend", verlenging_weken=13)
    payload = tijdlijn_payload(t)
    weeks = {m["key"]: m["week"] for m in payload["mijlpalen"]}
    assert payload["wachttijd_weken"] == 117
    assert weeks["laatste_dag_wachttijd"] == 117 and weeks["wia_aanvraag"] == 106


def test_a_situation_is_in_the_payload_with_the_termijnen_that_lapse():
    t = compute_tijdlijn(date(2026, 3, 2), date(2026, 11, 23), "eigen_werk", einde_dienstverband=date(2026, 6, 30))
    payload = tijdlijn_payload(t)
    assert payload["situatie"] == {
        "code": "ziek_uit_dienst",
        "naam": "ziek uit dienst (het contract eindigt tijdens de ziekte)",
    }
    by_key = {m["key"]: m for m in payload["mijlpalen"]}
    assert by_key["einde_loondoorbetaling"]["datum"] == "2026-06-30"  # the end of the wages, on the axis
    assert "reintegratieverslag" not in by_key
    lapsed = {v["key"]: v for v in payload["vervallen"]}
    assert "reintegratieverslag" in lapsed and lapsed["reintegratieverslag"]["reden"].startswith("Vervalt")


def test_the_standard_payload_does_not_repeat_the_end_of_the_wachttijd():
    payload = tijdlijn_payload(_tijdlijn())
    keys = [m["key"] for m in payload["mijlpalen"]]
    assert "einde_loondoorbetaling" not in keys and payload["vervallen"] == []
    assert payload["situatie"]["code"] == "standaard"
