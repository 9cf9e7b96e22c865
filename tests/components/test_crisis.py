"""Suicidal thoughts or acute danger: recognised, answered with 113/huisarts/112, never a guess (issue #25).

- privacy.crisis.signals_crisis over the phrasings in tests/privacy/crisis_phrasings.yml (real
  wordings from public sources, typos, English): every one recognised; everyday uses of the
  same words not.
- The false-positive rate over every ordinary user message we have (data/nlu, the held-out NLU
  set and the real questions from public pages), at most 1 %.
- components.crisis.CrisisSignal on real Rasa Messages and in a trained Rasa pipeline, placed
  last in config.yml.
- The answer (domain response = privacy.crisis.CRISIS_TEXT) says what the issue asks for.
The dialogue (utter_crisis first, also in the middle of the guide's questions) is in
tests/test_stories.yml; the form's side in tests/actions/test_crisis_in_form.py.
"""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from components.crisis import CrisisSignal, careful_answer
from privacy.crisis import CRISIS_TEXT, crisis_signals, normalise, signals_crisis
from tests.server.toy_nlu import train_toy_model

ROOT = Path(__file__).resolve().parents[2]
PHRASINGS = yaml.safe_load((ROOT / "tests/privacy/crisis_phrasings.yml").read_text(encoding="utf-8"))
MAX_FALSE_POSITIVE_RATE = 0.01


def _phrasings(section: str) -> List[Tuple[str, str]]:
    return [
        (group.get("source") or group.get("reason"), text)
        for group in PHRASINGS[section]
        for text in group["phrasings"]
    ]


CRISIS = _phrasings("crisis")
NOT_CRISIS = _phrasings("not_crisis") + _phrasings("not_detected_alone")
KNOWN_MISSES = PHRASINGS["known_misses"]
ACCEPTED_FALSE_POSITIVES = PHRASINGS["accepted_false_positives"]


# --- recognising a crisis ----------------------------------------------------------------------


def test_at_least_40_real_world_phrasings_from_several_sources():
    assert len({text for _, text in CRISIS}) >= 40
    assert len({source for source, _ in CRISIS}) >= 8
    assert sum(source.startswith("English") for source, _ in CRISIS) >= 10


@pytest.mark.parametrize("source, text", CRISIS, ids=[text[:60] for _, text in CRISIS])
def test_every_crisis_phrasing_is_recognised(source, text):
    assert signals_crisis(text), f"missed ({source})"


@pytest.mark.parametrize("source, text", NOT_CRISIS, ids=[text[:60] for _, text in NOT_CRISIS])
def test_everyday_use_of_the_same_words_is_not_a_crisis(source, text):
    assert list(crisis_signals(text)) == []


@pytest.mark.xfail(
    strict=True, reason="known miss, listed in crisis_phrasings.yml; when it passes, move it to `crisis`"
)
@pytest.mark.parametrize("text", KNOWN_MISSES)
def test_known_misses_are_still_missed(text):
    assert signals_crisis(text)


@pytest.mark.parametrize("text", ACCEPTED_FALSE_POSITIVES)
def test_accepted_false_positives_are_recognised_on_purpose(text):
    assert signals_crisis(text)


def test_the_finding_itself():
    """The message from the finding got the generic fallback; now it is a crisis signal."""
    assert signals_crisis("ik heb suïcidale gedachten")


@pytest.mark.parametrize("text", [None, "", "   ", "🙂", "???"])
def test_no_text_is_no_crisis(text):
    assert signals_crisis(text) is False


def test_accents_case_zero_width_and_repeated_letters_do_not_matter():
    assert normalise("SUÏCIDAAL") == normalise("suicidaal") == "suicidaal"
    assert normalise("zelf\u200dmoord") == "zelf moord"
    assert normalise("ik wil doooood!!!") == "ik wil dood ."
    assert normalise("m’n leven") == "mn leven"


def test_a_crisis_late_in_a_long_message_is_found():
    text = "Ik heb een vraag over de probleemanalyse en mijn plan van aanpak. " * 25 + "Ik wil niet meer leven."
    assert signals_crisis(text)


def test_fast_enough_for_every_message_and_every_save():
    text = ("Mijn werkgever zegt dat ik in spoor 2 moet, maar de bedrijfsarts zegt iets anders. " * 30)[:2000]
    start = time.perf_counter()
    for _ in range(20):
        signals_crisis(text)
    assert (time.perf_counter() - start) / 20 < 0.1  # measured ~2 ms on the 2-core CI machine


