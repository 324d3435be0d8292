"""Propositions: claims from different articles and speakers that state the same thing, tracked.

A *proposition* is a checkable statement ("China trained Russian soldiers") that claims assert,
allege, deny or confirm.  Each stored claim is read in five steps, all local to its article and
cheap (a handful of indexed lookups per claim, never a scan of all propositions):

1. **What the claim is about.**  A denial's content is often only the object of the denying verb
   ("denied *any involvement*", "rejected *those claims*", "disputed *that account*").  Such a
   *referential* content (a short noun phrase, or one headed by a word like report, claim, account,
   story, involvement) is resolved to the allegation it answers: the nearest earlier claim of the
   article within a few sentences that makes a substantive, non-denying claim (an allegation or a
   claim with an event first), else the article's headline.  A content that *names* the allegation
   ("claims that X ...", "reports of X") is cut down to it.
2. **Normalised content and stance.**  Negation in the main clause ("X did not train Y", "no such
   talks took place") is removed from the content and flips the stance to ``deny``, so that "X did not
   train Y" and "X trained Y" are one proposition with opposite stances.  An assertion framed as a
   report or allegation (cue "reports", "allegations"; a hedge; an event the analysis marks
   ``alleged``) counts as ``allege``.
3. **Keys.**  The events (from the analysis) whose trigger lies in the content give event keys
   ``TYPE:SRC>TGT`` (compatible types share a family: ASSAULT/COERCE, AID/SUPPORT, ACCUSE/PROTEST),
   plus partial keys with one side open; the actors named in the content give actor codes.  Both are
   kept as prefixed pseudo-terms in the proposition's term centroid (``e:`` and ``a:``), so that the
   existing term index finds candidates by key as well as by words.
4. **Matching.**  Candidates are the propositions sharing the claim's strongest terms or keys (at most
   ``CANDIDATES``).  The score mixes the content cosine (TF-IDF words and names), the actor overlap and
   the event-key agreement (``W_CONTENT``/``W_ACTORS``/``W_EVENT``); two claims whose full event keys
   are incompatible need a much higher content similarity.  Without key agreement the stance model
   (:mod:`sitrep.link.stance`) must not find the claim *unrelated* to the statement.
5. **Opening.**  Only *checkable* claims open a proposition: one with an event that names an actor,
   or an allegation, denial or confirmation with substantive content.  Other claims (opinions,
   quotes, bare objects) may join an existing proposition when they match it well, and are otherwise
   left out of the tracker.

The *statement* is written from the best claim seen so far: from an event, the text running from
its source actor through the trigger to its target actor ("the Chinese military secretly trained
approximately 200 Russian soldiers"); otherwise the normalised content cut at its first clause
break.  Positive claims (assert/allege/confirm) and event statements are preferred over denials; the
rank of the current statement is kept as the pseudo-term ``~rank``.

A proposition keeps its history (every claim: article, speaker, stance, date, sentence) and a status
derived from it (:func:`derive_status`): ``asserted``, ``alleged``, ``contested`` (asserted or alleged
by some, denied by others), ``denied``, ``confirmed``.  Claims in near-duplicate articles are kept in
the history but are not counted as independent sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitrep.link.terms import (
    DocFreq,
    Vector,
    add_into,
    background_prior,
    cosine,
    normalise,
    term_counts,
    term_counts_with_forms,
    tfidf,
)
from sitrep.model import Actor, Analysis, Article, Claim, Event
from sitrep.store import Store
from sitrep.util import now_utc

CANDIDATES = 30
RESCORE = 5
QUERY_TERMS = 15
STATEMENT_WORDS = 24
EVENT_STATEMENT_WORDS = 22
CENTROID_TERMS = 200
NAME_WEIGHT = 0.5
ANTECEDENT_CHARS = 700   # how far back (before the denial's sentence) an answered allegation may lie
ANTECEDENT_CLAIMS = 6

W_CONTENT, W_ACTORS, W_EVENT = 0.6, 0.2, 0.2
THRESHOLD = 0.42          # mixed score to join a proposition
KEY_CONTENT_MIN = 0.12    # with an agreeing full event key, the content cosine needed
CONFLICT_CONTENT_MIN = 0.6  # with incompatible full event keys, the content cosine needed
JOIN_ONLY_THRESHOLD = 0.5   # a claim that may not open a proposition joins one only above this

TYPE_FAMILY = {"COERCE": "ASSAULT", "SUPPORT": "AID", "PROTEST": "ACCUSE", "CONCEDE": "AGREE"}

_NEG = re.compile(r"\b(?:not|never|no|nothing|none|neither|nor|cannot)\b|n['’]t\b", re.I)
_NEG_IDIOMS = re.compile(r"\b(?:no doubt|not only|nothing but|no less|never mind)\b", re.I)
_CLAUSE_BREAK = re.compile(r",|;|:|\s[-–—]\s|\b(?:which|because|although|though|while|as|after|before|but)\b")
_STATEMENT_BREAK = re.compile(r"[,;:][\"”’']?\s|\s[-–—]\s|\s(?:and that|which|because|although|while|but)\s")
_LEAD = re.compile(r"^(?:that|whether|if)\s+", re.I)
_REF_HEADS = frozenset(
    """report reports reporting claim claims allegation allegations accusation accusations account accounts
    story stories involvement suggestion suggestions rumour rumours rumor rumors speculation assertion
    assertions charge charges statement statements news article articles idea notion information
    assessment version narrative remarks remark comments comment it this that these those them""".split())
_REF_DETS = frozenset("the that this these those any such a an all its their his her our earlier recent latest "
                      "previous media press western these".split())
_NAMES_ALLEGATION = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}?"
    r"(?:reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs?|speculation|assertions?|charges?|"
    r"news|stories|story|suspicions?|statements?|evidence|information|idea)\s+"
    r"(?:that|of|about)\s+", re.I)
_ALLEGE_CUES = frozenset("report reports reported reporting allegation allegations alleged claim claims claimed "
                         "rumour rumours rumor rumors suggest suggests suggesting suggested reportedly allegedly "
                         "purportedly suspect suspects suspected".split())
_PRONOUNS = frozenset("it they he she we its their his her our".split())
_STANCE_RANK = {"assert": 2, "allege": 2, "confirm": 2, "deny": 0}



# ------------------------------------------------------------------------------------ keys

def _family(etype: str) -> str:
    return TYPE_FAMILY.get(etype, etype)


def _codes(actors: Sequence[Actor]) -> list[str]:
    return sorted({a.code for a in actors if a.code})


def event_key(ev: Event) -> str | None:
    """``FAMILY:SRC>TGT`` of an event with coded source and target actors, else None."""
    src, tgt = _codes(ev.sources), _codes(ev.targets)
    if not src or not tgt:
        return None
    return f"{_family(ev.type)}:{','.join(src)}>{','.join(tgt)}"


def event_terms(ev: Event) -> list[str]:
    """Pseudo-terms of an event: its full key (when both sides are coded) and the one-sided keys."""
    fam = _family(ev.type)
    src, tgt = _codes(ev.sources), _codes(ev.targets)
    out = []
    if src and tgt:
        out.append(f"e:{fam}:{','.join(src)}>{','.join(tgt)}")
    out += [f"e:{fam}:{s}>" for s in src] + [f"e:{fam}:>{t}" for t in tgt]
    return out


# ------------------------------------------------------------------------------------ claim reading

def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’-]*", text)


def content_words(text: str) -> int:
    """How many content words (stop words dropped) a text has."""
    words, _ = term_counts(text)
    return sum(words.values())


def negated(content: str) -> bool:
    """Whether the main clause of a claim's content is negated ("X did not train Y", "no such talks")."""
    text = _NEG_IDIOMS.sub(" ", " ".join(content.split()))
    text = _LEAD.sub("", text)
    m = _CLAUSE_BREAK.search(text, 12)  # a break only counts after the first few characters
    main = text[: m.start()] if m else text
    return bool(_NEG.search(main))


