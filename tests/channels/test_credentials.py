"""Slack and Teams are switched on by the environment only, and no secret is written to disk."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def run_credentials(tmp_path, **env):
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    for name in ("credentials.yml", "scripts/credentials.sh"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    (project / "scripts/credentials.sh").chmod(0o755)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_"))}
    result = subprocess.run(["scripts/credentials.sh"], cwd=project, env={**clean, **env},
                            capture_output=True, text=True, check=True)
    return result.stdout, (project / "var/credentials.yml").read_text()


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
    out, text = run_credentials(tmp_path, TEAMS_APP_ID="app-id", TEAMS_APP_PASSWORD="zeer-geheim",
                                TEAMS_TENANT_ID="tenant-id")
    assert "Microsoft Teams staat aan: /webhooks/teams/webhook" in out
    teams = yaml.safe_load(text)["connectors.teams.TeamsInput"]
    assert teams["app_password"] == "${TEAMS_APP_PASSWORD}" and "zeer-geheim" not in text
    assert teams["tenant_id"] == "${TEAMS_TENANT_ID}"
