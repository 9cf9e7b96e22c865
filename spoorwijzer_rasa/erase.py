"""Erase conversations by id, for an administrator or an HR department's privacy officer.

    python -m spoorwijzer_rasa.erase <gesprek-id> [<gesprek-id> …] [--endpoints deploy/endpoints.yml]

Uses the tracker store of the given endpoints file (default: endpoints.yml, the SQLite store
of `make run`; deploy/endpoints.yml with the DB_* environment for PostgreSQL), so one
command erases for every replica. Prints per id how many events were removed, never their
content. The same store also applies the retention period on start (tracker_store.py).
"""
from __future__ import annotations

import argparse
import sys

from rasa.core.tracker_store import TrackerStore
from rasa.core.utils import AvailableEndpoints

from spoorwijzer_rasa.tracker_store import private_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spoorwijzer_rasa.erase", description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="+", metavar="gesprek-id")
    parser.add_argument("--endpoints", default="endpoints.yml")
    args = parser.parse_args(argv)
    endpoints = AvailableEndpoints.read_endpoints(args.endpoints)
    store = private_store(TrackerStore.create(endpoints.tracker_store))
    if store is None:
        print(f"{args.endpoints}: geen trackerstore van Spoorwijzer (type spoorwijzer_rasa.tracker_store."
              "PrivateSQLTrackerStore); er is niets gewist.", file=sys.stderr)
        return 2
    for sender in args.ids:
        removed = store.delete(sender)
        print(f"{sender}: {removed} events gewist" if removed else f"{sender}: niet gevonden (niets gewist)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
