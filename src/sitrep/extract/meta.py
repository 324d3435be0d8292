"""Metadata helpers shared by the extractors: decoding, language, outlet, author names."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from charset_normalizer import from_bytes


class DecodeError(ValueError):
    pass


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


# control bytes other than tab, line feed, vertical tab, form feed and carriage return
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes outside UTF-16, control soup)."""
    head = data[:4096]
    if not head:
        return False
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if b"\x00" in head:
        # UTF-16 without BOM has NULs in every other byte of ASCII text
        even, odd = head[0::2], head[1::2]
        if even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd):
            return False
        return True
    ctrl = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return ctrl > 0.05 * len(head)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, then strict UTF-8, then a declared charset, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2], data[1:4096:2]
        enc = "utf-16-le" if odd.count(0) > even.count(0) else "utf-16-be"
        return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("cannot detect the text encoding")
    return data.decode(best.encoding, errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def html_declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


_WORDS = re.compile(r"\w+")


def detect_language(text: str, sample: int = 3000) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, on the first ``sample`` characters), or None
    for too little text.  The cost grows with the sample: clean article text needs less than a dump.

    The classifier is py3langid's own model and scoring; only its byte-by-byte automaton walk is
    replaced by :func:`_langid_classify`'s vectorised walk (the same feature counts, the same result)."""
    sample_text = text[:sample]
    # three words at least (the first three matches settle it: no list of all words)
    if next(islice(_WORDS.finditer(sample_text), 2, None), None) is None:
        return None
    lang = _langid_classify(sample_text)
    return str(lang)


# The scanner of py3langid is an Aho-Corasick automaton over the UTF-8 bytes: the state after a byte is
# the trie node of the longest suffix of the text read so far that is in the trie.  Its trie is at most
# _LANGID_DEPTH bytes deep, so the state after byte i depends only on the last _LANGID_DEPTH bytes: it is
# the state reached by walking those bytes from the root (checked once over the whole model: from any
# state, every string of that length leads to one and the same state).  So numpy can walk all
# positions at once: _LANGID_DEPTH vectorised table look-ups instead of a Python loop over the bytes.
# The check holds for one model: _LANGID_MODEL names it (py3langid version, states, distinct table rows);
# with any other, py3langid itself walks.
_LANGID_DEPTH = 6
_LANGID_MODEL = ("0.4.0", 104583, 38346)


