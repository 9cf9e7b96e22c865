"""The REST channel, with a limit on message length and no silent failures.

A message longer than MAX_CHARS is not passed to the assistant (NLU on it only
slows the server and gives no useful answer). The sender gets a Dutch reply that
the message is too long. If the assistant produced no reply at all — which in
Rasa happens when the action server cannot be reached — the sender gets a polite
Dutch message instead of silence. The URL stays /webhooks/rest/webhook.
"""
from __future__ import annotations

from typing import Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

MAX_CHARS = 2000
NO_REPLY_TEXT = (
    "Sorry, er ging aan onze kant iets mis en ik kan je nu geen antwoord geven. "
    "Probeer het over een paar minuten nog eens."
)
TOO_LONG_TEXT = (
    f"Je bericht is te lang voor mij (meer dan {MAX_CHARS} tekens). Wil je je vraag korter stellen? "
    "Je hoeft geen hele verhalen of medische details te geven."
)


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        async def guarded(message: UserMessage) -> None:
            if message.text and len(message.text) > MAX_CHARS:
                await message.output_channel.send_text_message(message.sender_id, TOO_LONG_TEXT)
                return
            await on_new_message(message)
            if not getattr(message.output_channel, "messages", True):
                await message.output_channel.send_text_message(message.sender_id, NO_REPLY_TEXT)

        return super().blueprint(guarded)
