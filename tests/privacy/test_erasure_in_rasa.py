"""Erasure through Rasa itself: its real MessageProcessor, RulePolicy and response action, the
project's own erase rules and responses (data/rules/privacy.yml, domain/privacy.yml), Spoorwijzer's
tracker store on a real SQLite file (and PostgreSQL when `make test` runs one), and the REST channel
(issue #28, step 1).

What this proves that the other erasure tests cannot: that Rasa 3.6 really puts the confirmation
reply's marker into the tracker it saves at the end of the turn, so the store sees the request in
its public `save`, and that the REST channel, knowing nothing of erasure, hands the person the
store's verified outcome. The model is a toy (keyword intents, rules only, trained in seconds in a
temporary folder); nothing is written to models/.
"""

from __future__ import annotations

import uuid

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore

from connectors.guarded_rest import GuardedRestInput
from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT
from stores import ROOT, rows, sqlite_store
from tests.server.toy_nlu import train_toy_rules_model

NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hallo
    - hoi
- intent: erase_conversation
  examples: |
    - wis mijn gesprek
    - vergeet dit gesprek
- intent: affirm
  examples: |
    - ja
    - graag
- intent: deny
  examples: |
    - nee
    - liever niet
"""
GREET_RULE = {"rule": "groet", "steps": [{"intent": "greet"}, {"action": "utter_greet"}]}


def toy_project() -> dict:
    """The project's erase rules (those outside the guide's form) and responses, and a greeting."""
    privacy_domain = yaml.safe_load((ROOT / "domain" / "privacy.yml").read_text())
    responses = dict(privacy_domain["responses"], utter_greet=[{"text": "Hallo!"}])
    domain = {
        "version": "3.1",
        "intents": ["greet", "affirm", "deny", *privacy_domain["intents"]],
        "responses": responses,
        "session_config": {"session_expiration_time": 60, "carry_over_slots_to_new_session": True},
    }
    rules = yaml.safe_load((ROOT / "data" / "rules" / "privacy.yml").read_text())["rules"]
    outside_the_form = [rule for rule in rules if "condition" not in rule]
    assert len(outside_the_form) >= 4  # asked, confirmed by button, confirmed with "ja", cancelled
    return {
        "domain": yaml.safe_dump(domain, allow_unicode=True),
        "nlu": NLU,
        "rules": yaml.safe_dump({"version": "3.1", "rules": [GREET_RULE, *outside_the_form]}, allow_unicode=True),
    }


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> str:
    return train_toy_rules_model(tmp_path_factory.mktemp("wisproject"), **toy_project())


@pytest.fixture
def channel(monkeypatch):
    monkeypatch.delenv("REDIS_HOST", raising=False)
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    return GuardedRestInput()


async def send(channel, agent, sender, text):
    channel._agent = agent
    message = UserMessage(text, CollectingOutputChannel(), sender)
    await channel.handle(message, agent.handle_message)
    return message.output_channel.messages


async def test_a_confirmed_erasure_is_done_by_the_store_and_told_by_the_channel(model, channel, make_store):
    store = make_store()  # SQLite, and in `make test` also the replicated set-up's PostgreSQL
    agent = Agent.load(model, tracker_store=store, lock_store=InMemoryLockStore())
    sender, other = str(uuid.uuid4()), str(uuid.uuid4())
    assert [m["text"] for m in await send(channel, agent, other, "hallo")] == ["Hallo!"]
    assert [m["text"] for m in await send(channel, agent, sender, "hallo")] == ["Hallo!"]
    asked = await send(channel, agent, sender, "wis mijn gesprek")
    assert asked[0]["text"].startswith("Wil je dat ik dit hele gesprek wis?")
    assert rows(store, sender)  # asked, not yet confirmed: nothing erased
    kept = len(rows(store, other))

    replies = await send(channel, agent, sender, "/confirm_erase")
    assert replies == [{"recipient_id": sender, "text": ERASED_TEXT, "custom": {"gesprek_wissen": "gelukt"}}]
    assert rows(store, sender) == [] and len(rows(store, other)) == kept

    # With "ja" after the question, as a person types it; and a new conversation starts afresh.
    assert [m["text"] for m in await send(channel, agent, sender, "hallo")] == ["Hallo!"]
    await send(channel, agent, sender, "wis mijn gesprek")
    replies = await send(channel, agent, sender, "ja")
    assert replies == [{"recipient_id": sender, "text": ERASED_TEXT, "custom": {"gesprek_wissen": "gelukt"}}]
    assert rows(store, sender) == []

    await send(channel, agent, sender, "wis mijn gesprek")
    replies = await send(channel, agent, sender, "nee")
    assert [m["text"] for m in replies] == ["Goed, ik wis niets. Waar kan ik je nog mee helpen?"]
    assert rows(store, sender)  # "nee" erases nothing


async def test_a_database_that_cannot_delete_gives_the_honest_answer(model, channel, tmp_path):
    path = tmp_path / "gesprekken.db"
    sender = str(uuid.uuid4())
    writable = Agent.load(model, tracker_store=sqlite_store(path), lock_store=InMemoryLockStore())
    await send(channel, writable, sender, "hallo")
    await send(channel, writable, sender, "wis mijn gesprek")
    stored = len(rows(sqlite_store(path), sender))

    read_only = Agent.load(model, tracker_store=sqlite_store(path, read_only=True), lock_store=InMemoryLockStore())
    replies = await send(channel, read_only, sender, "/confirm_erase")
    assert replies == [{"recipient_id": sender, "text": ERASE_FAILED_TEXT, "custom": {"gesprek_wissen": "mislukt"}}]
    assert stored and len(rows(sqlite_store(path), sender)) == stored  # really still there
