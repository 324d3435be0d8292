"""Ingest through the service and the CLI: idempotence, errors in the store, crash safety."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep import service
from sitrep.cli import app
from sitrep.store import open_store

PAGE = """<html><head><title>Harbour strike enters second week | Coast Post</title>
<meta property="og:site_name" content="Coast Post"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour strike enters second week</h1>
<p>Dock workers in the port city kept their picket lines on Monday as talks with the port authority stalled
for a sixth day, union leaders told reporters outside the terminal gates.</p>
<p>The authority said in a statement that it had offered a wage rise of four percent and accused the union of
refusing to negotiate. The union denied that, saying no written offer had ever reached its negotiators.</p>
<p>Shipping agents warned that container traffic could shift to rival ports if the dispute dragged on into
the next month, with several lines already rerouting vessels.</p>
</article><footer>Copyright Coast Post</footer></body></html>"""

DUMP = """Menu
World
Farm ministers agree on drought fund

By Mira Holm

The agriculture ministers of four neighbouring states agreed on Thursday to pool money for farmers hit by the
summer drought, according to a joint communique released after their meeting.

The fund will start with contributions from each government and is meant to pay for irrigation repairs and
feed for livestock over the coming winter, the communique said.

Cookie settings
"""


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "strike.html").write_text(PAGE, encoding="utf-8")
    (d / "drought.txt").write_text(DUMP, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "copy-of-drought.txt").write_text(DUMP, encoding="utf-8")
    return d


def test_ingest_twice_changes_nothing(corpus, tmp_path):
    db = str(tmp_path / "s.db")
    r1 = service.ingest([str(corpus)], db, analyze=False)
    assert r1.added == 2 and len(r1.errors) == 1 and "empty.txt" in r1.errors[0]
    with open_store(db) as st:
        before = st.counts()
        dump_id = st.source_article(str(corpus / "drought.txt"))
        assert dump_id and st.source_article(str(corpus / "copy-of-drought.txt")) == dump_id
    r2 = service.ingest([str(corpus)], db, analyze=False)
    assert r2.added == 0 and r2.unchanged == 3
    with open_store(db) as st:
        assert st.counts() == before


def test_crash_mid_ingest_keeps_committed_chunks(corpus, tmp_path, monkeypatch):
    db = str(tmp_path / "s.db")
    monkeypatch.setattr(service, "WRITE_CHUNK", 1)
    calls = {"n": 0}
    real = service.analyze_articles

    def flaky(arts, jobs=1, actors_file=None, pool=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process is stopped while the second chunk is in flight
        return real(arts, jobs=jobs, actors_file=actors_file, pool=pool)

    monkeypatch.setattr(service, "analyze_articles", flaky)
    with pytest.raises(KeyboardInterrupt):
        service.ingest([str(corpus)], db)
    with open_store(db) as st:
        kept = st.counts()["articles"]
    assert kept == 1
    monkeypatch.setattr(service, "analyze_articles", real)
    r = service.ingest([str(corpus)], db)
    assert r.added == 1 and r.unchanged >= 1


def test_cli_ingest_articles_show_errors(corpus, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "s.db")
    res = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--no-analyze"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["articles", "--db", db, "--jsonl"])
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(rows) == 2
    titles = {r["title"] for r in rows}
    assert "Harbour strike enters second week" in titles
    res = runner.invoke(app, ["errors", "--db", db, "--jsonl"])
    errs = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(errs) == 1 and errs[0]["source"].endswith("empty.txt")
    res = runner.invoke(app, ["show", "strike.html", "--db", db, "--jsonl"])
    assert res.exit_code == 0, res.output
    shown = json.loads(res.stdout)
    assert "picket lines" in shown["body"] and shown["sources"][0].endswith("strike.html")
    res = runner.invoke(app, ["show", "no-such-article", "--db", db])
    assert res.exit_code == 1


def test_cli_extract_jsonl_contract_fields(corpus):
    res = CliRunner().invoke(app, ["extract", str(corpus), "--jsonl"])
    assert res.exit_code == 0
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert [r["source"].rsplit("/", 1)[1] for r in rows] == [
        "copy-of-drought.txt", "drought.txt", "empty.txt", "strike.html"]
    for r in rows:
        for key in ("source", "url", "outlet", "title", "authors", "published", "language", "body", "error"):
            assert key in r
    assert rows[2]["error"] and rows[2]["body"] == ""
    assert "picket lines" in rows[3]["body"]


def test_copy_published_first_is_the_original(tmp_path):
    body = ("Negotiators from the two river states signed a water-sharing accord on Friday after three years of "
            "talks, officials from both delegations said at the signing ceremony in the border town.\n\n"
            "The accord sets minimum flows for the dry season and creates a joint commission to settle disputes, "
            "according to a copy of the text seen by reporters.")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a-reposted.jsonl").write_text(json.dumps({"id": "late", "title": "Water accord signed",
                                                    "text": body + " Reposted with permission.",
                                                    "published": "2024-05-10T12:00:00"}) + "\n")
    (d / "b-original.jsonl").write_text(json.dumps({"id": "early", "title": "Water accord signed", "text": body,
                                                    "published": "2024-05-10T08:00:00"}) + "\n")
    db = str(tmp_path / "s.db")
    service.ingest([str(d)], db, analyze=False)
    with open_store(db) as st:
        rows = {r["source"].rsplit("#", 1)[1]: r for r in st.articles()}
        assert rows["early"]["duplicate_of"] is None
        assert rows["late"]["duplicate_of"] == rows["early"]["id"]
        assert len(st.stories()) == 1
