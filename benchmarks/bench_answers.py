"""What a person gets for a question: the right answer at once, or one click away (issue #27).

bench_nlu.py scores the model's first choice. This scores the reply as the assistant gives it,
from the same parse the actions read:
- at once: the answer given directly is right; for a question we have no answer for (label
  `geen_antwoord` or `out_of_scope`) only the honest fallback without guesses counts;
- within one click: right at once, or the right answer is one of the buttons ("Bedoel je …?"
  when unsure, "Of bedoel je …?" under a fixed answer given directly); for a question without an
  answer, the honest fallback or "Iets anders", which is under every row of buttons;
- honest on unknown: the share of questions without an answer that get the honest fallback at once.
Per kind (forum, qa, column, faq-heading, hr) and for long messages (40+ words).

Usage: python benchmarks/bench_answers.py [model] --set NAME [--set NAME ...] [--misses]
NAME: own (tests/nlu/heldout.yml), dev (tests/nlu/real_questions/dev.yml), heldout
(tests/nlu/real_questions/heldout.yml), heldout-2026-12 (tests/nlu/real_questions_2026_12/heldout.yml),
heldout-2026-12b (tests/nlu/real_questions_2026_12b/questions.yml), heldout-2026-12c
(tests/nlu/real_questions_2026_12c/questions.yml). --either-reader: where a set has a blind second reader's
label too, a reply counts as right when it is right for either label.
The four sets named heldout* had their final measurements (docs/benchmarks.md) and are training examples
since 7 December 2026 (scripts/echte_vragen.py): today's model scores them as seen. Only own and dev are
never trained on; for the others, cross-validate (a model trained without the set), as docs/benchmarks.md
"Issue #27, stap 6" did.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Run as a script (`python benchmarks/bench_answers.py`), so Python puts only this folder on the path;
# the project's packages (`actions`, `components`, `benchmarks`) live in the root, which is not installed.
sys.path.insert(0, str(ROOT))

from actions.suggest import RETRIEVAL_INTENT, alternatives, candidates  # noqa: E402
from benchmarks.bench_nlu import answer_given, full_intent, heldout_examples  # noqa: E402
from components.question_focus import is_long  # noqa: E402

GEEN_ANTWOORD = "geen_antwoord"  # a label: about illness, but none of our answers covers it
NO_ANSWER = {GEEN_ANTWOORD, "out_of_scope"}
FALLBACK = "nlu_fallback"
SETS = {
    "dev": ROOT / "tests" / "nlu" / "real_questions" / "dev.yml",
    "heldout": ROOT / "tests" / "nlu" / "real_questions" / "heldout.yml",
    "heldout-2026-12": ROOT / "tests" / "nlu" / "real_questions_2026_12" / "heldout.yml",
    # Collected on 6 December 2026 (evening) to measure honesty on unknown questions once more; 44 of 72
    # have no answer (tests/nlu/real_questions_2026_12b/README.md).
    "heldout-2026-12b": ROOT / "tests" / "nlu" / "real_questions_2026_12b" / "questions.yml",
    # Collected on 7 December 2026 for the final measurement of #27, with a blind second reader
    # (tests/nlu/real_questions_2026_12c/README.md).
    "heldout-2026-12c": ROOT / "tests" / "nlu" / "real_questions_2026_12c" / "questions.yml",
}


@dataclass(frozen=True)
class Question:
    text: str
    label: str
    kind: str = "eigen"
    label_second_reader: str | None = None
    own_words: bool = False


def load(name: str) -> list[Question]:
    if name == "own":
        return [Question(text, label) for text, label in heldout_examples()]
    items = yaml.safe_load(SETS[name].read_text(encoding="utf-8"))["questions"]
    return [
        Question(q["text"], q["label"], q.get("kind", "?"), q.get("label_second_reader"), bool(q.get("own_words")))
        for q in items
    ]


def reply(parsed: dict, by_intent: bool = False) -> tuple[str, list[str]]:
    """(the answer given directly, the answers offered as buttons) for one parse. `by_intent`: our
    own held-out set is labelled with intents (a sick date is `inform_sick_date`, not the question
    the guide then asks), so the direct answer is the intent there."""
    intent = (parsed.get("intent") or {}).get("name")
    if intent == FALLBACK:
        return FALLBACK, candidates(parsed)
    given = full_intent(parsed) if by_intent else answer_given(parsed)
    if intent != RETRIEVAL_INTENT:
        # Only a fixed answer has "Of bedoel je …?" under it (action_answer_faq); the guide, small talk
        # and out_of_scope show no alternatives. (Before 7 December 2026 this counted them for every intent.)
        return given, []
    return given, alternatives(parsed)


def at_once(question: Question, given: str, buttons: list[str]) -> bool:
    if question.label in NO_ANSWER:
        return given in (FALLBACK, "out_of_scope") and not buttons
    return given == question.label


def within_one_click(question: Question, given: str, buttons: list[str]) -> bool:
    if question.label in NO_ANSWER:
        # Honest at once, or "Iets anders" under the guesses ("Bedoel je …?") or under a fixed answer
        # ("Of bedoel je …?"): both lead to the honest fallback.
        return given in (FALLBACK, "out_of_scope") or bool(buttons)
    return given == question.label or question.label in buttons


@dataclass
class Score:
    right: int = 0
    click: int = 0
    total: int = 0
    misses: list = field(default_factory=list)

    def add(self, ok: bool, click: bool) -> None:
        self.right += ok
        self.click += click
        self.total += 1

    def __str__(self) -> str:
        if not self.total:
            return "-"
        at_once, click = self.right / self.total, self.click / self.total
        return f"{self.right}/{self.total} = {at_once:.3f} at once, {click:.3f} within one click"


def judged(question: Question, given: str, buttons: list[str], either_reader: bool) -> tuple[bool, bool]:
    """(right at once, right within one click), for the first reader's label or, with `either_reader`,
    for whichever of the two readers' labels the reply fits best."""
    readings = [question]
    if either_reader and question.label_second_reader:
        readings.append(replace(question, label=question.label_second_reader))
    return (
        any(at_once(q, given, buttons) for q in readings),
        any(within_one_click(q, given, buttons) for q in readings),
    )


