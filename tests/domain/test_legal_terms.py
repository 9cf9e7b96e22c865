"""A legal term is explained where an answer first uses it (issue #26).

The terms, what counts as explaining them and why, are in juridische_termen.yml. The check reads the
sentence with the first use and the sentence after it, in every response text of domain/*.yml
(reference lines "Bron:" and "Meer weten:" left out).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.domain.texts import response_texts, sentences

TERMS = yaml.safe_load((Path(__file__).parent / "juridische_termen.yml").read_text(encoding="utf-8"))["termen"]
TEXTS = response_texts()

# Texts in files kept by others (guide.yml, core.yml, privacy.yml, crisis.yml) that use a term
# without explaining it, until their owner rewrites them: {(response, term): reason}. Empty on
# 2026-12-06: none of them uses a listed term.
NOT_YET_EXPLAINED: dict[tuple[str, str], str] = {}

_AFTER = re.compile(r"\s*(?:\(|:|(?:is|betekent|heet|wil zeggen)\b)", re.IGNORECASE)
_BRACKET_BEFORE = re.compile(r"\(\s*(?:het |de |een |je |jullie )?$", re.IGNORECASE)
# "Dan heet dat situatieve arbeidsongeschiktheid": the sentence before explained it.
_NAMED_AFTER_EXPLANATION = re.compile(r"\bheet (?:dat|dit)(?: \w+)? $", re.IGNORECASE)


def _whole_word(sentence: str, match: re.Match) -> tuple[int, int]:
    """The span of the word(s) the match is part of ("opschorten" for a match on "opschort")."""
    start, end = match.start(), match.end()
    while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] == "-"):
        start -= 1
    while end < len(sentence) and (sentence[end].isalnum() or sentence[end] == "-"):
        end += 1
    return start, end


def explained_where_first_used(text: str, term: dict) -> bool | None:
    """None when the text does not use the term; else whether its first use is explained."""
    form = re.compile(term["vorm"], re.IGNORECASE)
    parts = sentences(text)
    for index, sentence in enumerate(parts):
        match = form.search(sentence)
        if not match:
            continue
        start, end = _whole_word(sentence, match)
        if _AFTER.match(sentence[end:]):
            return True
        if _BRACKET_BEFORE.search(sentence[:start]) and sentence[end:].lstrip().startswith(")"):
            return True
        if index > 0 and _NAMED_AFTER_EXPLANATION.search(sentence[:start]):
            return True
        unit = " ".join(parts[index : index + 2])
        return any(re.search(phrase, unit, re.IGNORECASE) for phrase in term.get("uitleg", []))
    return None


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_legal_term_is_explained_where_first_used(name):
    file, text = TEXTS[name]
    unexplained = [
        label
        for label, term in TERMS.items()
        if explained_where_first_used(text, term) is False and (name, label) not in NOT_YET_EXPLAINED
    ]
    assert not unexplained, (
        f"{file} {name} uses {unexplained} without explaining it in that sentence or the next "
        "(see tests/domain/juridische_termen.yml for what counts as an explanation)"
    )


def test_the_check_finds_terms_at_all():
    # Guards the test itself: the terms must actually occur in the answers it checks.
    used = {
        label
        for label, term in TERMS.items()
        for _, text in TEXTS.values()
        if explained_where_first_used(text, term) is not None
    }
    assert {"loonsanctie", "deskundigenoordeel", "vangnet", "eigenrisicodrager", "dagloon", "opzegverbod"} <= used
    assert len(used) >= 15


@pytest.mark.parametrize(
    "text, label, explained",
    [
        ("Je werkgever kan een loonsanctie krijgen. Vraag HR.", "loonsanctie", False),
        ("Je werkgever kan een loonsanctie krijgen: je werkgever moet dan langer loon betalen.", "loonsanctie", True),
        ("Een **loonsanctie** betekent dat je werkgever langer betaalt.", "loonsanctie", True),
        ("Je krijgt 70% van je dagloon.", "dagloon", False),
        ("Je krijgt 70% van je dagloon. Dat is het loon per dag waar UWV mee rekent.", "dagloon", True),
        ("Je loon telt tot een maximumbedrag per dag (het maximumdagloon).", "maximumdagloon", True),
        ("Het maximumdagloon geldt.", "maximumdagloon", False),
        # "dagloon" is not found inside "maximumdagloon"
        ("Tot een maximumbedrag per dag (het maximumdagloon).", "dagloon", None),
        ("Dit mag in de flexibiliseringsperiode.", "flexibiliseringsperiode", False),
        ("Het opzegverbod loopt door.", "opzegverbod", False),
        ("Het opzegverbod (je werkgever mag je niet ontslaan) loopt door.", "opzegverbod", True),
        ("Vasthouden (opschorten) kan ook.", "loonopschorting", True),
        (
            "Kun je door het conflict niet werken? Dan heet dat soms situatieve arbeidsongeschiktheid.",
            "situatieve arbeidsongeschiktheid",
            True,
        ),
        ("Dan heet dat soms situatieve arbeidsongeschiktheid.", "situatieve arbeidsongeschiktheid", False),
    ],
)
def test_what_counts_as_an_explanation(text, label, explained):
    assert explained_where_first_used(text, TERMS[label]) is explained
