"""Title, authors, publication date, outlet and removal reasons for plain-text dumps.

Everything here works on the lines of :mod:`sitrep.extract.text` after the body decision, and
looks first at the *header zone*: the lines just above the first kept body line, where pages print
headline, byline, date and photo credit.

* **title**: a learned score per candidate line (``sitrep/data/text/title.json``: logistic
  regression over the line features plus distance to the body start), falling back to a rule
  (the nearest heading-shaped line above the body).  A line equal to the title is never body.
* **authors**: bylines (``By A and B``, ``Written by X``, ``Von X``, ``Por X``, ``by X March 11, 2025``)
  in the header zone or just after the body, and ``X reported from Y`` sentences at the end; names
  are checked to look like person names (2–5 capitalised tokens, no digits, no role words).
* **published**: dates found by :func:`sitrep.extract.dates.find_dates` in the header zone, the one
  closest to the body start (a date with a time beats one without); then a date in the URL.
* **outlet**: the hints, else a ``© 2025 Name`` line, else ``Name's first-ever magazine``-style
  possessives and ``correspondent for Name`` in boilerplate lines.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import numpy as np

from sitrep.extract.dates import find_dates
from sitrep.model import Hints

if TYPE_CHECKING:
    from sitrep.extract.text import Line

__all__ = ["Meta", "find_metadata", "removal_reason", "removal_reasons", "TITLE_FEATURES", "title_features",
           "parse_byline"]

_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſА-Я][\w'’.\-]*|(?:de|da|van|von|der|den|del|di|la|le|al|bin|ibn|ter|dos|du)(?=\s))"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}"
_JOIN = r"\s*(?:,\s*(?:and\s+|und\s+|y\s+|et\s+|e\s+)?|\s+(?:and|und|y|et|e|og|och|en|i|и|&)\s+|\s*&\s*)\s*"
_BYLINE_LEAD = re.compile(
    r"^(?:written by|reported by|reporting by|story by|text by|words by|posted by|by|von|por|par|di|door|"
    r"av|af|przez|autor(?:in|a|es)?|author|text|texto|texte|reporter)\b[\s:]*", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:staff|news|editor|editors|redaktion|agency|agencia|agence|desk|team|min|read|minutes?|uhr|"
    r"updated|aktualisiert|published|veröffentlicht|photo|foto|reporter|correspondent|korrespondent|"
    r"press|associated|reuters|afp|dpa|ap|epa|getty|images?|video|source|quelle|online|newsroom|"
    r"and|und|the|der|die|das|for|für|with|mit|in|on|am|at|de|del|el|la|los|las|le|les)\b", re.I)
_INNER_BY = re.compile(rf"^(?:[\w-]+\s+){{1,2}}(?:von|by|por|par|di|door|av|af)\s+({_NAME})\s*$")
_REPORTED = re.compile(rf"({_NAME})\s+(?:reported|contributed(?: reporting)?|wrote)\b(?: this)?(?: from| to| report)?")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^|•\n]{2,60}?)"
                        r"(?:\s*[.|•,]|\s+all rights|\s+alle rechte|\s+todos|\s*$)", re.I)
_POSSESSIVE = re.compile(r"\b(The\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})['’]s\s+(?:first|own|latest|new|weekly|"
                         r"daily|newsletter|podcast|magazine|journalism|reporting)")
_CORRESPONDENT = re.compile(r"\b([A-Z][\w/&.-]{1,20}(?:\s+[A-Z][\w/&.-]+){0,3})['’]s\s+(?:[\w-]+\s+){0,4}"
                            r"(?:correspondent|reporter|editor|columnist|service)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|\b)")


@dataclass
class Meta:
    """What :func:`find_metadata` found, plus kept lines that must leave the body (index -> reason)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    drop: dict[int, str] = field(default_factory=dict)