class _LangId:
    """py3langid's classifier (its model, feature counts and scores) with a vectorised automaton walk."""

    def __init__(self, ident: Any) -> None:
        nm = ident.tk_nextmove
        self.ident = ident
        self.nm = np.frombuffer(nm, dtype=np.dtype(nm.typecode))  # (a view: no copy of the table)
        self.rowbase = np.asarray(ident._rowbase, dtype=np.int64)
        self.out = np.asarray(ident.tk_output, dtype=np.int64)

    def states(self, data: bytes) -> np.ndarray:
        """The automaton's state after every byte of ``data`` (as py3langid's byte-by-byte walk): the
        first bytes are walked one by one from the root (the automaton itself); for every later byte,
        the window of the last ``_LANGID_DEPTH`` bytes is walked from the root, all windows at once."""
        b = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
        n = len(b)
        head = min(n, _LANGID_DEPTH - 1)
        out = np.empty(n, dtype=np.int64)
        s = 0
        for i in range(head):
            s = int(self.nm[self.rowbase[s] + b[i]])
            out[i] = s
        m = n - head
        if m > 0:
            st = np.zeros(m, dtype=np.int64)
            for j in range(_LANGID_DEPTH):  # (window k covers bytes k .. k + _LANGID_DEPTH - 1)
                st = self.nm[self.rowbase[st] + b[j:j + m]].astype(np.int64)
            out[head:] = st
        return out

    def features(self, data: bytes) -> tuple[np.ndarray, np.ndarray]:
        """py3langid's ``visit_counts`` as arrays: the features found, in order of first occurrence
        (the order of the ``Counter`` that py3langid builds), and their counts."""
        f = self.out[self.states(data)]
        f = f[f >= 0]
        n = len(f)
        if n == 0 or n >= 1 << 20 or int(f.max()) >= 1 << 17:  # (beyond the packing below: the plain way)
            feats, first, counts = np.unique(f, return_index=True, return_counts=True)
            order = np.argsort(first)  # (first occurrences are distinct: no ties)
            return feats[order], counts[order]
        # two plain sorts of packed integers instead of np.unique's index bookkeeping: (feature,
        # position) sorts each feature's occurrences together, first one first; then (first position,
        # count, feature) puts the features in order of first occurrence
        key = np.sort((f << 20) | np.arange(n))
        feat = key >> 20
        starts = np.flatnonzero(np.concatenate(([True], feat[1:] != feat[:-1])))
        counts = np.diff(np.append(starts, n))
        key2 = np.sort(((key[starts] & 0xFFFFF) << 37) | (counts << 17) | feat[starts])
        return key2 & 0x1FFFF, (key2 >> 17) & 0xFFFFF

    def classify(self, text: str) -> str:
        """``py3langid.classify(text)[0]``: the same encoding, feature counts, scores and tie-breaking
        (``LanguageIdentifier._decide`` and ``_sparse_score``) for an identifier without probability
        normalisation or a confidence floor."""
        from py3langid.langid import RAW_FLOOR

        ident = self.ident
        idx, counts = self.features(ident._encode(text))
        if len(idx):
            # (as _sparse_score: float32 counts, log1p, times the class table's rows, plus the priors)
            scores = np.log1p(counts.astype(np.float32)) @ ident.nb_ptc[idx] + ident.nb_pc
        else:
            scores = np.full(len(ident.nb_classes), RAW_FLOOR, dtype=np.float32)
        for i, j in ident._alias_pairs:  # (script aliases such as srl -> sr: one score per label)
            scores[i] = max(scores[i], scores[j])
            scores[j] = RAW_FLOOR
        return str(ident.nb_classes[int(scores.argmax())])


@lru_cache(maxsize=1)
def _langid() -> _LangId | None:
    """The fast classifier, or None when the installed py3langid does not have the layout it was
    written (and checked) for: then py3langid itself classifies."""
    try:
        from importlib.metadata import version

        from py3langid.langid import _get_identifier

        ident = _get_identifier()
        model = (version("py3langid"), len(ident.tk_output), len(set(ident.tk_row)))
        if not (model == _LANGID_MODEL and ident.min_confidence is None and not ident._norm_probs
                and hasattr(ident.tk_nextmove, "typecode") and len(ident.tk_row) == len(ident._rowbase)):
            return None
        return _LangId(ident)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None


def _langid_classify(text: str) -> str:
    """The language code py3langid gives ``text``."""
    fast = _langid()
    if fast is None:
        import py3langid

        return str(py3langid.classify(text)[0])
    return fast.classify(text)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# ----------------------------------------------------------------------------- text comparison

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'", "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None, "\u2060": None,
})


def same_text(s: str | None) -> str:
    """A comparison key: quotes, dashes and case unified, invisible characters dropped, spaces collapsed."""
    if not s:
        return ""
    return " ".join(s.translate(_QUOTES).casefold().split()).strip(" .")


def language_code(value: str | None) -> str | None:
    """ISO 639-1 code of a declared language (``de-DE``, ``en_US``, ``pt-br`` -> ``de``, ``en``, ``pt``)."""
    if not value:
        return None
    m = re.match(r"\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*(?:[,;]|$)", value)
    return m.group(1).lower() if m else None


# ----------------------------------------------------------------------------- dates


def iso_datetime(value: str | None) -> str | None:
    """ISO 8601 form of a machine-written date: with time and zone when given, else the day.

    Accepts ISO 8601 variants (``Z``, ``+0200``, a space for ``T``, fractions of a second) and
    RFC 2822 dates (HTTP and feed headers).  Fractions of a second are dropped, ``Z`` becomes
    ``+00:00``.  Returns None for anything else or for years outside 1990..2100.
    """
    if not value:
        return None
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    s = value.strip()
    m = re.match(
        r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?\s*"
        r"(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?\s*$", s)
    if m:
        y, mo, d, hh, mm, ss, tz = m.groups()
        try:
            dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
        except ValueError:
            return None
        if not 1990 <= dt.year <= 2100:
            return None
        if hh is None:
            return dt.date().isoformat()
        out = dt.isoformat()
        if tz:
            if tz.upper() in ("Z", "UTC", "GMT"):
                out += "+00:00"
            else:
                digits = tz[1:].replace(":", "")
                out += tz[0] + digits[:2] + ":" + (digits[2:4] or "00")
        return out
    try:
        dt2 = parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    if dt2 is None or not 1990 <= dt2.year <= 2100:
        return None
    return dt2.replace(microsecond=0).isoformat()


