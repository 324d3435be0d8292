"""Analyse article text: actors, PLOVER events and attributed claims.

Public entry point: :func:`analyze_texts`.  Text is parsed once with spaCy (batched with
``nlp.pipe``); actors, events and claims are read off the same parsed documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from sitrep.model import Analysis


class AnalyzeInput(BaseModel):
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


def analyze_texts(docs: Iterable[AnalyzeInput], jobs: int = 1, actors_file: str | None = None) -> Iterator[Analysis]:
    """Analyse documents in input order.  (Stub: filled in by the analysis work.)"""
    for d in docs:
        yield Analysis(id=d.id)


__all__ = ["AnalyzeInput", "analyze_texts"]
