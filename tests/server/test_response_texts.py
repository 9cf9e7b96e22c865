"""Reply texts from the domain files as they are now (spoorwijzer_rasa/response_texts.py, issue #27:
"changing an answer's text costs seconds, not a full retraining").

- Through Rasa itself: a real Agent with a trained (toy) model and its real MessageProcessor,
  RulePolicy and response action, the generator chosen as endpoints.yml chooses it. An edited text
  is the next reply, without training; a name the files no longer have keeps the model's text.
- A domain that does not load while someone edits it keeps the last texts that did, and the log
  says so without the text.
- Rasa's own features of a response (a {slot} fill-in, buttons) work as before.
- Both endpoint files choose it, for a folder the image has.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from spoorwijzer_rasa.response_texts import ResponseTextsFromDisk
from tests.server.toy_nlu import train_toy_rules_model

ROOT = Path(__file__).resolve().parents[2]
CLASS = "spoorwijzer_rasa.response_texts.ResponseTextsFromDisk"

NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hallo
- intent: goodbye
  examples: |
    - doei
"""
RULES = """
version: "3.1"
rules:
- rule: groet
  steps:
  - intent: greet
  - action: utter_greet
- rule: afscheid
  steps:
  - intent: goodbye
  - action: utter_goodbye
"""


def domain_text(greet: str, goodbye: str | None = "Tot ziens!") -> str:
    responses = {"utter_greet": [{"text": greet}]}
    if goodbye is not None:
        responses["utter_goodbye"] = [{"text": goodbye}]
    return yaml.safe_dump(
        {"version": "3.1", "intents": ["greet", "goodbye"], "responses": responses}, allow_unicode=True
    )


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> str:
    return train_toy_rules_model(tmp_path_factory.mktemp("tekstproject"), domain_text("Hallo!"), NLU, RULES)


def on_disk(folder: Path, text: str) -> Path:
    """A domain folder as the project has one (several files), with `text` as its only file's content."""
    folder.mkdir(exist_ok=True)
    (folder / "general.yml").write_text(text)
    return folder


def agent_for(model: str, domain: Path) -> Agent:
    generator = EndpointConfig(type=CLASS, domain=str(domain), check_every_seconds=0)
    return Agent.load(
        model, generator=generator, tracker_store=InMemoryTrackerStore(None), lock_store=InMemoryLockStore()
    )


async def reply(agent: Agent, text: str, sender: str) -> list[str]:
    output = CollectingOutputChannel()
    await agent.handle_message(UserMessage(text, output, sender))
    return [message.get("text") for message in output.messages]


async def test_an_edited_text_is_the_next_reply_without_training(model, tmp_path):
    domain = on_disk(tmp_path / "domain", domain_text("Hallo!"))
    agent = agent_for(model, domain)
    sender = str(uuid.uuid4())
    assert isinstance(agent.nlg, ResponseTextsFromDisk)
    assert await reply(agent, "hallo", sender) == ["Hallo!"]

    on_disk(domain, domain_text("Goedendag, waar kan ik je mee helpen?"))
    assert await reply(agent, "hallo", sender) == ["Goedendag, waar kan ik je mee helpen?"]


async def test_a_name_the_files_no_longer_have_keeps_the_models_text(model, tmp_path):
    domain = on_disk(tmp_path / "domain", domain_text("Hallo!", goodbye=None))
    agent = agent_for(model, domain)
    assert await reply(agent, "doei", str(uuid.uuid4())) == ["Tot ziens!"]


async def test_a_domain_that_does_not_load_keeps_the_last_texts_and_logs_no_text(model, tmp_path, caplog):
    domain = on_disk(tmp_path / "domain", domain_text("Hallo!"))
    agent = agent_for(model, domain)
    sender = str(uuid.uuid4())
    on_disk(domain, domain_text("Welkom terug"))
    assert await reply(agent, "hallo", sender) == ["Welkom terug"]

    (domain / "general.yml").write_text("responses:\n  utter_greet:\n    - text: 'Geheime halve zin\n")  # a typo
    with caplog.at_level(logging.DEBUG, logger="spoorwijzer_rasa.response_texts"):
        assert await reply(agent, "hallo", sender) == ["Welkom terug"]
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "laadt niet" in logged and "Geheime" not in logged

    on_disk(domain, domain_text("Weer goed"))
    assert await reply(agent, "hallo", sender) == ["Weer goed"]


async def test_rasas_fill_ins_and_buttons_work_as_before(tmp_path):
    text = yaml.safe_dump(
        {
            "version": "3.1",
            "slots": {"rol": {"type": "text", "mappings": [{"type": "custom"}]}},
            "responses": {
                "utter_rol": [{"text": "Je rol: {rol}", "buttons": [{"title": "Klopt", "payload": "/affirm"}]}]
            },
        }
    )
    generator = ResponseTextsFromDisk(EndpointConfig(type=CLASS, domain=str(on_disk(tmp_path / "d", text))))
    domain = Domain.from_yaml(text)
    tracker = DialogueStateTracker.from_events("s", [], domain.slots)
    tracker.slots["rol"].value = "hr"
    message = await generator.generate("utter_rol", tracker, "rest")
    assert message["text"] == "Je rol: hr"
    assert message["buttons"] == [{"title": "Klopt", "payload": "/affirm"}]


def test_only_a_change_makes_it_load_the_files_again(tmp_path, monkeypatch):
    domain = on_disk(tmp_path / "domain", domain_text("Hallo!"))
    generator = ResponseTextsFromDisk(EndpointConfig(type=CLASS, domain=str(domain), check_every_seconds=0))
    loads = []
    real_load = Domain.load
    monkeypatch.setattr(Domain, "load", staticmethod(lambda path: loads.append(path) or real_load(path)))
    for _ in range(5):
        assert generator.responses["utter_greet"] == [{"text": "Hallo!"}]
    assert loads == []
    on_disk(domain, domain_text("Hoi"))
    assert generator.responses["utter_greet"] == [{"text": "Hoi"}]
    assert len(loads) == 1


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "deploy/endpoints.yml"])
def test_both_set_ups_choose_it_for_the_domain_folder(endpoints):
    nlg = yaml.safe_load((ROOT / endpoints).read_text())["nlg"]
    assert nlg["type"] == CLASS
    assert (ROOT / nlg["domain"]).is_dir()  # the image copies domain/ (deploy/Dockerfile), not the link
    assert "COPY domain/ domain/" in (ROOT / "deploy" / "Dockerfile").read_text()
    generator = NaturalLanguageGenerator.create(EndpointConfig.from_dict(nlg), None)
    assert isinstance(generator, ResponseTextsFromDisk)
    assert generator.responses["utter_faq/spoor_1"][0]["text"]  # the project's own answers, from the files
