"""Small helpers shared by the stages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def now_utc() -> str:
    """The current time, UTC, to the second (``2026-11-22T15:41:42Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def chunked(items: Iterable[T], n: int) -> Iterator[list[T]]:
    """Lists of ``n`` consecutive items (the last one shorter), read lazily."""
    it = iter(items)
    while True:
        block = list(islice(it, n))
        if not block:
            return
        yield block
