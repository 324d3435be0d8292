"""The store's schema, as an ordered list of migrations.

Each migration is a list of SQL statements in the portable subset that SQLite and PostgreSQL share
(TEXT, INTEGER, REAL; JSON kept as TEXT).  ``schema_version`` holds the number of migrations applied;
opening a store applies the missing ones in one transaction.  Never edit a released migration: add one.
"""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
    # 1: articles, their input sources, errors
    [
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,            -- content hash of the raw input
            url TEXT, outlet TEXT, title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',   -- JSON list
            published TEXT, language TEXT,
            body TEXT NOT NULL,
            kind TEXT, extractor TEXT,
            removed TEXT NOT NULL DEFAULT '[]',   -- JSON list of {text, reason}
            body_hash TEXT,                 -- hash of the normalised body (exact duplicates)
            duplicate_of TEXT,              -- id of the article this one is a near-copy of
            first_source TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE INDEX articles_body_hash ON articles (body_hash)",
        """CREATE TABLE sources (
            source TEXT PRIMARY KEY,        -- the input as walked (path, path#record, URL)
            article_id TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX sources_article ON sources (article_id)",
        """CREATE TABLE errors (
            source TEXT PRIMARY KEY,
            input_hash TEXT,
            error TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
    ],
    # 2: analysis results, with offsets into articles.body
    [
        """CREATE TABLE actors (
            article_id TEXT NOT NULL, seq INTEGER NOT NULL,
            text TEXT, code TEXT, sector TEXT, name TEXT, start_off INTEGER, end_off INTEGER,
            PRIMARY KEY (article_id, seq)
        )""",
        "CREATE INDEX actors_code ON actors (code)",
        """CREATE TABLE events (
            article_id TEXT NOT NULL, seq INTEGER NOT NULL,
            type TEXT NOT NULL, status TEXT, date TEXT, location TEXT,
            source_codes TEXT, target_codes TEXT,   -- space-separated codes, for filtering
            start_off INTEGER, end_off INTEGER,
            data TEXT NOT NULL,                      -- the whole Event as JSON
            PRIMARY KEY (article_id, seq)
        )""",
        "CREATE INDEX events_type ON events (type)",
        "CREATE INDEX events_date ON events (date)",
        """CREATE TABLE claims (
            article_id TEXT NOT NULL, seq INTEGER NOT NULL,
            stance TEXT, source_type TEXT, speaker_code TEXT, speaker_name TEXT,
            start_off INTEGER, end_off INTEGER,
            data TEXT NOT NULL,                      -- the whole Claim as JSON
            PRIMARY KEY (article_id, seq)
        )""",
        "CREATE INDEX claims_stance ON claims (stance)",
        "CREATE INDEX claims_speaker ON claims (speaker_code)",
        "CREATE TABLE analyzed (article_id TEXT PRIMARY KEY, analyzer TEXT NOT NULL, at TEXT NOT NULL)",
    ],
    # 3: linking: near-duplicates (MinHash LSH bands), stories, propositions
    [
        "CREATE TABLE minhash_bands (band INTEGER NOT NULL, bkey TEXT NOT NULL, article_id TEXT NOT NULL)",
        "CREATE INDEX minhash_bands_key ON minhash_bands (band, bkey)",
        """CREATE TABLE term_df (
            kind TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL,
            PRIMARY KEY (kind, term)
        )""",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
            n_articles INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL
        )""",
        """CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, score REAL, linked_at TEXT NOT NULL
        )""",
        "CREATE INDEX story_articles_story ON story_articles (story_id)",
        """CREATE TABLE story_terms (
            story_id TEXT NOT NULL, kind TEXT NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL,
            PRIMARY KEY (story_id, kind, term)
        )""",
        "CREATE INDEX story_terms_term ON story_terms (kind, term)",
        """CREATE TABLE propositions (
            id TEXT PRIMARY KEY, statement TEXT NOT NULL, status TEXT NOT NULL,
            event_key TEXT, first_seen TEXT, last_seen TEXT, created_at TEXT NOT NULL
        )""",
        "CREATE INDEX propositions_event_key ON propositions (event_key)",
        """CREATE TABLE proposition_claims (
            article_id TEXT NOT NULL, seq INTEGER NOT NULL, proposition_id TEXT NOT NULL,
            stance TEXT NOT NULL, score REAL, PRIMARY KEY (article_id, seq)
        )""",
        "CREATE INDEX proposition_claims_prop ON proposition_claims (proposition_id)",
        """CREATE TABLE proposition_terms (
            proposition_id TEXT NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL,
            PRIMARY KEY (proposition_id, term)
        )""",
        "CREATE INDEX proposition_terms_term ON proposition_terms (term)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
