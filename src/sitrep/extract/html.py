"""HTML pages: trafilatura for the body, htmldate (through trafilatura) and JSON-LD / meta tags for metadata.

The page is parsed once with lxml (trafilatura's own loader, which copes with broken markup and
encoding declarations).  The page's own structured metadata is read from that tree first:

* JSON-LD (``<script type="application/ld+json">``): the ``NewsArticle``/``Article``/``BlogPosting``...
  object, found anywhere in the data (lists, ``@graph``, ``mainEntity``), with its ``headline``,
  ``author`` (persons only, ``@id`` references resolved inside the same graph), ``datePublished``
  (kept with its time and zone) and ``publisher.name``;
* OpenGraph / article meta tags (``og:title``, ``og:site_name``, ``article:published_time``,
  ``author``...), ``<html lang>`` and ``<meta http-equiv=content-language>``;
* the visible headline: the ``<h1>`` elements and ``<title>``.

The same tree is then handed to ``trafilatura.bare_extraction`` (which copies it before cleaning and
runs htmldate on it for the date), so the page is never parsed twice.  trafilatura gives the body
and fallbacks for every metadata field.

Choosing the fields:

* **title**: the headline the page declares.  When the JSON-LD headline and og:title (minus a
  " | Site" suffix; compared after normalising quotes, dashes, invisible characters and case) agree,
  that headline; when both exist and differ, the shorter of the two (see :func:`pick_title`).
  Otherwise, when an ``<h1>`` agrees with a declared title (JSON-LD, og:title, ``<title>``), that
  declared headline (it keeps the publisher's own spelling of quotes and ellipses); otherwise the
  JSON-LD headline, then og:title, then ``<title>``, then trafilatura's title, then the first
  ``<h1>``.  Measured on fundus (257 pages, 80+ publishers): 0.852 exact.  On the 109 pages whose
  JSON-LD headline and og:title differ the choice is a per-site convention; "the shorter one"
  changes 39 pages against the earlier h1-agreement rule, 24 to right and 15 to wrong (0.817 ->
  0.852), a modest edge, not a solved problem.  On trafilatura's benchmark pages (blogs and shops
  more than news, gold = the displayed ``<h1>``) it costs 4 of 221 titles (0.751 -> 0.733), where
  the shorter tag is an abbreviated search-engine title.
* **published**: the JSON-LD ``datePublished`` or ``article:published_time`` with its time and zone
  (ISO 8601, ``+00:00`` for ``Z``), else htmldate's day.
* **authors**: :func:`sitrep.extract.meta.clean_authors` over the JSON-LD author names, else the
  author meta tags (``author``, ``article:author``, Yoast's ``twitter:label1`` "Written by"...),
  else trafilatura's author, else the visible byline (:func:`byline_authors`); organisations (the
  publisher, the site, agency codes, role words) are dropped.
* **language**: detected from the body (py3langid) when there are 200 characters or more, since
  templates often declare a site-wide default; else ``<html lang>`` / content-language meta.
* **body**: trafilatura's paragraphs joined by a blank line, with a leading copy of the title removed.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from trafilatura.xpaths import AUTHOR_XPATHS

from sitrep.extract.base import Extracted
from sitrep.extract.meta import clean_authors, detect_language, host_of, iso_datetime, language_code, same_text
from sitrep.model import Hints

__all__ = ["PageMeta", "extract_html", "page_meta", "pick_title", "site_label", "strip_site_suffix"]

# trafilatura's options, chosen on fundus + trafilatura's benchmark together (see bench/README.md)
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": False,
    "favor_recall": False,
    "include_tables": True,
    "include_comments": False,
    "deduplicate": False,
}

# where authors come from when the page declares none (JSON-LD, meta tags): trafilatura's own
# author (its XPaths on a pruned copy of the tree), then the visible byline
AUTHOR_FALLBACKS = ("trafilatura", "byline", "label", "bold")

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report",
    "satiricalarticle", "advertisertcontentarticle",
}
_ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "organisation", "website",
              "brand", "localbusiness", "collegeoruniversity", "governmentorganization"}


@dataclass
class PageMeta:
    """Metadata read from one page's tree before text extraction."""

    ld_headline: str | None = None
    ld_authors: list[str] = field(default_factory=list)
    ld_org_authors: list[str] = field(default_factory=list)
    ld_published: str | None = None
    ld_publisher: str | None = None
    og_title: str | None = None
    og_site_name: str | None = None
    meta_published: str | None = None
    meta_authors: list[str] = field(default_factory=list)
    html_title: str | None = None
    h1: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None


