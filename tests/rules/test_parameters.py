"""Parameters: each legal number declared once, with its source and dates of effect."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from poortwachter import general_rules
from poortwachter.termijnen import REGELS
from poortwachter.parameters import (
    REINTEGRATIEVERSLAG_VOOR_EINDE,
    VERZAMELWET_2013,
    WACHTTIJD,
    WIA_AANVRAAG_VOOR_EINDE,
    WIA_VANAF,
    alle,
)

ROOT = Path(__file__).resolve().parents[2]
PARAMETERS = alle()


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_every_parameter_says_what_it_is_and_where_it_comes_from(name):
    parameter = PARAMETERS[name]
    assert parameter.beschrijving and parameter.termen, name
    assert parameter.eenheid in {"weken", "dagen", "maanden"}
    assert parameter.bron.url.startswith("https://"), name
    dates = [vanaf for vanaf, _ in parameter.waarden]
    assert dates == sorted(dates) and len(set(dates)) == len(dates), "values in order of their date of effect"
    assert dates[0] <= WIA_VANAF or name in LATER_LAW, "a value for every case we compute"


# Parameters whose law is younger than the WIA, with the reason no earlier case needs a value.
LATER_LAW = {
    "LOONDOORBETALING_NA_AOW": "the AOW situation is computed only for cases from 2016 (Wet werken na de AOW-leeftijd)",
    "OPZEGVERBOD_NA_AOW": "the same law and dates; only cited in an answer",
    "ONTSLAG_FREQUENT_VERZUIM_GEEN_HERSTEL": "the c-grond exists since 1 July 2015 (Wwz); only cited in an answer",
}


def test_values_by_date_of_effect():
    # Verzamelwet SZW 2013: 13 -> 11 weeks for the WIA-aanvraag, 15 -> 13 for the re-integratieverslag.
    assert WIA_AANVRAAG_VOOR_EINDE.op(date(2013, 6, 30)) == 13
    assert WIA_AANVRAAG_VOOR_EINDE.op(VERZAMELWET_2013) == 11
    assert REINTEGRATIEVERSLAG_VOOR_EINDE.op(date(2012, 1, 1)) == 15
    assert REINTEGRATIEVERSLAG_VOOR_EINDE.waarde == 13
    with pytest.raises(ValueError):
        WACHTTIJD.op(date(2003, 12, 31))


CHANGED = sorted(name for name, parameter in PARAMETERS.items() if len(parameter.waarden) > 1)


def test_the_law_changed_for_these_parameters():
    # If this list grows, the new parameter needs a source for each of its values (next test).
    assert CHANGED == [
        "LOONDOORBETALING_NA_AOW",
        "OPZEGVERBOD_NA_AOW",
        "REINTEGRATIEVERSLAG_VOOR_EINDE",
        "WIA_AANVRAAG_VOOR_EINDE",
    ]


@pytest.mark.parametrize("name", CHANGED)
def test_each_dated_value_cites_the_text_that_set_it(name):
    # OpenFisca keeps a `reference` per date: a value that the law changed cites the version that set it,
    # not only the article as it reads today.
    parameter = PARAMETERS[name]
    sources = [waarde.bron for waarde in parameter.waarden]
    assert len(set(sources)) == len(sources), f"{name}: every value has its own source"
    for waarde in parameter.waarden:
        assert waarde.bron.url.startswith("https://"), name
        assert parameter.bron_op(waarde.vanaf) == waarde.bron
        assert parameter.op(waarde.vanaf) == waarde.waarde


def test_the_wia_aanvraag_cites_the_2005_text_and_the_verzamelwet_of_2013():
    old = WIA_AANVRAAG_VOOR_EINDE.bron_op(date(2013, 6, 30))
    new = WIA_AANVRAAG_VOOR_EINDE.bron_op(VERZAMELWET_2013)
    # The applicant's term is lid 3 of art. 64 (lid 2 is UWV's notice); the 2005 text said thirteen weeks.
    assert "art. 64 lid 3" in old.artikel and "dertien weken" in old.artikel
    assert old.url.startswith("https://wetten.overheid.nl/BWBR0019057/2005-")
    assert "Stb. 2013, 236" in new.naam and new.url.endswith("stb-2013-236.html")
    # The deadline still cites the article as it reads today.
    assert WIA_AANVRAAG_VOOR_EINDE.bron.artikel == "art. 64 lid 3"


def test_a_value_without_its_own_source_takes_the_parameters():
    one = type(WACHTTIJD)("een week", "weken", WACHTTIJD.bron, ((WIA_VANAF, 1),))
    assert one.bron_op(WIA_VANAF) == WACHTTIJD.bron
    assert [(vanaf, waarde) for vanaf, waarde in one.waarden] == [(WIA_VANAF, 1)]


def test_texts_use_the_unit_in_singular_and_plural():
    assert WACHTTIJD.tekst() == "104 weken"
    one = type(WACHTTIJD)("een week", "weken", WACHTTIJD.bron, ((WIA_VANAF, 1),))
    assert one.tekst() == "1 week"


def test_every_rule_has_a_general_text_and_standard_week():
    rules = general_rules()
    assert list(rules) == [regel.key for regel in REGELS]
    for key, rule in rules.items():
        assert rule.regel and rule.uitleg and rule.titel and rule.termen, key
        # Deadlines of a situation (end of contract, leave) have no fixed week.
        assert rule.standaard_week is None or 1 <= rule.standaard_week <= WACHTTIJD.waarde * 2, key
    assert rules["wia_aanvraag"].standaard_week == 93 and rules["reintegratieverslag"].standaard_week == 91
    assert {k for k, r in rules.items() if r.standaard_week is None} == {
        "ziekmelding_uit_dienst",
        "reintegratieverslag_einde_dienstverband",
        "melding_ziekte_rond_verlof",
        "melding_ziekte_zwangerschap_na_verlof",
    }
    assert {k for k, r in rules.items() if r.hangt_af_van_advies} == {
        "spoor_2_uiterlijk",
        "vervroegde_iva_vanaf",
        "vervroegde_iva_tot",
    }


# --- one place for each number -----------------------------------------------------------------

_LEGAL_NUMBER = re.compile(r"\b(?:week|ziekteweek|ziektedag)\s+\d+|\b\d+\s+(?:weken|week|maanden|maand|dagen)\b")

# Numbers that are typed on purpose, with the reason.
_TYPED_ON_PURPOSE = {
    ("poortwachter/termijnen.py", "week 4"): "what other sources say about the IVA (explains our choice)",
    ("poortwachter/termijnen.py", "week 78"): "what other sources say about the IVA (explains our choice)",
    ("poortwachter/tijdlijn.py", "week 1"): "the counting convention itself, as an example (week 1 = days 1-7)",
    ("poortwachter/tijdlijn.py", "week 2"): "the counting convention itself, as an example (week 2 = days 8-14)",
    ("actions/dates.py", "6 weken"): "language: 'anderhalve maand' means six weeks",
    ("actions/dates.py", "18 maanden"): "language: 'anderhalf jaar' means eighteen months",
    ("actions/dates.py", "6 maanden"): "language: 'een half jaar' means six months",
    ("actions/guide_form.py", "14 maanden"): "an example of how a user may write a duration",
    ("actions/guide_questions.py", "14 maanden"): "an example of how a user may write a duration",
}


def _string_literals(path: Path) -> list[str]:
    """The text of every string in a module that is not a docstring (f-strings: their fixed parts)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _modules() -> list[Path]:
    package = [p for p in (ROOT / "poortwachter").glob("*.py") if p.name != "parameters.py"]
    channels = [p for folder in ("actions", "slack", "connectors") for p in (ROOT / folder).glob("*.py")]
    return sorted(package + channels)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_rule_number_is_typed_outside_the_parameters(path):
    relative = str(path.relative_to(ROOT))
    typed = [
        match.group(0)
        for text in _string_literals(path)
        for match in _LEGAL_NUMBER.finditer(text)
        if (relative, match.group(0)) not in _TYPED_ON_PURPOSE
    ]
    assert typed == [], f"{relative} types rule numbers {typed}: render them from poortwachter/parameters.py"


def test_the_widget_takes_every_week_from_the_payload():
    script = (ROOT / "web" / "spoorwijzer-widget.js").read_text(encoding="utf-8")
    assert not re.search(r"\b(?:104|91|93|52|42)\b", script), "week numbers belong to the rules package"
    assert "payload.wachttijd_weken" in script and "m.week" in script
