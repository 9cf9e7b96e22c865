"""What the tracker store keeps: no medical or crisis text, no identifiers, no files, nothing
older than the retention period. Checked on the stored rows, in SQLite and (when `make test`
has started it, SPOORWIJZER_TEST_POSTGRES=1) in PostgreSQL."""

from __future__ import annotations

import time
import uuid

import pytest
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from privacy import crisis, retention
from privacy.redaction import PLACEHOLDER
from stores import rows, save_conversation, user

DAY = 86_400


@pytest.mark.parametrize(
    "text, intent, why",
    [
        ("ik heb een burn-out", "share_medical_details", "the NLU recognised a medical message"),
        (
            "sinds de operatie aan mijn knie ben ik ziek, in welk spoor zit ik?",
            "ask_track",
            "another intent, but medical words: the text is not kept either",
        ),
        # The five variants the old word list let through (issue #25), with an ordinary intent.
        ("ik heb een knieoperatie gehad en ben sinds 3 maart ziek", "inform_sick_date", "compound"),
        ("ik heb suïcidale gedachten", "out_of_scope", "diacritics"),
        ("mijn man is alcoholist, moet hij zich ziek melden?", "faq", "derived word"),
        ("ik heb bekkeninstabiliteit en ben zwanger", "inform_situatie", "compound with a body part"),
        ("ik heb ME/CVS", "out_of_scope", "abbreviation"),
    ],
)
async def test_medical_text_is_replaced_before_it_is_stored(make_store, text, intent, why):
    store = make_store()
    sender = str(uuid.uuid4())
    await save_conversation(store, sender, ("hallo", "greet"), (text, intent))
    stored = "\n".join(rows(store, sender))
    assert text not in stored and text.split()[-1] not in stored, why
    assert PLACEHOLDER in stored
    assert "hallo" in stored  # other messages are kept as they were
    tracker = await store.retrieve(sender)
    assert [e.intent["name"] for e in tracker.events if isinstance(e, UserUttered)] == ["greet", intent]


async def test_a_crisis_message_is_not_stored_whatever_the_words(make_store, monkeypatch):
    """By intent (the NLU component sets `crisis`) and by privacy.crisis.signals_crisis."""
    store = make_store()
    sender = str(uuid.uuid4())
    said = "ik zie het echt niet meer zitten allemaal"
    monkeypatch.setattr(crisis, "signals_crisis", lambda text: text == said)  # the crisis helper's decision
    await save_conversation(store, sender, ("ik wil er niet meer zijn", "crisis"), (said, "greet"), ("hallo", "greet"))
    stored = "\n".join(rows(store, sender))
    assert "er niet meer zijn" not in stored and "niet meer zitten" not in stored
    assert stored.count(PLACEHOLDER) >= 4  # text and parse_data text of both messages
    assert "hallo" in stored
    tracker = await store.retrieve(sender)
    withheld = [e for e in tracker.events if isinstance(e, UserUttered)][:2]
    assert [e.intent["name"] for e in withheld] == ["crisis", "greet"] and all(not e.entities for e in withheld)


@pytest.mark.parametrize(
    "typed, gone, placeholder",
    [
        ("mijn bsn is 111222333", "111222333", "[BSN]"),
        ("bel me op 06-12345678", "12345678", "[TELEFOONNUMMER]"),
        ("mail naar j.jansen@example.nl", "jansen@", "[E-MAILADRES]"),
        ("mijn rekening is NL91 ABNA 0417 1643 00", "0417 1643", "[IBAN]"),
        ("ik woon op 1234 AB 12", "1234 AB", "[ADRES]"),
    ],
)
async def test_identifiers_people_type_are_replaced_in_text_and_entities(make_store, typed, gone, placeholder):
    store = make_store()
    sender = str(uuid.uuid4())
    text = f"{typed}, ik ben sinds 3 maart 2026 ziek"
    start = text.index(gone)
    entities = [
        {"entity": "number", "start": start, "end": start + len(gone), "value": gone},  # overlaps the identifier
        {"entity": "sick_date", "start": text.index("3 maart"), "end": text.index(" ziek"), "value": "3 maart 2026"},
    ]
    tracker = DialogueStateTracker(sender, [])
    tracker.update(user(text, "inform_sick_date", entities=entities))
    await store.save(tracker)
    stored = "\n".join(rows(store, sender))
    assert gone not in stored
    assert stored.count(placeholder) >= 3  # text, parse_data text, the overlapping entity
    assert stored.count("3 maart 2026") >= 3  # dates are kept: the guide needs them
    event = next(e for e in (await store.retrieve(sender)).events if isinstance(e, UserUttered))
    assert [entity["value"] for entity in event.entities] == [placeholder, "3 maart 2026"]


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


