"""The faces of the rules as their own distribution (poortwachter_faces/pyproject.toml, issue #28 step 4).

The faces' wheel must carry what the API serves (openapi.json) and the `poortwachter` command, and
must depend on the core and fpdf2; `python -m poortwachter_faces` runs the same command.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
FACES = ROOT / "poortwachter_faces"


def test_the_faces_wheel_holds_the_api_document_the_command_and_needs_the_core(tmp_path):
    source = tmp_path / "poortwachter_faces"  # a copy: setuptools builds inside the project folder
    shutil.copytree(FACES, source, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--quiet"]
        + ["--disable-pip-version-check", "--wheel-dir", str(tmp_path / "dist"), str(source)],
        check=True,
        timeout=120,
    )
    (wheel,) = (tmp_path / "dist").glob("poortwachter_faces-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = wheel.name.split("-py")[0] + ".dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        requires = [
            Requirement(line.split(":", 1)[1].strip()).name
            for line in archive.read(f"{info}/METADATA").decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
        openapi = json.loads(archive.read("poortwachter_faces/openapi.json"))
    package = {n for n in names if not n.startswith(info)}
    assert package == {f"poortwachter_faces/{p.name}" for p in FACES.iterdir() if p.suffix in {".py", ".json"}}
    assert "/v1/tijdlijn" in openapi["paths"]
    assert "poortwachter = poortwachter_faces.cli:main" in entry_points
    assert set(requires) == {"poortwachter", "fpdf2"}


def test_python_dash_m_poortwachter_faces_runs_the_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "poortwachter_faces", "tijdlijn", "--eerste-ziektedag", "2025-03-04"]
        + ["--peildatum", "2025-05-12", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # tests/rules/cases.yml, "basis, onbekend advies, week 10": day n = first day + n - 1.
    assert (data["ziektedag"], data["ziekteweek"]) == (70, 10)
    assert data["termijnen"]["laatste_dag_wachttijd"] == "2027-03-01"
