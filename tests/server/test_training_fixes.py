"""Training of our DIET and ResponseSelector (components/diet.py): faster, the same examples learned from.

Batches of similar length (SimilarLengthBatches) reorder the examples of each epoch so that a batch holds
messages of similar length; they must keep every example Rasa chose for the epoch (balancing repeats rare
intents), keep a last, smaller batch last, and leave less padding. They must also give exactly the order
the runtime patch of #18 gave (Rasa's shuffled, balanced epoch, then reordered with the same random
numbers), so that a model trained with the components is the model trained before #28 step 8.
One trace (LeanLoading.fit) creates the variables before Keras' first training step, so that the step is
traced once instead of twice, with the same variables as Rasa's own classes. SPOORWIJZER_FAST_TRAINING=0
trains exactly as Rasa's own classes do.
"""

from __future__ import annotations

import asyncio
import warnings
from collections import Counter

import numpy as np
import pytest
from rasa.core.agent import Agent
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.utils.tensorflow.constants import BALANCED, SEQUENCE, SEQUENCE_LENGTH
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import FeatureArray, RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from components import diet
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
    order = diet.similar_length_order(lengths, batch_size, window, np.random.RandomState(3))
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
    order = diet.similar_length_order(lengths, 64, diet.SIMILAR_LENGTH_WINDOW, rng)
    rasa_order = np.arange(len(lengths))
    assert padded_positions(lengths, order, 64) < 0.7 * padded_positions(lengths, rasa_order, 64)


def test_similar_length_order_is_reproducible_with_the_same_seed():
    lengths = np.random.RandomState(1).randint(1, 50, 200)
    first = diet.similar_length_order(lengths, 16, 4, np.random.RandomState(7))
    again = diet.similar_length_order(lengths, 16, 4, np.random.RandomState(7))
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


LENGTHS = np.random.RandomState(5).randint(2, 60, 90).tolist()
LABELS = [0] * 60 + [1] * 25 + [2] * 5  # unbalanced: Rasa repeats the rare intent


def generator(data: RasaModelData, strategy: str = BALANCED) -> RasaBatchDataGenerator:
    return RasaBatchDataGenerator(data, batch_size=[8, 16], epochs=3, batch_strategy=strategy, shuffle=True)


def test_an_epoch_learns_from_the_same_examples_as_with_rasas_order():
    data = model_data(LENGTHS, LABELS)
    stock = epochs_of_batches(generator(data), 3, seed=11)
    ours = epochs_of_batches(generator(diet.SimilarLengthBatches.of(data)), 3, seed=11)
    lengths = np.array(LENGTHS)
    for stock_epoch, our_epoch in zip(stock, ours):
        assert Counter(sum(our_epoch, [])) == Counter(sum(stock_epoch, []))  # same examples, as often
        assert [len(b) for b in our_epoch][-1] == [len(b) for b in stock_epoch][-1]
        assert padded_size(lengths, our_epoch) < padded_size(lengths, stock_epoch)


def test_the_order_is_exactly_that_of_the_runtime_patch_it_replaces():
    # #18's patch: Rasa's own shuffled, balanced epoch, then similar_length_order with the same global
    # random numbers. The same order means the same trained model (measured in docs/benchmarks.md).
    data = model_data(LENGTHS, LABELS)

    class PatchOf18(RasaBatchDataGenerator):
        def _shuffle_and_balance(self, batch_size):
            epoch = super()._shuffle_and_balance(batch_size)
            order = diet.similar_length_order(np.asarray(epoch["text"][SEQUENCE_LENGTH][0]), batch_size, 4)
            return RasaModelData._data_for_ids(epoch, order)

    np.random.seed(3)
    before = epochs_of_batches(PatchOf18(data, batch_size=[8, 16], epochs=3, batch_strategy=BALANCED), 3, seed=11)
    np.random.seed(3)
    now = epochs_of_batches(generator(diet.SimilarLengthBatches.of(data)), 3, seed=11)
    assert now == before
    np.random.seed(3)
    assert epochs_of_batches(generator(data), 3, seed=11) != before  # Rasa's own order is another one


def test_evaluation_and_the_sequence_strategy_keep_rasas_order():
    def unshuffled(data):
        batches = RasaBatchDataGenerator(data, batch_size=2, epochs=1, shuffle=False, batch_strategy=BALANCED)
        return [[int(r[0]) for r in batches[i][0][0]] for i in range(len(batches))]

    data = model_data([5, 50, 3, 40, 2, 30], [0, 1, 0, 1, 0, 1])
    assert unshuffled(diet.SimilarLengthBatches.of(data)) == unshuffled(data) == [[0, 2], [1, 3], [4, 5]]
    plain = model_data(LENGTHS, LABELS)
    np.random.seed(2)
    stock = epochs_of_batches(generator(plain, SEQUENCE), 2, seed=4)
    np.random.seed(2)
    assert epochs_of_batches(generator(diet.SimilarLengthBatches.of(plain), SEQUENCE), 2, seed=4) == stock


