"""`poortwachter dossiercheck`: the case's options of `tijdlijn`, `--document NAAM=DATUM`, a Dutch
checklist or `--json`; bad input gives a Dutch message and exit status 2, never a traceback."""

from __future__ import annotations

import json

import pytest

from poortwachter_faces.cli import build_parser, main

CASE = ["dossiercheck", "--eerste-ziektedag", "2025-03-04", "--peildatum", "2026-01-15"]
DONE = ["--document", "probleemanalyse=2025-04-10", "--document", "plan_van_aanpak=2025-04-22"]


def _options(command: str) -> set[str]:
    sub = build_parser()._subparsers._group_actions[0].choices[command]  # noqa: SLF001 (argparse has no API)
    return {action.dest for action in sub._actions} - {"help"}  # noqa: SLF001


def test_every_timeline_option_and_the_documents():
    assert _options("dossiercheck") == _options("tijdlijn") | {"document"}


def test_the_checklist_in_dutch(capsys):
    assert main([*CASE, *DONE, "--document", "melding_42e_week=niet_gedaan"]) == 0
    out = capsys.readouterr().out
    assert "Dossiercheck Wet verbetering Poortwachter" in out
    assert "Peildatum:        15 januari 2026" in out
    # by hand: the 42e-weeksmelding was due on 23-12-2025 (first workday after week 42), 23 days before 15-1
    assert "- 42e-weeksmelding bij UWV: ONTBREEKT, uiterlijk 23 december 2025" in out
    assert "Wat nu: Doe de 42e-weeksmelding nu alsnog bij UWV." in out
    assert "- Plan van aanpak: op tijd, uiterlijk 24 april 2025" in out  # 10-4 + 14 days
    assert "Oordeel: Aandacht nodig" in out and "boete" in out
    assert "Wat deze check niet kan zien:" in out


def test_json(capsys):
    assert main([*CASE, *DONE, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["oordeel"] == "aandacht_nodig"
    melding = data["documenten"]["melding_42e_week"]
    assert melding["status"] == "ontbreekt" and melding["uiterlijk"] == "2025-12-23" and melding["dagen_te_laat"] == 23
    assert data["documenten"]["plan_van_aanpak"]["uiterlijk"] == "2025-04-24"


def test_case_options_reach_the_check(capsys):
    """A situation option changes the check: the contract ends in week 18, the 42e-weeksmelding falls away."""
    args = ["dossiercheck", "--eerste-ziektedag", "2026-03-02", "--peildatum", "2026-08-01"]
    assert main([*args, "--einde-dienstverband", "2026-06-30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["situatie"] == "ziek_uit_dienst"
    assert data["documenten"]["melding_42e_week"]["vervalt"] is True
    assert data["documenten"]["ziekmelding_uit_dienst"]["uiterlijk"] == "2026-06-30"


@pytest.mark.parametrize(
    "extra, fragment",
    [
        (["--document", "probleemanalyse"], "NAAM=JJJJ-MM-DD"),
        (["--document", "=2025-04-10"], "NAAM=JJJJ-MM-DD"),
        (["--document", "probleemanalyse="], "NAAM=JJJJ-MM-DD"),
        (["--document", "onzin=2025-04-10"], "Onbekend document"),
        (["--document", "probleemanalyse=2025-02-30"], "geen geldige"),
        (["--document", "probleemanalyse=10-04-2025"], "JJJJ-MM-DD"),
        (["--document", "probleemanalyse=2025-01-01"], "vóór de eerste ziektedag"),
        (["--document", "melding_42e_week=2026-02-01"], "na de peildatum"),
        (["--document", "probleemanalyse=2025-04-10", "--document", "probleemanalyse=2025-04-11"], "twee keer"),
        (["--probleemanalyse-datum", "2025-04-01", "--document", "probleemanalyse=2025-04-10"], "twee keer"),
        (["--advies", "misschien"], "Onbekend advies"),
    ],
)
def test_bad_input_exits_2_in_dutch(capsys, extra, fragment):
    assert main([*CASE, *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("poortwachter: ") and fragment in captured.err
    assert "Traceback" not in captured.err


def test_a_missing_first_sick_day_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["dossiercheck", "--document", "probleemanalyse=2025-04-10"])
    assert raised.value.code == 2
    assert "ongeldige invoer" in capsys.readouterr().err
