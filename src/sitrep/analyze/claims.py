"""Claims: attributed statements with speaker, cue, content, stance, hedging and source type.

Method
------
Attribution is read off the spaCy dependency parse of each sentence, helped by a scan of the
quotation marks of the whole text and a cue lexicon shipped as data
(``sitrep/data/claims/cues.yaml``: reporting verbs grouped by stance, nouns, reporting adverbs,
hedge words and the words that classify a speaker).  One pass over the tokens of each sentence
looks the lemma up in the lexicon sets (O(1) each), so sentences without a cue cost one set
look-up per token; nothing is quadratic.

Cue kinds, and where speaker and content come from:

* **reporting verb** (``said``, ``denied``, ``told``, ``warned`` ...): content is the verb's clausal
  complement (``ccomp``; "X said (that) ..."), else an infinitival complement ("vowed to ...",
  "urged Y to ..."), else a quotation that follows the cue after ``:`` or ``,`` ("X said: \"...\"") or
  that ends just before it ("\"...,\" X said."), else the clause the verb interrupts as a
  parenthetical ("Y, X said, Z"), else the direct object and what completes it ("denied the
  report", "dismissed a story ... as false", "called him a liar"; the whole clause of a passive:
  "X was criticized by Y for Z"), else a ``for``/``about``/``of`` phrase ("warned of ...").  Verbs
  that are also ordinary actions ("show", "find", "attack", "continue"...: ``physical_too`` in the
  lexicon) count only with a clause or a quotation.  Speaker:
  the verb's subject; in the passive the ``by`` agent; a participle or coordinated verb without a
  subject ("..., stating that", "claims ... and said", "is expected to endorse") inherits the
  subject of the verb it hangs on; a participle on a noun ("a report saying ...") takes that noun;
  a relative pronoun ("officials who said") is the speaker span, linked to the noun it stands for.
  Impersonal passives ("it was alleged that", "it has been reported that") have no speaker unless
  the sentence names one in a framing phrase ("In reports by X citing Y, it was alleged ...").
* **cue prepositions and communication-noun objects** (lexicon ``prep_cues`` / ``object_nouns``):
  "voted for X", "pointed to X", "spoke about X" give X; a light verb with a communication noun as
  object ("made the case for X", "offered his thoughts on X") gives the object phrase (or a quotation
  after a colon); "see / describe X as Y" and a poll or report that "shows X" give the object.  A
  content is widened over clauses the parser coordinated with the cue verb ("said that A, but B").
* **according to X**: speaker X, content the clause the phrase is attached to.
* **noun cue** with a ``that`` clause ("claims that ...", "Beijing's statements that ..."): the
  speaker is the possessor or a ``by``/``from`` phrase, when there is one.
* **reporting adverb** ("reportedly", "allegedly"): the modified clause, with no speaker.
* **"Speaker: statement" lines** (headlines, transcripts) whose left part is a short noun phrase.

Cues inside a quotation ("I think" within a quoted remark) are skipped: the quotation belongs to
the outer speaker.  Spans stay inside the cue's paragraph (sentence splitting can run over a
dateline).  A content clause keeps its "that" complementizer, as PARC/PolNeAR do.

Nested sources are reduced to the innermost one: "a report from the Global Times" gives the
Global Times, "reports by German media citing intelligence services" gives the intelligence
services.  A nested attribution gives one claim per cue ("According to a report from X, Y
dismissed Z": X's claim and Y's claim), as in PARC/PolNeAR annotation.

Quotations are found by pairing quotation marks within a paragraph (curly, straight, guillemets,
doubled apostrophes; an unclosed quotation runs to the end of its paragraph).  A content that
starts or ends inside a quotation is widened to the whole quotation, so quotes running over several
sentences are kept whole; a quotation that continues the same speaker in the next sentence(s) of
the paragraph, with no cue of its own, is added to the content (PolNeAR collapses such split
quotes into one span).

For each claim: ``stance`` comes from the cue's lexicon group (deny / allege / confirm / assert; a
negated denial or confirmation is an assertion), ``hedged`` from hedge words and phrases in the
content and cue, ``direct`` when the content is mostly inside quotation marks, and ``source_type``
from the speaker phrase (named person, official body, anonymous, intelligence, media, document)
and the sector of the actor the resolver links it to.  Pronoun speakers are linked by the
resolver; when it cannot link "he"/"she", the nearest person named before is used.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from sitrep.analyze.actors import TITLES, ActorResolver
from sitrep.analyze.nlp import DATELINE as _DATELINE
from sitrep.analyze.nlp import SAYING, by_the_press, reporter_of_conjunct, verb_above
from sitrep.analyze.nlp import nearest_first as _nearest_first
from sitrep.model import Actor, Claim, Spans

__all__ = ["find_claims", "Lexicon", "load_lexicon", "quote_spans"]

# ----------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    """The cue lexicon, loaded once from ``sitrep/data/claims/cues.yaml``."""

    verb_stance: dict[str, str]
    physical: frozenset[str]
    noun_stance: dict[str, str]
    adverb_stance: dict[str, str]
    hedges: frozenset[str]
    hedge_phrases: tuple[str, ...]
    source_words: dict[str, frozenset[str]]
    colon_labels: frozenset[str]
    prep_cues: dict[str, frozenset[str]]
    object_nouns: frozenset[str]


def _stance_map(groups: dict[str, list[str]]) -> dict[str, str]:
    """Lemma -> stance; a lemma listed under a marked stance keeps it over ``assert``."""
    out: dict[str, str] = {}
    for stance in ("assert", "confirm", "allege", "deny"):  # later groups win
        for w in groups.get(stance, []) or []:
            out[str(w).lower()] = stance
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the cue lexicon shipped with the package."""
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("claims/cues.yaml").read_text(encoding="utf-8"))
    src = {k: frozenset(str(w).lower() for w in v) for k, v in (raw.get("source_words") or {}).items()}
    return Lexicon(
        verb_stance=_stance_map(raw["verbs"]),
        physical=frozenset(str(w).lower() for w in raw.get("physical_too", [])),
        noun_stance=_stance_map(raw.get("nouns", {})),
        adverb_stance=_stance_map(raw.get("adverbs", {})),
        hedges=frozenset(str(w).lower() for w in raw.get("hedges", [])),
        hedge_phrases=tuple(str(p).lower() for p in raw.get("hedge_phrases", [])),
        source_words=src,
        colon_labels=frozenset(str(w).lower() for w in raw.get("colon_labels", [])),
        prep_cues={str(k).lower(): frozenset(str(p).lower() for p in v)
                   for k, v in (raw.get("prep_cues") or {}).items()},
        object_nouns=frozenset(str(w).lower() for w in raw.get("object_nouns", [])),
    )


# ----------------------------------------------------------------------------- quotations

_OPEN = {"“": "”", "«": "»", "„": "“", "‟": "”"}
_TOGGLE = ('"', "''", "``")
QUOTE_CHARS = "\"“”«»„‟"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations in ``text`` as ``(start, end)`` offsets including the marks, in text order.

    Marks are paired within a paragraph (a line); curly quotes and guillemets open and close,
    straight double quotes and doubled apostrophes toggle; a straight mark right after a comma or a
    full stop also closes a curly quotation (a common typo); an unclosed quotation ends with its line.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        i, n = 0, len(line)
        start: int | None = None
        closer = ""
        while i < n:
            ch = line[i]
            two = line[i:i + 2]
            if start is None:
                if ch in _OPEN:
                    start, closer = i, _OPEN[ch]
                elif two in ("''", "``"):
                    start, closer = i, "''"
                    i += 1
                elif ch == '"':
                    start, closer = i, '"'
            else:
                if closer == "''" and two == "''":
                    spans.append((pos + start, pos + i + 2))
                    start = None
                    i += 1
                elif (ch == closer or (closer in "”»" and ch in "”»") or (closer == '"' and ch == "”")
                      or (closer == "”" and ch == '"' and i > 0 and line[i - 1] in ",.?!…")):
                    # (a curly quotation closed by a straight mark after its last punctuation: '“A,"')
                    spans.append((pos + start, pos + i + 1))
                    start = None
            i += 1
        if start is not None:
            end = len(line.rstrip())
            if end - start > 1:
                spans.append((pos + start, pos + end))
        pos += n + 1
    return spans


# ----------------------------------------------------------------------------- helpers

_PRONOUNS = {"he", "she", "him", "her"}
_SAY = {"say", "tell", "add", "ask", "reply", "respond", "write", "tweet", "declare", "answer", "explain",
        "continue", "insist", "note", "state", "warn", "shout", "yell", "scream", "whisper", "quip", "joke"}
_SPEAKER_DEPS = {"nsubj", "nsubjpass", "csubj"}
_PUNCT_TRIM = " \t\r\n,;:-–—"
_INTERROGATE = {"question", "interview", "interrogate", "quiz", "grill", "query"}
_XCOMP_OK = {"refuse", "decline", "seek", "plan", "vote"}
_ADJUNCT_PREPS = {"in", "on", "at", "during", "after", "before", "since", "until", "amid", "while"}


def _tok_end(t: Any) -> int:
    return int(t.idx + len(t.text))


def _subtree_span(t: Any) -> tuple[int, int]:
    return int(t.left_edge.idx), _tok_end(t.right_edge)


