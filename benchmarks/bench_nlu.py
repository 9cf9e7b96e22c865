"""NLU benchmark: our pipeline against Rasa's default pipeline on the held-out test set.

Trains the NLU part of both configurations on data/nlu (same data, same machine),
then prints intent accuracy and macro-F1 on tests/nlu/heldout.yml, which is never
used for training. FAQ questions count as their full intent (faq/<key>), so a
right intent with the wrong explanation counts as wrong. Prints figures only.

Usage: python benchmarks/bench_nlu.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the custom tokenizer lives in components/
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"


def default_config(directory: Path) -> Path:
    """Rasa 3.6's own default configuration, as shipped in the package, set to Dutch."""
    import rasa.engine.recipes

    shipped = Path(rasa.engine.recipes.__file__).parent / "config_files" / "default_config.yml"
    config = yaml.safe_load(shipped.read_text())
    config["language"] = "nl"
    config["assistant_id"] = "rasa_default_nl"
    path = directory / "default_config.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def train(config: Path, out: Path, name: str, reuse: bool = False) -> tuple[Path, float]:
    model = out / f"{name}.tar.gz"
    if reuse and model.exists():
        return model, float("nan")
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable, "-m", "rasa", "train", "nlu", "--config", str(config), "--nlu", str(ROOT / "data" / "nlu"),
            "--domain", str(ROOT / "domain"), "--out", str(out), "--fixed-model-name", name,
        ],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return model, time.perf_counter() - started


def heldout_examples() -> list[tuple[str, str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(HELDOUT))
    return [(m.get("text"), m.get_full_intent()) for m in data.intent_examples]


def full_intent(parsed: dict) -> str:
    """The intent, and for a retrieval intent the selected key ("faq/<key>").

    Our config names its selector "faq"; Rasa's default config has one selector
    called "default", which answers the same way in a conversation.
    """
    intent = parsed["intent"]["name"]
    if parsed["intent"].get("full_retrieval_intent_name"):
        return parsed["intent"]["full_retrieval_intent_name"]
    selectors = parsed.get("response_selector", {})
    if intent in selectors.get("all_retrieval_intents", []):
        selected = selectors.get(intent) or selectors.get("default")
        if selected:
            return selected["response"]["intent_response_key"]
    return intent


async def predict(model: Path, texts: list[str]) -> tuple[list[str], float]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    predictions = []
    started = time.perf_counter()
    for text in texts:
        parsed = await agent.parse_message(text)
        predictions.append(full_intent(parsed))
    per_message = (time.perf_counter() - started) / max(len(texts), 1)
    return predictions, per_message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", help="keep trained models in this folder")
    parser.add_argument("--reuse", action="store_true", help="with --keep: use models trained earlier")
    args = parser.parse_args()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no per-message debug lines with the texts

    examples = heldout_examples()
    texts = [t for t, _ in examples]
    truth = [i for _, i in examples]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-nlu-"))
    work.mkdir(parents=True, exist_ok=True)

    rows = []
    for label, config in (("Spoorwijzer (config.yml)", ROOT / "config.yml"), ("Rasa-standaard", default_config(work))):
        model, seconds = train(config, work, label.split()[0].lower().replace("-", "_"), args.reuse)
        predictions, per_message = asyncio.run(predict(model, texts))
        wrong = [(t, p, g) for t, p, g in zip(texts, predictions, truth) if p != g]
        rows.append((label, seconds, accuracy_score(truth, predictions),
                     f1_score(truth, predictions, average="macro", zero_division=0),
                     per_message * 1000, model.stat().st_size / 1e6, wrong))

    print(f"\nHeld-out set: {len(examples)} voorbeelden, {len(set(truth))} intenties (faq/<sleutel> apart geteld)\n")
    print(f"{'pipeline':26} {'training':>9} {'accuracy':>9} {'macro-F1':>9} {'ms/bericht':>11} {'model MB':>9}")
    for label, seconds, accuracy, f1, ms, size, _ in rows:
        print(f"{label:26} {seconds:8.0f}s {accuracy:9.3f} {f1:9.3f} {ms:11.1f} {size:9.1f}")
    for label, *_, wrong in rows:
        print(f"\nFout bij {label} ({len(wrong)}):")
        for text, predicted, gold in wrong:
            print(f"  {text!r}: {predicted} (verwacht {gold})")


if __name__ == "__main__":
    main()
