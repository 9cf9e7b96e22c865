"""One message in Slack or Teams, from the rate limit to the last word, told honestly.

Slack and Teams get their HTTP answer at once and the message is handled in the background
(both platforms retry when an answer takes seconds). Whatever goes wrong after that can only be
told in the chat itself, so this module does it, the same way for both channels:
- more messages in a minute than allowed (connectors/limits.py): the person gets
  RATE_LIMITED_TEXT and the message is not handled;
- the turn fails (tracker store, lock store, action server, ...): the person gets
  STORE_FAILED_TEXT. The log names the kind of error only: an exception's text can carry what
  the person wrote (an SQL error shows the values it tried to write);
- the tracker store has a notice about the turn (privacy.store.turn_notice): it could not load
  or save it, or it erased the conversation because the person asked (the store decides and
  verifies that itself, when Rasa saves the turn at its end). The notice is the answer, sent
  after the turn's replies; this module does not need to know what it is about;
- the turn gave no reply at all: NO_REPLY_TEXT.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import OutputChannel, UserMessage

from connectors.limits import RATE_LIMITED_TEXT
from privacy.crisis import CRISIS_TEXT, signals_crisis
from privacy.notices import NO_REPLY_TEXT, STORE_FAILED, STORE_FAILED_TEXT, Notice
from privacy.store import turn_notice
from spoorwijzer_rasa.log_safety import hidden_text

logger = logging.getLogger(__name__)


async def tell(output: OutputChannel, recipient: str, text: str, channel: str) -> None:
    """Sends one of our own notices; a platform that cannot be reached is logged, not raised."""
    try:
        await output.send_text_message(recipient, text)
    except Exception as error:  # noqa: BLE001 - the platform's API, whatever it raises
        logger.error("%s: melding niet afgeleverd (%s).", channel, type(error).__name__)


async def _allowed(limits: Any, conversation: str, channel: str) -> bool:
    try:
        return bool(await limits.allow(conversation, None))
    except Exception as error:  # noqa: BLE001 - the contract: a failing limiter never blocks a person
        logger.warning(
            "%s: snelheidsgrens niet te controleren (%s); bericht wordt verwerkt.", channel, type(error).__name__
        )
        return True


def _notice(agent: Any, conversation: str, channel: str) -> Optional[Notice]:
    if agent is None:
        return None
    try:
        return turn_notice(agent, conversation)
    except Exception as error:  # noqa: BLE001 - the store's word is unknown: say something went wrong
        logger.error("%s: opslagstatus onbekend (%s).", channel, type(error).__name__)
        return STORE_FAILED


SEND_METHODS = (
    "send_text_message",
    "send_text_with_buttons",
    "send_custom_json",
    "send_image_url",
    "send_attachment",
    "send_quick_replies",
    "send_elements",
)  # Rasa's OutputChannel


def _count_replies(output: OutputChannel) -> Callable[[], int]:
    """Counts what the assistant sends through `output` during the turn; returns the counter.

    Every reply, whatever its kind, ends in one of OutputChannel's send methods (Rasa's
    send_response dispatches to them), so those are counted on this turn's own channel object.
    """
    sent = 0

    def counting(send: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal sent
            sent += 1
            return await send(*args, **kwargs)

        return counted

    for name in SEND_METHODS:
        if callable(getattr(output, name, None)):
            setattr(output, name, counting(getattr(output, name)))
    return lambda: sent


async def handle_turn(
    message: UserMessage,
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    agent: Any,
    limits: Any,
) -> None:
    """Handles one message of a person in Slack or Teams; never raises."""
    output, conversation, channel = message.output_channel, message.sender_id, message.input_channel
    # On the paths where the assistant's own answer (utter_crisis) is not given or may be lost,
    # a person in crisis still hears where to find help before our notice (connectors/crisis_help.py).
    crisis = signals_crisis(message.text)
    if not await _allowed(limits, conversation, channel):
        if crisis:
            await tell(output, conversation, CRISIS_TEXT, channel)
        await tell(output, conversation, RATE_LIMITED_TEXT, channel)
        return
    turn_failed = False
    replies = _count_replies(output)
    try:
        with hidden_text(message.text):
            await on_new_message(message)
    except Exception as error:  # noqa: BLE001 - any failure: the person hears it, the log gets no content
        turn_failed = True
        logger.error("%s: bericht kon niet worden afgehandeld (%s).", channel, type(error).__name__)
    # Taken every turn, or a notice would be told one turn late.
    notice = _notice(agent, conversation, channel)
    if notice is None and not turn_failed and replies():
        return
    # The store's notice (a failed save, an erasure's outcome), a failed turn, or a turn with no
    # reply at all: Rasa swallowed a failure (the action server down in the middle of the guide's
    # form). Silence would leave the person waiting.
    if crisis:
        await tell(output, conversation, CRISIS_TEXT, channel)
    if notice is not None:
        await tell(output, conversation, notice.text, channel)
    else:
        await tell(output, conversation, STORE_FAILED_TEXT if turn_failed else NO_REPLY_TEXT, channel)
