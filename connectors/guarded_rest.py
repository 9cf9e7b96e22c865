"""The REST channel: one guarded way in, limits, and an honest answer when something fails.

One way in: this channel builds its own blueprint instead of wrapping Rasa's, so the only code
that hands a message to the assistant is `receive`, and its first step is the check of the
conversation id. Whatever path spelling Sanic routes to it (trailing slash, double slash, query
string, percent-encoding), it runs the same check; there is no separate middleware that has to
recognise the path. Routes: GET / (liveness), GET /ready (readiness), POST /webhook (messages).

Checks on every message, before anything is read or stored:
- `sender` must be a random UUID4 (connectors/conversation_id.py explains why), else 400.
- `?stream=true` is refused with 400: Rasa's streaming mode bypassed the guard, the erasure and
  the failure answers, and hung (issue #25); the chat widget does not use it.
- `message` must be text that can be stored (a string, no lone surrogates or NUL), else 400.
- Rate limits per conversation and per client address (connectors/limits.py), else 429 with a
  Dutch message in Rasa's reply format, so the widget shows it.
- A message longer than MAX_CHARS gets a Dutch reply that it is too long and is not passed on.

No silent failures: if the turn raises (lock store, tracker store or action server down) the
person gets STORE_FAILED_TEXT, and the log says what failed without the message text. If the
tracker store has a notice about the turn (privacy.store.turn_notice: it could not load or save
it, so the person must not think the answer was kept; or the outcome of an erasure the person
asked for, which the store decides and verifies itself), that notice replaces the turn's replies,
with its machine-readable `custom` part for the widget. This channel does not need to know what a
notice is about. An empty reply (the action server did not answer) becomes NO_REPLY_TEXT.

Safe retries: a client may send a `message_id` with each message (the chat widget does). Sending
the same message again with the same id never gives a second turn: if the first one was stored,
its replies are sent again; if not, the message is handled now. Ids are shared between replicas
through Redis (connectors/seen.py); only a retry costs a look in the tracker store.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.conversation_id import REFUSED_TEXT, is_secret_id
from connectors.crisis_help import help_first
from connectors.limits import RATE_LIMITED_TEXT, RateLimits
from connectors.seen import SeenIds
from privacy.notices import NO_REPLY_TEXT, STORE_FAILED_TEXT
from privacy.store import check_ready, turn_notice
from spoorwijzer_rasa.log_safety import describe, hidden_text, safe_traceback

logger = logging.getLogger(__name__)

MAX_CHARS = 2000
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # a client's id for one message (e.g. a UUID)
UNSTORABLE = re.compile("[\ud800-\udfff\x00]")  # lone surrogates and NUL: no database stores them
REDIS_PING_SECONDS = 3
TOO_LONG_TEXT = (
    f"Je bericht is te lang voor mij (meer dan {MAX_CHARS} tekens). Wil je je vraag korter stellen? "
    "Je hoeft geen hele verhalen of medische details te geven."
)
STREAM_REFUSED_TEXT = (
    "Dit kanaal antwoordt niet als stream. Stuur het bericht zonder '?stream=true'; "
    "je krijgt dan alle antwoorden in één keer."
)
NOT_TEXT_TEXT = "Het veld 'message' moet tekst zijn (een JSON-string), bijvoorbeeld \"In welk spoor zit ik?\"."
UNREADABLE_TEXT = (
    "Je bericht bevat tekens die ik niet kan lezen of bewaren. Typ je bericht opnieuw, zonder bijzondere tekens."
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


def json_body(request: Request) -> Any:
    """The parsed JSON body; None when there is none or it is not JSON."""
    try:
        return request.json
    except Exception:  # Sanic raises InvalidUsage for a body that is not JSON
        return None


def refusal(request: Request) -> Optional[HTTPResponse]:
    """A 400 answer for a request whose conversation id could be guessed; None when it is fine."""
    body = json_body(request)
    sender = body.get("sender") if isinstance(body, dict) else None
    if is_secret_id(sender):
        return None
    return response.json({"error": "ongeldig_gesprek_id", "message": REFUSED_TEXT}, status=400)


def wants_stream(request: Request) -> bool:
    """Whether the client asks for Rasa's streaming mode (any value but false)."""
    return any(value.strip().lower() != "false" for value in request.args.getlist("stream", []))


def text_problem(text: Any) -> Optional[HTTPResponse]:
    """A 400 answer for a `message` that is not storable text; None when it is fine."""
    if not isinstance(text, str):
        return response.json({"error": "ongeldig_bericht", "message": NOT_TEXT_TEXT}, status=400)
    if UNSTORABLE.search(text):
        return response.json({"error": "ongeldige_tekst", "message": UNREADABLE_TEXT}, status=400)
    return None


