"""The extract stage: RawDocument -> Article.

HTML goes through :mod:`sitrep.extract.html` (trafilatura + htmldate + JSON-LD), plain-text dumps
through :mod:`sitrep.extract.text` (sitrep's own boilerplate remover), structured records (JSON
Lines, feed entries with full content) keep their fields and only get cleaned.
"""

from __future__ import annotations

from typing import Any

from sitrep.extract.base import Extracted
from sitrep.extract.meta import DecodeError, decode_bytes, detect_language, host_of, html_declared_charset
from sitrep.extract.text import LineStats, extract_text
from sitrep.model import Article, RawDocument

__all__ = ["Extracted", "LineStats", "extract_document", "extract_html", "extract_text", "to_text"]


def __getattr__(name: str) -> Any:
    # the HTML extractor (and trafilatura with it) is imported when first needed: text-only runs and
    # worker processes do not pay for it
    if name == "extract_html":
        from sitrep.extract.html import extract_html

        return extract_html
    raise AttributeError(name)


def to_text(raw: RawDocument) -> str:
    """The raw document's text, decoded."""
    if raw.text is not None:
        return raw.text
    declared = html_declared_charset(raw.data) if raw.kind == "html" else None
    return decode_bytes(raw.data, declared)


def _merge(raw: RawDocument, ex: Extracted) -> Article:
    h = raw.hints
    body = ex.body.strip()
    title = h.title or ex.title
    if raw.kind != "article":
        # an extractor's own title is preferred for pages; hints (feed titles) fill gaps
        title = ex.title or h.title
    url = h.url or ex.url
    art = Article(
        id=raw.content_hash(),
        source=raw.source,
        url=url,
        outlet=ex.outlet or h.outlet or host_of(url),
        title=(title or None) and " ".join(title.split()),
        authors=ex.authors or list(h.authors or []),
        published=ex.published or h.published,
        language=h.language or ex.language or (detect_language(body) if body else None),
        body=body,
        kind=raw.kind,
        extractor=ex.extractor,
        removed=ex.removed,
    )
    if not body:
        art.error = f"{raw.source}: no article text found"
    return art


def extract_document(raw: RawDocument, stats: LineStats | None = None) -> Article:
    """Extract one raw document; never raises for bad input (the Article carries ``error``)."""
    if raw.error:
        return Article(id=raw.content_hash(), source=raw.source, url=raw.hints.url, error=raw.error, kind=raw.kind)
    try:
        if raw.kind == "article":
            text = raw.text or ""
            ex = Extracted(body=text, extractor="record")
            if "\n" in text and "\n\n" not in text:
                ex.body = "\n\n".join(p.strip() for p in text.splitlines() if p.strip())
        else:
            text = to_text(raw)
            if raw.kind == "html":
                from sitrep.extract.html import extract_html

                ex = extract_html(text, raw.hints)
            else:
                ex = extract_text(text, raw.hints, stats)
    except DecodeError as e:
        return Article(id=raw.content_hash(), source=raw.source, error=f"{raw.source}: {e}", kind=raw.kind)
    except Exception as e:  # an extractor bug must not stop a batch
        msg = f"{raw.source}: extraction failed ({type(e).__name__}: {e})".splitlines()[0]
        return Article(id=raw.content_hash(), source=raw.source, error=msg, kind=raw.kind)
    return _merge(raw, ex)
