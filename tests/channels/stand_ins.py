"""Stand-ins and helpers that the Slack and the Teams tests share: a storage that cannot delete, the
erase confirmation as Rasa gives it, a rate limiter that records its calls, and waiting for replies."""

from __future__ import annotations

import copy
import time
from pathlib import Path

from rasa.core.actions.action import create_bot_utterance
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered

from privacy.store import PrivateInMemoryTrackerStore


class KeepsEverything(dict):
    """Conversations in a storage that keeps what it has but cannot delete (a read-only database)."""

    def pop(self, *args):
        raise OSError("attempt to write a readonly database")


class ReadOnlyStore(PrivateInMemoryTrackerStore):
    """Spoorwijzer's store on a storage that cannot delete: asked to erase, it must say it failed."""

    def __init__(self) -> None:
        super().__init__(Domain.empty())
        self.store = KeepsEverything()

    @property
    def trackers(self) -> dict:
        return self.store


ERASE_REPLY = Domain.load(Path(__file__).resolve().parents[2] / "domain").responses["utter_conversation_erased"][0]


async def give_the_erase_reply(message, tracker) -> None:
    """What Rasa does with the confirmation reply (domain/privacy.yml): its response action makes a
    BotUttered of it, the processor adds that to the tracker and sends it through the channel."""
    event = create_bot_utterance(copy.deepcopy(ERASE_REPLY))
    tracker.update(event)
    await message.output_channel.send_response(message.sender_id, event.message())


async def turn_as_rasa(agent, message, received: list, answer) -> None:
    """One message as Rasa's Agent.handle_message handles it, for the channel tests: under the
    conversation's lock, load the conversation, add the message, answer, save at the end of the turn.
    `answer(message, tracker)` sends the replies; it returns False for a turn after which Rasa swallowed
    a failure (no reply, nothing saved). "kapot" fails the turn, with the text in the error as an SQL
    error would have it.

    The lock matters: without it a second message ("wis") could be handled before the first turn was
    saved, and that save would bring an erased conversation back. Rasa's agent looks again every
    second for a waiting message; here every 10 ms, so a waiting message never outlives its test."""
    async with agent.lock_store.lock(message.sender_id, wait_time_in_seconds=0.01):
        if message.text == "kapot":
            raise OSError(f"disk I/O error while saving '{message.text}' for {message.sender_id}")
        tracker = await agent.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        received.append(message)
        if await answer(message, tracker) is not False:
            await agent.tracker_store.save(tracker)


class Limits:
    """A stand-in for connectors.limits.RateLimits: records the calls, answers `allowed`."""

    def __init__(self, allowed: bool) -> None:
        self.allowed, self.calls = allowed, []

    async def allow(self, conversation, client=None) -> bool:
        self.calls.append((conversation, client))
        return self.allowed


def wait_for(items, count: int, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and len(items) < count:
        time.sleep(0.05)