TITLE_FEATURES = ("dist_start", "before_start", "after_start", "p_body", "cand_rank", "dup_title",
                  "ends_period", "overlap_lead", "overlap_body", "heading_rank", "blank_around", "t_words")
_SENTENCE_END = re.compile(r"[.。][\"”’'»)]*$")
_WORD = re.compile(r"\w{4,}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORD_NL = re.compile(_WORD.pattern + r"|\n")  # (the same words, plus a token at each line break)


def _heading_shaped(s: str) -> bool:
    w = len(s.split())
    return 2 <= w <= 30 and 15 <= len(s) <= 250 and not s.endswith((",", ";", ":"))


def title_features(lines: list[Line], X: np.ndarray, p: np.ndarray, start: int,
                   keep: list[bool] | None = None) -> tuple[list[int], np.ndarray]:
    """Candidate title lines (around the body start) and their extra features.

    Besides position, the strongest language-independent cue is word overlap with the lead: a
    headline shares its content words with the first paragraphs, navigation and teasers do not.
    """
    n = len(lines)
    lo, hi = max(0, start - 40), min(n, start + 4)
    # a long sentence ending in a full stop is a lead or a caption, not a headline; a short line with
    # a cookie, subscribe or comment cue is page furniture
    col = _cols()
    furniture = [col["short_cue_" + c] for c in ("cookie", "subscribe", "comment")]
    bad = (X[lo:hi, furniture].any(axis=1) | (X[lo:hi, col["date_only"]] != 0)).tolist()
    cands = []
    for i in range(lo, hi):
        t = lines[i].text
        if 2 <= len(t) <= 300 and not bad[i - lo] and not (len(t.split()) >= 18 and _SENTENCE_END.search(t)):
            cands.append(i)
    norm = [" ".join(lines[i].text.lower().split()) for i in cands]
    norm_count = Counter(norm)
    if keep is not None:
        kept = [i for i, k in enumerate(keep) if k]
    else:
        kept = np.flatnonzero(p >= 0.5).tolist()
    lead_idx = [i for i in kept if i >= start][:3]
    # the words of every line needed (candidates, lead, body), in one regex pass over those lines
    # joined by newlines: a word never spans a line break, and the extra "\n" alternative marks
    # where each line's words end (lower-casing the joined text is lower-casing each line)
    need = sorted({*cands, *lead_idx, *kept[:40]})
    toks = _WORD_NL.findall("\n".join([lines[i].text for i in need]).lower())
    groups = " ".join(toks).split("\n") if need else []
    words_of = dict(zip(need, (g.split() for g in groups), strict=True))
    lead = set().union(*(words_of[i] for i in lead_idx))
    body = set().union(*(words_of[i] for i in kept[:40]))
    heads_after = 0
    ranks: dict[int, int] = {}
    for i in range(min(hi, start) - 1, lo - 1, -1):
        if _heading_shaped(lines[i].text):
            ranks[i] = heads_after
            heads_after += 1
    rows = []
    p_list = p.tolist()
    for k, i in enumerate(cands):
        ln = lines[i]
        s = ln.text
        ws = set(words_of[i])
        if i in lead_idx:
            lead_w = set().union(*(words_of[j] for j in lead_idx if j != i))
        else:
            lead_w = lead
        rows.append((
            math.log1p(abs(start - i)),
            i < start,
            i > start,
            p_list[i],
            math.log1p(len(cands) - k),
            norm_count[norm[k]] > 1,
            s.endswith("."),
            len(ws & lead_w) / len(ws) if ws else 0.0,
            len(ws & body) / len(ws) if ws else 0.0,
            math.log1p(ranks.get(i, 20)),
            ln.blank_before + ln.blank_after,
            math.log1p(len(s.split())),
        ))
    extra = np.array(rows, dtype=np.float32).reshape(len(cands), len(TITLE_FEATURES))
    return cands, extra


@lru_cache(maxsize=2)
def _title_model() -> dict | None:
    from sitrep.extract.text import DATA_DIR

    path = DATA_DIR / "title.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else None


def _title_scores(X: np.ndarray, extra: np.ndarray) -> np.ndarray:
    from sitrep.extract.text import FEATURES, _Net

    m = _title_model()
    Z = np.concatenate([X, extra], axis=1)
    names = FEATURES + TITLE_FEATURES
    if m is None:
        col = {f: i for i, f in enumerate(names)}
        words = np.expm1(Z[:, col["words"]])
        s = -Z[:, col["dist_start"]] + (words >= 3) * 1.0 + (words <= 25) * 1.0 - Z[:, col["term"]] * 0.5
        s += 2 * Z[:, col["overlap_lead"]]
        s -= 2 * Z[:, col["rep_batch_frac"]] + 2 * Z[:, col["byline"]] + 2 * Z[:, col["date_only"]]
        return s
    net = _TITLE_NET.get(id(m))
    if net is None or net[0] is not m:  # (the trainer swaps the model in: key on the object itself)
        _TITLE_NET.clear()
        net = _TITLE_NET[id(m)] = (m, _Net(m, names))
    return net[1].predict(Z)


_TITLE_NET: dict[int, tuple[dict, Any]] = {}


_TRAILING_ROLE = re.compile(r"(?:\s+|(?<=[a-zß-ÿ])(?=[A-Z]))(?:\w+\s+)?(?:korrespondent(?:in)?|redakteur(?:in)?|"
                            r"reporter(?:in)?|correspondent|editor|autor(?:in)?|journalist(?:in)?|"
                            r"volont(?:är|ärin)|chefredakteur(?:in)?|writer|columnist|follow|twitter|email|e-mail)\b.*$",
                            re.I)


def _clean_name(s: str) -> str | None:
    s = _TRAILING_ROLE.sub("", re.sub(r"\s+", " ", s)).strip(" ,;:-–|/")
    toks = s.split()
    if not 2 <= len(toks) <= 5 or any(ch.isdigit() for ch in s):
        return None
    if _ROLE_WORDS.search(s) and not re.fullmatch(r"(?:\S+\s+)?(?:de|da|van|von|der|del|di|la|le|al)\s+.*", s):
        return None
    if not all(t[0].isupper() or t in {"de", "da", "van", "von", "der", "den", "del", "di", "la", "le", "al",
                                       "bin", "ibn", "ter", "dos", "du"} for t in toks):
        return None
    if s.isupper() and len(s) > 3:
        s = s.title()
    return s


def parse_byline(s: str) -> list[str]:
    """Person names of a byline line (``By A and B``, ``Written by X``, ``by X March 11, 2025``)."""
    m = _BYLINE_LEAD.match(s)
    if not m:
        # "Kolumne von Jane Roe", "A column by Jane Roe": a short line that ends with the name
        m2 = _INNER_BY.match(s) if len(s) < 70 else None
        if not m2:
            return []
        c = _clean_name(m2.group(1))
        return [c] if c else []
    rest = s[m.end():]
    ds = find_dates(rest, with_time=False)
    if ds:
        rest = rest[:ds[0].start]
    # cut at a date, a separator or a role
    cut = re.search(r"\s(?:\||•|·|—|–|-)\s|\d|\s(?:am|on|le|el|il|em|op|den)\s|[,;]\s*(?:[a-z]|$)", rest)
    if cut:
        rest = rest[:cut.start()]
    names: list[str] = []
    for part in re.split(_JOIN, rest):
        nm = re.match(_NAME, part.strip())
        if nm:
            c = _clean_name(nm.group(0))
            if c and c not in names:
                names.append(c)
    return names


_PERSON_TOKEN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+)?\.?|[A-Z]\.")
_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "di", "la", "le", "al", "bin", "ibn", "ter", "dos",
              "du", "zu", "y"}


