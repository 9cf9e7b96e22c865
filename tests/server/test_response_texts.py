"""The words of a fixed answer from the domain files as they are now (spoorwijzer_rasa/response_texts.py,
issue #27: "changing an answer's text costs seconds, not a full retraining").

- Through Rasa itself: a real Agent with a trained (toy) model and its real MessageProcessor,
  RulePolicy and response action. An edited text is the next reply, without training; a name the
  files no longer have keeps the model's text.
- With the project's own domain and endpoints.yml: a fixed answer (`utter_faq/…`) gets the words on
  disk; every other response (the crisis reply) and everything but the words (buttons, custom data)
  stay the model's.
- A file that does not load while someone edits it (a YAML typo, no domain key, an empty file) keeps
  the last texts that did, and the log names the file without its content.
- Files are read again only after a change.
"""

from __future__ import annotations

import logging
import shutil
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
    # The toy has no retrieval intent; its plain responses stand in for the fixed answers here.
    generator = EndpointConfig(type=CLASS, domain=str(domain), check_every_seconds=0, responses_starting_with="utter_")
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


@pytest.mark.parametrize(
    "broken",
    [
        "responses:\n  utter_greet:\n    - text: 'Geheime halve zin\n",  # a YAML typo
        "respones:\n  utter_greet:\n    - text: Geheime tekst\n",  # no domain key: Rasa skips it silently
        "",  # an empty file
        "- Geheime lijst\n",  # not a mapping
    ],
)
async def test_a_domain_that_does_not_load_keeps_the_last_texts_and_logs_no_text(model, tmp_path, caplog, broken):
    domain = on_disk(tmp_path / "domain", domain_text("Hallo!"))
    agent = agent_for(model, domain)
    sender = str(uuid.uuid4())
    on_disk(domain, domain_text("Welkom terug"))
    assert await reply(agent, "hallo", sender) == ["Welkom terug"]

    (domain / "general.yml").write_text(broken)
    with caplog.at_level(logging.DEBUG, logger="spoorwijzer_rasa.response_texts"):
        assert await reply(agent, "hallo", sender) == ["Welkom terug"]
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "general.yml laadt niet" in logged and "Geheime" not in logged

    on_disk(domain, domain_text("Weer goed"))
    assert await reply(agent, "hallo", sender) == ["Weer goed"]


