"""Whether a message tells medical details, so they are not stored and the assistant can say
it does not need them.

The assistant never asks for a diagnosis. A message that volunteers one is stored with a
placeholder instead of its text (privacy/redaction.py), and the guide adds one friendly
sentence. Both sides of a mistake are measured on a labelled set
(tests/privacy/test_medical.py): a miss keeps medical text in the store; a false alarm
loses the text of an ordinary message in the store and adds one sentence.

Robust rather than long (privacy/medical_terms.py lists the words and their sources):
- spelling: lower case, diacritics removed ("suïcidale" = "suicidale", "knieën" = "knieen"),
  and "burn-out", "burn out" and "burnout" read alike;
- compounds: a specific stem anywhere inside a word ("borstkanker"), and a body part or
  function followed by a complaint ("knieoperatie", "bekkeninstabiliteit",
  "slaapproblemen"), also written as two words ("angst stoornis");
- a body part near a complaint word ("geopereerd aan mijn knie", "pols gebroken");
- one typo in a longer word ("depresie", "burnoutt");
- medicine names by their INN ending ("metoprolol"), abbreviations that are also words only
  in capitals and after "heb", "met", ... ("ik heb MS", "ME/CVS").
"""

from __future__ import annotations

import re
import unicodedata
from typing import List, Optional

from privacy import medical_terms as terms

_WORD = re.compile(r"[a-z0-9]+")
_LINKS = ("", "s", "e", "en")  # the letters Dutch puts between the parts of a compound
_TYPO_TARGETS = tuple(sorted(word for word in terms.WORDS if len(word) >= 7))
# Where a medical word names a workplace or a profession, not the person's health:
# "ik werk als verpleegkundige in het ziekenhuis", "ik werk op de afdeling oncologie",
# "ik ben fysiotherapeut van beroep", "ik werk als psycholoog".
_WORKPLACE = re.compile(
    r"\b(?:werk|werkt|werkte|werken|baan|stage)\b(?:\s+\w+){0,3}?\s+(?:in|bij|op)\s+(?:het|de|een)\s+"
    r"(?:\w+\s+)?(?:ziekenhuis|kliniek|afdeling\s+\w+|polikliniek\s+\w+)\b"
    r"|\b(?:werk|werkt|werkte|ben|is)\s+(?:als\s+)?(?:een\s+)?\w+\s+van\s+beroep\b"
    r"|\b(?:werk|werkt|werkte)\s+als\s+(?:een\s+)?\w+"
)


def normalise(text: str) -> str:
    """Lower case without diacritics; a hyphen inside a word joins ("burn-out" → "burnout")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return re.sub(r"(?<=[a-z])-(?=[a-z])", "", plain)


def mentions_medical_details(text: Optional[str]) -> bool:
    if not text or not isinstance(text, str):
        return False
    if _abbreviation(text):
        return True
    normal = _WORKPLACE.sub(" ", normalise(text))
    words = _WORD.findall(normal)
    if any(_medical_word(word) for word in words):
        return True
    # Two words that are one compound: "angst stoornis", "knie operatie", "burn out".
    for first, second in zip(words, words[1:]):
        if first + second in terms.WORDS or (first not in terms.AMBIGUOUS_BODY_PARTS and _compound(first + second)):
            return True
    return _body_part_near_complaint(words)


def _medical_word(word: str) -> bool:
    if word in terms.NOT_MEDICAL:
        return False
    if word in terms.WORDS or _plural_stripped(word) in terms.WORDS:
        return True
    if any(stem in word for stem in terms.STEMS):
        return True
    if _compound(word) or _medicine(word):
        return True
    return len(word) >= 7 and any(_one_edit_apart(word, target) for target in _TYPO_TARGETS)


def _plural_stripped(word: str) -> str:
    for ending in ("en", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word


def _compound(word: str) -> bool:
    """A body part or function followed by a complaint: "knieoperatie", "slaapproblemen"."""
    for complaint in terms.COMPLAINTS:
        if word.endswith(complaint) and len(word) > len(complaint):
            first = word[: -len(complaint)]
            if any(_is_modifier(first[: len(first) - len(link)]) for link in _LINKS if first.endswith(link)):
                return True
    return False


def _is_modifier(part: str) -> bool:
    if part in terms.BODY_PARTS or part in terms.FUNCTIONS:
        return True
    return any(part.startswith(side) and part[len(side) :] in terms.BODY_PARTS for side in terms.SIDES)


def _medicine(word: str) -> bool:
    return any(word.endswith(ending) and len(word) >= shortest for ending, shortest in terms.MEDICINE_ENDINGS)


def _body_part_near_complaint(words: List[str]) -> bool:
    for index, word in enumerate(words):
        if word not in terms.BODY_PARTS:
            continue
        window = words[max(0, index - 4) : index] + words[index + 1 : index + 3]
        if word in terms.AMBIGUOUS_BODY_PARTS and not (index > 0 and words[index - 1] in ("mijn", "mn")):
            # "enkel gebroken", "pijn aan mijn arm"; not "enkel problemen met mijn baas", "ik ben arm"
            window = [near for near in words[max(0, index - 1) : index + 2] if _is_near_word(near, terms.INJURIES)]
        if any(_is_near_word(near) for near in window):
            return True
        if index > 0 and words[index - 1] == "nieuwe":  # "een nieuwe heup"
            return True
    return False


_ABBREVIATION = re.compile(r"(?<![\w-])(" + "|".join(sorted(terms.AMBIGUOUS_ABBREVIATIONS)) + r")(?![\w-])")


def _is_near_word(word: str, near: frozenset = terms.NEAR_BODY_PART) -> bool:
    """ "gebroken", also inflected: "gescheurde kruisband", "ontstoken(e)"."""
    return word in near or (word.endswith("e") and word[:-1] in near)


def _abbreviation(text: str) -> bool:
    """ME, MS, ALS, ...: in capitals, in a message that isn't all capitals, after "heb", "met", ...
    or beside a slash ("ME/CVS"). "ME-gesprek" (a talk with the manager) and "als" are words."""
    if text.isupper():
        return False
    for match in _ABBREVIATION.finditer(text):
        before = text[: match.start()].rstrip()
        after = text[match.end() :].lstrip()
        previous = re.findall(r"\w+", before)[-1:] or [""]
        if previous[0].lower() in terms.INTRODUCES_CONDITION or before.endswith("/") or after.startswith("/"):
            return True
    return False


def _one_edit_apart(word: str, target: str) -> bool:
    """True when one letter is inserted, deleted or replaced (cheap: same first letter)."""
    if word == target or word[0] != target[0] or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        return sum(a != b for a, b in zip(word, target)) == 1
    shorter, longer = sorted((word, target), key=len)
    for index in range(len(longer)):
        if longer[:index] + longer[index + 1 :] == shorter:
            return True
    return False