# ----------------------------------------------------------------------------- author names

_BYLINE_PREFIX = re.compile(
    r"^(?:(?:written|text|reported|words|story|photos?|fotos?|video)\s+)?"
    r"(?:by|von|vom|par|por|door|av|af|przez|od|di|texto?|autor(?:in|es)?|author|auteur|escrito por|"
    r"redaktion|reporter|text und fotos?|text & fotos?)\b\s*[:.]?\s*",
    re.I)
_SPLIT = re.compile(
    r"\s*(?:;|,|\||/|\+|&|\band\b|\bund\b|\bog\b|\boch\b|\bet\b|\by\b|\be\b|\ben\b|\bsowie\b|\bmit\b|"
    r"\bwith\b|\bi\b|\bja\b|\bmed\b|\bcon\b)\s*",
    re.I)
_ROLE_WORDS = {
    "journalist", "journalistin", "reporter", "reporterin", "redakteur", "redakteurin", "editor",
    "editors", "correspondent", "korrespondent", "korrespondentin", "staff", "writer", "autor",
    "autorin", "author", "contributor", "columnist", "kolumnist", "photographer", "fotograf",
    "fotografin", "photo", "photos", "foto", "fotos", "text", "video", "grafik", "graphics", "redaktion",
    "newsroom", "desk", "team", "agency", "agencies", "agentur", "agenturen", "press", "presse",
    "news", "nachrichten", "online", "digital", "media", "medien", "zeitung", "times", "post", "daily",
    "gmbh", "ag", "ltd", "inc", "llc", "sa", "s.a.", "co", "group", "verlag", "tv", "radio", "red",
    "redacción", "redaccion", "rédaction", "redazione", "redactie", "admin", "administrator",
    "editorial", "senior", "chief", "head", "deputy", "political", "politics", "sports", "business",
    "producer", "anchor", "host", "moderator", "moderatorin", "professor", "faculty", "university",
    "universität", "universiteto", "fakulteto", "profesorius", "developer", "webmaster", "guest",
    "contributors", "updated", "published", "mehr", "more", "artikel", "articles", "kommentar",
    "opinion", "analysis", "kommentare", "email", "e-mail", "twitter", "follow", "folgen",
}
_NAME_CHAR = re.compile(r"[^\W\d_]", re.U)


def _after_byline_word(s: str) -> str:
    """The text after a byline word inside a string: "Section Von Name", "capital von Name" -> "Name".

    A capitalised ``Von``/``By``/``Par``... always starts the name; a lower-case ``von``/``by`` only
    when the word before it is not capitalised, so "Ursula von der Leyen" and "Hans von Borsody" stay.
    """
    words = s.split(" ")
    for i in range(len(words) - 2, -1, -1):
        w, nxt = words[i], words[i + 1]
        if not nxt[:1].isupper():
            continue
        if w in ("Von", "By", "Par", "Por", "Door", "Af", "Av"):
            return " ".join(words[i + 1:])
        if w in ("von", "by") and (i == 0 or not words[i - 1][:1].isupper()):
            return " ".join(words[i + 1:])
    return s


def _name_key(s: str) -> str:
    return re.sub(r"[\s\-.'’]+", " ", same_text(s)).strip()


_GENERIC_ORG_WORDS = {"the", "der", "die", "das", "le", "la", "les", "el", "il", "de", "news", "daily", "online",
                      "zeitung", "times", "post", "com", "www", "media", "group", "tv", "radio", "nachrichten"}
_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "del", "della", "des", "du", "dos", "das", "la", "le",
              "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "e", "af", "av", "op", "mac", "st"}


