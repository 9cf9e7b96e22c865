"""Safe retries on the REST channel: the same message_id never gives a second turn.

Uses Rasa's real in-memory tracker and lock stores; `rasa_turn` stands in for the
assistant and stores a turn the way Rasa does (user message, then bot replies, at once).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from connectors.guarded_rest import NO_REPLY_TEXT, GuardedRestInput, stored_replies


@pytest.fixture
def channel(monkeypatch):
    monkeypatch.delenv("REDIS_HOST", raising=False)
    rest = GuardedRestInput()
    rest._agent = SimpleNamespace(tracker_store=InMemoryTrackerStore(Domain.empty()), lock_store=InMemoryLockStore())
    return rest


def make_turn(channel, reply: str | None):
    """What Rasa does for a message: store the user message and the replies together, then answer."""
    calls = []

    async def rasa_turn(message: UserMessage) -> None:
        calls.append(message.text)
        store = channel._agent.tracker_store
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        if reply is not None:
            tracker.update(BotUttered(reply, data={"buttons": [{"title": "Ja", "payload": "/affirm"}]}))
            await message.output_channel.send_text_with_buttons(
                message.sender_id, reply, [{"title": "Ja", "payload": "/affirm"}]
            )
        await store.save(tracker)

    return rasa_turn, calls


def message(text: str, message_id: str | None, sender: str = "werknemer-1") -> UserMessage:
    return UserMessage(
        text, CollectingOutputChannel(), sender, metadata={"message_id": message_id} if message_id else None
    )


async def send(channel, turn, text, message_id):
    incoming = message(text, message_id)
    await channel.handle(incoming, turn)
    return incoming.output_channel.messages


async def test_a_retry_of_a_stored_turn_gets_the_same_replies_and_no_new_turn(channel):
    turn, calls = make_turn(channel, "Wanneer was je eerste ziektedag?")
    first = await send(channel, turn, "in welk spoor zit ik?", "bericht-0001")
    retry = await send(channel, turn, "in welk spoor zit ik?", "bericht-0001")
    assert calls == ["in welk spoor zit ik?"]
    assert [m["text"] for m in retry] == [m["text"] for m in first] == ["Wanneer was je eerste ziektedag?"]
    assert retry[0]["buttons"] == first[0]["buttons"]
    tracker = await channel._agent.tracker_store.retrieve("werknemer-1")
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["in welk spoor zit ik?"]


async def test_a_retry_of_a_turn_that_was_never_stored_is_handled_now(channel):
    turn, calls = make_turn(channel, "Wanneer was je eerste ziektedag?")
    assert await channel.seen_messages.first_time("bericht-0002")  # the first attempt arrived, then its server died
    replies = await send(channel, turn, "in welk spoor zit ik?", "bericht-0002")
    assert calls == ["in welk spoor zit ik?"]
    assert [m["text"] for m in replies] == ["Wanneer was je eerste ziektedag?"]


async def test_new_ids_and_messages_without_id_are_always_new_turns(channel):
    turn, calls = make_turn(channel, "Hallo!")
    await send(channel, turn, "hoi", "bericht-0003")
    await send(channel, turn, "hoi", "bericht-0004")
    await send(channel, turn, "hoi", None)
    await send(channel, turn, "hoi", None)
    assert calls == ["hoi"] * 4


@pytest.mark.parametrize("bad_id", ["kort", "x" * 65, "met spatie 1234", "<script>1234</script>"])
async def test_malformed_ids_are_ignored(channel, bad_id):
    request = SimpleNamespace(
        app=SimpleNamespace(ctx=SimpleNamespace(agent=channel._agent)),
        json={"sender": "s", "message": "hoi", "message_id": bad_id},
    )
    assert channel.get_metadata(request) is None


async def test_a_retry_of_a_turn_without_replies_still_gets_the_polite_message(channel):
    turn, _ = make_turn(channel, None)  # e.g. the action server was down
    await send(channel, turn, "in welk spoor zit ik?", "bericht-0005")
    retry = await send(channel, turn, "in welk spoor zit ik?", "bericht-0005")
    assert [m["text"] for m in retry] == [NO_REPLY_TEXT]


STORED = [
    UserUttered("a", message_id="m1"),
    BotUttered("antwoord a1"),
    BotUttered("antwoord a2"),
    ActionExecuted("action_listen"),
    UserUttered("b", message_id="m2"),
    BotUttered("antwoord b"),
]
CASES = [
    ("first turn: both replies, not the next turn's", "m1", ["antwoord a1", "antwoord a2"]),
    ("last turn", "m2", ["antwoord b"]),
    ("unknown id: not stored", "m3", None),
]


@pytest.mark.parametrize("name, message_id, expected", CASES, ids=[c[0] for c in CASES])
def test_stored_replies(name, message_id, expected):
    replies = stored_replies(STORED, message_id)
    assert (None if replies is None else [r["text"] for r in replies]) == expected
