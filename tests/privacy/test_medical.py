"""The medical-details filter, measured (issue #25, item 7).

Miss rate and false-positive rate on tests/privacy/medical_labelled.yml (written by hand before
the filter, labels explained there), and the rate of messages flagged among every training
example of data/nlu whose intent is not `share_medical_details` or `crisis` (a corpus of ordinary
questions nobody wrote for this test). The figures are printed with `pytest -s`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from privacy.medical import mentions_medical_details, normalise

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELLED = yaml.safe_load((HERE / "medical_labelled.yml").read_text(encoding="utf-8"))
MEDICAL = [(kind, text) for kind, texts in LABELLED["medisch"].items() for text in texts]
ORDINARY = [(kind, text) for kind, texts in LABELLED["gewoon"].items() for text in texts]
MAX_MISS_RATE = 0.05
MAX_FALSE_POSITIVE_RATE = 0.05
MAX_FLAGGED_NLU_RATE = 0.02


def test_the_labelled_set_is_large_and_varied():
    assert len(MEDICAL) >= 60 and len(LABELLED["medisch"]) >= 8
    assert len(ORDINARY) >= 90
    ordinary = " ".join(text for _, text in ORDINARY)
    for word in ("ziek", "arts", "bedrijfsarts", "operationeel", "kankeren", "zwanger", "bevalling"):
        assert word in ordinary


def test_miss_rate_on_the_labelled_set():
    missed = [text for _, text in MEDICAL if not mentions_medical_details(text)]
    rate = len(missed) / len(MEDICAL)
    print(f"\nmedisch: {len(MEDICAL)} berichten, gemist {len(missed)} ({rate:.1%}): {missed}")
    assert rate <= MAX_MISS_RATE, missed


def test_false_positive_rate_on_the_labelled_set():
    flagged = [text for _, text in ORDINARY if mentions_medical_details(text)]
    rate = len(flagged) / len(ORDINARY)
    print(f"\ngewoon: {len(ORDINARY)} berichten, ten onrechte medisch {len(flagged)} ({rate:.1%}): {flagged}")
    assert rate <= MAX_FALSE_POSITIVE_RATE, flagged


def nlu_examples():
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" not in block or block["intent"] in ("share_medical_details", "crisis"):
                continue
            for line in block["examples"].splitlines():
                example = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
                if example:  # entity annotations out: "[werknemer](rol)" → "werknemer"
                    yield block["intent"], re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", example)


def test_flag_rate_on_every_ordinary_training_example():
    examples = list(nlu_examples())
    flagged = [(intent, text) for intent, text in examples if mentions_medical_details(text)]
    rate = len(flagged) / len(examples)
    print(
        f"\ndata/nlu zonder share_medical_details en crisis: {len(examples)} voorbeelden, medisch {len(flagged)} "
        f"({rate:.1%}): {flagged}"
    )
    assert len(examples) > 500 and rate <= MAX_FLAGGED_NLU_RATE, flagged


@pytest.mark.parametrize("text", ["knieoperatie", "suïcidale gedachten", "alcoholist", "bekkeninstabiliteit", "ME/CVS"])
def test_the_five_variants_the_old_list_missed(text):
    assert mentions_medical_details(f"ik heb {text}") or mentions_medical_details(f"ik ben {text}")


@pytest.mark.parametrize(
    "text",
    [
        "ik ben ziek",
        "mijn ziekmelding",
        "de bedrijfsarts belt",
        "mijn re-integratie",
        "ik ben arbeidsongeschikt",
        "ik ben zwanger",
        "na de bevalling",
        "ik zit in de ziektewet",
        "het advies van de arbo-arts",
        "ik werk op arbeidstherapeutische basis",
        "ik ben gedeeltelijk hersteld",
    ],
)
def test_the_process_words_the_guide_needs_are_not_medical(text):
    assert not mentions_medical_details(text)


@pytest.mark.parametrize(
    "text, why",
    [
        ("ik heb een rugoperatie gehad", "compound: body part + operatie"),
        ("ik heb borstkanker", "stem inside a compound"),
        ("ik heb een Burn-Out", "capitals and hyphen"),
        ("ik heb een burn out", "two words"),
        ("ik heb artrose in mijn knieën", "diaeresis"),
        ("ik heb een depresie", "one letter missing"),
        ("ik ben aan mijn linkerschouder geopereerd", "side + body part"),
        ("mijn enkel is gebroken", "an ambiguous body part right beside an injury"),
        ("ik gebruik metoprolol", "medicine by its INN ending"),
        ("ik heb MS", "abbreviation in capitals after 'heb'"),
    ],
)
def test_robust_to_how_people_write(text, why):
    assert mentions_medical_details(text), why


@pytest.mark.parametrize(
    "text, why",
    [
        ("is een ME-gesprek verplicht?", "ME-gesprek is a talk with the manager"),
        ("ik ben ALS werknemer verplicht mee te werken?", "'als' in capitals"),
        ("ik ben in april ziek geworden", "april does not end like an ACE-inhibitor"),
        ("ik heb enkel problemen met mijn leidinggevende", "'enkel' is 'only' here"),
        ("ik ben arm geworden door de loonsanctie", "'arm' is 'poor' here"),
        ("mijn collega zit te kankeren", "grumbling"),
        ("ik werk bij een coöperatie", "a coöperatie is a company"),
        ("ik werk als psycholoog en ben ziek", "a profession, not a treatment"),
    ],
)
def test_words_that_only_look_medical(text, why):
    assert not mentions_medical_details(text), why


def test_normalise_removes_diacritics_and_joins_hyphenated_words():
    assert normalise("Suïcidale Burn-Out, knieën") == "suicidale burnout, knieen"


@pytest.mark.parametrize("value", [None, "", 12, ["ik heb kanker"]])
def test_no_text_is_not_medical(value):
    assert mentions_medical_details(value) is False
