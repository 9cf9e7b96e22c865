"""The example classifier: a word model of every training example (components/example_classifier.py, #27 step 8).

- Its fast scores are scikit-learn's own decision values (the speed trick must not change the answer).
- It learns from single examples: a word pair that only one example of an answer has points to that answer.
- It is the same on every run, and pickles without its derived lookups.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from components.example_classifier import REGULARISATION, ExampleClassifier
from components.text import normalise

EXAMPLES = [
    ("faq/slapend_dienstverband", "wat is een slapend dienstverband"),
    ("faq/slapend_dienstverband", "mijn werkgever laat mijn contract slapen na twee jaar"),
    ("faq/slapend_dienstverband", "krijg ik een transitievergoeding als ik twee jaar ziek ben"),
    ("faq/deskundigenoordeel", "wat is een deskundigenoordeel"),
    ("faq/deskundigenoordeel", "ik ben het niet eens met de bedrijfsarts, wat kan ik doen"),
    ("faq/deskundigenoordeel", "second opinion of deskundigenoordeel bij het uwv"),
    ("faq/deskundigenoordeel", "hoeveel kost een oordeel van uwv over passende arbeid"),
    ("faq/wia", "wanneer moet ik de wia aanvragen"),
    ("faq/wia", "hoe hoog is mijn uitkering na twee jaar ziekte"),
    ("faq/wia", "wat gebeurt er na 104 weken"),
    ("faq/wia", "wia keuring door de verzekeringsarts"),
    ("greet", "hallo"),
    ("greet", "goedemorgen"),
]


@pytest.fixture(scope="module")
def classifier() -> ExampleClassifier:
    labels, texts = zip(*EXAMPLES)
    return ExampleClassifier(labels, texts)


def _scikit_learn(labels, texts):
    """The same model as scikit-learn's own pipeline, to hold the fast scores to."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC

    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=normalise, sublinear_tf=True),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), preprocessor=normalise, sublinear_tf=True),
    )
    return make_pipeline(features, LinearSVC(C=REGULARISATION, random_state=0, max_iter=10000)).fit(texts, labels)


@pytest.mark.parametrize(
    "text",
    [
        "kan ik een deskundigenoordeel aanvragen?",
        "slapend slapend slapend dienstverband",  # repeated n-grams: the sublinear tf
        "Wanneer moet ik de WIA aanvragen, na 104 weken?",
        "qqq",  # no known word, but known letter pairs
        "",  # nothing known: only the intercepts
        "ë" * 3000,
    ],
)
def test_the_scores_are_scikit_learns_decision_values(classifier, text):
    labels, texts = zip(*EXAMPLES)
    reference = _scikit_learn(list(labels), list(texts))
    expected = dict(zip(reference.classes_, reference.decision_function([text])[0]))
    scores = classifier.scores(text)
    assert scores.keys() == expected.keys()
    for label, value in expected.items():
        assert scores[label] == pytest.approx(value, abs=1e-5)  # the weights are kept as float32


def test_two_labels_score_each_other_s_opposite():
    # scikit-learn keeps one row of weights for two classes; each label still gets its own score.
    classifier = ExampleClassifier(["greet", "goodbye", "greet", "goodbye"], ["hallo", "dag", "hoi", "tot ziens"])
    scores = classifier.scores("hallo daar")
    assert scores["greet"] == pytest.approx(-scores["goodbye"])
    assert scores["greet"] > 0


def test_one_example_with_a_telling_word_pair_is_enough(classifier):
    # "Second opinion" is in one of the four examples of the deskundigenoordeel.
    scores = classifier.scores("mag ik een second opinion")
    assert max(scores, key=scores.get) == "faq/deskundigenoordeel"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("transitievergoeding na twee jaar ziek", "faq/slapend_dienstverband"),
        ("wia keuring", "faq/wia"),
        ("Goedemorgen!", "greet"),
    ],
)
def test_it_names_the_answer_of_the_examples_a_message_resembles(classifier, text, expected):
    scores = classifier.scores(text)
    assert max(scores, key=scores.get) == expected


def test_it_is_the_same_model_on_every_training(classifier):
    labels, texts = zip(*EXAMPLES)
    again = ExampleClassifier(labels, texts)
    for a, b in zip(classifier.weights, again.weights):
        np.testing.assert_array_equal(a, b)
    assert again.scores("wia aanvragen") == classifier.scores("wia aanvragen")


def test_a_pickled_classifier_keeps_only_what_it_is_built_from(classifier):
    classifier.scores("hallo")  # builds the lookups
    copy = pickle.loads(pickle.dumps(classifier))
    assert "_lookups" not in copy.__dict__
    assert copy.scores("deskundigenoordeel") == classifier.scores("deskundigenoordeel")


def test_one_label_is_no_classifier():
    with pytest.raises(ValueError):
        ExampleClassifier(["greet", "greet"], ["hallo", "hoi"])


@pytest.mark.parametrize(
    "metadata, only, why",
    [
        ({"intent": {"alleen_woordmodel": True}}, True, "the intent's metadata, as scripts/echte_vragen.py writes it"),
        ({"intent": {"alleen_woordmodel": False}}, False, "switched off"),
        ({"example": {"alleen_woordmodel": True}}, False, "only a whole block of examples is marked, not one example"),
        ({"intent": "alleen_woordmodel"}, False, "metadata of another shape"),
        (None, False, "an ordinary example"),
    ],
)
def test_which_examples_are_for_the_word_model_alone(metadata, only, why):
    from rasa.shared.nlu.training_data.message import Message

    from components.example_classifier import only_for_word_model

    data = {"text": "mag ik sporten als ik ziek ben", "intent": "out_of_scope"}
    if metadata is not None:
        data["metadata"] = metadata
    assert only_for_word_model(Message(data=data)) is only, why