_TRAILING_CC = re.compile(r"(?:[\s,]+(?:and|but|or|while))+$")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip punctuation and space at both ends, and a dangling conjunction at the end: the parser
    hangs the "and" of "said A and warned B" on A."""
    while s < e and text[s] in _PUNCT_TRIM:
        s += 1
    while e > s and text[e - 1] in _PUNCT_TRIM + ".":
        e -= 1
    if e - s > 4 and text[e - 1].isalpha():
        m = _TRAILING_CC.search(text, max(s, e - 20), e)
        if m is not None and m.start() > s:
            e = m.start()
            while e > s and text[e - 1] in _PUNCT_TRIM + ".":
                e -= 1
    return s, e


class _Doc:
    """Per-document state: text, quotation spans and the lexicon."""

    def __init__(self, doc: Any, lex: Lexicon) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.lex = lex
        self.quotes = quote_spans(self.text)
        self.ents: list[tuple[int, int, str]] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        self.q_starts = [q[0] for q in self.quotes]

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation containing character ``pos``."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def quote_after(self, pos: int, limit: int) -> tuple[int, int] | None:
        """The first quotation starting in ``[pos, limit]``."""
        i = bisect.bisect_left(self.q_starts, pos)
        if i < len(self.quotes) and self.quotes[i][0] <= limit:
            return self.quotes[i]
        return None

    def quote_before(self, pos: int) -> tuple[int, int] | None:
        """The last quotation ending at or before ``pos``."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        while i >= 0:
            if self.quotes[i][1] <= pos:
                return self.quotes[i]
            i -= 1
        return None

    def widen_to_quotes(self, s: int, e: int) -> tuple[int, int]:
        """Widen a content span that starts or ends inside a quotation to the whole quotation."""
        for pos in (s, max(s, e - 1)):
            q = self.quote_at(pos)
            if q is not None:
                s, e = min(s, q[0]), max(e, q[1])
        # a quotation opening right before the content, or closing right after it
        if s > 0:
            q = self.quote_at(max(0, s - 2)) or self.quote_at(s - 1)
            if q is not None and q[1] >= s:
                s, e = min(s, q[0]), max(e, q[1])
        q = self.quote_at(min(len(self.text) - 1, e + 1)) if e < len(self.text) else None
        if q is not None and q[0] <= e + 1 and q[0] >= e - 1:
            pass  # a new quotation starts after the content: not part of it
        elif e < len(self.text):
            q = self.quote_at(e)
            if q is not None and q[0] < e:
                e = max(e, q[1])
        return s, e

    def inside_quotes(self, s: int, e: int) -> int:
        """How many characters of ``[s, e)`` lie inside quotations."""
        n = 0
        i = max(0, bisect.bisect_right(self.q_starts, s) - 1)
        while i < len(self.quotes) and self.quotes[i][0] < e:
            qs, qe = self.quotes[i]
            n += max(0, min(e, qe) - max(s, qs))
            i += 1
        return n


@dataclass
class _Raw:
    """A claim before actors and classification."""

    cue: tuple[int, int] | None
    content: tuple[int, int]
    speaker: Any | None  # spaCy token: the head of the speaker phrase
    speaker_span: tuple[int, int] | None
    stance: str
    kind: str  # verb | according | noun | adverb
    sent_end: int


