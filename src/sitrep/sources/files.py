"""Files and directories: walk, sniff the kind of each input, and read it into RawDocuments.

A path is walked recursively in sorted order.  Single-document files (``.txt``, ``.html``,
``.htm``, ``.html.gz``) become one RawDocument each; container files (JSON Lines, WARC/WET,
RSS/Atom) become one per record.  Nothing here raises for bad input: a file that cannot be read
yields a RawDocument with ``error`` set, naming the input, and the walk goes on.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from sitrep.extract.meta import decode_bytes, looks_binary
from sitrep.model import Hints, RawDocument

Container = Literal["html", "text", "jsonl", "warc", "feed"]
ForceKind = Literal["html", "text", "auto"]

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
"""Inputs bigger than this (after decompression for single pages) are refused with an error."""

_SINGLE_EXT = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
_CONTAINER_EXT = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".wet": "warc", ".arc": "warc",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def walk(paths: list[str]) -> Iterator[str]:
    """Every input under the given paths, directories walked recursively in sorted order.

    A path named explicitly is always yielded (its kind is sniffed if the name says nothing).  Inside a
    directory, hidden files and directories are skipped, and so are files whose extension is not an
    input format (``README.md``, ``make_examples.py``, images...): only the accepted extensions
    (``.txt``, ``.html``, ``.warc.gz``, ``.jsonl``, ``.xml``... see :func:`kind_by_name`) and files
    with no extension at all (sniffed) are taken.  Sorting is by the full path, so the order is the
    same on every machine.
    """
    for p in paths:
        if p == "-" or "://" in p or not os.path.isdir(p):
            yield p
            continue
        found: list[str] = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, f) for f in files if not f.startswith(".") and _walkable(f))
        yield from sorted(found)


def _walkable(name: str) -> bool:
    """Whether a file found in a directory walk is an input: a known extension, or none."""
    if kind_by_name(name) is not None:
        return True
    base = name[:-3] if name.lower().endswith(".gz") else name
    return "." not in base


def kind_by_name(path: str) -> Container | None:
    """The kind of an input from its file name (a ``.gz`` suffix is looked through), or None."""
    name = os.path.basename(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    ext = os.path.splitext(name)[1]
    kind = _SINGLE_EXT.get(ext) or _CONTAINER_EXT.get(ext)
    return kind  # type: ignore[return-value]


def sniff(data: bytes) -> Container:
    """The kind of a file from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        if b"<rss" in head or b"<feed" in head or b"<rdf" in head:
            return "feed"
        return "html"
    if head.startswith(b"<!doctype html") or b"<html" in head or b"<body" in head or b"<head" in head:
        return "html"
    return "text"


