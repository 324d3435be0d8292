"""The store: migrations, content-hash identity, idempotent writes, reads, crash safety."""

from __future__ import annotations

import sqlite3

import pytest

from sitrep.model import Actor, Analysis, Article, Claim, Event, Removed, Spans
from sitrep.store import SCHEMA_VERSION, StoreError, open_store


def _article(aid: str = "a" * 64, source: str = "in/one.txt", body: str = "Para one.\n\nPara two.") -> Article:
    return Article(id=aid, source=source, title="A title", authors=["Ann Example"], published="2025-03-11",
                   language="en", body=body, kind="text", extractor="test",
                   removed=[Removed(text="Subscribe now", reason="subscribe")])


def test_new_store_is_migrated(tmp_path):
    db = tmp_path / "s.db"
    with open_store(str(db)) as st:
        assert st.schema_version() == SCHEMA_VERSION
    with open_store(str(db)) as st:  # reopening applies nothing twice
        assert st.schema_version() == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "s.db"
    open_store(str(db)).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE schema_version SET version = 999")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer than this sitrep"):
        open_store(str(db))


def test_not_a_database(tmp_path):
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a sitrep database"):
        open_store(str(bad))


def test_postgres_url_gives_clear_error():
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://user:pw@localhost/sitrep")


def test_put_article_is_idempotent_and_tracks_sources(tmp_path):
    with open_store(str(tmp_path / "s.db")) as st:
        with st.transaction():
            assert st.put_article(_article()) is True
            assert st.put_article(_article()) is False
            # the same content under another name: one article, two sources
            assert st.put_article(_article(source="in/copy.txt")) is False
        assert st.counts()["articles"] == 1
        assert st.sources_of("a" * 64) == ["in/copy.txt", "in/one.txt"]
        art = st.get_article("aaaaaaaa")
        assert art is not None and art.title == "A title" and art.removed[0].reason == "subscribe"
        assert st.get_article("one.txt") is not None
        assert st.get_article("nothing-like-this") is None


def test_errors_are_kept_until_the_input_reads(tmp_path):
    with open_store(str(tmp_path / "s.db")) as st:
        with st.transaction():
            st.put_error("in/bad.txt", "in/bad.txt: empty input")
            st.put_error("in/bad.txt", "in/bad.txt: empty input")
        assert [e["source"] for e in st.errors()] == ["in/bad.txt"]
        with st.transaction():
            st.put_article(_article(source="in/bad.txt"))
        assert st.errors() == []


def test_analysis_roundtrip_and_filters(tmp_path):
    an = Analysis(
        id="a" * 64,
        actors=[Actor(text="Berlin", code="DEU", sector="GOV", name="Germany", start=0, end=6)],
        events=[Event(type="ACCUSE", sources=[Actor(text="Berlin", code="DEU", sector="GOV")],
                      targets=[Actor(text="Beijing", code="CHN", sector="GOV")], status="reported",
                      date="2026-07", start=0, end=9)],
        claims=[Claim(speaker=Actor(text="Guo", code="CHN", sector="GOV", name="Guo Jiakun"),
                      source_type="named_person", cue="denied", stance="deny", content="Para one.",
                      spans=Spans(speaker=None, cue=None, content=(0, 9)))],
    )
    with open_store(str(tmp_path / "s.db")) as st:
        with st.transaction():
            st.put_article(_article())
            st.put_analysis("a" * 64, an, "test")
            st.put_analysis("a" * 64, an, "test")  # replacing, not doubling
        back = st.analysis("a" * 64)
        assert back == an
        assert len(st.events(actor="CHN")) == 1
        assert len(st.events(actor="USA")) == 0
        assert len(st.events(type_="accuse", since="2026-01")) == 1
        assert len(st.claims(stance="deny")) == 1
        assert len(st.claims(actor="Guo")) == 1
        assert len(st.claims(stance="confirm")) == 0


def test_uncommitted_chunk_is_lost_but_committed_work_stays(tmp_path):
    db = str(tmp_path / "s.db")
    st = open_store(db)
    with st.transaction():
        st.put_article(_article())
    with pytest.raises(RuntimeError):
        with st.transaction():
            st.put_article(_article(aid="b" * 64, source="in/two.txt"))
            raise RuntimeError("killed mid-chunk")
    st.close()
    with open_store(db) as st2:
        assert st2.counts()["articles"] == 1