def test_a_split_for_evaluation_keeps_the_order_in_both_parts():
    data = diet.SimilarLengthBatches.of(model_data(LENGTHS, LABELS))
    train, test = data.split(9, 1)
    assert isinstance(train, diet.SimilarLengthBatches) and isinstance(test, diet.SimilarLengthBatches)
    assert train.num_examples + test.num_examples == len(LENGTHS)


CONFIG = """
language: nl
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: {name}
    epochs: 3
    batch_size: [2, 4]
    random_seed: 1
policies: []
"""


def train_and_watch(folder, monkeypatch, name: str, fast: bool) -> dict:
    """Trains a small DIET model with the component `name` and reports what Keras did."""
    seen = {}
    keras_fit = RasaModel.fit  # Keras' own; our models' fit calls it after their own step

    def watching_fit(self, *args, **kwargs):
        history = keras_fit(self, *args, **kwargs)
        seen["traces"] = self.train_function.experimental_get_tracing_count()
        seen["variables"] = sorted((v.name, tuple(v.shape)) for v in self.variables)
        # Made before Keras' step, outside its "Adam/" name scope; checkpoints go by object, not by name.
        seen["optimizer"] = sorted((v.name.removeprefix("Adam/"), tuple(v.shape)) for v in self.optimizer.variables)
        return history

    folder.mkdir()
    monkeypatch.setattr(RasaModel, "fit", watching_fit)
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(folder / "cache"))  # train, do not restore from Rasa's cache
    monkeypatch.setenv("SPOORWIJZER_FAST_TRAINING", "1" if fast else "0")
    seen["model"] = train_toy_model(folder, CONFIG.format(name=name))
    monkeypatch.setattr(RasaModel, "fit", keras_fit)
    agent = Agent.load(seen["model"])
    seen["predictions"] = [
        asyncio.run(agent.parse_message(text))["intent_ranking"] for text in ("hallo", "wat is spoor 2", "ziek")
    ]
    return seen


@pytest.fixture(scope="module")
def trainings(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("trainings")
    try:
        return {
            "rasa": train_and_watch(folder / "rasa", monkeypatch, "DIETClassifier", fast=True),
            "ours": train_and_watch(folder / "ours", monkeypatch, "components.diet.SpoorwijzerDIETClassifier", True),
            "ours, switched off": train_and_watch(
                folder / "off", monkeypatch, "components.diet.SpoorwijzerDIETClassifier", False
            ),
        }
    finally:
        monkeypatch.undo()


def test_the_training_step_is_traced_once_with_the_same_variables(trainings):
    rasa, ours = trainings["rasa"], trainings["ours"]
    assert rasa["traces"] == 2  # what LeanLoading.fit is for: Keras traces again after creating variables
    assert ours["traces"] == 1
    assert ours["variables"] == rasa["variables"]
    assert ours["optimizer"] == rasa["optimizer"]


def test_switched_off_our_components_train_exactly_as_rasas_own(trainings):
    assert trainings["ours, switched off"]["traces"] == 2
    assert trainings["ours, switched off"]["predictions"] == trainings["rasa"]["predictions"]
    assert trainings["ours"]["predictions"] != trainings["rasa"]["predictions"]  # batches of similar length


def test_the_switch_is_part_of_rasas_cache_key(monkeypatch):
    monkeypatch.setenv("SPOORWIJZER_FAST_TRAINING", "1")
    fast = diet.SpoorwijzerDIETClassifier.fingerprint_addon({})
    monkeypatch.setenv("SPOORWIJZER_FAST_TRAINING", "0")
    assert diet.SpoorwijzerDIETClassifier.fingerprint_addon({}) != fast
    assert diet.SpoorwijzerResponseSelector.fingerprint_addon({}) != fast


def test_rasas_false_alarms_about_our_classes_are_dropped_and_nothing_else():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        diet.drop_rasas_false_alarms()
        for alarm in diet.RASAS_FALSE_ALARMS:  # as Rasa writes them (rasa.shared.utils.io.raise_warning)
            warnings.warn(alarm + ". To extract non-pretrained entities, add …", UserWarning, stacklevel=1)
        warnings.warn(
            "You have defined training data with regexes, but your NLU configuration …", UserWarning, stacklevel=1
        )
        warnings.warn("You have defined training data consisting of lookup tables, but …", UserWarning, stacklevel=1)
    assert [str(w.message)[:50] for w in seen] == [
        "You have defined training data with regexes, but y",
        "You have defined training data consisting of looku",
    ]


def test_our_entities_name_dietclassifier_as_their_extractor():
    component = diet.SpoorwijzerDIETClassifier.__new__(diet.SpoorwijzerDIETClassifier)
    assert component.add_extractor_name([{"entity": "sick_date"}])[0]["extractor"] == DIETClassifier.__name__
