"""The REST channel, with a limit on message length and no silent failures.

A message longer than MAX_CHARS is not passed to the assistant (NLU on it only
slows the server and gives no useful answer). The sender gets a Dutch reply that
the message is too long. If the assistant produced no reply at all — which in
Rasa happens when the action server cannot be reached — the sender gets a polite
Dutch message instead of silence. The URL stays /webhooks/rest/webhook.

Safe retries: a client may send a `message_id` with each message (the chat widget
does). Sending the same message again with the same id — after a time-out, or a
Rasa server that stopped mid-turn — never gives a second turn: if the first one
was stored, its replies are sent again; if not, the message is handled now. Rasa
stores a turn in one go at its end, so there is no half-stored turn. Ids are
shared between replicas through Redis (connectors/seen.py); only a retry costs a
look in the tracker store.

Conversation ids: a `sender` that is not a random UUID4 is refused with 400 before
anything is read or stored (connectors/conversation_id.py explains why).

Erasure: a reply that confirms erasure deletes the conversation after the turn
(connectors/erasure.py).
"""
from __future__ import annotations

import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.conversation_id import REFUSED_TEXT, is_secret_id
from connectors.erasure import erase_conversation, take_marker
from connectors.seen import SeenIds

MAX_CHARS = 2000
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # a client's id for one message (e.g. a UUID)
NO_REPLY_TEXT = (
    "Sorry, er ging aan onze kant iets mis en ik kan je nu geen antwoord geven. "
    "Probeer het over een paar minuten nog eens."
)
TOO_LONG_TEXT = (
    f"Je bericht is te lang voor mij (meer dan {MAX_CHARS} tekens). Wil je je vraag korter stellen? "
    "Je hoeft geen hele verhalen of medische details te geven."
)


def stored_replies(events: List[Any], message_id: str) -> Optional[List[Dict[str, Any]]]:
    """The bot messages that answered the user message with `message_id`; None if it is not stored."""
    replies: Optional[List[Dict[str, Any]]] = None
    for event in events:
        if isinstance(event, UserUttered):
            if replies is not None:
                break
            if event.message_id == message_id:
                replies = []
        elif isinstance(event, BotUttered) and replies is not None:
            replies.append(event.message())
    return replies


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self) -> None:
        super().__init__()
        self.seen_messages = SeenIds.from_environment("rest-message")
        self._agent: Any = None

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        self._agent = request.app.ctx.agent  # for the tracker store and the lock store, on retries
        message_id = (request.json or {}).get("message_id")
        if isinstance(message_id, str) and MESSAGE_ID.match(message_id):
            return {"message_id": message_id}
        return None

    async def _replay(self, message: UserMessage) -> bool:
        """For a message id seen before: send the stored replies again; False if it was never stored."""
        # Under the conversation's lock, so a first attempt still running elsewhere finishes first.
        async with self._agent.lock_store.lock(message.sender_id):
            tracker = await self._agent.tracker_store.retrieve(message.sender_id)
        replies = stored_replies(list(tracker.events) if tracker else [], message.message_id)
        if replies is None:
            return False
        for reply in replies:
            await message.output_channel.send_response(message.sender_id, reply)
        return True

    async def handle(self, message: UserMessage, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> None:
        if message.text and len(message.text) > MAX_CHARS:
            await message.output_channel.send_text_message(message.sender_id, TOO_LONG_TEXT)
            return
        client_id = (message.metadata or {}).get("message_id")
        replayed = False
        if client_id:
            message.message_id = client_id  # stored with the user's message in the tracker
            replayed = not await self.seen_messages.first_time(client_id) and await self._replay(message)
        if not replayed:
            await on_new_message(message)
            if take_marker(getattr(message.output_channel, "messages", [])):
                await erase_conversation(self._agent, message.sender_id)
        if not getattr(message.output_channel, "messages", True):
            await message.output_channel.send_text_message(message.sender_id, NO_REPLY_TEXT)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        async def guarded(message: UserMessage) -> None:
            await self.handle(message, on_new_message)

        blueprint = super().blueprint(guarded)

        @blueprint.middleware("request")
        async def only_secret_conversation_ids(request: Request) -> Optional[HTTPResponse]:
            if request.method == "POST" and request.path.endswith("/webhook"):
                return refusal(request)
            return None

        return blueprint


def refusal(request: Request) -> Optional[HTTPResponse]:
    """A 400 answer for a request whose conversation id could be guessed; None when it is fine."""
    try:
        body = request.json
    except Exception:  # not JSON at all
        body = None
    sender = body.get("sender") if isinstance(body, dict) else None
    if is_secret_id(sender):
        return None
    return response.json({"error": "ongeldig_gesprek_id", "message": REFUSED_TEXT}, status=400)
