"""Publication dates in the forms news sites print them, found with regexes and validated.

Why not ``dateparser.search_dates``: it invents dates from ordinary words ("Now", "Mar" in a name)
and reads ``04.07.2026`` month-first unless told otherwise.  Here every candidate comes from an
explicit pattern (ISO, numeric with ``.``/``/``/``-``, day-month-year and month-day-year with
month names in about fifteen languages, CJK ``年月日``), is checked for a real calendar day in a
plausible year range, and is then joined with a clock time (``9:43 AM``, ``00:21``, ``15.30 Uhr``,
``15h30``) and a zone (``CET``, ``UTC+2``, ``+01:00``) printed right next to it.

Output is ISO 8601: ``2025-03-25T09:43:00+01:00`` when time and zone are known,
``2025-03-25T09:43:00`` with a time and no zone, ``2025-03-25`` for a bare day.

Numeric order: ``DD.MM.YYYY`` is read day first (the dotted form is European); a slashed or dashed
``A/B/YYYY`` is read day first if ``A > 12``, month first if ``B > 12`` and otherwise by
``day_first`` (default: month first for slashes, day first for dots and dashes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

__all__ = ["DateMatch", "find_dates", "month_number", "parse_date"]

_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari", "janúar",
        "stycznia", "styczeń", "ocak", "ledna", "leden", "января", "январь", "janvāris", "sausio", "tammikuuta",
        "ianuarie", "siječnja", "januára", "janvier"),
    2: ("february", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "febrúar",
        "lutego", "luty", "şubat", "subat", "února", "únor", "февраля", "февраль", "helmikuuta", "februarie",
        "veljače", "februára"),
    3: ("march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marca", "marzec", "mart",
        "března", "březen", "марта", "март", "maaliskuuta", "martie", "ožujka", "marec", "mar"),
    4: ("april", "avril", "abril", "aprile", "kwietnia", "kwiecień", "nisan", "dubna", "duben", "апреля",
        "апрель", "huhtikuuta", "aprilie", "travnja", "apríla", "apr"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "mayıs", "mayis", "května", "květen",
        "мая", "май", "toukokuuta", "svibnja", "mája"),
    6: ("june", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec", "haziran", "června",
        "červen", "июня", "июнь", "kesäkuuta", "iunie", "lipnja", "júna", "jun"),
    7: ("july", "juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec", "temmuz", "července",
        "červenec", "июля", "июль", "heinäkuuta", "iulie", "srpnja", "júla", "jul"),
    8: ("august", "augusti", "août", "aout", "agosto", "augustus", "sierpnia", "sierpień", "ağustos", "agustos",
        "srpna",
        "srpen", "августа", "август", "elokuuta", "kolovoza", "augusta", "aug"),
    9: ("september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "września", "wrzesień",
        "eylül", "eylul", "září", "сентября", "сентябрь", "syyskuuta", "septembrie", "rujna", "septembra",
        "sep", "sept"),
    10: ("october", "oktober", "octobre", "octubre", "ottobre", "outubro", "października", "październik",
         "ekim", "října", "říjen", "октября", "октябрь", "lokakuuta", "octombrie", "októbra",
         "okt", "oct"),
    11: ("november", "novembre", "noviembre", "novembro", "listopada", "listopad", "kasım", "kasim",
         "listopadu", "ноября", "ноябрь", "marraskuuta", "noiembrie", "novembra", "nov"),
    12: ("december", "desember", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "grudnia",
         "grudzień", "aralık", "aralik", "prosince", "prosinec", "декабря", "декабрь", "joulukuuta",
         "decembrie", "prosinca", "decembra", "dec", "dez", "dic"),
}


def _build_month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for num, names in _MONTHS.items():
        for name in names:
            table[name] = num
    prefixes: dict[str, int | None] = {}
    for num, names in _MONTHS.items():
        for name in names:
            for k in range(3, len(name)):
                p = name[:k]
                if p in table:
                    continue
                prev = prefixes.get(p, num)
                prefixes[p] = num if prev == num else None
    for p, val in prefixes.items():
        if val is not None and p not in table:
            table[p] = val
    return table


_MONTH_TABLE = _build_month_table()


def month_number(word: str) -> int | None:
    """Month number of a month name or abbreviation (``Mar.``, ``März``, ``marzo``), else None."""
    w = word.lower().rstrip(".")
    return _MONTH_TABLE.get(w)


# time zone abbreviations -> UTC offset in minutes
_ZONES: dict[str, int] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "mez": 60,
    "cest": 120, "mesz": 120, "eet": 120, "oez": 120, "eest": 180, "oesz": 180, "msk": 180,
    "trt": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600, "jst": 540, "kst": 540,
    "aest": 600, "aedt": 660, "awst": 480, "nzst": 720, "nzdt": 780, "sgt": 480, "hkt": 480,
}

_ZONE_ALT = "|".join(sorted((z.upper() for z in _ZONES if len(z) > 1), key=len, reverse=True))
_W = r"[^\W\d_]"
_DAY_SUFFIX = r"(?:st|nd|rd|th|er|e|º|°)?\.?"
_SEP = r"[\s,./\-–|]*"
# a year may be glued to the time that follows it ("March 7, 20247:55 AM"), a month name to the word
# before it ("Associated PressApril 28, 2023"): both happen when markup is flattened
_YEAR_END = r"(?:(?!\d)|(?=[0-2]?\d:[0-5]\d))"
_RE_DMY = re.compile(
    rf"(?<![\w.])(?P<d>[0-3]?\d){_DAY_SUFFIX}\s*(?:de\s+|of\s+)?(?P<mon>{_W}{{3,12}}\.?)"
    rf"(?:\s*,?\s*(?:de|del)?\s*|{_SEP})(?P<y>(?:19|20)\d\d){_YEAR_END}",
    re.I)
_RE_MDY = re.compile(
    rf"(?:(?<!\w)|(?<=[a-z])(?=[A-Z]))(?P<mon>{_W}{{3,12}}\.?)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?{_SEP}"
    rf"(?P<y>(?:19|20)\d\d){_YEAR_END}")
_RE_ISO = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?![\d])"
    r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
    r"\s*(?P<z>Z|[+-][01]\d:?[0-5]\d)?)?")
_RE_NUM = re.compile(
    r"(?<![\d.:/])(?P<a>[0-3]?\d)(?P<s>[./-])\s?(?P<b>[0-3]?\d)(?P=s)\s?(?P<y>(?:19|20)?\d\d)(?![\d:])")
_RE_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]?")
_RE_TIME = re.compile(
    r"(?<![\d:])(?P<H>[0-2]?\d)\s*(?::|h|\.|時|시)\s*(?P<M>[0-5]\d)(?:\s*(?::|分|분)\s*(?P<S>[0-5]\d)?)?(?![\d])"
    r"(?:\s*(?P<ap>[ap]\.?\s?m\.?)(?![a-z]))?(?:\s*(?:Uhr|h|horas|hrs?|Std)\.?(?!\w))?"
    r"(?:\s*\(?(?P<tz>(?:UTC|GMT)\s*[+-−]\s*\d{1,2}(?::?\d\d)?|"
    r"(?-i:(?:" + _ZONE_ALT + r")(?![a-z]))|[+-]\d\d:?\d\d)\)?)?",
    re.I)


# every pattern above needs either a four-digit year 19xx/20xx or a numeric day.month.yy run: a text
# without one has no date, and this one cheap search settles most lines (never crossing a line break)
_YEAR4 = re.compile(r"(?:19|20)\d\d")
DATE_HINT = re.compile(r"(?:19|20)\d\d|\d[./-][^\S\n]?\d{1,2}[./-][^\S\n]?\d\d")


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text: character span, ISO value, and whether a time was attached."""

    start: int
    end: int
    iso: str
    has_time: bool
    has_zone: bool


