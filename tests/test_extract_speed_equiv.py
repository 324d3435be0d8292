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
    recalled = T._recall_lines(key, text)
    assert recalled is not None
    cached_lines, cached = recalled
    assert cached_lines == lines  # the same lines as a fresh split
    assert cached == T.line_hashes([ln.text for ln in lines])
    assert T._recall_lines(key, text) is None  # taken out once used
    stats.add_document(text + " ")  # another text: its entry is not handed out for a different text
    assert T._recall_lines(key, text) is None
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


def _ref_overlaps(lines: list[T.Line], cands: list[int], kept: list[int], start: int) -> list[tuple[float, float]]:
    """The word-overlap title features as first written: one regex pass per line and per set."""
    from sitrep.extract.textmeta import _WORD

    lead_idx = [i for i in kept if i >= start][:3]
    lead = set(_WORD.findall(" ".join(lines[i].text.lower() for i in lead_idx)))
    body = set(_WORD.findall(" ".join(lines[i].text.lower() for i in kept[:40])))
    out = []
    for i in cands:
        ws = set(_WORD.findall(lines[i].text.lower()))
        lead_w = lead
        if i in lead_idx:
            lead_w = set(_WORD.findall(" ".join(lines[j].text.lower() for j in lead_idx if j != i)))
        out.append((len(ws & lead_w) / len(ws) if ws else 0.0, len(ws & body) / len(ws) if ws else 0.0))
    return out


def test_title_overlap_features_match_per_line_regex() -> None:
    from sitrep.extract.textmeta import TITLE_FEATURES, title_features

    rng = random.Random(3)
    vocab = ["Harbour", "ferry", "ΣΟΦΙΑΣ", "terminal", "İstanbul", "港口", "渡轮", "a", "of", "Board's", "2026",
             "approves", "new", "budget.", "Share", "vote", "council", "ΟΔΟΣ"]
    o_lead, o_body = TITLE_FEATURES.index("overlap_lead"), TITLE_FEATURES.index("overlap_body")
    for _ in range(60):
        n_lines = rng.randint(1, 30)
        text = "\n\n".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 25))) for _ in range(n_lines))
        lines = T.split_lines(text)
        X = T.line_features(lines)
        p = np.array([rng.random() for _ in lines], dtype=np.float32)
        keep = [bool(x >= 0.5) for x in p.tolist()]
        for start in {0, len(lines) // 2, len(lines) - 1}:
            for kp in (keep, None, [False] * len(lines)):
                cands, extra = title_features(lines, X, p, start, kp)
                kept = [i for i, k in enumerate(kp) if k] if kp is not None else np.flatnonzero(p >= 0.5).tolist()
                ref = _ref_overlaps(lines, cands, kept, start)
                got = [(float(r[o_lead]), float(r[o_body])) for r in extra]
                assert np.allclose(got, ref), text


def test_byline_column_matches_per_line_regex() -> None:
    rng = random.Random(5)
    heads = ["By", "by:", "Von", "Text:", "Reporting by", "written  by", "Redaktion", "From", "Bye", "Author", "Door",
             "autora", "Über", "From:", ":", "•", "Stand"]
    tail = ["Ana Ruiz", "the harbour desk", "12 March 2026", "x" * 160, ": and more", ""]
    col = T.FEATURES.index("byline")
    for _ in range(100):
        raw = [f"{rng.choice(heads)} {rng.choice(tail)}".strip() or "x" for _ in range(rng.randint(1, 12))]
        lines = T.split_lines("\n".join(raw))
        X = T.line_features(lines)
        ref = [len(ln.text) < 150 and T._BYLINE.match(ln.text) is not None for ln in lines]
        assert X[:, col].tolist() == [float(r) for r in ref], raw


def test_new_word_families_match_family() -> None:
    """cue_matrix looks up only candidate words: each gets the family _family gives it."""
    T._FAMILY.clear()
    words = sorted(T._CUE_SET) + [w + "s" for w in T._CUE_SET] + [w[:3] for w in T._CUE_SET] + [
        "©2026", "harbour", "ferry", "co", "a", "newsletters", "x\u00a9y", "abonnierenswert", "teilen!"]
    low = " ".join(words) + "\n" + "cookie \x00 consent"
    starts = np.array([0, low.index("\n") + 1], dtype=np.int64)
    T.cue_matrix(low.split("\n"), low, starts)
    cached = dict(T._FAMILY)
    assert cached
    for w, f in cached.items():
        T._FAMILY.pop(w)
        assert T._family(w) == f, w