def _person_like(s: str) -> bool:
    toks = s.split()
    if not 2 <= len(toks) <= 4 or len(s) > 40:
        return False
    core = [t for t in toks if t not in _PARTICLES]
    if len(core) < 2 or not all(_PERSON_TOKEN.fullmatch(t) for t in core):
        return False
    return not _ROLE_WORDS.search(s)


def bare_names(s: str) -> list[str]:
    """Names of a line that is only a name list ("Jane Roe", "Jane Roe und John Doe",
    "Jane Roe · Outlet · Posted ..."), with names glued by flattened markup split apart."""
    s = s.strip()
    if len(s) > 160 or any(ch in s for ch in ":!?\"“”„«»()") or s.endswith("."):
        return []
    head = re.split(r"\s[·|•]\s|\s[-–—]\s", s)[0].strip()
    head = re.sub(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ])", ", ", head)  # "Jasper RiemannBarbara Schneider"
    parts = [x.strip() for x in re.split(_JOIN, head) if x.strip()]
    if not parts or any(not _person_like(x) for x in parts):
        # a run of two-word names separated by spaces only ("Ann Bell Jo Cole Max Ray Lee")
        toks = head.replace(",", " ").split()
        if 4 <= len(toks) <= 12 and len(toks) % 2 == 0 and all(_PERSON_TOKEN.fullmatch(t) for t in toks) \
                and not _ROLE_WORDS.search(head):
            return []
        return []
    return [_clean_name(x) or x for x in parts]


