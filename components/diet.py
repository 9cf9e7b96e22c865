"""DIET and the ResponseSelector as Spoorwijzer trains and loads them (config.yml names these two).

They are Rasa's own DIETClassifier and ResponseSelector, with three changes made through the extension
points Rasa 3.6 gives a component: the class of its TensorFlow model (`model_class`), that model's
`fit` and `load`, and the model data its training batches are cut from (`preprocess_train_data`).
Each was measured in docs/benchmarks.md (issue #18; moved here from runtime patches in #28 step 8).

1. Loading without a training step (`LeanLoading.load`). To load a model, Rasa first trains it one
   step on one example (`RasaModel.load`: compile, fit, then load the weights), only to create its
   variables. That builds the training graph, Adam's two extra copies of every weight and the
   gradients: about 1 GB of a Rasa process that serves at 1.8 GB. Here the weights are restored
   without training: TensorFlow restores each variable from the checkpoint when the first prediction
   creates it, and every variable the model has must have been in the checkpoint (else Rasa's own
   loading runs instead). The predictions are the same to the last bit.
2. Batches of similar length (`SimilarLengthBatches`). Training pads every batch to its longest
   message. Rasa fills batches in random order, so nearly every batch holds one of the long reader
   questions (about 60 tokens, against a median of 8) and the transformer and the CRF run over mostly
   padding. Rasa's shuffled and balanced order is kept, but each window of SIMILAR_LENGTH_WINDOW
   batches is sorted by length before it is cut into batches, and the batches are then shuffled:
   every example Rasa chose for the epoch comes exactly as often, but messages of similar length
   share a batch. An epoch takes about 0.6-0.7 of the time. This changes which examples share a
   batch, so it changes the trained model (one equally seeded draw among equally good ones; the
   data's edge cases were chosen with it on, docs/benchmarks.md #18 part 4): it stays confined to
   these two components.
3. One trace of the training step (`LeanLoading.fit`). Keras builds a training step's graph twice
   when the first call creates variables: once to create them and once without. For DIET that
   second trace costs ~7 s of every training. The model's and the optimizer's variables are created
   before `fit`, with one forward pass on the first batch, so Keras traces the step once.
4. Fixed answers as DIET's labels (`answers_as_labels`, on in config.yml). Rasa gives every fixed answer
   the label `faq` and leaves the choice among them to the ResponseSelector: a second neural model of the
   same messages. With this option each fixed answer is a label of its own (`faq/<key>`), so DIET names
   intent and answer at once and no ResponseSelector is needed (components/answer_ranking.py turns a
   `faq/<key>` into what the dialogue reads). The labels are then one-hot: Rasa's features of an intent's
   name would give every `faq/<key>` the vector of "faq". Measured (docs/benchmarks.md, #27 step 4): as
   many right answers over three seeds, 40-100 s less training, ±7 ms less per turn (step 5). A
   situation told with more words ("ik ben zwanger en heb mijn been gebroken") then competes with the one
   fixed answer about that situation, not with `faq` as a whole, and can lose narrowly: the answer ranking
   reads such a statement as the situation (components/answer_ranking.py, `situatie_intent`). With the
   option off, SpoorwijzerResponseSelector chooses the answer as before.
5. Examples for the example classifier alone (`alleen_woordmodel` in an intent's metadata: real questions we have
   no answer for, components/example_classifier.py) are left out of DIET's and the ResponseSelector's training data.

SPOORWIJZER_FAST_TRAINING=0 (spoorwijzer_settings) switches 2 and 3 off, to train as Rasa's own
components do for a comparison; it is part of the components' cache key, so Rasa's cache never hands
out a model trained the other way. The entities keep "DIETClassifier" as their extractor, so what a
message carries (and `rasa test nlu`) is the same as with Rasa's own classes.
"""

from __future__ import annotations

import logging
import re
import warnings
from contextlib import contextmanager, nullcontext
from typing import Any, Dict, Iterator, Optional, Text, Tuple, Type

import numpy as np
import tensorflow as tf
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.nlu.selectors.response_selector import DIET2BOW, DIET2DIET, ResponseSelector
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RUN_EAGERLY, SEQUENCE_LENGTH
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import Data, RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from components.example_classifier import only_for_word_model
from spoorwijzer_settings import Training

