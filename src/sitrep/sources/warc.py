"""WARC and WET archives (warcio): response records are HTML pages, conversion records text dumps.

The record's target URI and date become hints (the URL, and the crawl date: a reference for
relative dates, never taken for the publication date).  Each document's ``source`` is the archive
path + ``#`` + the record id (``crawl.warc.gz#urn:uuid:...``).

Which records are read:

- ``response`` with an HTML content type (or none): an HTML page; a non-2xx HTTP status becomes an
  error record; other content types (images, ``robots.txt``, JSON) are skipped;
- ``conversion`` (WET) and ``resource`` records: text (or HTML when their content type says so);
- ``warcinfo``, ``request``, ``metadata``, ``revisit``: skipped.

A charset declared in the HTTP ``Content-Type`` header is used to decode the page (it outranks the
page's own ``<meta charset>``).  A record bigger than ``max_bytes`` becomes an error record.

Bad archives never stop a batch: a truncated or corrupt archive yields the records read before the
damage and then one error record naming the input (a record cut off in the middle is reported, not
passed on half-read).  Truncation is detected three ways: warcio raising, a record whose block is
shorter than its ``Content-Length``, and a gzip member that ends before its end-of-stream marker.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from sitrep.model import Hints, InputKind, RawDocument
from sitrep.sources.files import DEFAULT_MAX_BYTES, decode_declared

_HTML_TYPES = ("text/html", "application/xhtml")


class _WatchedIterator(ArchiveIterator):
    """warcio's iterator, noting whether the last gzip member was complete when the stream ended."""

    truncated_gzip = False

    def close(self) -> None:
        reader: Any = getattr(self, "reader", None)
        decomp = getattr(reader, "decompressor", None) if reader is not None else None
        if decomp is not None and getattr(reader, "decomp_type", None) == "gzip":
            self.truncated_gzip = not decomp.eof
        super().close()


def _head(stream: IO[bytes]) -> bytes:
    """The first bytes of the (decompressed) stream; the stream is rewound."""
    raw = stream.read(65536)
    stream.seek(0)
    if raw.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 4096)
        except zlib.error:
            return b""
    return raw[:4096]


def _looks_like_archive(stream: IO[bytes]) -> bool:
    """A WARC (``WARC/1.x``) or legacy ARC (``filedesc://``) header at the start.

    Checked first because warcio reads any text as ARC records (each line a header) without
    complaint, which would turn a stray file into a stream of bogus documents.
    """
    head = _head(stream).lstrip(b"\r\n")
    return head.startswith(b"WARC/") or head.startswith(b"filedesc://")


def _nonempty(stream: IO[bytes]) -> bool:
    empty = not stream.read(1)
    stream.seek(0)
    return not empty


def _cut_short(rec: Any) -> bool:
    """True when the record's block ended before its declared length (the archive was cut)."""
    return int(getattr(rec.raw_stream, "limit", 0) or 0) > 0


def _iter_records(path: str, stream: IO[bytes], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    n = 0

    def damaged(what: str) -> RawDocument:
        return RawDocument(source=path, kind="text",
                           error=f"{path}: truncated or corrupt archive after {n} records ({what}); "
                           "the records before it were kept")

    if not _looks_like_archive(stream):
        yield RawDocument(source=path, kind="text", error=f"{path}: not a WARC/WET archive (no WARC header)"
                          if _nonempty(stream) else f"{path}: empty input")
        return
    it = _WatchedIterator(stream)
    try:
        for rec in it:
            rtype = rec.rec_type
            if rtype not in ("response", "conversion", "resource"):
                continue
            headers = rec.rec_headers
            url = headers.get_header("WARC-Target-URI")
            rid = (headers.get_header("WARC-Record-ID") or f"record-{n + 1}").strip("<>")
            date = headers.get_header("WARC-Date")
            source = f"{path}#{rid}"
            hints = Hints(url=url, crawled=date or None)
            if rtype == "response":
                http = rec.http_headers
                ctype = (http.get_header("Content-Type") or "") if http else ""
                status = http.get_statuscode() if http else "200"
                if ctype and not any(t in ctype.lower() for t in _HTML_TYPES):
                    continue
                kind: InputKind = "html"
            else:
                ctype = headers.get_header("Content-Type") or ""
                status = "200"
                kind = "html" if any(t in ctype.lower() for t in _HTML_TYPES) else "text"
            data = rec.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                n += 1
                yield RawDocument(source=source, kind=kind, hints=hints,
                                  error=f"{source}: record is over the {max_bytes / 1e6:.0f} MB limit "
                                  "(raise it with --max-bytes)")
                continue
            if _cut_short(rec):
                yield damaged(f"record {rid} is cut off")
                return
            n += 1
            if status and not str(status).startswith("2"):
                yield RawDocument(source=source, kind=kind, hints=hints,
                                  error=f"{source}: HTTP status {status} in the archive, no page to read")
                continue
            text = decode_declared(data, ctype)
            if text is not None:
                yield RawDocument(source=source, kind=kind, text=text, hints=hints)
            else:
                yield RawDocument(source=source, kind=kind, data=data, hints=hints)
    except Exception as e:  # warcio raises many types on damaged input (ArchiveLoadFailed, zlib.error, TypeError)
        what = str(e).splitlines()[0] if str(e) else type(e).__name__
        yield damaged(what)
        return
    if it.truncated_gzip:
        yield damaged("the last gzip member ends early")
        return
    if n == 0:
        yield RawDocument(source=path, kind="text", error=f"{path}: archive holds no page or text records")


def read_warc_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """The documents of a WARC/WET file on disk, read as a stream (gzip or not)."""
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield RawDocument(source=path, kind="text", error=f"{path}: cannot read ({e.strerror or e})")
        return
    with fh:
        yield from _iter_records(path, fh, max_bytes)


def read_warc_bytes(path: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """The documents of a WARC/WET archive held in memory (standard input, or a sniffed file)."""
    yield from _iter_records(path, io.BytesIO(data), max_bytes)
