"""English messages get the intent `english` (components/english.py, issue #27 item 6).

- Every English phrasing in tests/nlu/english_phrasings.yml is recognised (employees, HR, Dutch
  legal terms inside English sentences, short questions).
- Dutch messages are not: the false-positive rate over every Dutch user message we have (data/nlu,
  tests/nlu/heldout.yml and the real questions of tests/nlu/real_questions/dev.yml; the real
  held-out set stays unseen) stays under a threshold, and Dutch with English words stays Dutch.
- The component on real Rasa Messages and in a trained Rasa pipeline: it replaces the classifier's
  guess and the FallbackClassifier's, button payloads are left alone, and crisis (last in the
  pipeline) wins over English.
- The English reply says what the issue asks and links only the checked sources.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Iterator, Tuple

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from components.english import EnglishMessage, is_english
from tests.server.toy_nlu import train_toy_model

ROOT = Path(__file__).resolve().parents[2]
PHRASINGS = yaml.safe_load((ROOT / "tests/nlu/english_phrasings.yml").read_text(encoding="utf-8"))
ENGLISH = [(group, text) for group, texts in PHRASINGS["english"].items() for text in texts]
DUTCH_WITH_ENGLISH_WORDS = PHRASINGS["dutch_with_english_words"]
NOT_DUTCH = set(PHRASINGS["not_dutch_in_the_data"])
# At most 1 in 500 Dutch messages may be taken for English (the count: docs/measurements-in-code.md).
MAX_FALSE_POSITIVE_RATE = 0.002


# --- recognising English ----------------------------------------------------------------------------


def test_at_least_25_english_phrasings_with_hr_and_dutch_legal_terms():
    assert len({text for _, text in ENGLISH}) >= 25
    assert sum(group == "hr" for group, _ in ENGLISH) >= 8
    dutch_terms = (
        "spoor",
        "bedrijfsarts",
        "plan van aanpak",
        "ziektewet",
        "deskundigenoordeel",
        "loonsanctie",
        "eigenrisicodrager",
        "probleemanalyse",
        "reintegratieverslag",
        "loondoorbetaling",
        "poortwachter",
    )
    assert sum(any(term in text.lower() for term in dutch_terms) for _, text in ENGLISH) >= 10


@pytest.mark.parametrize("group, text", ENGLISH, ids=[text[:50] for _, text in ENGLISH])
def test_every_english_phrasing_is_recognised(group, text):
    assert is_english(text)


@pytest.mark.parametrize("text", DUTCH_WITH_ENGLISH_WORDS)
def test_dutch_with_english_words_stays_dutch(text):
    assert not is_english(text)


def test_the_two_dutch_messages_langid_alone_takes_for_english():
    """The finding: langid gives these English at >= 0.999; they must stay Dutch."""
    from components.english import _identifier

    for text in ("wat is spoor twee precies", "no risk polis uitleg graag"):
        language, probability = _identifier().classify(text)
        assert language == "en" and probability >= 0.999  # the reason for the extra condition
        assert not is_english(text)


@pytest.mark.parametrize("text", ["hoi", "help", "burn-out", "Hello", "thanks", "ok", "What is spoor 2?"])
def test_short_messages_are_not_judged(text):
    """Under 4 words langid is unreliable ("hoi" is English at 0.88): such messages keep their intent."""
    assert not is_english(text)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "🙂🙂🙂",
        "<img src=x onerror=alert(1)>",
        "SELECT * FROM users",
        "https://www.example.com",
        '/choose_answer{"antwoord": "faq/spoor_2"}',
        "/greet",
        "Bonjour, je suis malade",
        "Ich bin krank, was soll ich tun",
    ],
)
def test_no_text_markup_payloads_and_other_languages_are_not_english(text):
    assert not is_english(text)


def test_a_long_english_message_is_recognised_quickly():
    text = ("I have been on sick leave since March and my employer says I have to start spoor 2. " * 60)[:5000]
    is_english("warm up the model once")
    start = time.perf_counter()
    assert is_english(text)
    assert time.perf_counter() - start < 0.05  # measured ~1 ms


# --- false positives on the Dutch messages we have ------------------------------------------------


def _dutch_messages() -> Iterator[Tuple[str, str]]:
    """(file, text) of every Dutch user message: data/nlu (without the crisis examples, some of which
    are English on purpose), the held-out NLU set and the real-question dev set, minus the listed
    non-Dutch examples."""
    for path in [*sorted((ROOT / "data/nlu").glob("*.yml")), ROOT / "tests/nlu/heldout.yml"]:
        for example in load_data(str(path)).training_examples:
            text = example.get("text")
            if text and example.get("intent") != "crisis" and text not in NOT_DUTCH:
                yield path.relative_to(ROOT).as_posix(), text
    dev = ROOT / "tests/nlu/real_questions/dev.yml"
    for question in yaml.safe_load(dev.read_text(encoding="utf-8"))["questions"]:
        yield dev.relative_to(ROOT).as_posix(), question["text"]


def test_the_listed_non_dutch_examples_are_still_in_the_data():
    """The exclusions must not go stale: each is still a training or held-out example."""
    texts = set()
    for path in [*sorted((ROOT / "data/nlu").glob("*.yml")), ROOT / "tests/nlu/heldout.yml"]:
        texts |= {e.get("text") for e in load_data(str(path)).training_examples}
    assert sorted(NOT_DUTCH - texts) == []


def test_false_positive_rate_on_all_dutch_messages(record_property, capsys):
    messages = list(_dutch_messages())
    assert len(messages) > 1500, "the Dutch message sets did not load"
    assert {"tests/nlu/heldout.yml", "tests/nlu/real_questions/dev.yml"} <= {name for name, _ in messages}
    flagged = [(name, text) for name, text in messages if is_english(text)]
    rate = len(flagged) / len(messages)
    record_property("english_false_positives", f"{len(flagged)}/{len(messages)}")
    with capsys.disabled():
        print(f"\nEnglish false positives: {len(flagged)} of {len(messages)} Dutch messages ({rate:.2%})")
    assert rate <= MAX_FALSE_POSITIVE_RATE, flagged


# --- the component ----------------------------------------------------------------------------------


def _classified(text: str | None, intent: str = "nlu_fallback") -> Message:
    message = Message(data={"text": text} if text is not None else {})
    message.set("intent", {"name": intent, "confidence": 0.55}, add_to_output=True)
    message.set(
        "intent_ranking", [{"name": intent, "confidence": 0.55}, {"name": "faq", "confidence": 0.3}], add_to_output=True
    )
    return EnglishMessage().process([message])[0]


@pytest.mark.parametrize("guess", ["nlu_fallback", "faq", "out_of_scope", "inform_sick_date"])
def test_an_english_message_gets_the_english_intent_whatever_was_guessed(guess):
    message = _classified("I've been on sick leave since March, what is spoor 2?", guess)
    assert message.get("intent") == {"name": "english", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")] == ["english", guess, "faq"]


@pytest.mark.parametrize("text", ["wat is spoor twee precies", "in welk spoor zit ik?", None])
def test_a_dutch_message_keeps_its_intent(text):
    assert _classified(text, "faq").get("intent")["name"] == "faq"


def test_the_component_comes_right_before_crisis_in_config():
    names = [step["name"] for step in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    assert names[-2:] == ["components.english.EnglishMessage", "components.crisis.CrisisSignal"]
    assert names.index("components.answer_ranking.AnswerRanking") < names.index("components.english.EnglishMessage")


# A toy project (tests/server/toy_nlu.py): keywords instead of DIET, the components after the fallback.
TOY_CONFIG = """
recipe: default.v1
language: nl
assistant_id: english_test
pipeline:
  - name: WhitespaceTokenizer
  - name: KeywordIntentClassifier
  - name: FallbackClassifier
    threshold: 0.45
  - name: components.english.EnglishMessage
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
- intent: faq
  examples: |
    - spoor
