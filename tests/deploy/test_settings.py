"""One configuration: every setting is declared once (spoorwijzer_settings), listed in .env.example, and
nothing else reads the environment.

- The list, the module and what code, scripts and deploy files actually read agree: a new
  `os.environ` read in Python, a new `$VARIABLE` a script takes from outside, or a new `${VAR}` in a
  YAML file fails here until it is declared (or documented below as no setting).
- Wrong values stop a start with a Dutch message that names the variable; secrets are never echoed;
  in production a placeholder or test secret is refused.
- The Rasa server and the action server start in one place (scripts/start-rasa.sh and
  scripts/start-actions.sh): the scripts and the image are run here as they run, with `python` in front
  of the servers replaced by a recorder, so the exact command and environment are checked without Rasa.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pydantic import SecretStr

import spoorwijzer_settings as settings
from spoorwijzer_settings.env_example import env_example

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DECLARED = settings.declared()

# Read from the environment but no setting of Spoorwijzer, each with the reason.
NOT_SETTINGS = {
    # the shell's and the system's own
    "PATH": "shell",
    "HOME": "shell",
    "PWD": "shell",
    "RANDOM": "shell",
    "SECONDS": "shell",
    "PYTHONWARNINGS": "Python's own; scripts/env.sh only quiets deprecation warnings",
    # fixed by scripts/env.sh, the image or start-rasa.sh: not for an operator to change
    "RASA_TELEMETRY_ENABLED": "always false: nothing leaves the machine",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "log noise",
    "TF_CPP_MIN_LOG_LEVEL": "log noise",
    "SANIC_ACCESS_LOG": "always false for the Rasa server: its lines would hold Rasa's ?token=",
    "PYTHONDONTWRITEBYTECODE": "image build",
    "PIP_NO_CACHE_DIR": "image build",
    "PIP_DISABLE_PIP_VERSION_CHECK": "image build",
    "POSTGRES_DB": "the postgres image in deploy/compose.yml (DB_* are ours)",
    "POSTGRES_USER": "idem",
    "POSTGRES_PASSWORD": "idem, from DB_PASSWORD",
}
# Python files that may read a setting themselves, and why.
PYTHON_ALLOWED = {
    "poortwachter_faces/api.py": "an own distribution that cannot import this repository's settings; it reads "
    "POORTWACHTER_API_TOKEN and POORTWACHTER_API_TIMEOUT with the declared rules (test below)",
}
SKIP_DIRS = {".venv", ".venv-deploycheck", "tests", "var", "models", "results", "artifacts", "node_modules"}


def python_files():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if not SKIP_DIRS & set(relative.parts) and relative.parts[0] != "spoorwijzer_settings":
            yield relative


def environment_reads(tree: ast.AST) -> list[int]:
    """Lines that read a variable from os.environ / os.getenv, or use them in a way not known to be
    harmless. Harmless: handing the whole environment to a child process ({**os.environ, …},
    os.environ.copy()) and setting a default for a variable that is no setting (Rasa's telemetry)."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def harmless_name(node: ast.AST) -> bool:
        return isinstance(node, ast.Constant) and node.value in NOT_SETTINGS

    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            if {a.name for a in node.names} & {"environ", "environb", "getenv", "putenv"}:
                lines.append(node.lineno)
            continue
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os"):
            continue
        if node.attr not in {"environ", "environb", "getenv", "putenv", "unsetenv"}:
            continue
        parent = parents.get(node)
        if node.attr == "environ" and isinstance(parent, ast.Dict) and None in parent.keys:
            continue  # {**os.environ, …}: the environment for a child process
        if isinstance(parent, ast.Attribute) and parent.attr in {"copy", "setdefault"}:
            call = parents.get(parent)
            if parent.attr == "copy" or (isinstance(call, ast.Call) and harmless_name(call.args[0])):
                continue
        if isinstance(parent, ast.Call) and parent.func is node and parent.args and harmless_name(parent.args[0]):
            continue  # os.getenv("PATH")
        if isinstance(parent, ast.Attribute) and parent.attr == "get":
            call = parents.get(parent)
            if isinstance(call, ast.Call) and call.args and harmless_name(call.args[0]):
                continue
        if isinstance(parent, ast.Subscript) and harmless_name(parent.slice):
            continue
        lines.append(node.lineno)
    return lines


def test_no_python_code_outside_the_settings_reads_the_environment():
    found = {}
    for relative in python_files():
        lines = environment_reads(ast.parse((ROOT / relative).read_text(encoding="utf-8")))
        if lines and str(relative) not in PYTHON_ALLOWED:
            found[str(relative)] = lines
    assert not found, f"lees instellingen via spoorwijzer_settings, niet os.environ: {found}"


@pytest.mark.parametrize(
    "source, read",
    [
        ("import os\nos.environ.get('RETENTION_DAYS')", True),
        ("import os\nos.getenv('X')", True),
        ("from os import environ\n", True),
        ("import os\nvalue = os.environ['X']", True),
        ("import os\nname = 'X'\nos.environ.get(name)", True),
        ("import os\n'X' in os.environ", True),
        ("import os\nos.environ.setdefault('LOG_LEVEL', 'DEBUG')", True),
        ("import os\nsubprocess.run(cmd, env={**os.environ, 'RASA_CACHE_DIRECTORY': '/tmp'})", False),
        ("import os\nos.environ.setdefault('RASA_TELEMETRY_ENABLED', 'false')", False),
        ("import os\nos.environ.get('HOME')", False),
    ],
)
def test_the_scan_tells_a_read_from_a_harmless_use(source, read):
    assert bool(environment_reads(ast.parse(source))) is read


def test_the_hr_api_reads_its_two_settings_with_the_declared_rules():
    path = ROOT / "poortwachter_faces" / "api.py"
    if not path.exists():
        pytest.skip("poortwachter_faces/api.py is elders")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    names = {
        value for value in constants.values() if isinstance(value, str) and re.fullmatch(r"[A-Z][A-Z0-9_]+", value)
    }
    assert names == {"POORTWACHTER_API_TOKEN", "POORTWACHTER_API_TIMEOUT"}
    assert constants["REQUEST_TIMEOUT_SECONDS"] == settings.HrApi().poortwachter_api_timeout


# --- the shell scripts --------------------------------------------------------------------------------

SHELL = sorted(ROOT.glob("scripts/*.sh")) + [ROOT / "scripts" / "find-python310"]
REFERENCE = re.compile(r"\$\{?#?([A-Z][A-Z0-9_]*)")
ASSIGNMENT = re.compile(
    r"(?:^|[\s;(&|])(?:export\s+|local\s+|readonly\s+|declare\s+-\w+\s+)?([A-Z][A-Z0-9_]*)(?:\[[^\]]*\])?\+?="
)
SHELL_DEFAULT = re.compile(r"\$\{([A-Z][A-Z0-9_]*):-([^}$]*)\}")


def code_lines(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            yield line


def shell_reads() -> dict[str, set[str]]:
    """Variables the scripts take from outside: referenced, and not set by a script itself (an own
    default, `X="${X:-…}"`, still counts as taken from outside)."""
    referenced, assigned = {}, set()
    for path in SHELL:
        for line in code_lines(path):
            for name in REFERENCE.findall(line):
                referenced.setdefault(name, set()).add(path.name)
            statement = re.split(r"\b(?:echo|printf)\b", line)[0]  # text for people assigns nothing
            for match in ASSIGNMENT.finditer(statement):
                name = match.group(1)
                if not re.search(rf'{name}="?\$\{{{name}:-', statement):
                    assigned.add(name)
    return {name: files for name, files in referenced.items() if name not in assigned}


def yaml_reads() -> dict[str, set[str]]:
    """${VAR} in the files Rasa and Compose fill in, and the names Compose and Kubernetes pass on."""
    names: dict[str, set[str]] = {}

    def add(name: str, where: str) -> None:
        names.setdefault(name, set()).add(where)

    for path in [ROOT / "credentials.yml", ROOT / "endpoints.yml", *DEPLOY.glob("*.yml")]:
        for name in re.findall(r"\$\{(\w+)", path.read_text(encoding="utf-8")):
            add(name, path.name)
    for service in yaml.safe_load((DEPLOY / "compose.yml").read_text())["services"].values():
        for name in service.get("environment", {}):
            add(name, "compose.yml")
    for path in (DEPLOY / "kubernetes").glob("*.yaml"):
        for document in yaml.safe_load_all(path.read_text()):
            if document["kind"] == "ConfigMap":
                for name in document["data"]:
                    add(name, path.name)
            for container in document.get("spec", {}).get("template", {}).get("spec", {}).get("containers", []):
                for entry in container.get("env", []):
                    add(entry["name"], path.name)
    for name in re.findall(r"--from-literal=(\w+)=", (DEPLOY / "kubernetes" / "README.md").read_text()):
        add(name, "kubernetes/README.md")
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    for line in re.findall(r"^ENV (.*(?:\\\n.*)*)", dockerfile, re.M):
        for name in re.findall(r"([A-Z][A-Z0-9_]*)=", line):
            add(name, "Dockerfile")
    return names


def test_every_variable_the_scripts_and_deploy_files_read_is_declared():
    undeclared = {
        name: sorted(files)
        for name, files in {**shell_reads(), **yaml_reads()}.items()
        if name not in DECLARED and name not in NOT_SETTINGS
    }
    assert not undeclared, f"niet in spoorwijzer_settings (en dus niet in .env.example): {undeclared}"


def test_the_script_scan_sees_a_new_variable(tmp_path, monkeypatch):
    script = tmp_path / "new.sh"
    script.write_text('OWN=1\necho "zet NIEUW=1"\nexport SPOORWIJZER_NIEUW="${SPOORWIJZER_NIEUW:-3}" && echo "$OWN"\n')
    monkeypatch.setattr(sys.modules[__name__], "SHELL", [script])
    assert set(shell_reads()) == {"SPOORWIJZER_NIEUW"}


def test_every_declared_setting_is_read_somewhere():
    # No dead knobs: a script, a deploy file or Python code outside the settings uses each one.
    texts = "\n".join(line for path in SHELL for line in code_lines(path))
    texts += "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "credentials.yml", *DEPLOY.rglob("*.y*ml")])
    texts += (DEPLOY / "Dockerfile").read_text() + (DEPLOY / "kubernetes" / "README.md").read_text()
    python = "\n".join((ROOT / p).read_text(encoding="utf-8") for p in python_files())
    python += (ROOT / "poortwachter_faces" / "api.py").read_text() if (ROOT / "poortwachter_faces").exists() else ""
    # A method of the settings themselves counts too (ChannelIds.secret reads id_secret_file).
    own = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "spoorwijzer_settings").glob("*.py"))
    unused = [
        name
        for name, (_, field) in DECLARED.items()
        if not re.search(rf"\b{name}\b", texts)
        and not re.search(rf"\.{field.name}\b|\b{name}\b", python)
        and not re.search(rf"\.{field.name}\b", own)
    ]
    assert not unused, f"gedeclareerd maar nergens gelezen: {unused}"


