"""Fixes 5 and 6 (spoorwijzer_rasa/patches.py): faster training, the same examples learned from.

Fix 5 reorders the examples of each epoch so that a batch holds messages of similar length; it must
keep every example Rasa chose for the epoch (balancing repeats rare intents), keep a last, smaller
batch last, and leave less padding. Fix 6 creates the variables before Keras' first training step,
so that the step is traced once instead of twice, with the same variables as stock Rasa.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import numpy as np
import pytest
from rasa.core.agent import Agent
from rasa.utils.tensorflow.constants import BALANCED, SEQUENCE_LENGTH
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import FeatureArray, RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from spoorwijzer_rasa import patches
from toy_nlu import train_toy_model


def padded_size(lengths: np.ndarray, batches: list) -> int:
    """What a training epoch computes: every batch is as long as its longest message."""
    return sum(lengths[batch].max() * len(batch) for batch in map(np.asarray, batches) if len(batch))


def padded_positions(lengths: np.ndarray, order: np.ndarray, batch_size: int) -> int:
    return padded_size(lengths, [order[i : i + batch_size] for i in range(0, len(order), batch_size)])


ORDER_CASES = [
    # name, lengths, batch size, window
    ("short and long messages mixed", [8, 60, 5, 9, 41, 7, 6, 55, 8, 12, 3, 30, 9, 8, 44, 6], 4, 2),
    ("a last batch that is not full", [8, 60, 5, 9, 41, 7, 6, 55, 8, 12, 3], 4, 2),
    ("one window for everything", [20, 3, 17, 4, 9, 11], 2, 10),
    ("fewer examples than one batch", [5, 1, 9], 8, 4),
    ("all of the same length", [7] * 12, 4, 4),
    ("no examples", [], 4, 4),
]


@pytest.mark.parametrize("name, lengths, batch_size, window", ORDER_CASES, ids=[c[0] for c in ORDER_CASES])
def test_similar_length_order_keeps_every_example_and_pads_less(name, lengths, batch_size, window):
    lengths = np.array(lengths, dtype=int)
    order = patches.similar_length_order(lengths, batch_size, window, np.random.RandomState(3))
    assert sorted(order.tolist()) == list(range(len(lengths)))  # a permutation: nothing lost or doubled
    rasa_order = np.arange(len(lengths))
    assert padded_positions(lengths, order, batch_size) <= padded_positions(lengths, rasa_order, batch_size)
    full = len(lengths) // batch_size
    if len(lengths) % batch_size:  # the smaller batch stays last, where Rasa looks for it
        window_of_last = range((len(lengths) // (batch_size * window)) * batch_size * window, len(lengths))
        assert set(order[full * batch_size :].tolist()) <= set(window_of_last)


def test_similar_length_order_pads_much_less_on_messages_like_ours():
    # Our data: most messages about 8 tokens, one in nine a long reader question.
    rng = np.random.RandomState(0)
    lengths = np.where(rng.rand(1300) < 0.11, rng.randint(30, 62, 1300), rng.randint(2, 16, 1300))
    order = patches.similar_length_order(lengths, 64, patches.SIMILAR_LENGTH_WINDOW, rng)
    rasa_order = np.arange(len(lengths))
    assert padded_positions(lengths, order, 64) < 0.7 * padded_positions(lengths, rasa_order, 64)


def test_similar_length_order_is_reproducible_with_the_same_seed():
    lengths = np.random.RandomState(1).randint(1, 50, 200)
    first = patches.similar_length_order(lengths, 16, 4, np.random.RandomState(7))
    again = patches.similar_length_order(lengths, 16, 4, np.random.RandomState(7))
    assert first.tolist() == again.tolist()


def model_data(lengths: list[int], labels: list[int]) -> RasaModelData:
    """Model data as DIET builds it: per example its id, its text length and its intent label."""
    ids = FeatureArray(np.array([[i] for i in range(len(lengths))], dtype=float), number_of_dimensions=2)
    sizes = FeatureArray(np.array(lengths), number_of_dimensions=1)
    label_ids = FeatureArray(np.array([[label] for label in labels], dtype=float), number_of_dimensions=2)
    return RasaModelData(
        label_key="label",
        label_sub_key="ids",
        data={
            "example": {"ids": [ids]},
            "text": {SEQUENCE_LENGTH: [sizes]},
            "label": {"ids": [label_ids]},
        },
    )


def epochs_of_batches(generator: RasaBatchDataGenerator, epochs: int, seed: int) -> list[list[list[int]]]:
    result = []
    for epoch in range(epochs):
        np.random.seed(seed + epoch)
        generator.on_epoch_end()
        result.append([[int(row[0]) for row in generator[i][0][0]] for i in range(len(generator))])
    return result


def test_an_epoch_learns_from_the_same_examples_as_with_rasas_order(monkeypatch):
    rng = np.random.RandomState(5)
    lengths = rng.randint(2, 60, 90).tolist()
    labels = [0] * 60 + [1] * 25 + [2] * 5  # unbalanced: Rasa repeats the rare intent
    data = model_data(lengths, labels)

    def generator():
        return RasaBatchDataGenerator(data, batch_size=[8, 16], epochs=3, batch_strategy=BALANCED, shuffle=True)

    monkeypatch.setattr(RasaBatchDataGenerator, "_shuffle_and_balance", patches.STOCK_SHUFFLE_AND_BALANCE)
    stock = epochs_of_batches(generator(), 3, seed=11)
    monkeypatch.setattr(RasaBatchDataGenerator, "_shuffle_and_balance", patches._shuffle_balance_and_group_by_length)
    fixed = epochs_of_batches(generator(), 3, seed=11)

    lengths = np.array(lengths)
    for stock_epoch, fixed_epoch in zip(stock, fixed):
        assert Counter(sum(fixed_epoch, [])) == Counter(sum(stock_epoch, []))  # same examples, as often
        assert [len(b) for b in fixed_epoch][-1] == [len(b) for b in stock_epoch][-1]
        assert padded_size(lengths, fixed_epoch) < padded_size(lengths, stock_epoch)


def test_evaluation_batches_keep_rasas_order(monkeypatch):
    data = model_data([5, 50, 3, 40, 2, 30], [0, 1, 0, 1, 0, 1])
    monkeypatch.setattr(RasaBatchDataGenerator, "_shuffle_and_balance", patches._shuffle_balance_and_group_by_length)
    generator = RasaBatchDataGenerator(data, batch_size=2, epochs=1, shuffle=False)
    assert [[int(r[0]) for r in generator[i][0][0]] for i in range(len(generator))] == [[0, 1], [2, 3], [4, 5]]


CONFIG = """
language: nl
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: DIETClassifier
    epochs: 3
    random_seed: 1
