"""A pregnancy in our own training examples is always the guide's entity `situatie` (issue #27, step 7).

The answer ranking reads DIET's entity `situatie` in a message that asks nothing as "this person tells the guide a
situation" (components/answer_ranking.py, `situatie_intent`): "ik ben zwanger en heb mijn been gebroken" must
lead to the guide's question whether the illness comes from the pregnancy, not to the fixed answer about it. The
guide's examples annotate "zwanger"; the fixed answers' examples said "zwanger" without one, which taught DIET
both readings. With 80 epochs it then found no entity in that message at all (docs/benchmarks.md, #27 step 7).
The real questions (data/nlu/echte_vragen.yml) hold no text that names a situation: tests/nlu/test_echte_vragen.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[2] / "data" / "nlu"
SITUATIE_SPAN = re.compile(r'\[[^\]]*\]\{"entity": "situatie"[^}]*\}')
ZWANGERSCHAP = re.compile(r"\bzwanger(?:schap)?\b", re.IGNORECASE)


def examples(path: Path) -> list[str]:
    items = yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []
    return [
        line[2:]
        for item in items
        if "examples" in item
        for line in item["examples"].splitlines()
        if line.startswith("- ")
    ]


def test_every_pregnancy_in_our_examples_is_annotated():
    unannotated = [
        f"{path.name}: {text}"
        for path in sorted(DATA.glob("*.yml"))
        for text in examples(path)
        if ZWANGERSCHAP.search(SITUATIE_SPAN.sub("", text))
    ]
    assert unannotated == []


def test_the_check_sees_an_unannotated_pregnancy():
    assert ZWANGERSCHAP.search(SITUATIE_SPAN.sub("", "ik ben zwanger en ziek, wie betaalt mijn loon?"))
    annotated = 'ik ben [zwanger]{"entity": "situatie", "value": "zwanger"} en ziek, wie betaalt mijn loon?'
    assert not ZWANGERSCHAP.search(SITUATIE_SPAN.sub("", annotated))