def shell_form(value) -> str:
    from spoorwijzer_settings.shell import shell_value

    return shell_value(value)


def test_defaults_written_in_scripts_and_compose_are_the_declared_ones():
    files = [*SHELL, DEPLOY / "compose.yml", DEPLOY / "compose.tls.yml"]
    wrong = []
    for path in files:
        for line in code_lines(path):
            for name, default in SHELL_DEFAULT.findall(line):
                if name not in DECLARED or default == "":  # empty is "not set": the declared default
                    continue
                _, field = DECLARED[name]
                expected = field.field_info.extra["script_defaults"].get(
                    f"scripts/{path.name}", shell_form(field.default)
                )
                if default != expected:
                    wrong.append(f"{path.name}: {name} standaard {default!r}, gedeclareerd {expected!r}")
    assert not wrong


def deploy_values() -> dict[str, str]:
    """The literal values Compose and Kubernetes give the Rasa server (not the ${…} an operator fills in)."""
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())["services"]["rasa"]["environment"]
    config = next(yaml.safe_load_all((DEPLOY / "kubernetes" / "config.yaml").read_text()))["data"]
    container = next(
        d for d in yaml.safe_load_all((DEPLOY / "kubernetes" / "rasa.yaml").read_text()) if d["kind"] == "Deployment"
    )["spec"]["template"]["spec"]["containers"][0]
    values = {}
    for source in (compose, config, {e["name"]: e["value"] for e in container["env"]}):
        values.update({name: str(value) for name, value in source.items() if "${" not in str(value)})
    return values


