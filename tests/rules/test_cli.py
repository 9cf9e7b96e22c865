"""The command-line contract: Dutch text overview and the JSON object."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from poortwachter_faces.cli import main


def test_json_output_matches_the_contract(capsys):
    code = main(
        [
            "tijdlijn",
            "--eerste-ziektedag",
            "2025-03-04",
            "--peildatum",
            "2025-05-12",
            "--advies",
            "onbekend",
            "--eerdere-periode",
            "2025-01-06:2025-02-01",
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    # 2025-02-01 to 2025-03-04: 30 days without sickness, so the earlier period does not merge.
    assert data["ziektedag"] == 70 and data["ziekteweek"] == 10
    assert data["termijnen"]["probleemanalyse"] == "2025-04-14"
    assert data["niet_meegetelde_perioden"] == [{"begin": "2025-01-06", "einde": "2025-02-01"}]


def test_text_output_is_dutch_with_dutch_dates(capsys):
    assert (
        main(["tijdlijn", "--eerste-ziektedag", "2025-03-04", "--peildatum", "2025-05-12", "--advies", "eigen_werk"])
        == 0
    )
    out = capsys.readouterr().out
    assert "ziekteweek 10" in out
    assert "14 april 2025" in out
    assert "Wet WIA, art. 64 lid 3" in out


def test_extension_moves_the_json_dates(capsys):
    main(
        [
            "tijdlijn",
            "--eerste-ziektedag",
            "2025-03-04",
            "--peildatum",
            "2025-05-12",
            "--verlenging-weken",
            "26",
            "--json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert data["termijnen"]["wia_aanvraag"] == "2027-06-14"
    assert data["termijnen"]["verlengd_tijdvak_tot"] == data["termijnen"]["laatste_dag_wachttijd"] == "2027-08-30"


def test_installed_console_command_runs():
    """The `poortwachter` command is installed in the venv by the set-up."""
    command = Path(sys.executable).parent / "poortwachter"
    result = subprocess.run(
        [str(command), "tijdlijn", "--eerste-ziektedag", "2025-03-04", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["advies"] == "onbekend"  # default peildatum: today


def test_a_leave_still_ahead_is_planned_through_the_cli(capsys):
    # Review 2026-12 row 1. Before this version the shape with the sickness before the leave was refused
    # ("de eerste ziektedag ligt vóór het einde van het verlof") and the old shape with the day after the leave
    # ahead too ("kan niet in de toekomst liggen"); both give the planned dates now.
    new = [
        "--eerste-ziektedag",
        "2026-09-01",
        "--zwangerschapsverlof",
        "2026-12-15:2027-04-05",
        "--ziek-na-verlof",
        "ja",
    ]
    old = [
        "--eerste-ziektedag",
        "2027-04-06",
        "--eerdere-periode",
        "2026-09-01:2026-12-14",
        "--zwangerschapsverlof",
        "2026-12-15:2027-04-05",
    ]
    results = []
    for argv in (new, old):
        assert main(["tijdlijn", *argv, "--peildatum", "2026-12-06", "--json"]) == 0
        results.append(json.loads(capsys.readouterr().out))
    for data in results:
        assert data["termijnen"]["laatste_dag_wachttijd"] == "2028-12-18" and data["ziekteweek"] == 14
        assert data["verlof"]["gepland"] is True
    assert main(["tijdlijn", *new, "--peildatum", "2026-12-06"]) == 0
    text = capsys.readouterr().out
    assert "WIA-aanvraag bij UWV: 2 oktober 2028 [komt nog] (later door het verlof)" in text
    assert "Probleemanalyse door de bedrijfsarts: 12 oktober 2026 [verstreken]\n" in text  # before the leave: not moved
    assert "planning met verwachte data" in text
