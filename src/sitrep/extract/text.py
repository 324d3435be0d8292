"""Plain-text dumps: boilerplate removal and metadata.  (Baseline; to be replaced.)"""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.extract.base import Extracted
from sitrep.model import Hints


class LineStats:
    """Counts of lines across the documents of a batch (and per outlet), for repeated-line cues."""

    def __init__(self) -> None:
        self.docs = 0

    def add_document(self, text: str, outlet: str | None = None) -> None:
        self.docs += 1

    def add_all(self, texts: Iterable[tuple[str, str | None]]) -> None:
        for t, o in texts:
            self.add_document(t, o)


def extract_text(text: str, hints: Hints | None = None, stats: LineStats | None = None) -> Extracted:
    hints = hints or Hints()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = hints.title or (lines[0] if lines else None)
    body = "\n\n".join(lines[1:] if not hints.title else lines)
    return Extracted(title=title, body=body, url=hints.url, extractor="text-baseline")