@pytest.mark.parametrize("section", settings.SECTIONS, ids=lambda s: s.__name__)
def test_the_values_in_the_deploy_files_are_valid_settings(section):
    values = deploy_values()
    assert values["SPOORWIJZER_ENV"] == "production"
    section.from_environment(values)  # raises SettingsError with the reason


# --- .env.example ---------------------------------------------------------------------------------------


def env_example_entries() -> list[tuple[str, str]]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return re.findall(r"^#?([A-Z][A-Z0-9_]*)=(.*)$", text, re.M)


def test_env_example_lists_every_setting_once_with_its_default():
    entries = env_example_entries()
    names = [name for name, _ in entries]
    assert sorted(names) == sorted(DECLARED) and len(names) == len(set(names))
    for name, value in entries:
        _, field = DECLARED[name]
        literal = "" if field.field_info.extra["default_text"] or field.default is None else shell_form(field.default)
        assert value.strip('"') == literal, name
        if field.type_ is SecretStr:
            assert value == "", f"{name}: geen geheim in .env.example"


def test_env_example_is_up_to_date_and_says_who_reads_each_setting():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert text == env_example(), "maak opnieuw: python -m spoorwijzer_settings env-example > .env.example"
    for name in DECLARED:
        block = text[: text.index(f"#{name}=")].rsplit("\n\n", 1)[-1]
        assert f"{name}:" in block and "standaard:" in block and "gelezen door:" in block, name


