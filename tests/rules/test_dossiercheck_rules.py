"""The dossier check (poortwachter/dossiercheck.py): table-driven from dossiercheck_cases.yml, one row per
case with its legal reason, plus the contract the faces and the chat code against."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from poortwachter import Invoer, PoortwachterError, compute_tijdlijn_for, parse_periods
from poortwachter.dossiercheck import (
    DOCUMENTEN,
    KERNDOCUMENTEN,
    NIET_GEDAAN,
    ONBEKEND,
    DocumentStatus,
    Dossiercheck,
    Oordeel,
    UnknownDocumentError,
    check_dossier,
)

CASES = yaml.safe_load((Path(__file__).parent / "dossiercheck_cases.yml").read_text(encoding="utf-8"))
GOOD = [c for c in CASES if "fout" not in c]
BAD = [c for c in CASES if "fout" in c]


def _invoer(values: dict) -> Invoer:
    values = dict(values)
    values["eerdere_perioden"] = tuple(parse_periods(values.get("eerdere_perioden", [])))
    return Invoer(**values)


def _run(case: dict) -> Dossiercheck:
    return check_dossier(_invoer(case["invoer"]), case.get("documenten") or {})


def _value(field_value):
    return field_value.value if isinstance(field_value, DocumentStatus) else field_value


@pytest.mark.parametrize("case", GOOD, ids=[c["naam"] for c in GOOD])
def test_case(case):
    assert case.get("reden"), "every case states its legal reason"
    result = _run(case)
    expected = case["verwacht"]
    if "oordeel" in expected:
        assert result.oordeel == expected["oordeel"], result.oordeel_uitleg
    if "oordeel_bevat" in expected:
        assert expected["oordeel_bevat"] in result.oordeel_uitleg
    for naam, fields in expected.get("documenten", {}).items():
        assert naam in result.documenten, f"{naam} missing from the check"
        check = result.documenten[naam]
        for field_name, want in fields.items():
            assert _value(getattr(check, field_name)) == want, (naam, field_name, check.gevolg)
    for naam in expected.get("afwezig", []):
        assert naam not in result.documenten, naam
    for naam, fragment in expected.get("gevolg_bevat", {}).items():
        assert fragment in result.documenten[naam].gevolg, (naam, result.documenten[naam].gevolg)
    for naam, fragment in expected.get("actie_bevat", {}).items():
        assert fragment in result.documenten[naam].actie, (naam, result.documenten[naam].actie)
    if "niet_te_controleren_bevat" in expected:
        assert any(expected["niet_te_controleren_bevat"] in item for item in result.niet_te_controleren)


@pytest.mark.parametrize("case", BAD, ids=[c["naam"] for c in BAD])
def test_bad_input(case):
    assert case.get("reden")
    with pytest.raises(PoortwachterError) as raised:
        _run(case)
    assert case["fout"] in str(raised.value)


# --- the contract -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", GOOD, ids=[c["naam"] for c in GOOD])
def test_the_five_are_always_there_and_every_check_is_complete(case):
    result = _run(case)
    assert set(KERNDOCUMENTEN) <= set(result.documenten)
    assert list(result.documenten) == [n for n in DOCUMENTEN if n in result.documenten], "in schedule order"
    for naam, check in result.documenten.items():
        assert check.naam == naam and check.titel and check.gevolg and check.actie, naam
        assert check.bron.url.startswith("https://"), naam
        if check.status in (DocumentStatus.OP_TIJD, DocumentStatus.NOG_NIET_NODIG):
            assert check.dagen_te_laat is None, naam
        if check.status is DocumentStatus.ONTBREEKT and check.dagen_te_laat is not None:  # None: due at once
            assert check.datum is None and check.dagen_te_laat == (result.peildatum - check.uiterlijk).days > 0
        if check.status is DocumentStatus.TE_LAAT:
            assert check.dagen_te_laat == (check.datum - check.uiterlijk).days > 0
        if check.status is DocumentStatus.OP_TIJD:
            assert check.datum is not None and (check.uiterlijk is None or check.datum <= check.uiterlijk)
        if check.vervalt:
            assert check.uiterlijk is None and not check.verplicht
    assert result.oordeel in {o.value for o in Oordeel}
    assert result.oordeel_uitleg and result.niet_te_controleren


def test_as_dict_is_the_json_contract():
    case = GOOD[0]
    data = json.loads(json.dumps(_run(case).as_dict(), ensure_ascii=False))
    assert data["oordeel"] == "op_orde"
    assert data["peildatum"] == "2026-12-20"
    doc = data["documenten"]["plan_van_aanpak"]
    assert doc == {
        "naam": "plan_van_aanpak",
        "titel": "Plan van aanpak",
        "status": "op_tijd",
        "uiterlijk": "2025-04-24",
        "datum": "2025-04-22",
        "dagen_te_laat": None,
        "gevolg": doc["gevolg"],
        "actie": "Niets te doen.",
        "bron": doc["bron"],
        "verplicht": True,
        "vervalt": False,
        "opgegeven": "datum",
    }
    assert set(doc["bron"]) == {"naam", "artikel", "url"}
    assert data["invoer"]["probleemanalyse_datum"] == "2025-04-10"  # the date that moved the plan's deadline
    assert {"niet_te_controleren", "oordeel_uitleg", "ziekteweek", "situatie", "oordeel_bron"} <= set(data)


def test_the_termijnen_are_the_timelines_own():
    """The check adds no deadline for the five: each is the timeline's date for the same input."""
    invoer = Invoer(date(2025, 3, 4), date(2026, 12, 28), probleemanalyse_datum=date(2025, 4, 1))
    tijdlijn = compute_tijdlijn_for(invoer)
    result = check_dossier(invoer, {})
    keys = {
        "probleemanalyse": "probleemanalyse",
        "plan_van_aanpak": "plan_van_aanpak",
        "melding_42e_week": "melding_42e_week",
        "eerstejaarsevaluatie": "eerstejaarsevaluatie_uiterlijk",
        "wia_aanvraag": "wia_aanvraag",
        "reintegratieverslag": "reintegratieverslag",
        "start_spoor_2": "spoor_2_uiterlijk",
    }
    for naam, key in keys.items():
        assert result.documenten[naam].uiterlijk == tijdlijn.datum(key), naam