"""
TOY_DOMAIN = 'version: "3.1"\nintents: [greet, faq, english, crisis]\n'


def test_in_a_trained_rasa_pipeline_english_beats_the_fallback_and_crisis_beats_english(tmp_path):
    """The component loads in Rasa's graph (a small model, ~1 s): English after the FallbackClassifier,
    crisis after English, and button payloads read by Rasa's RegexMessageHandler."""
    from rasa.core.agent import Agent

    model = train_toy_model(tmp_path, TOY_CONFIG, TOY_NLU, TOY_DOMAIN)
    agent = Agent.load(model)

    def intent(text: str) -> str:
        return asyncio.run(agent.parse_message(text))["intent"]["name"]

    assert intent("hallo") == "greet"
    assert intent("I've been on sick leave since March, what is spoor 2?") == "english"  # a keyword, still English
    assert intent("Our employee has been sick for almost two years. What should we do now?") == "english"
    assert intent("I have been on sick leave since March and I want to end my life") == "crisis"
    assert intent("wat is spoor twee precies") == "faq"
    assert intent("/greet") == "greet"


# --- the reply ----------------------------------------------------------------------------------------


def test_the_reply_is_english_says_dutch_and_links_the_checked_sources():
    domain = yaml.safe_load((ROOT / "domain/english.yml").read_text(encoding="utf-8"))
    (variant,) = domain["responses"]["utter_english"]
    text = variant["text"]
    assert is_english(text)
    assert "only answer in Dutch" in text
    assert "track" in text and "deadlines" in text  # what it can do
    for url in (
        "https://www.uwv.nl/en",
        "https://www.juridischloket.nl",
        "https://business.gov.nl/running-your-business/staff/payment-and-wages/the-wia-benefit-for-your-employee/",
    ):
        assert url in text
    assert variant["buttons"] == [{"title": "Verder in het Nederlands", "payload": "/greet"}]
