"""Cross-validation of the real questions as training examples (issue #27, step 6; ±25 minutes on 2 cores).

Since 7 December 2026 the real-question sets teach the model (scripts/echte_vragen.py), so today's model
can no longer be judged on them. This trains, for each real-question set, a model whose real examples
come from the other sets only (with the filter of scripts/echte_vragen.py), and
scores that set with it as a person gets the reply (benchmarks/bench_answers.py), plus our own held-out
set. The left-out set of `dev` is the production model's own data. `--baseline` also trains once
without any real examples and scores every set with it: the figure before step 6.
The folds include the development set in training when another set is left out; the production model
never sees it (the accuracy gate of `make test` measures on it).

Usage: python benchmarks/cross_validate.py [--set NAME ...] [--baseline] [--config PATH]
--config trains another configuration than config.yml (to compare one before changing config.yml).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_answers import SETS, Score, load, measure  # noqa: E402
from scripts.echte_vragen import TARGET, examples, key, render  # noqa: E402


def train(data: Path, out: Path, config: Path = ROOT / "config.yml") -> Path:
    """A model from `data` with `config` (the project's by default), as scripts/train.sh trains it. Prints
    the training time (the whole `rasa train`, with the machine to itself)."""
    env = {**os.environ, "TF_INTRA_OP_PARALLELISM_THREADS": str(os.cpu_count() or 2)}
    env["TF_INTER_OP_PARALLELISM_THREADS"] = env["TF_INTRA_OP_PARALLELISM_THREADS"]
    command = [sys.executable, "-m", "spoorwijzer_rasa", "train", "--force", "--domain", "domain"]
    command += ["--config", str(config), "--data", str(data), "--out", str(out)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"  getraind in {time.perf_counter() - started:.0f} s", flush=True)
    return next(out.glob("*.tar.gz"))


def training_data(work: Path, left_out: str | None) -> Path:
    """A copy of data/ whose real examples come from every set but `left_out` (None: no real examples)."""
    data = work / "data"
    shutil.copytree(ROOT / "data", data)
    target = data / TARGET.relative_to(ROOT / "data")
    if left_out is None:
        target.unlink()
        return data
    unseen = {key(q.text) for q in load(left_out)}
    sources = [path for name, path in SETS.items() if name != left_out]
    target.write_text(render(examples(sources, excluded=unseen)), encoding="utf-8")
    return data


def report(title: str, results: dict[str, dict[str, Score]]) -> None:
    print(f"\n{title}")
    for name, scores in results.items():
        honest = scores.get("zonder antwoord (eerlijk?)")
        extra = f"; eerlijk bij onbekend {honest.right}/{honest.total}" if honest else ""
        long = scores.get("lang (40+ woorden)")
        extra += f"; lang {long.right}/{long.click}/{long.total}" if long else ""
        print(f"  {name:18} {scores['alles']}{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", choices=list(SETS), help="leave out only these (default: all)")
    parser.add_argument("--baseline", action="store_true", help="also a model without any real examples")
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml", help="the configuration to train")
    args = parser.parse_args()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no per-message debug lines with the texts
    logging.getLogger().setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        if args.baseline:
            work = Path(tmp) / "zonder"
            model = train(training_data(work, None), work / "models", args.config)
            report("zonder echte voorbeelden", asyncio.run(measure(model, ["own", *SETS])))
        for name in args.set or list(SETS):
            work = Path(tmp) / name
            model = train(training_data(work, name), work / "models", args.config)
            report(f"zonder {name} getraind", asyncio.run(measure(model, ["own", name])))


if __name__ == "__main__":
    main()
