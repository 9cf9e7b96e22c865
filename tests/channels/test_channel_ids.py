"""Slack and Teams conversation ids are derived on the server with a secret (connectors/channel_ids.py),
so knowing someone's Slack or Teams id is never enough to address their conversation."""

from __future__ import annotations

import re

import pytest

from connectors.channel_ids import ConversationIds, SecretMissing, load_secret
from connectors.conversation_id import is_secret_id
from connectors.slack import SpoorwijzerSlackInput
from connectors.teams import TeamsInput

SECRET = b"a" * 32
OTHER_SECRET = b"b" * 32
SLACK_USER = "U0123ABCD"  # what a colleague sees in the person's Slack profile
ENTRA_USER = "personal:0b5f3c2e-8f1a-4c1e-9d2b-7a6e5f4d3c2b"  # the person's Entra object id, findable in Teams


def test_ids_are_stable_and_differ_per_secret_channel_and_person():
    ids = ConversationIds(SECRET)
    assert ids.derive("slack", SLACK_USER) == ConversationIds(SECRET).derive("slack", SLACK_USER)  # a restart
    assert ids.derive("slack", SLACK_USER) != ConversationIds(OTHER_SECRET).derive("slack", SLACK_USER)
    assert ids.derive("slack", SLACK_USER) != ids.derive("teams", SLACK_USER)
    assert ids.derive("slack", SLACK_USER) != ids.derive("slack", "U0123ABCE")
    assert ids.derive("teams", ENTRA_USER) != ids.derive("teams", "thread:19:x@thread.tacv2;messageid=1")


@pytest.mark.parametrize(
    "channel, platform_id", [("slack", SLACK_USER), ("slack", "U1_D123_1700000000.000100"), ("teams", ENTRA_USER)]
)
def test_an_id_says_nothing_about_the_person_and_is_never_a_rest_id(channel, platform_id):
    derived = ConversationIds(SECRET).derive(channel, platform_id)
    assert re.fullmatch(rf"{channel}:[0-9a-f]{{64}}", derived)
    assert platform_id not in derived and platform_id.split(":")[-1] not in derived
    # The REST channel takes only a random UUID4 as `sender`: the derived id is refused there,
    # so a Slack or Teams conversation cannot be continued through the REST channel.
    assert not is_secret_id(derived)


def test_the_old_guessable_ids_are_not_what_the_channels_use():
    ids = ConversationIds(SECRET)
    assert ids.derive("slack", SLACK_USER) != SLACK_USER
    assert ids.derive("teams", ENTRA_USER) != f"teams:{ENTRA_USER.split(':', 1)[1]}"


def test_an_empty_platform_id_gets_no_conversation():
    with pytest.raises(ValueError):
        ConversationIds(SECRET).derive("slack", "")


def test_the_secret_comes_from_the_environment():
    assert load_secret({"SPOORWIJZER_ID_SECRET": "s" * 32}) == b"s" * 32
    assert load_secret({"SPOORWIJZER_ID_SECRET": "s" * 32, "SPOORWIJZER_ENV": "production"}) == b"s" * 32


@pytest.mark.parametrize(
    "environment",
    [{"SPOORWIJZER_ID_SECRET": "kort"}, {"SPOORWIJZER_ID_SECRET": "s" * 31, "SPOORWIJZER_ENV": "production"}],
)
def test_a_short_secret_is_refused_with_a_dutch_reason(environment):
    with pytest.raises(SecretMissing, match="korter dan 32 tekens"):
        load_secret(environment)


@pytest.mark.parametrize("value", ["production", "productie", "Production"])
def test_in_production_a_missing_secret_is_refused_even_with_a_development_file(tmp_path, value):
    development = tmp_path / "id_secret"
    development.write_text("d" * 64)
    with pytest.raises(SecretMissing, match="SPOORWIJZER_ID_SECRET ontbreekt.*productie"):
        load_secret({"SPOORWIJZER_ENV": value, "SPOORWIJZER_ID_SECRET_FILE": str(development)})


def test_in_development_the_file_from_credentials_sh_is_used(tmp_path):
    development = tmp_path / "id_secret"
    development.write_text("d" * 64 + "\n")
    assert load_secret({"SPOORWIJZER_ID_SECRET_FILE": str(development)}) == b"d" * 64


def test_in_development_without_file_the_message_says_what_to_do(tmp_path):
    with pytest.raises(SecretMissing, match="make run"):
        load_secret({"SPOORWIJZER_ID_SECRET_FILE": str(tmp_path / "ontbreekt")})


def test_a_short_development_file_is_refused(tmp_path):
    development = tmp_path / "id_secret"
    development.write_text("kort")
    with pytest.raises(SecretMissing, match="korter dan 32 tekens"):
        load_secret({"SPOORWIJZER_ID_SECRET_FILE": str(development)})


@pytest.mark.parametrize(
    "start",
    [
        lambda: SpoorwijzerSlackInput.from_credentials({"slack_token": "xoxb-test", "slack_signing_secret": "s"}),
        lambda: TeamsInput.from_credentials({"app_id": "app", "app_password": "geheim", "tenant_id": "tenant"}),
    ],
    ids=["slack", "teams"],
)
def test_without_a_secret_in_production_slack_and_teams_do_not_start(monkeypatch, start):
    monkeypatch.delenv("SPOORWIJZER_ID_SECRET", raising=False)
    monkeypatch.setenv("SPOORWIJZER_ENV", "production")
    with pytest.raises(SecretMissing):
        start()
    monkeypatch.setenv("SPOORWIJZER_ID_SECRET", "kort")
    with pytest.raises(SecretMissing):
        start()
    monkeypatch.setenv("SPOORWIJZER_ID_SECRET", "s" * 32)
    assert start() is not None