def _valid(y: int, m: int, d: int, reference: datetime | None) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    top = (reference.year + 1) if reference else datetime.now().year + 2
    if not (1990 <= y <= top):
        return False
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _zone_offset(tz: str | None) -> int | None:
    if not tz:
        return None
    t = tz.strip().replace("−", "-")
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2}):?(\d\d)?", t, re.I)
    if m:
        mins = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return mins if m.group(1) == "+" else -mins
    return _ZONES.get(t.lower())


def _fmt(y: int, m: int, d: int, hh: int | None = None, mm: int | None = None, ss: int | None = None,
         offset: int | None = None) -> str:
    if hh is None or mm is None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    dt = datetime(y, m, d, hh, mm, ss or 0)
    if offset is None:
        return dt.isoformat()
    return dt.replace(tzinfo=timezone(timedelta(minutes=offset))).isoformat()


def _attach_time(text: str, start: int, end: int) -> tuple[int, int, int | None, int | None, int | None, int | None]:
    """A clock time printed just after (or just before) the date span: (start, end, H, M, S, zone)."""
    after = text[end:end + 40]
    m = re.match(r"[\s,|\-–—/·•]*(?:(?:um|at|à|a las|alle|às|om|kl\.?)\s+)?", after, re.I)
    pos = m.end() if m else 0
    tm = _RE_TIME.match(after, pos)
    if tm and (tm.group("ap") or ":" in tm.group(0) or re.search(r"h|Uhr|時|시", tm.group(0), re.I)):
        hh, mi = _clock(tm)
        if hh is not None:
            tzo = _zone_offset(tm.group("tz"))
            return start, end + tm.end(), hh, mi, int(tm.group("S") or 0), tzo
    before = text[max(0, start - 30):start]
    for tm in _RE_TIME.finditer(before):
        rest = before[tm.end():]
        if re.fullmatch(r"[\s,|\-–—/·•]*(?:on\s+|le\s+|am\s+)?", rest, re.I) and (":" in tm.group(0) or tm.group("ap")):
            hh, mi = _clock(tm)
            if hh is not None:
                tzo = _zone_offset(tm.group("tz"))
                return start - len(before) + tm.start(), end, hh, mi, int(tm.group("S") or 0), tzo
    return start, end, None, None, None, None


