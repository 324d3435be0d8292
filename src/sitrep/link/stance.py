"""Stance of a text toward a claim: supports, denies, reports or unrelated.  (Stub.)"""

from __future__ import annotations

from collections.abc import Iterable

LABELS = ("supports", "denies", "reports", "unrelated")


def stance_batch(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, float]]:
    """For each (claim, text) pair, the stance of the text toward the claim and a confidence in 0..1."""
    return [("unrelated", 0.5) for _ in pairs]
