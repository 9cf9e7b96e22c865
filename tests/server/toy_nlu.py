"""Small Rasa projects for the tests that train a model (well under a minute): an NLU one, and a
dialogue one with keyword intents and rules only (seconds)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from rasa.model_training import train, train_nlu

NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hallo
    - goedemorgen
    - hoi daar
- intent: inform_sick_date
  examples: |
    - ik ben sinds [3 maart](sick_date) ziek
    - ziek sinds [1 februari](sick_date)
    - vanaf [10 mei](sick_date) ben ik ziek
- intent: faq/wia
  examples: |
    - wanneer vraag ik de wia aan
    - hoe werkt de wia aanvraag
- intent: faq/spoor_2
  examples: |
    - wat is spoor 2
    - wat betekent tweede spoor
"""
DOMAIN = """
version: "3.1"
intents: [greet, inform_sick_date, faq]
entities: [sick_date]
responses:
  utter_faq/wia:
  - text: "Uitleg over de WIA."
  utter_faq/spoor_2:
  - text: "Uitleg over spoor 2."
"""


# The toy NLU models' tokenizer and features: words and character n-grams, as in config.yml but small.
TOY_FEATURES = """
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 2
    max_ngram: 4
"""


def toy_nlu_config(classifiers: str) -> str:
    """An NLU config: the toy features, then `classifiers` (pipeline entries indented as in TOY_FEATURES)."""
    entries = TOY_FEATURES.strip("\n") + "\n" + classifiers.strip("\n")
    return f"language: nl\npipeline:\n{entries}\npolicies: []\n"


def train_toy_model(folder: Path, config: str, nlu: str = NLU, domain: str = DOMAIN) -> str:
    """Writes the project with `config` into `folder` and trains it; returns the model's path."""
    for name, text in (("config.yml", config), ("nlu.yml", nlu), ("domain.yml", domain)):
        (folder / name).write_text(textwrap.dedent(text))
    model = train_nlu(
        str(folder / "config.yml"), str(folder / "nlu.yml"), str(folder / "out"), domain=str(folder / "domain.yml")
    )
    assert model and Path(model).exists()
    return model


RULES_CONFIG = """
recipe: default.v1
language: nl
pipeline:
  - name: WhitespaceTokenizer
  - name: KeywordIntentClassifier
policies:
  - name: RulePolicy
assistant_id: spoorwijzer-toy
"""


def train_toy_rules_model(folder: Path, domain: str, nlu: str, rules: str) -> str:
    """A dialogue model in seconds (keyword intents, RulePolicy) in `folder`; returns the model's path.
    Rasa's cache goes into `folder` too, not into the project's .rasa/cache."""
    files = {"config.yml": RULES_CONFIG, "domain.yml": domain, "nlu.yml": nlu, "rules.yml": rules}
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RASA_CACHE_DIRECTORY", str(folder / "cache"))
        result = train(
            str(folder / "domain.yml"),
            str(folder / "config.yml"),
            [str(folder / "nlu.yml"), str(folder / "rules.yml")],
            output=str(folder / "out"),
        )
    assert result.code == 0 and result.model
    return result.model