def _reported_names(text: str) -> list[str]:
    out = []
    for m in _REPORTED.finditer(text):
        toks = m.group(1).split()
        # keep the trailing capitalised run (drops a capitalised role word before the name)
        c = _clean_name(" ".join(toks[-3:])) or _clean_name(" ".join(toks[-2:]))
        if c and c not in out:
            out.append(c)
    return out


# how every _COPYRIGHT match begins ("©", "(c)" or "copyright" in any case: under re.I "c" matches
# only c and C), written with a leading character class so that the regex engine can skip ahead fast
_COPY_HINT = re.compile(r"[©(cC](?:(?<=©)|(?<=\()[cC]\)|(?<=[cC])(?i:opyright))")
_POSS_HINT = re.compile(r"s(?<=['’]s)\s")  # what every _POSSESSIVE and _CORRESPONDENT match contains


def _lines_with(rx: re.Pattern[str], joined: str, starts: list[int]) -> list[int]:
    """Indices of the lines (joined by newlines, starting at ``starts``) where ``rx`` finds a match."""
    return sorted({bisect_right(starts, m.start()) - 1 for m in rx.finditer(joined)})


def _outlet_from_lines(lines: list[Line], keep: list[bool]) -> str | None:
    """A publication name printed in the page furniture: copyright line, then possessive cues.

    The cue patterns are tried only on lines where one cheap search over the whole text found
    how they must begin (the same lines, in the same order, as trying every line)."""
    texts = [ln.text for ln in lines]
    joined = "\n".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    for i in reversed(_lines_with(_COPY_HINT, joined, starts)):
        if keep[i]:
            continue
        s = texts[i]
        if len(s) < 200:
            m = _COPYRIGHT.search(s)
            if m:
                name = m.group(1).strip(" .,")
                if 2 <= len(name) <= 50 and not re.search(r"\d{3}|all rights|rights reserved", name, re.I):
                    return name
    # a wire dateline opening the article: "HELSINKI, Dec 27 (Northline) - ..."
    for i in [i for i, k in enumerate(keep) if k][:3]:
        m = _DATELINE_AGENCY.match(texts[i])
        if m and not re.search(r"\d", m.group(1)):
            return m.group(1).strip()
    for i in _lines_with(_POSS_HINT, joined, starts):
        if keep[i]:
            continue
        m = _POSSESSIVE.search(texts[i]) or _CORRESPONDENT.search(texts[i])
        if m:
            return m.group(1)
    return None