# --- false positives on the ordinary questions we have -----------------------------------------


def _ordinary_messages() -> Iterator[Tuple[str, str]]:
    """(file, text) of every user example: data/nlu (except the crisis examples), the held-out
    NLU set and the real questions from public pages."""
    for path in [*sorted((ROOT / "data/nlu").glob("*.yml")), ROOT / "tests/nlu/heldout.yml"]:
        for example in load_data(str(path)).training_examples:
            if example.get("intent") != "crisis" and example.get("text"):
                yield path.relative_to(ROOT).as_posix(), example.get("text")
    for path in sorted((ROOT / "tests/nlu/real_questions").glob("*.yml")):
        for question in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            yield path.relative_to(ROOT).as_posix(), question["text"]


def test_false_positive_rate_on_all_ordinary_questions(record_property, capsys):
    messages = list(_ordinary_messages())
    files = {name for name, _ in messages}
    assert len(messages) > 1500, "the ordinary question sets did not load"
    assert {
        "tests/nlu/heldout.yml",
        "tests/nlu/real_questions/dev.yml",
        "tests/nlu/real_questions/heldout.yml",
    } <= files
    flagged = [(name, text, list(crisis_signals(text))) for name, text in messages if signals_crisis(text)]
    rate = len(flagged) / len(messages)
    record_property("crisis_false_positives", f"{len(flagged)}/{len(messages)}")
    with capsys.disabled():
        print(f"\ncrisis false positives: {len(flagged)} of {len(messages)} ordinary messages ({rate:.2%})")
    assert rate <= MAX_FALSE_POSITIVE_RATE, flagged


# --- the component -------------------------------------------------------------------------------


