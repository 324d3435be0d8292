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
    """Every file under the given paths, directories walked recursively in sorted order."""
    for p in paths:
        if p == "-" or "://" in p or not os.path.isdir(p):
            yield p
            continue
        found: list[str] = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
        yield from sorted(found)


def kind_by_name(path: str) -> Container | None:
    name = path.lower()
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
    if not data.startswith(b"\x1f\x8b"):
        return data
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(data, max_bytes + 1)
    if len(out) > max_bytes:
        raise _TooBig(len(out))
    if not d.eof:
        raise _Truncated()
    return out


class _TooBig(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


class _Truncated(Exception):
    pass


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
        kind = sniff(data)
    if force != "auto" and kind in ("html", "text"):
        kind = force
    if kind in ("html", "text"):
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

        yield from read_warc_bytes(path, data)


def _read_container_stream(path: str, kind: str, max_bytes: int) -> Iterator[RawDocument]:
    if kind == "warc":
        from sitrep.sources.warc import read_warc_file

        yield from read_warc_file(path)
        return
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:  # type: ignore[operator]
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
        authors=[str(a) for a in authors] if isinstance(authors, list) else None,
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


__all__ = ["DEFAULT_MAX_BYTES", "iter_raw", "read_path", "record_to_raw", "sniff", "walk"]


def _path_exists(p: str) -> bool:  # pragma: no cover - helper for the CLI
    return p == "-" or "://" in p or Path(p).exists()
