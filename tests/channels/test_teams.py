"""The Teams channel over real HTTP on loopback, without Microsoft: local stand-ins for the
OpenID metadata with signing keys the test makes, for the tenant's token endpoint, and for the
Bot Connector serviceUrl that records the replies.

The stand-in issues what Microsoft issues, checked against Microsoft's own code and documents:
- token claims `serviceurl` (lower case), `nbf`, `exp`, `iss`, `aud`: the claim names Microsoft's
  SDKs read (botbuilder-python botframework/connector/auth/authentication_constants.py
  SERVICE_URL_CLAIM = "serviceurl", channel_validation.py; botbuilder-js
  src/auth/authenticationConstants.ts ServiceUrlClaim = 'serviceurl', channelValidation.ts;
  botbuilder-dotnet Authentication/ChannelValidation.cs), with the example lifetime of
  MicrosoftDocs/bot-docs articles/rest-api/bot-framework-rest-connector-authentication.md;
- token header `typ` JWT, `alg` RS256, `x5t` and `kid` both the signing key id (same document);
- OpenID metadata with the five fields of Microsoft's example document (issuer,
  authorization_endpoint, jwks_uri, id_token_signing_alg_values_supported,
  token_endpoint_auth_methods_supported; botbuilder-js src/auth/openIdMetadata.ts IOpenIdConfig);
- keys as login.botframework.com publishes them: kty, use, kid, x5t, n, e, x5c (an X.509
  certificate) and `endorsements` (botbuilder-js openIdMetadata.ts IKey). One key endorses many
  channels at once ("tokens coming from Teams have about 20": botbuilder-python
  endorsements_validator.py), so an endorsement alone does not tell Teams from Web Chat.
- reply URLs with the conversation id percent-encoded, as the SDKs' clients send them
  (msrest Serializer.url: quote(..., safe='')).
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import hashlib
import json
import logging
import os
import re
import threading
import time
import urllib.error
import urllib.request
import uuid
from types import SimpleNamespace
from unittest import mock

import jwt
import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from jwt.algorithms import RSAAlgorithm
from rasa.shared.core.domain import Domain

from connectors.channel_ids import ConversationIds
from connectors.conversation_id import is_secret_id
from connectors.limits import RATE_LIMITED_TEXT
from connectors.teams import TeamsInput, conversation_id, message_text, platform_id
from connectors.teams_auth import BOT_FRAMEWORK_ISSUER
from privacy.erasure import ERASE_FAILED_TEXT, ERASED_TEXT
from privacy.notices import NO_REPLY_TEXT, STORE_FAILED, STORE_FAILED_TEXT
from privacy.store import PrivateSQLTrackerStore
from tests.channels.registry import CHANNELS
from tests.channels.stand_ins import (
    Limits,
    ReadOnlyStore,
    give_the_erase_reply,
    turn_as_rasa,
    wait_for,
)

APP_ID = "11111111-2222-3333-4444-555555555555"
TENANT = "99999999-8888-7777-6666-555555555555"
BOT = {"id": "28:" + APP_ID, "name": "Spoorwijzer"}
ID_SECRET = "teams-test-id-secret-" + "y" * 32
DERIVED = re.compile(r"^teams:[0-9a-f]{64}$")
# Bot Framework channel ids (botbuilder's Channels class); the real keys list about twenty.
ENDORSED = [
    "msteams",
    "skype",
    "skypeforbusiness",
    "webchat",
    "directline",
    "emulator",
    "slack",
    "telegram",
    "facebook",
    "email",
    "sms",
    "groupme",
    "kik",
    "line",
    "alexa",
    "twilio-sms",
    "telephony",
]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def new_key(endorsements=tuple(ENDORSED)):
    """A signing key as login.botframework.com/v1/.well-known/keys lists it: the private half stays here."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "login.botframework.com")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(private, hashes.SHA256())
    )
    der = certificate.public_bytes(serialization.Encoding.DER)
    thumbprint = b64url(hashlib.sha1(der).digest())  # x5t: SHA-1 of the certificate (RFC 7517)
    public = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
    return private, {
        "kty": "RSA",
        "use": "sig",
        "kid": thumbprint,
        "x5t": thumbprint,
        "n": public["n"],
        "e": public["e"],
        "x5c": [base64.b64encode(der).decode()],
        "endorsements": list(endorsements),
    }


