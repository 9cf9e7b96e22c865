"""Runtime fixes for Rasa 3.6.21, each found by profiling a real conversation turn.

Rasa 3.6 is end-of-maintenance, so fixes cannot go upstream; they are kept here,
small, and behaviour-preserving (tests/server/test_patches.py checks both the
accepted and the rejected cases against stock Rasa).

1. Action-server responses are checked against a JSON schema with
   `jsonschema.validate(result, schema)`, which first validates the *schema
   itself* on every call. py-spy showed that as ~60 % of a turn's CPU time. The
   fix checks the schema once and reuses the validator: same schema, same errors.
2. Every stored event is turned back into an object by looking up its class by
   name among *all* subclasses of `Event`, walked anew for every event
   (`all_subclasses`): ~4 % of a turn with a SQL tracker store. The fix remembers
   each name's class after Rasa's own lookup found it; unknown names still go to
   Rasa's lookup, so the answer (a class, the default, None or ValueError) is the same.
"""
from __future__ import annotations

import functools
from typing import Any, Dict

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

STOCK_RESOLVE_EVENT_TYPE = Event.resolve_by_type
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


def install() -> None:
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_event_type)
