"""The Teams app package: teams/manifest.json against Microsoft's schema, with the icons Teams requires."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "teams" / "manifest.json").read_text(encoding="utf-8"))
SCHEMA = ROOT / "var" / "teams-schema" / f"v{MANIFEST['manifestVersion']}" / "MicrosoftTeams.schema.json"


def test_the_manifest_follows_microsofts_schema():
    if not SCHEMA.exists():
        if os.environ.get("SPOORWIJZER_REQUIRE_SCHEMAS"):
            raise AssertionError(f"{SCHEMA} ontbreekt: draai scripts/ensure-teams-schema.sh")
        pytest.skip("the schema is fetched by scripts/ensure-teams-schema.sh (make test does)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # The schema says draft-04 but uses "const" (draft 6+); draft 7 checks both.
    errors = sorted(Draft7Validator(schema).iter_errors(MANIFEST), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_the_icons_are_the_sizes_teams_requires():
    color = Image.open(ROOT / "teams" / MANIFEST["icons"]["color"])
    outline = Image.open(ROOT / "teams" / MANIFEST["icons"]["outline"])
    assert color.size == (192, 192)
    assert outline.size == (32, 32) and outline.mode == "RGBA"
    # The outline icon is white on transparent.
    colours = {pixel[:3] for pixel in outline.getdata() if pixel[3] > 0}
    assert colours == {(255, 255, 255)}


def test_the_bot_is_the_app_and_answers_in_personal_chat_and_teams():
    bot = MANIFEST["bots"][0]
    assert bot["botId"] == MANIFEST["id"]  # both are the Azure bot's app id (README: replace the placeholder)
    assert set(bot["scopes"]) == {"personal", "team"}
