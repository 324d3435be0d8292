"""Weighted term vectors for linking articles and claims.

A text becomes two sparse vectors: *words* (lower-cased, light suffix stripping, English stop words
dropped) and *names* (capitalised words not at the start of a line or sentence, and numbers) — the
second tells two events of the same kind apart (two earthquakes share their words, not their places,
dates and magnitudes).  Weights are TF-IDF against document frequencies that the store keeps as the
corpus grows (:class:`DocFreq`), vectors are L2-normalised and cut to their strongest terms so that
every comparison costs a bounded amount.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

from spacy.lang.en.stop_words import STOP_WORDS

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,:]\d+)?")
_SENT_END = re.compile(r"[.!?:;\"“”]\s*$")
_SUFFIXES = ("ings", "ing", "ies", "es", "ed", "s")
TOP_TERMS = 80

Vector = dict[str, float]


def stem(word: str) -> str:
    for suf in _SUFFIXES:
        if len(word) > len(suf) + 3 and word.endswith(suf):
            return word[: -len(suf)]
    return word


def term_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """(word counts, name counts) of a text."""
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for line in text.split("\n"):
        prev_end = 0
        first = True
        for m in _TOKEN.finditer(line):
            w = m.group(0)
            lw = w.lower().strip("'’-")
            if first is False and _SENT_END.search(line[prev_end:m.start()]):
                first = True
            prev_end = m.end()
            if lw in STOP_WORDS or (len(lw) < 3 and not lw.isdigit()):
                first = False
                continue
            words[stem(lw)] += 1
            if lw[:1].isdigit() or (w[0].isupper() and not first):
                names[lw] += 1
            first = False
    return words, names


class DocFreq:
    """Document frequencies: how many documents hold each term (kept by the store)."""

    def __init__(self, n_docs: int = 0, df: Mapping[str, int] | None = None) -> None:
        self.n_docs = n_docs
        self.df: dict[str, int] = dict(df or {})

    def idf(self, term: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(term, 0) + 0.5))


def tfidf(counts: Mapping[str, float], df: DocFreq, top: int = TOP_TERMS) -> Vector:
    v = {t: (1 + math.log(c)) * df.idf(t) for t, c in counts.items() if c > 0}
    best = sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return normalise(dict(best))


def normalise(v: Mapping[str, float]) -> Vector:
    n = math.sqrt(sum(x * x for x in v.values()))
    return {t: x / n for t, x in v.items()} if n > 0 else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def add_into(acc: dict[str, float], v: Mapping[str, float], keep: int = 300) -> None:
    """Add a vector into a (non-normalised) centroid, keeping its ``keep`` strongest terms."""
    for t, x in v.items():
        acc[t] = acc.get(t, 0.0) + x
    if len(acc) > keep:
        for t, _ in sorted(acc.items(), key=lambda kv: kv[1])[: len(acc) - keep]:
            del acc[t]
