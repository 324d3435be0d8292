"""Tests for the HTML extractor (trafilatura body + JSON-LD / meta / headline metadata) and its helpers.

All pages here are written for these tests (no evaluation data).
"""

from __future__ import annotations

import json

import pytest

from sitrep.extract import extract_document
from sitrep.extract.html import extract_html, pick_title, site_label, strip_site_suffix
from sitrep.extract.meta import clean_authors, iso_datetime, language_code, same_text
from sitrep.model import Hints, RawDocument

PARAS = [
    "The harbour council of the small coastal town voted on Tuesday evening to close the old ferry pier "
    "for repairs, after engineers reported that several wooden supports had rotted through over the winter.",
    "Residents who depend on the morning crossing to reach the mainland will be offered a replacement bus "
    "service for the six weeks the work is expected to take, the council said in a written statement.",
    "The pier was built more than eighty years ago and was last renovated in the early nineties, when the "
    "town still had a fishing fleet of its own and the ferry ran twice as often as it does today.",
    "Local shop owners said they feared the closure would keep summer visitors away, while the ferry "
    "operator promised to keep its ticket office open in the town square for the whole period.",
]


def page(*, head: str = "", h1: str | None = "Harbour council closes the old ferry pier", lang: str = "en",
         byline: str = "", extra: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAS)
    h1_html = f"<h1>{h1}</h1>" if h1 else ""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>