def strip_negation(text: str) -> str:
    """The text with its negation words removed ("has not provided" -> "has provided")."""
    idioms: list[str] = []

    def hide(m: re.Match[str]) -> str:  # "no doubt", "not only": not a negation of the clause
        idioms.append(m.group(0))
        return f"\x00{len(idioms) - 1}\x00"

    text = _NEG_IDIOMS.sub(hide, text)
    text = re.sub(r"\b(ca|wo)n['’]t\b", lambda m: "can" if m.group(1).lower() == "ca" else "will", text, flags=re.I)
    text = re.sub(r"n['’]t\b", "", text)
    text = re.sub(r"\b(?:not|never|no longer)\s+", "", text, flags=re.I)
    text = re.sub(r"\bno\s+", "", text, flags=re.I)
    text = re.sub(r"\bnothing\b", "something", text, flags=re.I)
    text = re.sub(r"\x00(\d+)\x00", lambda m: idioms[int(m.group(1))], text)
    return " ".join(text.split())


def allegation_core(content: str) -> str:
    """A content that names an allegation ("claims that X", "reports of X") cut down to X."""
    text = _LEAD.sub("", " ".join(content.split()).strip(" \"“”'‘’"))
    m = _NAMES_ALLEGATION.match(text)
    return text[m.end():] if m and content_words(text[m.end():]) >= 2 else text


