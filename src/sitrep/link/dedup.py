"""Near-duplicates: syndicated and re-posted copies of one article.

MinHash (datasketch) over word 5-shingles of the body, split into ``BANDS`` bands of ``ROWS`` rows
whose keys are kept in the store (LSH): two bodies that share a band are candidates, and a candidate is
confirmed by the exact similarity of the shingle sets — Jaccard ≥ ``JACCARD``, or containment ≥
``CONTAINMENT`` of the shorter in the longer (a copy with a different header, byline or a cut ending).
Lookups go through an index, so the cost of a new article does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash

NUM_PERM = 64
BANDS, ROWS = 16, 4
SHINGLE = 5
JACCARD = 0.8
CONTAINMENT = 0.9
_WORD = re.compile(r"\w+")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=7)
_PERMUTATIONS = _TEMPLATE.permutations  # computed once, not per document


def shingles(text: str, n: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def band_keys(sh: set[str]) -> list[tuple[int, str]]:
    """The LSH band keys of a shingle set: (band number, hex digest of that band's MinHash rows)."""
    if not sh:
        return []
    m = MinHash(num_perm=NUM_PERM, seed=7, permutations=_PERMUTATIONS, scheme=_TEMPLATE.scheme)
    m.update_batch([s.encode("utf-8") for s in sh])
    hv = m.hashvalues
    out = []
    for b in range(BANDS):
        chunk = hv[b * ROWS:(b + 1) * ROWS].tobytes()
        out.append((b, hashlib.blake2b(chunk, digest_size=8).hexdigest()))
    return out


def similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def is_near_duplicate(a: set[str], b: set[str]) -> bool:
    j, c = similarity(a, b)
    return j >= JACCARD or (c >= CONTAINMENT and min(len(a), len(b)) >= 20)
