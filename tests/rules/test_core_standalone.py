"""The rules core (`poortwachter/`) is pure and stands on its own (issue #28, step 4).

Two proofs. The import rule reads every module of the core: no PDF library, no HTTP server or
client, no argparse, no Rasa and none of its faces (`poortwachter_faces`), and every third-party
import is a dependency the core declares in pyproject.toml (and nothing is declared that it does
not import). The standalone test builds the core's wheel from the repository's own pyproject.toml,
installs it into a bare Python 3.11 venv that holds only that wheel and the distributions its
metadata asks for, and computes hand-checked cases from cases.yml there. No network: the wheel is
installed with --no-index, its dependencies are copied from this venv's installed files.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import tomli  # tomllib is 3.11+; the project venv is 3.10 (tomli comes with pytest there)
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "poortwachter"
CASES = yaml.safe_load((Path(__file__).parent / "cases.yml").read_text(encoding="utf-8"))

# What a face needs and the rules must not: the PDF (fpdf2 and its Pillow), HTTP servers, clients
# and web frameworks, the command line, the chatbot, and the faces package itself.
FORBIDDEN = {
    "fpdf",
    "PIL",
    "argparse",
    "http",
    "socket",
    "socketserver",
    "wsgiref",
    "ssl",
    "urllib.request",
    "sanic",
    "starlette",
    "fastapi",
    "flask",
    "aiohttp",
    "requests",
    "httpx",
    "rasa",
    "rasa_sdk",
    "poortwachter_faces",
}


def _imports(path: Path) -> set[str]:
    """Absolute module names imported by one file (every `import` and `from … import`, nested ones too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level <= 1, f"{path.name} reaches out of the package with a relative import"
            if node.module and not node.level:
                names.add(node.module)
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _forbidden(name: str) -> bool:
    parts = name.split(".")
    return any(".".join(parts[:n]) in FORBIDDEN for n in range(1, len(parts) + 1))


def _declared_dependencies() -> set[str]:
    project = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "poortwachter"
    return {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}


def test_the_core_imports_no_face_and_only_the_libraries_it_declares():
    offenders, third_party = {}, set()
    for path in sorted(CORE.rglob("*.py")):
        names = _imports(path)
        bad = sorted(n for n in names if _forbidden(n))
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
        third_party |= {n.split(".")[0] for n in names} - set(sys.stdlib_module_names) - {"poortwachter"}
    assert not offenders, f"the rules import what belongs to a face: {offenders}"

    distributions = metadata.packages_distributions()
    imported = {canonicalize_name(d) for top in third_party for d in distributions.get(top, [top])}
    assert imported == _declared_dependencies(), "pyproject.toml must declare exactly what poortwachter/ imports"


# --- the core's wheel, alone, in a bare Python 3.11 ------------------------------------------------------------


def _python311() -> str:
    candidate = os.environ.get("SPOORWIJZER_PYTHON311") or shutil.which("python3.11")
    assert candidate, "no Python 3.11 found: put python3.11 on PATH or set SPOORWIJZER_PYTHON311"
    return candidate


def _pip(*args: str, target: Path | None = None) -> str:
    # This venv's pip drives the bare venv (`--python`), so the bare venv needs no pip of its own.
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    command += ["--python", str(target)] if target else []
    result = subprocess.run([*command, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _build_core_wheel(tmp: Path) -> Path:
    source = tmp / "source"  # a copy: setuptools writes build/ and *.egg-info next to pyproject.toml
    shutil.copytree(CORE, source / "poortwachter", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", source / "pyproject.toml")
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "--wheel-dir", str(tmp / "dist"), str(source))
    (wheel,) = (tmp / "dist").glob("poortwachter-*.whl")
    return wheel


def _requirements_closure(requires: list[str], python_version: str) -> set[str]:
    """The distributions these requirements pull in on the target Python (markers evaluated for it)."""
    target = {"python_version": ".".join(python_version.split(".")[:2]), "python_full_version": python_version}
    needed: set[str] = set()
    todo = [Requirement(r) for r in requires]
    while todo:
        requirement = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({**target, "extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        if name not in needed:
            needed.add(name)
            todo += [Requirement(r) for r in metadata.distribution(name).requires or []]
    return needed


def _copy_installed(name: str, site_packages: Path) -> None:
    """Put one installed distribution into the bare venv: the same files its wheel installed here."""
    distribution = metadata.distribution(name)
    for file in distribution.files:
        if file.parts[0] == ".." or "__pycache__" in file.parts:
            continue  # scripts outside site-packages; bytecode of this venv's Python
        assert file.suffix not in {".so", ".pyd"}, f"{name} is not pure Python; copy it as a wheel instead"
        destination = site_packages / file
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(distribution.locate_file(file), destination)


IN_THE_BARE_VENV = r"""
import importlib, json, pkgutil, sys
from datetime import date
import poortwachter
from poortwachter import Invoer, compute_tijdlijn_for, datum_nl, parse_periods

for module in pkgutil.walk_packages(poortwachter.__path__, "poortwachter."):
    importlib.import_module(module.name)  # every module of the core loads here
results = {}
for naam, invoer in json.loads(sys.argv[1]).items():
    values = {k: date.fromisoformat(v) if k in ("eerste_ziektedag", "peildatum", "geboortedatum") else v
              for k, v in invoer.items()}
    results[naam] = compute_tijdlijn_for(Invoer(**values)).as_dict()
print(json.dumps({
    "python": list(sys.version_info[:2]),
    "core": poortwachter.__file__,
    "modules": sorted(sys.modules),
    "datum": datum_nl(date(2024, 2, 18), weekday=True),
    "results": results,
}))
"""

# Hand-computed rows of cases.yml that between them use every library of the core:
# babel (Dutch dates), holidays (the workday roll over New Year) and dateutil (the AOW age).
ROWS = (
    "basis, onbekend advies, week 10",
    "42e-weeksmelding schuift over Nieuwjaarsdag",
    "AOW-leeftijd bereikt in week 30",
)


def test_the_core_wheel_installs_alone_and_computes_on_python_311(tmp_path):
    wheel = _build_core_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        wheel_metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert {n.split("/")[0] for n in names} == {"poortwachter", wheel.name.split("-py")[0] + ".dist-info"}, names
    assert not any(n.endswith((".json", "entry_points.txt")) for n in names), "no faces: no openapi.json, no script"
    requires = [
        line.split(":", 1)[1].strip() for line in wheel_metadata.splitlines() if line.startswith("Requires-Dist:")
    ]
    assert "fpdf2" not in {canonicalize_name(Requirement(r).name) for r in requires}

    python = _python311()
    venv = tmp_path / "bare"
    subprocess.run([python, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    bare = venv / "bin" / "python"
    version = subprocess.run(
        [str(bare), "-I", "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert version.startswith("3.11."), version
    (site_packages,) = (venv / "lib").glob("python3.11/site-packages")
    needed = _requirements_closure(requires, version)
    for name in needed:
        _copy_installed(name, site_packages)
    # pip resolves the wheel's requirements against what is installed; with --no-index a missing one fails here.
    _pip("install", "--no-index", "--no-cache-dir", str(wheel), target=bare)
    _pip("check", target=bare)
    installed = {canonicalize_name(d["name"]) for d in json.loads(_pip("list", "--format=json", target=bare))}
    assert installed == {"poortwachter"} | needed, "the bare venv holds the core and its own libraries only"

    rows = {c["naam"]: c for c in CASES if c["naam"] in ROWS}
    assert set(rows) == set(ROWS)
    inputs = {naam: {k: str(v) for k, v in row["invoer"].items()} for naam, row in rows.items()}
    run = subprocess.run(
        [str(bare), "-I", "-c", IN_THE_BARE_VENV, json.dumps(inputs)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the repository: the core must come from the installed wheel
        env={"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"},
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["python"] == [3, 11]
    assert Path(out["core"]).is_relative_to(site_packages), out["core"]
    loaded = sorted(m for m in out["modules"] if _forbidden(m))
    assert not loaded, f"importing and using the core loaded {loaded}"
    assert out["datum"] == "zondag 18 februari 2024"
    for naam, row in rows.items():
        result, expected = out["results"][naam], row["verwacht"]
        for key in ("ziektedag", "ziekteweek", "spoor", "situatie"):
            if key in expected:
                got = result[key]["code"] if key == "situatie" else result[key]
                assert got == expected[key], (naam, key)
        if "aow_datum" in expected:
            assert result["aow_datum"] == expected["aow_datum"].isoformat(), naam
        for key, day in expected.get("termijnen", {}).items():
            assert result["termijnen"][key] == day.isoformat(), (naam, key)
