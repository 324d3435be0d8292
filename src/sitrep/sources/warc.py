"""WARC and WET archives (warcio): response records are HTML pages, conversion records text dumps.

The record's target URI and date become hints (the URL, and the crawl date: a reference for
relative dates, never taken for the publication date).
A truncated or corrupt archive yields the records read so far and one error record naming the input.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.model import Hints, RawDocument

_HTML_TYPES = ("text/html", "application/xhtml")


def _iter_records(path: str, stream: IO[bytes]) -> Iterator[RawDocument]:
    n = 0
    try:
        for rec in ArchiveIterator(stream):
            rtype = rec.rec_type
            if rtype not in ("response", "conversion", "resource"):
                continue
            headers = rec.rec_headers
            url = headers.get_header("WARC-Target-URI")
            rid = (headers.get_header("WARC-Record-ID") or f"record-{n}").strip("<>")
            date = headers.get_header("WARC-Date")
            source = f"{path}#{rid}"
            hints = Hints(url=url, crawled=date or None)
            if rtype == "response":
                ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
                status = rec.http_headers.get_statuscode() if rec.http_headers else "200"
                if ctype and not any(t in ctype.lower() for t in _HTML_TYPES):
                    continue
                data = rec.content_stream().read()
                n += 1
                if status and not str(status).startswith("2"):
                    yield RawDocument(source=source, kind="html", hints=hints,
                                      error=f"{source}: HTTP status {status} in the archive, no page to read")
                    continue
                yield RawDocument(source=source, kind="html", data=data, hints=hints)
            else:
                data = rec.content_stream().read()
                n += 1
                ctype = headers.get_header("Content-Type") or ""
                kind = "html" if any(t in ctype.lower() for t in _HTML_TYPES) else "text"
                yield RawDocument(source=source, kind=kind, data=data, hints=hints)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        what = str(e).splitlines()[0] if str(e) else type(e).__name__
        yield RawDocument(source=path, kind="text",
                          error=f"{path}: truncated or corrupt archive after {n} records ({what}); "
                          "the records before it were kept")
        return
    if n == 0:
        yield RawDocument(source=path, kind="text", error=f"{path}: archive holds no page or text records")


def read_warc_file(path: str) -> Iterator[RawDocument]:
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield RawDocument(source=path, kind="text", error=f"{path}: cannot read ({e.strerror or e})")
        return
    with fh:
        yield from _iter_records(path, fh)


def read_warc_bytes(path: str, data: bytes) -> Iterator[RawDocument]:
    yield from _iter_records(path, io.BytesIO(data))
