"""Helpers to build real rasa_sdk trackers for action tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def make_tracker(
    text: str,
    intent: str,
    *,
    on: str = "2026-11-23 12:00",
    slots: dict[str, Any] | None = None,
    entities: list[dict] | None = None,
    requested_slot: str | None = None,
    form: str | None = None,
    channel: str | None = None,
    response: str | None = None,
    metadata: dict | None = None,
) -> Tracker:
    """A tracker whose latest event is the user message `text`, sent on `on` (Amsterdam time)."""
    timestamp = datetime.strptime(on, "%Y-%m-%d %H:%M").replace(tzinfo=AMSTERDAM).timestamp()
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": entities or []}
    if response:  # the fixed answer the ResponseSelector chose, as Rasa passes it on
        latest["response_selector"] = {
            "faq": {"response": {"intent_response_key": response, "utter_action": f"utter_{response}"}}
        }
    all_slots = {"requested_slot": requested_slot, **(slots or {})}
    events = []
    if form:
        events.append({"event": "active_loop", "name": form})
        events.append({"event": "slot", "name": "requested_slot", "value": requested_slot})
    events.append(
        {
            "event": "user",
            "text": text,
            "timestamp": timestamp,
            "parse_data": latest,
            "input_channel": channel,
            "metadata": metadata or {},
        }
    )
    return Tracker(
        sender_id="test-gebruiker",
        slots=all_slots,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": form} if form else {},
        latest_action_name="action_listen",
    )


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def slot_events(events: list[dict]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
