"""Keep message text, personal data and tracker content out of the logs, at every level.

People tell Spoorwijzer about their sickness; Rasa, Sanic and the libraries under them log what
they handle: Rasa's REST channel logs the text of a message whose turn failed, its DEBUG output
dumps parse data, slots and tracker states, Rasa's console set-up renders tracebacks with their
local variables, asyncio prints the repr of a failed task, and exception messages carry values
(SQLAlchemy's `[parameters: …]`, a KeyError with a slot value). Finding those one by one (a list
of words or of known log lines) misses the next one, so the rule is structural, applied to every
log record of the process when it is created (a LogRecord factory, so it covers every logger and
every handler, also handlers that Rasa and coloredlogs install later):

1. Text written by a developer is shown; text computed at run time is not. A record's message is
   kept only when it is a string literal of the code that logged it (found in the calling
   function's constants), e.g. "Rasa server is up and running." A message built at run time
   (an f-string, `'\\n'.join(...)`, an object) is replaced by where it was logged
   (`[tekst verborgen: rasa.core.processor processor.py:123]`), so an operator can still look
   the line up. Arguments of a literal template (`"uri: %s", url`) are shown only when they are
   numbers, booleans or None; other values become `‹…›`.
2. Exceptions are shown as their type and frames (file, line, function, source line), never
   with their message or local variables; an OSError keeps its errno (a number).
3. Rasa 3.6 logs conversation data through structlog, as key=value pairs. Our structlog set-up
   keeps the event name, `event_info` (both literals in Rasa's code), the action and policy
   names and numbers; every other value is replaced by `‹…›` before anything is rendered. It
   replaces Rasa's own set-up, whose console renderer prints tracebacks with locals.
4. Our own modules (actions, components, connectors, poortwachter, privacy, spoorwijzer_rasa)
   are written never to log content, so their messages and arguments are shown as written, except
   exceptions passed as arguments, which are shown as their type (a database error's message
   may quote the statement's parameters).
5. A safety net for all of the above: while a channel handles a message (`hidden_text`), any
   record that contains that text, or a word of 5+ letters or a number of 4+ digits from it, is
   replaced by where it was logged.
6. Sanic's access log (when switched on) shows paths without query string (`?token=` is Rasa's
   API token) and without conversation ids (an id is the key to a conversation).

What it costs: run-time values of other libraries' log lines are hidden (e.g. the URL in
"Starting Rasa server on …"); exception messages are gone, so a failure is diagnosed from its
type, errno and the frames. Python's `warnings` (stderr, not logging) and a crash of the process
before the server runs are left as Python prints them: neither carries conversation data.

`install()` is idempotent; `python -m spoorwijzer_rasa` calls `install_for_rasa_cli()` before
Rasa starts. This module imports neither Rasa nor structlog at import time, so any process (the
action server too) can use it.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import traceback
from contextvars import ContextVar
from typing import Any, Iterator, List, Optional, Tuple

HIDDEN = "‹…›"
OWN_PACKAGES = ("actions", "components", "connectors", "poortwachter", "privacy", "spoorwijzer_rasa")
# structlog keys whose values are names from Rasa's code or domain, never from a person.
SAFE_STRUCTLOG_KEYS = frozenset(
    {"event", "event_info", "log_level", "level", "action_name", "policy_name", "logger", "timestamp"}
)
_FRAGMENT = re.compile(r"\w{5,}|\d{4,}")
_CONVERSATION_ID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_TURN_TEXT: ContextVar[Tuple[str, ...]] = ContextVar("spoorwijzer_turn_text", default=())
_installed = False
_previous_factory = logging.getLogRecordFactory()


class SafeText(str):
    """A message made safe by this module (our structlog renderer); shown as it is."""


@contextlib.contextmanager
def hidden_text(*texts: Optional[str]) -> Iterator[None]:
    """While inside, no log record may contain these texts or their longer words and numbers."""
    fragments: List[str] = []
    for text in texts:
        if isinstance(text, str) and text.strip():
            fragments.append(text.strip().lower())
            fragments.extend(match.lower() for match in _FRAGMENT.findall(text))
    token = _TURN_TEXT.set(_TURN_TEXT.get() + tuple(fragments))
    try:
        yield
    finally:
        _TURN_TEXT.reset(token)


def safe_traceback(error: BaseException) -> str:
    """Type and frames of an exception and of its causes; no messages, no local variables."""
    chain: List[BaseException] = []
    current: Optional[BaseException] = error
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    parts = []
    for position, exc in enumerate(reversed(chain)):
        if position:
            parts.append("Daardoor (of tijdens de afhandeling daarvan) ging ook mis:")
        parts.append("Traceback (meldingen en variabelen weggelaten):")
        for frame in traceback.extract_tb(exc.__traceback__):
            parts.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                parts.append(f"    {frame.line}")
        parts.append(describe(exc))
    return "\n".join(parts)


def describe(error: BaseException) -> str:
    """An exception's qualified type, with its errno if it has one (a number, never text)."""
    kind = type(error)
    name = kind.__qualname__ if kind.__module__ in ("builtins", None) else f"{kind.__module__}.{kind.__qualname__}"
    errno = getattr(error, "errno", None)
    return f"{name} (errno {errno})" if isinstance(errno, int) else name


def _is_own(logger_name: str) -> bool:
    return any(logger_name == package or logger_name.startswith(package + ".") for package in OWN_PACKAGES)


def _where(record: logging.LogRecord) -> str:
    filename = record.pathname.rsplit("/", 1)[-1] if record.pathname else "?"
    return f"{record.name} {filename}:{record.lineno}"


