"""Running the per-article stages over a stream of inputs, in batches, in one or more processes.

Inputs are read lazily and processed in chunks of ``CHUNK`` documents: each chunk's text dumps
first feed the batch's repeated-line statistics (:class:`~sitrep.extract.text.LineStats`), then
every document of the chunk is extracted.  Memory stays flat in the number of inputs: only one
chunk (per worker) is held at a time, and the line statistics are bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from sitrep.extract import LineStats, extract_document, to_text
from sitrep.extract.meta import DecodeError, host_of, looks_binary
from sitrep.model import Article, RawDocument
from sitrep.sources import iter_raw
from sitrep.sources.files import ForceKind
from sitrep.util import chunked

CHUNK = 256


def _prepare(raw: RawDocument) -> RawDocument:
    """Decode text dumps up front (the line statistics need their text)."""
    if raw.error or raw.kind != "text" or raw.text is not None:
        return raw
    if looks_binary(raw.data):
        return raw.model_copy(update={"error": f"{raw.source}: binary data, not text or HTML"})
    try:
        return raw.model_copy(update={"text": to_text(raw)}) if raw.data else raw
    except DecodeError as e:
        return raw.model_copy(update={"error": f"{raw.source}: {e}"})


def _extract_chunk(args: tuple[list[RawDocument], LineStats]) -> list[Article]:
    chunk, stats = args
    return [extract_document(r, stats) for r in chunk]


def _warm_worker() -> None:
    """Load the language-id model in each worker before its first chunk arrives (about 0.7 s)."""
    from sitrep.extract.meta import detect_language

    detect_language("A short English sentence to load the language model.")


def extract_raw(raws: Iterable[RawDocument], jobs: int = 1,
                on_article: Callable[[Article], None] | None = None) -> Iterator[Article]:
    """Extract a stream of raw documents, in input order."""
    stats = LineStats()

    def prepared() -> Iterator[tuple[list[RawDocument], LineStats]]:
        for block in chunked(raws, CHUNK):
            block = [_prepare(r) for r in block]
            for r in block:
                if r.kind == "text" and r.text is not None and not r.error:
                    stats.add_document(r.text, r.hints.outlet or host_of(r.hints.url))
            yield block, stats

    if jobs <= 1:
        for args in prepared():
            for art in _extract_chunk(args):
                if on_article:
                    on_article(art)
                yield art
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_worker) as pool:
        pending: list = []
        for args in prepared():
            # split the chunk so that every worker gets a share, keep order
            block, st = args
            size = max(1, -(-len(block) // jobs))
            for i in range(0, len(block), size):
                pending.append(pool.submit(_extract_chunk, (block[i:i + size], st)))
            while len(pending) > 2 * jobs:
                for art in pending.pop(0).result():
                    if on_article:
                        on_article(art)
                    yield art
        for fut in pending:
            for art in fut.result():
                if on_article:
                    on_article(art)
                yield art


def extract_paths(paths: list[str], force: ForceKind = "auto", jobs: int = 1,
                  max_bytes: int | None = None) -> Iterator[Article]:
    from sitrep.sources.files import DEFAULT_MAX_BYTES

    yield from extract_raw(iter_raw(paths, force, max_bytes or DEFAULT_MAX_BYTES), jobs)
