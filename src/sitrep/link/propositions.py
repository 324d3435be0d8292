"""Propositions: claims from different articles and speakers that state the same thing, tracked.

Each stored claim joins the proposition it states, or opens one.  Two signals decide:

1. the *event key*: when the claim's content holds an event found by the analysis, the event's type,
   source and target codes (``ASSAULT:RUS>UKR``) name the proposition — an allegation and its denial
   carry the same key although their words differ;
2. otherwise, the cosine between the claim content's term vector and the proposition's centroid
   (words and names, TF-IDF with the corpus' document frequencies), above ``THRESHOLD``, checked by the
   stance model (:mod:`sitrep.link.stance`): a text that is *unrelated* to the statement never joins.

A proposition keeps its history (every claim: article, speaker, stance, date, sentence) and a status
derived from it (:func:`derive_status`): ``asserted``, ``alleged``, ``contested`` (asserted or alleged by
some, denied by others), ``denied``, ``confirmed``.  Claims in near-duplicate articles are kept in the
history but are not counted as independent sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from sitrep.link.terms import DocFreq, Vector, add_into, cosine, normalise, term_counts, tfidf
from sitrep.model import Analysis, Article, Claim, Event
from sitrep.store import Store

THRESHOLD = 0.45
CANDIDATES = 30
QUERY_TERMS = 15
STATEMENT_WORDS = 24


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def event_key(ev: Event) -> str | None:
    src = sorted({a.code for a in ev.sources if a.code})
    tgt = sorted({a.code for a in ev.targets if a.code})
    if not src or not tgt:
        return None
    return f"{ev.type}:{','.join(src)}>{','.join(tgt)}"


def _event_for(claim: Claim, events: list[Event]) -> Event | None:
    cs, ce = claim.spans.content
    for ev in events:
        if ev.start < ce and cs < ev.end and event_key(ev):
            return ev
    return None


def statement_of(claim: Claim) -> str:
    """The proposition in plain words: the claim's content without quotes, cut to a readable length."""
    text = " ".join(claim.content.split()).strip(" \"“”'‘’.,;:")
    text = re.sub(r"^(that|whether)\s+", "", text, flags=re.I)
    words = text.split()
    if len(words) > STATEMENT_WORDS:
        text = " ".join(words[:STATEMENT_WORDS]) + " …"
    return text[:1].upper() + text[1:]


def derive_status(history: Iterable[tuple[str, str | None, bool]]) -> str:
    """Status from (stance, speaker key, independent) entries of a proposition's history."""
    stances: dict[str, set[str | None]] = {}
    for stance, speaker, independent in history:
        if independent:
            stances.setdefault(stance, set()).add(speaker)
    deny = "deny" in stances
    positive = {s for s in ("assert", "allege", "confirm") if s in stances}
    if deny and positive:
        return "contested"
    if deny:
        return "denied"
    if "confirm" in stances:
        # a confirmation counts when it comes from someone other than the first to allege it
        others = stances["confirm"] - stances.get("allege", set())
        if others or "allege" not in stances:
            return "confirmed"
    if "allege" in stances:
        return "alleged"
    return "asserted"


