"""Every setting of Spoorwijzer in one place: name, type, default, check and what it is for.

An operator sets Spoorwijzer through environment variables only. Each one is declared here once, in
the section of the part that reads it; `.env.example` lists them all (made from this module:
`python -m spoorwijzer_settings env-example`), and tests/deploy/test_settings.py fails when code, a
script or a deploy file reads a variable that is not declared here.

- Python reads them with `<Section>.from_environment()`: read when called, never cached, so a test
  that changes the environment sees the change. A mapping can be passed instead of os.environ.
- The shell scripts get theirs from `python -m spoorwijzer_settings shell NAME…` (defaults and checks
  from here; see __main__.py), so no default is written twice.
- An empty variable counts as not set: Compose writes `${X:-}` as an empty value.
- A wrong value stops the start with a Dutch message that names the variable (the value itself only
  when it is no secret). Two exceptions keep today's behaviour: the rate limits (a typo must never
  block people) and LOG_LEVEL fall back to their default.
- With SPOORWIJZER_ENV=production a secret that is a placeholder from the documentation, an example
  from .env.example or a test value of this repository is refused, and the conversation-id key must
  come from SPOORWIJZER_ID_SECRET (never the development file).

pydantic 1 (the version Rasa 3.6 pins) checks the types. Not its BaseSettings: that reads only
os.environ and takes an empty variable as a value, and both are wrong here.
"""

from __future__ import annotations

import logging
import os
import re
import urllib.parse
from pathlib import Path
from typing import Any, ClassVar, Dict, Iterator, Mapping, Optional, Tuple, Type, TypeVar

from pydantic import BaseModel, Field, SecretStr, ValidationError, root_validator, validator

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]

# Who reads a setting (the column "gelezen door" of .env.example).
RASA = "Rasa-server"
WEB = "chatpagina (web/serve.py)"
START_RASA = "scripts/start-rasa.sh"
START_ACTIONS = "scripts/start-actions.sh"
RUN = "make run/test (scripts/servers.sh)"
TOPOLOGY = "make topology (scripts/topology.sh)"
TRAIN = "training (scripts/train.sh)"
INSTALL = "make install (scripts/install.sh)"
BENCH = "make bench (scripts/bench.sh)"
TESTS = "make test"
COMPOSE = "Docker Compose"
HR_API = "HR-API (poortwachter serve)"


class SettingsError(ValueError):
    """A setting has a value Spoorwijzer cannot run with; the message says which and why, in Dutch."""


class SecretMissing(SettingsError):
    """No usable key for the conversation ids of Slack and Teams: those channels cannot start."""


# --- types: each checks a text from the environment and says in Dutch what it must be -------------


