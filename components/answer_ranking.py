"""One answer from three signals: the classifier's ranking, the words of each answer, and a word model of the
examples (issue #27 item 3).

DIET names the intent and the fixed answer at once (its option `answers_as_labels`, on in config.yml:
components/diet.py; with the option off, a ResponseSelector names the fixed answer). It learns only from
our own examples, and on questions people wrote themselves it was right first 0.65 of the time. Simpler
signals are often right where it is not. This component ranks every possible answer — each fixed answer
`faq/<key>` and every other intent — by a weighted sum of
- the model's probability: the intent's confidence, for a fixed answer the confidence of `faq`
  times the ResponseSelector's confidence in that answer (or DIET's own confidence in `faq/<key>`);
- the lexical probability: which answer shares the most word pieces with the message, over that answer's own
  text and its examples ("slapend dienstverband", "deskundigenoordeel", "Ziektewet-uitkering", also with typos
  and in compounds): cosine similarity of character n-gram TF-IDF vectors (scikit-learn), turned into a
  distribution by a softmax with a low temperature, so that a clear lexical winner counts and a flat lexical
  picture (a "ja", a date) leaves the model's choice alone; and
- the example classifier's probability (`classifier`, components/example_classifier.py): a linear model of the
  words and word pieces of every example, its decision values through a softmax.

Then it decides. A sure answer (score at least `sure`, and at least `margin` ahead of the next
one) is given: its intent becomes the message's intent and, for a fixed answer, the selected
response. Otherwise the intent becomes `nlu_fallback`, and action_suggest offers the best ones
as "Bedoel je …?" buttons from the ranking this component leaves in `antwoord_ranking`. It
replaces Rasa's FallbackClassifier and the old FaqSelectionFallback, so one place decides
"sure or not"; docs/benchmarks.md has the measurements that chose the weights.
One more check before a fixed answer is given: a message that names neither illness nor any term of
re-integration (components/onderwerp.py) is most likely about something we have no answer for. Its fixed
answer must then be at least `sure_without_onderwerp`; below that the message gets out_of_scope, the honest
"daar kan ik je niet mee helpen", instead of the nearest answer about something else (item 4). The same
holds for a weak guide question (`guide_intents`, at least `sure_guide_without_onderwerp`): "Hoeveel pauze
mag je opnemen?" is no question about sick-leave deadlines. (A sure one is not caught: "Wanneer mag mijn
werkgever camera's ophangen?" reads as a deadline question at 0.7, as the guide's own follow-ups do.) And a
message that asks a question outright is not telling the guide something (`statement_intents`: the advice,
the situation, the role; none of their examples is a question): without our subject it gets out_of_scope,
with it "Bedoel je …?". Unless the guide just asked for exactly that answer ("halve dagen, kan dat?"): the
actions see that (actions/suggest.py, answers_the_open_question). The other way round, a message that asks
nothing and names a situation (the classifier's `situatie` entity: "ik ben zwanger en heb mijn been gebroken")
tells the guide that situation (`situatie_intent`) unless a fixed answer is at least `situatie_margin` ahead of it.
Placed after DIET (and a ResponseSelector, if any: config.yml); the corrections after it (guide ambiguity, a
date only, no words, English, crisis) still have the last word.
"""

from __future__ import annotations

import logging
import math
import pickle
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Dict, Iterable, List, Optional, Sequence, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import tfidf
from components.example_classifier import ExampleClassifier, only_for_word_model
from components.onderwerp import mentions_onderwerp
from components.parse_keys import (
    MENTIONS_SUBJECT_KEY,
    QUESTION_NOT_STATEMENT_KEY,
    RANKING_KEY,
    SECOND_QUESTION_KEY,
    SUBJECT_MISSING_KEY,
)
from components.question_focus import asks_outright, asks_something, is_long, questions
from components.text import normalise  # also where an index pickled before 6 December 2026 finds it

logger = logging.getLogger(__name__)