logger = logging.getLogger(__name__)
# Rasa's check of config and training data (DefaultV1RecipeValidator) knows a response selector and an
# entity extractor by their exact class, not by subclass, so with the two classes below it warns at every
# training that the configuration has neither. Those two warnings (only that check writes them) are dropped.
# They would be true only for a configuration that names one of these classes but nothing that chooses a
# fixed answer (the ResponseSelector, or DIET with `answers_as_labels`) or extracts entities; config.yml
# has both (tests/server/test_runtime.py).
RASAS_FALSE_ALARMS = (
    "You have defined training data with examples for training a response selector, but your NLU "
    "configuration does not include a response selector component",
    "You have defined training data consisting of entity examples, but your NLU configuration does not "
    "include an entity extractor",
)


def drop_rasas_false_alarms() -> None:
    for alarm in RASAS_FALSE_ALARMS:
        warnings.filterwarnings("ignore", re.escape(alarm), UserWarning)


drop_rasas_false_alarms()  # Rasa imports this module when it reads config.yml, before its check runs

ANSWERS_AS_LABELS = "answers_as_labels"  # SpoorwijzerDIETClassifier: one label per fixed answer (4)

# Batches sorted by length together (2). Larger windows leave less padding but make batches less
# mixed; 4 trained as accurately as Rasa's order on the real questions (docs/benchmarks.md).
SIMILAR_LENGTH_WINDOW = 4


def fast_training() -> bool:
    """Changes 2 and 3 on (the default), or off with SPOORWIJZER_FAST_TRAINING=0."""
    return Training.from_environment().fast_training


def similar_length_order(lengths: np.ndarray, batch_size: int, window: int, rng: Any = np.random) -> np.ndarray:
    """Positions 0..n-1 in an order where each batch holds examples of similar length.

    Consecutive windows of `window` batches are sorted by length (stable, so ties keep the order they
    came in) and cut into batches; the full batches are then shuffled with `rng`. A last, smaller
    batch stays last: Rasa decides whether to keep it by its size.
    """
    n = len(lengths)
    chunk = batch_size * window
    order = (
        np.concatenate(
            [start + np.argsort(lengths[start : start + chunk], kind="stable") for start in range(0, n, chunk)]
        )
        if n
        else np.arange(0)
    )
    full = n // batch_size
    batches = np.split(order[: full * batch_size], full) if full else []
    shuffled = [batches[i] for i in rng.permutation(full)]
    return np.concatenate(shuffled + [order[full * batch_size :]]).astype(int)


class SimilarLengthBatches(RasaModelData):
    """Training data whose shuffled, balanced epochs come in batches of similar length (2).

    Rasa's batch generator asks its model data for every epoch's order (`shuffled_data`, then
    `balanced_data` with the epoch's batch size), so the order is decided here. Only with Rasa's
    `balanced` batch strategy (the default of both components, and ours): the `sequence` strategy
    never passes the batch size, and keeps Rasa's order.
    """

    @classmethod
    def of(cls, model_data: RasaModelData) -> "SimilarLengthBatches":
        data = cls(model_data.label_key, model_data.label_sub_key, model_data.data)
        data.sparse_feature_sizes = model_data.sparse_feature_sizes
        return data

    def balanced_data(self, data: Data, batch_size: int, shuffle: bool) -> Data:
        data = super().balanced_data(data, batch_size, shuffle)
        lengths = data.get(TEXT, {}).get(SEQUENCE_LENGTH)
        if not shuffle or not lengths:  # evaluation keeps Rasa's order; a model without text has no padding
            return data
        order = similar_length_order(np.asarray(lengths[0]), batch_size, SIMILAR_LENGTH_WINDOW)
        return self._data_for_ids(data, order)

    def split(self, number_of_test_examples: int, random_seed: int) -> Tuple[RasaModelData, RasaModelData]:
        # With evaluate_on_number_of_examples, Rasa trains on one part: that part keeps the order.
        train, test = super().split(number_of_test_examples, random_seed)
        return SimilarLengthBatches.of(train), SimilarLengthBatches.of(test)


@contextmanager
def answers_as_labels(training_data: TrainingData) -> Iterator[None]:
    """While DIET reads its labels (4): each fixed answer's full name (`faq/<key>`) as its intent, and no
    features of the intent's name, so that every label is one-hot. Afterwards the training data is as it came:
    the components after DIET read the intent `faq` and its features as Rasa made them."""
    examples = training_data.intent_examples
    saved = [(m, m.get(INTENT), m.features) for m in examples]
    try:
        for message in examples:
            message.set(INTENT, message.get_full_intent())
            message.features = [f for f in message.features if f.attribute != INTENT]
        yield
    finally:
        for message, intent, features in saved:
            message.set(INTENT, intent)
            message.features = features