def test_every_setting_has_a_description_readers_and_a_section_title():
    for name, (section, field) in DECLARED.items():
        assert section.title and field.field_info.description and field.field_info.extra["readers"], name


def test_no_default_port_lies_where_linux_picks_the_local_ports_of_outgoing_connections():
    """Linux takes the local port of an outgoing connection from 32768–60999
    (/proc/sys/net/ipv4/ip_local_port_range): a server on a port there fails to start now and then,
    when a connection happens to hold it (it did, for the replicated set-up's PostgreSQL on 55432)."""
    ports = {name: field.default for name, (_section, field) in DECLARED.items() if name.endswith(("_PORT", "_PORTS"))}
    assert "TOPO_PG_PORT" in ports and "TOPO_REPLICA_PORTS" in ports
    for name, default in ports.items():
        for port in default if isinstance(default, tuple) else (default,):
            assert port is None or port < 32768, (name, port)  # None: no default (DB_PORT is the driver's)


# --- validation -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "0", "65536", "-1", "80.5", "5005 5006"])
def test_a_wrong_port_stops_with_a_dutch_message_naming_the_variable_and_value(value):
    with pytest.raises(settings.SettingsError) as error:
        settings.Addresses.from_environment({"RASA_PORT": value})
    assert str(error.value) == f"RASA_PORT moet een poortnummer van 1 tot en met 65535 zijn, niet '{value}'."


def test_all_wrong_values_are_named_at_once():
    with pytest.raises(settings.SettingsError) as error:
        settings.Addresses.from_environment({"RASA_PORT": "x", "WEB_PORT": "0", "PUBLIC_RASA_URL": "ftp://a"})
    assert [line.split()[0] for line in str(error.value).splitlines()] == ["RASA_PORT", "WEB_PORT", "PUBLIC_RASA_URL"]


@pytest.mark.parametrize(
    "section, name, value",
    [
        (settings.Retention, "RETENTION_INTERVAL_MINUTES", "0"),
        (settings.HrApi, "POORTWACHTER_API_TIMEOUT", "301"),
        (settings.Topology, "TOPO_REPLICA_PORTS", "5006,5007"),
        (settings.Addresses, "CORS_ORIGINS", "https://intranet.example.nl/pad"),
        (settings.General, "SPOORWIJZER_ENV", "prod"),  # a typo must not switch the production checks off
        (settings.Slack, "SLACK_CHANNEL", "#algemeen"),
        (settings.Bench, "BENCH_SETUPS", "floor alles"),
        (settings.Training, "SPOORWIJZER_FAST_TRAINING", "misschien"),
        (settings.RasaServer, "RASA_ENDPOINTS", "bestaat-niet.yml"),
    ],
)
def test_wrong_values_are_refused(section, name, value):
    with pytest.raises(settings.SettingsError, match=f"^{name} moet .*, niet '{re.escape(value)}'"):
        section.from_environment({name: value})


def test_a_wrong_secret_is_never_echoed():
    # A secret has no format to get wrong; a refused one (production, placeholder) is named, not shown.
    with pytest.raises(settings.SettingsError) as error:
        settings.Database.from_environment({"SPOORWIJZER_ENV": "production", "DB_PASSWORD": "<mijn-wachtwoord>"})
    assert "DB_PASSWORD" in str(error.value) and "mijn-wachtwoord" not in str(error.value)
    assert "mijn-wachtwoord" not in repr(settings.Database.from_environment({"DB_PASSWORD": "<mijn-wachtwoord>"}))


