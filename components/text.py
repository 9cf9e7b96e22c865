"""Text as the word signals compare it (components/answer_ranking.py, components/onderwerp.py)."""

from __future__ import annotations

import unicodedata


def normalise(text: str) -> str:
    """Lower case without accents: "beëindiging" and "beeindiging" are the same word pieces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
