"""Reading the response texts of domain/*.yml, shared by the tests in this folder."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ROOT / "domain"

REFERENCE_LINE = re.compile(r"^\s*(Bron|Meer weten)\s*:", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def response_texts() -> dict[str, tuple[str, str]]:
    """{response name (with #n for the n-th variant): (domain file name, text)} for every text."""
    texts = {}
    for path in sorted(DOMAIN.glob("*.yml")):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        for name, variants in responses.items():
            for index, variant in enumerate(variants or []):
                if variant.get("text"):
                    texts[name if index == 0 else f"{name}#{index}"] = (path.name, variant["text"])
    return texts


def prose_lines(text: str) -> list[str]:
    """The lines a reader has to understand: without markdown bold and without reference lines."""
    return [
        line.replace("**", "").strip() for line in text.splitlines() if line.strip() and not REFERENCE_LINE.match(line)
    ]


def sentences(text: str) -> list[str]:
    """Sentences of the prose: every line ends one, and so does . ! or ? followed by a space."""
    found = []
    for line in prose_lines(text):
        found += [part for part in _SENTENCE_END.split(line) if part.strip()]
    return found


def body_words(text: str) -> int:
    """Number of words a reader reads (reference lines left out)."""
    return sum(len(line.split()) for line in prose_lines(text))
