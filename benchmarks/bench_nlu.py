"""NLU benchmark: our pipeline against Rasa's default pipeline on the held-out test set.

Trains the NLU part of both configurations on data/nlu (same data, same machine),
then prints intent accuracy and macro-F1 on tests/nlu/heldout.yml, which is never
used for training. FAQ questions count as their full intent (faq/<key>), so a
right intent with the wrong explanation counts as wrong. Prints figures only.

It also measures both on the real-question development set (tests/nlu/real_questions/dev.yml):
questions people wrote on public pages, labelled with the answer they should get, and never
trained on. Scored by the answer the assistant gives, not the intent name (see `answer_given`),
with the misses listed for error analysis. The other real-question sets are training examples
since 7 December 2026 (scripts/echte_vragen.py); benchmarks/cross_validate.py measures them.

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
# Run as a script (make bench-nlu), so Python puts only this folder on the path; the project's
# packages (`components`: the custom tokenizer config.yml names) live in the root, which is not installed.
sys.path.insert(0, str(ROOT))
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
REAL = ROOT / "tests" / "nlu" / "real_questions"
# The honest "no answer" replies: a real question without an answer of ours, or outside the
# domain, is answered well by either.
NO_ANSWER = {"nlu_fallback", "out_of_scope"}


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


def train(config: Path, out: Path, name: str, module: str, reuse: bool = False) -> tuple[Path, float]:
    """Trains from scratch (an empty Rasa cache) with `python -m <module> train nlu`.

    Our configuration is trained as the project trains it (spoorwijzer_rasa, with the training fixes
    unless SPOORWIJZER_FAST_TRAINING=0); Rasa's default configuration with Rasa as shipped.
    """
    model = out / f"{name}.tar.gz"
    if reuse and model.exists():
        return model, float("nan")
    command = [
        sys.executable,
        "-m",
        module,
        "train",
        "nlu",
        "--config",
        str(config),
        "--nlu",
        str(ROOT / "data" / "nlu"),
        "--domain",
        str(ROOT / "domain"),
        "--out",
        str(out),
        "--fixed-model-name",
        name,
    ]
    started = time.perf_counter()
    # `rasa train --force` still reuses components from Rasa's cache: from scratch means an empty one.
    with tempfile.TemporaryDirectory(prefix="rasa-cache-") as cache:
        subprocess.run(
            command,
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "RASA_CACHE_DIRECTORY": cache},
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


def answer_given(parsed: dict) -> str:
    """What the assistant answers, in the labels of the real-question set.

    A message with a sick date and no question word (inform_sick_date) starts the guide with
    the track question, or with the deadline question when it names a deadline (guide.py).
    """
    intent = full_intent(parsed)
    if intent == "inform_sick_date":
        named = any(e.get("entity") == "termijn" for e in parsed.get("entities") or [])
        return "ask_termijn" if named else "ask_track"
    return intent


def real_questions(name: str) -> list[tuple[str, str, str]]:
    """(text, label, kind) of one real-question file; kind: forum, qa, column or faq-heading."""
    path = REAL / f"{name}.yml"
    if not path.exists():
        return []
    return [(q["text"], q["label"], q["kind"]) for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]


def is_right(given: str, label: str) -> bool:
    if label in ("geen_antwoord", "out_of_scope"):
        return given in NO_ANSWER
    return given == label


async def parse_all(model: Path, texts: list[str]) -> tuple[list[dict], float]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    parsed = []
    started = time.perf_counter()
    for text in texts:
        parsed.append(await agent.parse_message(text))
    per_message = (time.perf_counter() - started) / max(len(texts), 1)
    return parsed, per_message


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

    real = {"dev": real_questions("dev")}
    rows, real_rows = [], []
    setups = (
        ("Spoorwijzer (config.yml)", ROOT / "config.yml", "spoorwijzer_rasa"),
        ("Rasa-standaard", default_config(work), "rasa"),
    )
    for label, config, module in setups:
        model, seconds = train(config, work, label.split()[0].lower().replace("-", "_"), module, args.reuse)
        parsed, per_message = asyncio.run(parse_all(model, texts))
        predictions = [full_intent(p) for p in parsed]
        wrong = [(t, p, g) for t, p, g in zip(texts, predictions, truth) if p != g]
        rows.append(
            (
                label,
                seconds,
                accuracy_score(truth, predictions),
                f1_score(truth, predictions, average="macro", zero_division=0),
                per_message * 1000,
                model.stat().st_size / 1e6,
                wrong,
            )
        )
        scores = {}
        for name, questions in real.items():
            answers = [answer_given(p) for p in asyncio.run(parse_all(model, [q[0] for q in questions]))[0]]
            right = [is_right(a, q[1]) for a, q in zip(answers, questions)]
            misses = [(q[0], a, q[1]) for q, a, ok in zip(questions, answers, right) if not ok]
            by_kind: dict[str, list[int]] = {}
            for q, ok in zip(questions, right):
                by_kind.setdefault(q[2], [0, 0])
                by_kind[q[2]][0] += ok
                by_kind[q[2]][1] += 1
            scores[name] = (sum(right), len(questions), misses, by_kind)
        real_rows.append((label, scores))

    print(f"\nHeld-out set: {len(examples)} voorbeelden, {len(set(truth))} intenties (faq/<sleutel> apart geteld)\n")
    print(f"{'pipeline':26} {'training':>9} {'accuracy':>9} {'macro-F1':>9} {'ms/bericht':>11} {'model MB':>9}")
    for label, seconds, accuracy, f1, ms, size, _ in rows:
        print(f"{label:26} {seconds:8.0f}s {accuracy:9.3f} {f1:9.3f} {ms:11.1f} {size:9.1f}")
    for label, *_, wrong in rows:
        print(f"\nFout bij {label} ({len(wrong)}):")
        for text, predicted, gold in wrong:
            print(f"  {text!r}: {predicted} (verwacht {gold})")

    print("\nEchte vragen (tests/nlu/real_questions): goed beantwoord / totaal")
    for label, scores in real_rows:
        cells = [f"{name} {ok}/{n} = {ok / n:.3f}" for name, (ok, n, _, _) in scores.items() if n]
        print(f"  {label:26} " + "   ".join(cells))
        for name, (_, n, _, by_kind) in scores.items():
            if n:
                print(f"    {name} per soort: " + ", ".join(f"{k} {o}/{t}" for k, (o, t) in sorted(by_kind.items())))
    for label, scores in real_rows:
        misses = scores.get("dev", (0, 0, [], {}))[2]
        print(f"\nMissers op de ontwikkelset bij {label} ({len(misses)}):")
        for text, given, gold in misses:
            print(f"  {text[:160]!r}: {given} (verwacht {gold})")


if __name__ == "__main__":
    main()