def test_answers_without_a_date():
    invoer = Invoer(date(2025, 3, 4), date(2025, 6, 2))
    result = check_dossier(
        invoer, {"probleemanalyse": NIET_GEDAAN, "plan_van_aanpak": ONBEKEND, "melding_42e_week": None}
    )
    assert result.documenten["probleemanalyse"].opgegeven == "niet_gedaan"
    assert result.documenten["plan_van_aanpak"].opgegeven == "onbekend"
    assert result.documenten["melding_42e_week"].opgegeven == "niet_opgegeven"
    assert result.documenten["probleemanalyse"].status is DocumentStatus.ONTBREEKT
    # the chat's buttons, as people write them
    same = check_dossier(invoer, {"probleemanalyse": "niet gedaan", "plan_van_aanpak": "Weet ik niet"})
    assert same.documenten["probleemanalyse"].opgegeven == "niet_gedaan"
    assert same.documenten["plan_van_aanpak"].opgegeven == "onbekend"


def test_a_document_outside_its_situation_is_shown_not_lost():
    """A spoor-2 start given in week 13 (not yet required) is in order, not dropped."""
    result = check_dossier(Invoer(date(2025, 3, 4), date(2025, 6, 2)), {"start_spoor_2": "2025-05-20"})
    check = result.documenten["start_spoor_2"]
    assert check.status is DocumentStatus.OP_TIJD and not check.verplicht and check.datum == date(2025, 5, 20)


@pytest.mark.parametrize("documenten", [{"bestaat_niet": "2025-04-01"}, ["probleemanalyse"], {"": None}])
def test_unknown_documents_are_refused_in_dutch(documenten):
    with pytest.raises(UnknownDocumentError) as raised:
        check_dossier(Invoer(date(2025, 3, 4), date(2025, 6, 2)), documenten)
    assert "document" in str(raised.value).lower()


def test_a_datetime_is_not_taken_for_a_date():
    from datetime import datetime

    with pytest.raises(PoortwachterError, match="moet een datum zijn"):
        check_dossier(Invoer(date(2025, 3, 4), date(2025, 6, 2)), {"probleemanalyse": datetime(2025, 4, 1, 9)})
