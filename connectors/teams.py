"""Microsoft Teams for a single-tenant Azure bot registration, instead of Rasa's botframework connector.

Rasa 3.6's own connector does not verify incoming tokens fully, assumes the multi-tenant
token endpoint, makes blocking calls and its buttons do not work in Teams. This one:
- verifies every request as Microsoft documents (connectors/teams_auth.py); anything else
  gets 401 and is not processed. Then only Teams itself, of our own tenant: the same app
  registration also serves Web Chat and Direct Line (Azure enables Web Chat by default), whose
  activities are signed by the same Bot Connector keys but carry no tenant, and whose
  `from` a Direct Line client chooses itself. An activity whose `channelId` is not `msteams`,
  or whose tenant is missing or another, gets 403;
- answers within the request (200) and handles the message in the background, replying
  through the activity's serviceUrl with a token from our tenant, all with aiohttp (the
  conversation id in the URL percent-encoded, as Microsoft's SDKs do: channel threads contain
  `:`, `@` and `;messageid=`);
- never answers the same activity id twice, also across replicas (Redis, connectors/seen.py);
- one conversation per user in personal chat, one per thread in a team channel, where it only
  answers when mentioned. The conversation id is an HMAC under a server secret
  (connectors/channel_ids.py), never the Entra object id that any colleague can look up;
- buttons as an Adaptive Card whose clicks come back as the button's payload;
- privacy as in Slack: each message says whether it came from a personal chat
  (`personal_chat`), and the actions give personal dates only there;
- around each turn (connectors/chat_turn.py): the rate limit, and the tracker store's notice
  about the turn (a failure on our side, or the verified outcome of an erasure the person asked for).

Configured from TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (scripts/credentials.sh);
TEAMS_OPENID_METADATA_URL and TEAMS_TOKEN_URL override Microsoft's public endpoints (tests,
sovereign clouds). Endpoint: POST /webhooks/teams/webhook.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import urllib.parse
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set, Text

import aiohttp
import yarl
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.channel_ids import ConversationIds
from connectors.chat_turn import handle_turn
from connectors.limits import RateLimits
from connectors.seen import SeenIds
from connectors.teams_auth import (
    DEFAULT_OPENID_METADATA_URL,
    HTTP_TIMEOUT,
    TOKEN_URL_TEMPLATE,
    ConnectorTokenVerifier,
    OutgoingToken,
    Unauthorized,
)

logger = logging.getLogger(__name__)

_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
PERSONAL = "personal"
TEAMS_CHANNEL_ID = "msteams"


def mentions(activity: Dict[str, Any], bot_id: Optional[str]) -> bool:
    """Whether the message mentions the bot (Teams lists mentions as entities)."""
    for entity in activity.get("entities") or []:
        if entity.get("type") == "mention" and (entity.get("mentioned") or {}).get("id") == bot_id:
            return True
    return False


def message_text(activity: Dict[str, Any]) -> Optional[str]:
    """The user's text without the @mention, or the payload of a clicked card button."""
    value = activity.get("value")
    if isinstance(value, dict) and isinstance(value.get("payload"), str):
        return value["payload"]
    text = _MENTION.sub(" ", activity.get("text") or "").strip()
    return text or None


def platform_id(activity: Dict[str, Any]) -> Optional[str]:
    """Personal chat: the user; team channel: the thread (Teams puts it in the conversation id)."""
    conversation = activity.get("conversation") or {}
    if conversation.get("conversationType") == PERSONAL:
        sender = activity.get("from") or {}
        user = sender.get("aadObjectId") or sender.get("id")
        return f"personal:{user}" if user else None
    return f"thread:{conversation['id']}" if conversation.get("id") else None


def conversation_id(activity: Dict[str, Any], ids: ConversationIds) -> Optional[str]:
    """The conversation id Rasa uses: `teams:<HMAC>`, not a Teams or Entra id."""
    platform = platform_id(activity)
    return ids.derive("teams", platform) if platform else None


def tenants(activity: Dict[str, Any]) -> Set[str]:
    """Every tenant id the activity names (Teams sends it in two places)."""
    named = (
        (activity.get("conversation") or {}).get("tenantId"),
        ((activity.get("channelData") or {}).get("tenant") or {}).get("id"),
    )
    return {t for t in named if t}


