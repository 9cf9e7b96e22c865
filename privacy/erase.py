"""Erase conversations by id, for an administrator or an HR department's privacy officer.

    python -m privacy.erase <gesprek-id> [<gesprek-id> …] [--endpoints deploy/endpoints.yml]

Uses the tracker store of the given endpoints file (default: endpoints.yml, the SQLite store
of `make run`; deploy/endpoints.yml with the DB_* environment for PostgreSQL), so one
command erases for every replica. After deleting it counts what is left, and reports per
id what is true: erased (with the number of events), not found, or NOT erased. Never
content. Exit code 0 only when every id is erased or was not there; 1 when any erasure
failed (the database refused or did not answer); 2 when the endpoints file names no
Spoorwijzer tracker store.
"""

from __future__ import annotations

import argparse
import sys

from rasa.core.tracker_store import TrackerStore
from rasa.core.utils import AvailableEndpoints

from privacy.store import PrivateSQLTrackerStore, private_store

STORE_TYPE = "privacy.store.PrivateSQLTrackerStore"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m privacy.erase", description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="+", metavar="gesprek-id")
    parser.add_argument("--endpoints", default="endpoints.yml")
    args = parser.parse_args(argv)
    endpoints = AvailableEndpoints.read_endpoints(args.endpoints)
    # This command erases the ids it is given, nothing else (the retention period is the servers' job).
    PrivateSQLTrackerStore.applies_retention = False
    try:
        store = private_store(TrackerStore.create(endpoints.tracker_store))
    finally:
        PrivateSQLTrackerStore.applies_retention = True
    if store is None:
        print(
            f"{args.endpoints}: geen trackerstore van Spoorwijzer (type {STORE_TYPE}); er is niets gewist.",
            file=sys.stderr,
        )
        return 2
    failed = False
    for sender in args.ids:
        try:
            removed = store.delete(sender)
            left = store.count(sender)
        except Exception as error:  # noqa: BLE001 - reported by kind, never with content
            print(f"{sender}: NIET gewist: de trackerstore antwoordt niet of weigert ({type(error).__name__}).")
            failed = True
            continue
        if left:
            print(f"{sender}: NIET (helemaal) gewist: er staan nog {left} events.")
            failed = True
        elif removed:
            print(f"{sender}: {removed} events gewist")
        else:
            print(f"{sender}: niet gevonden (niets gewist)")
    if failed:
        print("Niet alles is gewist. Probeer het later opnieuw of controleer de database.", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
