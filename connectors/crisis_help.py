"""Help first for a person in crisis, also on the paths where the assistant itself does not answer.

The NLU marks a crisis message (components/crisis.py) and a rule answers it with utter_crisis.
But some messages never reach the assistant, or its answer is lost: a message that is too long,
one over the rate limit, a turn that failed, an empty reply (the action server down in the middle
of the guide's form). On those paths the channels tell the person where to find help
(privacy.crisis.CRISIS_TEXT) before their own notice. Better the help twice than not at all.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from privacy.crisis import CRISIS_TEXT, signals_crisis


def missing_help(text: Optional[str], replies: List[Dict[str, Any]]) -> bool:
    """Whether `text` signals a crisis and none of `replies` carries the help."""
    return signals_crisis(text) and not any(r.get("text") == CRISIS_TEXT for r in replies)


def help_first(text: Optional[str], replies: List[Dict[str, Any]], recipient: str) -> List[Dict[str, Any]]:
    """`replies` with the help in front when the message needs it and they lack it (REST reply format)."""
    if missing_help(text, replies):
        return [{"recipient_id": recipient, "text": CRISIS_TEXT}, *replies]
    return replies
