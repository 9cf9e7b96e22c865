"""Rasa's Slack connector, with the fixes an HR team's Slack needs.

- Conversation ids: an HMAC under a server secret of Rasa's Slack id (user, channel and thread;
  connectors/channel_ids.py), never the Slack user id itself, which any colleague can look up.
- Every message is handled once. Slack retries an event when it thinks delivery failed
  (`X-Slack-Retry-Num`), and a mention in the channel set in SLACK_CHANNEL comes as two events
  (`app_mention` and `message`, same channel and `ts`, different `event_id`); a button click
  (form-encoded `payload=`, no event id) can be replayed within Slack's 5-minute signature window.
  So a message is remembered by channel + ts (else its event id), a click by user, channel,
  message, action and `action_ts`, and a repeat gets 200 without being processed. With several
  Rasa servers the keys are shared through Redis (connectors/seen.py); they are keyed hashes, so
  no Slack id is stored there.
- URL verification answers with the challenge in plain text, as Slack documents
  (https://api.slack.com/events/url_verification); Rasa answers with a JSON string.
- The answers are written in Markdown (**vet**); Slack's mrkdwn uses *vet*.
- Privacy: each message carries `personal_chat` in its metadata (true only in a direct
  message), so the actions give personal dates and deadlines only there; in a channel
  or thread they answer general questions and invite the person to a direct message.
- Around each turn (connectors/chat_turn.py): the rate limit, and the tracker store's notice
  about the turn (a failure on our side, or the verified outcome of an erasure the person asked
  for). Slack always gets its 200 at once, so it never retries because of them.

Configured from the environment by scripts/credentials.sh (SLACK_TOKEN,
SLACK_SIGNING_SECRET, optional SLACK_CHANNEL; SPOORWIJZER_ID_SECRET); see the README.
"""

from __future__ import annotations

import hashlib
import json
import re
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.channel_ids import ConversationIds
from connectors.chat_turn import handle_turn
from connectors.limits import RateLimits
from connectors.seen import SeenIds

_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def to_slack_mrkdwn(text: str) -> str:
    return _MARKDOWN_BOLD.sub(r"*\1*", text)


def is_direct_message(channel_type: Optional[str], channel: Optional[str]) -> bool:
    """A one-to-one chat with the bot: Slack's channel type "im", or a channel id starting with D."""
    return channel_type == "im" or (channel_type is None and (channel or "").startswith("D"))


def _media_type(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


def _json_body(request: Request) -> Dict[str, Any]:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _click_payload(request: Request) -> Dict[str, Any]:
    try:
        payload = json.loads(request.form.get("payload") or "{}")
    except (ValueError, TypeError):
        return {}
    return payload if isinstance(payload, dict) else {}


class SpoorwijzerSlackBot(SlackBot):
    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await super().send_text_message(recipient_id, to_slack_mrkdwn(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await super().send_text_with_buttons(recipient_id, to_slack_mrkdwn(text), buttons, **kwargs)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        # The website's payloads (timeline, files) have no meaning in Slack: the text answer already
        # lists the dates, and what the store has to say about the turn comes after it (chat_turn.py).
        return None


class SpoorwijzerSlackInput(SlackInput):
    @classmethod
    def name(cls) -> Text:
        return "slack"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # At start, so a missing secret stops the server with its message rather than a later turn.
        self.ids = ConversationIds.from_environment()
        self.limits = RateLimits.from_environment()
        self.seen_events = SeenIds.from_environment("slack-event")
        self.seen_clicks = SeenIds.from_environment("slack-click")

    def agent_for(self, request: Request) -> Any:
        return getattr(request.app.ctx, "agent", None)

    def _click_key(self, request: Request) -> str:
        """One click: who, where, on which message, which button, and Slack's time of the click."""
        payload = _click_payload(request)
        actions = payload.get("actions") if isinstance(payload.get("actions"), list) else []
        action = actions[0] if actions and isinstance(actions[0], dict) else {}
        container = payload.get("container") if isinstance(payload.get("container"), dict) else {}
        message = payload.get("message") if isinstance(payload.get("message"), dict) else {}
        action_ts = action.get("action_ts") or payload.get("action_ts")
        if not action_ts:  # not a documented click: only an identical body is the same click
            return hashlib.sha256(request.body or b"").hexdigest()
        parts = [
            (payload.get("user") or {}).get("id"),
            (payload.get("channel") or {}).get("id"),
            container.get("message_ts") or message.get("ts") or payload.get("message_ts"),
            action.get("action_id") or action.get("name"),
            action_ts,
        ]
        return self.ids.digest("slack-klik", "\n".join(str(p or "") for p in parts))

    async def _first_delivery(self, request: Request) -> bool:
        """False for a message or click this server (or, with Redis, any replica) has already taken in."""
        if _media_type(request) == FORM:
            return await self.seen_clicks.first_time(self._click_key(request))
        body = _json_body(request)
        event = body.get("event") if isinstance(body.get("event"), dict) else {}
        if event.get("channel") and event.get("ts"):
            key = self.ids.digest("slack-bericht", f"{event['channel']}\n{event['ts']}")
        elif body.get("event_id"):
            key = str(body["event_id"])
        else:
            return True
        return await self.seen_events.first_time(key)

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: Text,
        sender_id: Optional[Text],
        metadata: Optional[Dict],
    ) -> Any:
        if not sender_id:
            return response.text("")  # no person to answer (Slack sent no user)
        if not await self._first_delivery(request):
            return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
        conversation = self.ids.derive(self.name(), sender_id)
        agent, limits = self.agent_for(request), self.limits

        async def turn(message: UserMessage) -> None:
            await handle_turn(message, on_new_message, agent, limits)

        return await super().process_message(request, turn, text, conversation, metadata)

    def get_metadata(self, request: Request) -> Dict[Text, Any]:
        metadata = super().get_metadata(request)
        if request.headers.get("content-type") == JSON:
            event = (request.json or {}).get("event", {})
            channel_type = event.get("channel_type")
        else:
            channel_type = None  # a button click: only the channel id tells
        metadata["personal_chat"] = is_direct_message(channel_type, metadata.get("out_channel"))
        return metadata

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return SpoorwijzerSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack = super().blueprint(on_new_message)

        @slack.middleware("request")
        async def url_verification(request: Request) -> Optional[HTTPResponse]:
            # Before Rasa's handler, which would answer with a JSON string instead of the challenge.
            if request.method != "POST" or _media_type(request) != JSON:
                return None
            body = _json_body(request)
            if body.get("type") != "url_verification" or not self.is_request_from_slack_authentic(request):
                return None  # Rasa's handler refuses an unsigned request
            return response.text(str(body.get("challenge", "")), content_type="text/plain")

        return slack