def _subject(v: Any, depth: int = 0) -> Any | None:
    """The subject of verb ``v`` (or, passively, its agent), inherited along conj/advcl/xcomp/acl/pcomp.

    A relative pronoun subject ("officials who said") is returned as is; :func:`_antecedent` gives
    the noun it stands for.
    """
    # the subject nearest the verb, before it if any: a wire dateline ("RIGA, March 3 - Officials
    # said ...") is sometimes parsed as a second, earlier subject
    subjects = _nearest_first([c for c in v.children if c.dep_ in ("nsubj", "csubj")], v)
    if subjects:
        c = subjects[0]
        if c.tag_ in ("WP", "WDT") or c.lower_ in ("who", "which", "that"):
            return c if v.dep_ == "relcl" else None
        return c
    for c in v.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if any(c.dep_ == "nsubjpass" for c in v.children):
        return None
    if depth < 3 and (rep := reporter_of_conjunct(v)) is not None:
        return _subject(rep, depth + 1)  # "X said the sanctions were illegal and warned ...": X
    if depth < 3 and v.dep_ == "advcl" and v.head.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.i > v.i for m in v.head.children):
        # "X reported, citing officials, that ...": the participle stands before the "that" of the
        # reported clause, so it is the reporter's, though the parser hangs it inside
        return _subject(v.head.head, depth + 1)
    if depth < 3 and v.dep_ in ("conj", "advcl", "xcomp", "pcomp") and v.head.i != v.i:
        h = v.head
        if v.dep_ == "pcomp" or h.pos_ == "ADJ":
            h = h.head
        if v.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in h.children):
            # "lawmakers sanctioned by Beijing for criticizing its policy": the lawmakers criticize
            patient = next((c for c in h.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                return patient
        h = verb_above(h, 3)  # ("rejected the findings as motivated and accused ...": hung on the adjective)
        if h.pos_ in ("VERB", "AUX"):
            if v.dep_ == "xcomp":  # raising: "X is expected to endorse"
                for c in h.children:
                    if c.dep_ == "nsubjpass" and c.lower_ != "it":
                        return c
                    # object control: "prompting the opposition leader to allege fraud"
                    if c.dep_ == "dobj" and c.i < v.i and c.pos_ in ("NOUN", "PROPN") \
                            and h.lemma_.lower() not in ("promise", "vow", "pledge"):
                        return c
            return _subject(h, depth + 1)
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON") and v.tag_ == "VBG":
        return v.head  # "officials speaking on condition ..." (not "a tanker suspected of ...": passive)
    if v.dep_ in ("relcl", "acl") and _can_speak(v.head) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and any(
            c.dep_ in ("dobj", "ccomp") for c in v.children):
        # "prompting the opposition leader to allege fraud" (parsed as an infinitival relative)
        return v.head
    return _misparsed_subject(v)


_NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_SPEAKING_NOUNS = {"figure", "leader", "candidate", "minister", "president", "activist", "politician", "party",
                   "group", "country", "state", "opposition", "union", "movement", "lawyer", "campaigner"}


def _can_speak(t: Any) -> bool:
    """A noun that can be the one who says something: a name, or a person or body noun."""
    if t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS:
        return True
    sw = load_lexicon().source_words
    low = t.lemma_.lower()
    return t.pos_ == "NOUN" and (low in _SPEAKING_NOUNS or low in sw.get("anonymous", ())
                                 or low in sw.get("official_body", ()))


def _misparsed_subject(v: Any) -> Any | None:
    """A name just before a subjectless verb that the parser did not make its subject: in "Orban
    later said ..." the small model reads "Orban" as a modifier of "later", in "Minister Jean-Yves
    Le Drian last week called ..." as a conjunct of an earlier verb.  Only adverbs and time
    phrases may stand between the name and the verb."""
    doc = v.doc
    i = v.i - 1
    while i >= v.sent.start and (doc[i].pos_ == "ADV" or doc[i].ent_type_ in ("DATE", "TIME")):
        i -= 1
    if i < v.sent.start:
        return None
    t = doc[i]
    if i < v.i - 1 and t.pos_ == "PROPN" and (t.ent_type_ in _NAME_ENTS or not t.ent_type_) \
            and t.dep_ not in ("pobj", "poss", "dobj", "compound"):
        return t
    # "A, a spokesperson for the militia said": the speaker hung as an apposition on a word of A
    for a in doc[v.sent.start:v.i]:
        if a.dep_ == "appos" and a.right_edge.i == i and a.left_edge.i > 0 and doc[a.left_edge.i - 1].text == "," \
                and a.pos_ in ("NOUN", "PROPN") and v.dep_ == "ROOT":
            return a
    return None


def _speaker_subject(v: Any, D: _Doc) -> Any | None:
    """:func:`_subject`, except that a subject inside a quotation gives way to one outside it.

    In '"If the port is full, it will wait," said Olsen' the parser may hang the quotation's own
    subject ("it") on "said" next to the real speaker; the speaker is never inside the quotation.
    """
    subj = _subject(v)
    if subj is None or D.quote_at(int(subj.idx)) is None:
        return subj
    for c in v.children:
        if c is not subj and c.dep_ == "nsubj" and D.quote_at(int(c.idx)) is None:
            return c
    return subj


def _antecedent(t: Any) -> Any:
    """The noun a relative pronoun stands for ("officials who ..." -> officials); else ``t``."""
    if (t.tag_ in ("WP", "WDT") or t.lower_ in ("who", "which", "that")) and t.head.dep_ == "relcl":
        return t.head.head
    return t


_INNER_PREPS = {"by", "from", "of", "in"}
_ISSUE_VERBS = {"issue", "publish", "release", "circulate", "send", "post", "file", "submit", "present", "distribute"}


def _innermost(t: Any, lex: Lexicon) -> Any:
    """Follow a document/report noun to the source it names: "a report from X citing Y" -> Y."""
    docs = lex.source_words.get("document", frozenset())
    for _ in range(4):
        nxt = None
        for c in t.children:
            if c.dep_ == "acl" and c.lemma_ in ("cite", "quote"):
                for o in c.children:
                    if o.dep_ == "dobj":
                        nxt = o
            elif c.dep_ == "acl" and c.lemma_ in ("publish", "release", "issue", "conduct", "commission",
                                                   "carry", "air", "broadcast"):
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj":
                                nxt = p
        if nxt is None and (t.lemma_.lower() in docs or t.lower_ in docs) and t.dep_ == "dobj" \
                and t.head.lemma_.lower() in _ISSUE_VERBS:
            # "MI5 issued an alert accusing X": the issuer speaks
            nxt = next((c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if nxt is None and (t.lemma_.lower() in docs or t.lower_ in docs or t.lemma_ in ("medium", "media")):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in _INNER_PREPS:
                    for p in c.children:
                        if p.dep_ == "pobj" and (p.pos_ in ("PROPN", "NOUN")):
                            nxt = p
                            break
                if nxt is not None:
                    break
                if c.dep_ == "poss":
                    nxt = c
                    break
        if nxt is None:
            return t
        t = nxt
    return t


def _np_span(t: Any) -> tuple[int, int]:
    """Span of a speaker noun phrase: its subtree, without a trailing possessive marker and
    without trailing phrases the parser hung on it that are not part of the name: a time ("Sudan's
    government on Sunday") or what the speaker accuses of ("rights groups of bombing markets")."""
    s, e = _subtree_span(t)
    right = t.right_edge
    if right.dep_ == "case" and right.i > t.i and right.i == t.i + 1:
        e = _tok_end(t)
    doc = t.doc
    cut = False
    for c in reversed(list(t.rights)):
        if c.dep_ == "punct":
            continue
        timed = c.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in c.children if p.dep_ == "pobj")
        gerund = c.dep_ == "prep" and c.lower_ in ("of", "for") and any(p.dep_ == "pcomp" for p in c.children)
        if not (timed or gerund) or c.left_edge.i <= t.i:
            break
        e, cut = _tok_end(doc[c.left_edge.i - 1]), True
    if cut:
        while e > s and doc.text[e - 1] in ", ":
            e -= 1
    return s, e


def _np_core(t: Any) -> tuple[int, int]:
    """Span of a noun phrase without its relative clauses and appositions."""
    left = t.left_edge.i
    right = t.i
    for c in t.children:
        if c.i > t.i and c.dep_ in ("compound", "flat", "nummod", "amod") :
            right = max(right, c.right_edge.i)
    doc = t.doc
    return int(doc[left].idx), _tok_end(doc[right])


def _frame_source(v: Any, lex: Lexicon) -> Any | None:
    """For an impersonal passive ("it was alleged"), a source named in a framing phrase."""
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "according", "from", "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    inner = _innermost(p, lex)
                    if inner is not p:
                        return inner
                    if c.lower_ in ("by", "from"):
                        return p
                if p.dep_ == "prep" and p.lower_ == "to":
                    for q in p.children:
                        if q.dep_ == "pobj":
                            return _innermost(q, lex)
    return None


# ----------------------------------------------------------------------------- cue handlers


def _stray_that_clause(v: Any) -> tuple[Any, Any] | None:
    """A "that" clause the parser hung on a noun of an adjunct of a saying verb: "X said at a news
    conference on Friday that ..." (parsed as a relative clause of "conference").  Returns the
    "that" token and the clause's verb; only a "that" parsed as a complementizer (``mark``) counts,
    a relative "that" is a subject or an object."""
    for c in v.children:
        if c.dep_ != "prep" or c.i < v.i:
            continue
        for t in c.subtree:
            if t.dep_ == "mark" and t.lower_ == "that" and t.head.dep_ in ("relcl", "acl") and t.head.i > t.i:
                return t, t.head
    return None


def _content_of_verb(v: Any, D: _Doc, sent: Any) -> tuple[int, int] | None:
    """The content span of reporting verb ``v`` (see the module docstring for the order)."""
    lex, text = D.lex, D.text
    lemma = _lemma(v)
    known = lemma in lex.verb_stance  # else a cue only with a clause, a quotation or an extra content
    kids = list(v.children)
    comps = [c for c in kids if c.dep_ == "ccomp" and c.i > v.i or c.dep_ == "ccomp" and c.i < v.i]
    # a clause before the cue is not its content when a semicolon or a conjunction stands between
    # them ("A blamed B; police said they ...", "A held talks ..., and both sides described the
    # session as constructive"): the parser subordinated a coordinated clause
    in_subject = {t.i for k in kids if k.dep_ in _SPEAKER_DEPS and k.i < v.i for t in k.subtree}
    comps = [c for c in comps if c.i > v.i or not any(
        (t.text == ";" or t.dep_ in ("cc", "mark")) and t.i not in in_subject for t in v.doc[c.right_edge.i + 1:v.i])]
    if comps:
        s = min(_subtree_span(c)[0] for c in comps)
        e = max(_subtree_span(c)[1] for c in comps)
        first = min(comps, key=lambda c: c.i)
        if v.dep_ == "relcl" and s < int(v.idx) and any(c.i > v.i for c in comps):
            # "a boat that it said was carrying drugs": the relative pronoun before the cue is not
            # part of what was said
            s = _tok_end(v)
        mark = next((m for m in first.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if mark is not None and any(c.dep_ == "advcl" and c.i < mark.i for c in first.children):
            s = int(mark.idx)  # "reported, citing officials, that ...": the participle is the reporter's
        subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > v.i), None)
        if subj is not None and first.i > v.i and any(
                c.dep_ == "prep" and v.i < c.i < subj.i and any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
                for c in first.children) and not any(t.dep_ == "mark" for t in v.doc[v.i + 1:subj.i]):
            s = int(subj.left_edge.idx)  # "said on Thursday it would ...": the day is the saying's
        # a leading "that" stays in the content, as in PARC/PolNeAR annotation
        return _trim(text, s, e)
    stray = _stray_that_clause(v) if lemma in _SAY else None
    if stray is not None:
        return _trim(text, int(stray[0].idx), _subtree_span(stray[1])[1])
    # a quotation the parser hung on the speaker: "\"...,\" X, 61, told Y"
    subj = _speaker_subject(v, D)
    if (subj is not None and subj.i < v.i and subj.head.i == v.i
            and (not any(c.dep_ == "dobj" for c in kids) or lemma in ("tell", "ask"))):
        q = D.quote_at(int(subj.left_edge.idx))
        if q is not None and q[1] <= subj.idx and q[1] - q[0] > 3:
            return q
    xcomps = [c for c in kids if c.dep_ == "xcomp" and c.i > v.i]
    if xcomps and known and lemma not in ("say", "tell", "add", "seem", "appear") and (
            lemma not in lex.physical or lemma in _XCOMP_OK):
        objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > v.i]
        s = min(_subtree_span(c)[0] for c in objs + xcomps)
        e = max(_subtree_span(c)[1] for c in xcomps)
        s = max(s, _tok_end(v))  # ("where Germany promised to deliver": the "where" hung on the infinitive)
        return _trim(text, s, e)
    # a quotation after the cue: X said: "..." / X said, "..." / X said "..."
    if not any(c.dep_ == "dobj" for c in kids) or v.lemma_ in ("tell", "ask"):
        q = D.quote_after(_tok_end(v), _tok_end(v) + 80)
        if q is not None:
            gap = text[_tok_end(v):q[0]]
            g = gap.strip()
            if g == "":
                if v.lemma_ not in _SAY:
                    q = None
            elif not (g.endswith(":") or (g.endswith(",") and len(g) <= 30)) or re.search(r"[\"“”«»]", g):
                q = None
            elif "\n" in gap.rstrip() and not gap.rstrip().endswith(":"):
                q = None
        if q is not None and q[1] - q[0] > 3:
            return q
    # a quotation just before the speaker and cue: "...," X said.
    subj = _speaker_subject(v, D)
    first = min(v.i, subj.left_edge.i if subj is not None and subj.i < v.i else v.i)
    while first < v.i and (sent.doc[first].is_punct or sent.doc[first].is_space):
        first += 1  # the parser often hangs the closing quotation mark on the speaker
    first_char = int(sent.doc[first].idx)
    qb = D.quote_before(first_char)
    if (qb is not None and first_char - qb[1] <= 3 and qb[1] - qb[0] > 3 and "\n" not in text[qb[1]:first_char]
            and (text[qb[1] - 2] in ",?!—–-" or "," in text[qb[1]:first_char])
            and (not any(c.dep_ == "dobj" for c in kids) or v.lemma_ in ("tell", "ask"))):
        return qb
    # a parenthetical cue: Y, X said, Z   /   Y, said X.
    has_subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
    # ("A, the watchdog said in a report": the parser may coordinate the cue with A's verb)
    # "when they feel threatened" is no inserted cue
    subordinate = any(c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ in _WH_TIME for c in kids)
    comma_conj = v.dep_ == "conj" and v.i > v.head.i and lemma in _SAY and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i > 0 and v.doc[c.left_edge.i - 1].text == ","
        for c in kids)
    if ((v.dep_ in ("parataxis", "ccomp", "advcl") or comma_conj) and v.head.i != v.i
            and v.head.pos_ in ("VERB", "AUX")
            and has_subj and not subordinate and not any(c.dep_ == "dobj" for c in kids)
            and not any(c.dep_ == "prep" and c.i == v.i + 1 and c.lower_ not in _ADJUNCT_PREPS
                        for c in kids)  # ("called for X": its own content; not "said in a report")
            and lemma not in lex.physical and known):
        # (a complement clause after its verb is that verb's content, not an inserted cue:
        # "Rutte said the alliance would respond")
        # (a cue inside what a later "said" reports is not inserted: "A and B are accused of X, the
        # prosecutors said")
        if v.dep_ == "parataxis" or comma_conj or (
                v.dep_ == "ccomp" and v.i < v.head.i and _lemma(v.head) not in _SAY) or (
                v.dep_ == "advcl" and v.i > v.head.i):
            h = v.head
            hs, he = _subtree_span(h)
            vs, ve = _subtree_span(v)
            subj_left = min((c.left_edge.i for c in kids if c.dep_ in ("nsubj", "nsubjpass")), default=v.i)
            # "Though A, he said, B": the parser hangs A on the cue, yet the cue sits inside the
            # sentence and the content is all of it around the cue, as with "A, he said, B"
            before = [c for c in kids if c.i < subj_left and not c.is_punct and len(list(c.subtree)) >= 3]
            if vs <= hs and not (before and he > ve + 1):
                hs = ve
            elif ve >= he:
                he = vs
            s, e = _trim(text, hs, he)
            if e - s > 10:
                return s, e
    if lemma in ("ask", "wonder", "inquire", "question"):
        for c in kids:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children):
                return _trim(text, *_subtree_span(c))
    extra = _extra_content(v, D)
    if extra is not None:
        return extra
    if lemma in lex.physical or lemma not in lex.verb_stance:
        return None
    passive = any(c.dep_ == "auxpass" for c in kids)
    if passive:
        subj = next((c for c in kids if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
        if lemma in _INTERROGATE and not any(c.dep_ == "agent" for c in kids):
            return None  # "the crew was questioned": an interrogation, not a statement by anyone
        if subj is not None and v.dep_ == "relcl" and _antecedent(subj) is not subj:
            return None  # "a claim that could not be verified": the clause qualifies its noun
        if subj is not None:
            # PolNeAR keeps the whole passive clause ("X has been criticized by Y for Z")
            return _trim(text, *_subtree_span(v))
    objs = [c for c in kids if c.dep_ == "dobj" and c.i > v.i]
    if objs:
        return _object_phrase(v, objs[0], text)
    oprd = [c for c in kids if c.dep_ == "oprd" and c.i > v.i]
    if oprd:  # "called the damage deliberate", parsed with the object inside the complement
        return _trim(text, *_subtree_span(oprd[0]))
    for c in kids:
        if c.dep_ == "prep" and c.i > v.i and c.lower_ in ("for", "about", "of", "on", "against"):
            for p in c.children:
                # not "said on Friday", not "responded on social media"
                if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in ("DATE", "TIME") and not (
                        c.lower_ == "on" and p.lemma_.lower() in _MEDIUM):
                    return _trim(text, *_subtree_span(p))
        if c.dep_ == "advcl" and c.i > v.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            return _trim(text, *_subtree_span(c))
    return None


def _extend_over_conj(v: Any, content: tuple[int, int], D: _Doc) -> tuple[int, int]:
    """Widen a content that follows its cue over clauses coordinated with the cue verb.

    The parser hangs the second half of "X said that A, but B" and of "X pledged to A, B and C" on
    the reporting verb rather than on the content; PolNeAR takes the whole coordination as the
    content.  Only a coordinated clause with a subject of its own ("but B"), or a bare verb after an
    infinitival content ("to A, B and C"), is taken: "confirmed X and left" keeps "X".  A
    coordinated verb that is itself a cue ("said A and added B") starts its own claim and ends the
    widening.
    """
    s, e = content
    if s < _tok_end(v):
        return content
    for c in v.children:
        if c.dep_ != "conj" or c.i < v.i or int(c.idx) < e:
            continue
        if c.lemma_.lower() in D.lex.verb_stance or c.pos_ not in ("VERB", "AUX"):
            break
        own_subject = any(k.dep_ in _SPEAKER_DEPS or k.dep_ == "expl" for k in c.children)
        infinitive = D.text.startswith("to ", s) and c.tag_ == "VB"
        if not (own_subject or infinitive):
            break
        e = max(e, _trim(D.text, *_subtree_span(c))[1])
    return s, e


# subordinating words of a clause that tells when or despite what a report was made
_REPORT_MARKS = {"although", "though", "after", "when", "before", "while", "until", "since", "whereas"}


def _extend_to_clause_end(v: Any, content: tuple[int, int], D: _Doc) -> tuple[int, int]:
    """Widen a content that follows its cue over the cue verb's later dependents.

    PolNeAR contents run to the end of the reporting clause ("promised to act should he win",
    "described the dinner as ...", "blamed the law on ..."); the parser hangs such trailing phrases
    on the cue verb rather than on the content.  Dependents after the content are taken up to the
    first one that is a clause of its own: a conjunct with a subject, or a saying verb.
    """
    s, e = content
    if s < _tok_end(v) or D.inside_quotes(s, e) > 0.5 * (e - s):
        return content
    for c in v.children:
        cs, ce = _subtree_span(c)
        if cs < e:
            continue
        if c.dep_ in ("punct", "cc"):
            continue
        if c.dep_ == "conj" or _lemma(c) in D.lex.verb_stance or c.dep_ in ("parataxis", "ccomp"):
            break
        if D.quote_at(cs) is not None and D.quote_at(cs) != D.quote_at(e - 1):
            break
        if c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in _REPORT_MARKS for k in c.children):
            break  # "..., although ...", "... after ...": a clause of the report, not of the content
        other = next((t for t in c.subtree if t.dep_ == "relcl" and _lemma(t) in SAYING and any(
            k.dep_ in _SPEAKER_DEPS and k.tag_ not in ("WDT", "WP") and k.pos_ != "PRON" for k in t.children)), None)
        if other is not None:  # "... at a conference in Berlin, where Germany promised to ...": not this claim's
            e = max(e, int(c.doc[other.left_edge.i].idx))
            break
        e = max(e, ce)
    return _trim(D.text, s, e)


def _cut_nested_cue(v: Any, content: tuple[int, int], D: _Doc) -> tuple[int, int]:
    """End a content that follows its cue before a later saying verb that starts a claim of its own.

    "X said A, adding B" and "X said A, and he railed against B" are two attributions in PolNeAR:
    the parser often hangs the second cue inside the first content (as a conjunct or an adverbial
    clause of the content's verb), so its subtree runs on to the end of the sentence.  A saying
    verb coordinated with or subordinated to a content word, after the content's start, with a
    subject of its own or as a participle ("adding", "telling"), ends the content.  Quoted
    contents are left whole: a speaker's own quotation is one content.
    """
    s, e = content
    if s < _tok_end(v) or D.inside_quotes(s, e) > 0.5 * (e - s):
        return content
    doc = v.doc
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return content
    for t in span:
        if t.i <= span.start + 1 or t.dep_ not in ("conj", "advcl") or t.pos_ not in ("VERB", "AUX"):
            continue
        lemma = _lemma(t)
        if t.head.i < span.start or D.quote_at(int(t.idx)) is not None:
            continue
        contrast = t.dep_ == "advcl" and lemma in SAYING and any(
            k.dep_ == "mark" and k.lower_ in ("while", "whereas") for k in t.children) and any(
            k.dep_ in _SPEAKER_DEPS for k in t.children)
        if any(k.dep_ == "mark" for k in t.children) and not contrast:
            continue  # "until X said ...": a subordinate clause belongs to the content
        participle = t.tag_ == "VBG" and t.dep_ == "advcl" and lemma in _SAY
        pronoun_subject = t.dep_ == "conj" and (lemma in _SAY or lemma in D.lex.prep_cues) and any(
            k.dep_ == "nsubj" and k.lower_ in _PRONOUNS for k in t.children)
        # "said A and warned B": the parser put the speaker's second act inside the content
        reporter = reporter_of_conjunct(t)
        reporter_again = reporter is not None and reporter.i == v.i
        # "rejected the findings as motivated and accused X": a saying verb coordinated with a word
        # that is no verb is the speaker's next act, hung on the content by the parser
        if t.dep_ == "conj" and t.head.pos_ not in ("VERB", "AUX") and _lemma(t) in SAYING and not any(
                k.dep_ in _SPEAKER_DEPS for k in t.children):
            reporter_again = True
        if not (participle or pronoun_subject or reporter_again or contrast):
            continue
        cut = int(doc[t.left_edge.i].idx)
        prev = doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
        if prev is None or not (prev.is_punct or prev.dep_ == "cc"):
            continue  # only at a clause boundary: ", adding", "and he said", ", while X said"
        if prev.dep_ == "cc":  # drop the conjunction: "A, and he said B" -> "A"
            cut = int(prev.idx)
        ns, ne = _trim(D.text, s, cut)
        if ne - ns > 10:
            return ns, ne
        break
    return content


_AS_VERBS = {"see", "view", "regard", "consider", "describe", "portray", "paint", "cast", "label", "brand",
             "characterize", "characterise", "depict", "bill", "present", "dismiss", "criticize", "praise"}
# verbs that report only through a communication noun: "made the case", "issued a statement"
_LIGHT_VERBS = {"make", "offer", "give", "issue", "release", "deliver", "express", "voice", "pay", "send",
                "post", "share", "extend", "lodge", "file", "raise", "level", "publish", "put", "repeat",
                "renew", "reiterate", "air", "add"}
_FINDING_VERBS = {"show", "find", "indicate", "suggest", "reveal", "give", "put", "have", "place"}
_FINDING_SUBJECTS = {"poll", "survey", "result", "number", "data", "figure", "record", "study", "report",
                     "analysis", "count", "tally", "estimate", "filing", "document", "statistic"}


def _object_phrase(v: Any, o: Any, text: str) -> tuple[int, int]:
    """A direct object and what completes it ("shows X leading Y", "sees X as Y"), up to a relative
    clause in it that is someone else's statement ("pledged aid at a conference in Berlin, where
    Germany promised to ...")."""
    s, e = _subtree_span(o)
    e = _complement_end(v, o, e)
    for t in o.subtree:
        if t.dep_ == "relcl" and _lemma(t) in SAYING and any(
                k.dep_ in _SPEAKER_DEPS and k.tag_ not in ("WDT", "WP") and k.pos_ != "PRON" for k in t.children):
            e = min(e, int(t.doc[t.left_edge.i].idx))
            break
    return _trim(text, s, e)


def _complement_end(v: Any, o: Any, e: int) -> int:
    """Extend the end ``e`` of object ``o`` of verb ``v`` over the verb's later complements.

    Prepositional phrases other than time and place adjuncts, predicates ("X as Y") and clauses
    complete the object ("criticized X for Y", "wrote an op-ed urging Y"); an adverbial clause joins
    only when it has no subordinating word (a participle or an infinitive, not "because ...") and is
    not itself a saying verb ("..., adding ...").  A comma, a conjunction or any other clause ends it.
    """
    for c in v.children:
        if c.i <= o.i:
            continue
        if c.dep_ in ("prep", "oprd", "xcomp", "ccomp", "acomp") and c.lower_ not in _ADJUNCT_PREPS:
            e = max(e, _subtree_span(c)[1])
        elif (c.dep_ == "advcl" and c.tag_ in ("VBG", "VB") and _lemma(c) not in _SAY
              and not any(k.dep_ == "mark" and k.lower_ != "to" for k in c.children)
              and not c.doc[c.left_edge.i - 1].is_punct):
            e = max(e, _subtree_span(c)[1])
        elif c.dep_ == "npadvmod" and c.left_edge.i == o.right_edge.i + 1:
            e = max(e, _subtree_span(c)[1])  # "mentioned X five times"
        elif c.dep_ in ("punct", "cc", "conj", "advcl"):
            break
    return e


def _extra_content(v: Any, D: _Doc) -> tuple[int, int] | None:
    """Contents of verbs that are cues only in some constructions (tried after clause and quotation).

    * a cue preposition from ``prep_cues`` ("voted for X", "pointed to X", "spoke about X"): its object;
    * a communication noun as direct object ("offered his thoughts on X", "made the case for X"):
      a quotation announced by a colon after it, else the object phrase;
    * "see / describe / portray X as Y": the object and its "as" phrase;
    * a poll or a report as subject of "show / find / give" ("the poll shows X leading"): the object.
    """
    lex, text = D.lex, D.text
    lemma = v.lemma_.lower()
    kids = [c for c in v.children if c.i > v.i]
    preps = lex.prep_cues.get(lemma)
    if preps:
        for c in kids:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        ps, pe = _subtree_span(p)
                        return _trim(text, ps, _complement_end(v, c, pe))
    o = next((c for c in kids if c.dep_ == "dobj"), None)
    if o is None:
        return None
    if (o.lemma_.lower() in lex.object_nouns or o.lower_ in lex.object_nouns) and (
            lemma in _LIGHT_VERBS or lemma in lex.verb_stance):
        if any(c.dep_ in ("acl", "ccomp", "relcl") for c in o.children if c.i > o.i):
            return None  # "the statement that ..." is the noun's own claim
        q = D.quote_after(_tok_end(o.right_edge), _tok_end(o.right_edge) + 3)
        if q is not None and text[_tok_end(o.right_edge):q[0]].strip() == ":":
            return q
        return _object_phrase(v, o, text)
    if lemma in _AS_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > o.i for c in kids):
        return _object_phrase(v, o, text)
    if lemma in _FINDING_VERBS:
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in _FINDING_SUBJECTS:
            return _object_phrase(v, o, text)
    return None


