"""The fast paths of the text extractor give the same results as the plain per-line code they replace.

No timings here: each test compares a vectorised or pre-filtered helper with a straightforward
reference written out in the test (the code the helper replaced), on text written for the test.
"""

from __future__ import annotations

import random
import re
import zlib

import numpy as np

from sitrep.extract import text as T
from sitrep.extract.dates import find_dates
from sitrep.extract.meta import looks_binary
from sitrep.extract.textmeta import _outlet_from_lines, removal_reason, removal_reasons
from sitrep.model import Hints

LINES = [
    "Harbour board approves   new ferry\tterminal",
    "Updated 12.03.2026, 08:15 Uhr",
    "• Read more: the 2025 budget in 10 charts",
    "İstanbul ΣΟΦΙΑΣ ΟΔΟΣ 42",
    "Ⅻ and ٣٤ and ５６ and 𝟘𝟙 are not all ASCII digits",
    "Share · Print · Email",
    "Comments (3) | Log in / Sign up",
    "© 2026 The Harbour Gazette. All rights reserved.",
]


def _ref_hashes(texts: list[str]) -> list[int]:
    folded = re.sub(r"\d+", "0", "\n".join(texts).lower()).split("\n")
    return [zlib.crc32(" ".join(t.split()).encode("utf-8", "replace")) for t in folded]


def test_line_hashes_match_the_regex_definition() -> None:
    assert T.line_hashes(LINES) == _ref_hashes(LINES)
    rng = random.Random(7)
    alphabet = list("ab AZ09 \t\u00a0\u3000İΣσς٣٤５６𝟘😀\x1f\r-.,\u0307\n")
    for _ in range(2000):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(rng.randint(1, 4))]
        assert T.line_hashes(texts) == _ref_hashes(texts), texts
    assert T.line_hashes([]) == []


def _ref_runs(flags: np.ndarray, gap: int) -> np.ndarray:
    seg = np.zeros(len(flags), dtype=np.int64)
    k, g = 0, 0
    for i, f in enumerate(flags.tolist()):
        if f:
            if g >= gap:
                k += 1
            g = 0
        else:
            g += 1
        seg[i] = k
    return seg


def test_runs_match_the_loop() -> None:
    rng = np.random.default_rng(3)
    for n in (0, 1, 2, 5, 40):
        for _ in range(50):
            flags = rng.random(n) < 0.5
            assert np.array_equal(T._runs(flags, 2), _ref_runs(flags, 2))


def test_blockwise_matmul_equals_one_product() -> None:
    # BLAS kernels round differently with the number of rows (and of threads), so a row block can
    # differ from the whole product in the last bit of float32: equal up to that
    rng = np.random.default_rng(1)
    Z = rng.random((3000, 59), dtype=np.float32)
    W = rng.random((59, 24), dtype=np.float32)
    assert np.allclose(T._matmul(Z, W), Z @ W, rtol=1e-6, atol=0)
    w = rng.random(24, dtype=np.float32)
    assert np.allclose(T._matmul(Z @ W, w), (Z @ W) @ w, rtol=1e-6, atol=0)
    small = Z[:50]
    assert np.array_equal(T._matmul(small, W), small @ W)  # one block: the same product


def test_removal_reasons_match_the_row_rule() -> None:
    lines = T.split_lines("\n".join(LINES + ["A plain sentence of the article that goes on for a while, "
                                              "long enough to count as prose in the line model."]))
    X = T.line_features(lines)
    rng = np.random.default_rng(5)
    # also random 0/1 rows, so that every rule and its order are exercised
    R = (rng.random((400, X.shape[1])) < 0.15).astype(np.float32)
    for M in (X, R):
        assert removal_reasons(M) == [removal_reason(lines[0], M[i]) for i in range(len(M))]


def _ref_cues(low_joined: str) -> np.ndarray:
    low_lines = low_joined.split("\n")
    out = np.zeros((len(low_lines), len(T.CUE_NAMES)), dtype=np.float32)
    for i, t in enumerate(T._PUNCT.sub(" ", low_joined).split("\n")):
        for w in t.split():
            f = T._family(w)
            if f >= 0:
                out[i, f] += 1
    return out


def test_cue_words_per_line() -> None:
    for texts in (LINES, ["cookie \x00 consent", "\x00", "subscribe to the newsletter"]):
        low = "\n".join(texts).lower()
        starts = np.array([0, *np.cumsum([len(t) + 1 for t in low.split("\n")[:-1]])], dtype=np.int64)
        got = T.cue_matrix(low.split("\n"), low, starts)
        ref = _ref_cues(low)
        # phrases come on top of the words: compare where no phrase can add anything
        phrase_free = [not any(ph in t for ph in T._CUE_PHRASE_IDX) for t in low.split("\n")]
        assert np.array_equal(got[phrase_free], ref[phrase_free])


def test_family_prefilter_keeps_every_cue() -> None:
    for words in T._CUE_WORDS.values():
        for w in words:
            assert T._family(w) >= 0, w
            if len(w) >= 4:
                assert T._family(w + "s") >= 0, w
    assert T._family("bridge") == -1


def test_dates_need_a_year_or_a_numeric_date() -> None:
    assert find_dates("Page 3 of 12, 40 comments") == []
    assert find_dates("Published 12.03.26")[0].iso == "2026-03-12"
    assert find_dates("March 11, 2025 12:49 AM")[0].iso == "2025-03-11T00:49:00"
    assert find_dates("2026年3月5日")[0].iso == "2026-03-05"


def test_outlet_from_copyright_line() -> None:
    lines = T.split_lines("\n".join(LINES))
    assert _outlet_from_lines(lines, [False] * len(lines)) == "The Harbour Gazette"
    assert _outlet_from_lines(lines, [True] * len(lines)) is None


def test_line_hash_cache_gives_the_same_features() -> None:
    text = "\n".join(LINES)
    stats = T.LineStats()
    stats.add_document(text)
    lines = T.split_lines(text)
    key = zlib.crc32(text.encode("utf-8"))
    cached = T._recall_hashes(key, len(text), len(lines))
    assert cached == T.line_hashes([ln.text for ln in lines])
    assert T._recall_hashes(key, len(text), len(lines)) is None  # taken out once used
    a = T.line_features(lines, stats, None, True, norms=cached)
    b = T.line_features(lines, stats, None, True)
    assert np.array_equal(a, b)
    ex = T.extract_text(text, Hints(), stats)
    assert ex.extractor == "text-lines"


def test_looks_binary() -> None:
    assert looks_binary(bytes(range(1, 9)) * 100)
    assert not looks_binary(b"Plain text\twith tabs\r\nand lines.\n" * 50)
    assert not looks_binary(b"")


def test_character_class_table_matches_the_definition() -> None:
    rng = np.random.default_rng(2)
    cp = np.concatenate([np.arange(0x10000), rng.integers(0x10000, 0x110000, 3000)]).astype(np.uint32)
    got = T._char_classes("", cp)
    ref = T._char_classes_of(cp)
    for name in ("upper", "alpha", "cjk", "digit", "comma", "pipe"):
        assert np.array_equal(got[name], ref[name]), name
    prev_space = np.concatenate([[True], ref["space"][:-1]])
    assert np.array_equal(got["word_start"], ~ref["space"] & prev_space)