# A question sentence must share at least this much (cosine of the TF-IDF vectors) with an answer's
# document before that answer is offered for it: below it, a sentence like "Wat nu?" points nowhere.
SECOND_QUESTION_MIN_SIMILARITY = 0.2
RESPONSE_SELECTOR = "response_selector"
INDEX_FILE = "lexical_index.pkl"
CLASSIFIER_FILE = "example_classifier.pkl"
# Intents that are never an answer of their own: the fallback itself, and the retrieval intent
# (its answers are ranked one by one as faq/<key>).
NOT_AN_ANSWER = {DEFAULT_NLU_FALLBACK_INTENT_NAME}
OUT_OF_SCOPE = "out_of_scope"


class LexicalIndex:
    """Character n-gram TF-IDF over one document per answer; similarity of a message to each."""

    def __init__(self, keys: Sequence[str], documents: Sequence[str], ngrams: tuple[int, int] = (3, 5)) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.keys = list(keys)
        # char_wb: n-grams inside word boundaries, so compounds and typos still share most pieces.
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=ngrams, preprocessor=normalise, sublinear_tf=True
        )
        self.matrix = self.vectorizer.fit_transform(documents)

    def similarities(self, text: str) -> Dict[str, float]:
        """What `self.matrix @ self.vectorizer.transform([text]).T` gives (tests/components hold it to
        that), computed from the message's own n-grams only (components/tfidf.py)."""
        found, columns = self._lookup
        message = tfidf.vector(found, text)
        if message is None:
            return dict.fromkeys(self.keys, 0.0)
        ids, weights = message
        values = columns[ids].T @ weights
        return dict(zip(self.keys, (float(v) for v in values)))

    def __getstate__(self) -> Dict[str, Any]:
        # The lookup is derived (and holds a bound method): a model file keeps only what it is built from.
        return {key: value for key, value in self.__dict__.items() if key != "_lookup"}

    @cached_property
    def _lookup(self) -> tuple[tfidf.Lookup, Any]:
        # Built on first use, so indexes pickled in models trained before this also get it.
        columns = self.matrix.T.tocsr()  # one row per n-gram: its weight in each answer's document
        return tfidf.lookup(self.vectorizer), columns


def answer_documents(examples: Iterable[tuple[str, str]], answer_texts: Dict[str, str]) -> Dict[str, str]:
    """One document per answer: its training examples, and for a fixed answer also its own text."""
    documents: Dict[str, List[str]] = {}
    for key, text in examples:
        documents.setdefault(key, []).append(text)
    for key, text in answer_texts.items():
        if key in documents:  # an answer without examples is never chosen by the model either
            documents[key].append(text)
    return {key: " ".join(texts) for key, texts in documents.items()}


def softmax(scores: Dict[str, float], temperature: float) -> Dict[str, float]:
    if not scores:
        return {}
    top = max(scores.values())
    weights = {k: math.exp((v - top) / temperature) for k, v in scores.items()}
    total = sum(weights.values())
    return {k: w / total for k, w in weights.items()}