class PropositionTracker:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _vector(self, text: str) -> Vector:
        words, names = term_counts(text)
        counts: dict[str, float] = dict(words)
        for t, c in names.items():
            counts["n:" + t] = c
        terms = list(words) + list(names)
        df: dict[str, int] = {}
        n_docs = int(self.store.query("SELECT COUNT(*) AS n FROM story_articles")[0]["n"]) or 1
        for kind, keys in (("w", list(words)), ("n", list(names))):
            for i in range(0, len(keys), 400):
                part = keys[i:i + 400]
                marks = ",".join("?" * len(part))
                for r in self.store.query(f"SELECT term, df FROM term_df WHERE kind = ? AND term IN ({marks})",
                                          (kind, *part)):
                    df[r["term"] if kind == "w" else "n:" + r["term"]] = int(r["df"])
        del terms
        return tfidf(counts, DocFreq(n_docs, df), top=40)

    def _candidates(self, v: Vector) -> list[str]:
        top = [t for t, _ in sorted(v.items(), key=lambda kv: -kv[1])[:QUERY_TERMS]]
        if not top:
            return []
        marks = ",".join("?" * len(top))
        rows = self.store.query(
            f"SELECT proposition_id, COUNT(*) AS k FROM proposition_terms WHERE term IN ({marks}) "
            f"GROUP BY proposition_id ORDER BY k DESC LIMIT {CANDIDATES}", top)
        return [r["proposition_id"] for r in rows]

    def _centroid(self, pid: str) -> dict[str, float]:
        return {r["term"]: float(r["weight"]) for r in self.store.query(
            "SELECT term, weight FROM proposition_terms WHERE proposition_id = ?", (pid,))}

    def _save_centroid(self, pid: str, c: dict[str, float]) -> None:
        self.store.execute("DELETE FROM proposition_terms WHERE proposition_id = ?", (pid,))
        self.store.executemany("INSERT INTO proposition_terms VALUES (?, ?, ?)", [(pid, t, x) for t, x in c.items()])

    def track(self, art: Article, an: Analysis, duplicate_of: str | None = None) -> int:
        """Attach every claim of one stored article to a proposition; return how many were attached."""
        from sitrep.link.stance import stance_batch

        n = 0
        for seq, claim in enumerate(an.claims):
            if self.store.query("SELECT 1 AS x FROM proposition_claims WHERE article_id = ? AND seq = ?",
                                (art.id, seq)):
                continue
            ev = _event_for(claim, an.events)
            key = event_key(ev) if ev else None
            v = self._vector(claim.content)
            if not v:
                continue
            pid, score = None, 0.0
            if key:
                rows = self.store.query("SELECT id FROM propositions WHERE event_key = ? LIMIT 1", (key,))
                if rows:
                    pid, score = rows[0]["id"], 1.0
            if pid is None:
                best, best_sim = None, 0.0
                for cand in self._candidates(v):
                    sim = cosine(v, normalise(self._centroid(cand)))
                    if sim > best_sim:
                        best, best_sim = cand, sim
                if best is not None and best_sim >= THRESHOLD:
                    st = self.store.query("SELECT statement FROM propositions WHERE id = ?", (best,))[0]["statement"]
                    label, _conf = stance_batch([(st, claim.content)])[0]
                    if label != "unrelated":
                        pid, score = best, best_sim
            if pid is None:
                pid = next(f"p{art.id[:n]}-{seq}" for n in (10, 20, 64) if n == 64 or not self.store.query(
                    "SELECT 1 AS x FROM propositions WHERE id = ?", (f"p{art.id[:n]}-{seq}",)))
                self.store.execute("INSERT INTO propositions VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   (pid, statement_of(claim), "asserted", key, art.published, art.published, _now()))
            self.store.execute("INSERT INTO proposition_claims VALUES (?, ?, ?, ?, ?)",
                               (art.id, seq, pid, claim.stance, score))
            c = self._centroid(pid)
            add_into(c, v, 200)
            self._save_centroid(pid, c)
            if art.published:
                self.store.execute(
                    "UPDATE propositions SET first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? "
                    "ELSE first_seen END, last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? "
                    "ELSE last_seen END WHERE id = ?", (art.published,) * 4 + (pid,))
            self._refresh_status(pid)
            n += 1
        return n

    def _refresh_status(self, pid: str) -> None:
        hist = []
        for r in self.store.query(
                "SELECT pc.stance, c.speaker_code, c.speaker_name, a.duplicate_of FROM proposition_claims pc "
                "JOIN claims c ON c.article_id = pc.article_id AND c.seq = pc.seq "
                "JOIN articles a ON a.id = pc.article_id WHERE pc.proposition_id = ?", (pid,)):
            speaker = r["speaker_name"] or r["speaker_code"]
            hist.append((r["stance"], speaker, r["duplicate_of"] is None))
        self.store.execute("UPDATE propositions SET status = ? WHERE id = ?", (derive_status(hist), pid))