def test_empty_means_not_set_and_values_are_read_when_asked(monkeypatch):
    # Compose writes ${X:-} as an empty value; tests change the environment per test.
    assert settings.Retention.from_environment({"RETENTION_DAYS": "  "}).retention_days == 30
    monkeypatch.setenv("RETENTION_DAYS", "7")
    assert settings.Retention.from_environment().retention_days == 7
    monkeypatch.setenv("RETENTION_DAYS", "8")
    assert settings.Retention.from_environment().retention_days == 8


def test_the_rate_limits_and_the_log_level_keep_their_default_on_a_typo(caplog):
    limits = settings.RateLimits.from_environment({"SPOORWIJZER_RATE_PER_CONVERSATION": "twintig"})
    assert limits.per_conversation == 20
    assert "SPOORWIJZER_RATE_PER_CONVERSATION" in caplog.text and "twintig" not in caplog.text
    assert settings.General.from_environment({"LOG_LEVEL": "luid"}).log_level == "INFO"


def test_cors_defaults_to_the_chat_page_in_development_and_to_nothing_in_production():
    development = settings.Addresses.from_environment({"WEB_PORT": "9000"})
    assert development.cors_origins == ("http://localhost:9000", "http://127.0.0.1:9000")
    assert development.public_rasa_url == "http://localhost:5005"
    assert settings.Addresses.from_environment({"SPOORWIJZER_ENV": "production"}).cors_origins == ()


# --- secrets in production --------------------------------------------------------------------------------

SECRETS = [(section, field) for section, field in DECLARED.values() if field.type_ is SecretStr]


@pytest.mark.parametrize(
    "value",
    [settings.PLACEHOLDER, "<geheim>", "<client secret>", "xoxb-test-only", "test-token-niet-geheim", "verander-mij"],
)
@pytest.mark.parametrize("section, field", SECRETS, ids=[field.alias for _, field in SECRETS])
def test_a_placeholder_or_test_secret_is_refused_in_production_only(section, field, value):
    development = section.from_environment({field.alias: value})
    assert getattr(development, field.name).get_secret_value() == value
    with pytest.raises(settings.SettingsError, match=f"^{field.alias} is een voorbeeld- of testwaarde"):
        section.from_environment({field.alias: value, "SPOORWIJZER_ENV": "productie"})
    real = "f3a9c0de" * 8
    assert getattr(section.from_environment({field.alias: real, "SPOORWIJZER_ENV": "production"}), field.name)


def test_every_secret_in_env_example_is_empty_and_its_example_is_refused_in_production():
    for _, field in SECRETS:
        example = field.field_info.extra["example"]
        assert example and settings.is_development_secret(example), field.alias


def test_in_production_a_placeholder_redis_password_stops_the_shared_redis(monkeypatch):
    # Before: any value was used. Now a documentation placeholder never reaches production.
    from connectors.seen import shared_redis

    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PASSWORD", "<geheim>")
    assert shared_redis() is not None  # development: fine
    monkeypatch.setenv("SPOORWIJZER_ENV", "production")
    with pytest.raises(ValueError, match="REDIS_PASSWORD is een voorbeeld- of testwaarde"):
        shared_redis()


def test_in_production_an_example_id_secret_is_refused_although_it_is_long_enough():
    from connectors.channel_ids import load_secret

    placeholder = "<" + "hier uw sleutel van minstens 32 tekens" + ">"
    assert load_secret({"SPOORWIJZER_ID_SECRET": placeholder}) == placeholder.encode()  # development
    with pytest.raises(ValueError, match="SPOORWIJZER_ID_SECRET is een voorbeeld- of testwaarde"):
        load_secret({"SPOORWIJZER_ID_SECRET": placeholder, "SPOORWIJZER_ENV": "production"})


def test_the_shell_rules_for_the_id_secret_are_the_settings_rules():
    # scripts/credentials.sh checks the key before it writes anything; the Rasa server checks it with
    # spoorwijzer_settings. Both must say the same.
    script = (ROOT / "scripts" / "credentials.sh").read_text()
    assert f"-lt {settings.MIN_SECRET_LENGTH} ]" in script
    words = set(re.search(r"case .*?\n\s*([\w|]+)\)", script).group(1).split("|"))
    assert words == {name for name, meaning in settings.Environment.NAMES.items() if meaning == "production"}