def referential(content: str) -> bool:
    """Whether a content only points at something said elsewhere ("any involvement", "that account")."""
    text = _LEAD.sub("", " ".join(content.split()).strip(" \"“”'‘’.,"))
    words = [w.lower() for w in _words(text)]
    if not words:
        return True
    if content_words(text) <= 2:
        return True
    i = 0
    while i < len(words) and words[i] in _REF_DETS:
        i += 1
    rest = words[i:]
    # "a story published by X", "the reports" (a referential head near the front, no clause after it)
    for j, w in enumerate(rest[:3]):
        if w in _REF_HEADS:
            tail = rest[j + 1:]
            return not tail or tail[0] not in ("that", "of", "about", "on") and len(tail) <= 5
    return False


def _trigger_pos(body: str, ev: Event, lo: int, hi: int) -> int | None:
    if not ev.trigger:
        return None
    for m in re.finditer(r"\b" + re.escape(ev.trigger) + r"\b", body[lo:hi]):
        return lo + m.start()
    return None


def events_in(claim_span: tuple[int, int], body: str, events: Sequence[Event]) -> list[tuple[Event, int]]:
    """Events of the analysis whose trigger lies in the given span, with the trigger's offset."""
    cs, ce = claim_span
    out = []
    for ev in events:
        if ev.start >= ce or ev.end <= cs:
            continue
        pos = _trigger_pos(body, ev, max(cs, ev.start), min(ce, ev.end))
        if pos is not None:
            out.append((ev, pos))
    return out


def actor_codes(span: tuple[int, int], actors: Sequence[Actor], events: Sequence[Event]) -> set[str]:
    """Codes of the actors named inside a span (from the analysis' actors and its events' arguments)."""
    cs, ce = span
    codes = set()
    for a in list(actors) + [a for ev in events for a in ev.sources + ev.targets]:
        if a.code and a.start is not None and a.end is not None and cs <= a.start and a.end <= ce:
            codes.add(a.code)
    return codes


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" \"“”'‘’.,;:")
    text = _LEAD.sub("", text)
    return text[:1].upper() + text[1:] if text else text


def event_statement(body: str, ev: Event, trig: int, span: tuple[int, int], deny: bool) -> str | None:
    """"Source ... trigger ... target" from the body, when the event's arguments lie in the span."""
    cs, ce = span
    srcs = [a for a in ev.sources if a.start is not None and a.end is not None and cs <= a.start and a.end <= ce]
    tgts = [a for a in ev.targets if a.start is not None and a.end is not None and cs <= a.start and a.end <= ce]
    if not srcs or not tgts:
        return None
    lo = min([trig] + [a.start for a in srcs + tgts if a.start is not None])
    hi = max([trig + len(ev.trigger or "")] + [a.end for a in srcs + tgts if a.end is not None])
    text = body[lo:hi]
    if "\n\n" in text or len(text.split()) > EVENT_STATEMENT_WORDS or len(text.split()) < 2:
        return None
    if deny:
        text = strip_negation(text)
    first = srcs[0]
    if lo == first.start and first.text.lower() in _PRONOUNS and first.name:
        text = first.name + text[len(first.text):]
    return _tidy(text)


def content_statement(text: str, deny: bool) -> str:
    """The normalised content, cut at its first clause break and to a readable length."""
    text = " ".join(text.split()).strip(" \"“”'‘’.,;:")
    text = _LEAD.sub("", text)
    if deny:
        text = strip_negation(text)
    m = _STATEMENT_BREAK.search(text)
    if m and len(text[: m.start()].split()) >= 4:
        text = text[: m.start()]
    words = text.split()
    if len(words) > STATEMENT_WORDS:
        text = " ".join(words[:STATEMENT_WORDS]) + " …"
    return _tidy(text)


