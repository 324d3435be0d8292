"""Plain-text dumps: boilerplate removal and metadata.

A crawler's text dump of a news page (one line per block element: navigation items, the headline,
bylines, captions, paragraphs, teasers, footers) is cut into lines, and every line gets a vector of
language-independent features:

* its own shape: length, word count, share of letters/digits/capitals/CJK, terminal punctuation,
  commas per word, list bullet and indentation, blank lines around it;
* its neighbourhood: whether it is "prose" (long, punctuated), how much prose surrounds it, whether
  it lies inside the document's main block (the maximum-sum run of prose characters, found with
  Kadane's algorithm, where non-prose lines cost a fixed amount), distance to the nearest prose line;
* repetition: how many *other* documents of the batch (and of the same outlet) contain the same
  normalised line (:class:`LineStats`), and whether it repeats inside the document;
* a few multilingual cue families (cookie, subscribe, share, "read more"/trending, credit, comments,
  rights/footer, advertising, byline) that matter mainly on short lines.

Two small networks (one hidden layer each, weights in ``sitrep/data/text/lines.json`` and
``lines2.json``, trained by ``eval/train_lines.py`` on the fundus dumps; numpy only at run time) give
each line a probability of being article text: the second one also sees the first one's
probabilities of the neighbouring lines.  Then a few structural rules:

* a short line between kept lines (a sub-heading) is kept at a lower bar, and so are a lead just
  above / a last paragraph just below the kept text when only short furniture separates them;
* a non-prose line found in several other documents of the batch or outlet is never kept;
* a heading glued to a single paragraph inside the article (a teaser card) is dropped;
* hard-wrapped text (fixed-width files) is re-joined into paragraphs first (:func:`unwrap`).

Title, authors, date and outlet come from the lines around the start of the kept text:
:mod:`sitrep.extract.textmeta`.  Every dropped line is reported in ``removed`` with a reason.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.extract.base import Extracted
from sitrep.extract.dates import find_dates, month_number
from sitrep.model import Hints

__all__ = ["FEATURES", "LineStats", "Line", "extract_text", "line_features", "split_lines"]

MAX_LINES = 4000
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "text"
_BULLETS = "•·▪►›»*-–—+■□◦●"
_TERMINAL = tuple(".!?。！？…:;\"”“'’»)」』")
_NORM_DIGITS = re.compile(r"\d+")
_NUMBERED = re.compile(r"\d{1,2}\.\s+")
_WS = re.compile(r"\s+")

# cue families, deliberately multilingual: word prefixes ("subscri" matches "subscribe", "subscription")
# and two-word phrases; matched on lower-cased words, so a page costs one pass of dict look-ups
_CUE_WORDS: dict[str, tuple[str, ...]] = {
    "cookie": ("cookie", "gdpr", "dsgvo", "kvkk", "consent", "einwillig", "datenschutz", "privacy", "rgpd",
               "privacidad", "confidentialit", "personenbezogen", "tracking"),
    "subscribe": ("subscri", "newsletter", "abonn", "suscr", "inscri", "signup", "login", "anmelden",
                  "registrier", "iscriviti", "zaloguj", "premium", "paywall", "membership", "donate", "spenden",
                  "e-mail-adresse", "email"),
    "share": ("share", "teilen", "compartir", "partager", "condividi", "facebook", "twitter", "whatsapp",
              "linkedin", "pinterest", "telegram", "instagram", "youtube", "tiktok", "print", "drucken",
              "imprimir", "imprimer", "mastodon", "bluesky", "flipboard", "reddit"),
    "teaser": ("related", "recommended", "empfohlen", "trending", "meistgelesen", "weiterlesen", "video",
               "videos", "podcast", "live", "ticker", "gallery", "galerie", "bilderstrecke", "watch", "listen",
               "anhören", "popular"),
    "credit": ("photo", "foto", "bild", "image", "getty", "reuters", "afp", "dpa", "imago", "shutterstock", "©",
               "copyright", "credit", "quelle", "source", "fuente", "crédit", "keystone", "epa", "istock", "ap"),
    "comment": ("comment", "kommentar", "comentari", "commentaire", "reply", "antworten", "répondre",
                "leserbrief"),
    "footer": ("impressum", "imprint", "nutzungsbedingungen", "agb", "kontakt", "careers", "karriere",
               "accessibility", "barrierefrei", "sitemap", "faq", "menu", "menü", "navigation", "search", "suche",
               "buscar", "home", "startseite", "inicio", "accueil"),
    "ad": ("advertis", "anzeige", "werbung", "publicidad", "publicité", "pubblicità", "sponsored", "gesponsert",
           "promoted", "ad", "affiliate", "gutschein"),
}
_CUE_PHRASES: dict[str, tuple[str, ...]] = {
    "cookie": ("personal data", "données personnelles", "datos personales"),
    "subscribe": ("sign up", "sign in", "log in", "your email", "indicates required", "become a"),
    "share": ("copy link", "link kopieren"),
    "teaser": ("read more", "read also", "also read", "see also", "lesen sie", "mehr zum", "mehr lesen",
               "lea también", "lea más", "leer más", "lire aussi", "leggi anche", "most read", "editors picks",
               "top stories", "more from", "more news", "latest news", "auch interessant", "das könnte",
               "te puede"),
    "footer": ("all rights", "rechte vorbehalten", "derechos reservados", "droits réservés", "terms of",
               "contact us", "about us", "über uns", "mentions légales", "aviso legal", "skip to", "zum inhalt"),
}
CUE_NAMES = tuple(_CUE_WORDS)
_PREFIX_LEN = 6


def _cue_tables() -> tuple[dict[str, list[tuple[str, int]]], dict[str, int]]:
    by_key: dict[str, list[tuple[str, int]]] = {}
    for k, name in enumerate(CUE_NAMES):
        for w in _CUE_WORDS[name]:
            by_key.setdefault(w[:_PREFIX_LEN], []).append((w, k))
    phrases = {ph: k for k, name in enumerate(CUE_NAMES) for ph in _CUE_PHRASES.get(name, ())}
    return by_key, phrases


_CUE_KEYS, _CUE_PHRASE_IDX = _cue_tables()
_SHORT_KEYS = sorted({len(key) for key in _CUE_KEYS if len(key) < _PREFIX_LEN})
# a word can only have a family if it contains "©", equals a cue, or shares a cue's first three
# letters: a cheap test that settles most words of a text before the prefix look-ups
_CUE_SET = frozenset(w for ws in _CUE_WORDS.values() for w in ws)
_CUE_PREFIX3 = frozenset(w[:3] for w in _CUE_SET if len(w) >= 3)


_PUNCT = re.compile(r"[\"'“”„«»‘’()\[\]{}.,;:!?*|/·•–—#@+=<>]")
_FAMILY: dict[str, int] = {}


def _family(w: str) -> int:
    """Cue family of a lower-cased word (by prefix), -1 for none; cached across documents."""
    f = _FAMILY.get(w)
    if f is not None:
        return f
    f = -1
    if w[:3] not in _CUE_PREFIX3 and w not in _CUE_SET and "©" not in w:
        pass
    elif "©" in w:
        f = CUE_NAMES.index("credit")
    else:
        for cue, k in _CUE_KEYS.get(w[:_PREFIX_LEN], ()):
            if w.startswith(cue):
                f = k
                break
        else:
            for ln in _SHORT_KEYS:
                if ln <= len(w) and f < 0:
                    for cue, k in _CUE_KEYS.get(w[:ln], ()):
                        if w == cue or (len(cue) >= 4 and w.startswith(cue)):
                            f = k
                            break
    if len(_FAMILY) > 500_000:
        _FAMILY.clear()
    _FAMILY[w] = f
    return f


_NO_CHAR = 0x1FFFFF  # (above every code point: pads the prefix key of a word shorter than three)


def _prefix_key(w: str) -> int:
    """The first three code points of a word packed into one integer (21 bits each, padded)."""
    c = [ord(ch) for ch in w[:3]] + [_NO_CHAR] * (3 - len(w[:3]))
    return (c[0] << 42) | (c[1] << 21) | c[2]


# a word can have a cue family only if its first three letters begin a cue word (every cue word of
# three letters or more gives its prefix), if it is a cue word of one or two letters, or if it holds
# "©" (see _family): the keys of the first two kinds, sorted for np.searchsorted
_CANDIDATE_KEYS = np.array(sorted({_prefix_key(w) for w in _CUE_PREFIX3}
                                  | {_prefix_key(w) for w in _CUE_SET if len(w) < 3}), dtype=np.int64)


@lru_cache(maxsize=1)
def _word_separators() -> np.ndarray:
    """Per code point of the BMP: whether it separates words in :func:`cue_matrix`: whitespace (what
    ``str.split()`` splits at; none lies outside the BMP) or a character that ``_PUNCT`` blanks out."""
    bmp = "".join(map(chr, range(0x10000)))
    sep = np.fromiter(map(str.isspace, bmp), dtype=bool, count=0x10000)
    sep[[m.start() for m in _PUNCT.finditer(bmp)]] = True
    sep[0xFFFF] = False  # (a code point above the BMP is looked up here: it separates nothing)
    return sep


def _cue_word_hits(low_joined: str) -> tuple[np.ndarray, np.ndarray]:
    """(line, family) of every word of the text that has a cue family, the words being those of
    ``_PUNCT.sub(" ", low_joined).split()`` per line.

    The words are found on the code points with numpy (runs of characters that are not separators);
    only the few whose first three code points, or a "©", make them candidates are cut out as strings
    and looked up in the family cache; every other word has no family, as :func:`_family` says."""
    cp = np.frombuffer(low_joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    n = len(cp)
    empty = np.zeros(0, dtype=np.int64)
    if n == 0:
        return empty, empty
    is_word = ~_word_separators()[np.minimum(cp, 0xFFFF)]
    edge = np.diff(is_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    w_start = np.flatnonzero(edge == 1)
    w_end = np.flatnonzero(edge == -1)
    if not len(w_start):
        return empty, empty
    w_len = w_end - w_start
    at = np.minimum(w_start[:, None] + np.arange(3), n - 1)
    first3 = np.where(np.arange(3) < w_len[:, None], cp[at], _NO_CHAR)
    key = (first3[:, 0] << 42) | (first3[:, 1] << 21) | first3[:, 2]
    pos = np.minimum(np.searchsorted(_CANDIDATE_KEYS, key), len(_CANDIDATE_KEYS) - 1)
    cand = _CANDIDATE_KEYS[pos] == key
    copy = np.flatnonzero(cp == 0xA9)  # "©": its word is a candidate too
    if len(copy):
        cand[np.searchsorted(w_start, copy, side="right") - 1] = True
    idx = np.flatnonzero(cand)
    if not len(idx):
        return empty, empty
    # the candidate words as strings and their families, all in C-level maps; only words never seen
    # before go through _family (which also keeps the cache bounded)
    words = list(map(low_joined.__getitem__, map(slice, w_start[idx].tolist(), w_end[idx].tolist())))
    fams = list(map(_FAMILY.get, words))
    if None in fams:
        fams = [_family(w) if f is None else f for f, w in zip(fams, words, strict=True)]
    fam = np.array(fams, dtype=np.int64)
    hit = fam >= 0
    newlines = np.flatnonzero(cp == 10)
    line = np.searchsorted(newlines, w_start[idx][hit])
    return line, fam[hit]


def cue_matrix(low_lines: list[str], low_joined: str, starts: np.ndarray) -> np.ndarray:
    """Per line and cue family, the number of cue words and phrases (lines lower-cased).

    Words: see :func:`_cue_word_hits` (one numpy pass over the text, then a look-up of the few
    candidate words); the hits are counted per (line, family) cell with one ``np.bincount``.
    Phrases: every non-overlapping occurrence in the joined text, placed by ``starts``."""
    n = len(low_lines)
    k_fam = len(CUE_NAMES)
    line, fam = _cue_word_hits(low_joined)
    cells = np.bincount(line * k_fam + fam, minlength=n * k_fam)[: n * k_fam]
    out = cells.reshape(n, k_fam).astype(np.float32)
    for ph, k in _CUE_PHRASE_IDX.items():
        pos = low_joined.find(ph)
        while pos >= 0:
            out[int(np.searchsorted(starts, pos, side="right")) - 1, k] += 1
            pos = low_joined.find(ph, pos + len(ph))
    return out


def cue_counts(text_low: str) -> np.ndarray:
    """Per cue family, the number of cue words or phrases in one lower-cased line."""
    return cue_matrix([text_low], text_low, np.zeros(1, dtype=np.int64))[0]


_BYLINE_WORDS = (r"(?:written by|reported by|reporting by|story by|text by|words by|by|von|por|par|di|door|av|af|"
                 r"przez|autor(?:in|a)?|text|texto|texte|redakt\w*|author|reporter|from)\b")
_BYLINE = re.compile(rf"^{_BYLINE_WORDS}[\s:]*", re.I)
# the same test without the trailing [\s:]*, which always matches (a match or not: the same lines)
_BYLINE_START = re.compile(_BYLINE_WORDS, re.I)
_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|de|at|ch|uk|fr|es|it)\b|@\w")

FEATURES: tuple[str, ...] = (
    "len", "words", "cjk", "term", "quote", "alpha", "digit", "upper", "titlecase", "comma",
    "bullet", "indent", "blank_before", "blank_after", "prose", "prose_win", "prev_prose",
    "next_prose", "in_block", "dist_prose", "rep_batch", "rep_batch_frac", "rep_outlet_frac", "dup_doc",
    *(f"cue_{c}" for c in CUE_NAMES), *(f"short_cue_{c}" for c in CUE_NAMES),
    "byline", "date", "date_only", "link", "pipes", "len_rel", "short", "prev_len", "next_len",
    "first_block", "after_block", "before_block", "seg_rel", "seg_is_max", "seg_after_max", "seg_before_max",
    "blank_anomaly", "gap_before", "gap_after",
)
_COL = {f: i for i, f in enumerate(FEATURES)}
CONTEXT: tuple[str, ...] = ("p0", "p_prev", "p_next", "p_prev2", "p_next2", "p_win", "p_seg")


def _norm(s: str) -> str:
    return _WS.sub(" ", _NORM_DIGITS.sub("0", s.lower())).strip()


def _hash(s: str) -> int:
    return zlib.crc32(_norm(s).encode("utf-8", "replace"))


@lru_cache(maxsize=1)
def _bmp_classes() -> tuple[np.ndarray, np.ndarray]:
    """Per code point of the Basic Multilingual Plane: decimal digit (what ``\\d`` matches) and
    whitespace other than the line feed (what ``str.split()`` splits at; all of it lies in the BMP)."""
    bmp = "".join(map(chr, range(0x10000)))
    digit = np.zeros(0x10000, dtype=bool)
    digit[[m.start() for m in re.finditer(r"\d", bmp)]] = True
    space = np.zeros(0x10000, dtype=bool)
    space[[m.start() for m in re.finditer(r"\s", bmp)]] = True  # (the same set as str.split's)
    space[10] = False
    return digit, space


def line_hashes(texts: list[str]) -> list[int]:
    """CRC-32 of each line, lower-cased, digits folded to 0, whitespace collapsed (as :func:`_hash`).

    The folding runs over the code points of all lines at once with numpy: every run of decimal
    digits becomes one ``0``, every run of whitespace one space, and whitespace at line ends is
    dropped; the result is the same as ``" ".join(_NORM_DIGITS.sub("0", t.lower()).split())``
    per line (lower-casing commutes with both foldings: no character's lower case is a digit or
    whitespace, and digits and whitespace have no case), in a fraction of the regex's time."""
    if not texts:
        return []
    joined = "\n".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    digit_t, space_t = _bmp_classes()
    # (U+FFFF is neither digit nor space: code points above the BMP are looked up there)
    low_cp = np.minimum(cp, 0xFFFF)
    is_d = digit_t[low_cp]
    is_s = space_t[low_cp]
    if len(cp) and cp.max() > 0xFFFF:  # decimal digits outside the BMP (mathematical, some scripts)
        hi = np.flatnonzero(cp > 0xFFFF)
        is_d[hi] = [chr(c).isdecimal() for c in cp[hi].tolist()]
    prev_d = np.concatenate([[False], is_d[:-1]])
    drop = is_d & prev_d
    out = np.where(is_d, 48, cp).astype(np.uint32)
    if is_s.any():
        # a run of whitespace becomes one space when a character other than a line break stands on
        # both sides of it; otherwise (at a line start or end, or the text's) it is dropped
        edge = np.diff(is_s.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
        run_start = np.flatnonzero(edge == 1)
        run_end = np.flatnonzero(edge == -1)  # (exclusive)
        inner = (run_start > 0) & (run_end < len(cp))
        inner[inner] = (cp[run_start[inner] - 1] != 10) & (cp[run_end[inner]] != 10)
        drop |= is_s
        kept = run_start[inner]
        drop[kept] = False
        out[kept] = 32
    out = out[~drop]
    folded = out.tobytes().decode("utf-32-le", "surrogatepass").lower().split("\n")
    return [zlib.crc32(t.encode("utf-8", "replace")) for t in folded]


@dataclass(slots=True)
class Line:
    """One non-empty line of a dump: its text without indentation and list bullet."""

    text: str
    indent: int
    bullet: bool
    blank_before: bool
    blank_after: bool = False


def unwrap(raw_lines: list[str], max_width: int = 140) -> list[str]:
    """Re-join hard-wrapped paragraphs (text saved at a fixed width, e-mail style).

    Only when the whole text looks wrapped: no line is longer than ``max_width`` and at least two
    lines of near-full width run straight into a next line.  A paragraph is a near-full line plus
    its continuation lines, up to a blank line or a short line (its end).  Crawler dumps, with one
    long line per paragraph, are left alone.
    """
    # a crawler dump has a line longer than max_width even once stripped: settle that first, cheaply
    if any(len(x.strip()) > max_width for x in raw_lines if len(x) > max_width):
        return raw_lines
    lens = [len(x.strip()) for x in raw_lines]
    longest = max(lens, default=0)
    if longest == 0 or longest > max_width:
        return raw_lines
    wrap = 0.6 * longest
    runs = [i for i in range(len(lens) - 1) if lens[i] >= wrap and lens[i + 1] > 0]
    if len(runs) < 2:
        return raw_lines
    # one sentence per line is not wrapping: a wrapped line ends mid-sentence far more often than not
    ends = sum(1 for i in runs if raw_lines[i].rstrip().endswith(_TERMINAL))
    if ends > len(runs) / 2:
        return raw_lines
    out: list[str] = []
    buf = ""
    for raw, n in zip(raw_lines, lens, strict=True):
        if buf:
            if n == 0:
                out += [buf, ""]
                buf = ""
                continue
            buf += " " + raw.strip()
            if n < wrap:
                out.append(buf)
                buf = ""
            continue
        if n >= wrap:
            buf = raw.rstrip()
        else:
            out.append(raw)
    if buf:
        out.append(buf)
    return out


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of a dump with their layout (indentation, bullet, surrounding blank lines)."""
    out: list[Line] = []
    blank = True
    raws = unwrap(text.splitlines())
    for raw, s in zip(raws, map(str.strip, raws), strict=True):
        if not s:
            blank = True
            if out:
                out[-1].blank_after = True
            continue
        c0 = s[0]
        if raw[0] == c0 and c0 not in _BULLETS:  # (the common case: not indented, no bullet)
            out.append(Line(s, 0, False, blank))
        else:
            # (raw[0] differs from the first stripped character exactly when the line is indented)
            indent = 0 if raw[0] == c0 else len(raw) - len(raw.lstrip())
            bullet = False
            if c0 in _BULLETS and len(s) > 1 and s[1] == " ":
                bullet = True
                s = s[2:].strip()
            elif indent and (m := _NUMBERED.match(s)) and s[m.end():m.end() + 1].isalpha():
                first = s[m.end():].split(maxsplit=1)[0]
                if month_number(first) is None:  # "05. Juni 2025" is a date, not list item 5
                    bullet = True
                    s = s[m.end():]
            if not s:
                continue
            out.append(Line(s, indent, bullet, blank))
        blank = False
        if len(out) >= MAX_LINES:
            break
    if out:
        out[-1].blank_after = True  # the end of the text ends a paragraph, as the start begins one
    return out


# The lines and line hashes of the documents just counted by LineStats.add_document, for the
# extraction of the same documents that follows (the pipeline counts a chunk, then extracts it): text
# CRC-32 -> (the text itself, its lines, their hashes as a compact array).  The text is kept (a
# reference, not a copy) so that a hit is exact, never a CRC collision.  Bounded; each entry is used
# once (lines are never changed after split_lines); a miss only means computing them again.
_HASH_CACHE: dict[int, tuple[str, list[Line], array]] = {}
_HASH_CACHE_CAP = 1024


def _remember_hashes(key: int, text: str, lines: list[Line], hashes: list[int]) -> None:
    if len(_HASH_CACHE) >= _HASH_CACHE_CAP:  # drop the oldest half (dicts keep insertion order)
        for k in list(_HASH_CACHE)[: _HASH_CACHE_CAP // 2]:
            _HASH_CACHE.pop(k, None)
    _HASH_CACHE[key] = (text, lines, array("I", hashes))


def _recall_lines(key: int, text: str) -> tuple[list[Line], list[int]] | None:
    """The (lines, line hashes) of ``text`` when :meth:`LineStats.add_document` just counted it."""
    hit = _HASH_CACHE.pop(key, None)
    if hit is None or hit[0] != text or len(hit[2]) != len(hit[1]):
        return None
    return hit[1], hit[2].tolist()


class LineStats:
    """Bounded counts of normalised lines across the documents of a batch and per outlet.

    Each document adds each of its distinct lines (lower-cased, digits folded, as a CRC-32) once.
    ``docs_with(line)`` then says in how many documents a line occurs: a line found in many
    documents is navigation, a footer or a recurring widget.  Memory is bounded by ``cap``: when the
    table grows past it, entries seen only once are dropped (they carry no repetition signal).
    The object is plain dicts and ints, so it pickles for worker processes (a few MB at most).
    It also remembers the last few thousand documents it counted, so that the extractor can discount
    a document's own lines (``included``).
    """

    def __init__(self, cap: int = 200_000) -> None:
        self.docs = 0
        self.cap = cap
        self.counts: dict[int, int] = {}
        self.outlet_docs: dict[str, int] = {}
        self.outlet_counts: dict[str, dict[int, int]] = {}
        self.seen_docs: set[int] = set()
        self.recent: list[int] = []
        self.recent_cap = 4096

    def add_document(self, text: str, outlet: str | None = None) -> None:
        """Count the distinct lines of one document (and of its outlet when known)."""
        key = zlib.crc32(text.encode("utf-8", "replace"))
        if key in self.seen_docs:
            return
        if len(self.recent) >= self.recent_cap:  # only recent documents are asked about
            old, self.recent = self.recent[: self.recent_cap // 2], self.recent[self.recent_cap // 2:]
            self.seen_docs.difference_update(old)
        self.seen_docs.add(key)
        self.recent.append(key)
        self.docs += 1
        lines = split_lines(text)
        all_hashes = line_hashes([ln.text for ln in lines])
        _remember_hashes(key, text, lines, all_hashes)
        hashes = {h for h, ln in zip(all_hashes, lines, strict=True) if len(ln.text) < 400}
        for h in hashes:
            self.counts[h] = self.counts.get(h, 0) + 1
        if outlet:
            self.outlet_docs[outlet] = self.outlet_docs.get(outlet, 0) + 1
            oc = self.outlet_counts.setdefault(outlet, {})
            for h in hashes:
                oc[h] = oc.get(h, 0) + 1
            if len(oc) > self.cap // 4:
                self.outlet_counts[outlet] = {k: v for k, v in oc.items() if v > 1}
        if len(self.counts) > self.cap:
            self.counts = {k: v for k, v in self.counts.items() if v > 1}

    def add_all(self, texts: Iterable[tuple[str, str | None]]) -> None:
        for t, o in texts:
            self.add_document(t, o)

    def contains(self, text: str) -> bool:
        return zlib.crc32(text.encode("utf-8", "replace")) in self.seen_docs

    def other_docs(self, h: int, included: bool) -> tuple[int, int]:
        """(other documents with the line, other documents in all) for a line hash."""
        own = 1 if included else 0
        return max(self.counts.get(h, 0) - own, 0), max(self.docs - own, 0)

    def other_docs_many(self, hs: list[int], included: bool) -> tuple[np.ndarray, int]:
        """:meth:`other_docs` for many line hashes at once: (counts as a float64 array, documents)."""
        own = 1 if included else 0
        get = self.counts.get
        c = np.fromiter((get(h, 0) for h in hs), dtype=np.float64, count=len(hs))
        return np.maximum(c - own, 0.0), max(self.docs - own, 0)

    def other_outlet_docs_many(self, hs: list[int], outlet: str | None, included: bool) -> tuple[np.ndarray, int]:
        """:meth:`other_outlet_docs` for many line hashes at once."""
        if not outlet or outlet not in self.outlet_counts:
            return np.zeros(len(hs)), 0
        own = 1 if included else 0
        get = self.outlet_counts[outlet].get
        c = np.fromiter((get(h, 0) for h in hs), dtype=np.float64, count=len(hs))
        return np.maximum(c - own, 0.0), max(self.outlet_docs.get(outlet, 0) - own, 0)

    def other_outlet_docs(self, h: int, outlet: str | None, included: bool) -> tuple[int, int]:
        if not outlet or outlet not in self.outlet_counts:
            return 0, 0
        own = 1 if included else 0
        return (max(self.outlet_counts[outlet].get(h, 0) - own, 0),
                max(self.outlet_docs.get(outlet, 0) - own, 0))


def _main_block(lines: list[Line], prose: list[bool]) -> tuple[int, int]:
    """The run of lines with the largest sum of prose characters minus a cost per other line."""
    best, best_rng = -1.0, (0, -1)
    cur, start = 0.0, 0
    for i, ln in enumerate(lines):
        v = float(len(ln.text)) if prose[i] else -60.0
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, best_rng = cur, (start, i)
    return best_rng


def _bmp_table(chars: str) -> np.ndarray:
    """A boolean look-up table over the BMP, true at the given characters (all below U+FFFF)."""
    t = np.zeros(0x10000, dtype=bool)
    t[[ord(c) for c in chars]] = True
    return t


_TERMINAL_TABLE = _bmp_table("".join(_TERMINAL))
_QUOTE_OPEN_TABLE = _bmp_table("\"“„«'‘")  # a line starting with one of these is a quote
_QUOTE_CLOSE_TABLE = _bmp_table("\"”“»")  # ... and so is one ending with one of these


def _char_classes_of(cp: np.ndarray) -> dict[str, np.ndarray]:
    """Boolean masks over code points (Latin, Greek, Cyrillic, CJK aware): the definition of the classes."""
    upper = ((cp >= 65) & (cp <= 90)) | ((cp >= 192) & (cp <= 222) & (cp != 215)) | ((cp >= 0x391) & (cp <= 0x3A9)) \
        | ((cp >= 0x400) & (cp <= 0x42F))
    lower = ((cp >= 97) & (cp <= 122)) | ((cp >= 223) & (cp <= 255) & (cp != 247)) | ((cp >= 0x3B1) & (cp <= 0x3C9)) \
        | ((cp >= 0x430) & (cp <= 0x45F))
    cjk = ((cp >= 0x3040) & (cp <= 0x30FF)) | ((cp >= 0x3400) & (cp <= 0x9FFF)) | ((cp >= 0xAC00) & (cp <= 0xD7AF))
    other_letters = ((cp >= 0x100) & (cp < 0x2000) & ~upper & ~lower)
    alpha = upper | lower | cjk | other_letters
    digit = (cp >= 48) & (cp <= 57)
    space = (cp == 32) | (cp == 9) | (cp == 10) | (cp == 0xA0) | (cp == 0x3000)
    comma = (cp == 44) | (cp == 59) | (cp == 0x3001) | (cp == 0xFF0C)
    return {"upper": upper, "alpha": alpha, "cjk": cjk, "digit": digit, "space": space, "comma": comma,
            "pipe": cp == 124}


# every class lies below U+FFFF (U+FFFF itself is in none): one table of class bits, looked up per code point
_CLASS_BITS = tuple(_char_classes_of(np.zeros(1, dtype=np.uint32)))
_CLASS_TABLE = np.zeros(0x10000, dtype=np.uint8)
for _bit, _mask in enumerate(_char_classes_of(np.arange(0x10000, dtype=np.uint32)).values()):
    _CLASS_TABLE[_mask] |= np.uint8(1 << _bit)
_CLASS_TABLE[0xFFFF] = 0
del _bit, _mask


def _char_classes(joined: str, cp: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Boolean masks over the code points of the joined lines (:func:`_char_classes_of`, by table
    look-up), plus word starts (a non-space after a space or at the start) and title-case word starts."""
    if cp is None:
        cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    bits = _CLASS_TABLE[np.minimum(cp, 0xFFFF)]
    m = {name: (bits & np.uint8(1 << k)) != 0 for k, name in enumerate(_CLASS_BITS)}
    space = m.pop("space")
    prev_space = np.concatenate([[True], space[:-1]])
    word_start = ~space & prev_space
    return {"upper": m["upper"], "alpha": m["alpha"], "cjk": m["cjk"], "digit": m["digit"],
            "word_start": word_start, "title_start": word_start & m["upper"], "comma": m["comma"],
            "pipe": m["pipe"]}


def _count_matches(rx: re.Pattern[str], text: str, starts: np.ndarray, n: int) -> np.ndarray:
    """Matches of ``rx`` per line, in one pass over the joined text."""
    pos = [m.start() for m in rx.finditer(text)]
    if not pos:
        return np.zeros(n, dtype=np.float32)
    idx = np.searchsorted(starts, np.asarray(pos), side="right") - 1
    return np.bincount(idx, minlength=n).astype(np.float32)[:n]


_SLASH_SEP = re.compile(" / ")  # (non-overlapping, as str.count)
_DOT_SEP = re.compile(" · ")


def _runs(flags: np.ndarray, gap: int) -> np.ndarray:
    """Segment ids: a new segment starts at a flagged line preceded by ``gap`` or more unflagged lines
    (lines before the first flagged one count as such a gap)."""
    n = len(flags)
    idx = np.flatnonzero(flags)
    new = np.zeros(n, dtype=np.int64)
    if len(idx):
        before = np.diff(idx, prepend=-1) - 1  # unflagged lines since the previous flagged one
        new[idx[before >= gap]] = 1
    return np.cumsum(new)


def line_features(lines: list[Line], stats: LineStats | None = None, outlet: str | None = None,
                  included: bool = True, norms: list[int] | None = None) -> np.ndarray:
    """The feature matrix (one row per line, columns as in :data:`FEATURES`).

    Character classes, word counts and cue matches are computed once over the joined text with
    numpy and per-line reductions (``np.add.reduceat``), so that a 300-line page costs a few ms.
    ``norms``: the lines' :func:`line_hashes` when already known.
    """
    n = len(lines)
    X = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if n == 0:
        return X
    col = {f: i for i, f in enumerate(FEATURES)}
    texts = [ln.text for ln in lines]
    joined = "\n".join(texts)
    L = np.fromiter(map(len, texts), dtype=np.float32, count=n)
    starts = np.zeros(n, dtype=np.int64)
    starts[1:] = np.cumsum(L[:-1] + 1).astype(np.int64)
    cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    cc = _char_classes(joined, cp)
    red = {k: np.add.reduceat(v.astype(np.float32), starts) for k, v in cc.items()}
    words = red["word_start"]
    letters = red["alpha"]
    cjk = red["cjk"] / L
    first_cp, last_cp = cp[starts], cp[starts + L.astype(np.int64) - 1]  # (lines are never empty)
    last_cp = np.minimum(last_cp, 0xFFFF)  # (for the look-up tables: no cue character lies above)
    ends = _TERMINAL_TABLE[last_cp]
    # layout attributes of the lines in one pass: indent, bullet, blank before, blank after
    attrs = np.array([(ln.indent, ln.bullet, ln.blank_before, ln.blank_after) for ln in lines],
                     dtype=np.float32).reshape(n, 4)
    prose = np.where(cjk > 0.3, (L >= 40) & ends, (words >= 12) & (ends | (words >= 30)))
    prose_l = prose.tolist()
    b0, b1 = _main_block(lines, prose_l)
    prose_idx = np.flatnonzero(prose)
    med = float(np.median(L[prose_idx])) if len(prose_idx) else 200.0
    if norms is None or len(norms) != n:
        norms = line_hashes(texts)
    pa = prose.astype(np.float32)
    idx = np.arange(n)
    # distance to the nearest prose line
    last_before = np.maximum.accumulate(np.where(prose, idx, -10_000))
    nxt = np.where(prose, idx, 10_000 + n)
    first_after = np.minimum.accumulate(nxt[::-1])[::-1]
    dist = np.minimum(idx - last_before, first_after - idx).astype(np.float32)
    csum = np.concatenate([[0.0], np.cumsum(pa)])
    lo, hi = np.maximum(idx - 3, 0), np.minimum(idx + 4, n)
    # segments: runs of lines split at two or more consecutive non-prose lines
    seg = _runs(prose, 2)
    seg_chars = np.bincount(seg, weights=L * pa)
    max_seg = int(np.argmax(seg_chars)) if len(prose_idx) else -1
    max_chars = float(seg_chars[max_seg]) if len(prose_idx) else 1.0
    blank_b = attrs[:, 2]
    blank_a = attrs[:, 3]
    blank_rate = float(blank_b[prose_idx].mean()) if len(prose_idx) else 0.5
    # non-prose run lengths before and after each line
    g_b = idx - np.maximum.accumulate(np.where(prose, idx, -1)) - 1
    gap_b = np.concatenate([[0], np.where(prose[:-1], 0, g_b[:-1] + 1)]) if n > 1 else np.zeros(1)
    rev = prose[::-1]
    ridx = np.arange(n)
    g_a = ridx - np.maximum.accumulate(np.where(rev, ridx, -1)) - 1
    gap_a_r = np.concatenate([[0], np.where(rev[:-1], 0, g_a[:-1] + 1)]) if n > 1 else np.zeros(1)
    gap_a = gap_a_r[::-1]
    low = joined.lower()
    short = L < 100
    X[:, col["len"]] = np.log1p(L)
    X[:, col["words"]] = np.log1p(words)
    X[:, col["cjk"]] = cjk
    X[:, col["term"]] = ends
    X[:, col["quote"]] = _QUOTE_OPEN_TABLE[np.minimum(first_cp, 0xFFFF)] | _QUOTE_CLOSE_TABLE[last_cp]
    X[:, col["alpha"]] = letters / L
    X[:, col["digit"]] = red["digit"] / L
    X[:, col["upper"]] = np.where(letters > 0, red["upper"] / np.maximum(letters, 1), 0.0)
    X[:, col["titlecase"]] = red["title_start"] / np.maximum(words, 1)
    X[:, col["comma"]] = np.minimum(red["comma"] / np.maximum(words, 1), 1.0)
    X[:, col["bullet"]] = attrs[:, 1]
    X[:, col["indent"]] = np.minimum(attrs[:, 0], 8) / 8
    X[:, col["blank_before"]] = blank_b
    X[:, col["blank_after"]] = blank_a
    X[:, col["prose"]] = pa
    X[:, col["prose_win"]] = (csum[hi] - csum[lo] - pa) / np.maximum(hi - lo - 1, 1)
    X[1:, col["prev_prose"]] = pa[:-1]
    X[:-1, col["next_prose"]] = pa[1:]
    X[:, col["in_block"]] = (idx >= b0) & (idx <= b1)
    X[:, col["first_block"]] = idx == b0
    X[:, col["after_block"]] = np.log1p(np.maximum(idx - b1, 0))
    X[:, col["before_block"]] = np.log1p(np.maximum(b0 - idx, 0))
    X[:, col["dist_prose"]] = np.log1p(np.minimum(dist, 50))
    if stats is not None:
        counted = L < 400
        c, d = stats.other_docs_many(norms, included)
        c = np.where(counted, c, 0.0)
        X[:, col["rep_batch"]] = np.where(c > 0, np.log1p(c), 0.0)
        if d:
            X[:, col["rep_batch_frac"]] = c / d
        if outlet:
            c, d = stats.other_outlet_docs_many(norms, outlet, included)
            if d:
                X[:, col["rep_outlet_frac"]] = np.where(counted, c / d, 0.0)
    dup = Counter(norms)
    X[:, col["dup_doc"]] = [dup[h] > 1 for h in norms]
    cues = cue_matrix(low.split("\n"), low, starts)
    # a long line needs two hits: prose mentions "video" once (the cue columns are in CUE_NAMES order)
    c_cue, c_short = col["cue_" + CUE_NAMES[0]], col["short_cue_" + CUE_NAMES[0]]
    k_fam = len(CUE_NAMES)
    X[:, c_cue:c_cue + k_fam] = np.where(short[:, None], cues > 0, cues >= 2)
    X[:, c_short:c_short + k_fam] = short[:, None] & (cues > 0)
    # (a byline match starts a line, and only lines under 150 characters count: only those are tried,
    # each anchored at its start -- cheaper than a multi-line scan of every position of the text)
    under = np.flatnonzero(L < 150)
    bl = np.zeros(n, dtype=bool)
    bl[under] = np.fromiter(map(bool, map(_BYLINE_START.match, map(texts.__getitem__, under.tolist()))),
                            dtype=bool, count=len(under))
    X[:, col["byline"]] = bl
    has_digit = red["digit"] > 0
    for i in np.flatnonzero(has_digit & (L < 200)).tolist():  # (find_dates returns at once without a year)
        ds = find_dates(texts[i], with_time=True)
        if ds:
            X[i, col["date"]] = 1.0
            X[i, col["date_only"]] = sum(d.end - d.start for d in ds) / L[i] > 0.5
    X[:, col["link"]] = _count_matches(_LINK, low, starts, n) > 0
    seps = red["pipe"] + _count_matches(_SLASH_SEP, joined, starts, n) + _count_matches(_DOT_SEP, joined, starts, n)
    X[:, col["pipes"]] = np.minimum(seps, 5) / 5
    X[:, col["len_rel"]] = np.minimum(L / med, 3.0)
    X[:, col["short"]] = words <= 3
    X[1:, col["prev_len"]] = np.log1p(L[:-1])
    X[:-1, col["next_len"]] = np.log1p(L[1:])
    X[:, col["seg_rel"]] = seg_chars[seg] / max(max_chars, 1.0)
    X[:, col["seg_is_max"]] = seg == max_seg
    X[:, col["seg_after_max"]] = seg > max_seg
    X[:, col["seg_before_max"]] = seg < max_seg
    X[:, col["blank_anomaly"]] = (np.abs(blank_b - blank_rate) + np.abs(blank_a - blank_rate)) / 2
    X[:, col["gap_before"]] = np.log1p(gap_b)
    X[:, col["gap_after"]] = np.log1p(gap_a)
    return X


def context_features(p: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Second-stage inputs: the first-stage probabilities of a line and of its neighbours."""
    n = len(p)
    C = np.zeros((n, len(CONTEXT)), dtype=np.float32)
    if n == 0:
        return C
    pad = np.concatenate([[0.0, 0.0], p, [0.0, 0.0]])
    C[:, 0] = p
    C[:, 1] = pad[1:n + 1]
    C[:, 2] = pad[3:n + 3]
    C[:, 3] = np.maximum(pad[0:n], pad[1:n + 1])
    C[:, 4] = np.maximum(pad[3:n + 3], pad[4:n + 4])
    cs = np.concatenate([[0.0], np.cumsum(p)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - 5, 0), np.minimum(idx + 6, n)
    C[:, 5] = (cs[hi] - cs[lo] - p) / np.maximum(hi - lo - 1, 1)
    # mean probability of the line's segment (runs split at two low lines)
    seg = _runs(p >= 0.5, 2)
    sums = np.bincount(seg, weights=p)
    cnt = np.bincount(seg)
    C[:, 6] = sums[seg] / np.maximum(cnt[seg], 1)
    return C


class _Net:
    """A one-hidden-layer network (or plain logistic regression when there is no hidden layer)."""

    def __init__(self, d: dict[str, Any], names: tuple[str, ...] = FEATURES) -> None:
        self.features: list[str] = d["features"]
        self.mean = np.asarray(d["mean"], dtype=np.float32)
        self.std = np.asarray(d["std"], dtype=np.float32)
        self.W1 = np.asarray(d["W1"], dtype=np.float32) if d.get("W1") is not None else None
        self.b1 = np.asarray(d["b1"], dtype=np.float32) if d.get("b1") is not None else None
        self.W2 = np.asarray(d["W2"], dtype=np.float32)
        self.b2 = float(d["b2"])
        self.threshold = float(d.get("threshold", 0.5))
        self.sub_threshold = float(d.get("sub_threshold", 0.3))
        idx = {f: i for i, f in enumerate(names)}
        self.cols = np.array([idx[f] for f in self.features])

    def predict(self, X: np.ndarray) -> np.ndarray:
        Z = np.clip((X[:, self.cols] - self.mean) / self.std, -10.0, 10.0)
        if self.W1 is not None and self.b1 is not None:
            Z = np.maximum(_matmul(Z, self.W1) + self.b1, 0.0)
        out: np.ndarray = 1.0 / (1.0 + np.exp(-(_matmul(Z, self.W2) + self.b2)))
        return out


# OpenBLAS runs a matrix product on several threads once rows x inner x outer passes about 2.6e5; for
# these small products the threads cost far more than they save (their spin-wait burns the other
# core: 20x slower on a busy 2-core machine), so long documents are multiplied in row blocks below it
_BLAS_SERIAL = 200_000


def _matmul(Z: np.ndarray, W: np.ndarray) -> np.ndarray:
    """``Z @ W``, in row blocks small enough that BLAS stays single-threaded.  Rows are independent, but
    BLAS kernels round differently with the shape, so a value may differ from the one-product value in
    the last bit of float32 (as it already did between machines with different thread counts)."""
    per_row = max(1, Z.shape[1] * (W.shape[1] if W.ndim == 2 else 1))
    rows = max(1, _BLAS_SERIAL // per_row)
    if len(Z) <= rows:
        out: np.ndarray = Z @ W
        return out
    return np.concatenate([Z[i:i + rows] @ W for i in range(0, len(Z), rows)])


@lru_cache(maxsize=4)
def _model(name: str, names: tuple[str, ...] = FEATURES) -> _Net | None:
    path = DATA_DIR / name
    if not path.is_file():
        return None
    data = path.read_text("utf-8")
    return _Net(json.loads(data), names)


def line_probabilities(lines: list[Line], X: np.ndarray) -> np.ndarray:
    """Probability that each line is article text (learned model, or a rule when it is missing)."""
    net = _model("lines.json")
    if net is not None:
        p = net.predict(X)
        net2 = _model("lines2.json", FEATURES + CONTEXT)
        if net2 is not None:
            p = net2.predict(np.concatenate([X, context_features(p, X)], axis=1))
        return p
    col = {f: i for i, f in enumerate(FEATURES)}
    p = 0.2 + 0.5 * X[:, col["prose"]] + 0.2 * X[:, col["in_block"]] - 0.5 * X[:, col["rep_batch_frac"]]
    return np.clip(p, 0.0, 1.0)


def select_lines(lines: list[Line], p: np.ndarray, X: np.ndarray | None = None) -> list[bool]:
    """Keep lines over the threshold; keep a short line between two kept lines at a lower bar.

    With the feature matrix, a non-prose line found in at least two other documents and in 30% of
    them (of the batch or of the outlet) is never kept: widgets repeat, wire copy that repeats across
    outlets is prose and is left to the model."""
    net = _model("lines2.json", FEATURES + CONTEXT) or _model("lines.json")
    thr = net.threshold if net else 0.5
    sub = net.sub_threshold if net else 0.3
    if X is not None:
        c = _COL
        repeated = (X[:, c["prose"]] == 0) & (X[:, c["rep_batch"]] >= math.log1p(2) - 1e-6) & (
            (X[:, c["rep_batch_frac"]] >= 0.3) | (X[:, c["rep_outlet_frac"]] >= 0.3))
        p = np.where(repeated, 0.0, p)
    # the comparisons with both bars as whole-array operations, then plain lists (numpy compares a
    # float32 probability with a Python float bar in float32, scalar or array alike)
    keep: list[bool] = (p >= thr).tolist()
    over_sub: list[bool] = (p >= sub).tolist()
    n = len(lines)
    for i in range(1, n - 1):
        if not keep[i] and over_sub[i] and keep[i - 1] and any(keep[i + 1:i + 3]):
            keep[i] = True
    kept = [i for i in range(n) if keep[i]]
    if not kept:
        return keep
    # the lead above the first kept line and the last paragraph below the last one, when only short
    # furniture ("Trending Now", a share bar) separates them from the article
    for edge, step in ((kept[0], -1), (kept[-1], 1)):
        j = edge + step
        while 0 <= j < n and abs(j - edge) <= 4:
            w = len(lines[j].text.split())
            if w >= 12 and lines[j].text.endswith(_TERMINAL):
                if over_sub[j]:
                    keep[j] = True
                break
            if w > 4:
                break
            j += step
    return keep


CLEAN_PROSE_SHARE = 0.8
_PROSE_END = re.compile(r"[.!?\"”’)]$")


def _sentence_like(text: str) -> bool:
    return len(text.split()) >= 6 and bool(_PROSE_END.search(text))


def keep_clean_prose(lines: list[Line], keep: list[bool], X: np.ndarray) -> list[bool]:
    """A text that is nearly all sentences (at least ``CLEAN_PROSE_SHARE`` of its lines: a clean article,
    a feed's text, one sentence per line) is not a page dump: the line model, trained on page dumps,
    reads layout that such a text does not have.  There, every sentence-like line is kept unless it
    repeats across the batch (a widget) or carries a boilerplate cue word (cookie, subscribe...).

    Page dumps stay well below the bar (fundus: 0.4% of pages reach 0.75; trafilatura's set: none)."""
    if not lines:
        return keep
    # a sentence-like line ends in one of _PROSE_END's characters, all of them terminal: when too few
    # lines end like that, the share cannot be reached (the common case, settled without the words)
    if X[:, _COL["term"]].sum() < CLEAN_PROSE_SHARE * len(lines) and any(keep):
        return keep
    flags = [_sentence_like(ln.text) for ln in lines]
    if sum(flags) < CLEAN_PROSE_SHARE * len(lines) and any(keep):
        # (when the model kept nothing -- a short text without the layout of a page -- its sentences
        # are a better answer than an empty article)
        return keep
    c = _COL
    out = list(keep)
    for i in range(len(lines)):
        if out[i] or not flags[i]:
            continue
        repeated = X[i, c["rep_batch"]] >= math.log1p(2) - 1e-6 and (
            X[i, c["rep_batch_frac"]] >= 0.3 or X[i, c["rep_outlet_frac"]] >= 0.3)
        if not repeated and not _has_boilerplate_cue(X[i]):
            out[i] = True
    return out


_CUE_FEATURES = tuple(f"cue_{c}" for c in CUE_NAMES) + tuple(f"short_cue_{c}" for c in CUE_NAMES)


def _has_boilerplate_cue(row: np.ndarray) -> bool:
    return any(row[_COL[f]] > 0 for f in _CUE_FEATURES)


def inline_teasers(lines: list[Line], keep: list[bool]) -> list[int]:
    """Teaser cards inside the article: a heading glued to one paragraph (no blank line between
    them, blank lines around the pair) in a document whose kept paragraphs are all blank-separated.

    On the fundus dumps 18 of 19 such pairs inside the article region are related-article teasers.
    """
    kept = [i for i, k in enumerate(keep) if k]
    if len(kept) < 4:
        return []
    rate = sum(lines[i].blank_before and lines[i].blank_after for i in kept) / len(kept)
    if rate < 0.8:
        return []
    out: list[int] = []
    for i in range(kept[0] + 1, kept[-1]):
        a, b = lines[i], lines[i + 1]
        if (a.blank_before and not a.blank_after and not b.blank_before and b.blank_after
                and not a.text.endswith(_TERMINAL) and len(a.text.split()) <= 25 and len(b.text.split()) >= 12
                and (keep[i] or keep[i + 1])):
            out += [i, i + 1]
    return out


FALLBACK_WORDS = 12


def _fallback_body(lines: list[Line], X: np.ndarray, drop: dict[int, str], title: str | None) -> list[str]:
    """The body of a short text in which the line model kept nothing (no page layout to read): its
    long lines without boilerplate cue words, or, for a text that is only a headline and its date, the
    headline itself.  Better than an empty article for a search index and for story linking."""
    out = [ln.text for i, ln in enumerate(lines)
           if drop.get(i) not in ("title", "date") and len(ln.text.split()) >= FALLBACK_WORDS
           and not _has_boilerplate_cue(X[i])]
    if out:
        return out
    rest = [i for i in range(len(lines)) if drop.get(i) not in ("title", "date") and len(lines[i].text.split()) > 3]
    if title and not rest and len(title.split()) >= 6:
        return [title]  # a text of one sentence: it is both the headline and the body
    return []


def extract_text(text: str, hints: Hints | None = None, stats: LineStats | None = None) -> Extracted:
    """Body, title, authors, date and outlet of a plain-text dump; see the module docstring."""
    from sitrep.extract.meta import detect_language, host_of
    from sitrep.extract.textmeta import find_metadata, removal_reasons

    hints = hints or Hints()
    key = zlib.crc32(text.encode("utf-8", "replace"))
    recalled = _recall_lines(key, text)
    lines, norms = recalled if recalled is not None else (split_lines(text), None)
    if not lines:
        return Extracted(url=hints.url, extractor="text-lines")
    outlet_key = hints.outlet or host_of(hints.url)
    included = key in stats.seen_docs if stats is not None else False  # (stats.contains(text))
    X = line_features(lines, stats, outlet_key, included, norms=norms)
    p = line_probabilities(lines, X)
    keep = select_lines(lines, p, X)
    keep = keep_clean_prose(lines, keep, X)
    sample = " ".join(ln.text for ln, k in zip(lines, keep, strict=True) if k)[:1200]
    language = hints.language or detect_language(sample)
    meta = find_metadata(lines, X, p, keep, hints, language)
    for i in inline_teasers(lines, keep):
        meta.drop.setdefault(i, "teaser")
    # removed lines as plain dicts: pydantic validates the whole list into Removed records in one
    # call when Extracted is built (the same records, a fraction of the cost of one model per line)
    removed: list[dict[str, str]] = []
    body_parts: list[str] = []
    reasons = removal_reasons(X)
    drop = meta.drop
    for i, ln in enumerate(lines):
        if keep[i] and i not in drop:
            body_parts.append(ln.text)
        else:
            removed.append({"text": ln.text, "reason": drop.get(i) or reasons[i]})
    if not body_parts:
        body_parts = _fallback_body(lines, X, meta.drop, meta.title)
    body = "\n\n".join(body_parts)
    return Extracted.model_validate({
        "title": meta.title, "authors": meta.authors, "published": meta.published, "outlet": meta.outlet,
        "language": language, "url": hints.url, "body": body, "removed": removed, "extractor": "text-lines"})
