"""Loading without a training step (components/diet.py, LeanLoading.load) predicts exactly as Rasa's own loading.

A small model with our DIET and ResponseSelector is trained here (well under a minute), then loaded
twice: with Rasa's own `RasaModel.load` (compile, fit one step, load the weights) and with ours. Both
must give the same intents, confidences, entities and chosen answers, to the last bit.
"""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.nlu.classifiers.diet_classifier import DIET
from rasa.nlu.selectors.response_selector import DIET2BOW
from rasa.utils.tensorflow.models import RasaModel

from components import diet
from toy_nlu import toy_nlu_config, train_toy_model

CONFIG = toy_nlu_config(
    """
  - name: components.diet.SpoorwijzerDIETClassifier
    epochs: 40
    random_seed: 1
  - name: components.diet.SpoorwijzerResponseSelector
    retrieval_intent: faq
    epochs: 40
    random_seed: 1
"""
)
MESSAGES = ["hallo", "ik ben sinds 3 maart ziek", "wat is spoor 2", "wia aanvragen", "iets heel anders"]
RASAS_OWN_LOAD = RasaModel.load.__func__  # a classmethod: the function, to call with any class


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
            "entities": [(e["entity"], e["value"], e["extractor"]) for e in result["entities"]],
            "answer": result["response_selector"]["faq"]["response"],
            "answers": result["response_selector"]["faq"]["ranking"],
        }
        for result in results
    ]


def watch_rasas_own_load(monkeypatch) -> list[str]:
    """Records every model that Rasa's own loading (the training step) loads."""
    used = []

    def rasas_own(cls, *args, **kwargs):
        used.append(cls.__name__)
        return RASAS_OWN_LOAD(cls, *args, **kwargs)

    monkeypatch.setattr(RasaModel, "load", classmethod(rasas_own))
    return used


def test_our_components_use_the_lean_models():
    assert issubclass(diet.LeanDIET, DIET) and issubclass(diet.LeanDIET2BOW, DIET2BOW)
    assert diet.SpoorwijzerDIETClassifier.model_class() is diet.LeanDIET
    assert diet.SpoorwijzerResponseSelector.model_class(False) is diet.LeanDIET2BOW
    assert diet.SpoorwijzerResponseSelector.model_class(True) is diet.LeanDIET2DIET


def test_loading_without_a_training_step_predicts_exactly_as_rasas_own_loading(trained_model, monkeypatch):
    used = watch_rasas_own_load(monkeypatch)
    monkeypatch.setattr(
        diet.LeanLoading, "load", classmethod(lambda cls, *a, **k: RasaModel.load.__func__(cls, *a, **k))
    )
    stock = predictions(trained_model)
    assert sorted(used) == ["LeanDIET", "LeanDIET2BOW"]  # the comparison really went through Rasa's loading
    monkeypatch.undo()
    used = watch_rasas_own_load(monkeypatch)
    lean = predictions(trained_model)
    assert used == []  # both models came from our loading, not from Rasa's training step
    assert lean == stock
    assert stock[0]["intent"]["name"] == "greet"  # a real model, not an empty one
    # The entities keep DIET's own extractor name, as with Rasa's class (rasa test nlu goes by it).
    assert ("sick_date", "3 maart", "DIETClassifier") in stock[1]["entities"]


def test_a_model_that_does_not_fit_the_checkpoint_is_loaded_rasas_way(trained_model, monkeypatch):
    # If any variable the model creates was not in the checkpoint, our loading must not guess.
    from tensorflow.python.checkpoint.checkpoint import CheckpointLoadStatus

    def mismatch(self):
        raise AssertionError("variable not in checkpoint")

    monkeypatch.setattr(CheckpointLoadStatus, "assert_existing_objects_matched", mismatch)
    used = watch_rasas_own_load(monkeypatch)
    assert predictions(trained_model)[0]["intent"]["name"] == "greet"
    assert sorted(used) == ["LeanDIET", "LeanDIET2BOW"]  # DIET and the ResponseSelector's model


@pytest.mark.parametrize(
    "why, finetune_mode, predict_example, config",
    [
        ("further training needs the optimizer", True, "example", {}),
        ("no example to create the variables with", False, None, {}),
        ("eager mode is set by the compile step ours skips", False, "example", {"run_eagerly": True}),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_cases_left_to_rasas_own_loading(why, finetune_mode, predict_example, config, monkeypatch):
    monkeypatch.setattr(RasaModel, "load", classmethod(lambda cls, *args, **kwargs: "rasa's own"))
    loaded = diet.LeanDIET.load("weights", "example", predict_example, finetune_mode, config=config)
    assert loaded == "rasa's own", why
