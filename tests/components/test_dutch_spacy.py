"""The Dutch spaCy tokenizer: Dutch tokens and lemmas, and no silent backend switch."""

from __future__ import annotations

import json

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import components.dutch_spacy as dutch_spacy
from components.dutch_spacy import BACKEND_FILE, DutchSpacyTokenizer, SpacyBackendMismatch, detect_backend


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


@pytest.fixture
def context():
    return ExecutionContext(GraphSchema({}), "test")


TOKENIZER = Resource("tokenizer")


def _tokenizer(storage, context, resource=TOKENIZER):
    return DutchSpacyTokenizer.create(DutchSpacyTokenizer.get_default_config(), storage, resource, context)


def test_dutch_tokens_and_lemmas(storage, context):
    message = Message.build(text="Ik zit in m'n re-integratietraject, zegt de bedrijfsarts.")
    _tokenizer(storage, context).process([message])
    tokens = message.get("text_tokens")
    assert [t.text for t in tokens] == [
        "Ik",
        "zit",
        "in",
        "m'n",
        "re-integratietraject",
        ",",
        "zegt",
        "de",
        "bedrijfsarts",
        ".",
    ]
    assert {t.text: t.lemma for t in tokens}["zegt"] == "zeggen"
    assert tokens[4].start == 14 and tokens[4].end == 34  # offsets into the original text


def test_small_numbers_get_a_word_lemma_so_spoor_1_and_2_differ(storage, context):
    message = Message.build(text="wat is spoor 2 en spoor 1")
    _tokenizer(storage, context).process([message])
    lemmas = [t.lemma for t in message.get("text_tokens")]
    assert lemmas[3] == "twee" and lemmas[-1] == "een"


def test_empty_message_has_no_tokens(storage, context):
    message = Message.build(text="")
    _tokenizer(storage, context).process([message])
    assert message.get("text_tokens") == []


def test_backend_is_part_of_the_fingerprint():
    assert DutchSpacyTokenizer.fingerprint_addon({}).startswith(detect_backend().ident + ";")


def test_trained_model_loads_with_the_same_backend(storage, context):
    resource = Resource("tokenizer")
    _tokenizer(storage, context, resource).train(TrainingData())
    loaded = DutchSpacyTokenizer.load({}, storage, resource, context)
    assert loaded.backend == detect_backend()


def test_model_trained_with_another_backend_does_not_load(storage, context):
    resource = Resource("tokenizer")
    _tokenizer(storage, context, resource).train(TrainingData())
    with storage.write_to(resource) as directory:  # as if trained where the other backend was installed
        other = "nl_core_news_sm" if detect_backend().name == "blank_nl_lookup" else "blank_nl_lookup"
        (directory / BACKEND_FILE).write_text(json.dumps({"name": other, "version": "0"}))
    with pytest.raises(SpacyBackendMismatch, match="Train het model opnieuw"):
        DutchSpacyTokenizer.load({}, storage, resource, context)


def _pretend_installed(monkeypatch, spacy_version_required: str) -> None:
    """As if nl_core_news_sm were installed (it cannot be downloaded in this environment)."""
    import spacy

    real_version = dutch_spacy.metadata.version
    monkeypatch.setattr(
        dutch_spacy.metadata,
        "version",
        lambda name: "3.4.0" if name == "nl_core_news_sm" else real_version(name),
    )
    monkeypatch.setattr(spacy.util, "get_package_path", lambda name: "/nowhere")
    monkeypatch.setattr(spacy.util, "get_model_meta", lambda path: {"spacy_version": spacy_version_required})


def test_installed_matching_pipeline_is_preferred(monkeypatch):
    _pretend_installed(monkeypatch, ">=3.4.0,<3.5.0")
    assert detect_backend() == dutch_spacy.Backend("nl_core_news_sm", "3.4.0")


def test_installed_pipeline_for_another_spacy_falls_back(monkeypatch):
    _pretend_installed(monkeypatch, ">=3.7.0,<3.8.0")
    assert detect_backend().name == "blank_nl_lookup"