class _Text:
    """Base for the types below: pydantic calls `validate` with the (stripped) text."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Any]:
        yield cls.validate


def whole_number(minimum: int, maximum: Optional[int] = None, what: Optional[str] = None) -> type:
    rule = what or (
        f"een heel getal van {minimum} of meer"
        if maximum is None
        else f"een heel getal van {minimum} tot en met {maximum}"
    )

    class WholeNumber(_Text):
        @classmethod
        def validate(cls, value: Any) -> int:
            text = str(value).strip()
            if re.fullmatch(r"-?[0-9]+", text):
                number = int(text)
                if number >= minimum and (maximum is None or number <= maximum):
                    return number
            raise ValueError(f"moet {rule} zijn")

    return WholeNumber


Port = whole_number(1, 65535, "een poortnummer van 1 tot en met 65535")
Positive = whole_number(1)
NotNegative = whole_number(0)


class Seconds(_Text):
    """A positive number of seconds, at most 300 (the HR API's request timeout)."""

    @classmethod
    def validate(cls, value: Any) -> float:
        try:
            seconds = float(str(value).strip())
        except ValueError:
            seconds = 0.0
        if not 0 < seconds <= 300:
            raise ValueError("moet een aantal seconden zijn (groter dan 0, hoogstens 300)")
        return seconds


class Flag(_Text):
    TRUE, FALSE = ("1", "true", "yes", "ja", "on"), ("0", "false", "no", "nee", "off")

    @classmethod
    def validate(cls, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in cls.TRUE or text in cls.FALSE:
            return text in cls.TRUE
        raise ValueError("moet 1 (aan) of 0 (uit) zijn")


class Environment(_Text):
    """development or production; `productie` is production too, as before."""

    NAMES = {
        "development": "development",
        "ontwikkeling": "development",
        "production": "production",
        "productie": "production",
    }

    @classmethod
    def validate(cls, value: Any) -> str:
        name = cls.NAMES.get(str(value).strip().lower())
        if name is None:
            raise ValueError("moet development of production zijn (leeg: development)")
        return name


class LogLevel(_Text):
    LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

    @classmethod
    def validate(cls, value: Any) -> str:
        level = str(value).strip().upper()
        if level not in cls.LEVELS:
            raise ValueError(f"moet een van {', '.join(cls.LEVELS)} zijn")
        return level


def _http_url(text: str) -> bool:
    parts = urllib.parse.urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", text)


class HttpUrl(_Text):
    @classmethod
    def validate(cls, value: Any) -> str:
        text = str(value).strip()
        if not _http_url(text):
            raise ValueError("moet een http(s)-adres zijn, zoals https://spoorwijzer.example.nl")
        return text


class Origins(_Text):
    """Web origins, separated by spaces (Rasa's --cors): scheme://host[:port] without a path, or *."""

    @classmethod
    def validate(cls, value: Any) -> Tuple[str, ...]:
        origins = tuple(value) if isinstance(value, (tuple, list)) else tuple(str(value).split())
        for origin in origins:
            parts = urllib.parse.urlsplit(origin)
            if origin != "*" and not (_http_url(origin) and parts.path in ("", "/") and not parts.query):
                raise ValueError("moet origins met spaties ertussen zijn, zoals https://intranet.example.nl")
        return tuple(origin.rstrip("/") for origin in origins)


class Ports(_Text):
    @classmethod
    def validate(cls, value: Any) -> Tuple[int, ...]:
        words = tuple(value) if isinstance(value, (tuple, list)) else tuple(str(value).split())
        try:
            if words:
                return tuple(Port.validate(word) for word in words)
        except ValueError:
            pass
        raise ValueError("moet een of meer poortnummers (1 tot en met 65535) met spaties ertussen zijn")


class BenchSetups(_Text):
    KNOWN = ("floor", "default", "ours", "replicated")

    @classmethod
    def validate(cls, value: Any) -> Tuple[str, ...]:
        words = tuple(value) if isinstance(value, (tuple, list)) else tuple(str(value).split())
        if not words or set(words) - set(cls.KNOWN):
            raise ValueError(f"moet een of meer zijn van: {' '.join(cls.KNOWN)}")
        return words


class SlackChannel(_Text):
    @classmethod
    def validate(cls, value: Any) -> str:
        text = str(value).strip()
        if not re.fullmatch(r"[A-Z][A-Z0-9]{8,}", text):
            raise ValueError("moet het ID van een Slack-kanaal zijn, zoals C0123456789 (niet de naam)")
        return text


class Name(_Text):
    """A host, user or database name: no spaces."""

    @classmethod
    def validate(cls, value: Any) -> str:
        text = str(value).strip()
        if re.search(r"\s", text):
            raise ValueError("mag geen spaties bevatten")
        return text


class ExistingFile(_Text):
    """A file, relative to the repository (the scripts run there) or absolute."""

    @classmethod
    def validate(cls, value: Any) -> str:
        text = str(value).strip()
        if not (ROOT / text).is_file():
            # Rasa would silently fall back to its in-memory stores: no privacy rules, nothing kept.
            raise ValueError("moet een bestaand bestand zijn")
        return text


# --- declaring a setting ----------------------------------------------------------------------------

PLACEHOLDER = "<geheim: openssl rand -hex 32>"
# Values that are fine in a test and never in production (tests/, scripts/test.sh, the README).
TEST_SECRETS = frozenset({"xoxb-test-only", "test-token-niet-geheim", "geheim", "verander-mij"})


def setting(
    default: Any,
    env: str,
    description: str,
    *,
    readers: Tuple[str, ...],
    example: Optional[str] = None,
    default_text: Optional[str] = None,
    lenient: bool = False,
    script_defaults: Optional[Dict[str, str]] = None,
) -> Any:
    """One environment variable. `default_text` says what an unset value means when that is no literal;
    `script_defaults` names a script that sets its own default on purpose (tests switch limits off)."""
    return Field(
        default,
        alias=env,
        description=description,
        readers=readers,
        example=example,
        default_text=default_text,
        lenient=lenient,
        script_defaults=script_defaults or {},
    )


def is_development_secret(value: str) -> bool:
    """A placeholder from the documentation (<…>), an example of .env.example or a test value."""
    return (value.startswith("<") and value.endswith(">")) or value in TEST_SECRETS or value == PLACEHOLDER


S = TypeVar("S", bound="Section")


class Section(BaseModel):
    """The settings one part of Spoorwijzer reads. Every section knows the environment it runs in."""

    title: ClassVar[str] = ""
    about: ClassVar[str] = ""

    environment: Environment = setting(
        "development",
        "SPOORWIJZER_ENV",
        "development of production. In production weigert Spoorwijzer ontwikkel- en voorbeeldgeheimen, en "
        "de sleutel voor gesprek-id's moet uit SPOORWIJZER_ID_SECRET komen. Compose en Kubernetes zetten production.",
        readers=(RASA, "scripts/credentials.sh"),
        example="production",
    )

    class Config:
        allow_mutation = False
        allow_population_by_field_name = True
        extra = "forbid"

    @property
    def production(self) -> bool:
        return self.environment == "production"

    @validator("*", pre=True)
    def _lenient(cls, value: Any, field: Any) -> Any:
        """A lenient setting with a wrong value logs that and keeps its default (never blocks anyone)."""
        if not field.field_info.extra.get("lenient"):
            return value
        try:
            field.type_.validate(value)
        except ValueError as error:
            logger.warning("%s %s; de standaard (%s) geldt.", field.alias, error, field.default)
            return field.default
        return value

    @classmethod
    def from_environment(cls: Type[S], environ: Optional[Mapping[str, str]] = None) -> S:
        """The section from os.environ (or `environ`); SettingsError with every wrong value, in Dutch."""
        environ = os.environ if environ is None else environ
        raw = {}
        for field in cls.__fields__.values():
            value = environ.get(field.alias)
            if value is not None and value.strip():
                # A secret is taken as it is (a password may end in a space); the rest without spaces around.
                raw[field.alias] = value if field.type_ is SecretStr else value.strip()
        try:
            section = cls.parse_obj(raw)
        except ValidationError as error:
            raise SettingsError("\n".join(_messages(cls, error, raw))) from None
        section._refuse_development_secrets()
        return section

    def _refuse_development_secrets(self) -> None:
        if not self.production:
            return
        for name, field in self.__fields__.items():
            value = getattr(self, name)
            if isinstance(value, SecretStr) and is_development_secret(value.get_secret_value()):
                raise SettingsError(
                    f"{field.alias} is een voorbeeld- of testwaarde, en SPOORWIJZER_ENV zegt dat dit productie is. "
                    f"Zet een eigen geheime waarde (bijvoorbeeld: openssl rand -hex 32)."
                )

    @classmethod
    def settings(cls) -> Iterator[Any]:
        """The fields this section declares itself (SPOORWIJZER_ENV belongs to General)."""
        for name, field in cls.__fields__.items():
            if name != "environment" or cls is General:
                yield field


def _messages(section: Type[Section], error: ValidationError, raw: Mapping[str, str]) -> Iterator[str]:
    for problem in error.errors():
        name = str(problem["loc"][0])
        field = next((f for f in section.__fields__.values() if f.alias == name), None)
        message = problem["msg"]
        if (field is not None and field.type_ is SecretStr) or name not in raw:  # never echo a secret
            yield f"{name} {message}."
        else:
            yield f"{name} {message}, niet '{raw[name]}'."


def secret_text(value: Optional[SecretStr]) -> Optional[str]:
    return None if value is None else value.get_secret_value()


# --- the sections -------------------------------------------------------------------------------------


class General(Section):
    title = "Algemeen"

    log_level: LogLevel = setting(
        "INFO",
        "LOG_LEVEL",
        "Hoeveel de Rasa-server logt: DEBUG, INFO, WARNING, ERROR of CRITICAL (ook op DEBUG nooit berichttekst). "
        "Een onbekende waarde geeft INFO.",
        readers=(RASA, "spoorwijzer_rasa/log_safety.py"),
        example="DEBUG",
        lenient=True,
    )


class Addresses(Section):
    title = "Poorten en adressen (make run)"
    about = "De processen van `make run` en `make test` op deze machine."

    rasa_port: Port = setting(
        5005, "RASA_PORT", "Poort van de Rasa-server (REST, Slack, Teams).", readers=(START_RASA, RUN, WEB)
    )
    actions_port: Port = setting(
        5055,
        "ACTIONS_PORT",
        "Poort van de action server. endpoints.yml verwacht 5055; de topologie geeft de Rasa-servers het adres zelf.",
        readers=(START_ACTIONS, RUN, TOPOLOGY),
    )
    web_port: Port = setting(8080, "WEB_PORT", "Poort van de chatpagina.", readers=(RUN, WEB), example="9000")
    public_rasa_url: Optional[HttpUrl] = setting(
        None,
        "PUBLIC_RASA_URL",
        "Het adres van de Rasa-server zoals de browser het ziet (in de chatpagina en haar Content-Security-Policy).",
        readers=(RUN, WEB),
        default_text="http://localhost:$RASA_PORT",
        example="https://spoorwijzer.example.nl",
    )
    cors_origins: Optional[Origins] = setting(
        None,
        "CORS_ORIGINS",
        "Alleen deze web-origins mogen de Rasa-server vanuit een browser aanroepen (met spaties ertussen), "
        "bijvoorbeeld het intranet met de widget.",
        readers=(START_RASA,),
        default_text="development: http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT (de chatpagina); production: geen",
        example="https://intranet.example.nl",
    )

    @root_validator(skip_on_failure=True)
    def _derived_defaults(cls, values: Dict[str, Any]) -> Dict[str, Any]:
        if values.get("public_rasa_url") is None:
            values["public_rasa_url"] = f"http://localhost:{values['rasa_port']}"
        if values.get("cors_origins") is None:
            page = values["web_port"]
            local = (f"http://localhost:{page}", f"http://127.0.0.1:{page}")
            values["cors_origins"] = () if values["environment"] == "production" else local
        return values


class RasaServer(Section):
    title = "Rasa-server"
    about = "Hoe scripts/start-rasa.sh de Rasa-server start (make run, make topology, het image)."

    rasa_interface: Name = setting(
        "127.0.0.1",
        "RASA_INTERFACE",
        "Adres waarop de Rasa-server luistert. Het image zet 0.0.0.0 (in een container).",
        readers=(START_RASA,),
        example="0.0.0.0",
    )
    rasa_endpoints: ExistingFile = setting(
        "endpoints.yml",
        "RASA_ENDPOINTS",
        "Trackerstore en lockstore: endpoints.yml (SQLite, één server) of deploy/endpoints.yml "
        "(PostgreSQL en Redis, meerdere servers; leest DB_*, REDIS_*, ACTION_SERVER_URL). Het image zet deploy/endpoints.yml.",
        readers=(START_RASA,),
        example="deploy/endpoints.yml",
    )
    rasa_model: str = setting(
        "models", "RASA_MODEL", "Het model, of de map met modellen (het nieuwste).", readers=(START_RASA,)
    )
    rasa_api_token: Optional[SecretStr] = setting(
        None,
        "RASA_API_TOKEN",
        "Zet Rasa's HTTP-API (/status, /conversations/…) aan, alleen met dit token. Leeg: de API staat uit.",
        readers=(START_RASA, COMPOSE),
        example=PLACEHOLDER,
    )
    sanic_request_max_size: Positive = setting(
        1048576,
        "SANIC_REQUEST_MAX_SIZE",
        "Grootste verzoek in bytes voor de Rasa-server (groter: 413). Niet voor de action server, die hele trackers krijgt.",
        readers=(START_RASA, RASA),
    )
    sanic_proxies_count: Optional[NotNegative] = setting(
        None,
        "SANIC_PROXIES_COUNT",
        "Hoeveel proxy's vóór de Rasa-server staan; het adres voor de grens per client is dan het "
        "X-Forwarded-For-adres dat de voorste toevoegt.",
        readers=(RASA,),
        default_text="geen proxy; make topology, Compose en Kubernetes: 1 (nginx of de ingress)",
        example="1",
    )
    ticket_lock_lifetime: Positive = setting(
        15,
        "TICKET_LOCK_LIFETIME",
        "Seconden tot het slot van een gesprek verloopt als een server wegvalt (van belang met Redis; Rasa's eigen "
        "standaard is 60; een beurt duurt ruim minder dan een seconde).",
        readers=(START_RASA, RASA),
    )
    action_server_url: Optional[HttpUrl] = setting(
        None,
        "ACTION_SERVER_URL",
        "Adres van de action server voor deploy/endpoints.yml (endpoints.yml gebruikt http://localhost:5055/webhook).",
        readers=(RASA,),
        default_text="make topology: http://localhost:$ACTIONS_PORT/webhook",
        example="http://actions:5055/webhook",
    )


class Database(Section):
    title = "PostgreSQL (deploy/endpoints.yml)"
    about = "Alleen met RASA_ENDPOINTS=deploy/endpoints.yml, en voor python -m privacy.erase --endpoints deploy/endpoints.yml."

    db_host: Optional[Name] = setting(None, "DB_HOST", "Host van PostgreSQL.", readers=(RASA,), example="postgres")
    db_port: Optional[Port] = setting(None, "DB_PORT", "Poort van PostgreSQL.", readers=(RASA,), example="5432")
    db_name: Optional[Name] = setting(None, "DB_NAME", "Naam van de database.", readers=(RASA,), example="spoorwijzer")
    db_user: Optional[Name] = setting(
        None, "DB_USER", "Gebruiker van de database.", readers=(RASA,), example="spoorwijzer"
    )
    db_password: Optional[SecretStr] = setting(
        None, "DB_PASSWORD", "Wachtwoord van de database.", readers=(RASA, COMPOSE), example=PLACEHOLDER
    )


class Redis(Section):
    title = "Redis"
    about = (
        "Sloten per gesprek (deploy/endpoints.yml, database 1), berichtnummers en berichtgrenzen "
        "(database 2, gedeeld door alle Rasa-servers). Zonder REDIS_HOST telt en onthoudt elk proces zelf."
    )

    redis_host: Optional[Name] = setting(None, "REDIS_HOST", "Host van Redis.", readers=(RASA,), example="redis")
    redis_port: Port = setting(6379, "REDIS_PORT", "Poort van Redis.", readers=(RASA,))
    redis_password: Optional[SecretStr] = setting(
        None, "REDIS_PASSWORD", "Wachtwoord van Redis.", readers=(RASA, COMPOSE), example=PLACEHOLDER
    )


class Retention(Section):
    title = "Bewaartermijn (privacy)"

    retention_days: Positive = setting(
        30,
        "RETENTION_DAYS",
        "Een gesprek zonder activiteit wordt na zoveel dagen gewist; de chatpagina vergeet het gesprek-id even snel.",
        readers=(RASA, WEB, COMPOSE),
        example="7",
    )
    retention_interval_minutes: Positive = setting(
        60,
        "RETENTION_INTERVAL_MINUTES",
        "Elke Rasa-server ruimt bij het starten en daarna om de zoveel minuten verlopen gesprekken op.",
        readers=(RASA,),
    )


class RateLimits(Section):
    title = "Berichtgrenzen"
    about = "Berichten per minuut; 0 zet een grens uit. Een foute waarde geeft de standaard (een tikfout blokkeert niemand)."

    per_conversation: NotNegative = setting(
        20,
        "SPOORWIJZER_RATE_PER_CONVERSATION",
        "Berichten per minuut per gesprek (een mens haalt dat niet).",
        readers=(RASA,),
        lenient=True,
        script_defaults={"scripts/test.sh": "0", "scripts/bench.sh": "0"},
    )
    per_client: NotNegative = setting(
        120,
        "SPOORWIJZER_RATE_PER_CLIENT",
        "Berichten per minuut per adres (een heel kantoor achter één adres haalt dat niet).",
        readers=(RASA,),
        lenient=True,
        script_defaults={"scripts/test.sh": "0", "scripts/bench.sh": "0"},
    )


MIN_SECRET_LENGTH = 32
DEFAULT_ID_SECRET_FILE = ROOT / "var" / "id_secret"


class ChannelIds(Section):
    title = "Gesprek-id's van Slack en Teams"

    id_secret: Optional[SecretStr] = setting(
        None,
        "SPOORWIJZER_ID_SECRET",
        f"Sleutel (minstens {MIN_SECRET_LENGTH} tekens) waarmee de gesprek-id's van Slack en Teams gemaakt worden; "
        "dezelfde voor alle Rasa-servers, en nooit veranderen (anders krijgt iedereen een nieuw gesprek). "
        "Nodig als Slack of Teams aan staat; zonder maakt make run een ontwikkelsleutel in var/id_secret.",
        readers=(RASA, "scripts/credentials.sh"),
        example=PLACEHOLDER,
    )
    id_secret_file: str = setting(
        str(DEFAULT_ID_SECRET_FILE.relative_to(ROOT)),
        "SPOORWIJZER_ID_SECRET_FILE",
        "Alleen bij ontwikkelen, zonder SPOORWIJZER_ID_SECRET: het bestand met de ontwikkelsleutel "
        "(in production nooit gebruikt).",
        readers=(RASA,),
    )

    def secret(self) -> bytes:
        """The key: SPOORWIJZER_ID_SECRET, or in development the file scripts/credentials.sh wrote."""
        value = (secret_text(self.id_secret) or "").strip()
        if value:
            if len(value) < MIN_SECRET_LENGTH:
                raise short_secret_error("SPOORWIJZER_ID_SECRET")
            return value.encode()
        if self.production:
            raise SecretMissing(
                f"SPOORWIJZER_ID_SECRET ontbreekt, en SPOORWIJZER_ENV zegt dat dit productie is. Zet "
                f"SPOORWIJZER_ID_SECRET op een geheime willekeurige waarde van minstens {MIN_SECRET_LENGTH} tekens "
                f"(bijvoorbeeld: openssl rand -hex 32), dezelfde voor alle Rasa-servers, en bewaar hem als geheim. "
                f"Verander hem niet: met een nieuwe waarde zijn de bestaande Slack- en Teams-gesprekken niet meer bereikbaar."
            )
        path = ROOT / self.id_secret_file
        try:
            value = path.read_text(encoding="utf-8").strip()
        except OSError:
            raise SecretMissing(
                f"SPOORWIJZER_ID_SECRET ontbreekt en {path} bestaat niet. Start Spoorwijzer met `make run` "
                f"(scripts/credentials.sh maakt dan een ontwikkelsleutel) of zet SPOORWIJZER_ID_SECRET."
            ) from None
        if len(value) < MIN_SECRET_LENGTH:
            raise short_secret_error(str(path))
        return value.encode()


def short_secret_error(where: str) -> SecretMissing:
    return SecretMissing(
        f"{where} is korter dan {MIN_SECRET_LENGTH} tekens. Spoorwijzer maakt daarmee de gesprek-id's van "
        f"Slack en Teams; maak een lange willekeurige waarde, bijvoorbeeld met: openssl rand -hex 32"
    )


class Slack(Section):
    title = "Slack"
    about = "Slack staat aan als SLACK_TOKEN en SLACK_SIGNING_SECRET allebei gezet zijn (README, Slack)."

    slack_token: Optional[SecretStr] = setting(
        None,
        "SLACK_TOKEN",
        "Bot User OAuth Token van de Slack-app (xoxb-…).",
        readers=(RASA, COMPOSE),
        example=PLACEHOLDER,
    )
    slack_signing_secret: Optional[SecretStr] = setting(
        None, "SLACK_SIGNING_SECRET", "Signing Secret van de Slack-app.", readers=(RASA, COMPOSE), example=PLACEHOLDER
    )
    slack_channel: Optional[SlackChannel] = setting(
        None,
        "SLACK_CHANNEL",
        "Kanaal-ID waarin Spoorwijzer op elk bericht reageert, niet alleen op @Spoorwijzer.",
        readers=(RASA, COMPOSE),
        example="C0123456789",
    )

    @property
    def on(self) -> bool:
        return self.slack_token is not None and self.slack_signing_secret is not None


class Teams(Section):
    title = "Microsoft Teams"
    about = (
        "Teams staat aan als TEAMS_APP_ID, TEAMS_APP_PASSWORD en TEAMS_TENANT_ID alle drie gezet zijn (README, Teams)."
    )

    teams_app_id: Optional[Name] = setting(
        None,
        "TEAMS_APP_ID",
        "Microsoft App ID van de Azure-botregistratie.",
        readers=(RASA, COMPOSE),
        example="<app-id>",
    )
    teams_app_password: Optional[SecretStr] = setting(
        None, "TEAMS_APP_PASSWORD", "Client secret van de botregistratie.", readers=(RASA, COMPOSE), example=PLACEHOLDER
    )
    teams_tenant_id: Optional[Name] = setting(
        None, "TEAMS_TENANT_ID", "Tenant-id van uw organisatie.", readers=(RASA, COMPOSE), example="<tenant-id>"
    )
    teams_openid_metadata_url: Optional[HttpUrl] = setting(
        None,
        "TEAMS_OPENID_METADATA_URL",
        "Andere OpenID-metadata voor de tokens van Microsoft (soevereine cloud, test).",
        readers=(RASA,),
        default_text="Microsofts openbare adres",
    )
    teams_token_url: Optional[HttpUrl] = setting(
        None,
        "TEAMS_TOKEN_URL",
        "Ander adres voor het token van uw tenant (soevereine cloud, test).",
        readers=(RASA,),
        default_text="Microsofts openbare adres",
    )

    @property
    def on(self) -> bool:
        return None not in (self.teams_app_id, self.teams_app_password, self.teams_tenant_id)


class HrApi(Section):
    title = "HR-API (poortwachter serve)"
    about = "poortwachter_faces is een eigen pakket en leest deze twee zelf (met dezelfde regels; tests/deploy/test_settings.py)."

    poortwachter_api_token: Optional[SecretStr] = setting(
        None,
        "POORTWACHTER_API_TOKEN",
        "Bearer-token voor POST /v1/tijdlijn. Zonder token start de API niet.",
        readers=(HR_API,),
        example=PLACEHOLDER,
    )
    poortwachter_api_timeout: Seconds = setting(
        10.0, "POORTWACHTER_API_TIMEOUT", "Seconden voor een heel verzoek (hoogstens 300).", readers=(HR_API,)
    )


class Topology(Section):
    title = "make topology"
    about = "De gerepliceerde opstelling op loopback (PostgreSQL, Redis, nginx, Rasa-replica's); ook make test en make bench."

    # Below 32768: Linux gives outgoing connections a local port from 32768–60999, and one that holds
    # 127.0.0.1:55432 (a test's connection, a moment before) kept PostgreSQL from starting on it.
    topo_pg_port: Port = setting(15432, "TOPO_PG_PORT", "Poort van PostgreSQL.", readers=(TOPOLOGY,))
    topo_redis_port: Port = setting(16379, "TOPO_REDIS_PORT", "Poort van Redis.", readers=(TOPOLOGY,))
    topo_nginx_port: Port = setting(
        8090, "TOPO_NGINX_PORT", "Poort van nginx voor de replica's.", readers=(TOPOLOGY, TESTS)
    )
    topo_replica_ports: Ports = setting(
        (5006, 5007),
        "TOPO_REPLICA_PORTS",
        "Poorten van de Rasa-replica's, met spaties ertussen.",
        readers=(TOPOLOGY, TESTS),
    )


class Training(Section):
    title = "Trainen en TensorFlow"

    fast_training: Flag = setting(
        True,
        "SPOORWIJZER_FAST_TRAINING",
        "0 traint zoals Rasa zelf (zonder de snelheidsfixes), voor een vergelijking.",
        readers=(TRAIN, "components/diet.py"),
        example="0",
    )
    train_threads: Optional[Positive] = setting(
        None, "TRAIN_THREADS", "TensorFlow-threads bij het trainen.", readers=(TRAIN,), default_text="het aantal cores"
    )
    tf_intra_op_parallelism_threads: Positive = setting(
        1,
        "TF_INTRA_OP_PARALLELISM_THREADS",
        "TensorFlow-threads per Rasa-server (1: de modellen zijn klein en de action server heeft de andere core nodig).",
        readers=(RASA, "scripts/env.sh"),
    )
    tf_inter_op_parallelism_threads: Positive = setting(
        1, "TF_INTER_OP_PARALLELISM_THREADS", "Idem, tussen bewerkingen.", readers=(RASA, "scripts/env.sh")
    )


class Install(Section):
    title = "Installatie"

    python310: Optional[str] = setting(
        None,
        "PYTHON310",
        "Pad naar Python 3.10 als het niet in het pad of in pyenv staat.",
        readers=(INSTALL, "scripts/find-python310"),
        example="/opt/python3.10/bin/python3.10",
    )
    spacy_nl_wheel: Optional[str] = setting(
        None,
        "SPACY_NL_WHEEL",
        "Een lokaal wheel van nl_core_news_sm 3.4.0 (zonder internet).",
        readers=(INSTALL,),
        example="/pad/naar/nl_core_news_sm-3.4.0-py3-none-any.whl",
    )
    spacy_nl_download: Flag = setting(
        True,
        "SPACY_NL_DOWNLOAD",
        "0 slaat de downloadpoging van nl_core_news_sm over.",
        readers=(INSTALL,),
        example="0",
    )


class Bench(Section):
    title = "Tests en metingen"

    bench_train: Flag = setting(
        True, "BENCH_TRAIN", "0 hergebruikt de modellen in var/bench.", readers=(BENCH,), example="0"
    )
    bench_soak_seconds: NotNegative = setting(
        600, "BENCH_SOAK_SECONDS", "Duur van de duurtest in seconden; 0 slaat hem over.", readers=(BENCH,), example="0"
    )
    bench_setups: BenchSetups = setting(
        ("floor", "default", "ours", "replicated"),
        "BENCH_SETUPS",
        "Welke opstellingen make bench meet.",
        readers=(BENCH,),
        example="floor ours",
    )
    bench_port: Port = setting(5105, "BENCH_PORT", "Poort van de Rasa-server tijdens make bench.", readers=(BENCH,))
    chromium: str = setting(
        "/usr/bin/chromium",
        "CHROMIUM",
        "De Chromium van de browsertests.",
        readers=(TESTS, "scripts/ensure-chromium.sh"),
    )


class Deploy(Section):
    title = "Docker Compose met TLS"

    tls_cert_dir: Optional[str] = setting(
        None,
        "TLS_CERT_DIR",
        "Map met fullchain.pem en privkey.pem voor deploy/compose.tls.yml.",
        readers=(COMPOSE,),
        example="/etc/letsencrypt/live/spoorwijzer.example.nl",
    )


SECTIONS: Tuple[Type[Section], ...] = (
    General,
    Addresses,
    RasaServer,
    Database,
    Redis,
    Retention,
    RateLimits,
    ChannelIds,
    Slack,
    Teams,
    HrApi,
    Topology,
    Training,
    Install,
    Bench,
    Deploy,
)

# What each process reads, for `python -m spoorwijzer_settings check <process>`.
PROCESSES: Dict[str, Tuple[Type[Section], ...]] = {
    "rasa": (
        General,
        Addresses,
        RasaServer,
        Database,
        Redis,
        Retention,
        RateLimits,
        ChannelIds,
        Slack,
        Teams,
        Training,
    ),
    "web": (General, Addresses, Retention),
    "all": SECTIONS,
}


def declared() -> Dict[str, Tuple[Type[Section], Any]]:
    """Every setting by its variable name: (section, pydantic field)."""
    return {field.alias: (section, field) for section in SECTIONS for field in section.settings()}


def check(process: str = "all", environ: Optional[Mapping[str, str]] = None) -> list:
    """Every problem with the settings `process` reads, as Dutch sentences (empty: all is well)."""
    environ = os.environ if environ is None else environ
    problems, loaded = [], {}
    for section in PROCESSES[process]:
        try:
            loaded[section] = section.from_environment(environ)
        except SettingsError as error:
            problems.extend(str(error).splitlines())
    if process == "rasa":
        problems.extend(_rasa_requirements(loaded, environ))
    return list(dict.fromkeys(problems))  # SPOORWIJZER_ENV is in every section: say it once


def _rasa_requirements(loaded: Dict[Type[Section], Section], environ: Mapping[str, str]) -> Iterator[str]:
    slack, teams, ids = loaded.get(Slack), loaded.get(Teams), loaded.get(ChannelIds)
    if ids is not None and ((slack is not None and slack.on) or (teams is not None and teams.on)):
        try:
            ids.secret()
        except SettingsError as error:
            yield str(error)
    server = loaded.get(RasaServer)
    if server is not None:
        # Rasa stops on a ${VAR} it cannot fill in, with a message that does not say which file wants it.
        text = (ROOT / server.rasa_endpoints).read_text(encoding="utf-8")
        for name in sorted(set(re.findall(r"\$\{(\w+)\}", text))):
            if not environ.get(name, "").strip():
                yield f"{server.rasa_endpoints} heeft {name} nodig; zet die variabele (zie .env.example)."
