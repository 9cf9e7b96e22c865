"""Every fixed answer carries its source and a check record, and the new answers of issue #26 are
short, point to their source page and can be reached with training examples.

The record is the comment block right above each `utter_faq/<key>:` in domain/faq*.yml:
- a line "# bron: ..." naming the source(s) the answer was checked against;
- "gecontroleerd: <date>" (read against that source on that date), or
  "nog te controleren door een tweede lezer" (written or changed by the same helper: the check by
  someone other than the writer is still open).
docs/bronnen-antwoorden.md explains the record and lists what a second reader should check.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.domain.texts import ROOT, body_words, response_texts

FAQ_FILES = sorted((ROOT / "domain").glob("faq*.yml"))
NLU_FILES = sorted((ROOT / "data" / "nlu").glob("*.yml"))

# The questions without an answer in the December review (§4), answered since 2026-12-06, and the topics
# that real questions asked most often without an answer (2026-12-07).
NEW_KEYS = {
    "ww_en_ziek",
    "vaststellingsovereenkomst",
    "ziek_na_opzegging",
    "nieuwe_baan",
    "eigen_schuld",
    "pensioen",
    "inzage_dossier",
    "leaseauto",
    "dertiende_maand",
    "vakantiedagen_uitbetalen",
    "arbeidsongeval",
    "zwanger_in_ziektewet",
    "herbeoordeling",
    # Topics that real questions ask most often without an answer (#27 step 10, 2026-12-07).
    "sporten_en_klussen",
    "elders_werken",
    "klacht_bedrijfsarts",
    "reiskosten_bedrijfsarts",
    "verzuimverzekering",
    "arbodienst",
}
MAX_WORDS_NEW = 120  # issue #26: short answers; the "Meer weten" link carries the rest

_KEY_LINE = re.compile(r"^  (utter_faq/[\w]+):\s*$")
_CHECKED = re.compile(r"gecontroleerd: \d{4}-\d{2}-\d{2}")
_SECOND_READER = "nog te controleren door een tweede lezer"


def _records() -> dict[str, str]:
    """{utter_faq/<key>: the comment block right above it}."""
    records = {}
    for path in FAQ_FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            match = _KEY_LINE.match(line)
            if not match:
                continue
            block, above = [], index - 1
            while above >= 0 and lines[above].strip().startswith("#"):
                block.insert(0, lines[above].strip())
                above -= 1
            records[match.group(1)] = "\n".join(block)
    return records


RECORDS = _records()
TEXTS = response_texts()


def _faq_examples() -> dict[str, list[str]]:
    examples: dict[str, list[str]] = {}
    for path in NLU_FILES:
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            intent = item.get("intent") or ""
            if intent.startswith("faq/"):
                lines = [
                    line[2:].strip() for line in (item.get("examples") or "").splitlines() if line.startswith("- ")
                ]
                examples.setdefault(intent[4:], []).extend(lines)
    return examples


EXAMPLES = _faq_examples()


def test_every_answer_is_in_the_record():
    answers = {name for name in TEXTS if name.startswith("utter_faq/")}
    assert answers == set(RECORDS), "every utter_faq answer in domain/faq*.yml needs its comment block"
    assert len(RECORDS) >= 72


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_answer_names_its_source_and_its_check(name):
    record = RECORDS[name]
    assert re.search(r"^# bron: \S", record, re.MULTILINE), f"{name}: no '# bron:' line above the answer"
    assert _CHECKED.search(record) or _SECOND_READER in record, (
        f"{name}: say who checked it against the source and when ('gecontroleerd: YYYY-MM-DD'), "
        f"or that it still waits for a second reader ('{_SECOND_READER}')"
    )
    assert "Bron:" in TEXTS[name][1], f"{name}: the answer itself must end with its source ('Bron: ...')"


@pytest.mark.parametrize("key", sorted(NEW_KEYS))
def test_a_new_answer_is_short_links_its_source_and_waits_for_a_second_reader(key):
    name = f"utter_faq/{key}"
    assert name in TEXTS, f"{name} is missing"
    text = TEXTS[name][1]
    assert body_words(text) <= MAX_WORDS_NEW, f"{name}: {body_words(text)} words, at most {MAX_WORDS_NEW}"
    assert re.search(r"^Meer weten: https://\S+$", text, re.MULTILINE), f"{name}: 'Meer weten: <link>' is missing"
    # Written by the answer-texts helper: the check by someone else is still open until it is recorded.
    assert _SECOND_READER in RECORDS[name] or "tweede lezer:" in RECORDS[name]


@pytest.mark.parametrize("key", sorted(NEW_KEYS))
def test_a_new_answer_has_training_examples(key):
    examples = EXAMPLES.get(key, [])
    assert len(examples) >= 6, f"faq/{key}: {len(examples)} training examples, at least 6"
    assert len(set(examples)) == len(examples), f"faq/{key}: duplicate examples"


def test_every_answer_can_be_reached_and_every_example_has_an_answer():
    answers = {name.split("/", 1)[1] for name in TEXTS if name.startswith("utter_faq/")}
    assert answers == set(EXAMPLES)


def test_no_example_is_trained_for_two_answers():
    seen: dict[str, str] = {}
    for key, lines in EXAMPLES.items():
        for line in lines:
            normal = line.lower().strip(" ?!.")
            assert seen.setdefault(normal, key) == key, f"'{line}' is an example of faq/{seen[normal]} and faq/{key}"


def _held_out_questions() -> set[str]:
    """What the accuracy gate measures on (tests/nlu/accuracy_gate.py), read as it reads them: our own held-out
    set and the real-question development set. The other real-question sets had their final measurements and
    teach the model since 7 December 2026 (scripts/echte_vragen.py); the development set never does."""
    from benchmarks.bench_answers import load

    return {q.text.lower().strip(" ?!.") for name in ("own", "dev") for q in load(name)}


# Short definition questions that were in both the training data and tests/nlu/heldout.yml before
# 2026-12-06 (the obvious way to ask them). Left to the owner of the held-out set to decide;
# nothing may be added to this list.
KNOWN_OVERLAP = {
    "wat is een arbeidsdeskundig onderzoek",
    "wat doet een re-integratiebureau",
    "wat is een loonsanctie",
    "wat is passend werk",
}


def test_held_out_questions_are_not_training_examples():
    """The sets the accuracy gate measures on stay unseen: none of their questions may appear in the training data."""
    held_out = _held_out_questions()
    assert len(held_out) >= 150  # guards the test itself: the sets were read
    trained = {line.lower().strip(" ?!.") for lines in EXAMPLES.values() for line in lines}
    assert trained & held_out <= KNOWN_OVERLAP
