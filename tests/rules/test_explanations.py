"""Every result explains itself: rule, explanation and a source with name, article and URL."""

from __future__ import annotations

import json
from datetime import date

from poortwachter import compute_tijdlijn, parse_periods

REQUIRED_KEYS = {
    "probleemanalyse",
    "plan_van_aanpak",
    "melding_42e_week",
    "eerstejaarsevaluatie_vanaf",
    "eerstejaarsevaluatie_uiterlijk",
    "spoor_2_uiterlijk",
    "reintegratieverslag",
    "wia_aanvraag",
    "laatste_dag_wachttijd",
    "wia_ingang",
}


def _tijdlijn(**kwargs):
    defaults = dict(eerste_ziektedag=date(2025, 3, 4), peildatum=date(2025, 5, 12), advies="onbekend")
    defaults.update(kwargs)
    return compute_tijdlijn(**defaults)


def test_json_contract_has_the_required_keys_and_iso_dates():
    data = json.loads(json.dumps(_tijdlijn(verlenging_weken=13).as_dict()))
    for key in ("ziektedag", "ziekteweek", "spoor", "termijnen", "stappen", "waarschuwingen", "bronnen"):
        assert key in data
    assert REQUIRED_KEYS | {"verlengd_tijdvak_tot", "loonsanctie_max_tot"} <= set(data["termijnen"])
    for value in data["termijnen"].values():
        assert value is None or date.fromisoformat(value)


def test_every_item_has_a_source_with_url():
    data = _tijdlijn(advies="duurzaam_geen_mogelijkheden").as_dict()
    for key in list(data["termijnen"]) + ["ziektedag", "ziekteweek", "spoor"]:
        bron = data["bronnen"][key]
        assert bron["naam"] and bron["url"].startswith("https://"), key
    for detail in data["termijn_details"].values():
        assert detail["regel"] and detail["uitleg"]
    for stap in data["stappen"]:
        assert stap["bron"]["url"].startswith("https://")


def test_sources_name_the_right_law():
    t = _tijdlijn()
    assert t.termijnen["wia_aanvraag"].bron.artikel == "art. 64 lid 3"
    assert t.termijnen["reintegratieverslag"].bron.artikel == "art. 25 lid 3"
    assert "BWBR0013540" in t.termijnen["probleemanalyse"].bron.url


def test_choices_where_sources_disagree_are_explained():
    t = _tijdlijn()
    assert "week 91" in t.termijnen["wia_aanvraag"].uitleg  # old rule before 1 July 2013
    assert "Werkwijzer" in t.termijnen["spoor_2_uiterlijk"].uitleg


def test_holiday_roll_is_explained():
    t = _tijdlijn(eerste_ziektedag=date(2025, 3, 6), peildatum=date(2025, 3, 6))
    assert "Kerstdag" in t.termijnen["melding_42e_week"].uitleg


def test_steps_are_ordered_and_in_the_future():
    t = _tijdlijn(peildatum=date(2025, 3, 20))
    dated = [s.datum for s in t.stappen if s.datum]
    assert dated == sorted(dated)
    assert all(d >= t.peildatum for d in dated)
    assert t.stappen[0].termijn == "probleemanalyse"


def test_geen_perspectief_puts_starting_spoor_2_first():
    t = _tijdlijn(advies="geen_perspectief_eigen_werkgever")
    assert t.stappen[0].titel == "Start spoor 2 nu"


def test_loose_earlier_period_is_mentioned():
    t = _tijdlijn(eerdere_perioden=parse_periods(["2024-01-01:2024-01-31"]))
    assert any("telt niet mee" in o for o in t.opmerkingen)
