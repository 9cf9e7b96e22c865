"""Every week, month or year number in a user-facing answer agrees with the rules' parameters.

The fixed answers (domain/*.yml) are plain text for Rasa, so they cannot be
rendered from the parameters; this test reads them instead. Each number with a
unit of time ("week 93", "2 weken", "3 maanden", "2 jaar") must be the value of
a parameter or the standard week of a deadline rule that the same sentence (or
the answer's opening line, which names its topic) speaks about, by one of the
words the rules package gives for it. So "WIA-aanvraag … week 91" fails, and so
does a number nobody declared. Numbers that are no rule of ours are listed
below, each with its reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from poortwachter import general_rules
from poortwachter.parameters import alle

ROOT = Path(__file__).resolve().parents[2]

# (answer, the words around the number, why it is not a rule parameter)
NOT_RULE_NUMBERS = {
    ("utter_faq/deskundigenoordeel", "binnen 2 tot 4 weken"): "UWV's usual handling time, not a legal term",
    (
        "utter_faq/wachten_op_uwv",
        "beslistermijn van 16 weken",
    ): "UWV's temporary working term since 1 January 2026 (an extension it may give), not law; check each quarter",
    (
        "utter_faq/herbeoordeling",
        "gemiddeld 90 weken",
    ): "UWV's average wait for a WIA-herbeoordeling at the end of 2025 (EenVandaag 19-12-2025), not a rule; check each quarter",
}

_NUMBER = re.compile(
    r"\b(?:week|ziekteweek)\s+(?P<week>\d+)\b"
    r"|\b(?P<ordinal>\d+)e[- ]week"
    r"|\b(?P<amount>\d+)\s+(?P<unit>weken|week|maanden|maand|jaar|(?:wacht)?dagen|(?:wacht)?dag)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _answers() -> dict[str, str]:
    texts = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        for name, variants in responses.items():
            for index, variant in enumerate(variants):
                if variant.get("text"):
                    texts[f"{name}" if index == 0 else f"{name}#{index}"] = variant["text"]
    return texts


def _vocabulary() -> list[tuple[str, set[tuple[str, int]]]]:
    """(word, the numbers it may come with): from every parameter and every deadline rule."""
    vocabulary = []
    for parameter in alle().values():
        allowed = {(parameter.eenheid, parameter.waarde)}
        vocabulary += [(term, allowed) for term in parameter.termen]
    for rule in general_rules().values():
        if rule.standaard_week is not None:
            vocabulary += [(term, {("weken", rule.standaard_week)}) for term in rule.termen]
    return vocabulary


def _as_unit(match: re.Match) -> tuple[str, int]:
    if match.group("week") or match.group("ordinal"):
        return "weken", int(match.group("week") or match.group("ordinal"))
    amount, unit = int(match.group("amount")), match.group("unit").lower()
    if unit in ("jaar",):
        return "weken", 52 * amount
    if unit in ("week", "weken"):
        return "weken", amount
    if unit in ("maand", "maanden"):
        return "maanden", amount
    return "dagen", amount  # also "2 wachtdagen"


def _allowed(text: str, vocabulary) -> set[tuple[str, int]]:
    lowered = text.lower()
    allowed: set[tuple[str, int]] = set()
    for term, numbers in vocabulary:
        if term.lower() in lowered:
            allowed |= numbers
    return allowed


def _citations() -> list[tuple[str, str, str, tuple[str, int], set]]:
    """Every number in every answer, with the numbers its sentence and topic line allow."""
    vocabulary = _vocabulary()
    found = []
    for name, text in _answers().items():
        topic = text.strip().splitlines()[0]
        for sentence in _SENTENCE_END.split(text):
            for match in _NUMBER.finditer(sentence):
                allowed = _allowed(sentence, vocabulary) | _allowed(topic, vocabulary)
                found.append((name, sentence, match.group(0), _as_unit(match), allowed))
    return found


CITATIONS = _citations()


def test_the_answers_cite_numbers_at_all():
    # Guards the test itself: if the answers moved or the pattern broke, nothing would be checked.
    assert len(CITATIONS) >= 30
    assert {c[0] for c in CITATIONS} >= {"utter_faq/wia", "utter_faq/reintegratieverslag", "utter_faq/probleemanalyse"}


@pytest.mark.parametrize(
    "name, sentence, words, number, allowed", CITATIONS, ids=[f"{c[0]}: {c[2]}" for c in CITATIONS]
)
def test_every_number_in_an_answer_is_a_rule_number(name, sentence, words, number, allowed):
    if any(name.startswith(answer) and phrase in sentence for (answer, phrase) in NOT_RULE_NUMBERS):
        return
    assert number in allowed, (
        f"{name}: '{words}' in \"{sentence.strip()}\" is no parameter or deadline week that this sentence "
        f"names (allowed here: {sorted(allowed)}). Fix the answer, or the parameter in poortwachter/parameters.py."
    )


def _mutated(answer: str, old: str, new: str) -> bool:
    """Whether the check catches an answer in which `old` was changed into `new`."""
    vocabulary = _vocabulary()
    text = _answers()[answer].replace(old, new)
    topic = text.strip().splitlines()[0]
    for sentence in _SENTENCE_END.split(text):
        for match in _NUMBER.finditer(sentence):
            if _as_unit(match) not in _allowed(sentence, vocabulary) | _allowed(topic, vocabulary):
                return True
    return False


@pytest.mark.parametrize(
    "answer, old, new",
    [
        ("utter_faq/wia", "week 93", "week 91"),  # the rule before 1 July 2013
        ("utter_faq/reintegratieverslag", "week 91", "week 89"),
        ("utter_faq/probleemanalyse", "week 6", "week 8"),
        ("utter_faq/loonsanctie", "52 weken", "26 weken"),
        ("utter_faq/samentellen", "4 weken", "8 weken"),
    ],
)
def test_a_wrong_number_is_caught(answer, old, new):
    assert old in _answers()[answer]
    assert _mutated(answer, old, new)
