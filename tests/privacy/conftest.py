"""The fixture `make_store`: a real store per backend (tests/privacy/stores.py)."""

from __future__ import annotations

from typing import Callable

import pytest

from privacy.store import PrivateSQLTrackerStore
from stores import BACKENDS, postgres_store, sqlite_store


@pytest.fixture(params=BACKENDS)
def make_store(request, tmp_path, monkeypatch) -> Callable[[], PrivateSQLTrackerStore]:
    monkeypatch.delenv("RETENTION_DAYS", raising=False)

    def make() -> PrivateSQLTrackerStore:
        if request.param == "sqlite":
            return sqlite_store(tmp_path / "trackers.db")
        return postgres_store()

    make.backend = request.param
    return make
