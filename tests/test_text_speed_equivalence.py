"""The fast paths of the plain-text extractor give exactly what their plain definitions give.

Each test compares an optimised function with a straightforward reference written here (or with the
library it replaces) on hand-written sentences and on random strings over awkward alphabets: CJK,
non-BMP letters and digits, odd whitespace, bullets, copyright signs.
"""

from __future__ import annotations

import random

import numpy as np
import py3langid
import pytest
from py3langid.langid import _get_identifier, visit_counts

import sitrep.extract.text as T
from sitrep.extract import dates as D
from sitrep.extract.meta import _langid, _langid_classify, detect_language
from sitrep.extract.textmeta import removal_reason, removal_reasons

SENTENCES = [
    "The ferry to the harbour leaves at nine, weather permitting, and returns before dusk.",
    "Der Stadtrat hat am Montag über den neuen Radweg entlang des Flusses abgestimmt.",
    "El ayuntamiento aprobó ayer el presupuesto para la reforma de la plaza mayor.",
    "Le conseil municipal a voté hier soir la rénovation de la bibliothèque du quartier.",
    "Il comune ha annunciato nuovi orari per gli autobus durante il periodo estivo.",
    "Rada miasta przyjęła wczoraj plan budowy nowego mostu na rzece.",
    "Городской совет вчера утвердил план строительства нового моста.",
    "市議会は昨日、新しい橋の建設計画を承認した。",
    "시의회는 어제 새 다리 건설 계획을 승인했다.",
    "ΤΟ ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ ΕΝΕΚΡΙΝΕ ΤΟ ΣΧΕΔΙΟ",
    "", "a", "ab cd", "1234 5678 9012",
]
_ALPHABET = list("ab cdeXY 12.-/:,\t\u00a0\u3000\u2003漢字ㄱ가・İΣ𝐀𝟙©()•\x00\x1c\x85")


def _random_texts(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(longest))) for _ in range(count)]


@pytest.fixture(scope="module")
def langid() -> object:
    fast = _langid()
    assert fast is not None, "the installed py3langid no longer has the layout of the fast walk"
    return fast


def test_language_walk_counts_the_same_features(langid: object) -> None:
    ident = _get_identifier()
    texts = SENTENCES + [" ".join(SENTENCES)] + _random_texts(1, 300, 200)
    for text in texts:
        data = ident._encode(text)
        ref = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data) or {}
        feats, counts = langid.features(data)  # type: ignore[attr-defined]
        assert list(zip(feats.tolist(), counts.tolist(), strict=True)) == list(ref.items()), text
        assert _langid_classify(text) == py3langid.classify(text)[0], text


def test_language_needs_three_words() -> None:
    assert detect_language("two words") is None
    assert detect_language("three short words") is not None


def test_cue_words_match_the_split_definition() -> None:
    texts = _random_texts(2, 400, 60) + [" ".join(w for ws in T._CUE_WORDS.values() for w in ws)]
    for low in (t.lower() for t in texts):
        ref = np.zeros((len(low.split("\n")), len(T.CUE_NAMES)), dtype=np.float32)
        for i, text in enumerate(T._PUNCT.sub(" ", low).split("\n")):
            for w in text.split():
                if (f := T._family(w)) >= 0:
                    ref[i, f] += 1
        line_of, fam = T._cue_word_hits(low)
        got = np.zeros_like(ref)
        np.add.at(got, (line_of, fam), 1)
        assert np.array_equal(got, ref), low


def test_line_hashes_match_the_regex_definition() -> None:
    rng = random.Random(3)
    pool = _random_texts(4, 200, 12) + ["  two  spaces ", "x 12 34", "\t", ""]
    for _ in range(300):
        texts = [rng.choice(pool) for _ in range(rng.randrange(1, 6))]
        texts = [t.replace("\n", " ") for t in texts]
        assert T.line_hashes(texts) == [T._hash(t) for t in texts], texts


@pytest.mark.parametrize("day_first", [None, True, False])
def test_cached_dates_equal_uncached(day_first: bool | None) -> None:
    texts = ["Published 03/04/2025 09:15", "03.04.2025", "4-5-2026 um 10:00 Uhr", "March 11, 2025 12:49 AM",
             "11 March 2025", "2025-03-11T09:43:00+01:00", "3/4/25", "no date here 1234"]
    for text in texts * 2:  # (the second round is answered from the cache)
        got = D.find_dates(text, day_first=day_first)
        ref = D._find_dates(text, day_first=day_first, reference=None, with_time=True) \
            if D.DATE_HINT.search(text) else []
        assert got == ref, text
        got.clear()  # the caller's list is its own: the cache keeps its entry
        assert D.find_dates(text, day_first=day_first) == ref


def test_removal_reasons_match_the_row_rule_at_the_bars() -> None:
    rng = np.random.default_rng(7)
    values = np.array([0.0, 1.0, 0.1, 0.2, 0.3, np.float32(0.2) + np.float32(1e-8), -1.0], dtype=np.float32)
    X = rng.choice(values, size=(300, len(T.FEATURES)), p=[0.7, 0.1, 0.04, 0.04, 0.04, 0.04, 0.04]).astype(np.float32)
    assert removal_reasons(X) == [removal_reason(None, X[i]) for i in range(len(X))]  # type: ignore[arg-type]
    assert removal_reasons(X[:0]) == []


def _select_ref(lines: list[T.Line], p: np.ndarray, thr: float, sub: float) -> list[bool]:
    """select_lines without a feature matrix, comparing numpy scalars one by one (its definition)."""
    keep = [bool(v >= thr) for v in p]
    n = len(lines)
    for i in range(1, n - 1):
        if not keep[i] and p[i] >= sub and keep[i - 1] and any(keep[i + 1:i + 3]):
            keep[i] = True
    kept = [i for i in range(n) if keep[i]]
    if kept:
        for edge, step in ((kept[0], -1), (kept[-1], 1)):
            j = edge + step
            while 0 <= j < n and abs(j - edge) <= 4:
                w = len(lines[j].text.split())
                if w >= 12 and lines[j].text.endswith(T._TERMINAL):
                    if p[j] >= sub:
                        keep[j] = True
                    break
                if w > 4:
                    break
                j += step
    return keep


def test_select_lines_compares_in_float32() -> None:
    long = "A sentence of the article that runs on for well over twelve words in all, to the end."
    texts = ["Menu", long, "Short heading", long, "Share", long, "x", long, "Footer", long]
    lines = T.split_lines("\n\n".join(texts))
    assert len(lines) == len(texts)
    net = T._model("lines2.json", T.FEATURES + T.CONTEXT) or T._model("lines.json")
    thr = net.threshold if net else 0.5
    sub = net.sub_threshold if net else 0.3
    # values at the bars and one float32 step below them, where a float64 comparison would differ
    below = [float(np.nextafter(np.float32(v), np.float32(0))) for v in (thr, sub)]
    rng = np.random.default_rng(11)
    for _ in range(300):
        p = rng.choice([thr, sub, *below, 0.0, 0.9], size=len(lines)).astype(np.float32)
        assert T.select_lines(lines, p) == _select_ref(lines, p, thr, sub), p.tolist()