def _classified(text: str | None, intent: str, confidence: float = 0.93) -> Message:
    message = Message(data={"text": text} if text is not None else {})
    message.set("intent", {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set(
        "intent_ranking",
        [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.04}],
        add_to_output=True,
    )
    return CrisisSignal().process([message])[0]


@pytest.mark.parametrize("guess", ["nlu_fallback", "share_medical_details", "faq", "inform_sick_date", "greet"])
def test_a_crisis_message_gets_the_crisis_intent_whatever_was_guessed(guess):
    message = _classified("ik heb suïcidale gedachten", guess)
    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")] == ["crisis", guess, "greet"]


@pytest.mark.parametrize(
    "text, guess", [("in welk spoor zit ik?", "ask_track"), ("ik heb een burn-out", "share_medical_details")]
)
def test_an_ordinary_message_keeps_its_intent(text, guess):
    assert _classified(text, guess).get("intent")["name"] == guess


def test_the_classifiers_own_crisis_guess_is_kept():
    """A missed phrasing that the classifier recognises still gets the help."""
    assert _classified("alles is zwart en ik kan er niet meer tegen", "crisis", 0.88).get("intent")["name"] == "crisis"


@pytest.mark.parametrize(
    "text, confidence, answer",
    # The production model of 7 December 2026 chose `crisis` for these answers to the guide's yes/no questions.
    [
        ("ik denk het niet", 0.35, "deny"),
        ("ik denk van niet", 0.38, "deny"),
        ("ik hoop het niet", 0.37, "deny"),
        ("ik denk het wel", 0.37, "affirm"),
        ("ik denk het", 0.44, "affirm"),
        ("Nee, ik denk het niet.", 0.4, "deny"),
        ("dat hoop ik wel", 0.13, "affirm"),
    ],
)
def test_a_careful_yes_or_no_is_an_answer_not_a_crisis(text, confidence, answer):
    assert not signals_crisis(text)
    assert careful_answer(text) == answer
    assert _classified(text, "crisis", confidence).get("intent") == {"name": answer, "confidence": confidence}


@pytest.mark.parametrize(
    "text, confidence",
    [
        ("niet meer", 0.43),  # as a reply "niet meer" can end a sentence like "ik wil niet meer"
        ("niemand mist me", 0.33),
        ("het hoeft niet meer", 0.76),
        (
            "ik denk aan de trein als ik naar mijn werk fiets",
            0.23,
        ),  # known_misses in tests/privacy/crisis_phrasings.yml
        ("mijn familie heeft meer aan een dode dan aan mij", 0.29),  # known_misses as well
    ],
)
def test_anything_else_the_patterns_miss_keeps_the_classifiers_crisis(text, confidence):
    assert not signals_crisis(text)
    assert careful_answer(text) is None
    assert _classified(text, "crisis", confidence).get("intent")["name"] == "crisis"


def test_a_careful_answer_that_the_classifier_read_right_is_left_alone():
    assert _classified("ik denk het niet", "deny", 0.8).get("intent") == {"name": "deny", "confidence": 0.8}


def test_a_message_without_text_is_left_alone():
    assert _classified(None, "greet").get("intent")["name"] == "greet"


def test_the_component_is_last_in_the_pipeline():
    """Nothing after it may replace the intent (AnswerRanking, guide_ambiguity, date_only, no_words)."""
    names = [step["name"] for step in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    assert names[-1] == "components.crisis.CrisisSignal"
    assert names.index("components.answer_ranking.AnswerRanking") < names.index("components.crisis.CrisisSignal")


# A toy project (tests/server/toy_nlu.py): keywords instead of DIET, the component after the fallback.
TOY_CONFIG = """
recipe: default.v1
language: nl
assistant_id: crisis_test
pipeline:
  - name: WhitespaceTokenizer
  - name: KeywordIntentClassifier
  - name: FallbackClassifier
    threshold: 0.45
  - name: components.crisis.CrisisSignal
policies: []
"""
TOY_NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hallo
    - goedemorgen
- intent: share_medical_details
  examples: |
    - burn-out
    - depressie
"""
TOY_DOMAIN = 'version: "3.1"\nintents: [greet, share_medical_details]\n'


def test_in_a_trained_rasa_pipeline_after_the_fallback_classifier(tmp_path):
    """The component loads in Rasa's graph and wins over the FallbackClassifier (a small model, ~1 s)."""
    from rasa.core.agent import Agent

    model = train_toy_model(tmp_path, TOY_CONFIG, TOY_NLU, TOY_DOMAIN)
    agent = Agent.load(model)

    def intent(text: str) -> str:
        return asyncio.run(agent.parse_message(text))["intent"]["name"]

    assert intent("hallo") == "greet"
    assert intent("ik heb een burn-out en ik zie het niet meer zitten") == "crisis"  # not share_medical_details
    assert intent("ik wil er nie meer zijn") == "crisis"  # not nlu_fallback
    assert intent("wat is spoor 2") == "nlu_fallback"


# --- the answer ----------------------------------------------------------------------------------


def _domain_text() -> str:
    domain = yaml.safe_load((ROOT / "domain/crisis.yml").read_text(encoding="utf-8"))
    assert "crisis" in domain["intents"]
    (variant,) = domain["responses"]["utter_crisis"]
    assert set(variant) == {"text"}  # no buttons, no condition: the same help for everyone
    return variant["text"]


def test_the_domain_response_is_the_shared_text():
    assert _domain_text() == CRISIS_TEXT


def test_the_answer_names_113_the_huisarts_and_112():
    text = CRISIS_TEXT
    assert "113 Zelfmoordpreventie" in text
    assert re.search(r"\*\*113\*\*", text) and "0800-0113" in text and "gratis" in text
    assert "https://www.113.nl" in text  # chat; the widget only links https addresses
    assert "huisarts" in text and "huisartsenpost" in text
    assert re.search(r"gevaar\?.*\*\*112\*\*", text)
    assert "re-integratie" in text  # they may go on with their question afterwards


def test_the_answer_is_plain_and_says_je():
    words = re.findall(r"\w+", CRISIS_TEXT.lower())
    assert "je" in words and not {"u", "uw"} & set(words)
    sentences = [s for s in re.split(r"[.?:\n]\s", re.sub(r"https://\S+", "", CRISIS_TEXT)) if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 15  # B1: short sentences
    assert "diagnose" not in words


def test_the_rules_answer_first_also_during_the_guide():
    rules = {
        r["rule"]: r for r in yaml.safe_load((ROOT / "data/rules/crisis.yml").read_text(encoding="utf-8"))["rules"]
    }
    steps = {
        name: [s.get("intent") or s.get("action") for s in r["steps"] if "intent" in s or "action" in s]
        for name, r in rules.items()
    }
    in_form = [name for name, r in rules.items() if r.get("condition") == [{"active_loop": "guide_form"}]]
    assert len(in_form) == 1 and steps[in_form[0]][:2] == ["crisis", "utter_crisis"]
    assert ["crisis", "utter_crisis"] in steps.values()
