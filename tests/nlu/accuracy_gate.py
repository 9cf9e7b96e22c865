"""Accuracy floors for the trained model, run by `make test` (issue #27 item 7).

A change to the training data or the pipeline that makes the model understand people worse must
fail CI, not only show up in the next `make bench-nlu`. This checks the newest model in models/
on two sets that are never trained on:
- tests/nlu/heldout.yml, our own frozen held-out set, labelled with intents (FAQ questions with
  their full answer key, faq/<key>);
- tests/nlu/real_questions/dev.yml, questions people wrote on public pages;
each scored as a person gets the reply (benchmarks/bench_answers.py): the right answer at once,
and within one click (one of the "Bedoel je …?" / "Of bedoel je …?" buttons).
The other real-question sets are not used here: since 7 December 2026 they are training examples
(scripts/echte_vragen.py), and a model is no judge of what it was trained on.

Floors sit a few points below what every training draw measured (docs/benchmarks.md): a single
draw moves by ±3-4 points, so a floor at the measured value would fail at random. Accuracy only;
no timing.

Usage: python tests/nlu/accuracy_gate.py [models/ or a model file]
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Run as a script (scripts/test.sh), so Python puts only this folder on the path; the project's
# packages (`benchmarks`, `actions`, `components`) live in the root, which is not installed.
sys.path.insert(0, str(ROOT))

from benchmarks.bench_answers import measure  # noqa: E402

# (set, what, floor). "at once": the answer given directly is right; "one click": or it is one of the
# buttons. A training draw moves a figure by up to 5 points, so each floor sits about 5 points below the
# lower of two draws: a data change that really costs understanding fails, a new draw of the same data
# does not (the draws: docs/measurements-in-code.md).
FLOORS = (
    ("own", "at once", 0.88),
    ("own", "one click", 0.88),
    ("dev", "at once", 0.68),
    ("dev", "one click", 0.80),
)
NAMES = {"own": "eigen held-out set", "dev": "echte vragen, ontwikkelset"}


def newest_model(path: Path) -> Path:
    if path.is_file():
        return path
    models = sorted(path.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise SystemExit(f"Geen model in {path}: train eerst (scripts/train.sh).")
    return models[-1]


def main() -> int:
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no per-message debug lines with the texts
    logging.getLogger().setLevel(logging.WARNING)
    model = newest_model(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "models")
    results = asyncio.run(measure(model, ["own", "dev"]))
    failed = 0
    for name, what, floor in FLOORS:
        score = results[name]["alles"]
        right = score.right if what == "at once" else score.click
        ok = right / score.total >= floor
        failed += not ok
        figure = f"{right}/{score.total} = {right / score.total:.3f}"
        print(f"{'ok ' if ok else 'TE LAAG'} {NAMES[name]}, {what}: {figure} (ondergrens {floor:.2f})")
    print(f"{len(FLOORS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
