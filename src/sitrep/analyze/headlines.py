"""Headlines in Title Case, parsed as sentences.

The small English model reads "Iran Seizes Oil Tanker, Accusing It of Smuggling Fuel" as a string of
proper nouns: no verb, no subject, junk events and claims.  Before parsing, :func:`recase_headlines`
lower-cases the first letter of the ordinary words of such lines ("Iran seizes oil tanker, accusing
it of smuggling fuel"), keeping names: words of the actor gazetteer, acronyms, words with inner
capitals, and words too rare in English (by ``wordfreq``) to be ordinary words.  Only letter case
changes, so every character offset stays valid; :func:`restore_text` puts the original spelling
back into an analysis made from the recased text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.model import Actor, Analysis

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
MIN_ZIPF = 2.5  # rarer words are taken for names ("Mondlane", "Essequibo")
MAX_LINE = 200


@lru_cache(maxsize=4096)
def _common(word: str) -> bool:
    """An ordinary English word, or an inflection of one ("expels", "shelled", "seizing")."""
    from wordfreq import zipf_frequency

    forms = [word]
    for suffix in ("s", "es", "d", "ed", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 3 and stem[-1] == stem[-2] else [])
    return any(zipf_frequency(f, "en") >= MIN_ZIPF for f in forms)


def is_title_case(line: str) -> bool:
    """A short line without final full stop whose longer words nearly all start with a capital."""
    s = line.strip()
    if not s or len(s) > MAX_LINE or s.endswith("."):
        return False
    long = [w for w in _WORD.findall(s) if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def recase_headlines(text: str, names: frozenset[str]) -> str:
    """``text`` with the ordinary words of Title Case lines lower-cased (same length).  ``names``:
    lower-cased words that stay capitalised (the gazetteer's names)."""
    if not any(is_title_case(line) for line in text.splitlines()[:50]):
        return text
    out = [_recase_line(line, names) if is_title_case(line) else line for line in text.splitlines(keepends=True)]
    return "".join(out)


def _recase_line(line: str, names: frozenset[str]) -> str:
    """One Title Case line with its ordinary words lower-cased (not its first word, nor the first
    word after a colon)."""
    first = _WORD.search(line)
    start = first.start() if first else 0

    def lower(m: re.Match[str]) -> str:
        w = m.group(0)
        if (m.start() == start or w.isupper() or any(c.isupper() for c in w[1:])
                or line[:m.start()].rstrip().endswith(":") or w.lower() in names or not _common(w.lower())):
            return w
        return w[0].lower() + w[1:]

    return _WORD.sub(lower, line)


def restore_text(a: Analysis, original: str) -> Analysis:
    """The analysis with every string taken again from ``original`` (same offsets, original case)."""

    def actor(x: Actor | None) -> Actor | None:
        if x is None or x.start is None or x.end is None:
            return x
        return x.model_copy(update={"text": original[x.start:x.end]})

    lowered = original.lower()  # (same length: only letter case differs)

    def found(s: str | None, start: int, end: int) -> str | None:
        if not s:
            return s
        i = lowered.find(s.lower(), start, end if end > start else len(original))
        return original[i:i + len(s)] if i >= 0 else s

    events = [e.model_copy(update={
        "sources": [actor(x) for x in e.sources], "targets": [actor(x) for x in e.targets],
        "trigger": found(e.trigger, e.start, e.end), "location": found(e.location, e.start, e.end),
        "quantity": found(e.quantity, e.start, e.end)}) for e in a.events]
    claims = []
    for c in a.claims:
        s, e = c.spans.content
        cue = original[c.spans.cue[0]:c.spans.cue[1]] if c.spans.cue else c.cue
        claims.append(c.model_copy(update={"speaker": actor(c.speaker), "content": original[s:e], "cue": cue}))
    actors = [y for y in (actor(x) for x in a.actors) if y is not None]
    return a.model_copy(update={"actors": actors, "events": events, "claims": claims})


__all__ = ["is_title_case", "recase_headlines", "restore_text"]
