"""Event dates: date expressions resolved against the article's publication date.

Method: candidates are spaCy's DATE entities (and bare years); each is read by a small set of rules
(no ``dateparser.search_dates``, which invents dates from words like "Trending Now"):

* absolute dates: "3 July 2025", "July 3, 2025", "2025-07-03" -> ``2025-07-03``; "February 2023" ->
  ``2023-02``; "in 2023", "fall 2024" -> ``2023``/``2024``;
* dates without a year ("on 3 July", "December 15", "in March") take the year that puts them closest
  to the publication date (a December article's "January 5" is next year's);
* relative expressions: "today", "yesterday", "tomorrow", weekdays ("on Monday": the last such day on or
  before publication, "next Monday" the next one), "this/last/next week|month|year" (a week as its
  month), "late last year",
  "earlier this year", "N years ago".

The result is an ISO 8601 prefix at the precision the text gives: ``2025-12-15``, ``2025-12`` or ``2025``.
Without a publication date, only absolute expressions resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
SEASONS = {"spring", "summer", "fall", "autumn", "winter"}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a": 1}

_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"((?:19|20)\d\d)"
RE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?\b")
RE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?", re.I)
RE_MDY = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?", re.I)
RE_MY = re.compile(rf"\b{_MON}(?:\s+of)?,?\s+{_YEAR}\b", re.I)
RE_M = re.compile(rf"\b{_MON}\b", re.I)
RE_Y = re.compile(rf"\b{_YEAR}\b")
RE_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(year|month|day|week)s?\s+ago\b",
                    re.I)


@dataclass(frozen=True)
class Ref:
    """The publication date, with the precision it was given at (3 = day, 2 = month, 1 = year)."""

    day: date
    precision: int


def parse_published(published: str | None) -> Ref | None:
    """``2025-03-25T09:43:00+01:00`` / ``2025-03-25`` / ``2025-12`` / ``2025`` -> :class:`Ref`."""
    if not published:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?", published)
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    try:
        if mo and d:
            return Ref(date(y, mo, d), 3)
        if mo:
            return Ref(date(y, mo, 15), 2)
        return Ref(date(y, 7, 1), 1)
    except ValueError:
        return None


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if m and d:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if m:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    return f"{y:04d}"


def _mon(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _closest_year(ref: Ref, month: int, day: int | None) -> int:
    best, best_gap = ref.day.year, None
    for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1):
        try:
            cand = date(y, month, day or 15)
        except ValueError:
            continue
        gap = abs((cand - ref.day).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _shift_month(d: date, k: int) -> tuple[int, int]:
    m = d.month - 1 + k
    return d.year + m // 12, m % 12 + 1


def resolve_date(expr: str, published: str | None = None, future: bool = False, past: bool = False) -> str | None:
    """The ISO date (prefix) an expression denotes, resolved against ``published``; None if unreadable.
    ``future``: the expression dates something still to come, so a bare weekday ("freed on Monday",
    in an article of a Thursday) is the next one, not the last.  ``past``: it dates something that
    has happened, so a month or day without a year that would fall after the publication date is
    last year's ("visited Moscow in September", in an article of June)."""
    d = _resolve_date(expr, published, future)
    if past and d and not re.search(r"\b\d{4}\b", expr):
        ref = parse_published(published)
        m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", d)
        if m and ref is not None and ref.precision >= 2:
            y, mo, dd = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if (y, mo, dd or 0) > (ref.day.year, ref.day.month, ref.day.day if dd else 0) and y == ref.day.year:
                return f"{y - 1}-{mo:02d}" + (f"-{dd:02d}" if dd else "")
    return d


