"""RSS and Atom feeds (feedparser).

An entry that carries the article (``content:encoded`` / Atom ``content``, or a summary of at least
``FULL_CONTENT_MIN_CHARS`` characters) becomes an ``article`` document: the entry's HTML is turned
into plain paragraphs here (it is the article already, with no page boilerplate around it, so it
needs no boilerplate removal), and the entry's title, link, authors and date, and the feed's title
and language, become hints.  An entry with only a link is fetched (:mod:`sitrep.sources.web`,
robots.txt respected) when fetching is allowed, and otherwise recorded with an error that says so.

Each document's ``source`` is the feed path + ``#`` + the entry's id (its ``guid``/``id``, else its
link, else its position from 1).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from typing import Any

import feedparser

from sitrep.model import Hints, RawDocument

FULL_CONTENT_MIN_CHARS = 400
"""A content or summary at least this long (tags stripped) is taken as the article itself."""

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "section", "article", "figure", "figcaption", "table", "tr", "pre", "hr"}
_SKIP_TAGS = {"script", "style", "noscript", "iframe", "svg", "template"}


class _Paragraphs(HTMLParser):
    """Collects the text of an HTML fragment, one paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[str] = []
        self.buf: list[str] = []
        self.skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            self.paras.append(text)
        self.buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buf.append(data)


def html_to_paragraphs(html: str) -> str:
    """Plain text of an HTML fragment: block elements become paragraphs separated by a blank line.

    Text with no tags at all (an Atom ``type="text"`` content) keeps its own line breaks, blank
    lines marking paragraphs.
    """
    if not re.search(r"<[a-zA-Z/!]", html):
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", unescape(html))]
        return "\n\n".join(p for p in paras if p)
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.paras)


def _iso(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", struct)
    except (TypeError, ValueError):
        return None


def _plain_len(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).strip())


def read_feed(path: str, data: bytes, fetch: bool = True) -> Iterator[RawDocument]:
    """The documents of an RSS/Atom feed, one per entry, in feed order."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        msg = f"not a readable RSS/Atom feed ({str(why).splitlines()[0] if str(why) else type(why).__name__})" \
            if why else "feed has no entries"
        yield RawDocument(source=path, kind="html", error=f"{path}: {msg}")
        return
    feed = parsed.get("feed") or {}
    feed_title = feed.get("title") or None
    feed_lang = (feed.get("language") or "").split("-")[0].lower() or None
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
            language=feed_lang,
        )
        content = ""
        for c in e.get("content") or []:
            if len(c.get("value") or "") > len(content):
                content = c["value"]
        summary = e.get("summary") or ""
        if _plain_len(content) < FULL_CONTENT_MIN_CHARS and _plain_len(summary) >= FULL_CONTENT_MIN_CHARS:
            content = summary
        if content and _plain_len(content) >= FULL_CONTENT_MIN_CHARS:
            yield RawDocument(source=source, kind="article", text=html_to_paragraphs(content), hints=hints)
        elif hints.url and fetch:
            from sitrep.sources.web import fetch_url

            doc = fetch_url(hints.url, source=source)
            doc.hints = hints.model_copy(update={"crawled": doc.hints.crawled,
                                                 "url": doc.hints.url or hints.url})
            yield doc
        else:
            why = "no link to fetch" if not hints.url else "fetching is off"
            yield RawDocument(source=source, kind="html", hints=hints,
                              error=f"{source}: feed entry has no full text and {why}")
