"""Analyse article text: actors, PLOVER events and attributed claims.

Public entry point: :func:`analyze_texts`.  Text is parsed once with spaCy (batched with
``nlp.pipe``, see :mod:`sitrep.analyze.nlp`); actors (:mod:`~sitrep.analyze.actors`), events
(:mod:`~sitrep.analyze.events`, dates by :mod:`~sitrep.analyze.time`) and claims
(:mod:`~sitrep.analyze.claims`) are read off the same parsed documents.

With ``jobs > 1`` documents are cut into chunks that worker processes parse and analyse (each worker
loads the model and the gazetteer once); results come back in input order, and at most ``2 * jobs``
chunks are in flight, so memory stays flat however long the input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from sitrep.model import Analysis
from sitrep.util import chunked

CHUNK = 64


class AnalyzeInput(BaseModel):
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


def analyze_doc(doc: Any, inp: AnalyzeInput, actors_file: str | None = None) -> Analysis:
    """Actors, events and claims of one parsed document."""
    from sitrep.analyze.actors import ActorResolver
    from sitrep.analyze.claims import find_claims
    from sitrep.analyze.events import find_events

    resolver = ActorResolver(doc, actors_file)
    try:
        claims = find_claims(doc, resolver, inp.published)
    except Exception as e:  # a claims bug must not lose the document's events
        print(f"sitrep analyze: claims failed on {inp.id}: {type(e).__name__}: {e}", file=sys.stderr)
        claims = []
    # direct quotations and their speakers: "we" inside one is the speaker's side
    quotes = [(c.spans.content[0], c.spans.content[1], c.speaker) for c in claims
              if c.direct and c.speaker is not None and c.spans.content is not None]
    try:
        events = find_events(doc, resolver, inp.published, quotes)
    except Exception as e:  # one odd parse must not stop a corpus run
        print(f"sitrep analyze: events failed on {inp.id}: {type(e).__name__}: {e}", file=sys.stderr)
        events = []
    actors = [a for a in resolver.all_actors() if a.code or a.name]
    return Analysis(id=inp.id, actors=actors, events=events, claims=claims)


@lru_cache(maxsize=8)
def _names(actors_file: str | None) -> frozenset[str]:
    """Lower-cased one-word names of the gazetteer: they stay capitalised in recased headlines."""
    from sitrep.analyze.actors import load_gazetteer

    g = load_gazetteer(actors_file)
    # (one-word names only: "Iran", "Chinese", "Hamas", "Orban"; the words of longer names match the
    # gazetteer whatever their case, and many are ordinary words: "Red Sea", "Gulf of Oman")
    return frozenset(alias for alias in g.aliases if " " not in alias)


def _analyze_chunk(args: tuple[list[AnalyzeInput], str | None]) -> list[Analysis]:
    from sitrep.analyze.headlines import recase_headlines, restore_text
    from sitrep.analyze.nlp import MAX_CHARS, parse

    chunk, actors_file = args
    names = _names(actors_file)
    originals = [d.text[:MAX_CHARS] for d in chunk]
    texts = [recase_headlines(t, names) for t in originals]
    out = []
    for doc, inp, text, original in zip(parse(texts), chunk, texts, originals, strict=True):
        a = analyze_doc(doc, inp, actors_file)
        # (Title Case headlines were parsed recased: the analysis gets the original spelling back)
        out.append(a if text == original else restore_text(a, original))
    return out


def analyze_texts(docs: Iterable[AnalyzeInput], jobs: int = 1, actors_file: str | None = None,
                  pool: ProcessPoolExecutor | None = None) -> Iterator[Analysis]:
    """Analyse documents in input order, in ``jobs`` processes.

    A caller that analyses many batches (``ingest``) passes its own ``pool``, so that each worker loads
    the model once for the whole run rather than once per batch."""
    from sitrep.analyze.actors import load_gazetteer

    load_gazetteer(actors_file)  # fail early on a bad --actors file
    if jobs <= 1:
        for chunk in chunked(docs, CHUNK):
            yield from _analyze_chunk((chunk, actors_file))
        return
    if pool is not None:
        yield from _in_pool(pool, docs, jobs, actors_file)
        return
    with ProcessPoolExecutor(max_workers=jobs) as own:
        yield from _in_pool(own, docs, jobs, actors_file)


def _in_pool(pool: ProcessPoolExecutor, docs: Iterable[AnalyzeInput], jobs: int, actors_file: str | None
             ) -> Iterator[Analysis]:
    pending: list[Future[list[Analysis]]] = []
    # smaller chunks than in one process, so that a short stream still spreads over the workers
    for chunk in chunked(docs, max(8, CHUNK // (2 * jobs))):
        pending.append(pool.submit(_analyze_chunk, (chunk, actors_file)))
        if len(pending) >= 3 * jobs:
            yield from pending.pop(0).result()
    for f in pending:
        yield from f.result()


__all__ = ["AnalyzeInput", "analyze_doc", "analyze_texts"]