class Microsoft:
    """The stand-ins: metadata + keys, token endpoint, serviceUrl. Runs in its own thread."""

    def __init__(self) -> None:
        self.keys = {"k1": new_key()}
        self.published = ["k1"]
        self.key_fetches = 0
        self.replies: list[dict] = []
        self.token_requests: list[dict] = []
        self.base = ""  # known once started (a free port chosen by the system, never one guessed earlier)
        self._started = False

    async def metadata(self, request):
        return web.json_response(
            {
                "issuer": BOT_FRAMEWORK_ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": f"{self.base}/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def jwks(self, request):
        self.key_fetches += 1
        return web.json_response({"keys": [self.keys[k][1] for k in self.published]})

    async def token(self, request):
        self.token_requests.append(dict(await request.post()))
        return web.json_response({"access_token": "uitgaand-token", "expires_in": 3600, "token_type": "Bearer"})

    async def activities(self, request):
        self.replies.append(
            {
                "auth": request.headers.get("Authorization"),
                "raw_path": request.raw_path,
                "conversation": request.match_info["conversation"],
                "body": await request.json(),
            }
        )
        return web.json_response({"id": "reply-1"})

    def texts(self) -> list:
        return [reply["body"].get("text") for reply in self.replies]

    def start(self) -> None:
        if self._started:
            return
        app = web.Application()
        app.router.add_get("/openid", self.metadata)
        app.router.add_get("/keys", self.jwks)
        app.router.add_post("/token", self.token)
        app.router.add_post("/service/v3/conversations/{conversation}/activities", self.activities)
        loop = asyncio.new_event_loop()
        started = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            runner = web.AppRunner(app)
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.base = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
            started.set()
            loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        assert started.wait(10)
        self._started = True

    def token_for(self, activity: dict, key: str = "k1", **override) -> str:
        """A token as the Bot Connector service issues it; `override` changes or (None) drops claims."""
        now = int(time.time())
        claims = {
            "serviceurl": activity["serviceUrl"],
            "nbf": now,
            "exp": now + 3900,
            "iss": BOT_FRAMEWORK_ISSUER,
            "aud": APP_ID,
            **override,
        }
        claims = {k: v for k, v in claims.items() if v is not None}
        private, public = self.keys[key]
        return jwt.encode(
            claims,
            private,
            algorithm="RS256",
            headers={"typ": "JWT", "alg": "RS256", "x5t": public["x5t"], "kid": public["kid"]},
        )


MICROSOFT = Microsoft()


class TeamsUnderTest(TeamsInput):
    """The real connector; per test its agent can be swapped."""

    agent_override = None

    def agent_for(self, request):
        return self.agent_override or super().agent_for(request)


def _teams_channel(agent):
    received: list = []
    MICROSOFT.start()
    with mock.patch.dict(os.environ, {"SPOORWIJZER_ID_SECRET": ID_SECRET}):
        channel = TeamsUnderTest.from_credentials(
            {
                "app_id": APP_ID,
                "app_password": "geheim",
                "tenant_id": TENANT,
                "openid_metadata_url": f"{MICROSOFT.base}/openid",
                "token_url": f"{MICROSOFT.base}/token",
            }
        )

    async def answer(message, tracker):
        # Buttons on every turn; "wis" also gives the reply that carries the erase marker.
        await message.output_channel.send_text_with_buttons(
            message.sender_id, "Waar kan ik mee helpen?", [{"title": "Waarom?", "payload": "/ask_why"}]
        )
        if message.text == "wis":
            await give_the_erase_reply(message, tracker)

    async def on_new_message(message):
        await turn_as_rasa(channel.agent_override or agent, message, received, answer)

    return channel.blueprint(on_new_message), SimpleNamespace(received=received, channel=channel)


CHANNELS["teams"] = _teams_channel


@pytest.fixture
def teams(channel_server):
    """The stand-ins for Microsoft, and the shared real Sanic server with the Teams blueprint."""
    MICROSOFT.start()
    state = channel_server.states["teams"]
    state.received.clear()
    MICROSOFT.replies.clear()
    saved_limits = getattr(state.channel, "limits", None)
    yield SimpleNamespace(
        url=f"{channel_server.base}/teams/webhook",
        microsoft=MICROSOFT,
        received=state.received,
        channel=state.channel,
        agent=channel_server.agent,
    )
    state.channel.limits = saved_limits
    state.channel.agent_override = None


def activity(
    microsoft: Microsoft, text: str = "wat is spoor 2?", personal: bool = True, user: str = "aad-user-1", **extra
) -> dict:
    return {
        "type": "message",
        "id": f"act-{uuid.uuid4().hex[:12]}",
        "channelId": "msteams",
        "serviceUrl": f"{microsoft.base}/service",
        "from": {"id": f"29:{user}", "aadObjectId": user, "name": "Werknemer"},
        "recipient": BOT,
        "conversation": {
            "id": "a:personal-1" if personal else "19:kanaal@thread.tacv2;messageid=123",
            "conversationType": "personal" if personal else "channel",
            "tenantId": TENANT,
        },
        "channelData": {"tenant": {"id": TENANT}},
        "text": text,
        **extra,
    }


def post(url: str, body: dict, token: str | None) -> int:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for_text(microsoft: Microsoft, text: str, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and text not in microsoft.texts():
        time.sleep(0.05)


def test_a_token_as_microsoft_issues_it_is_accepted_and_answered_with_our_tenants_token(teams):
    body = activity(teams.microsoft)
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 200
    wait_for(teams.microsoft.replies, 1)
    assert [m.text for m in teams.received] == ["wat is spoor 2?"]
    assert teams.received[0].metadata["personal_chat"] is True
    reply = teams.microsoft.replies[0]
    assert reply["auth"] == "Bearer uitgaand-token"
    assert reply["raw_path"] == "/service/v3/conversations/a%3Apersonal-1/activities"
    assert reply["body"]["replyToId"] == body["id"]
    card = reply["body"]["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["actions"][0] == {
        "type": "Action.Submit",
        "title": "Waarom?",
        "data": {"payload": "/ask_why"},
    }
    form = teams.microsoft.token_requests[0]
    assert form["grant_type"] == "client_credentials" and form["client_id"] == APP_ID
    assert form["scope"] == "https://api.botframework.com/.default"


def test_the_conversation_id_is_derived_and_not_the_entra_id(teams):
    for text, user in (("hoi", "aad-user-1"), ("nog een vraag", "aad-user-1"), ("goedemiddag", "aad-user-2")):
        body = activity(teams.microsoft, text=text, user=user)
        assert post(teams.url, body, teams.microsoft.token_for(body)) == 200
    wait_for(teams.received, 3)
    # By text, not by order: the second message of aad-user-1 waits for the lock on that conversation.
    conversation = {m.text: m.sender_id for m in teams.received}
    first, again, other = conversation["hoi"], conversation["nog een vraag"], conversation["goedemiddag"]
    assert DERIVED.match(first) and "aad-user-1" not in first
    assert first == again and first != other
    assert not is_secret_id(first)  # the REST channel would refuse it as a sender


def test_a_token_with_only_a_camel_case_service_url_is_refused_as_microsofts_sdks_refuse_it(teams):
    body = activity(teams.microsoft)
    token = teams.microsoft.token_for(body, serviceurl=None, serviceUrl=body["serviceUrl"])
    assert post(teams.url, body, token) == 401
    time.sleep(0.2)
    assert teams.received == []


def _other_key(m, a):
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = int(time.time())
    claims = {"serviceurl": a["serviceUrl"], "nbf": now, "exp": now + 3900, "iss": BOT_FRAMEWORK_ISSUER, "aud": APP_ID}
    kid = m.keys["k1"][1]["kid"]
    return jwt.encode(claims, stranger, algorithm="RS256", headers={"typ": "JWT", "x5t": kid, "kid": kid})


@pytest.mark.parametrize(
    "why, make_token",
    [
        ("no token", lambda m, a: None),
        ("signed with another key under a published key id", _other_key),
        ("wrong issuer", lambda m, a: m.token_for(a, iss="https://sts.windows.net/iemand-anders/")),
        ("wrong audience", lambda m, a: m.token_for(a, aud="andere-bot")),
        ("no audience", lambda m, a: m.token_for(a, aud=None)),
        ("expired beyond the clock skew", lambda m, a: m.token_for(a, exp=int(time.time()) - 301, nbf=None)),
        ("not valid yet beyond the clock skew", lambda m, a: m.token_for(a, nbf=int(time.time()) + 600)),
        ("no expiry", lambda m, a: m.token_for(a, exp=None)),
        ("service URL of another host", lambda m, a: m.token_for(a, serviceurl="https://elders.example/")),
        ("no service URL claim", lambda m, a: m.token_for(a, serviceurl=None)),
        (
            "symmetric algorithm",
            lambda m, a: jwt.encode(
                {"iss": BOT_FRAMEWORK_ISSUER, "aud": APP_ID, "serviceurl": a["serviceUrl"]},
                "geheim" * 8,
                algorithm="HS256",
                headers={"kid": m.keys["k1"][1]["kid"]},
            ),
        ),
    ],
)
def test_anything_else_gets_401_and_is_not_processed(teams, why, make_token):
    body = activity(teams.microsoft)
    assert post(teams.url, body, make_token(teams.microsoft, body)) == 401, why
    time.sleep(0.2)
    assert teams.received == [], why


@pytest.mark.parametrize("channel_id", ["webchat", "directline", None])
def test_a_valid_token_for_another_bot_framework_channel_is_refused(teams, channel_id):
    # Same app registration, same signing keys (endorsed for webchat and directline too), but no
    # tenant, and in Direct Line the client chooses `from` itself.
    body = activity(teams.microsoft, value={"payload": "/ask_why"})
    body["channelId"] = channel_id
    del body["channelData"], body["conversation"]["tenantId"]
    assert post(teams.url, body, teams.microsoft.token_for(body)) in (401, 403)
    time.sleep(0.2)
    assert teams.received == []


def test_an_activity_without_a_tenant_is_refused(teams):
    body = activity(teams.microsoft)
    del body["channelData"], body["conversation"]["tenantId"]
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 403
    time.sleep(0.2)
    assert teams.received == []


@pytest.mark.parametrize("where", ["conversation", "channelData"])
def test_another_tenant_is_refused(teams, where):
    body = activity(teams.microsoft)
    if where == "conversation":
        body["conversation"]["tenantId"] = "00000000-0000-0000-0000-000000000000"
    else:
        body["channelData"]["tenant"]["id"] = "00000000-0000-0000-0000-000000000000"
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 403
    time.sleep(0.2)
    assert teams.received == []


def test_an_unknown_key_id_fetches_the_keys_again_then_is_refused(teams):
    microsoft = teams.microsoft
    microsoft.keys["k2"] = new_key()
    microsoft.published = ["k1", "k2"]  # Microsoft rolled its keys
    import connectors.teams_auth as auth

    auth.MIN_REFETCH_SECONDS, saved = 0, auth.MIN_REFETCH_SECONDS
    try:
        before = microsoft.key_fetches
        body = activity(microsoft)
        assert post(teams.url, body, microsoft.token_for(body, key="k2")) == 200
        assert microsoft.key_fetches == before + 1  # refreshed on the unknown key id
        microsoft.keys["k3"] = new_key()  # a key that is never published
        body = activity(microsoft)
        assert post(teams.url, body, microsoft.token_for(body, key="k3")) == 401
        assert microsoft.key_fetches == before + 2
    finally:
        auth.MIN_REFETCH_SECONDS = saved
    wait_for(teams.received, 1)
    assert len(teams.received) == 1


def test_a_key_not_endorsed_for_teams_is_refused(teams):
    microsoft = teams.microsoft
    microsoft.keys["k-webchat"] = new_key(endorsements=["webchat", "directline"])
    microsoft.published = list(microsoft.published) + ["k-webchat"]
    import connectors.teams_auth as auth

    auth.MIN_REFETCH_SECONDS, saved = 0, auth.MIN_REFETCH_SECONDS
    try:
        body = activity(microsoft)
        assert post(teams.url, body, microsoft.token_for(body, key="k-webchat")) == 401
    finally:
        auth.MIN_REFETCH_SECONDS = saved
    assert teams.received == []


def test_a_button_click_comes_back_as_its_payload(teams):
    body = activity(teams.microsoft, text="", value={"payload": '/inform_advies{"advies": "eigen_werk"}'})
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 200
    wait_for(teams.received, 1)
    assert teams.received[0].text == '/inform_advies{"advies": "eigen_werk"}'


def test_a_resent_activity_is_answered_once(teams):
    body = activity(teams.microsoft, text="wat is een probleemanalyse?")
    token = teams.microsoft.token_for(body)
    assert post(teams.url, body, token) == 200
    assert post(teams.url, body, token) == 200  # Teams retries the same activity id
    time.sleep(0.3)
    assert [m.text for m in teams.received] == ["wat is een probleemanalyse?"]


def test_in_a_channel_only_when_mentioned_one_conversation_per_thread_and_never_personal(teams):
    quiet = activity(teams.microsoft, text="iemand een idee?", personal=False)
    assert post(teams.url, quiet, teams.microsoft.token_for(quiet)) == 200
    mention = {"type": "mention", "mentioned": BOT, "text": "<at>Spoorwijzer</at>"}
    asked = activity(teams.microsoft, text="<at>Spoorwijzer</at> wat is spoor 2?", personal=False, entities=[mention])
    assert post(teams.url, asked, teams.microsoft.token_for(asked)) == 200
    other_person = activity(
        teams.microsoft, text="<at>Spoorwijzer</at> en spoor 1?", personal=False, entities=[mention], user="aad-user-2"
    )
    assert post(teams.url, other_person, teams.microsoft.token_for(other_person)) == 200
    wait_for(teams.received, 2)
    time.sleep(0.2)
    assert [m.text for m in teams.received] == ["wat is spoor 2?", "en spoor 1?"]
    assert all(m.metadata["personal_chat"] is False for m in teams.received)  # no dates (test_shared_channels.py)
    assert teams.received[0].sender_id == teams.received[1].sender_id  # one conversation per thread
    assert DERIVED.match(teams.received[0].sender_id) and "kanaal" not in teams.received[0].sender_id
    wait_for(teams.microsoft.replies, 2)
    assert teams.microsoft.replies[0]["raw_path"] == (
        "/service/v3/conversations/19%3Akanaal%40thread.tacv2%3Bmessageid%3D123/activities"
    )
    assert teams.microsoft.replies[0]["conversation"] == "19:kanaal@thread.tacv2;messageid=123"


def test_a_confirmed_erasure_deletes_the_teams_conversation_and_says_so(teams):
    for text in ("hallo", "wis"):
        body = activity(teams.microsoft, text=text, user="aad-wis")
        post(teams.url, body, teams.microsoft.token_for(body))
        wait_for(teams.received, 1 if text == "hallo" else 2)
    wait_for_text(teams.microsoft, ERASED_TEXT)
    assert teams.received[0].sender_id not in teams.agent.tracker_store.store
    said = teams.microsoft.texts()
    assert ERASED_TEXT in said and not {ERASE_FAILED_TEXT, STORE_FAILED_TEXT, NO_REPLY_TEXT} & set(said)
    assert "gesprek_gewist" not in json.dumps(teams.microsoft.replies)  # the marker never reaches Teams


def test_an_erasure_that_fails_is_reported_and_never_claimed(teams):
    store = ReadOnlyStore()
    teams.channel.agent_override = SimpleNamespace(tracker_store=store, lock_store=teams.agent.lock_store)
    for text in ("hallo", "wis"):
        body = activity(teams.microsoft, text=text, user="aad-readonly")
        post(teams.url, body, teams.microsoft.token_for(body))
        wait_for(teams.received, 1 if text == "hallo" else 2)
    wait_for_text(teams.microsoft, ERASE_FAILED_TEXT)
    said = teams.microsoft.texts()
    assert ERASE_FAILED_TEXT in said and not {ERASED_TEXT, STORE_FAILED_TEXT, NO_REPLY_TEXT} & set(said)
    assert teams.received[0].sender_id in store.trackers


def test_with_a_read_only_database_the_person_hears_it_and_erasure_is_not_claimed(teams, tmp_path):
    path = tmp_path / "gesprekken.db"
    writable = PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))
    read_only = PrivateSQLTrackerStore(
        domain=Domain.empty(), dialect="sqlite", db=f"file:{path}", query={"mode": "ro", "uri": "true"}
    )
    teams.channel.agent_override = SimpleNamespace(tracker_store=writable, lock_store=teams.agent.lock_store)
    body = activity(teams.microsoft, text="hallo", user="aad-alleen-lezen")
    post(teams.url, body, teams.microsoft.token_for(body))
    wait_for(teams.microsoft.replies, 1)
    conversation = teams.received[0].sender_id
    # Rasa's get_or_create_tracker writes the new conversation (action_listen) before the turn adds
    # the message: wait for both, or `stored` is taken half-way.
    for _ in range(100):
        if writable.count(conversation) >= 2:
            break
        time.sleep(0.05)
    stored = writable.count(conversation)
    assert stored and STORE_FAILED_TEXT not in teams.microsoft.texts()

    teams.channel.agent_override = SimpleNamespace(tracker_store=read_only, lock_store=teams.agent.lock_store)
    body = activity(teams.microsoft, text="nog een vraag", user="aad-alleen-lezen")
    post(teams.url, body, teams.microsoft.token_for(body))
    wait_for_text(teams.microsoft, STORE_FAILED_TEXT)
    assert STORE_FAILED_TEXT in teams.microsoft.texts()

    body = activity(teams.microsoft, text="wis", user="aad-alleen-lezen")
    post(teams.url, body, teams.microsoft.token_for(body))
    wait_for_text(teams.microsoft, ERASE_FAILED_TEXT)
    assert ERASE_FAILED_TEXT in teams.microsoft.texts() and ERASED_TEXT not in teams.microsoft.texts()
    assert writable.count(conversation) == stored


def test_a_failing_turn_is_told_and_logged_without_the_message(teams, caplog):
    caplog.set_level(logging.DEBUG)
    body = activity(teams.microsoft, text="kapot", user="aad-kapot")
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 200
    wait_for_text(teams.microsoft, STORE_FAILED_TEXT)
    assert teams.microsoft.texts() == [STORE_FAILED_TEXT]
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "bericht kon niet worden afgehandeld (OSError)" in logged
    assert "kapot" not in logged and "aad-kapot" not in logged


def test_a_turn_the_store_could_not_save_is_told(teams, monkeypatch):
    monkeypatch.setattr("connectors.chat_turn.turn_notice", lambda agent, sender: STORE_FAILED)
    body = activity(teams.microsoft, text="hallo", user="aad-niet-bewaard")
    post(teams.url, body, teams.microsoft.token_for(body))
    wait_for_text(teams.microsoft, STORE_FAILED_TEXT)
    assert STORE_FAILED_TEXT in teams.microsoft.texts()


def test_too_many_messages_get_the_dutch_limit_text(teams):
    teams.channel.limits = Limits(allowed=False)
    body = activity(teams.microsoft, text="nog een vraag", user="aad-snel")
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 200
    wait_for_text(teams.microsoft, RATE_LIMITED_TEXT)
    assert teams.microsoft.texts() == [RATE_LIMITED_TEXT] and teams.received == []
    ((conversation, client),) = teams.channel.limits.calls
    assert DERIVED.match(conversation) and client is None


def test_text_helpers():
    assert message_text({"text": "<at>Spoorwijzer</at>  in welk spoor zit ik?"}) == "in welk spoor zit ik?"
    assert message_text({"text": "", "value": {"payload": "/affirm"}}) == "/affirm"
    assert message_text({"text": "<at>Spoorwijzer</at>"}) is None
    personal = {"conversation": {"conversationType": "personal", "id": "a:1"}, "from": {"id": "29:x"}}
    assert platform_id(personal) == "personal:29:x"
    ids = ConversationIds(ID_SECRET.encode())
    assert DERIVED.match(conversation_id(personal, ids))
    assert conversation_id({"conversation": {"conversationType": "personal"}, "from": {}}, ids) is None


async def test_the_outgoing_token_is_reused_until_shortly_before_it_expires(monkeypatch):
    from connectors import teams_auth
    from connectors.teams_auth import OutgoingToken

    requests = []

    class Response:
        def __init__(self, number):
            self.number = number

        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            return False

        def raise_for_status(self):
            pass

        async def json(self, content_type=None):
            return {"access_token": f"token-{self.number}", "expires_in": 3600}

    class Session:
        def post(self, url, data):
            requests.append((url, data["grant_type"]))
            return Response(len(requests))

    now = [1000.0]
    monkeypatch.setattr(teams_auth.time, "monotonic", lambda: now[0])
    token = OutgoingToken(APP_ID, "geheim", "https://login.example/tenant/oauth2/v2.0/token")
    assert await token.get(Session()) == "token-1"
    now[0] += 3600 - 301  # just before the 5-minute margin
    assert await token.get(Session()) == "token-1"
    now[0] += 2  # within the margin: a new one
    assert await token.get(Session()) == "token-2"
    assert requests == [("https://login.example/tenant/oauth2/v2.0/token", "client_credentials")] * 2