def _is_literal_of_caller(record: logging.LogRecord) -> bool:
    """Whether the message is a string constant of the function that logged it (not built at run time)."""
    if not isinstance(record.msg, str):
        return False
    frame = sys._getframe(2)
    for _ in range(60):
        if frame is None:
            return False
        code = frame.f_code
        if code.co_filename == record.pathname and frame.f_lineno == record.lineno:
            return record.msg in code.co_consts
        frame = frame.f_back
    return False


def _safe_argument(value: Any, own: bool) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, BaseException):
        return describe(value)
    return value if own else HIDDEN


def _render(record: logging.LogRecord, own: bool) -> str:
    if isinstance(record.msg, SafeText):
        return str(record.msg)
    if not (own and isinstance(record.msg, str)) and not _is_literal_of_caller(record):
        return f"[tekst verborgen: {_where(record)}]"
    if not record.args:
        return record.msg
    if isinstance(record.args, dict):
        args: Any = {key: _safe_argument(value, own) for key, value in record.args.items()}
    else:
        args = tuple(_safe_argument(value, own) for value in record.args)
    try:
        return record.msg % args
    except (TypeError, ValueError, KeyError):
        return f"{record.msg} [waarden verborgen]"


def _contains_turn_text(rendered: str) -> bool:
    fragments = _TURN_TEXT.get()
    if not fragments:
        return False
    lowered = rendered.lower()
    return any(fragment in lowered for fragment in fragments)


def make_safe(record: logging.LogRecord) -> logging.LogRecord:
    """Rewrites a record in place by the rules in the module docstring."""
    try:
        if record.exc_info:
            if record.exc_info[1] is not None:
                record.exc_text = safe_traceback(record.exc_info[1])
            record.exc_info = None
        rendered = _render(record, _is_own(record.name))
        if _contains_turn_text(rendered):
            rendered = f"[tekst verborgen: {_where(record)}]"
        # A lone surrogate cannot be written as UTF-8; a log line must never fail on one.
        record.msg = rendered.encode("utf-8", "backslashreplace").decode("utf-8")
    except Exception:  # the rules themselves failed: show nothing rather than the original
        record.msg, record.exc_info, record.exc_text = f"[tekst verborgen: {_where(record)}]", None, None
    record.args = ()
    return record


def _safe_record_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    return make_safe(_previous_factory(*args, **kwargs))


class AccessLogFilter(logging.Filter):
    """Sanic's access log: the path without query string and without conversation ids."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if isinstance(request, str):
            record.request = _CONVERSATION_ID.sub(HIDDEN, request.split("?", 1)[0])
        return True


def install() -> None:
    """Makes every log record of this process safe from now on (idempotent)."""
    global _installed, _previous_factory
    if _installed:
        return
    _previous_factory = logging.getLogRecordFactory()
    logging.setLogRecordFactory(_safe_record_factory)
    logging.getLogger("sanic.access").addFilter(AccessLogFilter())
    _installed = True


# ---- structlog (Rasa 3.6 logs conversation data through it) ----


def _mask_values(_: Any, __: str, event_dict: dict) -> dict:
    for key, value in list(event_dict.items()):
        if key in ("exc_info", "stack_info"):
            continue
        if key in SAFE_STRUCTLOG_KEYS and isinstance(value, str):
            continue
        if value is None or isinstance(value, (bool, int, float)):
            continue
        event_dict[key] = HIDDEN
    return event_dict


def _safe_exception(_: Any, __: str, event_dict: dict) -> dict:
    exc_info = event_dict.pop("exc_info", None)
    if exc_info:
        if isinstance(exc_info, BaseException):
            error: Optional[BaseException] = exc_info
        elif isinstance(exc_info, tuple):
            error = exc_info[1]
        else:
            error = sys.exc_info()[1]
        if error is not None:
            event_dict["exception"] = safe_traceback(error)
    return event_dict


def _render_event(_: Any, __: str, event_dict: dict) -> SafeText:
    exception = event_dict.pop("exception", None)
    event = event_dict.pop("event", "")
    for key in ("level", "log_level"):  # the stdlib handler prints the level already
        event_dict.pop(key, None)
    pairs = " ".join(f"{key}={value}" for key, value in sorted(event_dict.items()))
    line = " ".join(part for part in (str(event), pairs) if part)
    return SafeText(line + (f"\n{exception}" if exception else ""))


def configure_structlog(log_level: Optional[int] = None) -> None:
    """structlog with masked values and safe tracebacks, to stdlib logging (and from there, our factory)."""
    import structlog  # here, not at the top: the module must import without Rasa's dependencies

    if log_level is None:
        from spoorwijzer_settings import General  # here too: pydantic is one of Rasa's dependencies

        log_level = logging.getLevelName(General.from_environment().log_level)  # an unknown level gives INFO
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.contextvars.merge_contextvars,
            _mask_values,
            _safe_exception,
            _render_event,
        ],
        context_class=dict,
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(log_level),
        cache_logger_on_first_use=True,
    )


def install_for_rasa_cli() -> None:
    """For `python -m spoorwijzer_rasa`: our record factory now, our structlog set-up after Rasa's."""
    install()
    import rasa.__main__ as rasa_main

    stock = rasa_main.configure_structlog
    if getattr(stock, "spoorwijzer_safe", False):
        return

    def configure(log_level: Optional[int] = None) -> None:
        stock(log_level)
        configure_structlog(log_level)

    configure.spoorwijzer_safe = True  # type: ignore[attr-defined]
    rasa_main.configure_structlog = configure
