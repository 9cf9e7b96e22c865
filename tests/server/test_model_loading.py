"""Fix 4 (spoorwijzer_rasa/patches.py): a model loaded without Rasa's training step predicts exactly as stock.

A small DIET + ResponseSelector model is trained here (well under a minute), then loaded twice: with Rasa's
own `RasaModel.load` and with the fix. Both must give the same intents, confidences, entities and
chosen answers, to the last bit.
"""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.utils.tensorflow.models import RasaModel

from spoorwijzer_rasa import patches
from toy_nlu import train_toy_model

CONFIG = """
language: nl
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 2
    max_ngram: 4
  - name: DIETClassifier
    epochs: 40
    random_seed: 1
  - name: ResponseSelector
    retrieval_intent: faq
    epochs: 40
    random_seed: 1
policies: []
"""
MESSAGES = ["hallo", "ik ben sinds 3 maart ziek", "wat is spoor 2", "wia aanvragen", "iets heel anders"]


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory) -> str:
    return train_toy_model(tmp_path_factory.mktemp("model"), CONFIG)


def predictions(model: str) -> list[dict]:
    agent = Agent.load(model)
    results = [asyncio.run(agent.parse_message(text)) for text in MESSAGES]
    return [
        {
            "intent": result["intent"],
            "ranking": result["intent_ranking"],
            "entities": [(e["entity"], e["value"]) for e in result["entities"]],
            "answer": result["response_selector"]["faq"]["response"],
            "answers": result["response_selector"]["faq"]["ranking"],
        }
        for result in results
    ]


def test_loading_without_a_training_step_predicts_exactly_as_stock_rasa(trained_model, monkeypatch):
    monkeypatch.setattr(RasaModel, "load", classmethod(patches.STOCK_LOAD_MODEL))
    stock = predictions(trained_model)
    monkeypatch.setattr(RasaModel, "load", classmethod(patches._load_model_for_inference))
    calls = []
    monkeypatch.setattr(patches, "STOCK_LOAD_MODEL", lambda *a, **k: calls.append(a) or pytest.fail("stock"))
    patched = predictions(trained_model)
    assert calls == []  # both models came from the fix, not from Rasa's own loading
    assert patched == stock
    assert stock[0]["intent"]["name"] == "greet"  # a real model, not an empty one


def test_a_model_that_does_not_fit_the_checkpoint_is_loaded_the_stock_way(trained_model, monkeypatch):
    # If any variable the model creates was not in the checkpoint, the fix must not guess.
    from tensorflow.python.checkpoint.checkpoint import CheckpointLoadStatus

    def mismatch(self):
        raise AssertionError("variable not in checkpoint")

    monkeypatch.setattr(CheckpointLoadStatus, "assert_existing_objects_matched", mismatch)
    used_stock = []
    stock_load = patches.STOCK_LOAD_MODEL

    def counting_stock(*args, **kwargs):
        used_stock.append(args[0].__name__)
        return stock_load(*args, **kwargs)

    monkeypatch.setattr(patches, "STOCK_LOAD_MODEL", counting_stock)
    monkeypatch.setattr(RasaModel, "load", classmethod(patches._load_model_for_inference))
    assert predictions(trained_model)[0]["intent"]["name"] == "greet"
    assert sorted(used_stock) == ["DIET", "DIET2BOW"]  # DIET and the ResponseSelector's model


@pytest.mark.parametrize(
    "why, finetune_mode, predict_example, config",
    [
        ("further training needs the optimizer", True, "example", {}),
        ("no example to create the variables with", False, None, {}),
        ("eager mode is set by the compile step the fix skips", False, "example", {"run_eagerly": True}),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_cases_the_fix_leaves_to_stock_rasa(why, finetune_mode, predict_example, config, monkeypatch):
    monkeypatch.setattr(patches, "STOCK_LOAD_MODEL", lambda *args, **kwargs: "stock")
    loaded = patches._load_model_for_inference(
        RasaModel, "weights", "example", predict_example, finetune_mode, config=config
    )
    assert loaded == "stock", why


def test_install_loads_models_with_the_fix(monkeypatch):
    monkeypatch.setattr(RasaModel, "load", classmethod(patches.STOCK_LOAD_MODEL))
    patches.install()
    assert RasaModel.load.__func__ is patches._load_model_for_inference
