"""RSS and Atom feeds (feedparser).

An entry that carries the article (``content:encoded`` / Atom ``content``, or a long summary) becomes
an HTML document with the entry's title, link, authors and date as hints.  An entry with only a
link is fetched (:mod:`sitrep.sources.web`) when fetching is allowed, and otherwise recorded with
an error that says so.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from sitrep.model import Hints, RawDocument

FULL_CONTENT_MIN_CHARS = 400
"""A summary at least this long (tags stripped) is taken as the article itself."""


def _iso(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", struct)
    except (TypeError, ValueError):
        return None


def _plain_len(html: str) -> int:
    import re

    return len(re.sub(r"<[^>]+>", " ", html).strip())


def read_feed(path: str, data: bytes, fetch: bool = True) -> Iterator[RawDocument]:
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        msg = f"not a readable RSS/Atom feed ({why})" if why else "feed has no entries"
        yield RawDocument(source=path, kind="html", error=f"{path}: {msg}")
        return
    feed_title = (parsed.get("feed") or {}).get("title")
    for i, e in enumerate(entries, 1):
        eid = e.get("id") or e.get("link") or str(i)
        source = f"{path}#{eid}"
        authors = [a.get("name") for a in e.get("authors") or [] if a.get("name")] or (
            [e["author"]] if e.get("author") else None)
        hints = Hints(
            url=e.get("link"),
            title=e.get("title"),
            authors=authors,
            published=_iso(e.get("published_parsed") or e.get("updated_parsed")),
            outlet=feed_title,
        )
        content = ""
        for c in e.get("content") or []:
            if len(c.get("value") or "") > len(content):
                content = c["value"]
        summary = e.get("summary") or ""
        if _plain_len(content) < FULL_CONTENT_MIN_CHARS and _plain_len(summary) >= FULL_CONTENT_MIN_CHARS:
            content = summary
        if content and _plain_len(content) >= FULL_CONTENT_MIN_CHARS:
            html = f"<html><head><title>{hints.title or ''}</title></head><body><article>{content}</article></body></html>"
            yield RawDocument(source=source, kind="html", data=html.encode("utf-8"), hints=hints)
        elif hints.url and fetch:
            from sitrep.sources.web import fetch_url

            doc = fetch_url(hints.url, source=source)
            doc.hints = hints.model_copy(update={"crawled": doc.hints.crawled})
            yield doc
        else:
            yield RawDocument(source=source, kind="html", hints=hints,
                              error=f"{source}: feed entry has no content and no link to fetch")