@pytest.fixture
def project_copy(tmp_path, monkeypatch) -> tuple[Path, ResponseTextsFromDisk]:
    """A copy of the project's domain, read as endpoints.yml says, over the project's domain as the model's."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "domain", tmp_path / "domain")
    nlg = dict(yaml.safe_load((ROOT / "endpoints.yml").read_text())["nlg"], check_every_seconds=0)
    generator = NaturalLanguageGenerator.create(EndpointConfig.from_dict(nlg), None)
    generator.responses = Domain.load(str(ROOT / "domain")).responses  # as Rasa's Agent does with a model
    return tmp_path / "domain", generator


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_a_fixed_answer_gets_the_words_on_disk_and_nothing_else_changes(project_copy):
    domain, generator = project_copy
    assert isinstance(generator, ResponseTextsFromDisk)
    model_crisis = generator.responses["utter_crisis"]
    edit(domain / "faq.yml", "**Spoor 1** betekent", "**Spoor 1** wil zeggen")
    edit(domain / "crisis.yml", "113", "999")
    assert generator.responses["utter_faq/spoor_1"][0]["text"].startswith("**Spoor 1** wil zeggen")
    assert generator.responses["utter_crisis"] == model_crisis  # not a fixed answer: the model's


def test_only_the_words_come_from_disk_not_buttons_or_custom_data(tmp_path):
    model = {"utter_faq/x": [{"text": "Oud", "buttons": [{"title": "Ja", "payload": "/affirm"}], "custom": {"a": 1}}]}
    on_disk(tmp_path / "d", yaml.safe_dump({"responses": {"utter_faq/x": [{"text": "Nieuw"}]}}))
    generator = ResponseTextsFromDisk(EndpointConfig(type=CLASS, domain=str(tmp_path / "d")))
    generator.responses = model
    assert generator.responses["utter_faq/x"] == [
        {"text": "Nieuw", "buttons": [{"title": "Ja", "payload": "/affirm"}], "custom": {"a": 1}}
    ]


def test_variants_that_no_longer_match_one_to_one_keep_the_models_text(tmp_path):
    model = {"utter_faq/x": [{"text": "Een"}, {"text": "Twee"}]}
    on_disk(tmp_path / "d", yaml.safe_dump({"responses": {"utter_faq/x": [{"text": "Alleen nog één"}]}}))
    generator = ResponseTextsFromDisk(EndpointConfig(type=CLASS, domain=str(tmp_path / "d")))
    generator.responses = model
    assert generator.responses["utter_faq/x"] == model["utter_faq/x"]


async def test_rasas_fill_ins_work_with_the_words_on_disk(tmp_path):
    text = yaml.safe_dump(
        {
            "version": "3.1",
            "slots": {"rol": {"type": "text", "mappings": [{"type": "custom"}]}},
            "responses": {"utter_faq/rol": [{"text": "Je rol: {rol}"}]},
        }
    )
    generator = ResponseTextsFromDisk(EndpointConfig(type=CLASS, domain=str(on_disk(tmp_path / "d", text))))
    generator.responses = {"utter_faq/rol": [{"text": "Rol: {rol}"}]}
    domain = Domain.from_yaml(text)
    tracker = DialogueStateTracker.from_events("s", [], domain.slots)
    tracker.slots["rol"].value = "hr"
    message = await generator.generate("utter_faq/rol", tracker, "rest")
    assert message["text"] == "Je rol: hr"


def test_only_a_change_makes_it_read_the_files_again(tmp_path, monkeypatch):
    from spoorwijzer_rasa import response_texts

    domain = on_disk(tmp_path / "domain", domain_text("Hallo!"))
    generator = ResponseTextsFromDisk(
        EndpointConfig(type=CLASS, domain=str(domain), check_every_seconds=0, responses_starting_with="utter_")
    )
    generator.responses = {"utter_greet": [{"text": "Model"}]}
    reads = []
    real_texts_in = response_texts._texts_in
    monkeypatch.setattr(response_texts, "_texts_in", lambda path: reads.append(path) or real_texts_in(path))
    for _ in range(5):
        assert generator.responses["utter_greet"] == [{"text": "Hallo!"}]
    assert reads == []
    on_disk(domain, domain_text("Hoi"))
    assert generator.responses["utter_greet"] == [{"text": "Hoi"}]
    assert len(reads) == 1


def test_within_a_second_it_does_not_even_look(tmp_path, monkeypatch):
    from spoorwijzer_rasa import response_texts

    clock = [1000.0]
    monkeypatch.setattr(response_texts.time, "monotonic", lambda: clock[0])
    domain = on_disk(tmp_path / "domain", domain_text("Hallo!"))
    generator = ResponseTextsFromDisk(EndpointConfig(type=CLASS, domain=str(domain), responses_starting_with="utter_"))
    generator.responses = {"utter_greet": [{"text": "Model"}]}
    on_disk(domain, domain_text("Hoi"))
    clock[0] += 0.9
    assert generator.responses["utter_greet"] == [{"text": "Hallo!"}]  # the default: once a second
    clock[0] += 0.2
    assert generator.responses["utter_greet"] == [{"text": "Hoi"}]


def test_make_run_chooses_it_and_the_image_does_not():
    """The image's files are those its model was trained on; there the model's texts stay (and a model
    loaded later over Rasa's API keeps its own)."""
    assert yaml.safe_load((ROOT / "endpoints.yml").read_text())["nlg"]["type"] == CLASS
    assert "nlg" not in yaml.safe_load((ROOT / "deploy" / "endpoints.yml").read_text())