def _is_cue_verb(t: Any, lex: Lexicon) -> bool:
    """A verb in the lexicon, a verb with cue prepositions, or any verb with a communication-noun object."""
    lemma = _lemma(t)
    if lemma in lex.verb_stance or lemma in lex.prep_cues:
        return True
    if t.pos_ != "VERB":
        return False
    if lemma in _FINDING_VERBS:
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _FINDING_SUBJECTS for c in t.children)
    return lemma in _LIGHT_VERBS and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in lex.object_nouns or c.lower_ in lex.object_nouns)
        for c in t.children)


_LEMMA_FIX = {"hoping": "hope", "hoped": "hope", "lambasted": "lambaste", "lambasting": "lambaste"}


def _lemma(t: Any) -> str:
    """The token's lemma, lower-cased, with the few errors of the small model that hit cue verbs fixed."""
    return _LEMMA_FIX.get(t.lower_, t.lemma_.lower())


def _neither_nor(v: Any) -> bool:
    """``v`` is one half of "neither A nor B"."""
    first = v.head if v.dep_ == "conj" else v
    return any(c.lower_ in ("neither", "nor") for c in first.children)


# where something is said: "wrote on X", "responded on social media" -- not what is said
_MEDIUM = {"medium", "media", "television", "tv", "radio", "twitter", "x", "facebook", "telegram", "platform",
           "network", "website", "channel", "air", "instagram", "tiktok", "youtube", "truth", "account", "blog"}
