"""Accuracy floors for the trained model, run by `make test` (issue #27 item 7).

A change to the training data or the pipeline that makes the model understand people worse must
fail CI, not only show up in the next `make bench-nlu`. This checks the newest model in models/
on two sets that are never trained on:
- tests/nlu/heldout.yml, our own frozen held-out set: intent accuracy, FAQ questions counted as
  their full answer key (faq/<key>);
- tests/nlu/real_questions/dev.yml, questions people wrote on public pages: the answer the
  assistant gives (benchmarks/bench_nlu.py `answer_given`).
The real-question *held-out* set is not used here: it stays unseen until a final measurement.

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
sys.path.insert(0, str(ROOT))

from benchmarks.bench_nlu import answer_given, full_intent, heldout_examples, is_right, real_questions  # noqa: E402

FLOORS = {
    "eigen held-out set (intentie)": 0.84,
    "echte vragen, ontwikkelset (antwoord)": 0.58,
}


def newest_model(path: Path) -> Path:
    if path.is_file():
        return path
    models = sorted(path.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise SystemExit(f"Geen model in {path}: train eerst (scripts/train.sh).")
    return models[-1]


async def measure(model: Path) -> dict[str, tuple[int, int]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))  # once: loading takes longer than parsing both sets
    heldout = heldout_examples()
    own = 0
    for text, gold in heldout:
        own += full_intent(await agent.parse_message(text)) == gold
    real = real_questions("dev")
    right = 0
    for text, label, _ in real:
        right += is_right(answer_given(await agent.parse_message(text)), label)
    names = list(FLOORS)
    return {names[0]: (own, len(heldout)), names[1]: (right, len(real))}


def main() -> int:
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no per-message debug lines with the texts
    logging.getLogger().setLevel(logging.WARNING)
    model = newest_model(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "models")
    failed = 0
    for name, (right, total) in asyncio.run(measure(model)).items():
        score = right / total
        ok = score >= FLOORS[name]
        failed += not ok
        print(f"{'ok ' if ok else 'TE LAAG'} {name}: {right}/{total} = {score:.3f} (ondergrens {FLOORS[name]:.2f})")
    print(f"{len(FLOORS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
