"""The deadline names of the NLU and the rules' keys agree (actions/termijn_namen.py).

A name the NLU can give that is missing here gets the whole timeline instead of the deadline asked
about; a key the rules do not know would fail at the answer.
"""

from __future__ import annotations

from pathlib import Path

from actions.termijn_namen import RULE_KEYS
from poortwachter import general_rules

ROOT = Path(__file__).resolve().parents[2]


def termijn_names_in_the_training_data() -> set[str]:
    """Every value of the `termijn` entity in data/nlu, as Rasa reads it (synonyms applied)."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu"))
    values = {
        entity["value"]
        for example in data.training_examples
        for entity in example.get("entities") or []
        if entity["entity"] == "termijn"
    }
    return {data.entity_synonyms.get(value, value) for value in values}


def test_every_name_the_nlu_gives_has_rule_keys_and_every_name_is_trained():
    assert termijn_names_in_the_training_data() == set(RULE_KEYS)


def test_every_rule_key_is_a_deadline_of_the_rules():
    rules = general_rules()
    for name, keys in RULE_KEYS.items():
        assert keys and all(key in rules for key in keys), name