_WH_TIME = {"when", "whenever", "where", "wherever", "while", "once", "as"}


def _anonymity_formula(v: Any) -> bool:
    """``v`` belongs to the formula that explains a source's anonymity, not to a statement:
    "(who spoke) on condition of anonymity to discuss X", "asked not to be named", "(were) not
    authorised to speak publicly"."""
    if v.dep_ == "advcl" and any(t.lower_ == "anonymity" for t in v.head.subtree if t.i < v.i):
        return True
    if _lemma(v) == "ask" and any(c.dep_ == "xcomp" and c.lemma_.lower() in ("name", "identify")
                                   for c in v.children):
        return True
    head = v.head
    return v.dep_ == "xcomp" and head.lemma_.lower() in _PERMIT and any(
        c.dep_ == "neg" for c in head.children)


_PERMIT = {"authorize", "authorise", "authorized", "authorised", "allow", "permit", "clear", "empower"}


# verbs of answering: negated, they report silence ("did not reply to questions")
_NO_ANSWER = {"respond", "reply", "answer", "react", "return", "comment"}
# verbs whose passive subject is the one told ("had not been informed")
_TOLD = {"inform", "tell", "brief", "notify", "consult", "ask", "warn", "advise"}
# verbs that, negated and without a clause, report that something was not said ("did not mention the festival")
_NOT_SAID = {"mention", "say", "specify", "name", "identify", "address", "discuss", "disclose", "reveal", "cite"}


_DECLARED_ACTS = {"independence", "war", "ceasefire", "truce", "state", "emergency", "curfew", "martial", "law",
                  "mobilization", "mobilisation", "sovereignty", "annexation"}
_GROUNDS = {"ground", "grounds", "reason", "cause", "basis"}
_REFLEXIVE = {"itself", "themselves", "himself", "herself"}
_SUMMONED_TO = {"street", "streets", "square", "polls", "arms", "barricades", "capital", "border", "front"}


def _summons_or_naming(v: Any) -> bool:
    """"call" that names or summons, not a statement: "a group calling itself X", "called his
    supporters onto the streets", "called off the strike", "called up reservists"."""
    kids = list(v.children)
    if any(c.dep_ == "prt" and c.lower_ in ("off", "up", "in", "back") for c in kids):
        return True
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lower_ in _REFLEXIVE:
        return True
    return any(c.dep_ == "prep" and c.i > obj.i and (c.lower_ in ("onto", "into") or c.lower_ == "to" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in _SUMMONED_TO for p in c.children)) for c in kids)


