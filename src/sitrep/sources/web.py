"""Fetching pages over HTTP (httpx): a timeout, a user agent, robots.txt respected.

Fetching never raises: a page that cannot be had becomes a RawDocument with an error that says
why (no network, refused by robots.txt, HTTP status, timeout).  ``SITREP_OFFLINE=1`` turns
fetching off.  Tests pass a mock ``transport``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from urllib import robotparser
from urllib.parse import urlsplit

import httpx

from sitrep import __version__
from sitrep.model import Hints, InputKind, RawDocument
from sitrep.sources.files import decode_declared

USER_AGENT = f"sitrep/{__version__} (+https://github.com/sitrep-news/sitrep; news analysis)"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_BYTES = 10 * 1024 * 1024

_transport: httpx.BaseTransport | None = None


def set_transport(transport: httpx.BaseTransport | None) -> None:
    """Swap the HTTP transport (a mock transport keeps tests hermetic)."""
    global _transport
    _transport = transport
    _robots.cache_clear()


def _client() -> httpx.Client:
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True,
                        transport=_transport)


@lru_cache(maxsize=256)
def _robots(base: str) -> robotparser.RobotFileParser | None:
    rp = robotparser.RobotFileParser()
    try:
        with _client() as c:
            r = c.get(base + "/robots.txt")
    except httpx.HTTPError:
        return None  # unreachable robots.txt: the page fetch will say what is wrong
    if r.status_code >= 400:
        rp.allow_all = True  # type: ignore[attr-defined]  # set by RobotFileParser.read() too
        return rp
    rp.parse(r.text.splitlines())
    return rp


def fetch_url(url: str, source: str | None = None) -> RawDocument:
    """Fetch one page; never raises (a page that cannot be had is a RawDocument with ``error``).

    Order of checks: ``SITREP_OFFLINE``, the URL scheme, the site's robots.txt (for sitrep's user
    agent), then the page itself, read as a stream and refused past ``MAX_BYTES``.  A charset in the
    response's ``Content-Type`` decodes the page; ``text/plain`` responses are text dumps.
    """
    source = source or url
    hints = Hints(url=url)
    if os.environ.get("SITREP_OFFLINE"):
        return RawDocument(source=source, kind="html", hints=hints,
                           error=f"{source}: not fetched (SITREP_OFFLINE is set)")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return RawDocument(source=source, kind="html", hints=hints, error=f"{source}: unsupported URL scheme")
    rp = _robots(f"{parts.scheme}://{parts.netloc}")
    if rp is not None and not rp.can_fetch(USER_AGENT, url):
        return RawDocument(source=source, kind="html", hints=hints, error=f"{source}: disallowed by robots.txt")
    try:
        with _client() as c, c.stream("GET", url) as r:
            if r.status_code >= 400:
                return RawDocument(source=source, kind="html", hints=hints, error=f"{source}: HTTP {r.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    return RawDocument(source=source, kind="html", hints=hints,
                                       error=f"{source}: page is over the {MAX_BYTES // 2**20} MB limit")
            data = b"".join(chunks)
    except httpx.TimeoutException:
        return RawDocument(source=source, kind="html", hints=hints, error=f"{source}: timed out")
    except httpx.HTTPError as e:
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        return RawDocument(source=source, kind="html", hints=hints, error=f"{source}: cannot fetch ({msg})")
    hints.url = str(r.url)
    hints.crawled = r.headers.get("date")
    ctype = r.headers.get("content-type", "")
    kind: InputKind = "text" if ctype.startswith("text/plain") else "html"
    if not data.strip():
        return RawDocument(source=source, kind=kind, hints=hints, error=f"{source}: empty response")
    text = decode_declared(data, ctype)
    if text is not None:
        return RawDocument(source=source, kind=kind, text=text, hints=hints)
    return RawDocument(source=source, kind=kind, data=data, hints=hints)