<body><header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>
<main><article>{h1_html}{byline}{body}</article></main>{extra}
<footer><p>Copyright The Coastal Courier. All rights reserved.</p></footer></body></html>"""


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


NEWS_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour council closes the old ferry pier",
    "datePublished": "2024-05-03T15:47:42.120Z",
    "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Max Muster"},
               {"@type": "Organization", "name": "The Coastal Courier"}],
    "publisher": {"@type": "Organization", "name": "The Coastal Courier"},
}


def test_full_page_metadata_and_body() -> None:
    head = (ld(NEWS_LD)
            + '<meta property="og:title" content="Harbour council closes the old ferry pier | The Coastal Courier">'
            + '<meta property="og:site_name" content="The Coastal Courier">'
            + "<title>Harbour council closes the old ferry pier - The Coastal Courier</title>")
    ex = extract_html(page(head=head), Hints(url="https://www.coastalcourier.example/local/pier"))
    assert ex.title == "Harbour council closes the old ferry pier"
    assert ex.authors == ["Jane Doe", "Max Muster"]
    assert ex.published == "2024-05-03T15:47:42+00:00"
    assert ex.outlet == "The Coastal Courier"
    assert ex.language == "en"
    paras = ex.body.split("\n\n")
    assert paras[0].startswith("The harbour council")
    assert len(paras) == len(PARAS)
    assert "Harbour council closes" not in ex.body  # no title in the body
    assert "Copyright" not in ex.body and "Sport" not in ex.body


def test_yoast_graph_author_reference_and_publisher() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://x.example/pier#page", "name": "Pier"},
        {"@type": "Article", "headline": "Harbour council closes the old ferry pier",
         "author": {"@id": "https://x.example/#/person/1"}, "datePublished": "2024-05-03T09:43:00+01:00",
         "publisher": {"@id": "https://x.example/#org"}},
        {"@type": "Person", "@id": "https://x.example/#/person/1", "name": "Ana María López"},
        {"@type": "Organization", "@id": "https://x.example/#org", "name": "Courier Group"},
    ]}
    ex = extract_html(page(head=ld(graph)), None)
    assert ex.authors == ["Ana María López"]
    assert ex.published == "2024-05-03T09:43:00+01:00"
    assert ex.outlet == "Courier Group"


def test_title_from_og_with_site_suffix_and_day_only_date() -> None:
    head = ('<meta property="og:title" content="Pier to close for six weeks | Coastal Courier">'
            '<meta property="og:site_name" content="Coastal Courier">'
            '<meta property="article:published_time" content="2024-05-03">')
    ex = extract_html(page(head=head, h1=None), Hints(url="https://coastalcourier.example/a"))
    assert ex.title == "Pier to close for six weeks"
    assert ex.published == "2024-05-03"


def test_h1_agreeing_with_title_is_used_over_a_different_og_title() -> None:
    head = ("<title>Harbour council closes the old ferry pier | Courier</title>"
            '<meta property="og:title" content="Ferry pier closure: what commuters need to know">')
    ex = extract_html(page(head=head), Hints(url="https://courier.example/a"))
    assert ex.title == "Harbour council closes the old ferry pier"


def test_visible_byline_when_nothing_is_declared() -> None:
    byline = '<p class="meta"><a rel="author" href="/author/jane-roe">By Jane Roe</a></p>'
    ex = extract_html(page(byline=byline), None)
    assert ex.authors == ["Jane Roe"]


GERMAN = [
    "Der Gemeinderat der kleinen Küstenstadt hat am Dienstagabend beschlossen, den alten Fähranleger "
    "wegen Reparaturen zu schließen, nachdem Ingenieure morsche Stützen gefunden hatten.",
    "Wer morgens mit der Fähre zum Festland fährt, soll für die sechs Wochen der Arbeiten einen Ersatzbus "
    "nutzen können, teilte die Verwaltung in einer schriftlichen Erklärung mit.",
]


def test_meta_author_with_agency_code_and_language_detected_over_declared() -> None:
    head = '<meta name="author" content="Von Max Muster und Erika Beispiel, dpa">'
    html = page(head=head, h1="Fähranleger wird geschlossen")
    for en, de in zip(PARAS, GERMAN + GERMAN, strict=True):
        html = html.replace(en, de)
    ex = extract_html(html, None)  # the page declares lang="en", its text is German
    assert ex.authors == ["Max Muster", "Erika Beispiel"]
    assert ex.language == "de"


def test_declared_language_for_short_text() -> None:
    html = ('<html><head><meta http-equiv="content-language" content="de-DE"></head>'
            "<body><p>Kurze Meldung.</p></body></html>")
    assert extract_html(html, None).language == "de"


def test_broken_input_does_not_raise() -> None:
    assert extract_html("", None).body == ""
    ex = extract_html("<html><body><p>only a few words</p></body></html>", None)
    assert ex.body == "only a few words"
    assert ex.title is None and ex.authors == [] and ex.published is None


def test_extract_document_merges_html() -> None:
    raw = RawDocument(source="pier.html", kind="html", data=page(head=ld(NEWS_LD)).encode("utf-8"),
                      hints=Hints(url="https://coastalcourier.example/pier"))
    art = extract_document(raw)
    assert art.error is None
    assert art.title == "Harbour council closes the old ferry pier"
    assert art.published == "2024-05-03T15:47:42+00:00"
    assert art.language == "en"
    assert art.body.count("\n\n") == len(PARAS) - 1


# ----------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(("raw", "orgs", "expected"), [
    (["By Jane Doe and John Smith"], [], ["Jane Doe", "John Smith"]),
    (["Von Max Muster, dpa"], [], ["Max Muster"]),
    (["Anna Schmidt und Peter Müller"], [], ["Anna Schmidt", "Peter Müller"]),
    (["capital von Jemima Kelly 05. November 2024 15:36"], [], ["Jemima Kelly"]),
    (["Ursula von der Leyen"], [], ["Ursula von der Leyen"]),
    (["Jane Doe, Senior Correspondent"], [], ["Jane Doe"]),
    (["srf/hosb", "AFP"], [], []),
    (["Deutsche Welle (www.dw.com)"], [], []),
    (["Coastal Courier", "Jane Doe"], ["The Coastal Courier"], ["Jane Doe"]),
    (["Courier Staff"], [], []),
    (["Sophie Foster", "Sophie-Foster"], [], ["Sophie Foster"]),
    (["Miguel A. Herguedas"], [], ["Miguel A. Herguedas"]),
    ("Jane Doe; John Smith", [], ["Jane Doe", "John Smith"]),
])
def test_clean_authors(raw: list[str] | str, orgs: list[str], expected: list[str]) -> None:
    assert clean_authors(raw, orgs) == expected


def test_clean_authors_strict_needs_two_words() -> None:
    assert clean_authors(["Frankfurt"], strict=True) == []
    assert clean_authors(["Frankfurt"]) == ["Frankfurt"]


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-03T15:47:42Z", "2024-05-03T15:47:42+00:00"),
    ("2024-05-03T15:47:42.123+0200", "2024-05-03T15:47:42+02:00"),
    ("2023-08-30T16:45+0100", "2023-08-30T16:45:00+01:00"),
    ("2024-05-03 15:47:42", "2024-05-03T15:47:42"),
    ("2024-05-03", "2024-05-03"),
    ("Fri, 03 May 2024 15:47:42 GMT", "2024-05-03T15:47:42+00:00"),
    ("yesterday", None),
    ("2024-13-40", None),
    ("", None),
])
def test_iso_datetime(value: str, expected: str | None) -> None:
    assert iso_datetime(value) == expected


def test_language_code_and_same_text() -> None:
    assert language_code("de-DE") == "de"
    assert language_code("en_US") == "en"
    assert language_code("x") is None
    assert same_text("It\u2019s \u201cfine\u201d\u00ad ") == same_text("it's \"fine\"")


def test_site_suffix_and_site_label() -> None:
    assert site_label("www.dailynews.co.uk") == "dailynews"
    assert site_label("news.example.com") == "example"
    names = ["Coastal Courier", "coastalcourier"]
    assert strip_site_suffix("Pier closes | Coastal Courier", names) == "Pier closes"
    assert strip_site_suffix("Coastal Courier - Pier closes", names) == "Pier closes"
    assert strip_site_suffix("Pier closes | Local | 03.05.2024", names) == "Pier closes | Local"
    # a dash inside the headline stays when the other side is not the site
    assert strip_site_suffix("Rain - and more rain", names) == "Rain - and more rain"


def test_pick_title_prefers_structured_headline_without_h1() -> None:
    from sitrep.extract.html import PageMeta

    meta = PageMeta(ld_headline="Structured headline", og_title="Structured headline | Site", h1=[])
    assert pick_title(meta, ["Site"], None) == "Structured headline"
    meta = PageMeta(ld_headline="Structured headline", og_title=None, h1=["Display variant"])
    assert pick_title(meta, ["Site"], None) == "Structured headline"


def test_pick_title_takes_the_shorter_of_two_differing_declared_headlines() -> None:
    from sitrep.extract.html import PageMeta

    # the structured headline carries a kicker the social title does not: the core headline wins,
    # even when the <h1> shows the longer variant
    meta = PageMeta(ld_headline="Harbour strike: Dockers walk out over pay in Gdansk",
                    og_title="Dockers walk out over pay in Gdansk | Coastal Courier",
                    h1=["Harbour strike: Dockers walk out over pay in Gdansk"])
    assert pick_title(meta, ["Coastal Courier"], None) == "Dockers walk out over pay in Gdansk"
    meta = PageMeta(ld_headline="Port reopens", og_title="Port reopens after a week of strikes", h1=[])
    assert pick_title(meta, [], None) == "Port reopens"
