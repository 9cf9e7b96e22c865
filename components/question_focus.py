"""The questions in a message (issue #27 item 2).

People often write their situation first and ask last: "Ik ben sinds maart ziek. Mijn werkgever
wil … Mag dat?" `questions` finds the sentences that ask something (a question mark, or a question
word or inverted verb at the start), for offering a long message's second question as a button; the
other tests tell a question from a statement. The classifier reads a long message whole: giving it, or
the word signal, only the question part answered fewer long messages right (docs/benchmarks.md, #27
step 7). Pure text handling: no model, nothing kept.
"""

from __future__ import annotations

import re

LONG_MESSAGE_WORDS = 40  # shorter messages are one question with its context already
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_QUESTION_START = re.compile(
    r"^(wat|wanneer|welk|welke|hoe|hoelang|hoeveel|waar|waarom|wie|waarvoor|klopt|is|zijn|"
    r"moet|moeten|kan|kun|kunnen|mag|mogen|heb|hebben|heeft|ben|word|wordt|krijg|krijgt|geldt|dien|zou|"
    r"blijft|valt|telt)\b",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def asks(sentence: str) -> bool:
    return sentence.endswith("?") or bool(_QUESTION_START.match(sentence))


_CLAUSE_END = re.compile(r"[,;:]")
_AFTER_A_QUESTION_MARK = "!)\"'\u201d\u2019\u00bb "
_AROUND_A_CLAUSE = " ()\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def asks_outright(text: str | None) -> bool:
    """Whether a message asks a question in so many words: a sentence that ends with "?" and starts,
    or has a clause that starts, with a question word ("Mag ik minder uren werken?", "Mijn baas wil
    dat ik minder ga werken, kan dat zomaar?"). A hesitant answer to one of the guide's questions
    ("eigen werk?") does not, nor does an advice that starts like a question ("kan halve dagen werken")."""
    return any(
        sentence.rstrip(_AFTER_A_QUESTION_MARK).endswith(("?", "\uff1f"))  # also "?!", "?)" and a full-width "？"
        and any(_QUESTION_START.match(clause.strip(_AROUND_A_CLAUSE)) for clause in _CLAUSE_END.split(sentence))
        for sentence in sentences(text or "")
    )


# A question mark anywhere; a question word in the last sentence; or a last sentence that starts with a verb
# and a person ("moet ik …", "kan mijn …"): looser than asks_outright, for telling a question from a statement.
_ASKS_SOMETHING = re.compile(
    r"\?"
    r"|\b(wat|wanneer|welk|welke|hoe|hoelang|hoeveel|waar|waarom|wie)\b[^.!]*$"
    r"|(^|[.!]\s*)(moet|moeten|kan|kun|mag|zit|ben|heb|word|wordt|krijg)\s+(ik|je|jij|u|hij|zij|ze|we|wij|mijn)\b[^.!]*$",
    re.IGNORECASE,
)


def asks_something(text: str | None) -> bool:
    """A question mark, or a question word or question form ("moet ik …") in the last sentence."""
    return bool(text and _ASKS_SOMETHING.search(text))


def is_long(text: str | None) -> bool:
    return len((text or "").split()) >= LONG_MESSAGE_WORDS


def questions(text: str) -> list[str]:
    """The sentences of a message that ask something, in order."""
    return [s for s in sentences(text) if asks(s)]