@dataclass
class Reading:
    """What one claim says, ready to be matched: see the module docstring, steps 1-3."""

    seq: int
    claim: Claim
    stance: str
    text: str                       # the content (or the answered allegation) to compare
    span: tuple[int, int]           # where that text lies in the body (None-like (0, 0) for a headline)
    events: list[tuple[Event, int]] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    antecedent: int | None = None   # seq of the claim of the same article it answers
    referential: bool = False
    resolved: bool = True

    @property
    def keys(self) -> list[str]:
        out: list[str] = []
        for ev, _ in self.events:
            out += [t for t in event_terms(ev) if t not in out]
        return out

    @property
    def full_keys(self) -> list[str]:
        return [k for k in self.keys if ">" in k and not k.endswith(">") and ":>" not in k]

    @property
    def checkable(self) -> bool:
        if not self.resolved or content_words(self.text) < 3:
            return False
        if any(ev.sources or ev.targets for ev, _ in self.events) and self.actors:
            return True
        return self.stance in ("deny", "allege", "confirm")

    def statement(self, body: str) -> tuple[str, int]:
        """(statement, rank): an event statement from a positive claim ranks highest."""
        deny = self.stance == "deny"
        for ev, pos in self.events:
            st = event_statement(body, ev, pos, self.span, deny and negated(body[self.span[0]:self.span[1]]))
            if st and content_words(st) >= 2:
                return st, 1 + _STANCE_RANK[self.stance] + 1
        negc = deny and negated(self.text)
        return content_statement(self.text, negc), _STANCE_RANK.get(self.stance, 0)


def read_claims(art: Article, an: Analysis) -> list[Reading]:
    """Steps 1-3 of the module docstring for every claim of an article, in order."""
    body = art.body
    out: list[Reading] = []
    spans = [c.spans.content for c in an.claims]
    for seq, c in enumerate(an.claims):
        cs, ce = c.spans.content
        # claims nested in this one are read on their own: cut them out of the outer claim
        inner = sorted({(a, b) for a, b in spans if cs <= a and b <= ce and (a, b) != (cs, ce)})
        content = c.content or body[cs:ce]
        if inner and c.content == body[cs:ce]:
            parts, pos = [], cs
            for a, b in inner:
                if a >= pos:
                    parts.append(body[pos:a])
                    pos = b
            parts.append(body[pos:ce])
            content = " … ".join(p for p in parts if p.strip())
        stance = c.stance if c.stance in _STANCE_RANK else "assert"
        evs = [(e, p) for e, p in events_in((cs, ce), body, an.events) if not any(a <= p < b for a, b in inner)]
        is_neg = negated(content)
        if stance in ("assert", "allege", "confirm") and (is_neg or any(e.status == "denied" for e, _ in evs)):
            stance = "deny"
        elif stance == "assert":
            cue = (c.cue or "").lower().split()
            if c.hedged or (cue and cue[-1] in _ALLEGE_CUES) or any(e.status == "alleged" for e, _ in evs):
                stance = "allege"
        r = Reading(seq, c, stance, allegation_core(content), (cs, ce), evs,
                    actor_codes((cs, ce), an.actors, an.events))
        if inner and content_words(content) < 4:  # little left once the nested claims are cut out
            r.resolved = False
        if stance == "deny" and not is_neg and referential(content):
            r.referential = True
            _resolve(r, out, art, an)
        out.append(r)
    return out


def _sentence_start(body: str, pos: int) -> int:
    lo = max(0, pos - 400)
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+|\n", body[lo:pos])]
    return lo + ends[-1] if ends else lo