async def measure(model: Path, names: list[str], either_reader: bool = False) -> dict[str, dict[str, Score]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    results: dict[str, dict[str, Score]] = {}
    for name in names:
        scores: dict[str, Score] = {}
        for question in load(name):
            given, buttons = reply(await agent.parse_message(question.text), by_intent=name == "own")
            ok, click = judged(question, given, buttons, either_reader)
            groups = ["alles", f"soort: {question.kind}"]
            if question.own_words:
                groups.append("eigen woorden")
            groups.append("zonder antwoord (eerlijk?)" if question.label in NO_ANSWER else "met antwoord")
            if is_long(question.text):
                groups.append("lang (40+ woorden)")
            for group in groups:
                scores.setdefault(group, Score()).add(ok, click)
            if not ok:
                scores["alles"].misses.append((question.text[:120], question.label, given, buttons))
        results[name] = scores
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", nargs="?", default=str(ROOT / "models"))
    parser.add_argument("--set", action="append", choices=["own", *SETS], required=True)
    parser.add_argument("--misses", action="store_true", help="list the misses (never for a held-out set)")
    parser.add_argument("--either-reader", action="store_true", help="right when right for either reader's label")
    args = parser.parse_args()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.utils.log_utils import configure_structlog

    from tests.nlu.accuracy_gate import newest_model

    configure_structlog(logging.WARNING)  # no per-message debug lines with the texts
    logging.getLogger().setLevel(logging.WARNING)
    model = newest_model(Path(args.model))
    print(f"model: {model.name}")
    for name, scores in asyncio.run(measure(model, args.set, args.either_reader)).items():
        print(f"\n{name}")
        for group, score in sorted(scores.items(), key=lambda item: (item[0] != "alles", item[0])):
            print(f"  {group:28} {score}")
        if args.misses and not name.startswith("heldout"):
            for text, label, given, buttons in scores["alles"].misses:
                print(f"    {text!r}: {given} {buttons} (verwacht {label})")


if __name__ == "__main__":
    main()
