"""Recognise the situation beyond the standard case in how people write it.

"mijn contract is afgelopen", "ik ben zwanger", "ik werk na mijn pensioen", "ik word
volgend jaar 67": the guide then skips its situation question. The codes are the
guide's own; the rules package gets the inputs they stand for (actions/guide.py).
"""
from __future__ import annotations

import re

STANDAARD, ZIEK_UIT_DIENST, ZWANGERSCHAP, AOW = "standaard", "ziek_uit_dienst", "zwangerschap", "aow"
CODES = (STANDAARD, ZIEK_UIT_DIENST, ZWANGERSCHAP, AOW)

_PATTERNS: list[tuple[str, str]] = [
    (ZIEK_UIT_DIENST,
     r"\bcontract\w*\b[^.?!]{0,40}\b(afgelopen|loopt[^.?!]{0,20}\baf|liep[^.?!]{0,20}\baf|niet verlengd|stopt|gestopt|"
     r"eindigt|geëindigd|beëindigd|opgezegd|is om)\b|\buit dienst\b|\bniet (meer )?verlengd\b|"
     r"\b(tijdelijk|jaar|nul[- ]?uren)contract\b|\bgeen contract meer\b"),
    (ZWANGERSCHAP, r"\bzwanger\w*|\bbevall\w*|\bbevallen\b|\bzwangerschapsverlof\b"),
    (AOW, r"\baow\b|\baow-?(leeftijd|gerechtigd\w*)|\bpensioen\b|\bgepensioneerd\b|\bword[t]? [^.?!]{0,20}\b6[6-8]\b|"
          r"\b(ben|is) (al )?6[6-9] (jaar|geworden)\b"),
    (STANDAARD, r"\bgewoon in dienst\b|\bvast(e)? (contract|baan|dienstverband)\b|\bonbepaalde tijd\b"),
]
_EIGENRISICODRAGER = re.compile(r"\beigen ?risico ?drager\b|\beigenrisicodrager\b|\b(erd|eigen risico) (zw|ziektewet)\b",
                                re.IGNORECASE)


def situation_from_text(text: str | None) -> str | None:
    """The situation a message describes, or None when it says nothing about it."""
    if not text:
        return None
    lowered = text.lower()
    if lowered.strip() in CODES:
        return lowered.strip()
    for code, pattern in _PATTERNS:
        if re.search(pattern, lowered):
            return code
    return None


def mentions_eigenrisicodrager(text: str | None) -> bool:
    return bool(text and _EIGENRISICODRAGER.search(text))
