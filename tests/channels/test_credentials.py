"""Slack and Teams are switched on by the environment only, and no secret of theirs is written to disk.
The one secret the script makes itself is the development key for conversation ids (var/id_secret)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
import yaml

from connectors.channel_ids import load_secret

ROOT = Path(__file__).resolve().parents[2]


SLACK = {"SLACK_TOKEN": "xoxb-geheim", "SLACK_SIGNING_SECRET": "nog-geheimer"}
TEAMS = {"TEAMS_APP_ID": "app-id", "TEAMS_APP_PASSWORD": "zeer-geheim", "TEAMS_TENANT_ID": "tenant-id"}


def project_in(tmp_path) -> Path:
    project = tmp_path / "project"
    if not project.exists():
        (project / "scripts").mkdir(parents=True)
        for name in ("credentials.yml", "scripts/credentials.sh"):
            (project / name).write_bytes((ROOT / name).read_bytes())
        (project / "scripts/credentials.sh").chmod(0o755)
    return project


def run_script(tmp_path, **env) -> subprocess.CompletedProcess:
    project = project_in(tmp_path)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "SPOORWIJZER_"))}
    return subprocess.run(["scripts/credentials.sh"], cwd=project, env={**clean, **env}, capture_output=True, text=True)


def run_credentials(tmp_path, **env):
    result = run_script(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout, (project_in(tmp_path) / "var/credentials.yml").read_text()


def test_without_slack_variables_only_rest(tmp_path):
    out, text = run_credentials(tmp_path)
    assert "Slack staat uit" in out
    assert list(yaml.safe_load(text)) == ["connectors.guarded_rest.GuardedRestInput"]


def test_with_both_variables_slack_is_on_and_secrets_stay_in_the_environment(tmp_path):
    out, text = run_credentials(tmp_path, SLACK_TOKEN="xoxb-geheim", SLACK_SIGNING_SECRET="nog-geheimer")
    assert "Slack staat aan" in out
    slack = yaml.safe_load(text)["connectors.slack.SpoorwijzerSlackInput"]
    assert slack["slack_token"] == "${SLACK_TOKEN}" and slack["slack_signing_secret"] == "${SLACK_SIGNING_SECRET}"
    assert "geheim" not in text
    assert slack["conversation_granularity"] == "thread" and slack["use_threads"] is True


def test_token_alone_is_not_enough(tmp_path):
    out, _ = run_credentials(tmp_path, SLACK_TOKEN="xoxb-geheim")
    assert "Slack staat uit" in out


def test_without_teams_variables_teams_is_off_and_says_so(tmp_path):
    out, text = run_credentials(tmp_path, TEAMS_APP_ID="app")  # one of three is not enough
    assert "Microsoft Teams staat uit" in out
    assert "connectors.teams.TeamsInput" not in yaml.safe_load(text)


def test_with_the_three_teams_variables_teams_is_on_and_secrets_stay_in_the_environment(tmp_path):
    out, text = run_credentials(
        tmp_path, TEAMS_APP_ID="app-id", TEAMS_APP_PASSWORD="zeer-geheim", TEAMS_TENANT_ID="tenant-id"
    )
    assert "Microsoft Teams staat aan: /webhooks/teams/webhook" in out
    teams = yaml.safe_load(text)["connectors.teams.TeamsInput"]
    assert teams["app_password"] == "${TEAMS_APP_PASSWORD}" and "zeer-geheim" not in text
    assert teams["tenant_id"] == "${TEAMS_TENANT_ID}"


@pytest.mark.parametrize("channel", [SLACK, TEAMS], ids=["slack", "teams"])
def test_in_development_a_secret_for_conversation_ids_is_made_once_and_kept(tmp_path, channel):
    out, _ = run_credentials(tmp_path, **channel)
    secret_file = project_in(tmp_path) / "var/id_secret"
    secret = secret_file.read_text()
    assert "var/id_secret" in out
    assert re.fullmatch(r"[0-9a-f]{64}", secret)  # 32 random bytes
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    run_credentials(tmp_path, **channel)
    assert secret_file.read_text() == secret  # a restart keeps the conversations
    # The connectors read it: the same ids after every start.
    assert load_secret({"SPOORWIJZER_ID_SECRET_FILE": str(secret_file)}) == secret.encode()


def test_no_secret_file_when_the_secret_is_in_the_environment_or_no_platform_is_on(tmp_path):
    run_credentials(tmp_path, SPOORWIJZER_ID_SECRET="e" * 40, **SLACK)
    assert not (project_in(tmp_path) / "var/id_secret").exists()
    run_credentials(tmp_path)
    assert not (project_in(tmp_path) / "var/id_secret").exists()


@pytest.mark.parametrize(
    "env",
    [
        {"SPOORWIJZER_ENV": "production"},
        {"SPOORWIJZER_ENV": "production", "SPOORWIJZER_ID_SECRET": "te-kort"},
        {"SPOORWIJZER_ID_SECRET": "te-kort"},
    ],
)
@pytest.mark.parametrize("channel", [SLACK, TEAMS], ids=["slack", "teams"])
def test_a_missing_or_short_secret_stops_the_start_with_a_dutch_reason(tmp_path, env, channel):
    result = run_script(tmp_path, **env, **channel)
    assert result.returncode != 0
    assert "SPOORWIJZER_ID_SECRET" in result.stderr and ("ontbreekt" in result.stderr or "korter" in result.stderr)
    assert not (project_in(tmp_path) / "var/id_secret").exists()  # production never gets a generated key


def test_in_production_with_a_good_secret_and_without_platforms_it_starts(tmp_path):
    run_credentials(tmp_path, SPOORWIJZER_ENV="production", SPOORWIJZER_ID_SECRET="p" * 64, **TEAMS)
    run_credentials(tmp_path, SPOORWIJZER_ENV="production")  # REST only: no secret needed