def model_probabilities(
    intent_ranking: Sequence[Dict[str, Any]], answer_ranking: Sequence[Dict[str, Any]], retrieval_intent: str
) -> Dict[str, float]:
    """The classifier's view per answer: the confidence of an intent or of a fixed answer that DIET names
    (`faq/<key>`); for an answer a ResponseSelector chose, P(faq) × P(answer)."""
    intents = {
        r["name"]: float(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        for r in intent_ranking
        if r.get("name") and r["name"] not in NOT_AN_ANSWER
    }
    if retrieval_intent not in intents:  # DIET named the answers itself, or `faq` is not among its best
        return intents
    p_retrieval = intents.pop(retrieval_intent)
    for answer in answer_ranking:
        key = answer.get("intent_response_key")
        if key:
            intents[key] = p_retrieval * float(answer.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    return intents


@dataclass(frozen=True)
class Weights:
    lexical: float  # share of the lexical signal in the score
    temperature: float  # of the softmax over the lexical similarities
    sure: float  # an answer needs at least this score to be given directly
    margin: float  # and at least this lead over the next answer
    classifier: float = 0.0  # share of the example classifier (components/example_classifier.py)
    classifier_temperature: float = 0.1  # of the softmax over its decision values


def rank(
    model: Dict[str, float],
    lexical: Dict[str, float],
    weights: Weights,
    classifier: Optional[Dict[str, float]] = None,
) -> List[tuple[str, float]]:
    """Every answer with its combined score, best first. The model gets what the other signals leave; without
    the classifier's scores (a model trained before it, or the share 0) its share goes to the model too."""
    shares = {"lexical": weights.lexical, "classifier": weights.classifier if classifier else 0.0}
    distributions = {
        "lexical": softmax(lexical, weights.temperature),
        "classifier": softmax(classifier or {}, weights.classifier_temperature),
    }
    model_share = 1.0 - sum(shares.values())
    scored = {k: model_share * p for k, p in model.items()}
    for signal, distribution in distributions.items():
        for k, p in distribution.items():
            scored[k] = scored.get(k, 0.0) + shares[signal] * p
    return sorted(scored.items(), key=lambda item: (-item[1], item[0]))


def is_sure(ranking: Sequence[tuple[str, float]], weights: Weights) -> bool:
    if not ranking:
        return False
    best = ranking[0][1]
    runner_up = ranking[1][1] if len(ranking) > 1 else 0.0
    return best >= weights.sure and best - runner_up >= weights.margin


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class AnswerRanking(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Chosen on the real-question development set and our own held-out set (docs/benchmarks.md).
        return {
            "retrieval_intent": "faq",
            "lexical": 0.3,
            "temperature": 0.03,
            "classifier": 0.0,  # 0: no example classifier, as before #27 step 8
            "classifier_temperature": 0.1,
            "sure": 0.35,
            "margin": 0.1,
            "sure_without_onderwerp": 0.0,  # 0: every sure fixed answer is given, as before this check
            "guide_intents": [],
            "sure_guide_without_onderwerp": 0.0,  # 0: every sure guide question is given
            "statement_intents": [],  # []: a question may get any intent, as before this check
            "situatie_intent": None,  # None: a statement that names a situation may get any fixed answer
            "situatie_entity": "situatie",
            "situatie_margin": 0.0,
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        index: Optional[LexicalIndex] = None,
        responses: Optional[Dict[str, List[Dict[str, Any]]]] = None,
        classifier: Optional[ExampleClassifier] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self.weights = Weights(
            float(self.config["lexical"]),
            float(self.config["temperature"]),
            float(self.config["sure"]),
            float(self.config["margin"]),
            float(self.config["classifier"]),
            float(self.config["classifier_temperature"]),
        )
        self._model_storage = model_storage
        self._resource = resource
        self.index = index
        self.responses = responses or {}
        self.classifier = classifier

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AnswerRanking":
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "AnswerRanking":
        index, responses, classifier = None, {}, None
        try:
            with model_storage.read_from(resource) as directory:
                # Our own files, written by train() below into this model's storage.
                index, responses = pickle.loads((directory / INDEX_FILE).read_bytes())  # noqa: S301
                if (directory / CLASSIFIER_FILE).exists():  # models trained before #27 step 8 have none
                    classifier = pickle.loads((directory / CLASSIFIER_FILE).read_bytes())  # noqa: S301
        except (ValueError, FileNotFoundError):
            logger.warning("Het woordenindex van AnswerRanking ontbreekt; alleen het model beslist.")
        return cls(config, model_storage, resource, index, responses, classifier)

    def train(self, training_data: TrainingData) -> Resource:
        retrieval = self.config["retrieval_intent"]
        # Examples for the example classifier alone (real questions we have no answer for) stay out of the lexical
        # index: it compares a message with our answers (components/example_classifier.py, ONLY_FOR_WORD_MODEL).
        examples, for_word_model_only = [], []
        for m in training_data.intent_examples:
            if m.get(TEXT) and m.get(INTENT) not in NOT_AN_ANSWER:
                (for_word_model_only if only_for_word_model(m) else examples).append((m.get_full_intent(), m.get(TEXT)))
        prefix = f"utter_{retrieval}/"
        answer_texts = {
            name[len("utter_") :]: " ".join(r.get("text") or "" for r in variants)
            for name, variants in training_data.responses.items()
            if name.startswith(prefix)
        }
        documents = answer_documents(examples, answer_texts)
        self.index = LexicalIndex(list(documents), list(documents.values()))
        self.responses = {
            name: variants for name, variants in training_data.responses.items() if name.startswith(prefix)
        }
        taught = examples + for_word_model_only
        labels = [label for label, _ in taught]
        if self.weights.classifier > 0 and len(set(labels)) >= 2:
            self.classifier = ExampleClassifier(labels, [text for _, text in taught])
        with self._model_storage.write_to(self._resource) as directory:
            (directory / INDEX_FILE).write_bytes(pickle.dumps((self.index, self.responses)))
            if self.classifier is not None:
                (directory / CLASSIFIER_FILE).write_bytes(pickle.dumps(self.classifier))
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._decide(message)
        return messages

    def _decide(self, message: Message) -> None:
        intent = message.get(INTENT) or {}
        if not intent.get("name"):
            return
        retrieval = self.config["retrieval_intent"]
        selector = (message.get(RESPONSE_SELECTOR) or {}).get(retrieval) or {}
        model = model_probabilities(message.get(INTENT_RANKING_KEY) or [], selector.get("ranking") or [], retrieval)
        if self.index is None or not message.get(TEXT):
            # The classifier's choice stands; but a classifier that names answers (`faq/<key>`) never passes
            # such a name on to the dialogue.
            if any(key.startswith(f"{retrieval}/") for key in model):
                ranking = sorted(model.items(), key=lambda item: (-item[1], item[0]))
                self._give(message, intent["name"], float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0), ranking)
            return
        text = message.get(TEXT)
        names_subject = mentions_onderwerp(text)
        message.set(MENTIONS_SUBJECT_KEY, names_subject, add_to_output=True)
        classifier = self.classifier.scores(text) if self.classifier is not None else None
        ranking = rank(model, self.index.similarities(text), self.weights, classifier)
        message.set(RANKING_KEY, [{"antwoord": k, "score": round(s, 4)} for k, s in ranking[:10]], add_to_output=True)
        best, score = ranking[0]
        other = self._second_question(text, best)
        if other:
            message.set(SECOND_QUESTION_KEY, other, add_to_output=True)
        if not is_sure(ranking, self.weights):
            self._set_intent(message, DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0 - score, ranking)
            return
        if best in self.config["statement_intents"] and asks_outright(text):
            if names_subject:  # a question on our subject read as a statement: offer the answers
                self._set_intent(message, DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0 - score, ranking)
                message.set(QUESTION_NOT_STATEMENT_KEY, True, add_to_output=True)
            else:
                self._say_off_subject(message, score, ranking)
            return
        if self._off_subject(best, names_subject, score):
            self._say_off_subject(message, score, ranking)
            return
        situatie = self._tells_situatie(message, best, score, ranking)
        if situatie is not None:
            self._give(message, self.config["situatie_intent"], situatie, ranking)
            return
        self._give(message, best, score, ranking)

    def _give(self, message: Message, answer: str, score: float, ranking: List[tuple[str, float]]) -> None:
        """`answer` as the message's intent; a fixed answer as the intent `faq` with that answer selected."""
        retrieval = self.config["retrieval_intent"]
        if answer.startswith(f"{retrieval}/"):
            self._select_answer(message, answer, score, ranking)
            self._set_intent(message, retrieval, score, ranking)
        else:
            self._set_intent(message, answer, score, ranking)

    def _tells_situatie(
        self, message: Message, best: str, score: float, ranking: List[tuple[str, float]]
    ) -> Optional[float]:
        """The situation intent's score, when a message that asks nothing and names a situation (the classifier's
        entity) got a fixed answer that is not clearly ahead of that situation: "ik ben zwanger en heb mijn been
        gebroken" tells the guide a situation, it does not ask about pregnancy. None otherwise."""
        intent = self.config["situatie_intent"]
        if (
            not intent
            or not best.startswith(f"{self.config['retrieval_intent']}/")
            or asks_something(message.get(TEXT))
        ):
            return None
        if not any(entity.get("entity") == self.config["situatie_entity"] for entity in message.get(ENTITIES) or []):
            return None
        situatie = dict(ranking).get(intent, 0.0)
        return situatie if score - situatie < float(self.config["situatie_margin"]) else None

    def _off_subject(self, best: str, names_subject: bool, score: float) -> bool:
        """A fixed answer or guide question that is not sure enough for a message that does not name our subject."""
        if best.startswith(f"{self.config['retrieval_intent']}/"):
            sure = float(self.config["sure_without_onderwerp"])
        elif best in self.config["guide_intents"]:
            sure = float(self.config["sure_guide_without_onderwerp"])
        else:
            return False
        return score < sure and not names_subject

    def _say_off_subject(self, message: Message, score: float, ranking: List[tuple[str, float]]) -> None:
        """out_of_scope, marked as refused for want of our subject: action_out_of_scope can still offer the
        answers in a conversation about illness, and the guide's form can still take an answer to its open
        question (actions/suggest.py, answers_the_open_question)."""
        self._set_intent(message, OUT_OF_SCOPE, 1.0 - score, ranking)
        message.set(SUBJECT_MISSING_KEY, True, add_to_output=True)

    def _second_question(self, text: str, given: str) -> Optional[str]:
        """For a long message with two or more questions: the answer another question points to, when
        it is not the one given (issue #27 item 2: answer the main question, offer the other). The
        classifier saw the whole message; each question sentence is looked up on its own words."""
        if self.index is None or not is_long(text):
            return None
        asked = questions(text)
        if len(asked) < 2:
            return None
        for sentence in asked:
            similarities = {
                k: v
                for k, v in self.index.similarities(sentence).items()
                if k.startswith(f"{self.config['retrieval_intent']}/")
            }
            if not similarities:
                return None
            answer = max(similarities, key=similarities.get)
            if answer != given and similarities[answer] >= SECOND_QUESTION_MIN_SIMILARITY:
                return answer
        return None

    def _set_intent(self, message: Message, name: str, confidence: float, ranking: List[tuple[str, float]]) -> None:
        retrieval = self.config["retrieval_intent"]
        intents: Dict[str, float] = {}
        for key, score in ranking:  # one entry per intent: a fixed answer counts for the retrieval intent
            intent_name = retrieval if key.startswith(f"{retrieval}/") else key
            intents.setdefault(intent_name, score)
        intents.pop(name, None)
        head = {"name": name, PREDICTED_CONFIDENCE_KEY: confidence}
        rest = [{"name": k, PREDICTED_CONFIDENCE_KEY: v} for k, v in intents.items()][:9]
        message.set(INTENT, head, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [head, *rest], add_to_output=True)

    def _select_answer(self, message: Message, answer: str, score: float, ranking: List[tuple[str, float]]) -> None:
        """Makes `answer` the chosen response, where Rasa's ResponseSelector leaves it (what utter_faq and the
        actions read), with the combined ranking of the fixed answers."""
        retrieval = self.config["retrieval_intent"]
        selectors = dict(message.get(RESPONSE_SELECTOR) or {})
        selected = dict(selectors.get(retrieval) or {})
        selected["response"] = {
            "responses": self.responses.get(f"utter_{answer}", []),
            PREDICTED_CONFIDENCE_KEY: score,
            "intent_response_key": answer,
            "utter_action": f"utter_{answer}",
        }
        selected["ranking"] = [
            {PREDICTED_CONFIDENCE_KEY: s, "intent_response_key": k} for k, s in ranking if k.startswith(f"{retrieval}/")
        ][:10]
        selectors[retrieval] = selected
        # Rasa's ResponseSelector names its retrieval intents here; without one (DIET's `answers_as_labels`) we do.
        selectors["all_retrieval_intents"] = sorted({*selectors.get("all_retrieval_intents", []), retrieval})
        message.set(RESPONSE_SELECTOR, selectors, add_to_output=True)
