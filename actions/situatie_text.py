"""Recognise the situation beyond the standard case in how people write it.

"mijn contract is afgelopen", "ik ben zwanger", "ik werk na mijn pensioen", "ik word
volgend jaar 67": the guide then skips its situation question. The codes are the
guide's own; the rules package gets the inputs they stand for (actions/calculation.py).

Pregnancy is only a situation: "zwanger" says that a pregnancy, a birth or the
zwangerschaps- en bevallingsverlof of the employee herself is in play. It does not say
that the sickness comes from it (Ziektewet art. 29a pays only then), so the guide asks
that, unless the message says it in so many words. Someone else's pregnancy ("mijn
vrouw is bevallen") is no situation of the employee at all.
"""

from __future__ import annotations

import re

STANDAARD, ZIEK_UIT_DIENST, ZWANGER, AOW = "standaard", "ziek_uit_dienst", "zwanger", "aow"
CODES = (STANDAARD, ZIEK_UIT_DIENST, ZWANGER, AOW)
# Older codes that a stored conversation or an old button may still carry. "zwangerschap" meant
# "ziek door zwangerschap" without asking; it is read as "zwanger", so the cause is asked now.
ALIASES = {"zwangerschap": ZWANGER}

_PATTERNS: list[tuple[str, str]] = [
    (
        ZIEK_UIT_DIENST,
        r"\bcontract\w*\b[^.?!]{0,40}\b(afgelopen|loopt[^.?!]{0,20}\baf|liep[^.?!]{0,20}\baf|niet verlengd|stopt|gestopt|"
        r"eindigt|geëindigd|beëindigd|opgezegd|is om)\b|\buit dienst\b|\bniet (meer )?verlengd\b|"
        r"\b(tijdelijk|jaar|nul[- ]?uren)contract\b|\bgeen contract meer\b",
    ),
    (
        AOW,
        r"\baow\b|\baow-?(leeftijd|gerechtigd\w*)|\bpensioen\b|\bgepensioneerd\b|\bword[t]? [^.?!]{0,20}\b6[6-8]\b|"
        r"\b(ben|is) (al )?6[6-9] (jaar|geworden)\b",
    ),
    (STANDAARD, r"\bgewoon in dienst\b|\bvast(e)? (contract|baan|dienstverband)\b|\bonbepaalde tijd\b"),
]

# "mijn contract loopt af op 30 juni", "contract eindigt per 1 maart 2027"
CONTRACT_END = re.compile(
    r"\b(?:contract|dienstverband)\w*\b[^.?!]{0,40}?\b(?:af|stopt|eindigt|geëindigd|afgelopen)\b\s+(?:op|per)\s+([^.?!,]+)",
    re.IGNORECASE,
)

# Words for a pregnancy, a birth or the leave around it.
_ZWANGERSCHAP = re.compile(r"\bzwanger\w*|\bbevall\w*|\bbevalt\b|\bbevallen\b")
# Someone other than the employee is the one who is pregnant or gave birth: "mijn vrouw is bevallen",
# "onze dochter is zwanger". Only this clause counts ("mijn vrouw is bevallen en ik ben zwanger").
_SOMEONE_ELSE = re.compile(
    r"\b(mijn|m'n|onze|ons|zijn|z'n|haar|je|jouw|uw|de)\s+(vrouw|echtgenote|partner|vriendin|verloofde|dochter|"
    r"schoondochter|zus|zuster|schoonzus|moeder|nicht|buurvrouw)\b(?:(?!\bik\b)[^.?!,;]){0,40}$"
)
# The partner's own leave around a birth: not the employee's pregnancy.
_PARTNER_VERLOF = re.compile(r"\b(geboorteverlof|partnerverlof|vaderschapsverlof|kraamverlof)\b")
# "ziek door mijn zwangerschap", "zwangerschapsklachten"; "niet door de zwangerschap" says the opposite.
_CAUSE = re.compile(
    r"\b(door|vanwege|als\s+gevolg\s+van)\s+(de|mijn|m'n|haar|die|deze)?\s*(zwangerschap|bevalling)\b|"
    r"\b(zwangerschaps|bevallings)(klachten|ziekte|complicaties)\b"
)
# "niet door de zwangerschap", "ik ben niet ziek door mijn zwangerschap", "geen zwangerschapsklachten".
_NEGATION = re.compile(r"\b(niet|geen)\b(?:(?!\bmaar\b)[^.?!,;]){0,25}$")


def normalise_code(code: str | None) -> str | None:
    """A situation code as the guide uses it now (older codes mapped), or None."""
    if code is None:
        return None
    return ALIASES.get(code, code) if ALIASES.get(code, code) in CODES else None


def own_zwangerschap(text: str | None) -> bool:
    """Whether the message says the employee herself is pregnant, gave birth or has that leave.

    "ik ben zwanger", "onze medewerkster is bevallen", "na mijn zwangerschapsverlof" count;
    "mijn vrouw is bevallen", "ik heb geboorteverlof" do not.
    """
    if not text:
        return False
    lowered = text.lower()
    for match in _ZWANGERSCHAP.finditer(lowered):
        before = lowered[max(0, match.start() - 60) : match.start()]
        if not _SOMEONE_ELSE.search(before):
            return True
    return False


def zwangerschap_cause_from_text(text: str | None) -> bool | None:
    """True when the message says the sickness comes from the pregnancy or birth, False when it
    says it does not, None when it does not say (the guide then asks)."""
    if not text:
        return None
    lowered = text.lower()
    match = _CAUSE.search(lowered)
    if not match:
        return None
    return not _NEGATION.search(lowered[max(0, match.start() - 30) : match.start()])


def situatie_from_text(text: str | None) -> str | None:
    """The situation a message describes, or None when it says nothing about it."""
    if not text:
        return None
    lowered = text.lower()
    stripped = lowered.strip()
    if normalise_code(stripped):
        return normalise_code(stripped)
    for code, pattern in _PATTERNS[:1]:
        if re.search(pattern, lowered):
            return code
    if own_zwangerschap(lowered):
        return ZWANGER
    for code, pattern in _PATTERNS[1:]:
        if re.search(pattern, lowered):
            return code
    return None


def mentions_partner_birth(text: str | None) -> bool:
    """Someone else's pregnancy or birth, or the partner's leave: worth a word, not a situation."""
    if not text:
        return False
    lowered = text.lower()
    return bool(_PARTNER_VERLOF.search(lowered)) or (
        bool(_ZWANGERSCHAP.search(lowered)) and not own_zwangerschap(lowered)
    )


_EIGENRISICODRAGER = re.compile(
    r"\beigen ?risico ?drager\b|\beigenrisicodrager\b|\b(erd|eigen risico) (zw|ziektewet)\b", re.IGNORECASE
)


def mentions_eigenrisicodrager(text: str | None) -> bool:
    return bool(text and _EIGENRISICODRAGER.search(text))
