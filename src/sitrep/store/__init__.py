"""The store: articles, their sources and errors, and analysis results.

One interface, :class:`Store`, over a DB-API connection.  SQLite is the embedded default (a file path);
the SQL is kept to the subset PostgreSQL shares, with ``?`` placeholders translated per dialect, so a
``postgresql://`` URL is the next backend (it needs a driver: see :func:`open_store`).

Identity is the content hash of the raw input (:meth:`RawDocument.content_hash`): ingesting the same
input twice changes nothing, and the same bytes under two names are one article with two sources.
Writes happen in one process (the ingesting one) and are committed per chunk, so a crash loses at
most the chunk in flight; SQLite runs in WAL mode so readers never block the writer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sitrep.model import Actor, Analysis, Article, Claim, Event, Removed
from sitrep.store.schema import MIGRATIONS, SCHEMA_VERSION
from sitrep.util import now_utc


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says what to do."""



class Store:
    """sitrep's storage.  Use :func:`open_store` to get one."""

    paramstyle = "?"

    def __init__(self, conn: Any, url: str) -> None:
        self.conn = conn
        self.url = url
        self._migrate()

    # ------------------------------------------------------------------ plumbing
    def _sql(self, sql: str) -> str:
        return sql if self.paramstyle == "?" else sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.cursor().executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        try:
            yield self
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        try:
            rows = self.query("SELECT version FROM schema_version")
        except Exception:
            self.conn.rollback()
            return 0
        return int(rows[0]["version"]) if rows else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.url}: the database has schema version {current}, newer than this sitrep "
                             f"({SCHEMA_VERSION}); upgrade sitrep")
        if current == SCHEMA_VERSION:
            return
        with self.transaction():
            if current == 0:
                self.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                self.execute("DELETE FROM schema_version")
                self.execute("INSERT INTO schema_version (version) VALUES (0)")
            for statements in MIGRATIONS[current:]:
                for stmt in statements:
                    self.execute(stmt)
            self.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    # ------------------------------------------------------------------ writes
    def has_article(self, article_id: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM articles WHERE id = ?", (article_id,)))

    def source_article(self, source: str) -> str | None:
        rows = self.query("SELECT article_id FROM sources WHERE source = ?", (source,))
        return rows[0]["article_id"] if rows else None

    def add_source(self, source: str, article_id: str) -> bool:
        """Map an input to an article; True when this is new (the same source again is a no-op)."""
        existing = self.source_article(source)
        if existing == article_id:
            return False
        if existing is None:
            self.execute("INSERT INTO sources (source, article_id, ingested_at) VALUES (?, ?, ?)",
                         (source, article_id, now_utc()))
        else:  # the file at this path changed: point the source at its new content
            self.execute("UPDATE sources SET article_id = ?, ingested_at = ? WHERE source = ?",
                         (article_id, now_utc(), source))
        self.execute("DELETE FROM errors WHERE source = ?", (source,))
        return True

    def put_article(self, art: Article, body_hash: str | None = None, duplicate_of: str | None = None) -> bool:
        """Insert an article unless its id is stored already; True when inserted."""
        if self.has_article(art.id):
            self.add_source(art.source, art.id)
            return False
        self.execute(
            """INSERT INTO articles (id, url, outlet, title, authors, published, language, body, kind, extractor,
               removed, body_hash, duplicate_of, first_source, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (art.id, art.url, art.outlet, art.title, json.dumps(art.authors, ensure_ascii=False), art.published,
             art.language, art.body, art.kind, art.extractor,
             json.dumps([r.model_dump() for r in art.removed], ensure_ascii=False), body_hash, duplicate_of,
             art.source, now_utc()),
        )
        self.add_source(art.source, art.id)
        return True

    def put_error(self, source: str, error: str, input_hash: str | None = None) -> None:
        if self.source_article(source) is not None:
            return  # an earlier run read this input fine; keep that
        self.execute("DELETE FROM errors WHERE source = ?", (source,))
        self.execute("INSERT INTO errors (source, input_hash, error, at) VALUES (?, ?, ?, ?)",
                     (source, input_hash, error, now_utc()))

    def is_analyzed(self, article_id: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM analyzed WHERE article_id = ?", (article_id,)))

    def put_analysis(self, article_id: str, an: Analysis, analyzer: str) -> None:
        """Store (or replace) one article's actors, events and claims."""
        for table in ("actors", "events", "claims", "analyzed"):
            self.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for i, a in enumerate(an.actors):
            self.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (article_id, i, a.text, a.code, a.sector, a.name, a.start, a.end))
        for i, e in enumerate(an.events):
            self.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, i, e.type, e.status, e.date, e.location,
                 " ".join(sorted({a.code for a in e.sources if a.code})),
                 " ".join(sorted({a.code for a in e.targets if a.code})), e.start, e.end,
                 e.model_dump_json()))
        for i, c in enumerate(an.claims):
            sp = c.speaker
            self.execute(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, i, c.stance, c.source_type, sp.code if sp else None, sp.name if sp else None,
                 c.spans.content[0], c.spans.content[1], c.model_dump_json()))
        self.execute("INSERT INTO analyzed VALUES (?, ?, ?)", (article_id, analyzer, now_utc()))

    # ------------------------------------------------------------------ reads
    @staticmethod
    def _article(row: dict[str, Any], source: str | None = None) -> Article:
        return Article(
            id=row["id"], source=source or row["first_source"], url=row["url"], outlet=row["outlet"],
            title=row["title"], authors=json.loads(row["authors"] or "[]"), published=row["published"],
            language=row["language"], body=row["body"], kind=row["kind"], extractor=row["extractor"],
            removed=[Removed(**r) for r in json.loads(row["removed"] or "[]")],
        )

    def get_article(self, key: str) -> Article | None:
        """An article by id, id prefix (at least 6 characters) or source."""
        rows = self.query("SELECT * FROM articles WHERE id = ?", (key,))
        if not rows:
            src = self.source_article(key)
            if src:
                rows = self.query("SELECT * FROM articles WHERE id = ?", (src,))
        if not rows and len(key) >= 6:
            rows = self.query("SELECT * FROM articles WHERE id LIKE ? ORDER BY id LIMIT 2", (key + "%",))
            if len(rows) > 1:
                raise StoreError(f"article id prefix {key!r} is ambiguous: give more characters")
        if not rows:  # a unique part of a source name (a file name, a record id)
            ids = {r["article_id"] for r in self.query(
                "SELECT article_id FROM sources WHERE source LIKE ? LIMIT 50", (f"%{key}%",))}
            if len(ids) > 1:
                raise StoreError(f"{key!r} matches {len(ids)} articles' sources: give more of the name or the id")
            if ids:
                rows = self.query("SELECT * FROM articles WHERE id = ?", (ids.pop(),))
        return self._article(rows[0]) if rows else None

    def articles(self, since: str | None = None, until: str | None = None, outlet: str | None = None,
                 language: str | None = None, search: str | None = None, limit: int | None = None
                 ) -> list[dict[str, Any]]:
        rows = self._select(
            "SELECT id, first_source AS source, url, outlet, title, authors, published, language, "
            "duplicate_of, length(body) AS chars FROM articles",
            [("published >= ?", since), ("published < ?", until), ("outlet LIKE ?", outlet and f"%{outlet}%"),
             ("language = ?", language), ("(title LIKE ? OR body LIKE ?)", search and (f"%{search}%",) * 2)],
            "COALESCE(published, ''), first_source", limit)
        for r in rows:
            r["authors"] = json.loads(r["authors"] or "[]")
        return rows

    def sources_of(self, article_id: str) -> list[str]:
        return [r["source"] for r in self.query("SELECT source FROM sources WHERE article_id = ? ORDER BY source",
                                                (article_id,))]

    def errors(self) -> list[dict[str, Any]]:
        return self.query("SELECT source, error, at FROM errors ORDER BY source")

    def analysis(self, article_id: str) -> Analysis:
        actors = [Actor(text=r["text"], code=r["code"], sector=r["sector"], name=r["name"], start=r["start_off"],
                        end=r["end_off"])
                  for r in self.query("SELECT * FROM actors WHERE article_id = ? ORDER BY seq", (article_id,))]
        events = [Event.model_validate_json(r["data"])
                  for r in self.query("SELECT data FROM events WHERE article_id = ? ORDER BY seq", (article_id,))]
        claims = [Claim.model_validate_json(r["data"])
                  for r in self.query("SELECT data FROM claims WHERE article_id = ? ORDER BY seq", (article_id,))]
        return Analysis(id=article_id, actors=actors, events=events, claims=claims)

    def _select(self, sql: str, filters: list[tuple[str, Any]], order: str, limit: int | None
                ) -> list[dict[str, Any]]:
        """``sql`` with the filters whose value is given (``(clause, value)``; a tuple value fills several
        placeholders), ordered and limited."""
        where, params = _where(filters)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + order
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.query(sql, params)

    def events(self, actor: str | None = None, type_: str | None = None, status: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = None
               ) -> list[dict[str, Any]]:
        return self._select(
            "SELECT e.article_id, e.seq, e.data, a.first_source AS source, a.title, a.published, a.body "
            "FROM events e JOIN articles a ON a.id = e.article_id",
            [("(' ' || e.source_codes || ' ' || e.target_codes || ' ') LIKE ?", actor and f"% {actor.upper()} %"),
             ("e.type = ?", type_ and type_.upper()), ("e.status = ?", status),
             ("COALESCE(e.date, a.published) >= ?", since), ("COALESCE(e.date, a.published) < ?", until)],
            "COALESCE(e.date, a.published, ''), e.article_id, e.seq", limit)

    def claims(self, actor: str | None = None, stance: str | None = None, source_type: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = None
               ) -> list[dict[str, Any]]:
        return self._select(
            "SELECT c.article_id, c.seq, c.data, a.first_source AS source, a.title, a.published, a.body "
            "FROM claims c JOIN articles a ON a.id = c.article_id",
            [("(c.speaker_code = ? OR c.speaker_name LIKE ?)", actor and (actor.upper(), f"%{actor}%")),
             ("c.stance = ?", stance), ("c.source_type = ?", source_type),
             ("a.published >= ?", since), ("a.published < ?", until)],
            "COALESCE(a.published, ''), c.article_id, c.seq", limit)

    # ------------------------------------------------------------------ document frequencies (linking)
    def doc_freqs(self, kind: str, terms: Sequence[str]) -> dict[str, int]:
        """How many linked documents hold each term (``kind``: ``w`` words, ``n`` names)."""
        df: dict[str, int] = {}
        for i in range(0, len(terms), 400):
            part = list(terms[i:i + 400])
            marks = ",".join("?" * len(part))
            for r in self.query(f"SELECT term, df FROM term_df WHERE kind = ? AND term IN ({marks})", (kind, *part)):
                df[r["term"]] = int(r["df"])
        return df

    def bump_doc_freqs(self, kind: str, terms: Sequence[str]) -> None:
        self.executemany(
            "INSERT INTO term_df (kind, term, df) VALUES (?, ?, 1) ON CONFLICT (kind, term) DO UPDATE SET df = df + 1",
            [(kind, t) for t in terms])

    def n_linked(self) -> int:
        """How many articles have been linked into stories (the N of the document frequencies)."""
        return int(self.query("SELECT COUNT(*) AS n FROM story_articles")[0]["n"])

    # ------------------------------------------------------------------ stories
    def stories(self, since: str | None = None, until: str | None = None, actor: str | None = None,
                min_articles: int = 1, search: str | None = None) -> list[dict[str, Any]]:
        """Stories with their articles' sources, newest last."""
        where, params = _where([
            ("n_articles >= ?", min_articles), ("COALESCE(last_seen, '9999') >= ?", since),
            ("COALESCE(first_seen, '') < ?", until), ("title LIKE ?", search and f"%{search}%"),
            ("id IN (SELECT sa.story_id FROM story_articles sa JOIN actors ac ON ac.article_id = sa.article_id"
             " WHERE ac.code = ?)", actor and actor.upper())])
        rows = self.query("SELECT id, title, first_seen, last_seen, n_articles FROM stories WHERE "
                          + " AND ".join(where) + " ORDER BY COALESCE(first_seen, ''), id", params)
        members: dict[str, list[str]] = {}
        for r in self.query("SELECT sa.story_id, s.source FROM story_articles sa JOIN sources s "
                            "ON s.article_id = sa.article_id ORDER BY s.source"):
            members.setdefault(r["story_id"], []).append(r["source"])
        for r in rows:
            r["articles"] = members.get(r["id"], [])
        return rows

    def story_article_ids(self, story_id: str) -> list[str]:
        return [r["article_id"] for r in self.query(
            "SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? ORDER BY COALESCE(a.published, ''), a.first_source", (story_id,))]

    def get_story(self, key: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM stories WHERE id = ?", (key,))
        if not rows:
            rows = self.query("SELECT * FROM stories WHERE id LIKE ? LIMIT 2", (key + "%",))
            if len(rows) > 1:
                raise StoreError(f"story id prefix {key!r} is ambiguous: give more characters")
        if not rows:
            art = self.get_article(key)
            if art is not None:
                sid = self.query("SELECT story_id FROM story_articles WHERE article_id = ?", (art.id,))
                rows = self.query("SELECT * FROM stories WHERE id = ?", (sid[0]["story_id"],)) if sid else []
        return rows[0] if rows else None

    # ------------------------------------------------------------------ propositions
    def proposition_history(self, pid: str) -> list[dict[str, Any]]:
        """Every claim of a proposition, oldest first: article, source, speaker, stance, date, content."""
        rows = self.query(
            "SELECT pc.article_id, pc.seq, pc.stance, c.data, a.first_source AS source, a.published, a.title, "
            "a.outlet, a.duplicate_of FROM proposition_claims pc "
            "JOIN claims c ON c.article_id = pc.article_id AND c.seq = pc.seq "
            "JOIN articles a ON a.id = pc.article_id WHERE pc.proposition_id = ? "
            "ORDER BY COALESCE(a.published, ''), a.first_source, pc.seq", (pid,))
        out = []
        for r in rows:
            c = Claim.model_validate_json(r["data"])
            out.append({"article": r["article_id"], "source": r["source"], "published": r["published"],
                        "outlet": r["outlet"], "title": r["title"], "independent": r["duplicate_of"] is None,
                        "stance": r["stance"], "speaker": c.speaker.name or c.speaker.text if c.speaker else None,
                        "speaker_code": c.speaker.code if c.speaker else None, "source_type": c.source_type,
                        "cue": c.cue, "hedged": c.hedged, "content": c.content, "claim": c})
        return out

    def propositions(self, status: str | None = None, min_articles: int = 1, search: str | None = None,
                     actor: str | None = None) -> list[dict[str, Any]]:
        where, params = [], []
        if status:
            where.append("status = ?")
            params.append(status)
        if search:
            where.append("statement LIKE ?")
            params.append(f"%{search}%")
        if actor:
            where.append("(event_key LIKE ? OR id IN (SELECT pc.proposition_id FROM proposition_claims pc JOIN claims c"
                         " ON c.article_id = pc.article_id AND c.seq = pc.seq WHERE c.speaker_code = ?))")
            params += [f"%{actor.upper()}%", actor.upper()]
        sql = "SELECT * FROM propositions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY COALESCE(first_seen, ''), id"
        out = []
        for r in self.query(sql, params):
            hist = self.proposition_history(r["id"])
            arts = sorted({h["article"] for h in hist})
            if len(arts) < min_articles:
                continue
            sources: list[str] = []
            for a in arts:
                sources += self.sources_of(a)
            r["articles"] = sorted(set(sources))
            r["history"] = hist
            out.append(r)
        return out

    # ------------------------------------------------------------------ timeline and graph
    def timeline(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                 story: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Events and claims ordered by the date of the event (claims: of the article), with evidence."""
        from sitrep.link.timeline import complete_date

        params: list[Any] = []
        story_filter = ""
        if story:
            story_filter = " AND a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)"
        items: list[dict[str, Any]] = []
        ev_sql = ("SELECT e.article_id, e.seq, e.data, e.date, e.source_codes, e.target_codes, a.published, "
                  "a.first_source AS source, a.body, sa.story_id FROM events e JOIN articles a ON a.id = e.article_id "
                  "LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.duplicate_of IS NULL" + story_filter)
        if story:
            params.append(story)
        if actor:
            ev_sql += " AND (' ' || e.source_codes || ' ' || e.target_codes || ' ') LIKE ?"
            params.append(f"% {actor.upper()} %")
        story_dates: dict[str, list[str]] = {}
        for r in self.query("SELECT sa.story_id, a.published FROM story_articles sa JOIN articles a "
                            "ON a.id = sa.article_id WHERE a.published IS NOT NULL"):
            story_dates.setdefault(r["story_id"], []).append(r["published"])
        for r in self.query(ev_sql, params):
            ev = Event.model_validate_json(r["data"])
            ref = r["published"] or None
            when, how = complete_date(ev.date, ref, story_dates.get(r["story_id"] or "", []))
            items.append({"kind": "event", "date": when, "date_basis": how, "type": ev.type, "status": ev.status,
                          "sources": [a.model_dump() for a in ev.sources],
                          "targets": [a.model_dump() for a in ev.targets],
                          "article": r["article_id"], "source": r["source"], "story": r["story_id"],
                          "evidence": r["body"][ev.start:ev.end]})
        cl_params: list[Any] = []
        cl_sql = ("SELECT c.article_id, c.data, a.published, a.first_source AS source, sa.story_id FROM claims c "
                  "JOIN articles a ON a.id = c.article_id LEFT JOIN story_articles sa ON sa.article_id = a.id "
                  "WHERE a.duplicate_of IS NULL AND c.speaker_code IS NOT NULL" + story_filter)
        if story:
            cl_params.append(story)
        if actor:
            cl_sql += " AND c.speaker_code = ?"
            cl_params.append(actor.upper())
        for r in self.query(cl_sql, cl_params):
            c = Claim.model_validate_json(r["data"])
            when, how = complete_date(None, r["published"], story_dates.get(r["story_id"] or "", []))
            items.append({"kind": "claim", "date": when, "date_basis": how, "stance": c.stance,
                          "speaker": c.speaker.model_dump() if c.speaker else None, "source_type": c.source_type,
                          "article": r["article_id"], "source": r["source"], "story": r["story_id"],
                          "evidence": c.content})
        if since:
            items = [i for i in items if i["date"] and i["date"] >= since]
        if until:
            items = [i for i in items if i["date"] and i["date"] < until]
        items.sort(key=lambda i: (i["date"] or "9999", i["kind"], i["source"]))
        return items[:limit] if limit else items

    def graph(self, since: str | None = None, until: str | None = None, type_: str | None = None
              ) -> list[dict[str, Any]]:
        """Who acts on whom: counts of events by type between pairs of actor codes."""
        where, params = _where([("COALESCE(e.date, a.published) >= ?", since),
                                ("COALESCE(e.date, a.published) < ?", until), ("e.type = ?", type_ and type_.upper())])
        where = ["a.duplicate_of IS NULL", "e.source_codes != ''", "e.target_codes != ''", *where]
        edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        for r in self.query("SELECT e.type, e.source_codes, e.target_codes, e.status, e.article_id, "
                            "COALESCE(e.date, a.published) AS d FROM events e JOIN articles a ON a.id = e.article_id "
                            "WHERE " + " AND ".join(where), params):
            for s in r["source_codes"].split():
                for t in r["target_codes"].split():
                    if s == t:
                        continue
                    e = edges.setdefault((s, t, r["type"]), {"source": s, "target": t, "type": r["type"], "count": 0,
                                                             "articles": set(), "first": None, "last": None,
                                                             "statuses": {}})
                    e["count"] += 1
                    e["articles"].add(r["article_id"])
                    e["statuses"][r["status"]] = e["statuses"].get(r["status"], 0) + 1
                    d = r["d"]
                    if d:
                        e["first"] = min(e["first"] or d, d)
                        e["last"] = max(e["last"] or d, d)
        out = []
        for e in sorted(edges.values(), key=lambda x: (-x["count"], x["source"], x["target"], x["type"])):
            e["articles"] = len(e["articles"])
            out.append(e)
        return out

    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("articles", "sources", "errors", "events", "claims", "stories", "propositions"):
            out[t] = int(self.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"])
        return out


def _where(filters: list[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    """The clauses and parameters of the filters whose value is given (a tuple fills several placeholders)."""
    where: list[str] = []
    params: list[Any] = []
    for clause, value in filters:
        if value is None or value == "":
            continue
        where.append(clause)
        params.extend(value if isinstance(value, tuple) else (value,))
    return where, params


def open_store(url: str) -> Store:
    """Open (creating and migrating when needed) the store at a file path or database URL."""
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            f"{url.split('@')[-1]}: PostgreSQL is not supported yet in this version; the store's SQL is "
            "portable and a PostgreSQL backend is planned. Use a SQLite file path for --db for now.")
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    try:
        conn = sqlite3.connect(path, timeout=30.0)
    except sqlite3.Error as e:
        raise StoreError(f"{path}: cannot open the database ({e}); check the path and permissions") from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return Store(conn, path)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path}: not a sitrep database ({e}); give another --db path") from None


__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "open_store"]