def _resolve_date(expr: str, published: str | None = None, future: bool = False) -> str | None:
    s = " ".join(expr.split())
    low = s.lower()
    ref = parse_published(published)
    m = RE_ISO.search(s)
    if m:
        return _fmt(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    for rx, order in ((RE_DMY, "dmy"), (RE_MDY, "mdy")):
        m = rx.search(s)
        if m:
            if order == "dmy":
                d, mon, y = int(m.group(1)), _mon(m.group(2)), m.group(3)
            else:
                mon, d, y = _mon(m.group(1)), int(m.group(2)), m.group(3)
            if not 1 <= d <= 31:
                continue
            if y:
                return _fmt(int(y), mon, d)
            if ref is None:
                # no year anywhere: ISO 8601's year-less form, completed later from the story's dates
                return f"--{mon:02d}-{d:02d}"
            return _fmt(_closest_year(ref, mon, d), mon, d)
    m = RE_MY.search(s)
    if m:
        return _fmt(int(m.group(2)), _mon(m.group(1)))
    m = RE_Y.search(s)
    if m:
        return _fmt(int(m.group(1)))
    if ref is None:
        return None
    r = ref.day
    m = RE_AGO.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS[m.group(1).lower()]
        unit = m.group(2).lower()
        if unit == "year":
            return _fmt(r.year - n)
        if unit == "month" and ref.precision >= 2:
            return _fmt(*_shift_month(r, -n))
        if unit in {"day", "week"} and ref.precision >= 3:
            back = r - timedelta(days=n * (7 if unit == "week" else 1))
            return _fmt(back.year, back.month) if unit == "week" else back.isoformat()
        return None
    if re.search(r"\b(last|previous|past) year\b", low):
        return _fmt(r.year - 1)
    if re.search(r"\bnext year\b", low):
        return _fmt(r.year + 1)
    if re.search(r"\b(this|current) year\b|\bearlier this year\b", low):
        return _fmt(r.year)
    if ref.precision >= 3:
        # a week is told only to the month: "last week" on 15 October is some day of 6-12 October
        for pattern, days in ((r"\b(last|previous|past) (week|weekend)\b", -7),
                              (r"\b(this|current) (week|weekend)\b|\bearlier this week\b", 0),
                              (r"\bnext (week|weekend)\b", 7)):
            if re.search(pattern, low):
                week = r + timedelta(days=days)
                return _fmt(week.year, week.month)
    if ref.precision >= 2:
        if re.search(r"\b(this|current) month\b", low):
            return _fmt(r.year, r.month)
        if re.search(r"\b(last|previous|past) month\b", low):
            return _fmt(*_shift_month(r, -1))
        if re.search(r"\bnext month\b", low):
            return _fmt(*_shift_month(r, 1))
    m = RE_M.search(s)
    if m and (s[m.start()].isupper()) and not (m.group(1).lower() == "may" and low.strip() != "may"):
        mon = _mon(m.group(1))
        return _fmt(_closest_year(ref, mon, None), mon)
    if ref.precision >= 3:
        if re.search(r"\btoday\b|\bthis (morning|afternoon|evening)\b|\btonight\b", low):
            return r.isoformat()
        if re.search(r"\byesterday\b|\blast night\b", low):
            return (r - timedelta(days=1)).isoformat()
        if re.search(r"\btomorrow\b", low):
            return (r + timedelta(days=1)).isoformat()
        for name, wd in WEEKDAYS.items():
            if re.search(rf"\b{name}\b", low):
                nxt = re.search(rf"\bnext {name}\b", low)
                if nxt or (future and not re.search(rf"\blast {name}\b", low)):
                    delta = (wd - r.weekday()) % 7 or (7 if nxt else 0)
                    return (r + timedelta(days=delta)).isoformat()
                delta = (r.weekday() - wd) % 7
                return (r - timedelta(days=delta)).isoformat()
    for season in SEASONS:
        if season in low and re.search(r"\b(last|this)\b", low):
            return _fmt(r.year - 1 if "last" in low and season != "winter" else r.year)
    return None


def date_of(expressions: list[str], published: str | None) -> str | None:
    """The first expression of a list that resolves (candidates nearest the event first)."""
    for e in expressions:
        d = resolve_date(e, published)
        if d:
            return d
    return None


__all__ = ["Ref", "date_of", "parse_published", "resolve_date"]