def _is_org(part: str, org_keys: list[str], org_words: set[str]) -> bool:
    """True when a name part names a known organisation: equal to, inside or containing an
    organisation's name (spaces ignored), or sharing a distinctive word with it (``MDR Thüringen``)."""
    key = _name_key(part).replace(" ", "")
    if not key:
        return True
    for org in org_keys:
        if org and (org == key or (len(org) >= 4 and (org in key or key in org))):
            return True
    words = _name_key(part).split()
    return len(words) <= 2 and any(w in org_words for w in words)


def clean_authors(raw: list[str] | str | None, orgs: list[str] | None = None, strict: bool = False) -> list[str]:
    """Person names from raw author strings (bylines, meta tags, JSON-LD names).

    Method: unescape and collapse spaces; cut a byline word (``By``, ``Von``, ``Par``, ``Autor:``...);
    drop bracketed notes; split lists on ``,`` ``;`` ``/`` ``&`` and the word "and" in several
    languages; then keep a part only if it looks like a person's name: letters (no digits, ``@``,
    URLs), one to five words, not an all-lower-case or all-capital short code (agency codes such as
    ``dpa``, ``AFP``, ``srf/hosb``), no role or organisation word (``Journalist``, ``Redaktion``,
    ``GmbH``, ``News``...), and not naming a known organisation (``orgs``: the outlet, publisher,
    domain).  In scripts with letter case every word must be capitalised, except name particles
    (``von``, ``de``, ``bin``...).  ``strict`` (for strings scraped from the visible page rather than
    declared as authors) also requires two words at least.  Duplicates (also slug forms like
    ``Sophie-Foster``) are dropped, order is kept.
    """
    if not raw:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    org_keys = [_name_key(o).replace(" ", "") for o in (orgs or []) if o]
    org_words = {w for o in (orgs or []) if o for w in _name_key(o).split()
                 if len(w) >= 3 and w not in _GENERIC_ORG_WORDS}
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            continue
        import html as htmllib

        s = " ".join(htmllib.unescape(item).split())
        if re.search(r"www\.|https?://|\.(?:com|de|org|net|co\.uk)\b", s, re.I):
            continue  # "Outlet (www.outlet.com)": an organisation
        s = re.split(r"\s\d", s)[0]  # "Name 05. November 2024 15:36"
        s = re.sub(r"^.*?\b(?:Quelle|Source|Fuente|Fonte)\s*:.*$", "", s)
        s = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", s)
        s = re.sub(r"\s+[-–—]\s+.*$", "", s)  # "Name - role / place"
        s = _after_byline_word(s)
        for part in _SPLIT.split(s):
            part = part.strip(" .,:;-–—|*•\"'")
            prev = None
            while prev != part:
                prev = part
                part = _BYLINE_PREFIX.sub("", part).strip(" .,:;-–—|*•\"'")
            if not part or len(part) > 60:
                continue
            if re.search(r"[\d@#]|https?:|www\.|\.(?:com|de|org|net|at|ch|uk|be|fr|es|it|is|tr)\b",
                         part, re.I):
                continue
            words = part.split()
            cased = any(ch.isupper() or ch.islower() for ch in part)
            min_words = 2 if strict and cased else 1  # names in CJK scripts are written without spaces
            if not min_words <= len(words) <= 5 or not all(_NAME_CHAR.search(w) for w in words):
                continue
            if cased and any(w[:1].islower() and w.lower() not in _PARTICLES for w in words):
                continue
            letters = "".join(ch for ch in part if ch.isalpha())
            if len(words) == 1 and (part.islower() or (part.isupper() and len(letters) <= 5)
                                    or len(letters) < 3):
                continue
            if part.islower() and part.isascii():
                continue
            if any(w.lower().strip(".,") in _ROLE_WORDS for w in words):
                continue
            if _is_org(part, org_keys, org_words):
                continue
            key = _name_key(part)
            if key in seen:
                continue
            seen.add(key)
            out.append(part)
    # "Name" and "This article's author Name Follow": keep the shortest form
    keys = [f" {_name_key(n)} " for n in out]
    return [n for i, n in enumerate(out)
            if not any(j != i and len(keys[j]) < len(keys[i]) and keys[j] in keys[i] for j in range(len(out)))]
