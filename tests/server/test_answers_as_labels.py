"""One classifier names intent and fixed answer at once (components/diet.py, option `answers_as_labels`).

With the option (on in config.yml; docs/benchmarks.md, #27 steps 4 and 5) and without a ResponseSelector, DIET
learns each fixed answer as a label of its own (`faq/<key>`), and the answer ranking (components/answer_ranking.py)
turns that into what Rasa's dialogue and our actions read: the intent `faq` with the chosen answer in
`response_selector`. A small model is trained here (well under a minute).
"""

from __future__ import annotations

import asyncio
from contextlib import nullcontext

import numpy as np
import pytest
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import answer_ranking, diet
from toy_nlu import DOMAIN, NLU, toy_nlu_config, train_toy_model

CONFIG = toy_nlu_config(
    """
  - name: components.diet.SpoorwijzerDIETClassifier
    epochs: 60
    random_seed: 1
    answers_as_labels: true
  - name: components.answer_ranking.AnswerRanking
    sure: 0.1
    margin: 0.02
    classifier: 0.3
"""
)
# Examples for the example classifier alone (components/example_classifier.py), as scripts/echte_vragen.py writes
# them: through Rasa's own reader, DIET must not learn them and the classifier must.
FOR_WORD_MODEL_ONLY = """
- intent: out_of_scope
  metadata:
    alleen_woordmodel: true
  examples: |
    - mag ik sporten als ik ziek ben
    - worden mijn reiskosten naar de bedrijfsarts vergoed
"""


@pytest.fixture(scope="module")
def agent(tmp_path_factory) -> Agent:
    domain = DOMAIN.replace(
        "intents: [greet, inform_sick_date, faq]", "intents: [greet, inform_sick_date, faq, out_of_scope]"
    )
    assert "out_of_scope" in domain  # the toy domain's intents line as this test knows it
    model = train_toy_model(tmp_path_factory.mktemp("model"), CONFIG, nlu=NLU + FOR_WORD_MODEL_ONLY, domain=domain)
    return Agent.load(model)


def _diet(agent: Agent) -> diet.SpoorwijzerDIETClassifier:
    return _component(agent, diet.SpoorwijzerDIETClassifier)


def _component(agent: Agent, kind: type) -> object:
    nodes = agent.processor.graph_runner._instantiated_nodes.values()  # noqa: SLF001 (Rasa has no public way)
    (component,) = [n._component for n in nodes if isinstance(n._component, kind)]  # noqa: SLF001
    return component


def test_each_fixed_answer_is_a_label_of_its_own(agent):
    # Not out_of_scope: its only examples are for the example classifier alone.
    labels = set(_diet(agent).index_label_id_mapping.values())
    assert labels == {"greet", "inform_sick_date", "faq/wia", "faq/spoor_2"}


def test_examples_for_the_word_model_alone_teach_the_example_classifier_only(agent):
    ranking = _component(agent, answer_ranking.AnswerRanking)
    assert set(ranking.classifier.labels) == {"greet", "inform_sick_date", "faq/wia", "faq/spoor_2", "out_of_scope"}
    scores = ranking.classifier.scores("mag ik sporten")
    assert max(scores, key=scores.get) == "out_of_scope"
    assert "out_of_scope" not in ranking.index.keys  # nor the lexical index: it compares with our answers


@pytest.mark.parametrize(
    "text, intent, answer",
    [
        ("wat is spoor 2", "faq", "faq/spoor_2"),
        ("wanneer vraag ik de wia aan", "faq", "faq/wia"),
        ("hallo", "greet", None),
    ],
)
def test_what_the_dialogue_reads_is_the_intent_and_the_chosen_answer(agent, text, intent, answer):
    parsed = asyncio.run(agent.parse_message(text))
    assert parsed["intent"]["name"] == intent
    assert all("/" not in r["name"] for r in parsed["intent_ranking"])  # never a faq/<key> as an intent
    if answer:
        selected = parsed["response_selector"]["faq"]["response"]
        assert (selected["intent_response_key"], selected["utter_action"]) == (answer, f"utter_{answer}")
        assert "faq" in parsed["response_selector"]["all_retrieval_intents"]


def _examples() -> list[Message]:
    examples = [
        Message(data={"text": "wat is spoor 2", "intent": "faq", "intent_response_key": "faq/spoor_2"}),
        Message(data={"text": "hallo", "intent": "greet"}),
    ]
    for example in examples:
        example.add_features(Features(np.array([[1.0]]), "sentence", "intent", "CountVectorsFeaturizer"))
        example.add_features(Features(np.array([[0.5]]), "sentence", "text", "CountVectorsFeaturizer"))
    return examples


def test_while_diet_reads_its_labels_each_answer_is_one_and_has_no_name_features():
    examples = _examples()
    with diet.answers_as_labels(TrainingData(examples)):
        assert [m.get("intent") for m in examples] == ["faq/spoor_2", "greet"]
        assert [[f.attribute for f in m.features] for m in examples] == [["text"], ["text"]]


@pytest.mark.parametrize("fails", [False, True], ids=["after training", "after a failed training"])
def test_afterwards_the_training_data_is_as_it_came(fails):
    """The components after DIET (the answer ranking) read the training data as Rasa made it."""
    examples = _examples()
    before = [(m.get("intent"), list(m.features)) for m in examples]
    with pytest.raises(RuntimeError) if fails else nullcontext():
        with diet.answers_as_labels(TrainingData(examples)):
            if fails:
                raise RuntimeError("training failed")
    assert [(m.get("intent"), list(m.features)) for m in examples] == before