def _verb_claim(v: Any, D: _Doc, sent: Any) -> _Raw | None:
    lex = D.lex
    lemma = _lemma(v)
    if v.dep_ in ("amod", "compound", "aux", "auxpass"):
        return None
    if v.dep_ == "xcomp" and v.head.pos_ in ("VERB", "AUX") and _is_cue_verb(v.head, lex) \
            and _lemma(v.head) in lex.verb_stance:
        return None  # "declined to comment", "refused to confirm": one claim, the outer cue's
    if _anonymity_formula(v):
        return None  # "spoke on condition of anonymity to discuss ...", "asked not to be named"
    if v.dep_ in ("acl", "relcl") and v.head.lemma_.lower() in _GROUNDS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return None  # "reasonable grounds to believe they committed ...": a standard of proof, no one's view
    if v.dep_ in ("xcomp", "ccomp") and v.head.lemma_.lower() in _PERMIT | {"enable", "let"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children) or (
            v.dep_ == "xcomp" and v.head.lemma_.lower() in _PERMIT | {"enable", "let"}):
        return None  # "a clause that allows members to request consultations": a right, not a statement
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and not any(c.dep_ == "ccomp" for c in v.children):
        p = v.head
        while p.dep_ == "conj" and p.head.i != p.i:
            p = p.head
        if p.dep_ == "prep" and p.lower_ in ("of", "for") and p.head.pos_ == "VERB" \
                and _lemma(p.head) in lex.verb_stance:
            return None  # "accused France of supporting armed groups": the accused act, no second claim
    if lemma == "call" and _summons_or_naming(v):
        return None
    if lemma == "declare" and any(c.dep_ == "dobj" and c.lemma_.lower() in _DECLARED_ACTS for c in v.children):
        return None  # "declared independence", "declared a state of emergency": an act, not a statement
    if lemma in ("intend", "design", "mean", "aim") and any(c.dep_ == "auxpass" for c in v.children):
        return None  # "the move was intended to give Beijing leverage": a purpose, no one's statement
    if v.dep_ != "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") and c.i > 0
                                 and v.doc[c.i - 1].pos_ in ("VERB", "AUX") for c in v.children):
        return None  # "did not say which remarks it meant": a question, nothing is stated
    if lemma in ("ask", "question") and by_the_press(v):
        return None  # "when asked by reporters about X": the question is not the claim, the answer is
    if any(c.dep_ == "nsubjpass" and (c.lower_ in ("nothing", "none") or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in v.children):
        return None  # "no damage had been reported": a report of nothing, no one's claim
    if v.dep_ == "advcl" and any(c.dep_ == "auxpass" for c in v.children) and not any(
            c.dep_ in ("agent", "ccomp") for c in v.children) and any(
            c.dep_ == "mark" and c.lower_ in ("before", "until") for c in v.children):
        return None  # "days before the results were announced": when, not who said what
    negated = any(c.dep_ == "neg" for c in v.children)
    if negated and lemma in _TOLD and any(c.dep_ == "auxpass" for c in v.children) and not any(
            c.dep_ == "agent" for c in v.children):
        return None  # "the bloc had not been informed in advance": nothing was said to it
    if negated and (lemma in _NO_ANSWER or lemma in _NOT_SAID or lex.verb_stance.get(lemma) in ("confirm", "deny")) \
            and not any(
            c.dep_ in ("ccomp", "xcomp") for c in v.children) and D.quote_after(_tok_end(v), _tok_end(v) + 3) is None:
        # "did not respond to a request for comment", "has not confirmed its plans": nothing is said
        return None
    content = _content_of_verb(v, D, sent)
    if content is None or content[1] - content[0] < 2:
        return None
    if negated and re.match(
            r"(?:what|whether|if|how|why|when|who|where|which)\b", D.text[content[0]:content[1]], re.I):
        return None  # "Investigators have not said what caused the crash": nothing is stated
    if negated and lemma in ("say", "announce", "state", "specify", "disclose", "reveal") and any(
            c.dep_ == "ccomp" for c in v.children):
        return None  # "did not say it would send troops": the content is what was not said
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "will", "shall", "'ll") for c in v.children) \
            and not any(c.dep_ in ("ccomp", "xcomp") for c in v.children) and D.quote_at(content[0]) is None:
        return None  # "the council must still confirm the results": an act to come, nothing said yet
    content = _extend_over_conj(v, content, D)
    content = _extend_to_clause_end(v, content, D)
    content = _cut_nested_cue(v, content, D)
    if content[1] - content[0] < 2:
        return None
    kids = list(v.children)
    passive = any(c.dep_ == "auxpass" for c in kids)
    speaker = _speaker_subject(v, D)
    if speaker is None and passive:
        speaker = _frame_source(v, lex)
    elif speaker is not None and _antecedent(speaker) is speaker:
        speaker = _innermost(speaker, lex)
    if speaker is not None and speaker.pos_ == "PRON" and speaker.lower_ in ("it", "there") and passive:
        speaker = None
    if speaker is not None and speaker.lower_ in ("what", "which", "this", "that", "there") \
            and _antecedent(speaker) is speaker:
        speaker = None
    sp_span = _np_span(speaker) if speaker is not None else None
    # a speaker phrase must not swallow the content (parse errors)
    if speaker is not None and sp_span is not None and sp_span[0] <= content[0] and sp_span[1] >= content[1]:
        sp_span = (int(speaker.idx), _tok_end(speaker))
        if speaker.left_edge.i < speaker.i and _tok_end(speaker) <= content[0]:
            sp_span = (int(speaker.left_edge.idx), sp_span[1])  # "the main opposition figure"
    elif speaker is not None and sp_span is not None and sp_span[0] < content[1] <= speaker.idx:
        sp_span = _trim(D.text, content[1], sp_span[1])  # the quotation hung on the speaker
    stance = lex.verb_stance.get(lemma, "assert")
    if (negated or _neither_nor(v)) and stance in ("deny", "confirm"):
        stance = "assert"  # "did not confirm", "neither confirmed nor denied": no stance taken
    cue_s, cue_e = int(v.idx), _tok_end(v)
    for c in kids:
        if c.dep_ == "prt" and c.i == v.i + 1:
            cue_e = _tok_end(c)
    preps = lex.prep_cues.get(lemma, frozenset())
    if (lemma in ("point", "call") or preps) and not any(c.dep_ in ("prt", "ccomp") for c in kids):
        # "called for", "called on", "pointed to", "voted for" carry their preposition
        for c in kids:
            if c.dep_ == "prep" and c.i == v.i + 1 and (lemma in ("point", "call") or c.lower_ in preps):
                cue_e = _tok_end(c)
    return _Raw((cue_s, cue_e), content, speaker, sp_span, stance, "verb", int(sent.end_char))


def _according_claim(t: Any, D: _Doc, sent: Any) -> _Raw | None:
    to = next((c for c in t.children if c.lower_ == "to"), None)
    src = None
    if to is not None:
        src = next((c for c in to.children if c.dep_ == "pobj"), None)
    if src is None:
        src = next((c for c in t.children if c.dep_ == "pobj"), None)
    if src is None or to is None:
        return None
    h = t.head
    if h.i == t.i:
        return _according_root(t, to, src, D, sent)
    ts, te = _subtree_span(t)
    doc = t.doc
    final = t.i > 0 and doc[t.i - 1].text == "," and all(
        x.is_punct or x.is_space for x in doc[t.right_edge.i + 1:sent.end])
    while final and h.dep_ in ("advcl", "conj") and h.head.pos_ in ("VERB", "AUX") and h.head.i != h.i:
        # "A sat in one room while B carried messages, according to X": a closing "according
        # to" that the parser hung on the last clause covers the whole sentence
        h = h.head
    if h.pos_ in ("VERB", "AUX"):
        hs, he = _subtree_span(h)
        # drop the "according to X" phrase at either end; keep the rest of the clause
        if ts <= hs:
            hs = te
        elif te >= he:
            he = ts
        s, e = _trim(D.text, hs, he)
    else:
        s, e = _trim(D.text, int(sent.start_char), int(sent.end_char))
        if ts <= s:
            s = _trim(D.text, te, e)[0]
        elif te >= e:
            e = ts
        s, e = _trim(D.text, s, e)
    if e - s < 3:
        return None
    inner = _innermost(src, D.lex)
    return _Raw((int(t.idx), _tok_end(to)), (s, e), inner, _np_span(inner), "assert", "according",
                int(sent.end_char))


def _according_root(t: Any, to: Any, src: Any, D: _Doc, sent: Any) -> _Raw | None:
    """"According to X, Y" parsed with "According" as the root and Y hung inside X (the parser
    reads "the move reeks of ..." as an apposition of X): the comma after X splits source and
    content; at the end of a sentence, "Y, according to X", the content is what precedes."""
    doc, text = t.doc, D.text
    to_end = _tok_end(to)
    if all(doc[i].is_punct or doc[i].is_space for i in range(sent.start, t.i)):
        comma = next((doc[i] for i in range(src.i + 1, sent.end) if doc[i].text == ","), None)
        if comma is None:
            return None
        sp = _trim(text, to_end, int(comma.idx))
        s, e = _trim(text, _tok_end(comma), int(sent.end_char))
    else:
        sp = _trim(text, to_end, int(sent.end_char))
        s, e = _trim(text, int(sent.start_char), int(t.idx))
    if e - s < 3 or sp[1] - sp[0] < 2:
        return None
    head = doc.char_span(*sp, alignment_mode="expand")
    inner = _innermost(head.root, D.lex) if head is not None else src
    return _Raw((int(t.idx), to_end), (s, e), inner, sp, "assert", "according", int(sent.end_char))


def _noun_claim(n: Any, D: _Doc, sent: Any) -> _Raw | None:
    clause = None
    for c in n.children:
        if c.dep_ in ("acl", "ccomp", "appos") and c.i > n.i and c.pos_ in ("VERB", "AUX"):
            if any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children):
                clause = c
                break
    if clause is None:
        return None
    verbs = [n.head]
    while len(verbs) < 3 and verbs[-1].dep_ in ("conj", "ccomp", "xcomp") and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)  # ("did not say which group or provide evidence that ...")
    if any(c.dep_ == "det" and c.lower_ == "no" for c in n.children) or (
            n.dep_ == "dobj" and any(c.dep_ == "neg" for v in verbs for c in v.children)):
        return None  # "did not provide evidence that ...", "there is no sign that ...": nothing is claimed
    speaker = None
    for c in n.children:
        if c.dep_ == "poss":
            speaker = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i:
            speaker = next((p for p in c.children if p.dep_ == "pobj"), speaker)
    if speaker is not None:
        speaker = _innermost(speaker, D.lex)
    sp_span = _np_span(speaker) if speaker is not None else None
    if speaker is None:
        # "Chinese accusations that ...": a nationality adjective names who makes them
        adj = next((c for c in n.children if c.dep_ == "amod" and c.i < n.i
                    and any(s0 <= c.idx < e0 and lab == "NORP" for s0, e0, lab in D.ents)), None)
        if adj is not None:
            speaker, sp_span = adj, (int(adj.idx), _tok_end(adj))
    s, e = _subtree_span(clause)
    s, e = _trim(D.text, s, e)
    stance = D.lex.noun_stance.get(n.lemma_.lower(), D.lex.noun_stance.get(n.lower_, "assert"))
    return _Raw((int(n.idx), _tok_end(n)), (s, e), speaker, sp_span, stance, "noun", int(sent.end_char))


def _adverb_claim(a: Any, D: _Doc, sent: Any) -> _Raw | None:
    h = a.head
    if h.i == a.i or h.pos_ not in ("VERB", "AUX") or h.lemma_.lower() in D.lex.verb_stance:
        return None
    s, e = _subtree_span(h)
    if h.dep_ == "ROOT":
        s, e = int(sent.start_char), int(sent.end_char)
    s, e = _trim(D.text, s, e)
    stance = D.lex.adverb_stance.get(a.lower_, "allege")
    return _Raw((int(a.idx), _tok_end(a)), (s, e), None, None, stance, "adverb", int(sent.end_char))