# --- the command line for scripts ------------------------------------------------------------------------


def run_settings(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in DECLARED}
    return subprocess.run(
        [sys.executable, "-m", "spoorwijzer_settings", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_shell_prints_the_values_with_their_defaults_for_eval():
    result = run_settings("shell", "RASA_PORT", "WEB_PORT", "CORS_ORIGINS", "TOPO_REPLICA_PORTS", WEB_PORT="9000")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "RASA_PORT=5005",
        "WEB_PORT=9000",
        "CORS_ORIGINS='http://localhost:9000 http://127.0.0.1:9000'",
        "TOPO_REPLICA_PORTS='5006 5007'",
    ]


def test_shell_stops_on_a_wrong_value_and_never_prints_a_secret():
    result = run_settings("shell", "RASA_PORT", RASA_PORT="vijf")
    assert result.returncode == 2 and result.stdout == ""
    assert "FOUT: RASA_PORT moet een poortnummer van 1 tot en met 65535 zijn, niet 'vijf'." in result.stderr
    result = run_settings("shell", "DB_PASSWORD", DB_PASSWORD="s3cr3t-waarde")
    assert result.returncode == 2 and "s3cr3t-waarde" not in result.stdout + result.stderr


def test_check_names_what_the_rasa_server_still_needs():
    result = run_settings("check", "rasa", RASA_ENDPOINTS="deploy/endpoints.yml", SPOORWIJZER_ENV="production")
    assert result.returncode == 2
    assert "FOUT: deploy/endpoints.yml heeft DB_PASSWORD nodig" in result.stderr
    assert run_settings("check", "rasa").returncode == 0


# --- the server start, written once ---------------------------------------------------------------------

RECORDER = """#!/usr/bin/env bash
# Stands in for `python` in front of the servers: records the command and environment, starts nothing.
if [ "$1" = -m ] && { [ "$2" = spoorwijzer_rasa ] || [ "$2" = spoorwijzer_rasa.action_server ]; }; then
  exec "{python}" -c 'import json, os, sys
json.dump({"argv": sys.argv[1:], "env": dict(os.environ)}, open(os.environ["RECORD"], "w"))' "$@"
fi
exec "{python}" "$@"
"""


def project(tmp_path: Path) -> Path:
    """A copy of what the image holds for starting the servers, and `python` as the recorder."""
    target = tmp_path / "app"
    for name in ("spoorwijzer_settings", "scripts", "deploy"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("credentials.yml", "endpoints.yml"):
        shutil.copy(ROOT / name, target / name)
    (tmp_path / "bin").mkdir()
    recorder = tmp_path / "bin" / "python"
    recorder.write_text(RECORDER.replace("{python}", sys.executable))
    recorder.chmod(0o755)
    return target


def start(tmp_path: Path, command: list[str], **env: str) -> dict:
    app = project(tmp_path)
    clean = {k: v for k, v in os.environ.items() if k not in DECLARED and not k.startswith(("SANIC_", "TEAMS_"))}
    record = tmp_path / "record.json"
    result = subprocess.run(
        command,
        cwd=app,
        env={**clean, **env, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}", "RECORD": str(record)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    logs = "".join(p.read_text() for p in (app / "var").rglob("*.log")) if (app / "var").exists() else ""
    assert result.returncode == 0 and record.exists(), result.stdout + result.stderr + logs
    started = json.loads(record.read_text())
    started["app"] = app
    return started


def placeholders_rasa_cannot_fill(started: dict, *files: str) -> set[str]:
    # Rasa fills ${VAR} from its environment and stops on one that is not set (even to empty).
    missing = set()
    for file in files:
        names = re.findall(r"\$\{(\w+)\}", (started["app"] / file).read_text())
        missing |= {name for name in names if name not in started["env"]}
    return missing


def image_command() -> tuple[list[str], dict[str, str]]:
    dockerfile = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    env = {}
    for line in re.findall(r"^ENV (.*)$", dockerfile, re.M):
        env.update(dict(word.split("=", 1) for word in line.split()))
    return json.loads(re.search(r"^CMD (\[.*\])$", dockerfile, re.M).group(1)), env


PRODUCTION = {
    "SPOORWIJZER_ENV": "production",
    "ACTION_SERVER_URL": "http://actions:5055/webhook",
    "DB_HOST": "postgres",
    "DB_PORT": "5432",
    "DB_NAME": "spoorwijzer",
    "DB_USER": "spoorwijzer",
    "DB_PASSWORD": "pg-" + "a1" * 16,
    "REDIS_HOST": "redis",
    "REDIS_PORT": "6379",
    "REDIS_PASSWORD": "rd-" + "b2" * 16,
    "SPOORWIJZER_ID_SECRET": "c3" * 32,
}


def test_the_image_without_an_api_token_keeps_rasas_api_off(tmp_path):
    # Kubernetes takes RASA_API_TOKEN from a Secret, which may be empty. The old image then ran
    # `--enable-api --auth-token ""`: Rasa's API open to anyone. Started as everywhere, it stays off.
    command, env = image_command()
    started = start(tmp_path, command, **env, **PRODUCTION, RASA_API_TOKEN="")
    assert "--enable-api" not in started["argv"] and "--auth-token" not in started["argv"]
    started = start(tmp_path / "met", command, **env, **PRODUCTION, RASA_API_TOKEN="tok-" + "d4" * 16)
    assert started["argv"][started["argv"].index("--auth-token") + 1] == "tok-" + "d4" * 16


def test_the_image_with_teams_gives_rasa_every_value_its_files_ask_for(tmp_path):
    # The old image did not set TEAMS_OPENID_METADATA_URL / TEAMS_TOKEN_URL (Compose does not either):
    # Rasa stopped on the ${…} in var/credentials.yml. The one start script sets them (empty: Microsoft).
    command, env = image_command()
    teams = {"TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "pw-" + "e5" * 16, "TEAMS_TENANT_ID": "tenant"}
    started = start(tmp_path, command, **env, **PRODUCTION, **teams, RASA_API_TOKEN="tok-" + "d4" * 16)
    assert not placeholders_rasa_cannot_fill(started, "var/credentials.yml", "deploy/endpoints.yml")
    argv = started["argv"]
    assert argv[:3] == ["-m", "spoorwijzer_rasa", "run"]
    assert argv[argv.index("--endpoints") + 1] == "deploy/endpoints.yml"
    assert argv[argv.index("--interface") + 1] == "0.0.0.0" and argv[argv.index("--port") + 1] == "5005"
    assert "--cors" not in argv  # production: no browser origin unless CORS_ORIGINS says so
    assert {k: started["env"][k] for k in ("SANIC_REQUEST_MAX_SIZE", "SANIC_ACCESS_LOG")} == {
        "SANIC_REQUEST_MAX_SIZE": "1048576",
        "SANIC_ACCESS_LOG": "false",
    }


def test_make_run_starts_rasa_on_loopback_with_the_chat_page_as_origin(tmp_path):
    started = start(
        tmp_path,
        ["bash", "-c", "source scripts/servers.sh && start_rasa_server && wait"],
        RASA_PORT="5305",
        WEB_PORT="8385",
        RASA_API_TOKEN="",
    )
    argv = started["argv"]
    assert argv[argv.index("--endpoints") + 1] == "endpoints.yml" and argv[argv.index("--model") + 1] == "models"
    assert argv[argv.index("--interface") + 1] == "127.0.0.1" and argv[argv.index("--port") + 1] == "5305"
    assert argv[argv.index("--cors") + 1 :] == ["http://localhost:8385", "http://127.0.0.1:8385"]
    assert "--enable-api" not in argv
    assert started["env"]["TICKET_LOCK_LIFETIME"] == "15" and started["env"]["SANIC_ACCESS_LOG"] == "false"
    assert not placeholders_rasa_cannot_fill(started, "var/credentials.yml")


def test_a_topology_replica_starts_the_same_way_behind_nginx_with_the_shared_stores(tmp_path):
    stores = {k: v for k, v in PRODUCTION.items() if k != "SPOORWIJZER_ENV"}
    started = start(
        tmp_path,
        [
            "bash",
            "-c",
            "source scripts/servers.sh && source scripts/topology.sh && mkdir -p $TOPOLOGY_DIR && start_replica 5306 && wait",
        ],
        **stores,
        RASA_API_TOKEN="tok-" + "d4" * 16,
        SANIC_PROXIES_COUNT="7",  # start_replica knows nginx is the one proxy in front
    )
    argv = started["argv"]
    assert argv[argv.index("--endpoints") + 1] == "deploy/endpoints.yml" and argv[argv.index("--port") + 1] == "5306"
    assert argv[argv.index("--auth-token") + 1] == "tok-" + "d4" * 16
    env = {k: started["env"][k] for k in ("SANIC_REQUEST_MAX_SIZE", "SANIC_ACCESS_LOG", "SANIC_PROXIES_COUNT")}
    assert env == {"SANIC_REQUEST_MAX_SIZE": "1048576", "SANIC_ACCESS_LOG": "false", "SANIC_PROXIES_COUNT": "1"}
    assert started["env"]["TICKET_LOCK_LIFETIME"] == "15"
    assert not placeholders_rasa_cannot_fill(started, "var/credentials.yml", "deploy/endpoints.yml")


def test_a_wrong_setting_stops_the_rasa_server_before_it_loads_anything(tmp_path):
    app = project(tmp_path)
    clean = {k: v for k, v in os.environ.items() if k not in DECLARED}
    env = {**clean, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}", "RECORD": str(tmp_path / "r.json")}
    result = subprocess.run(
        ["scripts/start-rasa.sh"], cwd=app, env={**env, "RASA_PORT": "0"}, capture_output=True, text=True
    )
    assert result.returncode != 0 and not (tmp_path / "r.json").exists()
    assert "FOUT: RASA_PORT moet een poortnummer van 1 tot en met 65535 zijn, niet '0'." in result.stderr
    production = {**env, **PRODUCTION, "RASA_ENDPOINTS": "deploy/endpoints.yml", "RASA_API_TOKEN": "<geheim>"}
    result = subprocess.run(["scripts/start-rasa.sh"], cwd=app, env=production, capture_output=True, text=True)
    assert result.returncode != 0 and not (tmp_path / "r.json").exists()
    assert "FOUT: RASA_API_TOKEN is een voorbeeld- of testwaarde" in result.stderr


def test_the_action_server_starts_the_same_way_everywhere(tmp_path):
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())["services"]["actions"]["command"]
    kubernetes = next(
        d for d in yaml.safe_load_all((DEPLOY / "kubernetes" / "actions.yaml").read_text()) if d["kind"] == "Deployment"
    )["spec"]["template"]["spec"]["containers"][0]["command"]
    assert compose == kubernetes == ["scripts/start-actions.sh"]
    started = start(tmp_path, compose, SANIC_REQUEST_MAX_SIZE="1048576")
    assert started["argv"] == ["-m", "spoorwijzer_rasa.action_server", "--actions", "actions", "--port", "5055"]
    assert started["env"]["SANIC_REQUEST_MAX_SIZE"] == "104857600"  # never the Rasa server's 1 MiB
    started = start(
        tmp_path / "run",
        ["bash", "-c", "source scripts/servers.sh && start_action_server benchmarks.floor.actions && wait"],
        ACTIONS_PORT="5355",
    )
    assert started["argv"][-4:] == ["--actions", "benchmarks.floor.actions", "--port", "5355"]


def test_the_start_commands_are_written_in_one_place_each():
    # Only start-rasa.sh says `spoorwijzer_rasa run`, only start-actions.sh starts the action server;
    # `make bench` is the exception on purpose: it measures stock Rasa beside ours.
    places = {"spoorwijzer_rasa run": set(), "spoorwijzer_rasa.action_server": set()}
    files = [*SHELL, DEPLOY / "Dockerfile", DEPLOY / "compose.yml", *(DEPLOY / "kubernetes").glob("*.yaml")]
    for path in files:
        code = "\n".join(code_lines(path))
        for command in places:
            if command in code:
                places[command].add(path.name)
    assert places == {"spoorwijzer_rasa run": {"start-rasa.sh"}, "spoorwijzer_rasa.action_server": {"start-actions.sh"}}
    assert image_command()[0] == ["scripts/start-rasa.sh"]
    assert "scripts/start-rasa.sh" in (ROOT / "scripts" / "servers.sh").read_text()
    assert "scripts/start-rasa.sh" in (ROOT / "scripts" / "topology.sh").read_text()
    copied = re.findall(r"^COPY (.*)$", (DEPLOY / "Dockerfile").read_text(), re.M)
    assert any("scripts/start-rasa.sh" in line and "scripts/start-actions.sh" in line for line in copied)
