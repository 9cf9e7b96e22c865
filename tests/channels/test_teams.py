"""The Teams channel over real HTTP on loopback, without Microsoft: local stand-ins for the
OpenID metadata with signing keys the test makes, for the tenant's token endpoint, and for the
Bot Connector serviceUrl that records the replies."""
from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from types import SimpleNamespace

import jwt
import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from rasa.shared.core.events import UserUttered

from connectors.teams import TeamsInput, conversation_id, message_text
from connectors.teams_auth import BOT_FRAMEWORK_ISSUER
from tests.channels.registry import CHANNELS
from tests.live_checks import free_port

APP_ID = "11111111-2222-3333-4444-555555555555"
TENANT = "99999999-8888-7777-6666-555555555555"
BOT = {"id": "28:bot-id", "name": "Spoorwijzer"}


def new_key(kid: str):
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
    return private, {**public, "kid": kid, "use": "sig", "endorsements": ["msteams"]}


class Microsoft:
    """The stand-ins: metadata + keys, token endpoint, serviceUrl. Runs in its own thread."""

    def __init__(self) -> None:
        self.keys = dict([("k1", new_key("k1"))])
        self.published = ["k1"]
        self.key_fetches = 0
        self.replies: list[dict] = []
        self.token_requests: list[dict] = []
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    async def metadata(self, request):
        return web.json_response({"issuer": BOT_FRAMEWORK_ISSUER, "jwks_uri": f"{self.base}/keys"})

    async def jwks(self, request):
        self.key_fetches += 1
        return web.json_response({"keys": [self.keys[k][1] for k in self.published]})

    async def token(self, request):
        self.token_requests.append(dict(await request.post()))
        return web.json_response({"access_token": "uitgaand-token", "expires_in": 3600, "token_type": "Bearer"})

    async def activities(self, request):
        self.replies.append({"auth": request.headers.get("Authorization"), "path": request.path,
                             "body": await request.json()})
        return web.json_response({"id": "reply-1"})

    def start(self) -> None:
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
            loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
            started.set()
            loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        assert started.wait(10)

    def token_for(self, activity: dict, kid: str = "k1", **override) -> str:
        now = int(time.time())
        claims = {"iss": BOT_FRAMEWORK_ISSUER, "aud": APP_ID, "exp": now + 600, "nbf": now - 10,
                  "serviceUrl": activity["serviceUrl"], **override}
        claims = {k: v for k, v in claims.items() if v is not None}
        return jwt.encode(claims, self.keys[kid][0], algorithm="RS256", headers={"kid": kid})


MICROSOFT = Microsoft()


def _teams_channel(agent):
    received: list = []

    async def on_new_message(message):
        # Stands in for Rasa: stores the turn and answers; "wis" gets the reply that confirms erasure.
        tracker = await agent.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        await agent.tracker_store.save(tracker)
        received.append(message)
        await message.output_channel.send_text_with_buttons(
            message.sender_id, "Waar kan ik mee helpen?", [{"title": "Waarom?", "payload": "/ask_why"}])
        if message.text == "wis":
            await message.output_channel.send_custom_json(message.sender_id, {"gesprek_gewist": True})

    channel = TeamsInput.from_credentials({
        "app_id": APP_ID, "app_password": "geheim", "tenant_id": TENANT,
        "openid_metadata_url": f"{MICROSOFT.base}/openid", "token_url": f"{MICROSOFT.base}/token",
    })
    return channel.blueprint(on_new_message), received


CHANNELS["teams"] = _teams_channel


@pytest.fixture(scope="module")
def teams(channel_server):
    """The stand-ins for Microsoft, and the shared real Sanic server with the Teams blueprint."""
    MICROSOFT.start()
    return SimpleNamespace(url=f"{channel_server.base}/teams/webhook", microsoft=MICROSOFT,
                           received=channel_server.states["teams"], agent=channel_server.agent)