def _drop_restated_cues(raws: list[_Raw]) -> list[_Raw]:
    """A passive cue inside an "according to" content, given that source by the parser ("X is
    expected to transit next month, according to two people familiar with the plans"), restates
    the same attribution: one claim, the "according to" one."""
    outer = [r for r in raws if r.kind == "according" and r.speaker_span is not None]
    return [r for r in raws if not (r.kind == "verb" and r.cue is not None and any(
        o.speaker_span == r.speaker_span and o.content[0] <= r.cue[0] < o.content[1] for o in outer))]


def _fold_adverb_claims(raws: list[_Raw]) -> list[_Raw]:
    """An "allegedly" inside the content of an attributed claim is that speaker's allegation, not a
    second claim without a speaker: "The suspects allegedly scouted bases, prosecutors said" is one
    claim by the prosecutors, with the stance "allege"."""
    out: list[_Raw] = []
    for r in raws:
        if r.kind == "adverb" and r.cue is not None:
            outer = [o for o in raws if o is not r and o.speaker is not None and o.kind == "verb"
                     and o.content[0] <= r.cue[0] < o.content[1]]
            if outer:
                for o in outer:
                    if o.stance == "assert" and r.stance == "allege":
                        o.stance = "allege"
                continue
        out.append(r)
    return out


_COLON_LINE = re.compile(r"(?m)^[ \t]*([^:\n]{2,70}?):[ \t]+(\S[^\n]*?)[ \t]*$")
_NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "PUNCT", "NUM", "CCONJ", "PART", "ADP"}


def _colon_claims(D: _Doc) -> list[_Raw]:
    """Lines of the form "Speaker: statement" (headlines, transcripts): the part before the colon
    must be a short noun phrase with a noun or name, and not a label such as "Update" or "Photo"."""
    out: list[_Raw] = []
    doc, text = D.doc, D.text
    for m in _COLON_LINE.finditer(text):
        ss, se = m.span(1)
        words = _WORD.findall(m.group(1).lower())
        if not words or words[0] in D.lex.colon_labels or words[-1] in D.lex.colon_labels:
            continue
        sp = doc.char_span(ss, se, alignment_mode="expand")
        if sp is None or len(sp) > 8 or len(m.group(2)) < 12:
            continue
        if any(t.pos_ not in _NP_POS for t in sp) or not any(t.pos_ in ("PROPN", "NOUN") for t in sp):
            continue
        lead = len(m.group(1)) - len(m.group(1).lstrip(_OPEN_QUOTES))
        if lead:  # a transcript quoted as a whole: '"HOST: ...'
            ss += lead
            sp = doc.char_span(ss, se, alignment_mode="expand")
            if sp is None or not len(sp):
                continue
        if not text[ss:ss + 1].isupper():
            continue
        head = sp.root
        cs, ce = _trim(text, *m.span(2))
        colon = m.end(1)
        out.append(_Raw((colon, colon + 1), (cs, ce), head, _trim(text, ss, se), "assert", "colon", ce))
    return out


_OPEN_QUOTES = "\"“„«‘'"
# a quotation followed by a dash and a name to the end of the line: '"..." ― Anna Lis' (reader voices,
# pull quotes, epigraphs)
_DASH_NAME = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-ZÀ-Þ][^\n,;:()\[\]]{1,60}?)[ \t\u00a0]*"
                        r"(?:,[^\n]{0,60})?[ \t\u00a0]*(?:\n|$)")


def _dash_claims(D: _Doc) -> list[_Raw]:
    """Quotations signed with a dash: '"We need the ferry back." ― Tomasz Berg'.  The part after the
    dash, up to a comma, must be a short run of capitalised words (the name; what follows a comma is
    a place or a role)."""
    out: list[_Raw] = []
    doc, text = D.doc, D.text
    for qs, qe in D.quotes:
        m = _DASH_NAME.match(text, qe)
        if m is None or qe - qs < 12:
            continue
        ns, ne = m.span(1)
        words = text[ns:ne].split()
        if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
            continue
        sp = doc.char_span(ns, ne, alignment_mode="expand")
        if sp is None or not len(sp):
            continue
        dash = text.index(text[qe:ns].strip()[0], qe)
        out.append(_Raw((dash, dash + 1), (qs, qe), sp.root, (ns, ne), "assert", "dash", ne))
    return out


_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "di", "la", "le", "al", "bin", "y"}


# ----------------------------------------------------------------------------- classification

_WORD = re.compile(r"[\w']+")
_MARKUP = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]*)?>|\b[a-z_]+=\"")


# nouns that introduce the name of an organisation ("state power company Nigelec")
_ORG_NOUNS = {"company", "firm", "corporation", "bank", "agency", "operator", "utility", "group", "organisation",
              "organization", "broadcaster", "network", "carrier", "airline", "manufacturer", "producer",
              "conglomerate", "party", "movement", "union", "association", "charity", "foundation", "institute",
              "ministry", "service", "department", "council", "committee", "commission", "court", "newspaper"}
_BODY_SECTORS = ("GOV", "MIL", "LEG", "JUD", "POL", "IGO")
# "opposition figures", "senior figures": people, not numbers
_FIGURE_KINDS = {"opposition", "political", "public", "senior", "leading", "key", "prominent", "religious",
                 "military", "party", "government", "business"}


def _source_type(D: _Doc, head: Any | None, span: tuple[int, int] | None, actor: Actor | None,
                 gazetteer_kind: str | None = None) -> str:
    """Classify a speaker phrase (see the module docstring).  ``gazetteer_kind``: the kind of the
    gazetteer name the phrase is headed by, when it is one: a known organisation is a body even
    where the entity recogniser reads a person in its name ("Doctors Without Borders"); "person"
    also for a role noun standing for a person named before ("the spokesperson")."""
    if head is None or span is None:
        return "unattributed"
    if gazetteer_kind == "media":
        return "media"
    if gazetteer_kind == "person":
        return "named_person"
    if gazetteer_kind in ("country", "capital"):
        return "official_body"  # "Kyiv said", "Washington said": the government
    if gazetteer_kind in ("igo", "organ", "group", "ngo"):
        return "intelligence" if actor is not None and actor.sector == "INT" else "official_body"
    sw = D.lex.source_words
    # the words of the phrase itself, not of a clause about it ("the official, who spoke on condition
    # of anonymity to discuss intelligence matters" is no intelligence service)
    clauses = [c for c in head.children if c.dep_ in ("relcl", "acl", "advcl") and c.i > head.i]
    core_end = min([int(c.left_edge.idx) for c in clauses] + [span[1]])
    words = {w.lower() for w in _WORD.findall(D.text[span[0]:max(core_end, span[0])])}
    hl = head.lemma_.lower()
    hw = head.lower_
    sector = actor.sector if actor is not None else None
    if sector == "INT" or words & sw["intelligence"]:
        return "intelligence"
    people_figures = hl == "figure" and any(c.lemma_.lower() in _FIGURE_KINDS for c in head.lefts)
    if (hl in sw["document"] or hw in sw["document"]) and not people_figures:
        return "document"  # "a confidential memo seen by newspapers", "Leaked Memo Suggests ..."
    if head.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in TITLES for c in head.lefts):
        return "named_person"  # "President Umaro Sissoco Embalo", whatever the entity tagger read
    ents = {lab for s, e, lab in D.ents if s < span[1] and e > span[0]}
    # a common noun with a person's name only as a modifier is no named person: "Netanyahu's office",
    # "a Biden administration official", "Nigerien power officials" (a tagging slip)
    modifier_only = head.ent_type_ != "PERSON" and head.pos_ == "NOUN"
    if (head.pos_ == "PROPN" and any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in _ORG_NOUNS
                                     for c in head.children)) or (
            hl in _ORG_NOUNS and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)):
        return "official_body"  # "state power company Nigelec", "the opposition party Tisza"
    if "PERSON" in ents and not modifier_only:
        return "named_person"
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return "named_person"  # "Russia's chief negotiator, Vladimir Medinsky" (a name the NER missed)
    if head.pos_ == "PRON":
        if hw in ("he", "she", "i"):
            return "named_person"
        if sector == "MED":
            return "media"
        return "official_body" if hw in ("it", "they", "we") else "anonymous"
    # ("agency" alone is a government body: "Russia's aviation agency"; a news agency is media)
    gov_agency = hl == "agency" and not words & {"news", "press", "wire"}
    if sector == "MED" or (not gov_agency and words & sw["media"] and (
            hw in sw["media"] or hl in sw["media"] or head.pos_ == "PROPN" or "news" in words)):
        return "media"
    if (hl in sw["document"] or hw in sw["document"]) and not people_figures:
        return "document"
    if (hl in sw["anonymous"] or hw in sw["anonymous"]) and head.pos_ == "NOUN":
        return "anonymous"
    if hl in sw["official_body"] or hw in sw["official_body"] or words & {"ministry", "government", "kremlin"}:
        return "official_body"
    if sector in _BODY_SECTORS:
        return "official_body"
    if ents & {"GPE", "ORG", "NORP"}:
        return "official_body"
    if head.pos_ == "PROPN":
        # an unknown name introduced as an organisation ("state power company Nigelec") is a body
        return "official_body" if sector in ("BUS", "CVL", "REB") else "named_person"
    return "anonymous"


def _hedged(text: str, content: tuple[int, int], cue_words: str, lex: Lexicon) -> bool:
    body = text[content[0]:content[1]].lower()
    words = set(_WORD.findall(body)) | set(_WORD.findall(cue_words.lower()))
    if words & lex.hedges:
        return True
    return any(p in body for p in lex.hedge_phrases)


