"""The one API that every interface (CLI, REST, web, Python users) goes through.

>>> from sitrep.service import ingest
>>> report = ingest(["examples/"], db="sitrep.db")          # doctest: +SKIP

``ingest`` streams inputs through the per-article stages (sources -> extract -> analyze) and writes
each chunk in one transaction: a crash loses at most the chunk in flight, a re-run skips every input
whose content is stored already (identity is the content hash of the raw input).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice

from sitrep.link.propositions import PropositionTracker
from sitrep.link.stories import Linker
from sitrep.model import Analysis, Article, RawDocument
from sitrep.pipeline import extract_raw
from sitrep.sources import DEFAULT_MAX_BYTES, iter_raw
from sitrep.sources.files import ForceKind
from sitrep.store import Store, open_store

ANALYZER = "sitrep-analyze-1"
WRITE_CHUNK = 64


@dataclass
class IngestReport:
    seen: int = 0
    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    events: int = 0
    claims: int = 0

    def summary(self) -> str:
        return (f"{self.seen} inputs: {self.added} new articles, {self.unchanged} already stored, "
                f"{self.duplicates} duplicates, {len(self.errors)} errors; {self.events} events, "
                f"{self.claims} claims found")


def body_hash(body: str) -> str:
    """Hash of the body's words (case and whitespace folded): equal for exact re-posts."""
    norm = " ".join(re.findall(r"\w+", body.casefold()))
    return hashlib.sha256(norm.encode()).hexdigest()


def mark_duplicate(store: Store, art: Article, other_id: str) -> None:
    """Record that ``art`` and a stored article are copies of one text.  The copy published first is the
    original (whatever the order of ingest); the others point to it and are not independent sources."""
    rows = store.query("SELECT published, duplicate_of FROM articles WHERE id = ?", (other_id,))
    original = rows[0]["duplicate_of"] or other_id if rows else other_id
    first = store.query("SELECT published FROM articles WHERE id = ?", (original,))
    theirs = first[0]["published"] if first else None
    if art.published and theirs and art.published[:19] < theirs[:19]:
        store.execute("UPDATE articles SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
                      (art.id, original, original))
        store.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (art.id,))
    else:
        store.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (original, art.id))


def _new_only(raws: Iterable[RawDocument], store: Store, report: IngestReport) -> Iterator[RawDocument]:
    """Skip inputs whose content is stored already (only their source name is recorded)."""
    for raw in raws:
        report.seen += 1
        if raw.error:
            yield raw
            continue
        h = raw.content_hash()
        if store.has_article(h):
            with store.transaction():
                store.add_source(raw.source, h)
            report.unchanged += 1
            continue
        yield raw


def analyze_articles(arts: list[Article], jobs: int = 1, actors_file: str | None = None,
                     pool: ProcessPoolExecutor | None = None) -> list[Analysis]:
    from sitrep.analyze import AnalyzeInput, analyze_texts

    docs = [AnalyzeInput(id=a.id, text=a.body, title=a.title, published=a.published, url=a.url, outlet=a.outlet)
            for a in arts]
    return list(analyze_texts(docs, jobs=jobs, actors_file=actors_file, pool=pool))


def ingest(paths: list[str], db: str | Store = "sitrep.db", force: ForceKind = "auto", jobs: int = 1,
           max_bytes: int = DEFAULT_MAX_BYTES, analyze: bool = True, actors_file: str | None = None,
           on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Read, extract, analyse and store every input; return what happened."""
    store = open_store(db) if isinstance(db, str) else db
    report = IngestReport()
    linker = Linker(store)
    tracker = PropositionTracker(store)
    pool: ProcessPoolExecutor | None = None  # one analysis pool for the whole run (made when needed)
    stack = ExitStack()
    try:
        raws = _new_only(iter_raw(paths, force, max_bytes), store, report)
        articles = extract_raw(raws, jobs=jobs)
        while True:
            chunk = list(islice(articles, WRITE_CHUNK))
            if not chunk:
                break
            good = [a for a in chunk if not a.error]
            if analyze and good and jobs > 1 and pool is None:
                pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs))
            analyses: list[Analysis | None] = list(
                analyze_articles(good, jobs, actors_file, pool) if analyze and good else [None] * len(good))
            with store.transaction():
                for a in chunk:
                    if a.error:
                        store.put_error(a.source, a.error, a.id)
                        report.errors.append(a.error)
                fresh = [(a, an) for a, an in zip(good, analyses, strict=True) if not store.has_article(a.id)]
                linker.prime(fresh)
                for a, an in fresh:
                    if not store.put_article(a, body_hash=body_hash(a.body)):
                        report.unchanged += 1
                        continue
                    report.added += 1
                    if an is not None:
                        store.put_analysis(a.id, an, ANALYZER)
                        report.events += len(an.events)
                        report.claims += len(an.claims)
                    link = linker.link(a, an)
                    if link.duplicate_of:
                        mark_duplicate(store, a, link.duplicate_of)
                        report.duplicates += 1
                    if an is not None and an.claims:
                        tracker.track(a, an, link.duplicate_of)
            if on_progress:
                on_progress(report)
    finally:
        stack.close()
        if isinstance(db, str):
            store.close()
    return report


__all__ = ["IngestReport", "analyze_articles", "body_hash", "ingest"]
