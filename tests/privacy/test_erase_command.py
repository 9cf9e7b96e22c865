"""The admin command erases conversations by id and reports per id what is true."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

from privacy.erase import main
from stores import closed_port, rows, save_conversation, sqlite_store

ROOT = Path(__file__).resolve().parents[2]


def endpoints_file(tmp_path: Path, store: str) -> Path:
    path = tmp_path / "endpoints.yml"
    path.write_text(f"tracker_store:\n  type: privacy.store.PrivateSQLTrackerStore\n{store}")
    return path


async def test_erase_by_id_leaves_the_others(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    db = tmp_path / "trackers.db"
    store = sqlite_store(db)
    erased, kept = str(uuid.uuid4()), str(uuid.uuid4())
    for sender in (erased, kept):
        await save_conversation(store, sender, ("ik ben sinds 3 maart ziek", "inform_sick_date"))
    endpoints = endpoints_file(tmp_path, f'  dialect: "sqlite"\n  db: "{db}"\n')
    assert main([erased, str(uuid.uuid4()), "--endpoints", str(endpoints)]) == 0
    out = capsys.readouterr().out
    assert f"{erased}: 3 events gewist" in out and "niet gevonden" in out
    assert "3 maart" not in out  # counts only, never content
    assert rows(store, erased) == [] and len(rows(store, kept)) == 3


async def test_a_read_only_database_is_reported_as_not_erased(tmp_path, capsys):
    db = tmp_path / "trackers.db"
    sender = str(uuid.uuid4())
    await save_conversation(sqlite_store(db), sender, ("hallo", "greet"))
    read_only = f'  dialect: "sqlite"\n  db: "file:{db}"\n  query:\n    mode: ro\n    uri: "true"\n'
    endpoints = endpoints_file(tmp_path, read_only)
    assert main([sender, "--endpoints", str(endpoints)]) == 1
    captured = capsys.readouterr()
    assert f"{sender}: NIET gewist" in captured.out and "gewist\n" not in captured.out.replace("NIET gewist", "")
    assert "Niet alles is gewist" in captured.err
    assert len(rows(sqlite_store(db), sender)) == 3


def test_a_stopped_postgresql_is_reported_with_a_failing_exit_code(tmp_path):
    """As an operator runs it: a separate process, PostgreSQL not answering."""
    endpoints = endpoints_file(
        tmp_path,
        f"  dialect: postgresql\n  url: 127.0.0.1\n  port: {closed_port()}\n"
        "  db: spoorwijzer\n  username: spoorwijzer\n  password: x\n",
    )
    sender = str(uuid.uuid4())
    done = subprocess.run(
        [sys.executable, "-m", "privacy.erase", sender, "--endpoints", str(endpoints)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert f"{sender}: NIET gewist" in done.stdout and "OperationalError" in done.stdout


def test_an_endpoints_file_without_our_store_is_refused(tmp_path, capsys):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'rasa.db'}\n")
    assert main([str(uuid.uuid4()), "--endpoints", str(endpoints)]) == 2
    assert "niets gewist" in capsys.readouterr().err


async def test_erasing_one_id_leaves_other_expired_conversations_alone(tmp_path, capsys, monkeypatch):
    """The command erases the ids it is given and nothing else: the retention period is the servers'
    job (a conversation past it is deleted by the next server start or hourly run, not by this command)."""
    import time

    monkeypatch.setenv("RETENTION_DAYS", "30")
    db = tmp_path / "trackers.db"
    store = sqlite_store(db)
    expired, erased = str(uuid.uuid4()), str(uuid.uuid4())
    await save_conversation(store, expired, ("hallo", "greet"), at=time.time() - 40 * 86_400)
    await save_conversation(store, erased, ("hallo", "greet"))
    endpoints = endpoints_file(tmp_path, f'  dialect: "sqlite"\n  db: "{db}"\n')
    assert main([erased, "--endpoints", str(endpoints)]) == 0
    assert rows(store, erased) == []
    assert len(rows(store, expired)) == 3
