"""What the tracker store keeps: no medical text, nothing older than the retention period,
nothing after erasure. Checked on the stored rows, in SQLite and (when `make test` has
started it, SPOORWIJZER_TEST_POSTGRES=1) in PostgreSQL."""
from __future__ import annotations

import os
import time
import uuid

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from spoorwijzer_rasa import tracker_store as module
from spoorwijzer_rasa.tracker_store import PLACEHOLDER, ConfigurationError, PrivateSQLTrackerStore

DAY = 86_400
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("SPOORWIJZER_TEST_POSTGRES") else [])


@pytest.fixture(params=BACKENDS)
def make_store(request, tmp_path, monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)

    def make() -> PrivateSQLTrackerStore:
        if request.param == "sqlite":
            return PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "trackers.db"))
        return PrivateSQLTrackerStore(
            domain=Domain.empty(), dialect="postgresql", host=os.environ["DB_HOST"], port=int(os.environ["DB_PORT"]),
            db=os.environ["DB_NAME"], username=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"],
        )

    return make


def rows(store: PrivateSQLTrackerStore, sender: str) -> list[str]:
    with store.session_scope() as session:
        return [data for (data,) in session.query(store.SQLEvent.data).filter(store.SQLEvent.sender_id == sender)]


async def save_conversation(store, sender: str, *messages: tuple[str, str], at: float | None = None) -> None:
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, [])
    for text, intent in messages:
        stamp = at if at is not None else time.time()
        tracker.update(UserUttered(text, intent={"name": intent, "confidence": 1.0}, timestamp=stamp,
                                   parse_data={"text": text, "intent": {"name": intent}, "entities": []}))
        tracker.update(ActionExecuted("utter_x", timestamp=stamp))
        tracker.update(BotUttered("antwoord", timestamp=stamp))
    await store.save(tracker)


@pytest.mark.parametrize(
    "text, intent, why",
    [
        ("ik heb een burn-out", "share_medical_details", "the NLU recognised a medical message"),
        ("sinds de operatie aan mijn knie ben ik ziek, in welk spoor zit ik?", "ask_track",
         "another intent, but medical words: the text is not kept either"),
    ],
)
async def test_medical_text_is_replaced_before_it_is_stored(make_store, text, intent, why):
    store = make_store()
    sender = str(uuid.uuid4())
    await save_conversation(store, sender, ("hallo", "greet"), (text, intent))
    stored = "\n".join(rows(store, sender))
    assert text not in stored and "knie" not in stored and "burn-out" not in stored, why
    assert PLACEHOLDER in stored
    assert "hallo" in stored  # other messages are kept as they were
    tracker = await store.retrieve(sender)
    assert [e.intent["name"] for e in tracker.events if isinstance(e, UserUttered)] == ["greet", intent]


async def test_conversations_inactive_longer_than_the_retention_are_deleted(make_store):
    store = make_store()
    old, recent, old_but_active = (str(uuid.uuid4()) for _ in range(3))
    now = time.time()
    await save_conversation(store, old, ("hallo", "greet"), at=now - 31 * DAY)
    await save_conversation(store, recent, ("hallo", "greet"), at=now - 29 * DAY)
    await save_conversation(store, old_but_active, ("hallo", "greet"), at=now - 60 * DAY)
    await save_conversation(store, old_but_active, ("nog een vraag", "greet"), at=now - 1 * DAY)
    store.purge_inactive()
    assert rows(store, old) == []
    assert rows(store, recent) and rows(store, old_but_active)


async def test_the_store_purges_when_it_starts(make_store, monkeypatch):
    store = make_store()
    sender = str(uuid.uuid4())
    await save_conversation(store, sender, ("hallo", "greet"), at=time.time() - 8 * DAY)
    monkeypatch.setenv("RETENTION_DAYS", "7")
    make_store()  # a server (re)starting with a retention of 7 days
    assert rows(store, sender) == []


async def test_the_store_purges_periodically_and_survives_a_failing_round(make_store, monkeypatch):
    store = make_store()
    rounds = []

    def purge(now=None):
        rounds.append(1)
        if len(rounds) == 1:
            raise RuntimeError("database briefly away")
        if len(rounds) == 3:
            raise SystemExit  # end the loop of the test
        return 0

    monkeypatch.setattr(store, "purge_inactive", purge)
    monkeypatch.setattr(module.time, "sleep", lambda seconds: None)
    with pytest.raises(SystemExit):
        store._purge_every(60)
    assert len(rounds) == 3


async def test_erasure_removes_every_row_of_one_conversation_only(make_store):
    store = make_store()
    erased, other = str(uuid.uuid4()), str(uuid.uuid4())
    await save_conversation(store, erased, ("ik ben sinds 3 maart ziek", "inform_sick_date"))
    await save_conversation(store, other, ("hallo", "greet"))
    assert store.delete(erased) == 3
    assert rows(store, erased) == []
    assert await store.retrieve(erased) is None
    assert rows(store, other)


@pytest.mark.parametrize("value", ["0", "-3", "dertig", "1.5"])
def test_a_wrong_retention_setting_is_refused_in_dutch(monkeypatch, value):
    monkeypatch.setenv("RETENTION_DAYS", value)
    with pytest.raises(ConfigurationError, match="RETENTION_DAYS moet een heel getal"):
        module.retention_days()


def test_the_default_retention_is_30_days(monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    assert module.retention_days() == 30


async def test_files_for_the_web_chat_are_not_stored(make_store):
    store = make_store()
    sender = str(uuid.uuid4())
    tracker = DialogueStateTracker(sender, [])
    tracker.update(UserUttered("download als pdf", intent={"name": "download_pdf", "confidence": 1.0}))
    tracker.update(BotUttered("Hier is het overzicht als PDF.", data={"custom": {
        "type": "spoorwijzer_pdf", "bestandsnaam": "spoorwijzer-overzicht.pdf", "pdf_base64": "JVBERi0xLjQK" * 500}}))
    tracker.update(BotUttered(None, data={"custom": {"type": "spoorwijzer_tijdlijn", "ziekteweek": 10,
                                                     "ics": "BEGIN:VCALENDAR" + "x" * 5000}}))
    await store.save(tracker)
    stored = "\n".join(rows(store, sender))
    assert "JVBERi0xLjQK" not in stored and "BEGIN:VCALENDAR" not in stored
    assert '"ziekteweek": 10' in stored and "spoorwijzer-overzicht.pdf" in stored  # the rest is kept
    assert "Hier is het overzicht als PDF." in stored
