"""Reading the tracker: what the latest message said, when, and where.

Shared by every action (the guide, its form and questions, the fixed answers, the PDF, the dossier
check). Only reading; no slot is set and no rule is called here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional
from zoneinfo import ZoneInfo

from rasa_sdk import Tracker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_TEXT = 2000  # longer messages are only searched in their first part
WIDGET_CHANNELS = {"rest"}  # channels whose clients draw the timeline payload


def message_date(tracker: Tracker) -> date:
    """The date of the latest user message in Europe/Amsterdam: the reference for 'gisteren'."""
    for event in reversed(tracker.events):
        if event.get("event") == "user" and event.get("timestamp"):
            return datetime.fromtimestamp(event["timestamp"], AMSTERDAM).date()
    return datetime.now(AMSTERDAM).date()


def in_shared_channel(tracker: Tracker) -> bool:
    """Whether the latest message came from a chat that others can read (a Slack or Teams channel or thread).

    The channel says so in the message metadata (`personal_chat`); the web chat is always personal.
    Personal dates, deadlines and the track are then not computed, asked or shown.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return (event.get("metadata") or {}).get("personal_chat") is False
    return False


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "")[:MAX_TEXT]


def latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def entity(tracker: Tracker, name: str) -> Optional[str]:
    return next(tracker.get_latest_entity_values(name), None)


def yes_no(tracker: Tracker) -> Optional[bool]:
    """The yes/no buttons (and "ja"/"nee" typed): True, False, or None for anything else."""
    intent = latest_intent(tracker)
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    first = latest_text(tracker).strip().lower().split(" ", 1)[0].strip(",.!")
    return {"ja": True, "jazeker": True, "nee": False, "neen": False}.get(first)