READY_CACHE_SECONDS = 5.0  # /ready is public: a flood of probes must not become a flood of database probes
_READY_CACHE = "_spoorwijzer_readiness"  # kept on the agent itself: (when, reason)


async def readiness(agent: Any) -> Optional[str]:
    """`check_readiness`, answered from a result of at most READY_CACHE_SECONDS ago."""
    now = time.monotonic()
    cached = getattr(agent, _READY_CACHE, None)
    if cached is not None and now - cached[0] < READY_CACHE_SECONDS:
        return cached[1]
    reason = await check_readiness(agent)
    if agent is not None:
        setattr(agent, _READY_CACHE, (now, reason))
    return reason


async def check_readiness(agent: Any) -> Optional[str]:
    """None when the assistant can take messages; else a short reason without personal data."""
    if agent is None:
        return "agent_niet_geladen"
    is_ready = getattr(agent, "is_ready", None)
    if callable(is_ready) and not is_ready():
        return "model_niet_geladen"
    try:
        reason = await check_ready(agent)
    except Exception as error:  # the contract says it answers; still never a 500 here
        return f"trackerstore_controle_mislukt ({describe(error)})"
    if reason:
        return reason
    lock_store = getattr(agent, "lock_store", None)
    redis_client = getattr(lock_store, "red", None)  # Rasa's RedisLockStore keeps a blocking client
    if redis_client is not None:
        try:
            loop = asyncio.get_running_loop()
            await asyncio.wait_for(loop.run_in_executor(None, redis_client.ping), REDIS_PING_SECONDS)
        except Exception as error:
            return f"redis_lock_store_onbereikbaar ({describe(error)})"
    return None


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self) -> None:
        super().__init__()
        self.seen_messages = SeenIds.from_environment("rest-message")
        self.limits = RateLimits.from_environment()
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
        messages: List[Dict[str, Any]] = message.output_channel.messages
        try:
            await self._turn(message, on_new_message)
            notice = turn_notice(self._agent, message.sender_id)
            if notice is not None:
                # The store's word on the turn is the answer (what the replies said was not kept,
                # or the conversation they belong to is gone).
                logger.info("Een beurt via REST krijgt de melding van de trackerstore (%s).", notice.kind)
                messages[:] = [notice.as_message(message.sender_id)]
        except Exception as error:
            # The text of the message stays out of the log: type and frames only.
            logger.error(
                "Een bericht via REST kon niet verwerkt worden (%s).\n%s", describe(error), safe_traceback(error)
            )
            messages.clear()
            await message.output_channel.send_text_message(message.sender_id, STORE_FAILED_TEXT)
            return
        if not messages:
            await message.output_channel.send_text_message(message.sender_id, NO_REPLY_TEXT)

    async def _turn(self, message: UserMessage, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> None:
        client_id = (message.metadata or {}).get("message_id")
        if client_id:
            message.message_id = client_id  # stored with the user's message in the tracker
            if not await self.seen_messages.first_time(client_id) and await self._replay(message):
                return
        await on_new_message(message)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        """Our own routes, not Rasa's: the message route has the guard in its handler (module docstring)."""
        module = inspect.getmodule(self)
        blueprint = Blueprint(f"custom_webhook_{type(self).__name__}", module.__name__ if module else None)

        @blueprint.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            reason = await readiness(getattr(request.app.ctx, "agent", None))
            if reason:
                return response.json({"status": "niet_klaar", "reden": reason}, status=503)
            return response.json({"status": "ok"})

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            refused = refusal(request)
            if refused is not None:
                return refused
            if wants_stream(request):
                return response.json({"error": "stream_niet_ondersteund", "message": STREAM_REFUSED_TEXT}, status=400)
            body = json_body(request)
            sender, text = body["sender"], body.get("message")
            problem = text_problem(text)
            if problem is not None:
                return problem
            if not await self.limits.allow(sender, request.remote_addr or request.ip):
                refused = help_first(text, [{"recipient_id": sender, "text": RATE_LIMITED_TEXT}], sender)
                return response.json(refused, status=429)
            collector = CollectingOutputChannel()
            # input_channel is ours to say, not the client's.
            message = UserMessage(
                text, collector, sender, input_channel=self.name(), metadata=self.get_metadata(request)
            )
            with hidden_text(text):
                await self.handle(message, on_new_message)
            # A message that was too long, or a turn that failed, never reached the crisis rule.
            return response.json(help_first(text, collector.messages, sender))

        return blueprint
