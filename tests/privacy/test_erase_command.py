"""The admin command erases one conversation by id from the store of an endpoints file."""
from __future__ import annotations

import uuid

from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from spoorwijzer_rasa.erase import main
from spoorwijzer_rasa.tracker_store import PrivateSQLTrackerStore


async def test_erase_by_id_leaves_the_others(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    db = tmp_path / "trackers.db"
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f'tracker_store:\n  type: spoorwijzer_rasa.tracker_store.PrivateSQLTrackerStore\n'
        f'  dialect: "sqlite"\n  db: "{db}"\n'
    )
    store = PrivateSQLTrackerStore(dialect="sqlite", db=str(db))
    erased, kept = str(uuid.uuid4()), str(uuid.uuid4())
    for sender in (erased, kept):
        tracker = DialogueStateTracker(sender, [])
        tracker.update(UserUttered("ik ben sinds 3 maart ziek", intent={"name": "inform_sick_date"}))
        await store.save(tracker)
    assert main([erased, str(uuid.uuid4()), "--endpoints", str(endpoints)]) == 0
    out = capsys.readouterr().out
    assert f"{erased}: 1 events gewist" in out and "niet gevonden" in out
    assert "3 maart" not in out  # counts only, never content
    assert await store.retrieve(erased) is None
    assert await store.retrieve(kept) is not None


def test_an_endpoints_file_without_our_store_is_refused(tmp_path, capsys):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'rasa.db'}\n")
    assert main([str(uuid.uuid4()), "--endpoints", str(endpoints)]) == 2
    assert "niets gewist" in capsys.readouterr().err
