"""The places where Spoorwijzer changes Rasa 3.6.21 from the outside, each where Rasa has no extension point.

Rasa 3.6 is end-of-maintenance, so these cannot go upstream. Everything Rasa does let us change
through its own extension points lives there instead: DIET and the ResponseSelector (loading without a
training step, batches of similar length, one trace of the training step) in components/diet.py,
named in config.yml; the tracker store in privacy/; the channels in connectors/. What stays here is
listed in PATCHES, each with why no extension point reaches it; `install()` sets exactly those
(tests/server/test_patches.py and test_runtime.py hold it to that).

1. Action-server responses are checked against a JSON schema with `jsonschema.validate(result, schema)`,
   which first validates the *schema itself* on every call. py-spy showed that as ~60 % of a turn's
   CPU time (docs/benchmarks.md). The check here validates the schema once and reuses the validator:
   same schema, same errors.
2. Every stored event is turned back into an object by looking up its class by name among *all*
   subclasses of `Event`, walked anew for every event: ~4 % of a turn with a SQL tracker store. The
   lookup here remembers each name's class after Rasa's own lookup found it; unknown names still go to
   Rasa's lookup, so the answer (a class, the default, None or ValueError) is the same.
3. The session rule of the domain (`new_session_after_user_messages` in domain/core.yml, beside
   Rasa's `session_config`, with its reason): a new session also starts once the session has that
   many user messages and nothing is pending (no form running, no yes/no question open). Rasa's own
   check knows only `session_expiration_time`; a domain without the key keeps Rasa's behaviour.
4. While training, Rasa fingerprints the output of every step of the pipeline to key its cache: the whole
   training data, each token and each feature matrix. A sparse matrix was first written out as one line
   of text per value and each token hashed field by field: ±20 s of a ±230 s training (py-spy, #27). The
   fingerprints here hash the same content directly (the matrix's shape, type, positions and values; the
   token's text, place, lemma and data). They only name cache entries: a model trained with them predicted
   exactly as one trained without (251 of 251 sentences, docs/benchmarks.md). Equal content still gives an
   equal fingerprint and a difference a different one, as with Rasa's (tests/server/test_patches.py).
   Token data that is not plain text or numbers goes to Rasa's own fingerprint.

`install()` refuses any Rasa but the version these were written and tested for.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from dataclasses import dataclass
from typing import Any, Dict, Optional

import numpy as np
import rasa
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.utils.io import deep_container_fingerprint, get_text_hash

logger = logging.getLogger(__name__)
RASA_VERSION = "3.6.21"  # the version these were written and tested for
STOCK_RESOLVE_EVENT_TYPE = Event.resolve_by_type
STOCK_HAS_SESSION_EXPIRED = MessageProcessor._has_session_expired
STOCK_TOKEN_FINGERPRINT = Token.fingerprint
# The domain's session rule (domain/core.yml, session_config): user messages per session.
SESSION_RULE_KEY = "new_session_after_user_messages"
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


def user_messages_per_session(domain: Domain) -> Optional[int]:
    """The domain's session rule, or None when the domain has none (then only Rasa's own rule holds).

    A value that is not a whole number of at least 1 counts as none, with a warning: a turn must not
    fail on it (tests/server/test_patches.py holds domain/core.yml to a valid value)."""
    value = (domain.as_dict().get("session_config") or {}).get(SESSION_RULE_KEY)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        logger.warning(
            "session_config.%s in het domein is geen geheel getal van 1 of meer; genegeerd.", SESSION_RULE_KEY
        )
        return None
    return value


def long_session_at_a_safe_point(tracker: DialogueStateTracker, turns_per_session: int) -> bool:
    """Whether the current session has `turns_per_session` user messages and may end before the next one."""
    if tracker.active_loop_name:
        return False
    turns, last_bot = 0, None
    for event in tracker.applied_events():  # the current session only
        if isinstance(event, UserUttered):
            turns += 1
        elif isinstance(event, BotUttered):
            last_bot = event
    if turns < turns_per_session:
        return False
    buttons = ((last_bot.data or {}).get("buttons") or []) if last_bot else []
    return not any(button.get("payload") in ANSWERS_TO_THE_LAST_MESSAGE for button in buttons)


def _has_session_expired(self: MessageProcessor, tracker: DialogueStateTracker) -> bool:
    if STOCK_HAS_SESSION_EXPIRED(self, tracker):
        return True
    if not self.domain.session_config.are_sessions_enabled():
        return False
    turns = user_messages_per_session(self.domain)
    return turns is not None and long_session_at_a_safe_point(tracker, turns)


def _features_fingerprint(self: Features) -> str:
    if self._cached_fingerprint is None:
        content = hashlib.md5()  # noqa: S324 - names a cache entry, as in Rasa; not a security check
        matrix = self.features
        if self.is_dense():
            arrays = (np.ascontiguousarray(matrix),)
        else:
            coo = matrix.tocoo()  # Rasa's own fingerprint reads the same coordinate form
            arrays = (coo.row, coo.col, coo.data)
        # The header gives each array's type and length, so that the bytes after it read only one way.
        layout = " ".join(f"{array.dtype}x{array.size}" for array in arrays)
        content.update(f"{'dense' if self.is_dense() else 'sparse'} {matrix.shape} {layout}".encode())
        for array in arrays:
            content.update(np.ascontiguousarray(array).tobytes())
        self._cached_fingerprint = deep_container_fingerprint(
            [self.type, self.origin, self.attribute, content.hexdigest()]
        )
    return self._cached_fingerprint


_PLAIN = (str, int, float, bool, type(None))


def _token_fingerprint(self: Token) -> str:
    data = self.data or {}
    if not all(isinstance(key, str) and isinstance(value, _PLAIN) for key, value in data.items()):
        return STOCK_TOKEN_FINGERPRINT(self)
    return get_text_hash(repr((self.text, self.start, self.end, self.lemma, sorted(data.items()))))


@dataclass(frozen=True)
class Patch:
    owner: type
    attribute: str
    replacement: Any
    why_no_extension_point: str


PATCHES = (
    Patch(
        RemoteAction,
        "_validate_action_result",
        _validate_action_result,
        "Rasa builds a RemoteAction itself for every custom action (action_for_name_or_text); no setting "
        "or subclass chooses the class, and the validation is a private method of it.",
    ),
    Patch(
        Event,
        "resolve_by_type",
        staticmethod(_resolve_event_type),
        "Event.from_parameters calls this static method for every event wherever events are read (tracker "
        "store, action-server replies, HTTP API); Rasa has no registry of event classes to hook into.",
    ),
    Patch(
        MessageProcessor,
        "_has_session_expired",
        _has_session_expired,
        "The domain's session_config offers only an expiration time; whether a session has ended is decided "
        "by this private method of the MessageProcessor, which Agent creates itself (no processor setting).",
    ),
    Patch(
        Features,
        "fingerprint",
        _features_fingerprint,
        "Rasa's TrainingHook fingerprints every node's output to key its cache; it is not configurable, and the "
        "Features objects are made inside Rasa's own featurizers (RegexFeaturizer, CountVectorsFeaturizer, …).",
    ),
    Patch(
        Token,
        "fingerprint",
        _token_fingerprint,
        "The same TrainingHook fingerprints every token of every message after every pipeline step; the "
        "tokens' fingerprint is a method of Rasa's Token class, which tokenizers and featurizers share.",
    ),
)


def _check_version() -> None:
    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"spoorwijzer_rasa: de runtimefixes zijn geschreven voor Rasa {RASA_VERSION}, niet voor "
            f"{rasa.__version__}. Controleer ze (tests/server/test_patches.py) voordat u ze aanpast."
        )


def install() -> None:
    _check_version()
    for patch in PATCHES:
        setattr(patch.owner, patch.attribute, patch.replacement)