def _reporter_actor(pron: Any, resolver: ActorResolver) -> Actor | None:
    """For "it"/"they" inside what someone reports ("the ministry said it had not intended ..."), the
    reporter: the first subject above a clausal complement that is not itself a pronoun."""
    cur, crossed = pron.head, False
    for _ in range(5):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "ccomp":
            crossed = True
        elif cur.dep_ not in ("conj", "xcomp", "advcl"):
            return None
        cur = cur.head
        if crossed:
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                found = resolver.actor_for_token(subj.i)
                return found if found is not None and found.code else None
    return None


def _speaker_actor(D: _Doc, resolver: ActorResolver, head: Any, span: tuple[int, int]) -> Actor | None:
    """The actor for a speaker span; pronouns the resolver leaves unlinked go to the last person named."""
    actor = resolver.actor_for_span(span[0], span[1])
    if actor is None:
        actor = Actor(text=D.text[span[0]:span[1]], start=span[0], end=span[1])
    if actor.code is None and head.pos_ == "PROPN":
        # "Russia's aviation agency Rosaviatsia": an unknown name owned by a known country
        for t in head.children:
            if t.dep_ == "poss" or (t.dep_ == "compound" and any(k.dep_ == "poss" for k in t.children)):
                owner = t if t.dep_ == "poss" else next(k for k in t.children if k.dep_ == "poss")
                found = resolver.actor_for_token(owner.i)
                if found is not None and found.code and len(found.code) == 3:
                    actor = actor.model_copy(update={"code": found.code})
                    break
    if head.lower_ in ("it", "they") and actor.name is None and actor.code is None and head.head.dep_ == "relcl":
        # "struck a boat that it said was carrying drugs": "it" is the subject of the main clause
        gov = head.head.head.head
        while gov.dep_ == "prep" and gov.head.i != gov.i:
            gov = gov.head
        subj = next((c for c in gov.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        found = resolver.actor_for_token(subj.i) if subj is not None else None
        if found is not None and found.code:
            return actor.model_copy(update={"code": found.code, "sector": found.sector, "name": found.name})
    if head.lower_ in ("it", "they", "we") and actor.name is None and actor.code is None:
        found = _reporter_actor(head, resolver)
        if found is not None:
            return actor.model_copy(update={"code": found.code, "sector": found.sector, "name": found.name})
    if head.lower_ in _PRONOUNS and actor.name is None and actor.code is None:
        person = None
        for s, e, lab in D.ents:
            if e > span[0]:
                break
            if lab == "PERSON":
                person = (s, e)
        if person is not None:
            linked = resolver.actor_for_span(*person)
            return Actor(text=D.text[span[0]:span[1]], start=span[0], end=span[1],
                         code=linked.code if linked else None, sector=linked.sector if linked else None,
                         name=(linked.name if linked and linked.name else D.text[person[0]:person[1]]))
    return actor


# ----------------------------------------------------------------------------- entry point


def find_claims(doc: Any, resolver: ActorResolver, published: str | None = None) -> list[Claim]:
    """All claims in a parsed spaCy Doc; offsets are character offsets into ``doc.text``.

    ``published`` is accepted for symmetry with the other analysers (claims carry no date yet).
    """
    lex = load_lexicon()
    D = _Doc(doc, lex)
    raws: list[_Raw] = []
    for sent in doc.sents:
        for t in sent:
            low = t.lower_
            lemma = t.lemma_.lower()
            r: _Raw | None = None
            if t.pos_ in ("VERB", "AUX") and _is_cue_verb(t, lex):
                r = _verb_claim(t, D, sent)
            elif low == "according":
                r = _according_claim(t, D, sent)
            elif t.pos_ == "NOUN" and (lemma in lex.noun_stance or low in lex.noun_stance):
                r = _noun_claim(t, D, sent)
            elif low in lex.adverb_stance:
                r = _adverb_claim(t, D, sent)
            if r is not None and _MARKUP.search(D.text, r.content[0], r.content[1]):
                r = None  # left-over markup (embedded tweets, tags): no statement
            if r is not None and D.quote_at(r.cue[0] if r.cue else t.idx) is None:
                _clip_to_paragraph(D.text, r)
                if r.content[1] - r.content[0] >= 2:
                    raws.append(r)
    raws = _fold_adverb_claims(raws)
    raws = _drop_restated_cues(raws)
    raws.extend(_colon_claims(D))
    raws.extend(_dash_claims(D))
    # widen contents to whole quotations; drop duplicates
    seen: set[tuple[Any, ...]] = set()
    out: list[_Raw] = []
    for r in raws:
        # widen to whole quotations, unless the cue itself is quoted ("I think ...," X said)
        if r.cue is None or D.quote_at(r.cue[0]) is None:
            r.content = D.widen_to_quotes(*r.content)
        key = (r.cue, r.content)
        if key in seen or (r.kind == "verb" and ("content", r.content) in seen):
            continue  # a second cue on the same quotation ("X told Y, speaking on ...") adds nothing
        seen.add(key)
        if r.kind == "verb":
            seen.add(("content", r.content))
        out.append(r)
    _join_continued_quotes(D, out)
    for r in out:
        _skip_dateline(D.text, r)
    claims: list[Claim] = []
    text = D.text
    for r in sorted(out, key=lambda r: (r.content[0], r.cue or (0, 0))):
        actor = None
        head, head_span = r.speaker, r.speaker_span
        if head is not None and _antecedent(head) is not head:
            head = _antecedent(head)
            head_span = _np_core(head)
        if head is not None and head_span:
            actor = _speaker_actor(D, resolver, head, head_span)
        cue_text = text[r.cue[0]:r.cue[1]] if r.cue else None
        s, e = r.content
        inside = D.inside_quotes(s, e)
        claims.append(Claim(
            speaker=actor,
            source_type=_source_type(D, head, head_span, actor, None if head is None else (
                "person" if resolver.refers_to_person(head.i) else resolver.gazetteer_kind(head.i))),
            cue=cue_text,
            stance=r.stance,
            hedged=_hedged(text, r.content, cue_text or "", lex),
            direct=text[s] in QUOTE_CHARS or inside >= 0.6 * (e - s),
            content=text[s:e],
            spans=Spans(speaker=r.speaker_span, cue=r.cue, content=(s, e)),
        ))
    return claims


def _dateline_end(text: str, pos: int) -> int | None:
    """Where the dateline opening the paragraph of ``pos`` ends, if the paragraph has one."""
    m = _DATELINE.match(text, text.rfind("\n", 0, pos) + 1)
    return m.end() if m is not None else None


def _skip_dateline(text: str, r: _Raw) -> None:
    """Start a content or a speaker that begins inside its paragraph's dateline after the dateline
    ("Aug 25 - The Kremlin" -> "The Kremlin")."""
    s, e = r.content
    d = _dateline_end(text, s)
    if d is not None and s < d < e and (r.cue is None or r.cue[0] >= d):
        r.content = (d, e)
    if r.speaker_span is not None:
        s, e = r.speaker_span
        d = _dateline_end(text, s)
        if d is not None and s < d < e:
            r.speaker_span = (d, e)


def _clip_to_paragraph(text: str, r: _Raw) -> None:
    """Keep the content and speaker spans inside the paragraph of the cue (sentence splitting
    sometimes runs across a dateline or a heading)."""
    at = r.cue[0] if r.cue else r.content[0]
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    s, e = r.content
    r.content = _trim(text, max(s, lo), min(e, hi)) if s < hi and e > lo else r.content
    if r.speaker_span is not None:
        ss, se = r.speaker_span
        r.speaker_span = _trim(text, max(ss, lo), min(se, hi)) if ss < hi and se > lo else (0, 0)
        if r.speaker_span[1] <= r.speaker_span[0]:
            r.speaker_span = None
            r.speaker = None


def _join_continued_quotes(D: _Doc, raws: list[_Raw]) -> None:
    """Add to a quoted content the quotations that continue it in the following sentences of the
    same paragraph when those carry no cue of their own."""
    if not D.quotes:
        return
    claimed = sorted(r.content for r in raws)
    starts = [c[0] for c in claimed]

    def is_claimed(q: tuple[int, int]) -> bool:
        i = bisect.bisect_right(starts, q[1]) - 1
        while i >= 0 and claimed[i][1] > q[0]:
            if claimed[i][0] < q[1]:
                return True
            i -= 1
        return False

    text = D.text
    for r in raws:
        s, e = r.content
        # a quoted content, or a reported one whose cue follows it ("A, X said."): the speaker's
        # next quotations in the paragraph carry on what they said
        content_first = r.cue is not None and e <= r.cue[0] and r.kind == "verb"
        if D.inside_quotes(s, e) < 0.5 * (e - s) and not content_first:
            continue
        # '"A," X said, "B."' with B taken as the content: the first half ends just before the
        # speaker and cue (a comma or other mark inside its closing quotation mark)
        if r.cue is not None and r.speaker_span and s >= r.cue[1]:
            first = min(r.cue[0], r.speaker_span[0])
            qb = D.quote_before(first)
            if (qb is not None and first - qb[1] <= 3 and qb[1] - qb[0] > 3 and text[qb[1] - 2] in ",—–-"
                    and "\n" not in text[qb[0]:s] and not is_claimed(qb)):
                s = qb[0]
        # '"A," X said, "B."': the second half of a quotation split by its cue
        q = D.quote_after(e, r.sent_end)
        if q is not None and r.cue is not None and e <= r.cue[0] < q[0] and not is_claimed(q):
            e = q[1]
        # following sentences of the paragraph that are quotations without a cue of their own
        end = max(e, r.sent_end)
        for _ in range(8):
            q = D.quote_after(end, end + 3)
            if q is None or "\n" in text[end:q[0]] or is_claimed(q):
                break
            e = end = q[1]
            if text[end:end + 1] not in ("", " ", "\n"):
                break
        r.content = (s, e)