class LeanLoading:
    """Mixed into DIET's TensorFlow models: loading without a training step (1), one trace (3)."""

    @classmethod
    def load(
        cls,
        model_file_name: Text,
        model_data_example: RasaModelData,
        predict_data_example: Optional[RasaModelData] = None,
        finetune_mode: bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> RasaModel:
        def rasas_own() -> RasaModel:
            return super(LeanLoading, cls).load(  # type: ignore[misc]
                model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
            )

        if finetune_mode or predict_data_example is None:  # further training needs the optimizer
            return rasas_own()
        if kwargs.get("config", {}).get(RUN_EAGERLY):  # set through compile(), which this skips
            return rasas_own()
        model = cls(*args, **kwargs)
        # The optimizer in the checkpoint is left out on purpose: it is only needed to train further.
        restored = model.load_weights(model_file_name).expect_partial()
        model.run_inference(predict_data_example)  # creates the variables, restored as they appear
        try:
            restored.assert_existing_objects_matched()
        except AssertionError:
            logger.warning(
                "Model %s past niet op de snelle manier van laden; Rasa's eigen manier wordt gebruikt.", cls.__name__
            )
            return rasas_own()
        return model

    def fit(self, x: Any = None, *args: Any, **kwargs: Any) -> Any:
        if isinstance(x, RasaBatchDataGenerator) and len(x) and not self.run_eagerly and fast_training():
            batch, _ = x[0]
            self._training = True  # the training branch of every layer, as in train_step
            try:
                self.batch_loss(tuple(None if part is None else tf.convert_to_tensor(part) for part in batch))
            finally:
                self._training = None
            # What apply_gradients does on its first call; building twice is a no-op in Keras.
            self.optimizer.build(self.trainable_variables)
        return super().fit(x, *args, **kwargs)  # type: ignore[misc]


class LeanDIET(LeanLoading, DIET):
    """DIETClassifier's model."""


class LeanDIET2BOW(LeanLoading, DIET2BOW):
    """The ResponseSelector's model (answers as labels, Rasa's default)."""


class LeanDIET2DIET(LeanLoading, DIET2DIET):
    """The ResponseSelector's model with `use_text_as_label`."""


class _TrainedInSimilarLengthBatches:
    """What the project's DIET and ResponseSelector add to Rasa's, the same for both: no examples meant for the example
    classifier alone (5), the training data in batches of similar length (when the training fixes are on), and that
    choice in the cache key."""

    def preprocess_train_data(self, training_data: TrainingData) -> RasaModelData:
        # Examples meant for the example classifier alone (5) are no examples for either neural model.
        training_data = training_data.filter_training_examples(lambda message: not only_for_word_model(message))
        model_data = super().preprocess_train_data(training_data)  # type: ignore[misc]
        return SimilarLengthBatches.of(model_data) if fast_training() else model_data

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        return "similar-length-batches;one-trace" if fast_training() else "rasa-order"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class SpoorwijzerDIETClassifier(_TrainedInSimilarLengthBatches, DIETClassifier):
    """Rasa's DIETClassifier, loaded without a training step and trained in batches of similar length;
    optionally with the fixed answers as its labels (4)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DIETClassifier.get_default_config(), ANSWERS_AS_LABELS: False}

    @staticmethod
    def model_class() -> Type[RasaModel]:
        return LeanDIET

    def preprocess_train_data(self, training_data: TrainingData) -> RasaModelData:
        with answers_as_labels(training_data) if self.component_config[ANSWERS_AS_LABELS] else nullcontext():
            return super().preprocess_train_data(training_data)

    @property
    def name(self) -> Text:
        # The extractor named in every entity it finds; Rasa (rasa test nlu) knows DIET by this name.
        return DIETClassifier.__name__


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SpoorwijzerResponseSelector(_TrainedInSimilarLengthBatches, ResponseSelector):
    """Rasa's ResponseSelector, loaded without a training step and trained in batches of similar length."""

    @staticmethod
    def model_class(use_text_as_label: bool) -> Type[RasaModel]:  # type: ignore[override]
        return LeanDIET2DIET if use_text_as_label else LeanDIET2BOW

    @property
    def name(self) -> Text:
        return ResponseSelector.__name__
