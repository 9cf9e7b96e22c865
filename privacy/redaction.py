"""Each event as it may be stored: what a person typed is kept only as far as it is needed.

1. **Medical details and crisis messages.** A user message with the NLU intent
   `share_medical_details` or `crisis`, or whose words tell medical details
   (privacy/medical.py) or signal a crisis (privacy/crisis.py), is stored with a neutral
   placeholder instead of its text, without entities and without NLU ranking. Its intent
   stays, so the conversation replays the same; the slots the turn set (dates) are their
   own events and stay too.
2. **Identifiers.** In every other user message, BSN, phone numbers, e-mail addresses,
   IBANs and addresses are replaced by placeholders (privacy/identifiers.py), in the text,
   in the NLU result's text and in the value of any entity that overlaps one.
3. **No files.** The PDF and the .ics that a reply carries for the web chat are left out
   of the stored reply (`[niet bewaard]`): they can be made again from the conversation.
4. **No platform ids.** Rasa stores a message's metadata with it and in the slot
   `session_started_metadata`. Slack puts its channel id there (a direct-message channel `D…`
   points straight at one person), the thread and the users: the conversation id is an HMAC so
   that nobody can get from it to the person (connectors/channel_ids.py), and these would undo
   that. The channel needs them only during the turn; they are left out of what is stored.
"""

from __future__ import annotations

import copy
from typing import Any

from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

from privacy import crisis
from privacy.identifiers import find_identifiers, redact_identifiers
from privacy.medical import mentions_medical_details

MEDICAL_INTENT = "share_medical_details"
CRISIS_INTENT = "crisis"
PLACEHOLDER = "[medische details niet bewaard]"
NOT_STORED = "[niet bewaard]"
FILE_FIELDS = ("pdf_base64", "ics")  # in the custom payloads of actions/dossier.py and actions/tijdlijn_payload.py
PLATFORM_IDS = ("out_channel", "thread_id", "users")  # Rasa's Slack connector's metadata (rasa/core/channels/slack.py)
SESSION_METADATA_SLOT = "session_started_metadata"


def is_withheld(event: Any) -> bool:
    """A user message whose text is never stored: medical details or a crisis."""
    if not isinstance(event, UserUttered):
        return False
    intent = (event.intent or {}).get("name")
    if intent in (MEDICAL_INTENT, CRISIS_INTENT):
        return True
    return mentions_medical_details(event.text) or crisis.signals_crisis(event.text)


def without_text(event: UserUttered) -> UserUttered:
    stored = copy.deepcopy(event)
    stored.text = PLACEHOLDER
    stored.entities = []
    stored.parse_data = {**(stored.parse_data or {}), "text": PLACEHOLDER, "entities": []}
    for key in ("response_selector", "intent_ranking"):
        stored.parse_data.pop(key, None)
    return stored


def without_identifiers(event: UserUttered) -> UserUttered:
    text = event.text or ""
    spans = find_identifiers(text) if isinstance(text, str) else []
    entities = (event.parse_data or {}).get("entities") or event.entities or []
    changed_entities = [entity for entity in entities if _overlaps(entity, spans) or _redacted(entity) is not None]
    if not spans and not changed_entities:
        return event
    stored = copy.deepcopy(event)
    stored.text = redact_identifiers(text) if spans else event.text
    stored.entities = [_entity_as_stored(entity, spans) for entity in stored.entities]
    parse_data = stored.parse_data or {}
    stored.parse_data = {
        **parse_data,
        "text": stored.text,
        "entities": [_entity_as_stored(entity, spans) for entity in parse_data.get("entities") or []],
    }
    return stored


def _overlaps(entity: Any, spans: list) -> bool:
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    return any(start < span_end and span_start < end for span_start, span_end, _ in spans)


def _redacted(entity: Any) -> Any:
    """The entity's value with identifiers replaced; None when there is nothing to replace."""
    value = entity.get("value")
    if isinstance(value, str):
        replaced = redact_identifiers(value)
        return replaced if replaced != value else None
    return None


def _entity_as_stored(entity: Any, spans: list) -> Any:
    if not isinstance(entity, dict):
        return entity
    if _overlaps(entity, spans):
        placeholder = next(p for s, e, p in spans if entity["start"] < e and s < entity["end"])
        return {**entity, "value": placeholder}
    replaced = _redacted(entity)
    return {**entity, "value": replaced} if replaced is not None else entity


def without_files(event: Any) -> Any:
    """A bot reply as it may be stored: the files it carried for the web chat left out."""
    if not isinstance(event, BotUttered):
        return event
    custom = (event.data or {}).get("custom")
    if not isinstance(custom, dict) or not any(field in custom for field in FILE_FIELDS):
        return event
    stored = copy.deepcopy(event)
    stored.data["custom"] = {key: (NOT_STORED if key in FILE_FIELDS else value) for key, value in custom.items()}
    return stored


def _without_platform_ids(metadata: Any) -> Any:
    if not isinstance(metadata, dict) or not any(key in metadata for key in PLATFORM_IDS):
        return metadata
    return {key: value for key, value in metadata.items() if key not in PLATFORM_IDS}


def without_platform_ids(event: Any) -> Any:
    """A user message or the session's metadata slot without Slack's channel, thread and user ids."""
    if isinstance(event, UserUttered) and _without_platform_ids(event.metadata) is not event.metadata:
        stored = copy.copy(event)
        stored.metadata = _without_platform_ids(event.metadata)
        # Rasa keeps a second reference to the metadata in the NLU result, which is stored too.
        stored.parse_data = {**(event.parse_data or {}), "metadata": stored.metadata}
        return stored
    if isinstance(event, SlotSet) and event.key == SESSION_METADATA_SLOT:
        kept = _without_platform_ids(event.value)
        if kept is not event.value:
            return SlotSet(event.key, kept, timestamp=event.timestamp, metadata=event.metadata)
    return event


def as_stored(event: Any) -> Any:
    if isinstance(event, UserUttered):
        kept = without_text(event) if is_withheld(event) else without_identifiers(event)
        return without_platform_ids(kept)
    return without_platform_ids(without_files(event))
