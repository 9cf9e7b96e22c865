"""Rasa's Slack connector, with two fixes for HR teams that use Slack.

- Slack retries an event when it thinks delivery failed. Rasa answers at once and
  handles the message in the background, so a retry of an event it already
  received would give a second answer. Events are remembered by `event_id` and a
  repeat is acknowledged without being processed. With several Rasa servers the
  ids are shared through Redis (connectors/seen.py).
- The answers are written in Markdown (**vet**); Slack's mrkdwn uses *vet*.
- Privacy: each message carries `personal_chat` in its metadata (true only in a direct
  message), so the actions give personal dates and deadlines only there; in a channel
  or thread they answer general questions and invite the person to a direct message.
- Erasure: a reply that confirms erasure deletes the conversation after the turn
  (connectors/erasure.py).

Configured from the environment by scripts/credentials.sh (SLACK_TOKEN,
SLACK_SIGNING_SECRET, optional SLACK_CHANNEL); see the README.
"""
from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import response
from sanic.request import Request

from connectors.erasure import MARKER, erase_conversation
from connectors.seen import SeenIds

_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_slack_mrkdwn(text: str) -> str:
    return _MARKDOWN_BOLD.sub(r"*\1*", text)


def is_direct_message(channel_type: Optional[str], channel: Optional[str]) -> bool:
    """A one-to-one chat with the bot: Slack's channel type "im", or a channel id starting with D."""
    return channel_type == "im" or (channel_type is None and (channel or "").startswith("D"))


class SpoorwijzerSlackBot(SlackBot):
    erase_requested = False

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await super().send_text_message(recipient_id, to_slack_mrkdwn(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await super().send_text_with_buttons(recipient_id, to_slack_mrkdwn(text), buttons, **kwargs)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        # The website's timeline payload has no meaning in Slack: the text answer already lists the dates.
        if json_message.get(MARKER):
            self.erase_requested = True
        return None


class SpoorwijzerSlackInput(SlackInput):
    @classmethod
    def name(cls) -> Text:
        return "slack"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen_events = SeenIds.from_environment("slack-event")

    async def _first_delivery(self, request: Request) -> bool:
        """False for an event id this server (or, with Redis, any replica) has already taken in."""
        try:
            event_id = (json.loads(request.body or b"{}") or {}).get("event_id")
        except (ValueError, AttributeError):
            event_id = None
        if not event_id:
            return True
        return await self.seen_events.first_time(str(event_id))

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: Text,
        sender_id: Optional[Text],
        metadata: Optional[Dict],
    ) -> Any:
        if not await self._first_delivery(request):
            return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
        agent = getattr(request.app.ctx, "agent", None)

        async def then_erase_if_asked(message: UserMessage) -> None:
            await on_new_message(message)
            if agent is not None and getattr(message.output_channel, "erase_requested", False):
                await erase_conversation(agent, message.sender_id)

        return await super().process_message(request, then_erase_if_asked, text, sender_id, metadata)

    def get_metadata(self, request: Request) -> Dict[Text, Any]:
        metadata = super().get_metadata(request)
        if request.headers.get("content-type") == "application/json":
            event = (request.json or {}).get("event", {})
            channel_type = event.get("channel_type")
        else:
            channel_type = None  # a button click: only the channel id tells
        metadata["personal_chat"] = is_direct_message(channel_type, metadata.get("out_channel"))
        return metadata

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return SpoorwijzerSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy)
