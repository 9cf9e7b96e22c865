"""Table-driven rule cases from cases.yml (one row per case, with its legal reason)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from poortwachter import Invoer, compute_tijdlijn, compute_tijdlijn_for, parse_periods
from poortwachter.parsing import parse_period

CASES = yaml.safe_load((Path(__file__).parent / "cases.yml").read_text(encoding="utf-8"))


def _run(invoer: dict):
    """One row's input as the input record: every key is a field of `Invoer` (a typo is a TypeError)."""
    values = dict(invoer)
    if "perspectief" in values:
        values["perspectief_binnen_3_maanden"] = values.pop("perspectief")
    values["eerdere_perioden"] = tuple(parse_periods(values.get("eerdere_perioden", [])))
    if "zwangerschapsverlof" in values:
        values["zwangerschapsverlof"] = parse_period(values["zwangerschapsverlof"])
    return compute_tijdlijn_for(Invoer(**values))


@pytest.mark.parametrize("case", CASES, ids=[c["naam"] for c in CASES])
def test_case(case):
    assert case.get("reden"), "every case states its legal reason"
    result = _run(case["invoer"])
    expected = case["verwacht"]
    if "ziektedag" in expected:
        assert result.ziektedag.waarde == expected["ziektedag"]
    if "ziekteweek" in expected:
        assert result.ziekteweek.waarde == expected["ziekteweek"]
    if "spoor" in expected:
        assert result.spoor.waarde == expected["spoor"]
    if "eerste_ziektedag" in expected:
        assert result.eerste_ziektedag == expected["eerste_ziektedag"]
    if "perspectief_relevant" in expected:
        assert result.perspectief_relevant is expected["perspectief_relevant"]
    for key, day in expected.get("termijnen", {}).items():
        assert key in result.termijnen, f"missing deadline {key}"
        assert result.termijnen[key].datum == day, key
    for key, week in expected.get("weken", {}).items():
        assert result.termijnen[key].week == week, key  # sick week of the merged case
    if "opmerking" in expected:
        assert any(expected["opmerking"] in note for note in result.opmerkingen), result.opmerkingen
    if "situatie" in expected:
        assert result.situatie.regime.value == expected["situatie"]
    if "verantwoordelijke" in expected:
        assert result.situatie.verantwoordelijke == expected["verantwoordelijke"]
    if "aow_datum" in expected:
        assert result.situatie.aow_datum == expected["aow_datum"]
    for key in expected.get("vervallen", []):  # lapses in this situation: no date, and it says why
        termijn = result.termijnen[key]
        assert termijn.datum is None and not termijn.nog_te_doen and termijn.uitleg.startswith("Vervalt"), key
    for key in expected.get("geen", []):
        assert key not in result.termijnen, key
    for key, fragment in expected.get("regel_bevat", {}).items():
        assert fragment in result.termijnen[key].regel, key
    for key, status in expected.get("status", {}).items():
        assert result.termijnen[key].status == status, key
    if "waarschuwingen" in expected:
        assert sorted(w.termijn for w in result.waarschuwingen) == sorted(expected["waarschuwingen"])
    if "peildatum" in expected:  # the day the position is given for
        assert result.peildatum == expected["peildatum"]
    for key, open_ in expected.get("nog_te_doen", {}).items():
        assert result.termijnen[key].nog_te_doen is open_, key
    for key, fragment in expected.get("uitleg_bevat", {}).items():
        assert fragment in result.termijnen[key].uitleg, key
    if "verschoven" in expected:  # moved by a zwangerschaps- en bevallingsverlof, and it says why
        moved = {k for k, d in result.termijnen.items() if d.verschoven_door_verlof}
        assert set(expected["verschoven"]) <= moved if expected["verschoven"] else moved == set(), moved
        for key in moved:
            assert "later door het zwangerschaps- en bevallingsverlof" in result.termijnen[key].uitleg, key
    for key in expected.get("niet_verschoven", []):
        assert not result.termijnen[key].verschoven_door_verlof, key
    for name, value in expected.get("verlof", {}).items():
        assert result.verlof is not None and getattr(result.verlof, name) == value, name


def test_every_advice_code_is_covered_by_a_case():
    from poortwachter import Advies

    used = {c["invoer"].get("advies", "onbekend") for c in CASES}
    assert used >= {a.value for a in Advies}


def test_vervroegde_iva_only_for_duurzaam_geen_mogelijkheden():
    for advies in ("eigen_werk", "tijdelijk_geen_mogelijkheden", "onbekend"):
        result = compute_tijdlijn(date(2025, 3, 4), date(2025, 5, 12), advies)
        assert "vervroegde_iva_vanaf" not in result.termijnen
        assert "verlengd_tijdvak_tot" not in result.termijnen
