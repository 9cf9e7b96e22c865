"""The TF-IDF vector of one short text, from its own n-grams (components/answer_ranking.py, example_classifier.py).

scikit-learn's `TfidfVectorizer.transform` of one short message costs ±0.9 ms; the same vector from the message's
own n-grams ±0.2 ms, on every message (docs/benchmarks.md, throughput after #27). Both signals that compare a
message with our examples use it; their tests hold the result to scikit-learn's.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

Lookup = Tuple[Callable[[str], List[str]], Dict[str, int], Any]
Vector = Tuple[Any, Any]  # the n-gram columns that occur, and their weights


def lookup(vectorizer: Any) -> Lookup:
    """What vector() needs from a fitted TfidfVectorizer. The sum in vector() is TfidfVectorizer's for these
    settings only: another setting must fail here."""
    if not (vectorizer.sublinear_tf and vectorizer.use_idf and vectorizer.norm == "l2" and not vectorizer.binary):
        raise ValueError("De snelle TF-IDF rekent alleen met sublinear_tf, idf en l2-normering")
    return vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_


def vector(found: Lookup, text: str) -> Optional[Vector]:
    """The message's TF-IDF vector as its non-zero columns and their weights; None without any known n-gram."""
    analyse, vocabulary, idf = found
    counts = Counter(i for gram in analyse(text) if (i := vocabulary.get(gram)) is not None)
    if not counts:
        return None
    ids = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    weights = (np.log(tf) + 1.0) * idf[ids]  # sublinear_tf=True, then the idf
    weights /= math.sqrt(float(weights @ weights))  # l2 norm, as TfidfVectorizer's default
    return ids, weights