def _maybe_gunzip(path: str, data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data (every member of a multi-member file), refusing more than ``max_bytes``.

    Raises ``_Truncated`` when the last member ends early and ``_TooBig`` past the limit.
    A gzip-compressed WARC is returned as it is: warcio reads it member by member, which keeps the
    records before a damaged member.
    """
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 4096)
    except zlib.error:
        head = b""
    if kind_by_name(path) == "warc" or (kind_by_name(path) is None and sniff(head) == "warc"):
        return data
    parts: list[bytes] = []
    size = 0
    rest = data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(rest, max_bytes + 1 - size)
        size += len(out)
        parts.append(out)
        if size > max_bytes:
            raise _TooBig(size)
        if not d.eof:
            raise _Truncated()
        rest = d.unused_data.lstrip(b"\x00")
        if rest and not rest.startswith(b"\x1f\x8b"):
            break  # trailing garbage after the last member: ignored, as gzip(1) does
    return b"".join(parts)


class _TooBig(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


class _Truncated(Exception):
    pass


def utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 data that has no byte-order mark, or None when the data is not that.

    Method: in UTF-16 every character is two bytes, and text in one script has a nearly constant
    high byte (``0x00`` for ASCII, ``0x04`` for Cyrillic, ``0x06`` for Arabic...), so one of the two
    byte positions (odd bytes for little-endian, even for big-endian) takes very few distinct values,
    and holds some NUL bytes (spaces, digits and punctuation are ASCII).  The data is accepted when
    that holds on the first 4 KB and the decoded text is printable (no control characters other than
    whitespace).  Random binary data has ~256 distinct values at both positions, 8-bit text has no
    NUL bytes: neither passes.
    """
    head = data[:4096]
    if len(head) < 8 or any(head.startswith(b) for b in (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None
    if b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for high, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        counts = sorted((high.count(bytes([v])) for v in set(high)), reverse=True)
        if high.count(0) < 0.05 * len(high) or sum(counts[:4]) < 0.9 * len(high):
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:2048]
        bad = sum(1 for ch in sample if not ch.isprintable() and ch not in "\n\r\t\f\v")
        if bad <= 0.01 * len(sample):
            return text
    return None


def decode_declared(data: bytes, content_type: str | None) -> str | None:
    """Decode with the charset of an HTTP ``Content-Type`` header (``text/html; charset=windows-1251``).

    Returns None when no charset is declared, it is a UTF-8 one (the extractor's own decoding reads
    UTF-8 first anyway), or the data does not decode strictly with it.  The HTTP header outranks a
    ``<meta charset>`` in the page (as in browsers), which is why WARC and web sources use it.
    """
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", content_type, re.I)
    if not m:
        return None
    charset = m.group(1).lower()
    if charset.replace("-", "").replace("_", "") in ("utf8", "usascii", "ascii"):
        return None
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def _err(source: str, kind: Literal["html", "text", "article"], msg: str, url: str | None = None) -> RawDocument:
    return RawDocument(source=source, kind=kind, error=f"{source}: {msg}", hints=Hints(url=url))


def read_path(path: str, force: ForceKind = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """Read one input path (file, ``-`` for standard input, or URL) into raw documents."""
    if "://" in path and not os.path.exists(path):
        from sitrep.sources.web import fetch_url

        yield fetch_url(path)
        return
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            size = os.path.getsize(path)
            kind_guess = kind_by_name(path)
            if size > max_bytes and kind_guess not in ("warc", "jsonl"):
                yield _err(path, "text", f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                           "(raise it with --max-bytes)")
                return
            if kind_guess in ("warc", "jsonl"):
                yield from _read_container_stream(path, kind_guess, max_bytes)
                return
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        yield _err(path, "text", "no such file or directory")
        return
    except (IsADirectoryError, PermissionError, OSError) as e:
        yield _err(path, "text", f"cannot read ({e.strerror or e})")
        return
    if len(data) > max_bytes:
        yield _err(path, "text", f"input is over the {max_bytes / 1e6:.0f} MB limit (raise it with --max-bytes)")
        return
    try:
        data = _maybe_gunzip(path, data, max_bytes)
    except _TooBig as e:
        yield _err(path, "text", f"decompresses to over {e.size / 1e6:.0f} MB, over the limit (--max-bytes)")
        return
    except (_Truncated, zlib.error, EOFError):
        yield _err(path, "text", "truncated or corrupt gzip data")
        return
    if not data.strip():
        yield _err(path, "text", "empty input")
        return
    kind = kind_by_name(path) if path != "-" else None
    if kind is None:
        # still gzip after _maybe_gunzip: a compressed WARC, passed through for warcio
        kind = "warc" if data.startswith(b"\x1f\x8b") else sniff(data)
    if force != "auto" and kind in ("html", "text"):
        kind = force
    if kind in ("html", "text"):
        utf16 = utf16_without_bom(data)
        if utf16 is not None:
            # decoded here: the generic binary check would take BOM-less UTF-16 of a non-Latin script
            # (few NUL bytes) for binary data
            yield RawDocument(source=path, kind=kind, text=utf16)
            return
        if looks_binary(data):
            yield _err(path, kind, "binary data, not text or HTML")
            return
        yield RawDocument(source=path, kind=kind, data=data)
    elif kind == "feed":
        from sitrep.sources.feeds import read_feed

        yield from read_feed(path, data)
    elif kind == "jsonl":
        yield from _jsonl_records(path, iter(data.splitlines()))
    else:
        from sitrep.sources.warc import read_warc_bytes

        yield from read_warc_bytes(path, data, max_bytes)


def _read_container_stream(path: str, kind: str, max_bytes: int) -> Iterator[RawDocument]:
    """Container files read as a stream (never whole into memory): WARC/WET and JSON Lines."""
    if kind == "warc":
        from sitrep.sources.warc import read_warc_file

        yield from read_warc_file(path, max_bytes)
        return
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            yield from _jsonl_records(path, fh)
    except (OSError, EOFError, zlib.error) as e:
        yield _err(path, "article", f"truncated or unreadable ({type(e).__name__}); records before it were kept")


_TEXT_KEYS = ("text", "body", "content", "maintext", "article")
_HTML_KEYS = ("html", "raw_html")


def _first(rec: dict[str, object], keys: tuple[str, ...]) -> object:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", []):
            return v
    return None


def record_to_raw(source: str, rec: dict[str, object]) -> RawDocument:
    """A JSON object with an article (``text``/``body`` or ``html``) -> RawDocument."""
    authors = _first(rec, ("authors", "author", "byline"))
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.replace(" and ", ";").split(";") if a.strip()]
    outlet = _first(rec, ("outlet", "site_name", "sitename", "publisher", "source_name"))
    hints = Hints(
        url=str(_first(rec, ("url", "link", "uri")) or "") or None,
        title=str(_first(rec, ("title", "headline")) or "") or None,
        authors=[str(a.get("name") if isinstance(a, dict) else a) for a in authors
                 if a and (not isinstance(a, dict) or a.get("name"))] if isinstance(authors, list) else None,
        published=str(_first(rec, ("published", "date", "publish_date", "pubdate", "datePublished")) or "")
        or None,
        outlet=str(outlet) if isinstance(outlet, str) else None,
        language=str(_first(rec, ("language", "lang")) or "") or None,
    )
    html = _first(rec, _HTML_KEYS)
    if isinstance(html, str):
        return RawDocument(source=source, kind="html", data=html.encode("utf-8"), hints=hints)
    text = _first(rec, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return RawDocument(source=source, kind="article", error=f"{source}: record has no text, body or html field",
                           hints=hints)
    raw_kind = str(rec.get("kind") or rec.get("format") or "")
    kind: Literal["text", "article"] = "text" if raw_kind in ("dump", "text") else "article"
    return RawDocument(source=source, kind=kind, text=text, hints=hints)


def _jsonl_records(path: str, lines: Iterator[bytes]) -> Iterator[RawDocument]:
    n = 0
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        n += 1
        try:
            rec = json.loads(decode_bytes(line))
        except (json.JSONDecodeError, ValueError) as e:
            yield _err(f"{path}#{i}", "article", f"line {i} is not valid JSON ({str(e).splitlines()[0]})")
            continue
        if not isinstance(rec, dict):
            yield _err(f"{path}#{i}", "article", f"line {i} is not a JSON object")
            continue
        rid = rec.get("id")
        source = f"{path}#{rid}" if isinstance(rid, (str, int)) and str(rid) else f"{path}#{i}"
        yield record_to_raw(source, rec)
    if n == 0:
        yield _err(path, "article", "empty input (no JSON records)")


def iter_raw(paths: list[str], force: ForceKind = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """All raw documents of all inputs, in walk order."""
    for p in walk(paths):
        yield from read_path(p, force, max_bytes)


__all__ = ["DEFAULT_MAX_BYTES", "decode_declared", "iter_raw", "kind_by_name", "read_path", "record_to_raw", "sniff",
           "utf16_without_bom", "walk"]


def _path_exists(p: str) -> bool:  # pragma: no cover - helper for the CLI
    return p == "-" or "://" in p or Path(p).exists()
