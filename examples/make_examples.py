"""Build the binary files of the example corpus from the text sources in ``examples/sources/``.

Run from anywhere::

    .venv/bin/python examples/make_examples.py          # (re)write the binaries next to this script
    .venv/bin/python examples/make_examples.py --check  # exit 1 if a committed binary is out of date

What it writes:

- ``sahelobserver-ecowas-niger-ultimatum.html.gz``: one HTML page, gzip-compressed;
- ``northline-crawl.warc.gz``: a small crawl written with warcio's ``WARCWriter``: one ``warcinfo``
  record, then for each of three news pages a ``request`` and a ``response`` record (HTTP headers
  plus the HTML), and a ``response`` for a ``robots.txt`` (``text/plain``, which sitrep skips).

The output is byte-for-byte reproducible: record ids and dates are fixed (derived from the page URL,
not random), and gzip members carry no timestamp, so that running the script twice gives the same
files and a test can check that the committed binaries match their sources.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


@dataclass(frozen=True)
class Page:
    """One page of the crawl: its source file, URL and when the crawler fetched it."""

    source: str
    url: str
    fetched: str  # WARC-Date, ISO 8601 UTC
    content_type: str = "text/html; charset=utf-8"


CRAWL: tuple[Page, ...] = (
    Page("warc-pacificcourier-beijing-not-aware.html.src",
         "https://www.pacificcourier.example/china/article/3223101/beijing-not-aware-cuba-eavesdropping-plan",
         "2023-06-10T02:14:09Z"),
    Page("warc-eastgate-zelensky-not-our-missile.html.src",
         "https://eastgate-independent.example/news/zelensky-no-doubt-missile-not-ukrainian",
         "2022-11-17T06:40:51Z"),
    Page("warc-sahelobserver-mali-burkina-warning.html.src",
         "https://www.sahelobserver.example/en/security/2023/07/31/mali-burkina-niger-warning.html",
         "2023-08-01T11:02:37Z"),
)
ROBOTS = Page("", "https://www.sahelobserver.example/robots.txt", "2023-08-01T11:02:30Z",
              "text/plain; charset=utf-8")
ROBOTS_TXT = b"User-agent: *\nDisallow: /admin/\n"

HTML_GZ = (("sahelobserver-ecowas-niger-ultimatum.html.src", "sahelobserver-ecowas-niger-ultimatum.html.gz"),)
WARC_NAME = "northline-crawl.warc.gz"


def _record_id(*parts: str) -> str:
    """A stable WARC-Record-ID (a UUID derived from the given strings, not a random one)."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}>"


def _http_date(iso: str) -> str:
    from datetime import datetime

    dt = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    return dt.strftime("%a, %d %b %Y %H:%M:%S GMT")


def build_warc() -> bytes:
    """The crawl as gzip-compressed WARC bytes (one gzip member per record, as warcio writes them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = (b"software: sitrep examples/make_examples.py\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: a small crawl of news pages written for the sitrep examples\r\n")
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info), warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": _record_id("warcinfo", WARC_NAME),
                           "WARC-Date": "2023-08-01T11:00:00Z", "WARC-Filename": WARC_NAME}))

    pages: list[tuple[Page, bytes]] = [(p, (SOURCES / p.source).read_bytes()) for p in CRAWL]
    pages.append((ROBOTS, ROBOTS_TXT))
    for page, body in pages:
        path = "/" + page.url.split("/", 3)[3]
        host = page.url.split("/")[2]
        req = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: northline-crawler/1.0\r\n\r\n".encode()
        req_id = _record_id("request", page.url, page.fetched)
        writer.write_record(writer.create_warc_record(
            page.url, "request", payload=io.BytesIO(req), length=len(req),
            warc_content_type="application/http; msgtype=request",
            warc_headers_dict={"WARC-Record-ID": req_id, "WARC-Date": page.fetched}))
        http = StatusAndHeaders("200 OK", [
            ("Content-Type", page.content_type),
            ("Content-Length", str(len(body))),
            ("Date", _http_date(page.fetched)),
        ], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            page.url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict={"WARC-Record-ID": _record_id("response", page.url, page.fetched),
                               "WARC-Date": page.fetched, "WARC-Concurrent-To": req_id}))
    return out.getvalue()


def build_html_gz(source: str) -> bytes:
    """One source page gzip-compressed with no file name and a zero timestamp (reproducible)."""
    return gzip.compress((SOURCES / source).read_bytes(), compresslevel=9, mtime=0)


def build_all() -> dict[str, bytes]:
    """Every binary file of the corpus, by file name."""
    files = {name: build_html_gz(src) for src, name in HTML_GZ}
    files[WARC_NAME] = build_warc()
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the committed binaries are up to date")
    ap.add_argument("--out", type=Path, default=HERE, help="where to write (default: next to this script)")
    args = ap.parse_args(argv)
    stale = 0
    for name, data in build_all().items():
        target = args.out / name
        digest = hashlib.sha256(data).hexdigest()[:12]
        if args.check:
            same = target.exists() and target.read_bytes() == data
            stale += not same
            print(f"{'ok   ' if same else 'STALE'} {name} ({len(data)} bytes, sha256 {digest})")
        else:
            target.write_bytes(data)
            print(f"wrote {target} ({len(data)} bytes, sha256 {digest})")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
