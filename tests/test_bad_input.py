"""Bad input: every damaged or odd input gives one clear, one-line error naming the input in its
output record, and the batch goes on; inputs that are only oddly encoded are decoded, not refused.

Tested through :func:`sitrep.pipeline.extract_paths` (the library path) and through the CLI
(typer's ``CliRunner`` and one subprocess for standard input).  All inputs are written by the tests.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.cli import app
from sitrep.model import Article
from sitrep.pipeline import extract_paths

GOOD_TEXT = (
    "Lake ferry service resumes after storm\n\n"
    "The ferry service across the lake resumed on Thursday morning after two days of suspension caused by "
    "strong winds, the operator said in a statement.\n\n"
    "Passengers had been stranded on both shores, and the regional government had organised buses to take "
    "them around the lake. A spokeswoman for the operator said all crossings would run to the normal "
    "timetable from Friday.\n\n"
    "Local businesses on the eastern shore said the interruption had cost them a busy weekend of visitors.\n"
)

GOOD_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Council backs new cycle lanes</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Council backs new cycle lanes</h1>"
    "<p>The city council approved a plan on Monday to build eleven kilometres of protected cycle lanes over "
    "the next three years, after a debate that lasted most of the afternoon.</p>"
    "<p>The deputy mayor for transport said the first section, along the river embankment, would open before "
    "the summer. Opposition councillors said the plan would worsen congestion for delivery vans.</p>"
    "<p>According to the council's own survey, six in ten residents support the project.</p>"
    "</article><footer>Copyright City Paper</footer></body></html>"
)

LATIN1_TEXT = (
    "Außenminister warnt vor Eskalation\n\n"
    "Der Außenminister erklärte am Dienstag in Berlin, die Gespräche über die Grenzfrage seien schwierig "
    "gewesen. Ein Sprecher des Ministeriums bestätigte später, dass eine zweite Runde für März geplant sei.\n\n"
    "Über die Einzelheiten wurde Stillschweigen vereinbart, hieß es aus Kreisen der Delegation in Zürich.\n"
)
CP1251_TEXT = (
    "Министр предупредил об эскалации\n\n"
    "Министр иностранных дел заявил во вторник, что переговоры о границе были трудными. Представитель "
    "министерства позже подтвердила, что второй раунд запланирован на март.\n\n"
    "Подробности не раскрываются, сообщили источники в делегации.\n"
)


def run(paths: list[Path], **kw: object) -> list[Article]:
    return list(extract_paths([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def by_source(arts: list[Article]) -> dict[str, Article]:
    return {a.source: a for a in arts}


def assert_error(art: Article, path: Path | str, *words: str) -> None:
    """One clear one-line error that names the input, and no body."""
    assert art.error, f"{art.source}: expected an error"
    assert str(path) in art.error and "\n" not in art.error
    assert art.body == ""
    for w in words:
        assert w in art.error.lower(), f"{w!r} not in {art.error!r}"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def warc_bytes(pages: int, gz: bool = True) -> bytes:
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gz)
    w.write_record(w.create_warcinfo_record("t.warc", {"software": "sitrep tests"}))
    for i in range(pages):
        html = GOOD_HTML.replace("eleven", f"{i + 11}").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(
            f"https://citypaper.example/{i}", "response", payload=io.BytesIO(html), length=len(html),
            http_headers=http, warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>"}))
    return out.getvalue()


def gzip_members(data: bytes) -> list[int]:
    """Start offsets of the gzip members of a multi-member file, and its end."""
    import zlib

    offsets, pos = [0], 0
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
        offsets.append(pos)
    return offsets


# ------------------------------------------------------------------------- one batch, many problems


@pytest.fixture
def batch(tmp_path: Path) -> tuple[Path, list[Article]]:
    d = tmp_path / "in"
    write(d / "01-good.txt", GOOD_TEXT)
    write(d / "02-empty.txt", b"")
    write(d / "03-blank.html", b" \n\t\n")
    write(d / "04-binary.txt", bytes(range(256)) * 16)
    write(d / "05-truncated.html.gz", gzip.compress(GOOD_HTML.encode() * 4, mtime=0)[:300])
    write(d / "06-not-gzip.html.gz", b"\x1f\x8b\x08\x00garbage that is not deflate data at all")
    write(d / "07-bad.jsonl", '{"id": "ok", "text": "A valid record about a council vote on Monday."}\n'
                              '{"id": "broken", "text": \n[1, 2, 3]\n{"id": "notext", "title": "No body"}\n')
    write(d / "08-empty.jsonl", b"\n\n")
    write(d / "09-empty.warc.gz", b"")
    write(d / "10-not-a-feed.xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>Empty</title>"
                                   "</channel></rss>")
    write(d / "11-good.html", GOOD_HTML)
    arts = run([d])
    return d, arts


def test_batch_goes_on_past_every_bad_input(batch: tuple[Path, list[Article]]) -> None:
    d, arts = batch
    got = by_source(arts)
    # every input is accounted for, in walk order, and the good ones are extracted
    assert arts[0].source == str(d / "01-good.txt") and arts[-1].source == str(d / "11-good.html")
    for good in ("01-good.txt", "11-good.html"):
        a = got[str(d / good)]
        assert a.error is None and a.body, good
    assert "ferry service" in got[str(d / "01-good.txt")].body
    assert "cycle lanes" in got[str(d / "11-good.html")].body


@pytest.mark.parametrize("name,words", [
    ("02-empty.txt", ["empty"]),
    ("03-blank.html", ["empty"]),
    ("04-binary.txt", ["binary"]),
    ("05-truncated.html.gz", ["truncated"]),
    ("06-not-gzip.html.gz", ["gzip"]),
    ("08-empty.jsonl", ["empty"]),
    ("09-empty.warc.gz", ["empty"]),
    ("10-not-a-feed.xml", ["entries"]),
])
def test_bad_input_error(batch: tuple[Path, list[Article]], name: str, words: list[str]) -> None:
    d, arts = batch
    (a,) = [a for a in arts if a.source.split("#")[0] == str(d / name)]
    assert_error(a, d / name, *words)


def test_invalid_jsonl_lines(batch: tuple[Path, list[Article]]) -> None:
    d, arts = batch
    p = d / "07-bad.jsonl"
    got = by_source(arts)
    assert got[f"{p}#ok"].error is None and "council vote" in got[f"{p}#ok"].body
    assert_error(got[f"{p}#2"], p, "line 2", "not valid json")
    assert_error(got[f"{p}#3"], p, "line 3", "not a json object")
    assert_error(got[f"{p}#notext"], p, "no text")


# ------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("name,data,expect", [
    ("latin1.txt", LATIN1_TEXT.encode("latin-1"), "Außenminister erklärte am Dienstag"),
    ("cp1252.txt", LATIN1_TEXT.encode("cp1252"), "Gespräche über die Grenzfrage"),
    ("cp1251.txt", CP1251_TEXT.encode("cp1251"), "Министр иностранных дел заявил"),
    ("utf16-bom.txt", CP1251_TEXT.encode("utf-16"), "Министр иностранных дел заявил"),
    ("utf16le-nobom.txt", CP1251_TEXT.encode("utf-16-le"), "Министр иностранных дел заявил"),
    ("utf16be-nobom.txt", LATIN1_TEXT.encode("utf-16-be"), "Außenminister erklärte am Dienstag"),
    ("utf16le-nobom-en.txt", GOOD_TEXT.encode("utf-16-le"), "ferry service across the lake"),
    ("utf8-bom.txt", b"\xef\xbb\xbf" + CP1251_TEXT.encode("utf-8"), "Министр иностранных дел заявил"),
])
def test_encodings_are_detected_and_decoded(tmp_path: Path, name: str, data: bytes, expect: str) -> None:
    (a,) = run([write(tmp_path / name, data)])
    assert a.error is None, a.error
    assert expect in a.body
    assert "\ufffd" not in a.body and "\x00" not in a.body


def test_html_with_declared_legacy_charset(tmp_path: Path) -> None:
    html = GOOD_HTML.replace("<meta charset='utf-8'>", "<meta charset='windows-1251'>").replace(
        "Opposition councillors", "Депутаты оппозиции")
    (a,) = run([write(tmp_path / "page.html", html.encode("cp1251"))])
    assert a.error is None and "Депутаты оппозиции" in a.body


# ---------------------------------------------------------------------------------- truncated WARC


def test_truncated_gzip_warc_keeps_records_before_the_cut(tmp_path: Path) -> None:
    data = warc_bytes(3)
    offs = gzip_members(data)  # warcinfo, page 0, page 1, page 2
    p = write(tmp_path / "cut.warc.gz", data[: offs[3] + 40])  # cut inside the last page's member
    arts = run([p])
    assert [a.error is None for a in arts] == [True, True, False]
    assert arts[0].source == f"{p}#urn:uuid:00000000-0000-0000-0000-000000000000"
    assert "cycle lanes" in arts[1].body
    assert_error(arts[2], p, "truncated", "records before it were kept")


def test_truncated_plain_warc_reports_the_cut_record(tmp_path: Path) -> None:
    data = warc_bytes(3, gz=False)
    cut = data.rfind(b"<p>According")  # inside the last page's HTML
    p = write(tmp_path / "cut.warc", data[:cut])
    arts = run([p])
    assert [a.error is None for a in arts] == [True, True, False]
    assert_error(arts[2], p, "truncated", "cut off")


def test_garbage_warc(tmp_path: Path) -> None:
    p = write(tmp_path / "junk.warc.gz", b"this is not an archive\n" * 20)
    (a,) = run([p])
    assert_error(a, p)


# ----------------------------------------------------------------------------------- other cases


@pytest.mark.xfail(reason="extract/html.py keeps a page's navigation text as the body (trafilatura fallback): "
                   "a page with no article should end with an error 'no article text found'", strict=False)
def test_html_without_an_article(tmp_path: Path) -> None:
    html = ("<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
            "</nav><form><input name='user'><input type='password' name='pw'><button>Sign in</button></form>"
            "<footer>Terms | Privacy</footer></body></html>")
    (a,) = run([write(tmp_path / "login.html", html)])
    assert_error(a, tmp_path / "login.html", "no article")


def test_size_limit(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", GOOD_TEXT * 20)
    small = write(tmp_path / "small.txt", GOOD_TEXT)
    big_gz = write(tmp_path / "bomb.html.gz", gzip.compress(GOOD_HTML.encode() * 30, mtime=0))
    arts = run([big, small, big_gz], max_bytes=4000)
    assert_error(arts[0], big, "--max-bytes")
    assert arts[1].error is None
    assert_error(arts[2], big_gz, "--max-bytes")  # the limit applies after decompression


def test_size_limit_applies_to_warc_records(tmp_path: Path) -> None:
    p = write(tmp_path / "a.warc.gz", warc_bytes(2))
    arts = run([p], max_bytes=500)
    assert len(arts) == 2
    for a in arts:
        assert_error(a, p, "--max-bytes")


def test_missing_path(tmp_path: Path) -> None:
    (a,) = run([tmp_path / "nope.txt"])
    assert_error(a, tmp_path / "nope.txt", "no such file")


def test_duplicate_inputs_are_both_extracted_with_the_same_id(tmp_path: Path) -> None:
    one = write(tmp_path / "a" / "story.txt", GOOD_TEXT)
    two = write(tmp_path / "b" / "copy-of-story.txt", GOOD_TEXT)
    a, b = run([tmp_path])
    assert (a.source, b.source) == (str(one), str(two))
    assert a.error is None and b.error is None and a.body == b.body
    assert a.id == b.id


# -------------------------------------------------------------------------------------------- CLI


def test_cli_batch_with_bad_inputs(tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "a-good.html", GOOD_HTML)
    write(d / "b-empty.txt", b"")
    write(d / "c-binary.txt", bytes(range(256)) * 16)
    write(d / "d-bad.jsonl", "not json\n")
    write(d / "e-big.txt", GOOD_TEXT * 30)
    write(d / "f-good.txt", GOOD_TEXT)
    res = CliRunner().invoke(app, ["extract", str(d), "--jsonl", "--max-bytes", "5000"])
    assert res.exit_code == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [Path(r["source"].split("#")[0]).name for r in rows] == [
        "a-good.html", "b-empty.txt", "c-binary.txt", "d-bad.jsonl", "e-big.txt", "f-good.txt"]
    ok = [r["error"] is None for r in rows]
    assert ok == [True, False, False, False, False, True]
    for r in rows:
        if r["error"]:
            assert r["error"].startswith(r["source"]) and "\n" not in r["error"] and r["body"] == ""
    assert "4 errors" in res.stderr
    assert "error" in res.stderr and str(d / "b-empty.txt") in res.stderr


def test_cli_stdin_subprocess(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "sitrep", "extract", "-", "--jsonl"],
                          input=CP1251_TEXT.encode("utf-16-le"), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    (row,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert row["source"] == "-" and row["error"] is None and "переговоры о границе" in row["body"]
    proc = subprocess.run([sys.executable, "-m", "sitrep", "extract", "-", "--jsonl"],
                          input=b"", capture_output=True, timeout=120)
    assert proc.returncode == 0
    (row,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert row["source"] == "-" and row["error"] == "-: empty input"