policies: []
"""


def train_and_watch(folder, monkeypatch, fit) -> dict:
    """Trains a small DIET model with `fit` as RasaModel.fit and reports what Keras did."""
    seen = {}

    def watching_fit(self, *args, **kwargs):
        history = fit(self, *args, **kwargs)
        seen["traces"] = self.train_function.experimental_get_tracing_count()
        seen["variables"] = sorted((v.name, tuple(v.shape)) for v in self.variables)
        # Made before Keras' step, outside its "Adam/" name scope; checkpoints go by object, not by name.
        seen["optimizer"] = sorted((v.name.removeprefix("Adam/"), tuple(v.shape)) for v in self.optimizer.variables)
        return history

    monkeypatch.setattr(RasaModel, "fit", watching_fit)
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(folder / "cache"))  # train, do not restore from Rasa's cache
    seen["model"] = train_toy_model(folder, CONFIG)
    return seen


def test_the_training_step_is_traced_once_with_the_same_variables(tmp_path, monkeypatch):
    (tmp_path / "stock").mkdir()
    (tmp_path / "fixed").mkdir()
    stock = train_and_watch(tmp_path / "stock", monkeypatch, patches.STOCK_FIT)
    fixed = train_and_watch(tmp_path / "fixed", monkeypatch, patches._fit_with_variables_made_first)
    assert stock["traces"] == 2  # what the fix is for: Keras traces again after creating variables
    assert fixed["traces"] == 1
    assert fixed["variables"] == stock["variables"]
    assert fixed["optimizer"] == stock["optimizer"]
    # Rasa's own loading (which trains one step and restores the optimizer too) takes the model.
    monkeypatch.setattr(RasaModel, "load", classmethod(patches.STOCK_LOAD_MODEL))
    monkeypatch.setattr(RasaModel, "fit", patches.STOCK_FIT)
    parsed = asyncio.run(Agent.load(fixed["model"]).parse_message("hallo"))
    assert parsed["intent"]["name"] in {"greet", "inform_sick_date", "faq"}


@pytest.mark.parametrize(
    "arguments, environ, wanted",
    [
        (["train", "--config", "config.yml"], {}, True),  # the default: scripts/train.sh, make run, make test
        (["train", "nlu"], {}, True),  # make bench-nlu
        (["train"], {"SPOORWIJZER_FAST_TRAINING": "1"}, True),
        (["train"], {"SPOORWIJZER_FAST_TRAINING": "0"}, False),  # to train as stock Rasa does, for a comparison
        (["run", "--model", "models"], {}, False),  # a server loads without training (fix 4)
        ([], {}, False),
    ],
)
def test_training_fixes_are_on_for_training_unless_switched_off(arguments, environ, wanted):
    assert patches.training_fixes_wanted(arguments, environ) is wanted


def test_serving_fixes_leave_training_stock(monkeypatch):
    monkeypatch.setattr(RasaBatchDataGenerator, "_shuffle_and_balance", patches.STOCK_SHUFFLE_AND_BALANCE)
    monkeypatch.setattr(RasaModel, "fit", patches.STOCK_FIT)
    monkeypatch.setattr(RasaModel, "load", classmethod(patches.STOCK_LOAD_MODEL))
    patches.install()  # fixes 1-4 only: what a server (and SPOORWIJZER_FAST_TRAINING=0) gets
    assert RasaBatchDataGenerator._shuffle_and_balance is patches.STOCK_SHUFFLE_AND_BALANCE
    assert RasaModel.fit is patches.STOCK_FIT
    patches.install_training_fixes()
    assert RasaBatchDataGenerator._shuffle_and_balance is patches._shuffle_balance_and_group_by_length
    assert RasaModel.fit is patches._fit_with_variables_made_first


def test_training_fixes_refuse_another_rasa(monkeypatch):
    monkeypatch.setattr(patches.rasa, "__version__", "3.6.20")
    with pytest.raises(RuntimeError, match="3.6.21"):
        patches.install_training_fixes()
