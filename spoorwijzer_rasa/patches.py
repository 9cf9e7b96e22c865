"""Runtime fixes for Rasa 3.6.21, each found by profiling: a real conversation turn (1-4) or a
training run (5-6).

Rasa 3.6 is end-of-maintenance, so fixes cannot go upstream; they are kept here and small, each
tested against stock Rasa (tests/server/test_patches.py, test_model_loading.py and
test_training_fixes.py).

1. Action-server responses are checked against a JSON schema with
   `jsonschema.validate(result, schema)`, which first validates the *schema
   itself* on every call. py-spy showed that as ~60 % of a turn's CPU time. The
   fix checks the schema once and reuses the validator: same schema, same errors.
2. Every stored event is turned back into an object by looking up its class by
   name among *all* subclasses of `Event`, walked anew for every event
   (`all_subclasses`): ~4 % of a turn with a SQL tracker store. The fix remembers
   each name's class after Rasa's own lookup found it; unknown names still go to
   Rasa's lookup, so the answer (a class, the default, None or ValueError) is the same.
3. A conversation costs more per turn the longer its session is: for every prediction the
   policies rebuild the states of the whole session (`states_for_tracker_history`), the
   action server gets the whole session as JSON, and the tracker store loads and saves it
   (docs/benchmarks.md, issue #18). Rasa only starts a new session after
   `session_expiration_time` without messages. The fix also starts one when the session has
   SESSION_TURNS user messages and the conversation is at a safe point: no form running and
   no yes/no question open (a "ja" refers to the turn before). Slots carry over
   (`carry_over_slots_to_new_session`), so nothing the user said is forgotten, and the tracker
   store keeps every session: the full history stays, only the replay per turn is bounded.
4. To load DIET and the ResponseSelector, Rasa first trains them one step on one example
   (`RasaModel.load`: compile, fit, then load the weights), only to create their variables.
   That builds the training graph, Adam's two extra copies of every weight and the gradients:
   about 1 GB of a Rasa process that serves at 1.8 GB (docs/benchmarks.md, issue #18). The
   fix restores the weights without training: TensorFlow restores each variable from the
   checkpoint when the first prediction creates it, and every variable the model has must
   have been in the checkpoint (else Rasa's own loading runs instead). The predictions are
   the same to the last bit (tested against stock loading on a trained model).

5. Training pads every batch to its longest message. Rasa fills batches in random order, so
   nearly every batch holds one of the long reader questions (about 60 tokens, against a median
   of 8) and the transformer and the CRF run over mostly padding. The fix keeps Rasa's shuffled and
   balanced order, but sorts each window of SIMILAR_LENGTH_WINDOW batches by length before cutting
   it into batches, and then shuffles the batches: every example Rasa chose for the epoch comes
   exactly as often (a rare intent as often as Rasa's balancing wants), but messages of similar
   length share a batch. An epoch of DIET takes about 0.6-0.7 of the time, one of the
   ResponseSelector about 0.7 (docs/benchmarks.md).
6. Keras builds a training step's graph twice when the first call creates variables: once to
   create them and once without. For DIET that second trace costs ~7 s of every training. The fix
   creates the model's and the optimizer's variables before `fit`, with one forward pass on the
   first batch, so Keras traces the step once.

Fixes 1-4 give the same answers as stock Rasa; fixes 5 and 6 change only the order in which a
training run draws its random numbers and which examples share a batch, so a model trained with
them is a different (equally seeded, reproducible) draw, measured in docs/benchmarks.md.
`install()` sets fixes 1-4, `install_training_fixes()` fixes 5-6 (for `train`, unless SPOORWIJZER_FAST_TRAINING=0);
both refuse any Rasa but the version these fixes were written and tested for.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Dict, Mapping, Optional, Sequence

import numpy as np
import tensorflow as tf
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
import rasa
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import TEXT
from rasa.utils.tensorflow.constants import RUN_EAGERLY, SEQUENCE_LENGTH
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import Data, RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from spoorwijzer_settings import Training

logger = logging.getLogger(__name__)
RASA_VERSION = "3.6.21"  # the version these fixes were written and tested for
STOCK_RESOLVE_EVENT_TYPE = Event.resolve_by_type
STOCK_HAS_SESSION_EXPIRED = MessageProcessor._has_session_expired
STOCK_LOAD_MODEL = RasaModel.load.__func__  # a classmethod: the function, to call with any class
STOCK_SHUFFLE_AND_BALANCE = RasaBatchDataGenerator._shuffle_and_balance
STOCK_FIT = RasaModel.fit  # Keras' own
# Batches sorted by length together (fix 5). Larger windows leave less padding but make batches
# less mixed; 4 trained as accurately as Rasa's order on the real questions (docs/benchmarks.md).
SIMILAR_LENGTH_WINDOW = 4
SESSION_TURNS = 20  # user messages per session before a new one may start
# Payloads of buttons that answer the previous bot message; while one is offered, no new session.
ANSWERS_TO_THE_LAST_MESSAGE = {"/affirm", "/deny", "/confirm_erase"}
_event_classes: dict[str, type[Event]] = {}


@functools.lru_cache(maxsize=1)
def _action_response_validator():
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    # What jsonschema.validate does after its schema check: raise the most relevant error.
    error = best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def _resolve_event_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    known = _event_classes.get(type_name)
    if known is not None:
        return known
    try:
        found = STOCK_RESOLVE_EVENT_TYPE(type_name)
    except ValueError:
        if default is not None:
            return default
        raise
    if found is not None:  # None: Rasa's old "topic" events, which it skips
        _event_classes[type_name] = found
    return found


def long_session_at_a_safe_point(tracker: DialogueStateTracker) -> bool:
    """Whether the current session has SESSION_TURNS user messages and may end before the next one."""
    if tracker.active_loop_name:
        return False
    turns, last_bot = 0, None
    for event in tracker.applied_events():  # the current session only
        if isinstance(event, UserUttered):
            turns += 1
        elif isinstance(event, BotUttered):
            last_bot = event
    if turns < SESSION_TURNS:
        return False
    buttons = ((last_bot.data or {}).get("buttons") or []) if last_bot else []
    return not any(button.get("payload") in ANSWERS_TO_THE_LAST_MESSAGE for button in buttons)


def _has_session_expired(self: MessageProcessor, tracker: DialogueStateTracker) -> bool:
    if STOCK_HAS_SESSION_EXPIRED(self, tracker):
        return True
    return self.domain.session_config.are_sessions_enabled() and long_session_at_a_safe_point(tracker)


def _load_model_for_inference(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: Any,
    predict_data_example: Any = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    def stock() -> RasaModel:
        return STOCK_LOAD_MODEL(
            cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
        )

    if finetune_mode or predict_data_example is None:  # further training needs the optimizer
        return stock()
    if kwargs.get("config", {}).get(RUN_EAGERLY):  # set through compile(), which this skips
        return stock()
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
        return stock()
    return model


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


def _shuffle_balance_and_group_by_length(self: RasaBatchDataGenerator, batch_size: int) -> Data:
    data = STOCK_SHUFFLE_AND_BALANCE(self, batch_size)
    lengths = data.get(TEXT, {}).get(SEQUENCE_LENGTH)
    if not self.shuffle or not lengths:  # evaluation keeps Rasa's order; a model without text has no padding
        return data
    order = similar_length_order(np.asarray(lengths[0]), batch_size, SIMILAR_LENGTH_WINDOW)
    return RasaModelData._data_for_ids(data, order)


def _fit_with_variables_made_first(self: RasaModel, x: Any = None, *args: Any, **kwargs: Any) -> Any:
    if isinstance(x, RasaBatchDataGenerator) and len(x) and not self.run_eagerly:
        batch, _ = x[0]
        self._training = True  # the training branch of every layer, as in train_step
        try:
            self.batch_loss(tuple(None if part is None else tf.convert_to_tensor(part) for part in batch))
        finally:
            self._training = None
        # What apply_gradients does on its first call; building twice is a no-op in Keras.
        self.optimizer.build(self.trainable_variables)
    return STOCK_FIT(self, x, *args, **kwargs)


def _check_version() -> None:
    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"spoorwijzer_rasa: de runtimefixes zijn geschreven voor Rasa {RASA_VERSION}, niet voor "
            f"{rasa.__version__}. Controleer ze (tests/server/test_patches.py) voordat u ze aanpast."
        )


def install() -> None:
    _check_version()
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_event_type)
    MessageProcessor._has_session_expired = _has_session_expired
    RasaModel.load = classmethod(_load_model_for_inference)


def training_fixes_wanted(arguments: Sequence[str], environ: Optional[Mapping[str, str]] = None) -> bool:
    """Fixes 5 and 6 for the `train` command, unless SPOORWIJZER_FAST_TRAINING=0 (to train as stock Rasa
    does, for a comparison). A server (`run`) needs neither: fix 4 loads a model without training it.
    `environ`: instead of os.environ (spoorwijzer_settings.Training reads it)."""
    return bool(arguments) and arguments[0] == "train" and Training.from_environment(environ).fast_training


def install_training_fixes() -> None:
    """Fixes 5 and 6. They give a different model than stock training: one draw among equally good ones.

    Measured over several seeds (docs/benchmarks.md, issue #18 parts 3 and 4): as accurate as stock
    training, and every draw passes the conversation tests of `make test`.
    """
    _check_version()
    RasaBatchDataGenerator._shuffle_and_balance = _shuffle_balance_and_group_by_length
    RasaModel.fit = _fit_with_variables_made_first