# ----------------------------------------------------------------------------- JSON-LD


def _ld_objects(tree: HtmlElement) -> Iterator[Any]:
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = (script.text or "").strip()
        if not text:
            continue
        try:
            yield json.loads(text, strict=False)
        except ValueError:
            # common breakage: trailing commas, HTML comments around the data
            cleaned = re.sub(r",\s*([}\]])", r"\1", text.replace("<!--", "").replace("-->", ""))
            try:
                yield json.loads(cleaned, strict=False)
            except ValueError:
                continue


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _walk(obj: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    """All dicts inside a JSON-LD value, breadth of a page's data (bounded depth)."""
    if depth > 6:
        return
    if isinstance(obj, list):
        for x in obj:
            _walk(x, out, depth + 1)
    elif isinstance(obj, dict):
        out.append(obj)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart", "item"):
            if key in obj:
                _walk(obj[key], out, depth + 1)


def _text(v: Any) -> str | None:
    if isinstance(v, str):
        s = " ".join(htmllib.unescape(v).split())
        return s or None
    if isinstance(v, list) and v:
        return _text(v[0])
    if isinstance(v, dict):
        return _text(v.get("name") or v.get("@value"))
    return None


def _ld_people(value: Any, by_id: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(person names, organisation names) of a JSON-LD ``author`` value."""
    people: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for it in items:
        if isinstance(it, str):
            s = _text(it)
            if s and not s.startswith("http"):
                people.append(s)
            continue
        if not isinstance(it, dict):
            continue
        if "name" not in it and isinstance(it.get("@id"), str) and it["@id"] in by_id:
            it = by_id[it["@id"]]
        name = _text(it.get("name"))
        if not name:
            given, family = _text(it.get("givenName")), _text(it.get("familyName"))
            name = " ".join(x for x in (given, family) if x) or None
        if not name or name.startswith("http"):
            continue
        (orgs if _types(it) & _ORG_TYPES else people).append(name)
    return people, orgs


def _read_ld(tree: HtmlElement, meta: PageMeta) -> None:
    objs: list[dict[str, Any]] = []
    for data in _ld_objects(tree):
        _walk(data, objs)
    if not objs:
        return
    by_id = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str) and len(o) > 1}
    articles = [o for o in objs if _types(o) & _ARTICLE_TYPES]
    if not articles:
        # a WebPage with a headline is the next best thing
        articles = [o for o in objs if "headline" in o]
    # a page whose article object has no author may carry it on its WebPage object (Yoast graphs)
    articles += [o for o in objs if o.get("author") and o not in articles]
    for art in articles:
        if meta.ld_headline is None and (_types(art) & _ARTICLE_TYPES or "headline" in art):
            meta.ld_headline = _text(art.get("headline")) or _text(art.get("name"))
        if not meta.ld_authors and not meta.ld_org_authors and art.get("author"):
            meta.ld_authors, meta.ld_org_authors = _ld_people(art["author"], by_id)
        if meta.ld_published is None:
            meta.ld_published = _text(art.get("datePublished")) or _text(art.get("dateCreated"))
        if meta.ld_publisher is None and art.get("publisher"):
            pub = art["publisher"]
            if isinstance(pub, dict) and "name" not in pub and pub.get("@id") in by_id:
                pub = by_id[pub["@id"]]
            # a personal site names its owner as publisher: a person, not an organisation to filter out
            if not (isinstance(pub, dict) and "person" in _types(pub)):
                meta.ld_publisher = _text(pub)


# ----------------------------------------------------------------------------- meta tags

_META_PUBLISHED = ("article:published_time", "og:article:published_time", "datepublished",
                   "article.published", "published_time", "publishdate", "pubdate", "date",
                   "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
_DATE_PUBLISHED = XPath("//*[@itemprop='datePublished'][@datetime or @content]")
_META_AUTHOR = ("author", "article:author", "og:article:author", "dc.creator", "sailthru.author",
                "parsely-author", "byl", "citation_author")


def _read_meta(tree: HtmlElement, meta: PageMeta) -> None:
    published: dict[str, str] = {}
    authors: list[str] = []
    labels: set[str] = set()
    data: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if not key:
            equiv = (el.get("http-equiv") or "").lower()
            if equiv == "content-language" and meta.language is None:
                meta.language = language_code(el.get("content"))
            continue
        content = el.get("content")
        if content is None:
            continue
        content = " ".join(content.split())
        if not content:
            continue
        if key == "og:title" and meta.og_title is None:
            meta.og_title = htmllib.unescape(content)
        elif key == "og:site_name" and meta.og_site_name is None:
            meta.og_site_name = htmllib.unescape(content)
        elif key in _META_PUBLISHED:
            published.setdefault(key, content)
        elif key in _META_AUTHOR and not content.startswith("http") and "/" not in content[:12]:
            authors.append(htmllib.unescape(content))
        elif key == "og:url" and meta.url is None:
            meta.url = content
        elif key.startswith("twitter:label") and re.match(r"(written|geschrieben|verfasst|écrit|escrito|scritto)\b",
                                                         content, re.I):
            labels.add(key.replace("label", "data"))
        elif key.startswith("twitter:data"):
            data[key] = content
    for key in _META_PUBLISHED:
        if key in published and iso_datetime(published[key]):
            meta.meta_published = published[key]
            break
    authors += [htmllib.unescape(data[k]) for k in sorted(labels) if k in data]
    meta.meta_authors = list(dict.fromkeys(authors))
    if meta.meta_published is None:
        # <time itemprop="datePublished" datetime="...">, microdata outside <meta>
        for el in _DATE_PUBLISHED(tree):
            value = el.get("datetime") or el.get("content")
            if value and iso_datetime(value):
                meta.meta_published = value
                break


def page_meta(tree: HtmlElement) -> PageMeta:
    """Read JSON-LD, meta tags, ``<html lang>``, ``<title>`` and the ``<h1>`` headings of a page."""
    meta = PageMeta()
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    meta.language = language_code(lang)
    _read_ld(tree, meta)
    _read_meta(tree, meta)
    t = root.find(".//title")
    if t is not None:
        meta.html_title = " ".join(t.text_content().split()) or None
    for h in root.iter("h1"):
        s = " ".join(h.text_content().split())
        if s:
            meta.h1.append(s)
        if len(meta.h1) >= 5:
            break
    return meta


# ----------------------------------------------------------------------------- title

def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """``Headline | Site`` (or ``Site - Headline``) -> ``Headline`` when the other part names the site.

    A part "names the site" when it equals (after normalisation) a known site name or the host's
    main label, or contains one of them.  Without a known site name only ``" | "`` separated
    trailers are cut, the most common convention.
    """
    names = [same_text(n) for n in site_names if n]
    names = [n for n in names if n]

    def is_site(part: str) -> bool:
        p = same_text(part)
        if not p:
            return False
        if not any(ch.isalpha() for ch in p):
            return True  # a date or a number trailing the headline: "Headline | DW | 28.04.2023"
        p_nospace = p.replace(" ", "").replace(".", "")
        for n in names:
            n_nospace = n.replace(" ", "").replace(".", "")
            if n_nospace == p_nospace or (len(n_nospace) >= 3 and len(p_nospace) >= 3
                                          and (n_nospace in p_nospace or p_nospace in n_nospace)):
                return True
        return False

    parts = re.split(r"(\s+[|\-–—•·*»/]\s+|\s*[|｜：]\s*)", title)
    # parts = [text, sep, text, sep, text...]
    texts = parts[0::2]
    if len(texts) < 2:
        return title
    # cut site-naming trailers from the end
    while len(texts) > 1 and is_site(texts[-1]):
        texts.pop()
        parts = parts[: len(parts) - 2]
    # and a leading site name
    while len(texts) > 1 and is_site(texts[0]):
        texts.pop(0)
        parts = parts[2:]
    return "".join(parts).strip() or title


_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "nic", "gob", "gv"}


def site_label(host: str) -> str:
    """The distinctive label of a host name: ``www.dailystar.co.uk`` -> ``dailystar``."""
    labels = host.lower().split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    return labels[-2] if len(labels) >= 2 else labels[0]


def _similar(a: str, b: str) -> bool:
    return bool(a) and same_text(a) == same_text(b)


def pick_title(meta: PageMeta, site_names: list[str], fallback: str | None) -> str | None:
    """The article's headline, from the page's declared titles and its ``<h1>`` headings."""
    declared: list[str] = []
    if meta.ld_headline:
        declared.append(meta.ld_headline)
    if meta.og_title:
        declared.append(strip_site_suffix(meta.og_title, site_names))
    if meta.html_title:
        declared.append(strip_site_suffix(meta.html_title, site_names))
    if fallback:
        declared.append(strip_site_suffix(fallback, site_names))
    # 0. the JSON-LD headline and og:title agree: both structured declarations name the same
    #    headline, which beats a differing <h1>/<title> pair (a display variant of the headline)
    # 0b. they differ: the shorter one.  Publishers that write two headlines mostly write one core
    #     headline and one extended by a kicker ("Olympics: ...") or a clause for search engines,
    #     and which of the two tags carries which varies by site; the <h1> does not settle it
    #     either (it shows the longer variant as often as the shorter).
    if meta.ld_headline and meta.og_title and declared[1]:
        if _similar(meta.ld_headline, declared[1]):
            return meta.ld_headline
        return min(meta.ld_headline, declared[1], key=len)
    # 1. an h1 that agrees with a declared title: the declared text (it keeps the page's own
    #    spelling of quotes and ellipses more often than the h1's markup does)
    for h in meta.h1:
        for d in declared:
            if _similar(h, d):
                return d
    # 2. the structured headline, then og:title, then the rest
    for d in declared:
        if d:
            return d
    return meta.h1[0] if meta.h1 else None


# ----------------------------------------------------------------------------- visible byline

_BYLINE_SKIP = re.compile(r"comment|sidebar|related|teaser|recommend|most-?read|popular|footer|newsletter", re.I)
_AUTHOR_LINK = XPath(
    "//a[contains(@href, '/author/') or contains(@href, '/authors/') or contains(@href, '/autor/') or "
    "contains(@href, '/autoren/') or contains(@href, '/auteur/') or contains(@href, '/journalist/') or "
    "contains(@href, '/profile/') or contains(@href, '/people/')]")


# trafilatura's first (specific) author XPath, then links to author pages; its two generic XPaths
# cost about 20 ms a page and found one more byline in 300 pages of trafilatura's benchmark
_BYLINE_XPATHS = (AUTHOR_XPATHS[0], _AUTHOR_LINK)


def _skipped(el: HtmlElement) -> bool:
    """True for an element in a comment section, sidebar, teaser... (its 5 nearest ancestors)."""
    for i, anc in enumerate(el.iterancestors()):
        if i >= 5:
            break
        attrs = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if attrs.strip() and _BYLINE_SKIP.search(attrs):
            return True
    return False


def byline_authors(tree: HtmlElement, limit: int = 6, depth: int = 3) -> list[str]:
    """Raw author strings from the visible byline.

    trafilatura's specific author XPath (``rel=author``, ``class=author``, ``itemprop``...), then links
    to author pages (``/author/...``).
    Used only when the page declares no author.  The first element found that is not in a comment
    section, sidebar or teaser (judged by its nearest ancestors' class and id, cheaper than
    trafilatura's pruning, which copies the whole tree) is the byline; further matches are kept
    only when they sit in the same block (multi-author bylines: the ``depth``-th ancestor of the first
    match), not in teasers further down.
    """
    for xp in _BYLINE_XPATHS:
        found: list[str] = []
        block: HtmlElement | None = None
        for el in xp(tree):
            if not isinstance(el.tag, str) or _skipped(el):
                continue
            if block is None:
                block = el
                for _ in range(depth):
                    parent = block.getparent()
                    if parent is None:
                        break
                    block = parent
            elif not any(anc is block for anc in el.iterancestors()):
                continue
            text = el.get("content") if el.tag in ("meta", "link") else el.text_content()
            text = " ".join((text or "").split())
            if text and len(text) <= 120:
                found.append(text)
            if len(found) >= limit:
                break
        if found:
            return list(dict.fromkeys(found))
    return []


_LABEL = re.compile(
    r"(?:autor(?:in|en|innen)?(?:\s*/\s*autor(?:in)?)?|authors?|written by|text|texte|reporter(?:in)?|"
    r"auteurs?|autore|autori|autor(?:es|a)|escrito por|skrevet av|yazar|door)\s*:?", re.I)
# short elements that can hold a byline label ("<strong>Autor</strong> Name", "<dt>Author</dt><dd>Name</dd>")
_LABEL_XPATH = XPath("//*[self::strong or self::b or self::dt or self::th or self::span or self::em or self::label]"
                     "[string-length(normalize-space(.)) <= 24]")


def labelled_byline(tree: HtmlElement) -> list[str]:
    """Raw author strings that follow a byline label: ``<strong>Autor</strong> Name``, ``<dt>Author</dt>
    <dd>Name</dd>``, ``<span>Text:</span> <a>Name</a>``.

    The label must be the whole text of a short element (so running text is never read); the name is
    the element's tail text, else the text of its next sibling element.  The first label outside
    comment sections and sidebars wins.
    """
    for el in _LABEL_XPATH(tree):
        label = " ".join(el.text_content().split())
        if not label or not _LABEL.fullmatch(label) or _skipped(el):
            continue
        tail = " ".join((el.tail or "").split()).strip(" :|")
        if tail:
            return [tail] if len(tail) <= 120 else []
        nxt = el.getnext()
        if nxt is not None and isinstance(nxt.tag, str):
            text = " ".join(nxt.text_content().split())
            if text and len(text) <= 120:
                return [text]
    return []


_BOLD_PARA = XPath("//p[strong or b]")


def bold_name_line(tree: HtmlElement, body_text: str) -> str | None:
    """A paragraph near the top or at the end of the article that holds only bold text: a byline like
    ``<p><strong>Name</strong></p>`` (or ``Name/Other Name``) above or under the text.

    Only paragraphs that are also among the first three or the last paragraph of the extracted body
    are looked at, so bold lines elsewhere on the page (teasers, captions) are not.  The caller checks
    that the text is made of person names (:func:`clean_authors`, strict).
    """
    paras = [p for p in (" ".join(x.split()) for x in body_text.split("\n")) if p]
    if not paras:
        return None
    # the byline may follow a short standfirst: the first three paragraphs and the last one
    ends = {same_text(x) for x in (*paras[:3], paras[-1])}
    for p in _BOLD_PARA(tree):
        text = " ".join(p.text_content().split())
        if not text or len(text) > 80 or same_text(text) not in ends:
            continue
        bold = " ".join(" ".join(x.text_content() for x in p if x.tag in ("strong", "b")).split())
        if same_text(bold) == same_text(text):
            return text
    return None


_UNCASED_NAME = re.compile(r"[^\W\d_]{2,4}", re.U)


def _short_uncased_persons(names: list[str], orgs: list[str]) -> list[str]:
    """Two- to four-letter names in scripts without letter case (``新間``, ``김철``) declared as a JSON-LD
    ``Person``: :func:`clean_authors` asks for three letters in a one-word name (against agency codes),
    which such names often lack; the ``Person`` type vouches for them.  Names of the site are dropped."""
    keys = {same_text(o).replace(" ", "") for o in orgs if o}
    out: list[str] = []
    for n in names:
        n = n.strip()
        if (_UNCASED_NAME.fullmatch(n) and not any(ch.isupper() or ch.islower() for ch in n)
                and same_text(n) not in keys and n not in out):
            out.append(n)
    return out


def _org_forms(raw: list[str]) -> list[str]:
    """Organisation names from rejected author strings, with their URL and bracketed parts removed
    (``Outlet (www.outlet.com)`` -> ``Outlet``), to reject the same names read again elsewhere."""
    out = []
    for s in raw:
        if s.islower():
            continue  # "jane doe": a person's name in lower case, rejected only for its case
        s = re.sub(r"\([^)]*\)|\[[^\]]*\]|https?://\S+|www\.\S+", " ", s)
        s = " ".join(s.split())
        if s:
            out.append(s)
    return out


_NAV_WORDS = {"about", "contact", "home", "impressum", "kontakt", "über", "uns", "us", "all", "alle",
              "see", "more", "mehr", "subscribe", "login", "menu"}


def _not_navigation(names: list[str]) -> list[str]:
    """Names without navigation words: links to ``/people/`` or ``/about/`` pages read as bylines
    ("About Us", "ABOUT DW")."""
    return [n for n in names if not any(w.casefold() in _NAV_WORDS for w in n.split())]


_NAME_LIST_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b|\bog\b|\boch\b)\s*")


def _names_only(line: str, orgs: list[str]) -> list[str]:
    """The person names of a line that holds nothing but names (``Name/Other Name``, ``A and B``):
    every part of the list must be a name, and no sentence punctuation (``Read also: ...``)."""
    if len(line) > 60 or re.search(r"[:?!;«»\"“”„()]", line):
        return []
    parts = [p for p in _NAME_LIST_SPLIT.split(line) if p.strip()]
    names = clean_authors([line], orgs, strict=True)
    return names if len(names) == len(parts) else []


# ----------------------------------------------------------------------------- body


def _body(text: str, title: str | None) -> str:
    paras = [" ".join(p.split()) for p in text.split("\n")]
    paras = [p for p in paras if p]
    if paras and title and same_text(paras[0]) == same_text(title):
        paras = paras[1:]
    return "\n\n".join(paras)


def parse_html(html: str) -> HtmlElement | None:
    """Parse a page once (trafilatura's loader: lxml with its fixes for broken markup)."""
    tree = load_html(html)
    return tree if isinstance(tree, HtmlElement) else None


def _pick_authors(tree: HtmlElement, meta: PageMeta, d: dict[str, Any],
                  site_names: list[str]) -> tuple[list[str], str | None]:
    """The article's authors, and the body line that held them when that line is a bare byline.

    Order: the JSON-LD authors (``Person`` and ``Organization`` both, since sites mistype persons and
    the name filter drops real organisations), short names in uncased scripts typed ``Person``, the
    author meta tags; then, when none of these names a person, trafilatura's author, the visible
    byline (``rel=author``, author links), a labelled byline (``Autor: Name``) and a bold name line
    opening or closing the text.  Declared strings that name no person (``Outlet (www.outlet.com)``,
    ``outlet.de, City, Country``) are kept as organisation names to reject trafilatura's reading of
    the same tags.
    """
    orgs = [*site_names, *([meta.ld_publisher] if meta.ld_publisher else [])]
    declared = [*meta.ld_authors, *meta.ld_org_authors]
    authors = clean_authors(declared, orgs)
    if not authors:
        authors = _short_uncased_persons(meta.ld_authors, orgs)
    if not authors:
        authors = clean_authors(meta.meta_authors, orgs)
    if authors:
        return authors, None
    rejected = _org_forms([*declared, *meta.meta_authors])
    for source in AUTHOR_FALLBACKS:
        if source == "trafilatura" and d.get("author"):
            authors = clean_authors(str(d["author"]).split(";"), [*orgs, *rejected])
        elif source == "byline":
            authors = _not_navigation(clean_authors(byline_authors(tree), orgs, strict=True))
        elif source == "label":
            authors = clean_authors(labelled_byline(tree), orgs, strict=True)
        elif source == "bold":
            line = bold_name_line(tree, d.get("text") or "")
            authors = _names_only(line, orgs) if line else []
            if authors:
                return authors, line
        if authors:
            break
    return authors, None


def extract_html(html: str, hints: Hints | None = None) -> Extracted:
    """Extract one HTML page: body by trafilatura, metadata from JSON-LD, meta tags and the headline."""
    hints = hints or Hints()
    tree = parse_html(html)
    if tree is None:
        return Extracted(url=hints.url, extractor="trafilatura")
    meta = page_meta(tree)
    doc = trafilatura.bare_extraction(tree, url=hints.url, with_metadata=True, **TRAFILATURA_OPTIONS)
    d: dict[str, Any] = {}
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    url = hints.url or meta.url or d.get("url")
    host = host_of(url)
    outlet = meta.og_site_name or meta.ld_publisher or d.get("sitename") or host
    site_names = [x for x in (meta.og_site_name, meta.ld_publisher, d.get("sitename"), host) if x]
    if host:
        site_names.append(site_label(host))

    title = pick_title(meta, site_names, d.get("title"))

    published = None
    for cand in (meta.ld_published, meta.meta_published):
        published = iso_datetime(cand) if cand else None
        if published:
            break
    if not published and d.get("date"):
        published = iso_datetime(d["date"])

    authors, byline_line = _pick_authors(tree, meta, d, site_names)
    text = d.get("text") or ""
    if byline_line:
        text = "\n".join(p for p in text.split("\n") if same_text(p) != same_text(byline_line))
    body = _body(text, title)
    # the body's own language beats the declared one: CMS templates often declare a default
    # (``lang="en"`` on pages in Zulu or Swahili); the declaration is the fallback for short texts
    language = (detect_language(body, sample=1500) if len(body) >= 200 else None) or meta.language
    return Extracted(
        title=title,
        authors=authors,
        published=published,
        outlet=outlet,
        language=language,
        url=url,
        body=body,
        extractor="trafilatura",
    )