async def test_the_store_purges_periodically_and_survives_a_failing_round(make_store, monkeypatch, caplog):
    store = make_store()
    rounds = []

    def purge(now=None):
        rounds.append(1)
        if len(rounds) == 1:
            raise RuntimeError("database briefly away; conversation 123 in the message")
        if len(rounds) == 3:
            raise SystemExit  # end the loop of the test
        return 0

    monkeypatch.setattr(store, "purge_inactive", purge)
    monkeypatch.setattr(retention.time, "sleep", lambda seconds: None)
    with pytest.raises(SystemExit):
        retention.purge_every(store, 60)
    assert len(rounds) == 3
    assert "RuntimeError" in caplog.text and "conversation 123" not in caplog.text  # the kind, not the message


async def test_erasure_removes_every_row_of_one_conversation_only(make_store):
    store = make_store()
    erased, other = str(uuid.uuid4()), str(uuid.uuid4())
    await save_conversation(store, erased, ("ik ben sinds 3 maart ziek", "inform_sick_date"))
    await save_conversation(store, other, ("hallo", "greet"))
    assert store.delete(erased) == 3
    assert rows(store, erased) == [] and store.count(erased) == 0
    assert await store.retrieve(erased) is None
    assert rows(store, other) and store.count(other) == 3


@pytest.mark.parametrize("value", ["0", "-3", "dertig", "1.5"])
def test_a_wrong_retention_setting_is_refused_in_dutch(monkeypatch, value):
    monkeypatch.setenv("RETENTION_DAYS", value)
    with pytest.raises(retention.ConfigurationError, match="RETENTION_DAYS moet een heel getal"):
        retention.retention_days()


def test_the_default_retention_is_30_days(monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    assert retention.retention_days() == 30


async def test_files_for_the_web_chat_are_not_stored(make_store):
    store = make_store()
    sender = str(uuid.uuid4())
    tracker = DialogueStateTracker(sender, [])
    tracker.update(UserUttered("download als pdf", intent={"name": "download_pdf", "confidence": 1.0}))
    tracker.update(
        BotUttered(
            "Hier is het overzicht als PDF.",
            data={
                "custom": {
                    "type": "spoorwijzer_pdf",
                    "bestandsnaam": "spoorwijzer-overzicht.pdf",
                    "pdf_base64": "JVBERi0xLjQK" * 500,
                }
            },
        )
    )
    tracker.update(
        BotUttered(
            None,
            data={"custom": {"type": "spoorwijzer_tijdlijn", "ziekteweek": 10, "ics": "BEGIN:VCALENDAR" + "x" * 5000}},
        )
    )
    await store.save(tracker)
    stored = "\n".join(rows(store, sender))
    assert "JVBERi0xLjQK" not in stored and "BEGIN:VCALENDAR" not in stored
    assert '"ziekteweek": 10' in stored and "spoorwijzer-overzicht.pdf" in stored  # the rest is kept
    assert "Hier is het overzicht als PDF." in stored


async def test_slack_channel_thread_and_user_ids_are_not_stored(make_store):
    """Rasa stores a message's metadata and the session's (slot session_started_metadata). Slack's
    direct-message channel id points at one person; the HMAC conversation id must not be undone."""
    from rasa.shared.core.events import SlotSet

    store = make_store()
    sender = f"slack:{uuid.uuid4().hex}"
    slack = {
        "out_channel": "D0SLACKDM42",
        "thread_id": "1700000000.123456",
        "users": ["U0PERSON7"],
        "personal_chat": True,
    }
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(SlotSet("session_started_metadata", dict(slack)))
    tracker.update(UserUttered("wat is spoor 2?", {"name": "faq", "confidence": 1.0}, metadata=dict(slack)))
    await store.save(tracker)
    stored = "\n".join(rows(store, sender))
    for platform_id in ("D0SLACKDM42", "1700000000.123456", "U0PERSON7"):
        assert platform_id not in stored
    assert "personal_chat" in stored  # what the actions need stays
    assert "wat is spoor 2?" in stored