def adaptive_card(text: str, buttons: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {
        "contentType": "application/vnd.microsoft.card.adaptive",
        "content": {
            "type": "AdaptiveCard",
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.5",
            "body": [{"type": "TextBlock", "text": text, "wrap": True}],
            "actions": [
                {"type": "Action.Submit", "title": b["title"], "data": {"payload": b["payload"]}} for b in buttons
            ],
        },
    }


class TeamsBot(OutputChannel):
    """Replies to one activity in its conversation, through the activity's serviceUrl."""

    @classmethod
    def name(cls) -> Text:
        return "teams"

    def __init__(self, token: OutgoingToken, activity: Dict[str, Any]) -> None:
        self.token = token
        self.service_url = activity["serviceUrl"].rstrip("/")
        self.conversation = activity.get("conversation") or {}
        self.reply_to = activity.get("id")
        self.bot = activity.get("recipient") or {}

    async def _post(self, payload: Dict[str, Any]) -> None:
        body = {"type": "message", "from": self.bot, "conversation": self.conversation, **payload}
        if self.reply_to:
            body["replyToId"] = self.reply_to
        conversation = urllib.parse.quote(str(self.conversation.get("id")), safe="")
        # encoded=True: aiohttp would otherwise decode %3A, %40 and %3B again before sending.
        url = yarl.URL(f"{self.service_url}/v3/conversations/{conversation}/activities", encoded=True)
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
            token = await self.token.get(session)
            async with session.post(url, json=body, headers={"Authorization": f"Bearer {token}"}) as reply:
                if reply.status >= 400:
                    logger.error("Teams: antwoord niet afgeleverd (HTTP %s).", reply.status)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._post({"text": text, "textFormat": "markdown"})

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._post({"attachments": [adaptive_card(text, buttons)]})

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        # The web chat's timeline and files have no place here; the text answer lists the dates,
        # and what the store has to say about the turn comes after it (chat_turn.py).
        return None


class TeamsInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TeamsInput":
        credentials = credentials or {}
        missing = [k for k in ("app_id", "app_password", "tenant_id") if not credentials.get(k)]
        if missing:
            raise ValueError(
                f"Teams: {', '.join(missing)} ontbreekt (TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID)."
            )
        return cls(
            credentials["app_id"],
            credentials["app_password"],
            credentials["tenant_id"],
            credentials.get("openid_metadata_url") or DEFAULT_OPENID_METADATA_URL,
            credentials.get("token_url") or TOKEN_URL_TEMPLATE.format(tenant=credentials["tenant_id"]),
        )

    def __init__(self, app_id: str, app_password: str, tenant_id: str, metadata_url: str, token_url: str) -> None:
        self.app_id = app_id
        self.tenant_id = tenant_id
        self.verifier = ConnectorTokenVerifier(app_id, metadata_url)
        self.token = OutgoingToken(app_id, app_password, token_url)
        self.seen_activities = SeenIds.from_environment("teams-activity")
        # At start, so a missing secret stops the server with its message rather than a later turn.
        self.ids = ConversationIds.from_environment()
        self.limits = RateLimits.from_environment()
        self._tasks: Set[asyncio.Task] = set()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        teams = Blueprint("teams_webhook", __name__)

        @teams.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @teams.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                activity = json.loads(request.body or b"{}")
            except ValueError:
                return response.json({"error": "geen JSON"}, status=400)
            if not isinstance(activity, dict) or not activity.get("serviceUrl"):
                return response.json({"error": "geen activity"}, status=400)
            try:
                await self.verifier.verify(request.headers.get("Authorization"), activity)
            except Unauthorized as reason:
                logger.warning("Teams: verzoek geweigerd (%s).", reason)
                return response.json({"error": "niet geautoriseerd"}, status=401)
            if activity.get("channelId") != TEAMS_CHANNEL_ID:
                return response.json({"error": "alleen Microsoft Teams"}, status=403)
            if tenants(activity) != {self.tenant_id}:
                return response.json({"error": "andere of geen tenant"}, status=403)
            if activity.get("type") != "message":
                return response.empty(status=200)  # conversationUpdate, typing, …: nothing to answer
            if activity.get("id") and not await self.seen_activities.first_time(str(activity["id"])):
                return response.empty(status=200)  # Teams sent it again: answered already
            personal = (activity.get("conversation") or {}).get("conversationType") == PERSONAL
            clicked = isinstance(activity.get("value"), dict)
            if not personal and not clicked and not mentions(activity, (activity.get("recipient") or {}).get("id")):
                return response.empty(status=200)  # in a channel only when mentioned
            text = message_text(activity)
            conversation = conversation_id(activity, self.ids)
            if text is None or conversation is None:
                return response.empty(status=200)
            output = TeamsBot(self.token, activity)
            message = UserMessage(
                text,
                output,
                conversation,
                input_channel=self.name(),
                metadata={
                    "personal_chat": personal,
                    "conversation_type": (activity.get("conversation") or {}).get("conversationType"),
                },
            )
            agent = self.agent_for(request)
            task = asyncio.create_task(handle_turn(message, on_new_message, agent, self.limits))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return response.empty(status=200)

        return teams

    def agent_for(self, request: Request) -> Any:
        return getattr(request.app.ctx, "agent", None)
