"""Flesch-Douma readability of the assistant's texts, as the tests in this folder measure it.

The formula is Douma's Dutch adaptation of Flesch (1960):
    206.84 - 0.77 * (syllables per 100 words) - 0.93 * (words per sentence).
Counted here with pyphen's Dutch hyphenation dictionary for the syllables (the dictionary of
LibreOffice and Hunspell). textstat's Dutch mode computes the same, but its wheel installs a
top-level `tests` package into site-packages that hides this project's `tests`, so the three counts
are made here, as textstat makes them: words split on white space after punctuation is removed,
syllables = hyphenation points + 1 per word, sentences = runs ending in . ! or ?, where a "sentence"
of at most two words is not counted (a heading such as "Let op."). test_readability.py checks the
counts and the formula on texts counted by hand.

Known limit: pyphen's dictionary never splits off a single first letter, so "o|ver" or "e|ven"
count one syllable short. That makes a score slightly kinder than a hand count (about 0.8 point
per such word per 100 words); we accept it for a measure that is the same every run.

What we feed it (and why):
- Markdown bold markers and list dashes are removed: they are layout, not words.
- Every line is a sentence: the chat shows each line (and each list item) on its own, and
  textstat would otherwise glue a list of short items into one very long "sentence".
- The "Bron:" and "Meer weten:" lines are left out: they are references (law names, article
  numbers, a link), not text a reader has to understand to act. They are still shown.
- Web addresses in the text (uwv.nl) become one short word, so their dots are no sentence ends.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

import pyphen

LANG = "nl"
REFERENCE_LINE = re.compile(r"^\s*(Bron|Meer weten)\s*:", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(?:https?://)?(?:[\w-]+\.)+(?:nl|com|org|eu|net)\b(?:/\S*)?", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")


def prepare(text: str) -> str:
    """The text as the formula should see it: prose only, one sentence per line at least."""
    lines = []
    for line in text.splitlines():
        if not line.strip() or REFERENCE_LINE.match(line):
            continue
        line = _LIST_ITEM.sub("", line.replace("**", ""))
        line = _WEB_ADDRESS.sub("website", line).strip()
        if line and line[-1] not in ".!?":
            line += "."  # the line ends the sentence (also after a trailing ":" or ";")
        lines.append(line)
    return "\n".join(lines)


_PUNCTUATION = str.maketrans("", "", string.punctuation.replace("-", "") + "‘’“”…")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANG)


def words(text: str) -> list[str]:
    return text.translate(_PUNCTUATION).split()


def syllables(text: str) -> int:
    return sum(len(_dictionary().positions(word.lower())) + 1 for word in words(text))


def sentences(text: str) -> int:
    found = _SENTENCE.findall(text)
    return max(1, sum(1 for sentence in found if len(words(sentence)) > 2))


def douma(word_count: int, syllable_count: int, sentence_count: int) -> float:
    """Douma's formula: 206.84 - 0.77 * (syllables per 100 words) - 0.93 * (words per sentence)."""
    return 206.84 - 0.77 * (100 * syllable_count / word_count) - 0.93 * (word_count / sentence_count)


def flesch_douma(text: str) -> float:
    """Flesch-Douma score of a response text (higher is easier; 60-70 is about B1)."""
    prepared = prepare(text)
    count = len(words(prepared))
    if count == 0:
        return 100.0
    return round(douma(count, syllables(prepared), sentences(prepared)), 1)