def _resolve(r: Reading, earlier: list[Reading], art: Article, an: Analysis) -> None:
    """Find what a referential denial answers: an event in its sentence, an earlier claim, the headline."""
    body = art.body
    cs, ce = r.span
    s0 = _sentence_start(body, cs)
    # an event of the denial's own sentence outside the denied words ("denied involvement in the attack")
    sent_events = [(ev, p) for ev, p in events_in((s0, ev_end(an.events, cs, ce)), body, an.events)
                   if not (cs <= p < ce) and ev.status in ("denied", "alleged") and (ev.sources or ev.targets)]
    cands = []
    for prev in reversed(earlier[-ANTECEDENT_CLAIMS * 2:]):
        ps, pe = prev.span
        if prev.referential or prev.stance == "deny" or pe > ce or ps < s0 - ANTECEDENT_CHARS:
            continue
        if ps <= cs and ce <= pe:  # a claim that contains the denial (a report of it)
            continue
        if content_words(prev.text) < 4:
            continue
        cands.append(prev)
        if len(cands) >= ANTECEDENT_CLAIMS:
            break
    best = next((p for p in cands if p.stance in ("allege", "confirm") or p.events), cands[0] if cands else None)
    if best is not None:
        r.antecedent, r.text, r.span = best.seq, best.text, best.span
        r.events, r.actors = best.events, best.actors
        return
    if sent_events:
        r.events = sent_events
        r.text = body[s0:ev_end(an.events, cs, ce)]
        r.span = (s0, ev_end(an.events, cs, ce))
        r.actors = actor_codes(r.span, an.actors, an.events)
        return
    title = (art.title or "").strip()
    if title and content_words(title) >= 3:
        r.text, r.span, r.events, r.actors = title, (0, 0), [], set()
        return
    r.resolved = False


def ev_end(events: Sequence[Event], cs: int, ce: int) -> int:
    """End of the sentence holding a span (from the analysis' event sentences), else the span's end."""
    ends = [ev.end for ev in events if ev.start <= cs < ev.end]
    return max(ends) if ends else ce


# ------------------------------------------------------------------------------------ status

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


def statement_of(claim: Claim) -> str:
    """The proposition in plain words from a claim alone (normalised content, first clause)."""
    content = claim.content
    return content_statement(allegation_core(content), claim.stance == "deny" and negated(content))


# ------------------------------------------------------------------------------------ tracker

def _split(c: dict[str, float]) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    words, actors, events = {}, {}, {}
    for t, x in c.items():
        if t.startswith("a:"):
            actors[t] = x
        elif t.startswith("e:"):
            events[t] = x
        elif not t.startswith("~"):
            words[t] = x
    return words, actors, events


def key_agreement(claim_keys: Sequence[str], prop_events: dict[str, float]) -> float:
    """1 for a shared full key, 0.6 for a shared one-sided key, -1 when both have full keys and none
    agrees (same family with other actors, or other families only), 0 when there is nothing to compare."""
    if not claim_keys or not prop_events:
        return 0.0
    full_c = {k for k in claim_keys if ":>" not in k and not k.endswith(">")}
    full_p = {k for k in prop_events if ":>" not in k and not k.endswith(">")}
    if full_c & full_p:
        return 1.0
    if set(claim_keys) & set(prop_events):
        return 0.6
    if full_c and full_p:
        return -1.0
    return 0.0