def _clock(tm: re.Match[str]) -> tuple[int | None, int | None]:
    hh, mi = int(tm.group("H")), int(tm.group("M"))
    ap = (tm.group("ap") or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if not 1 <= hh <= 12:
            return None, None
        hh = hh % 12 + (12 if ap == "pm" else 0)
    if hh > 23:
        return None, None
    return hh, mi


def find_dates(text: str, *, day_first: bool | None = None, reference: datetime | None = None,
               with_time: bool = True) -> list[DateMatch]:
    """Every valid date in ``text``, in text order, with an attached time when one is printed next to it.

    Results are remembered (a bounded cache): the extractor looks at the same line more than once (line
    features, then the date pick), and date lines recur across the pages of an outlet.  Two requests
    share an entry when they must give the same answer: ``day_first`` matters only for a numeric date
    with both parts up to 12, where None means day first for ``.`` and ``-`` and month first for ``/``:
    in a text without ``/``, None is the same as True.  Without a ``reference`` the latest plausible
    year is taken from today's date, so the current year is part of the key."""
    if not DATE_HINT.search(text):
        return []
    if day_first is None and "/" not in text:
        day_first = True
    year = reference.year if reference is not None else datetime.now().year
    return list(_find_dates_cached(text, day_first, reference, with_time, year))


@lru_cache(maxsize=8192)
def _find_dates_cached(text: str, day_first: bool | None, reference: datetime | None, with_time: bool,
                       year: int) -> tuple[DateMatch, ...]:  # noqa: ARG001 (year: part of the key)
    return tuple(_find_dates(text, day_first=day_first, reference=reference, with_time=with_time))


def _find_dates(text: str, *, day_first: bool | None, reference: datetime | None,
                with_time: bool) -> list[DateMatch]:
    """:func:`find_dates` without the cache (``text`` has a :data:`DATE_HINT` match)."""
    # all patterns but the numeric one need a four-digit year, the CJK one also its year sign
    has_year = _YEAR4.search(text) is not None
    has_cjk = has_year and ("年" in text or "년" in text)
    found: list[tuple[int, int, int, int, int, tuple[int, int, int, int | None] | None]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _RE_ISO.finditer(text) if has_year else ():
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d, reference):
            tinfo = None
            if m.group("H"):
                tinfo = (int(m.group("H")), int(m.group("M")), int(m.group("S") or 0), _zone_offset(m.group("z")))
            found.append((m.start(), m.end(), y, mo, d, tinfo))
            taken.append((m.start(), m.end()))
    for m in _RE_CJK.finditer(text) if has_cjk else ():
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if free(m.start(), m.end()) and _valid(y, mo, d, reference):
            found.append((m.start(), m.end(), y, mo, d, None))
            taken.append((m.start(), m.end()))
    for rx in (_RE_DMY, _RE_MDY) if has_year else ():
        pos = 0
        while (mm := rx.search(text, pos)) is not None:
            mon = month_number(mm.group("mon"))
            if mon is None or not free(mm.start(), mm.end()):
                pos = mm.start() + 1  # "PressApril 28": retry inside the failed word
                continue
            pos = mm.end()
            y, d = int(mm.group("y")), int(mm.group("d"))
            if _valid(y, mon, d, reference):
                found.append((mm.start(), mm.end(), y, mon, d, None))
                taken.append((mm.start(), mm.end()))
    for m in _RE_NUM.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a, b, ys, sep = int(m.group("a")), int(m.group("b")), m.group("y"), m.group("s")
        y = int(ys) if len(ys) == 4 else 2000 + int(ys)
        if len(ys) == 2 and sep != ".":
            continue  # 3/4/25 is too ambiguous outside the dotted European form
        if a > 12:
            d, mo = a, b
        elif b > 12:
            d, mo = b, a
        else:
            df = day_first if day_first is not None else (sep != "/")
            d, mo = (a, b) if df else (b, a)
        if _valid(y, mo, d, reference):
            found.append((m.start(), m.end(), y, mo, d, None))
            taken.append((m.start(), m.end()))
    found.sort()
    out: list[DateMatch] = []
    for s, e, y, mo, d, tinfo in found:
        if tinfo is not None:
            hh, mi, ss, off = tinfo
            out.append(DateMatch(s, e, _fmt(y, mo, d, hh, mi, ss, off), True, off is not None))
            continue
        if with_time:
            s2, e2, h2, m2, sec2, off2 = _attach_time(text, s, e)
            if h2 is not None:
                out.append(DateMatch(s2, e2, _fmt(y, mo, d, h2, m2, sec2, off2), True, off2 is not None))
                continue
        out.append(DateMatch(s, e, _fmt(y, mo, d), False, False))
    return out


def parse_date(s: str, *, day_first: bool | None = None, reference: datetime | None = None) -> str | None:
    """The first date printed in ``s`` as ISO 8601 (with time and zone when printed), or None.

    >>> parse_date("Mar.25 - 2025 9:43 AM CET")
    '2025-03-25T09:43:00+01:00'
    >>> parse_date("04.07.2026 00:21")
    '2026-07-04T00:21:00'
    """
    if not s:
        return None
    found = find_dates(s, day_first=day_first, reference=reference)
    return found[0].iso if found else None
