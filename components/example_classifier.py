"""A third signal for the answer ranking: a linear classifier over the words of every training example.

DIET learns dense features from the same kind of n-grams and, on questions people wrote themselves, still misses
what a plain word model gets: a question that shares a telling word or word pair with a few of an answer's examples. The
lexical index (components/answer_ranking.py) compares a message with one document per answer, so a word in one
example among twenty weighs little there. This classifier learns from each example: a linear support vector
machine (scikit-learn's LinearSVC) over TF-IDF of character n-grams (2–5, inside word boundaries: compounds and
typos) and of words and word pairs ("slapend dienstverband"). It trains in about a second, deterministically.
Measured by cross-validation over the 469 real questions (docs/benchmarks.md, #27 step 8).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Dict, List, Sequence

import numpy as np
from rasa.shared.nlu.constants import METADATA, METADATA_INTENT

from components import tfidf
from components.text import normalise

# Training examples for this classifier only (intent metadata in the training data, `alleen_woordmodel: true`):
# real questions about illness that none of our answers covers, as `out_of_scope` (scripts/echte_vragen.py). DIET
# and the lexical index leave them out: taught to DIET they cost five right answers for no more honest ones
# (docs/benchmarks.md, #27 step 7); taught to this linear model alone, cross-validation gave 8 of 109 more honest
# replies at once and 7 of 469 more right answers at once (#27 step 9).
ONLY_FOR_WORD_MODEL = "alleen_woordmodel"


def only_for_word_model(message: Any) -> bool:
    """Whether a training example (a Rasa Message) is meant for this classifier alone."""
    metadata = message.get(METADATA) or {}
    intent = metadata.get(METADATA_INTENT) if isinstance(metadata, dict) else None
    return bool(isinstance(intent, dict) and intent.get(ONLY_FOR_WORD_MODEL))


# Chosen on the cross-validation folds (docs/benchmarks.md, #27 step 8): C 0.2 / 0.5 / 1 gave 169 / 174 / 173 real
# questions right at once on two folds. Dropping rare n-grams (min_df 2) halves the weights: 177, but 2 fewer of our
# own; within the noise of two folds, so not taken.
REGULARISATION = 0.5


class ExampleClassifier:
    """Scores every label (a fixed answer `faq/<key>` or an intent) for a message: the SVM's decision values."""

    def __init__(self, labels: Sequence[str], texts: Sequence[str]) -> None:
        """Trains on the examples; fewer than two labels is a ValueError (scikit-learn's; AnswerRanking.train skips it)."""
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC

        self.vectorizers = [
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=normalise, sublinear_tf=True),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), preprocessor=normalise, sublinear_tf=True),
        ]
        features = hstack([v.fit_transform(texts) for v in self.vectorizers]).tocsr()
        # random_state: liblinear shuffles; a fixed seed gives the same model on every machine (#27 item 8).
        svm = LinearSVC(C=REGULARISATION, random_state=0, max_iter=10000).fit(features, list(labels))
        coef, intercept = svm.coef_, svm.intercept_
        if len(svm.classes_) == 2:  # scikit-learn keeps one row for two classes: the second's decision value
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        self.labels: List[str] = [str(label) for label in svm.classes_]
        self.intercept = intercept.astype(np.float64)
        # Per vectorizer its block of the weights, one row per n-gram (float32: half the size in the model file).
        self.weights = []
        start = 0
        for vectorizer in self.vectorizers:
            end = start + len(vectorizer.vocabulary_)
            self.weights.append(np.ascontiguousarray(coef[:, start:end].T, dtype=np.float32))
            start = end

    def scores(self, text: str) -> Dict[str, float]:
        """The decision value per label, as LinearSVC.decision_function gives it (tests hold it to that)."""
        total = self.intercept.copy()
        for found, weights in zip(self._lookups, self.weights):
            message = tfidf.vector(found, text)
            if message is not None:
                ids, values = message
                total += values @ weights[ids]
        return dict(zip(self.labels, (float(v) for v in total)))

    def __getstate__(self) -> Dict[str, Any]:
        # The lookups are derived (and hold bound methods): a model file keeps only what they are built from.
        return {key: value for key, value in self.__dict__.items() if key != "_lookups"}

    @cached_property
    def _lookups(self) -> List[tfidf.Lookup]:
        return [tfidf.lookup(vectorizer) for vectorizer in self.vectorizers]
