"""Weighted term vectors for linking articles and claims.

A text becomes two sparse vectors: *words* (lower-cased, light suffix stripping, English stop words
dropped) and *names* (capitalised words not at the start of a line or sentence, and numbers) — the
second tells two events of the same kind apart (two earthquakes share their words, not their places,
dates and magnitudes).  Weights are TF-IDF against document frequencies that the store keeps as the
corpus grows (:class:`DocFreq`), vectors are L2-normalised and cut to their strongest terms so that
every comparison costs a bounded amount.

A young corpus has no useful document frequencies (in five articles every word is rare or common by
chance), so the corpus counts are smoothed with a background estimate: ``PRIOR_DOCS`` pseudo-documents
in which a word occurs with the probability that a 400-word text of general language holds it, from
the word frequencies of the ``wordfreq`` package (40+ languages).  As the corpus grows its own counts
take over.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,:]\d+)?")
_SENT_END = re.compile(r"[.!?:;\"“”]\s*$")
_SUFFIXES = ("ings", "ing", "ies", "es", "ed", "s")
TOP_TERMS = 80
PRIOR_DOCS = 1000
DOC_TOKENS = 400
UNLISTED_ZIPF = 2.5  # a word missing from wordfreq's "small" list is rarer than zipf 3
ACTOR_PRIOR = 0.05

Vector = dict[str, float]


def stem(word: str) -> str:
    for suf in _SUFFIXES:
        if len(word) > len(suf) + 3 and word.endswith(suf):
            return word[: -len(suf)]
    return word


def _norm_token(w: str) -> str:
    lw = w.lower().replace("’", "'")
    if lw.endswith("'s"):
        lw = lw[:-2]
    return lw.strip("'-")


def term_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """(word counts, name counts) of a text."""
    words, names, _ = term_counts_with_forms(text)
    return words, names


def term_counts_with_forms(text: str) -> tuple[Counter[str], Counter[str], dict[str, str]]:
    """(word counts, name counts, a surface form of each word stem) of a text."""
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    forms: dict[str, str] = {}
    for line in text.split("\n"):
        prev_end = 0
        first = True
        for m in _TOKEN.finditer(line):
            w = m.group(0)
            lw = _norm_token(w)
            if first is False and _SENT_END.search(line[prev_end:m.start()]):
                first = True
            prev_end = m.end()
            if lw in STOP_WORDS or len(lw) < 2 or (len(lw) < 3 and not lw.isdigit()):
                first = False
                continue
            st = stem(lw)
            words[st] += 1
            forms.setdefault(st, lw)
            if lw[:1].isdigit() or (w[0].isupper() and not first):
                names[lw] += 1
            first = False
    return words, names, forms


@lru_cache(maxsize=8)
def _background(lang: str) -> dict[str, float] | None:
    try:
        from wordfreq import available_languages, get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return None
    if lang not in available_languages("small"):
        return None
    return get_frequency_dict(lang, wordlist="small")


def background_prior(terms: Mapping[str, str], lang: str | None) -> dict[str, float]:
    """For each term, the probability that a text of general language in ``lang`` holds it.

    ``terms`` maps each term to the surface word to look up.  Unknown languages give no prior."""
    freqs = _background((lang or "en").split("-")[0].lower())
    if freqs is None:
        return {}
    unlisted = 10 ** (UNLISTED_ZIPF - 9)
    out = {}
    for term, form in terms.items():
        if term.startswith("@"):
            out[term] = ACTOR_PRIOR
            continue
        f = freqs.get(form, unlisted)
        out[term] = 1.0 - math.exp(-f * DOC_TOKENS)
    return out


class DocFreq:
    """Document frequencies: how many documents hold each term (kept by the store), smoothed with a
    background prior of ``prior_docs`` pseudo-documents (see the module docstring)."""

    def __init__(self, n_docs: int = 0, df: Mapping[str, int] | None = None,
                 prior: Mapping[str, float] | None = None, prior_docs: int = PRIOR_DOCS) -> None:
        self.n_docs = n_docs
        self.df: dict[str, int] = dict(df or {})
        self.prior: dict[str, float] = dict(prior or {})
        self.prior_docs = prior_docs if prior else 0

    def idf(self, term: str) -> float:
        k = self.prior_docs
        p = self.prior.get(term, 0.0) if k else 0.0
        return math.log((self.n_docs + k + 1) / (self.df.get(term, 0) + k * p + 0.5))


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
