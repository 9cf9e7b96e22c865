"""One message in Slack or Teams, from the rate limit to the last word, told honestly.

Slack and Teams get their HTTP answer at once and the message is handled in the background
(both platforms retry when an answer takes seconds). Whatever goes wrong after that can only be
told in the chat itself, so this module does it, the same way for both channels:
- more messages in a minute than allowed (connectors/limits.py): the person gets
  RATE_LIMITED_TEXT and the message is not handled;
- the turn fails (tracker store, lock store, action server, ...): the person gets
  STORE_FAILED_TEXT. The log names the kind of error only: an exception's text can carry what
  the person wrote (an SQL error shows the values it tried to write);
- the reply asks for erasure (the marker of privacy/erasure.py; the output channel notices it):
  after the turn, because Rasa writes a turn's events at its end, the conversation is erased and
  the person hears ERASED_TEXT only when erase() verified it, else ERASE_FAILED_TEXT;
- the store could not load or save the turn (privacy.store.store_failed): STORE_FAILED_TEXT.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import OutputChannel, UserMessage

from connectors.limits import RATE_LIMITED_TEXT
from privacy.crisis import CRISIS_TEXT, signals_crisis
from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT, erase
from privacy.notices import NO_REPLY_TEXT, STORE_FAILED_TEXT
from privacy.store import store_failed
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


async def _erased(agent: Any, conversation: str, channel: str) -> bool:
    if agent is None:
        return False
    try:
        return bool(await erase(agent, conversation))
    except Exception as error:  # noqa: BLE001 - erase() promises not to raise; if it does, nothing is verified
        logger.error("%s: wissen mislukt (%s).", channel, type(error).__name__)
        return False


def _store_failed(agent: Any, conversation: str, channel: str) -> bool:
    if agent is None:
        return False
    try:
        return bool(store_failed(agent, conversation))
    except Exception as error:  # noqa: BLE001
        logger.error("%s: opslagstatus onbekend (%s).", channel, type(error).__name__)
        return True


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
    # Read (and so clear) the flag every turn, or a failure would be reported one turn late.
    not_stored = _store_failed(agent, conversation, channel)
    if getattr(output, "erase_requested", False):
        # The person asked to erase: the erasure's own outcome is the whole answer.
        erased = await _erased(agent, conversation, channel)
        await tell(output, conversation, ERASED_TEXT if erased else ERASE_FAILED_TEXT, channel)
        return
    if turn_failed or not_stored or not replies():
        # A turn with no reply at all: Rasa swallowed a failure (the action server down in the
        # middle of the guide's form). Silence would leave the person waiting.
        if crisis:
            await tell(output, conversation, CRISIS_TEXT, channel)
        await tell(output, conversation, STORE_FAILED_TEXT if (turn_failed or not_stored) else NO_REPLY_TEXT, channel)
