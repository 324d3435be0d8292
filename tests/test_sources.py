"""Tests of the input sources (sitrep.sources): directory walk, kind sniffing, ``--as``, JSON Lines,
WARC/WET, RSS/Atom (with a mock HTTP transport), standard input, and the bundled example corpus.

Everything is hermetic: no network (link-only feed entries go through ``httpx.MockTransport``),
WARC files are written in the test with warcio, and the test sentences are written for these tests.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.sources import web
from sitrep.sources.feeds import html_to_paragraphs
from sitrep.sources.files import (
    decode_declared,
    iter_raw,
    kind_by_name,
    read_path,
    sniff,
    utf16_without_bom,
    walk,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"
EXAMPLES = ROOT / "examples"

ARTICLE_HTML = (
    "<html><head><title>Port strike ends</title></head><body><nav>Home | World</nav><article>"
    "<h1>Port strike ends</h1><p>Dock workers in the northern port returned to work on Tuesday after a"
    " nine-day strike over pay, the union said in a statement.</p><p>The port authority said it expected"
    " the backlog of container ships to be cleared by the end of the week.</p></article></body></html>"
)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ------------------------------------------------------------------------------------------- walk


def test_walk_is_recursive_sorted_and_skips_hidden_and_non_inputs(tmp_path: Path) -> None:
    for name in ["b.txt", "a.html", "sub/z.jsonl", "sub/deeper/c.warc.gz", "A_upper.txt", "page",
                 ".hidden.txt", ".git/x.txt", "README.md", "make.py", "photo.jpg", "notes.html.src"]:
        write(tmp_path / name, "x")
    got = [str(Path(p).relative_to(tmp_path)) for p in walk([str(tmp_path)])]
    assert got == ["A_upper.txt", "a.html", "b.txt", "page", "sub/deeper/c.warc.gz", "sub/z.jsonl"]


def test_walk_keeps_explicit_paths_in_the_order_given(tmp_path: Path) -> None:
    md = write(tmp_path / "notes.md", "An explicitly named file is read whatever its extension.")
    d = tmp_path / "d"
    write(d / "2.txt", "two")
    write(d / "1.txt", "one")
    got = list(walk([str(md), str(d), "-", "https://example.org/a"]))
    assert got == [str(md), str(d / "1.txt"), str(d / "2.txt"), "-", "https://example.org/a"]
    # the explicitly named .md file is read (sniffed as text)
    (doc,) = list(read_path(str(md)))
    assert doc.kind == "text" and doc.error is None


# ------------------------------------------------------------------------------------ kind sniffing


@pytest.mark.parametrize("name,kind", [
    ("a.txt", "text"), ("a.TXT", "text"), ("a.html", "html"), ("a.htm", "html"), ("a.html.gz", "html"),
    ("a.warc", "warc"), ("a.warc.gz", "warc"), ("a.wet.gz", "warc"), ("a.jsonl", "jsonl"),
    ("a.jsonl.gz", "jsonl"), ("a.xml", "feed"), ("a.rss", "feed"), ("a.atom", "feed"), ("a", None),
    ("a.md", None), ("dir.d/page", None),
])
def test_kind_by_name(name: str, kind: str | None) -> None:
    assert kind_by_name(name) == kind


@pytest.mark.parametrize("head,kind", [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    (b'\xef\xbb\xbf{"id": 1, "text": "x"}\n', "jsonl"),
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"<!DOCTYPE html><html><body>", "html"),
    (b"\n\n  <html lang='en'><head>", "html"),
    (b"Minister resigns\n\nThe minister resigned on Monday.", "text"),
])
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_extensionless_file_is_sniffed(tmp_path: Path) -> None:
    (doc,) = list(read_path(str(write(tmp_path / "page", ARTICLE_HTML))))
    assert doc.kind == "html"
    (doc,) = list(read_path(str(write(tmp_path / "dump", "Headline\n\nSome text of an article."))))
    assert doc.kind == "text"


def test_as_forces_the_kind_of_single_pages(tmp_path: Path) -> None:
    txt = write(tmp_path / "page.txt", ARTICLE_HTML)
    html = write(tmp_path / "dump.html", "Headline\n\nA plain text dump saved with the wrong name.")
    assert [d.kind for d in read_path(str(txt))] == ["text"]
    assert [d.kind for d in read_path(str(txt), force="html")] == ["html"]
    assert [d.kind for d in read_path(str(html), force="text")] == ["text"]
    # containers are not affected by --as
    jl = write(tmp_path / "a.jsonl", json.dumps({"id": "x", "text": "Some article text."}) + "\n")
    assert [d.kind for d in read_path(str(jl), force="html")] == ["article"]


def test_html_gz_is_decompressed(tmp_path: Path) -> None:
    p = write(tmp_path / "p.html.gz", gzip.compress(ARTICLE_HTML.encode(), mtime=0))
    (doc,) = list(read_path(str(p)))
    assert doc.kind == "html" and doc.data == ARTICLE_HTML.encode() and doc.error is None


# ------------------------------------------------------------------------------------- JSON Lines


def test_jsonl_records_and_field_aliases() -> None:
    path = str(FIXTURES / "aliases.jsonl")
    docs = list(read_path(path))
    assert [d.source for d in docs] == [f"{path}#rec-1", f"{path}#2", f"{path}#42", f"{path}#rec-4"]
    first, second, third, dump = docs
    assert first.kind == "article" and first.text and first.text.startswith("The city council voted")
    h = first.hints
    assert (h.title, h.url, h.published, h.outlet, h.language) == (
        "Council approves new tram line", "https://cityledger.example/tram", "2024-05-02", "City Ledger", "en")
    assert h.authors == ["Jonas Berg", "Mia Lind"]
    # an "html" field makes an HTML document, with the record's fields as hints
    assert second.kind == "html" and b"<article>" in second.data
    assert second.hints.url == "https://cityledger.example/museum"
    assert second.hints.authors == ["Ana Ruiz"] and second.hints.published == "2024-05-03T09:00:00+02:00"
    # integer ids and the "content" alias
    assert third.text and third.text.startswith("The old bridge") and third.hints.authors == ["Petra Novak"]
    # "kind": "dump" marks a raw text dump that still needs boilerplate removal
    assert dump.kind == "text"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"n{i}", "text": f"Article number {i} about a vote."}) + "\n"
                    for i in range(3))
    p = write(tmp_path / "batch.jsonl.gz", gzip.compress(lines.encode(), mtime=0))
    docs = list(read_path(str(p)))
    assert [d.source for d in docs] == [f"{p}#n0", f"{p}#n1", f"{p}#n2"]
    assert all(d.error is None for d in docs)


# ------------------------------------------------------------------------------------------- WARC


def _warc(records: list[tuple[str, str, bytes, str | None]], gz: bool = True) -> bytes:
    """A WARC holding (record type, URL, payload, HTTP content type or None for a non-HTTP record)."""
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gz)
    w.write_record(w.create_warcinfo_record("test.warc", {"software": "sitrep tests"}))
    for i, (rtype, url, payload, ctype) in enumerate(records):
        rid = f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>"
        headers = {"WARC-Record-ID": rid, "WARC-Date": "2024-05-06T07:08:09Z"}
        if rtype == "response":
            status = "404 Not Found" if "missing" in url else "200 OK"
            http = StatusAndHeaders(status, [("Content-Type", ctype or "text/html")], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(payload), length=len(payload),
                                       http_headers=http, warc_headers_dict=headers)
        else:
            rec = w.create_warc_record(url, rtype, payload=io.BytesIO(payload), length=len(payload),
                                       warc_content_type=ctype or "text/plain", warc_headers_dict=headers)
        w.write_record(rec)
    return out.getvalue()


CYRILLIC_HTML = ("<html><head><title>Переговоры</title></head><body><article><p>Министр заявил во вторник, что"
                 " переговоры были трудными.</p></article></body></html>")


def test_warc_responses_become_html_with_url_hint_and_record_source(tmp_path: Path) -> None:
    data = _warc([
        ("request", "https://news.example/a", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
         "application/http; msgtype=request"),
        ("response", "https://news.example/a", ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
        ("response", "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
        ("response", "https://news.example/missing", b"<html>Not found</html>", "text/html"),
        ("response", "https://news.example/ru", CYRILLIC_HTML.encode("cp1251"), "text/html; charset=windows-1251"),
        ("metadata", "https://news.example/a", b"outlinks: 3\r\n", "application/warc-fields"),
    ])
    p = write(tmp_path / "crawl.warc.gz", data)
    docs = list(read_path(str(p)))
    assert [d.source for d in docs] == [f"{p}#urn:uuid:00000000-0000-0000-0000-000000000001",
                                        f"{p}#urn:uuid:00000000-0000-0000-0000-000000000003",
                                        f"{p}#urn:uuid:00000000-0000-0000-0000-000000000004"]
    page, missing, ru = docs
    assert page.kind == "html" and page.error is None and page.data == ARTICLE_HTML.encode()
    assert page.hints.url == "https://news.example/a" and page.hints.crawled == "2024-05-06T07:08:09Z"
    assert missing.error and "404" in missing.error and str(p) in missing.error
    # the charset of the HTTP header decodes the page
    assert ru.text == CYRILLIC_HTML


def test_wet_conversion_records_become_text(tmp_path: Path) -> None:
    body = "Floods close mountain pass\n\nHeavy rain closed the pass on Sunday, police said."
    data = _warc([("conversion", "https://news.example/floods", body.encode(), "text/plain"),
                  ("conversion", "https://news.example/fire", b"Forest fire contained\n\nFirefighters said.",
                   "text/plain")], gz=False)
    p = write(tmp_path / "crawl.warc.wet", data)
    docs = list(read_path(str(p)))
    assert [d.kind for d in docs] == ["text", "text"]
    assert docs[0].data.decode() == body and docs[0].hints.url == "https://news.example/floods"
    assert docs[1].source.endswith("#urn:uuid:00000000-0000-0000-0000-000000000001")


def test_warc_sniffed_without_extension_and_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _warc([("response", "https://news.example/a", ARTICLE_HTML.encode(), "text/html")])
    p = write(tmp_path / "capture", data)
    assert [d.hints.url for d in read_path(str(p))] == ["https://news.example/a"]
    _stdin(monkeypatch, data)
    (doc,) = list(read_path("-"))
    assert doc.source == "-#urn:uuid:00000000-0000-0000-0000-000000000000" and doc.data == ARTICLE_HTML.encode()


# ------------------------------------------------------------------------------------------- feeds


FEED_BODY = " ".join(["The regional parliament passed the budget on Wednesday after a debate of nine hours."] * 6)


def _rss(items: list[str]) -> bytes:
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            "xmlns:content='http://purl.org/rss/1.0/modules/content/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
            "<channel><title>Valley Herald</title><link>https://valleyherald.example/</link><language>en-us</language>"
            + "".join(items) + "</channel></rss>").encode()


FULL_ITEM = ("<item><title>Budget passes after long debate</title><link>https://valleyherald.example/budget</link>"
             "<guid isPermaLink='false'>vh-1</guid><dc:creator>Rosa Almeida</dc:creator>"
             "<pubDate>Wed, 08 May 2024 18:30:00 +0200</pubDate><description>Short teaser.</description>"
             f"<content:encoded><![CDATA[<p>{FEED_BODY}</p><p>Opposition members said they would appeal "
             "to the constitutional court.</p>]]></content:encoded></item>")
LINK_ITEM = ("<item><title>Mayor opens new library</title><link>https://valleyherald.example/library</link>"
             "<guid>vh-2</guid><description>Read more on our site.</description></item>")


def test_rss_full_content_entries_are_articles(tmp_path: Path) -> None:
    p = write(tmp_path / "feed.xml", _rss([FULL_ITEM]))
    (doc,) = list(read_path(str(p)))
    assert doc.source == f"{p}#vh-1" and doc.kind == "article" and doc.error is None
    assert doc.text and doc.text.startswith("The regional parliament") and "\n\nOpposition members" in doc.text
    h = doc.hints
    assert (h.title, h.url, h.authors, h.outlet, h.language) == (
        "Budget passes after long debate", "https://valleyherald.example/budget", ["Rosa Almeida"],
        "Valley Herald", "en")
    assert h.published == "2024-05-08T16:30:00+00:00"


def test_atom_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_OFFLINE", "1")
    path = str(FIXTURES / "atom_entries.atom")
    full, link_only = list(read_path(path))
    assert full.source == f"{path}#urn:fjord-gazette:2024-0301" and full.kind == "article"
    assert full.text and "trackView" not in full.text and full.text.count("\n\n") == 2
    assert full.hints.authors == ["Ingrid Solberg"] and full.hints.outlet == "Fjord Gazette"
    assert full.hints.published == "2024-03-04T15:20:00+00:00"
    assert link_only.error and "SITREP_OFFLINE" in link_only.error and path in link_only.error


def test_html_to_paragraphs() -> None:
    assert html_to_paragraphs("<p>One &amp; two.</p><div>Three<br>four</div><style>x{}</style>") == \
        "One & two.\n\nThree\n\nfour"
    assert html_to_paragraphs("Plain first.\n\nPlain second.") == "Plain first.\n\nPlain second."


@pytest.fixture
def mock_web() -> Iterator[Callable[[Callable[[httpx.Request], httpx.Response]], list[str]]]:
    """Installs a mock HTTP transport; returns the list of requested URLs."""
    def install(handler: Callable[[httpx.Request], httpx.Response]) -> list[str]:
        seen: list[str] = []

        def wrapped(request: httpx.Request) -> httpx.Response:
            seen.append(str(request.url))
            return handler(request)

        web.set_transport(httpx.MockTransport(wrapped))
        return seen

    yield install
    web.set_transport(None)


def test_link_only_entry_is_fetched(tmp_path: Path, mock_web, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_OFFLINE", raising=False)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        assert request.headers["user-agent"].startswith("sitrep/")
        return httpx.Response(200, content=ARTICLE_HTML.encode(), headers={"content-type": "text/html"})

    seen = mock_web(handler)
    p = write(tmp_path / "feed.xml", _rss([FULL_ITEM, LINK_ITEM]))
    full, fetched = list(read_path(str(p)))
    assert full.kind == "article"
    assert fetched.source == f"{p}#vh-2" and fetched.error is None and fetched.kind == "html"
    assert fetched.data == ARTICLE_HTML.encode()
    assert fetched.hints.title == "Mayor opens new library" and fetched.hints.outlet == "Valley Herald"
    assert seen == ["https://valleyherald.example/robots.txt", "https://valleyherald.example/library"]


def test_robots_disallow_is_honoured(tmp_path: Path, mock_web, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_OFFLINE", raising=False)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: sitrep\nDisallow: /\n")
        raise AssertionError("a page disallowed by robots.txt was fetched")

    mock_web(handler)
    p = write(tmp_path / "feed.xml", _rss([LINK_ITEM]))
    (doc,) = list(read_path(str(p)))
    assert doc.error == f"{p}#vh-2: disallowed by robots.txt"


def test_network_failure_gives_an_error_record(tmp_path: Path, mock_web, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_OFFLINE", raising=False)

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Name or service not known", request=request)

    mock_web(handler)
    p = write(tmp_path / "feed.xml", _rss([LINK_ITEM, FULL_ITEM]))
    failed, full = list(read_path(str(p)))
    assert failed.error and failed.error.startswith(f"{p}#vh-2: cannot fetch") and "\n" not in failed.error
    assert full.error is None  # the feed goes on


def test_fetch_url_status_charset_and_size(mock_web, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_OFFLINE", raising=False)
    pages = {
        "/gone": httpx.Response(410),
        "/ru": httpx.Response(200, content=CYRILLIC_HTML.encode("cp1251"),
                              headers={"content-type": "text/html; charset=windows-1251"}),
        "/plain": httpx.Response(200, text="Headline\n\nBody text.", headers={"content-type": "text/plain"}),
        "/huge": httpx.Response(200, content=b"<p>" + b"x" * 4096 + b"</p>", headers={"content-type": "text/html"}),
    }
    mock_web(lambda r: httpx.Response(404) if r.url.path == "/robots.txt" else pages[r.url.path])
    assert web.fetch_url("https://n.example/gone").error == "https://n.example/gone: HTTP 410"
    assert web.fetch_url("https://n.example/ru").text == CYRILLIC_HTML
    assert web.fetch_url("https://n.example/plain").kind == "text"
    monkeypatch.setattr(web, "MAX_BYTES", 1024)
    err = web.fetch_url("https://n.example/huge").error
    assert err and "limit" in err
    assert web.fetch_url("ftp://n.example/file").error == "ftp://n.example/file: unsupported URL scheme"


def test_url_argument_is_fetched(mock_web, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_OFFLINE", raising=False)
    mock_web(lambda r: httpx.Response(404) if r.url.path == "/robots.txt"
             else httpx.Response(200, content=ARTICLE_HTML.encode(), headers={"content-type": "text/html"}))
    (doc,) = list(iter_raw(["https://n.example/story"]))
    assert doc.source == "https://n.example/story" and doc.data == ARTICLE_HTML.encode()


# ------------------------------------------------------------------------------------------- stdin


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("data,kind", [
    (ARTICLE_HTML.encode(), "html"),
    (b"Headline\n\nA text dump piped in.", "text"),
    (gzip.compress(ARTICLE_HTML.encode(), mtime=0), "html"),
])
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str) -> None:
    _stdin(monkeypatch, data)
    (doc,) = list(read_path("-"))
    assert doc.source == "-" and doc.kind == kind and doc.error is None


def test_stdin_jsonl_and_forced_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'{"id": "s1", "text": "Piped record text."}\n{"id": "s2", "text": "Another one."}\n')
    assert [d.source for d in read_path("-")] == ["-#s1", "-#s2"]
    _stdin(monkeypatch, ARTICLE_HTML.encode())
    assert [d.kind for d in read_path("-", force="text")] == ["text"]


# ------------------------------------------------------------------------------------------ helpers


def test_utf16_without_bom_detection() -> None:
    for text in ["Министр заявил, что переговоры были трудными.\n", "The talks were difficult, he said.\n",
                 "قال الوزير إن المحادثات كانت صعبة.\n"]:
        assert utf16_without_bom(text.encode("utf-16-le")) == text
        assert utf16_without_bom(text.encode("utf-16-be")) == text
    assert utf16_without_bom("Plain 8-bit text, no NUL bytes.".encode("latin-1")) is None
    assert utf16_without_bom(bytes(range(256)) * 8) is None
    assert utf16_without_bom("With a BOM".encode("utf-16")) is None  # the decoder's BOM rule handles that


def test_decode_declared() -> None:
    assert decode_declared("Зал".encode("cp1251"), "text/html; charset=windows-1251") == "Зал"
    assert decode_declared(b"abc", "text/html") is None
    assert decode_declared(b"abc", "text/html; charset=utf-8") is None
    assert decode_declared(b"\xff\xfe", "text/html; charset=no-such-charset") is None


# --------------------------------------------------------------------------------- example corpus


def _load_make_examples():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up while being defined
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.modules.pop(spec.name, None)
    return mod


def test_example_binaries_are_reproducible_from_their_sources() -> None:
    built = _load_make_examples().build_all()
    assert set(built) == {"northline-crawl.warc.gz", "sahelobserver-ecowas-niger-ultimatum.html.gz"}
    for name, data in built.items():
        assert (EXAMPLES / name).read_bytes() == data, f"{name} is stale: run examples/make_examples.py"


def test_example_corpus_reads_in_every_form(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_OFFLINE", "1")
    docs = list(iter_raw([str(EXAMPLES)]))
    names = {Path(d.source.split("#")[0]).name for d in docs}
    assert "README.md" not in names and "make_examples.py" not in names
    assert not any("/sources/" in d.source for d in docs)
    kinds = sorted(d.kind for d in docs if not d.error)
    assert kinds.count("text") >= 5 and kinds.count("html") >= 6 and kinds.count("article") >= 5
    errors = [d for d in docs if d.error]
    assert len(errors) == 1 and "SITREP_OFFLINE" in (errors[0].error or "")  # the link-only feed item
    assert len(docs) - len(errors) >= 14
    assert sum(p.stat().st_size for p in EXAMPLES.rglob("*") if p.is_file()) < 300_000