def activity(microsoft: Microsoft, text: str = "wat is spoor 2?", personal: bool = True, **extra) -> dict:
    return {
        "type": "message", "id": f"act-{uuid.uuid4().hex[:12]}", "channelId": "msteams",
        "serviceUrl": f"{microsoft.base}/service",
        "from": {"id": "29:user-1", "aadObjectId": "aad-user-1", "name": "Werknemer"},
        "recipient": BOT,
        "conversation": {"id": "a:personal-1" if personal else "19:kanaal@thread.tacv2;messageid=123",
                         "conversationType": "personal" if personal else "channel", "tenantId": TENANT},
        "text": text, **extra,
    }


def post(url: str, body: dict, token: str | None) -> int:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(items: list, count: int) -> None:
    for _ in range(100):
        if len(items) >= count:
            return
        time.sleep(0.05)


def test_a_valid_activity_is_answered_through_the_service_url_with_our_tenants_token(teams):
    teams.received.clear(), teams.microsoft.replies.clear()
    body = activity(teams.microsoft)
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 200
    wait_for(teams.microsoft.replies, 1)
    assert [m.text for m in teams.received] == ["wat is spoor 2?"]
    assert teams.received[0].sender_id == "teams:aad-user-1" and teams.received[0].metadata["personal_chat"] is True
    reply = teams.microsoft.replies[0]
    assert reply["auth"] == "Bearer uitgaand-token"
    assert reply["path"] == "/service/v3/conversations/a:personal-1/activities"
    assert reply["body"]["replyToId"] == body["id"]
    card = reply["body"]["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["actions"][0] == {"type": "Action.Submit", "title": "Waarom?", "data": {"payload": "/ask_why"}}
    form = teams.microsoft.token_requests[0]
    assert form["grant_type"] == "client_credentials" and form["client_id"] == APP_ID
    assert form["scope"] == "https://api.botframework.com/.default"


@pytest.mark.parametrize(
    "why, make_token",
    [
        ("no token", lambda m, a: None),
        ("wrong signature", lambda m, a: jwt.encode(
            {"iss": BOT_FRAMEWORK_ISSUER, "aud": APP_ID, "exp": int(time.time()) + 600, "serviceUrl": a["serviceUrl"]},
            rsa.generate_private_key(public_exponent=65537, key_size=2048), algorithm="RS256", headers={"kid": "k1"})),
        ("wrong issuer", lambda m, a: m.token_for(a, iss="https://sts.windows.net/iemand-anders/")),
        ("wrong audience", lambda m, a: m.token_for(a, aud="andere-bot")),
        ("expired beyond the clock skew", lambda m, a: m.token_for(a, exp=int(time.time()) - 600, nbf=None)),
        ("serviceUrl of another host", lambda m, a: m.token_for(a, serviceUrl="https://elders.example/")),
        ("symmetric algorithm", lambda m, a: jwt.encode({"iss": BOT_FRAMEWORK_ISSUER, "aud": APP_ID},
                                                         "geheim" * 8, algorithm="HS256", headers={"kid": "k1"})),
    ],
)
def test_anything_else_gets_401_and_is_not_processed(teams, why, make_token):
    teams.received.clear()
    body = activity(teams.microsoft)
    assert post(teams.url, body, make_token(teams.microsoft, body)) == 401, why
    time.sleep(0.2)
    assert teams.received == [], why


def test_an_unknown_key_id_fetches_the_keys_again_then_is_refused(teams):
    microsoft = teams.microsoft
    teams.received.clear()
    microsoft.keys["k2"] = new_key("k2")
    microsoft.published = ["k1", "k2"]  # Microsoft rolled its keys
    import connectors.teams_auth as auth
    auth.MIN_REFETCH_SECONDS, saved = 0, auth.MIN_REFETCH_SECONDS
    try:
        before = microsoft.key_fetches
        body = activity(microsoft)
        assert post(teams.url, body, microsoft.token_for(body, kid="k2")) == 200
        assert microsoft.key_fetches == before + 1  # refreshed on the unknown key id
        microsoft.keys["k3"] = new_key("k3")  # a key that is never published
        body = activity(microsoft)
        assert post(teams.url, body, microsoft.token_for(body, kid="k3")) == 401
        assert microsoft.key_fetches == before + 2
    finally:
        auth.MIN_REFETCH_SECONDS = saved
    wait_for(teams.received, 1)
    assert len(teams.received) == 1


def test_a_key_not_endorsed_for_teams_is_refused(teams):
    microsoft = teams.microsoft
    private, public = new_key("k-webchat")
    microsoft.keys["k-webchat"] = (private, {**public, "endorsements": ["webchat"]})
    microsoft.published = list(microsoft.published) + ["k-webchat"]
    import connectors.teams_auth as auth
    auth.MIN_REFETCH_SECONDS, saved = 0, auth.MIN_REFETCH_SECONDS
    try:
        body = activity(microsoft)
        assert post(teams.url, body, microsoft.token_for(body, kid="k-webchat")) == 401
    finally:
        auth.MIN_REFETCH_SECONDS = saved


def test_a_button_click_comes_back_as_its_payload(teams):
    teams.received.clear()
    body = activity(teams.microsoft, text="", value={"payload": '/inform_advice{"advice": "eigen_werk"}'})
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 200
    wait_for(teams.received, 1)
    assert teams.received[0].text == '/inform_advice{"advice": "eigen_werk"}'


def test_a_resent_activity_is_answered_once(teams):
    teams.received.clear()
    body = activity(teams.microsoft, text="wat is een probleemanalyse?")
    token = teams.microsoft.token_for(body)
    assert post(teams.url, body, token) == 200
    assert post(teams.url, body, token) == 200  # Teams retries the same activity id
    time.sleep(0.3)
    assert [m.text for m in teams.received] == ["wat is een probleemanalyse?"]


def test_in_a_channel_only_when_mentioned_and_never_as_a_personal_chat(teams):
    teams.received.clear()
    quiet = activity(teams.microsoft, text="iemand een idee?", personal=False)
    assert post(teams.url, quiet, teams.microsoft.token_for(quiet)) == 200
    mention = {"type": "mention", "mentioned": BOT, "text": "<at>Spoorwijzer</at>"}
    asked = activity(teams.microsoft, text="<at>Spoorwijzer</at> wat is spoor 2?", personal=False, entities=[mention])
    assert post(teams.url, asked, teams.microsoft.token_for(asked)) == 200
    wait_for(teams.received, 1)
    time.sleep(0.2)
    assert [m.text for m in teams.received] == ["wat is spoor 2?"]
    message = teams.received[0]
    assert message.metadata["personal_chat"] is False  # the actions then keep dates out (test_shared_channels.py)
    assert message.sender_id == "teams:19:kanaal@thread.tacv2;messageid=123"  # one conversation per thread


def test_another_tenant_is_refused(teams):
    teams.received.clear()
    body = activity(teams.microsoft)
    body["conversation"]["tenantId"] = "00000000-0000-0000-0000-000000000000"
    assert post(teams.url, body, teams.microsoft.token_for(body)) == 403
    time.sleep(0.2)
    assert teams.received == []


def test_a_confirmed_erasure_deletes_the_teams_conversation(teams):
    teams.received.clear()
    for text in ("hallo", "wis"):
        body = activity(teams.microsoft, text=text)
        post(teams.url, body, teams.microsoft.token_for(body))
        wait_for(teams.received, 1 if text == "hallo" else 2)
    for _ in range(50):
        if "teams:aad-user-1" not in teams.agent.tracker_store.store:
            break
        time.sleep(0.05)
    assert "teams:aad-user-1" not in teams.agent.tracker_store.store


def test_text_helpers():
    assert message_text({"text": "<at>Spoorwijzer</at>  in welk spoor zit ik?"}) == "in welk spoor zit ik?"
    assert message_text({"text": "", "value": {"payload": "/affirm"}}) == "/affirm"
    assert message_text({"text": "<at>Spoorwijzer</at>"}) is None
    personal = {"conversation": {"conversationType": "personal", "id": "a:1"}, "from": {"id": "29:x"}}
    assert conversation_id(personal) == "teams:29:x"


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
