"""The guide's DIGRESSIONS and the rules that answer them during its questions say the same thing.

While the guide's form asks its questions, a message that is no answer (a question about something
else, "hallo", "wis mijn gesprek") must be turned down by the form (actions/guide_form.py,
DIGRESSIONS) so that a rule can answer it: "… tijdens de vragen" in data/rules/, with the condition
`active_loop: guide_form`, which answers and goes back to the form, or stops it. The two lists are
kept by hand in two languages (Python and Rasa's YAML); this test holds them together.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions.guide_form import DIGRESSIONS, GUIDE_FORM

RULES = Path(__file__).resolve().parents[2] / "data" / "rules"

# The one form a rule during the guide's questions may hand over to: a document date starts the dossier check.
HANDED_OVER_TO = {"dossiercheck_form"}


def _rules() -> list[dict]:
    return [rule for path in sorted(RULES.glob("*.yml")) for rule in yaml.safe_load(path.read_text())["rules"]]


def _loops(rule: dict) -> list:
    """The `active_loop` conditions of a rule (None for `active_loop: null`); empty: no condition."""
    return [item["active_loop"] for item in rule.get("condition") or [] if "active_loop" in item]


def _intent(rule: dict) -> str | None:
    return rule["steps"][0].get("intent")


def rules_during_the_questions() -> dict[str, dict]:
    """Intent -> the rule that answers it while the guide's form is active."""
    found = {}
    for rule in _rules():
        if _loops(rule) == [GUIDE_FORM] and _intent(rule):
            assert _intent(rule) not in found, f"two rules for {_intent(rule)} during the questions"
            found[_intent(rule)] = rule
    return found


def intents_that_start_a_form_afresh() -> set[str]:
    """Intents whose rule has no loop condition and starts a form: they apply during the questions too
    ("in welk spoor zit ik?" asked again, the dossier question); the form only has to turn them down."""
    return {
        _intent(rule)
        for rule in _rules()
        if not _loops(rule) and _intent(rule) and any("active_loop" in step for step in rule["steps"])
    }


def test_every_intent_a_rule_answers_during_the_questions_is_turned_down_by_the_form():
    during = rules_during_the_questions()
    assert during, "data/rules has rules for the guide's questions"
    assert set(during) - DIGRESSIONS == set(), "the form would take these as answers before the rule can act"


def test_every_digression_has_a_rule_during_the_questions_or_starts_afresh():
    handled = set(rules_during_the_questions()) | intents_that_start_a_form_afresh()
    assert {"ask_track", "ask_timeline", "ask_termijn", "ask_dossiercheck"} <= handled
    missing = DIGRESSIONS - handled
    assert missing == set(), "turned down by the form, and then no rule answers them"


@pytest.mark.parametrize("intent", sorted(rules_during_the_questions()))
def test_a_rule_during_the_questions_goes_back_to_the_form_or_stops_it(intent):
    steps = rules_during_the_questions()[intent]["steps"]
    actions = [step["action"] for step in steps if "action" in step]
    loops = [step["active_loop"] for step in steps if "active_loop" in step]
    back = actions[-1] == GUIDE_FORM and loops == [GUIDE_FORM]
    stopped = "action_deactivate_loop" in actions and loops == [None]
    handed_over = len(loops) == 1 and loops[0] in HANDED_OVER_TO and actions[-1] == loops[0]
    assert back or stopped or handed_over, steps