class PropositionTracker:
    """Attaches the claims of each stored article to propositions (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._n_docs: int | None = None

    def _vector(self, text: str, lang: str | None = None) -> Vector:
        """TF-IDF vector of words and names (names at half weight: the actors carry them too), with the
        store's document frequencies smoothed by a background prior (see :mod:`sitrep.link.terms`)."""
        words, names, forms = term_counts_with_forms(text)
        counts: dict[str, float] = dict(words)
        for t, c in names.items():
            counts["n:" + t] = c
        df: dict[str, int] = self.store.doc_freqs("w", list(words))
        df.update({"n:" + t: c for t, c in self.store.doc_freqs("n", list(names)).items()})
        if self._n_docs is None:  # counted once per article, not once per claim and candidate
            self._n_docs = self.store.n_linked() or 1
        n_docs = self._n_docs
        prior = background_prior(forms, lang)
        prior.update({"n:" + k: x for k, x in background_prior({t: t for t in names}, lang).items()})
        v = tfidf(counts, DocFreq(n_docs, df, prior), top=40)
        return normalise({t: x * (NAME_WEIGHT if t.startswith("n:") else 1.0) for t, x in v.items()})

    def _candidates(self, v: Vector, keys: Sequence[str]) -> list[str]:
        top = [t for t, _ in sorted(v.items(), key=lambda kv: -kv[1])[:QUERY_TERMS]] + list(keys)
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

    def score(self, r: Reading, v: Vector, centroid: dict[str, float],
              statement: Vector | None = None) -> tuple[float, float, float]:
        """(mixed score, content cosine, key agreement) of a claim reading against a proposition: the
        content cosine is taken with the centroid and, when given, averaged with the cosine with the
        proposition's statement (which does not drift as claims join)."""
        words, actors, events = _split(centroid)
        content = cosine(v, normalise(words))
        if statement is not None:
            content = 0.5 * content + 0.5 * cosine(v, statement)
        act = cosine(normalise({"a:" + a: 1.0 for a in r.actors}), normalise(actors)) if r.actors else 0.0
        key = key_agreement(r.keys, events)
        return W_CONTENT * content + W_ACTORS * act + W_EVENT * max(key, 0.0), content, key

    def _match(self, r: Reading, v: Vector, statement_text: str) -> tuple[str | None, float]:
        from sitrep.link.stance import stance_batch

        first = []
        for cand in self._candidates(v, r.keys):
            first.append((self.score(r, v, self._centroid(cand))[0], cand))
        first.sort(reverse=True)
        scored = []
        for _, cand in first[:RESCORE]:
            st = self.store.query("SELECT statement FROM propositions WHERE id = ?", (cand,))[0]["statement"]
            s, content, key = self.score(r, v, self._centroid(cand), self._vector(st))
            if key < 0 and content < CONFLICT_CONTENT_MIN:
                continue
            if key >= 1.0 and content >= KEY_CONTENT_MIN:
                s = max(s, THRESHOLD)
            scored.append((s, key, cand))
        scored.sort(reverse=True)
        need = THRESHOLD if r.checkable else JOIN_ONLY_THRESHOLD
        for s, key, cand in scored[:3]:
            if s < need:
                break
            if key < 1.0:
                st = self.store.query("SELECT statement FROM propositions WHERE id = ?", (cand,))[0]["statement"]
                if stance_batch([(st, statement_text)])[0][0] == "unrelated" and s < 0.6:
                    continue
            return cand, s
        return None, 0.0

    def track(self, art: Article, an: Analysis, duplicate_of: str | None = None) -> int:
        """Attach the claims of one stored article to propositions; return how many were attached."""
        n = 0
        self._n_docs = None
        pid_of: dict[int, str] = {}
        for r in read_claims(art, an):
            seq = r.seq
            if self.store.query("SELECT 1 AS x FROM proposition_claims WHERE article_id = ? AND seq = ?",
                                (art.id, seq)):
                continue
            if not r.resolved:
                continue
            v = self._vector(r.text)
            if not v:
                continue
            statement, rank = r.statement(art.body) if r.span != (0, 0) else (
                content_statement(r.text, False), 0)
            pid, score = None, 0.0
            if r.antecedent is not None and r.antecedent in pid_of:
                pid, score = pid_of[r.antecedent], 1.0
            else:
                pid, score = self._match(r, v, statement)
            if pid is None:
                if not r.checkable:
                    continue
                pid = next(f"p{art.id[:k]}-{seq}" for k in (10, 20, 64) if k == 64 or not self.store.query(
                    "SELECT 1 AS x FROM propositions WHERE id = ?", (f"p{art.id[:k]}-{seq}",)))
                key = r.full_keys[0][2:] if r.full_keys else None
                self.store.execute("INSERT INTO propositions VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   (pid, statement, "asserted", key, art.published, art.published, now_utc()))
                c: dict[str, float] = {"~rank": float(rank)}
            else:
                c = self._centroid(pid)
                if rank > c.get("~rank", -1.0):
                    self.store.execute("UPDATE propositions SET statement = ? WHERE id = ?", (statement, pid))
                    c["~rank"] = float(rank)
                if r.full_keys:
                    self.store.execute("UPDATE propositions SET event_key = ? WHERE id = ? AND event_key IS NULL",
                                       (r.full_keys[0][2:], pid))
            pid_of[seq] = pid
            self.store.execute("INSERT INTO proposition_claims VALUES (?, ?, ?, ?, ?)",
                               (art.id, seq, pid, r.stance, round(score, 4)))
            words, actors, events = _split(c)
            add_into(words, v, CENTROID_TERMS)
            for a in r.actors:
                actors["a:" + a] = actors.get("a:" + a, 0.0) + 1.0
            for k in r.keys:
                events[k] = events.get(k, 0.0) + 1.0
            self._save_centroid(pid, {**words, **actors, **events, "~rank": c.get("~rank", 0.0)})
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