_DATELINE_AGENCY = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{1,40})?\s*\(([A-Z][^()\n]{1,40})\)\s*(?:--|[-–—―])\s")


def find_metadata(lines: list[Line], X: np.ndarray, p: np.ndarray, keep: list[bool], hints: Hints,
                  language: str | None = None) -> Meta:
    """Title, authors, date and outlet of a dump, and the kept lines that are metadata, not body."""
    from sitrep.extract.text import FEATURES

    col = {f: i for i, f in enumerate(FEATURES)}
    meta = Meta()
    n = len(lines)
    kept = [i for i in range(n) if keep[i]]
    start = kept[0] if kept else 0
    end = kept[-1] if kept else n - 1
    # --- title
    title_idx: int | None = None
    if hints.title:
        meta.title = hints.title
    else:
        cands, extra = title_features(lines, X, p, start, keep)
        if cands:
            sc = _title_scores(X[cands], extra)
            title_idx = cands[int(np.argmax(sc))]
            meta.title = lines[title_idx].text
    if title_idx is not None:
        meta.drop[title_idx] = "title"
    if meta.title:
        t = " ".join(meta.title.lower().split())
        for i in range(n):
            if keep[i] and " ".join(lines[i].text.lower().split()) == t:
                meta.drop[i] = "title"
    if title_idx is not None and kept and title_idx > start:
        # lines kept above the title are page furniture, not the article -- unless that would leave
        # less of the text below the title than above it: then the "title" is a line of the article
        above = [i for i in kept if i < title_idx and i not in meta.drop and p[i] < 0.9]
        chars_above = sum(len(lines[i].text) for i in above)
        chars_below = sum(len(lines[i].text) for i in kept if i > title_idx)
        if chars_above > chars_below:
            meta.drop.pop(title_idx, None)
            title_idx, meta.title = None, hints.title
        else:
            for i in above:
                meta.drop[i] = "above-title"
    anchor = title_idx if title_idx is not None else start
    # --- authors
    zone = range(max(0, min(anchor, start) - 3), min(n, max(anchor, start) + 12))
    authors: list[str] = []
    for i in zone:
        s = lines[i].text
        if len(s) > 200:
            continue
        names = parse_byline(s)
        if names:
            authors.extend(x for x in names if x not in authors)
            meta.drop[i] = "byline"
            break
    if not authors:
        near_lo, near_hi = max(0, anchor - 4), min(n, anchor + 9)
        cue_cols = [col["short_cue_" + c] for c in ("cookie", "subscribe", "share", "teaser", "credit", "comment",
                                                     "footer", "ad")]
        # the tests of the near lines as whole-array operations first (in float32, as numpy compares a
        # float32 value with a Python float), then read from plain lists
        skip = ((X[near_lo:near_hi, col["rep_batch_frac"]] > 0.1)
                | X[near_lo:near_hi][:, cue_cols].any(axis=1)).tolist()
        dated_l = X[:, col["date"]].tolist()
        for i in range(near_lo, near_hi):
            if skip[i - near_lo] or lines[i].bullet:
                continue
            between = min(anchor, start) < i < max(anchor, start)
            if not between and not any(dated_l[max(0, i - 3):i + 4]):
                continue
            names = bare_names(lines[i].text)
            if names:
                authors.extend(x for x in names if x not in authors)
                meta.drop[i] = "byline"
                break
    if not authors:
        tail = range(max(0, end - 4), min(n, end + 6))
        for i in tail:
            s = lines[i].text
            names = parse_byline(s) if len(s) < 150 else []
            if names:
                authors.extend(x for x in names if x not in authors)
                meta.drop[i] = "byline"
    if not authors:
        for i in range(start, n):
            s = lines[i].text
            # (_REPORTED needs one of its verbs: a substring test settles most lines)
            if len(s) >= 400 or not ("reported" in s or "contributed" in s or "wrote" in s):
                continue
            names = _reported_names(s)
            if names:
                authors.extend(x for x in names if x not in authors)
                meta.drop[i] = "byline"
    meta.authors = authors
    _drop_bios(lines, keep, authors, start, meta)
    # --- date
    meta.published = _pick_date(lines, X, keep, anchor, start, end, _day_first(lines, language))
    if meta.published is None and hints.url:
        m = _URL_DATE.search(hints.url)
        if m:
            from sitrep.extract.dates import parse_date

            meta.published = parse_date(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
    for i in range(n):
        if keep[i] and X[i, col["date_only"]] and i not in meta.drop:
            meta.drop[i] = "date"
    # --- outlet
    meta.outlet = hints.outlet or _outlet_from_lines(lines, [k and i not in meta.drop for i, k in enumerate(keep)])
    return meta


_PUBLISHED = re.compile(r"publi|veröffentlicht|erschienen|stand:|datum|fecha|date|data:|pubblicato|gepubliceerd|"
                        r"opublikowano|yayın|posted|released|发布|公開|掲載|입력|등록", re.I)
_UPDATED = re.compile(r"updat|aktualisiert|actualiza|mis à jour|modifi|geändert|aggiornato|bijgewerkt|"
                      r"zaktualizowano|güncelle|修正|更新|수정", re.I)
_SLASH = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(?:19|20)?\d\d(?!\d)")


def _day_first(lines: list[Line], language: str | None) -> bool:  # noqa: ARG001
    """Reading order of slashed dates in this document: evidence (a part over 12), else language."""
    for ln in lines:
        if "/" in ln.text:
            for m in _SLASH.finditer(ln.text):
                a, b = int(m.group(1)), int(m.group(2))
                if a > 12 >= b:
                    return True
                if b > 12 >= a:
                    return False
    return True


def _pick_date(lines: list[Line], X: np.ndarray, keep: list[bool], anchor: int, start: int, end: int,
               day_first: bool) -> str | None:
    """The publication date: the best-scored date line, by distance to the headline and cues.

    Lower is better: log distance in lines from the headline; a "published" cue, an attached time
    and a line that is mostly the date help; "updated", long lines (captions, prose), list items and
    runs of dated lines (teaser and comment lists) and lines after the article cost.
    """
    from sitrep.extract.text import FEATURES

    col = {f: i for i, f in enumerate(FEATURES)}
    n = len(lines)
    dated = X[:, col["date"]]
    # the columns read per line, as plain lists (a numpy scalar per look-up costs more than the rest)
    dated_l = dated.tolist()
    prose, byline, date_only = (X[:, col[c]].tolist() for c in ("prose", "byline", "date_only"))
    best: tuple[float, str] | None = None
    for i in np.flatnonzero(dated).tolist():
        s = lines[i].text
        if keep[i] and prose[i] and not byline[i]:
            continue
        found = find_dates(s, day_first=day_first)
        if not found:
            continue
        d = max(found, key=lambda f: f.has_time)
        score = math.log1p(abs(i - anchor)) + (0.3 if i < anchor else 0.0)
        pub = bool(_PUBLISHED.search(s))
        if pub:
            score -= 2.0
        elif _UPDATED.search(s):
            score += 1.0
        if d.has_time:
            score -= 0.7
        if date_only[i]:
            score -= 0.5
        if len(s) > 120:
            if not pub:
                continue  # a date inside a caption or a sentence is an event date, not the publication
            score += 1.0
        if lines[i].bullet:
            score += 1.0
        lo, hi = max(0, i - 3), min(n, i + 4)
        if sum(dated_l[lo:hi]) >= 3:  # (the column holds 0 and 1 only: the sum is exact either way)
            score += 1.5
        if i > end + 5 and not pub:
            score += 2.0
        if best is None or score < best[0]:
            best = (score, d.iso)
    return best[1] if best else None


_BIO_VERB = r"\s+(?:is|was|has|ist|war|es|est|fue|è|er|är|jest)\s"


def _drop_bios(lines: list[Line], keep: list[bool], authors: list[str], start: int, meta: Meta) -> None:
    """Author bios: a line that is an author's name, or starts "<author> is ...", opens a bio that runs
    over the following kept lines until two dropped lines in a row."""
    if not authors:
        return
    names = {a.casefold() for a in authors}
    n = len(lines)
    kept = [k for k in range(n) if keep[k]]
    if len(kept) < 3:
        return
    i = max(start + 1, kept[len(kept) // 2])  # bios follow the article, a name line may head it
    while i < n:
        s = lines[i].text
        low = s.casefold()
        opens = low in names or any(low.startswith(a) and re.match(_BIO_VERB, s[len(a):]) for a in names)
        if not opens:
            i += 1
            continue
        j, misses = i, 0
        while j < n and misses < 2:
            if keep[j] and j not in meta.drop:
                meta.drop[j] = "bio"
                misses = 0
            elif not keep[j] and j > i:
                misses += 1
            j += 1
        i = j
    return


@lru_cache(maxsize=1)
def _cols() -> dict[str, int]:
    from sitrep.extract.text import FEATURES

    return {f: i for i, f in enumerate(FEATURES)}


_REASON_CUES = (("cookie", "cookie"), ("subscribe", "subscribe"), ("share", "share"), ("comment", "comments"),
                ("credit", "credit"), ("ad", "advert"), ("footer", "footer"), ("teaser", "teaser"))


def removal_reasons(X: np.ndarray) -> list[str]:
    """:func:`removal_reason` for every row of a feature matrix at once (the same rules, in the same
    order, as masks: the first rule that holds gives the reason)."""
    if len(X) == 0:
        return []
    col = _cols()
    prose = X[:, col["prose"]] != 0
    conds = [(X[:, col["rep_batch_frac"]] > 0.2) | (X[:, col["rep_outlet_frac"]] > 0.2), X[:, col["byline"]] != 0]
    choices = ["repeated-line", "byline"]
    for name, reason in _REASON_CUES:
        conds.append(X[:, col["short_cue_" + name]] != 0)
        choices.append(reason)
    conds += [X[:, col["date_only"]] != 0, X[:, col["dup_doc"]] != 0,
              (X[:, col["bullet"]] != 0) | (X[:, col["short"]] != 0),
              prose & (X[:, col["in_block"]] != 0), prose, X[:, col["after_block"]] > 0]
    choices += ["date", "duplicate", "nav", "teaser", "outside-article", "footer", "boilerplate"]
    # the first rule that holds, by its number (argmax finds the first True; a row where no rule
    # holds gets the default, the last choice): np.select over strings, in integer arithmetic
    stacked = np.vstack([*conds, np.ones(len(X), dtype=bool)])
    names = np.array(choices, dtype=object)
    out: list[str] = names[stacked.argmax(axis=0)].tolist()
    return out


def removal_reason(line: Line, x: np.ndarray) -> str:
    """A short reason for a dropped line, from its strongest cue."""
    col = _cols()
    if x[col["rep_batch_frac"]] > 0.2 or x[col["rep_outlet_frac"]] > 0.2:
        return "repeated-line"
    if x[col["byline"]]:
        return "byline"
    for name, reason in (("cookie", "cookie"), ("subscribe", "subscribe"), ("share", "share"),
                         ("comment", "comments"), ("credit", "credit"), ("ad", "advert"), ("footer", "footer"),
                         ("teaser", "teaser")):
        if x[col["short_cue_" + name]]:
            return reason
    if x[col["date_only"]]:
        return "date"
    if x[col["dup_doc"]]:
        return "duplicate"
    if x[col["bullet"]] or x[col["short"]]:
        return "nav"
    if x[col["prose"]]:
        return "teaser" if x[col["in_block"]] else "outside-article"
    if x[col["after_block"]] > 0:
        return "footer"
    return "boilerplate"
