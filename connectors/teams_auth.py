"""Microsoft Teams (Bot Framework) security: checking what comes in, and a token for what goes out.

Incoming (Microsoft, "Authenticate requests from the Bot Connector service"): every request
carries `Authorization: Bearer <JWT>`. It is accepted only when
- the signature is valid (RS256) with a key from the signing keys that the OpenID metadata
  document points to (`jwks_uri`); keys are cached, and fetched again once when a token uses a
  key id we do not know (Microsoft rolls its keys), at most once a minute;
- the key is endorsed for the activity's channel (`msteams`) when the key lists endorsements;
- the issuer is `https://api.botframework.com`, the audience is our app id, the token is not
  expired or not yet valid (5 minutes clock skew, as Microsoft allows);
- its service URL claim equals the activity's serviceUrl (so a token cannot send our replies
  elsewhere). Microsoft's documentation calls it "serviceUrl", but the claim in real tokens is
  `serviceurl`, in lower case: that is the name Microsoft's own SDKs read
  (AuthenticationConstants.SERVICE_URL_CLAIM = "serviceurl" in botbuilder-python
  botframework/connector/auth/authentication_constants.py and channel_validation.py;
  ServiceUrlClaim = 'serviceurl' in botbuilder-js authenticationConstants.ts; ServiceUrlClaim in
  botbuilder-dotnet AuthenticationConstants.cs, read by ChannelValidation.cs). A token with only
  a camel-case `serviceUrl` is refused, as those SDKs refuse it; the claim must be present.
Anything else raises `Unauthorized`.

Outgoing: replies need a token from our own tenant's token endpoint (single-tenant bot, client
credentials), cached until shortly before it expires.

Both use aiohttp, so no request blocks the server; nothing is fetched at start-up.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any, Dict, Optional

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
DEFAULT_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
TOKEN_URL_TEMPLATE = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
SERVICE_URL_CLAIM = "serviceurl"  # see the module docstring: lower case, as in Microsoft's SDKs
CLOCK_SKEW_SECONDS = 300
KEY_REFRESH_SECONDS = 24 * 3600  # Microsoft: check the keys at least once a day
MIN_REFETCH_SECONDS = 60  # an unknown key id triggers at most one refetch per minute
TOKEN_MARGIN_SECONDS = 300  # get a new outgoing token 5 minutes before it expires
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=10)


class Unauthorized(Exception):
    """A request that is not from the Bot Connector service for this bot; answered with 401."""


@dataclass
class _Keys:
    by_kid: Dict[str, Any]
    endorsements: Dict[str, list]
    fetched_at: float


class ConnectorTokenVerifier:
    def __init__(self, app_id: str, metadata_url: str = DEFAULT_OPENID_METADATA_URL) -> None:
        self.app_id = app_id
        self.metadata_url = metadata_url
        self._keys: Optional[_Keys] = None
        self._lock = asyncio.Lock()

    async def _fetch_keys(self) -> _Keys:
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
            async with session.get(self.metadata_url) as response:
                response.raise_for_status()
                metadata = await response.json(content_type=None)
            async with session.get(metadata["jwks_uri"]) as response:
                response.raise_for_status()
                jwks = await response.json(content_type=None)
        by_kid, endorsements = {}, {}
        for key in jwks.get("keys", []):
            if key.get("kty") != "RSA" or "kid" not in key:
                continue
            by_kid[key["kid"]] = RSAAlgorithm.from_jwk(json.dumps(key))
            if "endorsements" in key:
                endorsements[key["kid"]] = list(key["endorsements"])
        return _Keys(by_kid, endorsements, time.monotonic())

    async def _key(self, kid: str) -> tuple[Any, Optional[list]]:
        async with self._lock:
            now = time.monotonic()
            stale = self._keys is None or now - self._keys.fetched_at > KEY_REFRESH_SECONDS
            unknown = self._keys is not None and kid not in self._keys.by_kid
            if stale or (unknown and now - self._keys.fetched_at > MIN_REFETCH_SECONDS):
                try:
                    self._keys = await self._fetch_keys()
                except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, ValueError) as error:
                    if self._keys is None:
                        raise Unauthorized(f"signing keys unavailable ({type(error).__name__})") from None
            if kid not in self._keys.by_kid:
                raise Unauthorized("unknown signing key")
            return self._keys.by_kid[kid], self._keys.endorsements.get(kid)

    async def verify(self, authorization: Optional[str], activity: Dict[str, Any]) -> Dict[str, Any]:
        """The token's claims, or Unauthorized."""
        if not authorization or not authorization.startswith("Bearer "):
            raise Unauthorized("no bearer token")
        token = authorization[len("Bearer ") :].strip()
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise Unauthorized("malformed token") from None
        if header.get("alg") != "RS256" or not header.get("kid"):
            raise Unauthorized("unexpected token algorithm")
        key, endorsements = await self._key(header["kid"])
        channel = activity.get("channelId")
        if endorsements is not None and channel not in endorsements:
            raise Unauthorized("signing key not endorsed for this channel")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=self.app_id,
                issuer=BOT_FRAMEWORK_ISSUER,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise Unauthorized(type(error).__name__) from None
        # Exact comparison, as botbuilder-python and botbuilder-js do (the activity and the token
        # come from the same service; .NET ignores case, which would only accept more).
        service_url = claims.get(SERVICE_URL_CLAIM)
        if not isinstance(service_url, str) or not service_url or service_url != activity.get("serviceUrl"):
            raise Unauthorized("service URL claim missing or not the activity's serviceUrl")
        return claims


class OutgoingToken:
    """A token for the Bot Connector API from the tenant's token endpoint, cached until shortly before expiry."""

    def __init__(self, app_id: str, password: str, token_url: str) -> None:
        self.app_id, self.password, self.token_url = app_id, password, token_url
        self._token: Optional[str] = None
        self._valid_until = 0.0
        self._lock = asyncio.Lock()

    async def get(self, session: aiohttp.ClientSession) -> str:
        async with self._lock:
            if self._token is None or time.monotonic() >= self._valid_until:
                form = {
                    "grant_type": "client_credentials",
                    "client_id": self.app_id,
                    "client_secret": self.password,
                    "scope": BOT_FRAMEWORK_SCOPE,
                }
                async with session.post(self.token_url, data=form) as response:
                    response.raise_for_status()
                    body = await response.json(content_type=None)
                self._token = body["access_token"]
                lifetime = float(body.get("expires_in", 3600))
                self._valid_until = time.monotonic() + max(lifetime - TOKEN_MARGIN_SECONDS, 30)
            return self._token
