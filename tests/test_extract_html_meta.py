"""Tests for the headline and byline choices of the HTML extractor (:mod:`sitrep.extract.html`).

All pages here are written for these tests (no evaluation data).
"""

from __future__ import annotations

import json

from sitrep.extract.html import bold_name_line, extract_html, labelled_byline, parse_html
from sitrep.model import Hints

PARAS = [
    "The valley's water board agreed on Monday to raise the dam wall by two metres, after three wet "
    "winters in a row left the reservoir close to overflowing for weeks at a time.",
    "Farmers downstream welcomed the decision but asked the board to publish its flood maps before the "
    "work starts, so that they can plan which fields to leave fallow during the building season.",
    "The board expects the work to take two summers and to cost less than the repairs that the last "
    "flood made necessary along the river banks and the old mill road.",
]
URL = "https://valleyherald.example/news/dam"


def page(head: str = "", h1: str = "Water board votes to raise the dam wall", top: str = "",
         bottom: str = "", byline: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>{h1}</h1>{byline}{top}{body}{bottom}</article></main>
<footer><p>The Valley Herald. All rights reserved.</p></footer></body></html>"""


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_structured_headline_and_og_title_agreeing_beat_a_different_h1() -> None:
    head = (ld({"@type": "NewsArticle", "headline": "Dam wall to rise by two metres"})
            + '<meta property="og:title" content="Dam wall to rise by two metres | Valley Herald">'
            + "<title>Water board votes to raise the dam wall | Valley Herald</title>")
    ex = extract_html(page(head=head), Hints(url=URL))
    assert ex.title == "Dam wall to rise by two metres"


def test_shorter_of_differing_declarations_wins_over_the_h1() -> None:
    # the page's h1 repeats the longer structured headline; the shorter og:title is the core headline
    head = (ld({"@type": "NewsArticle", "headline": "Water board votes to raise the dam wall"})
            + '<meta property="og:title" content="Why the dam wall has to rise">')
    ex = extract_html(page(head=head), Hints(url=URL))
    assert ex.title == "Why the dam wall has to rise"


def test_h1_decides_between_declarations_without_structured_headline() -> None:
    head = ('<meta property="og:title" content="Why the dam wall has to rise">'
            "<title>Water board votes to raise the dam wall | Valley Herald</title>")
    ex = extract_html(page(head=head), Hints(url=URL))
    assert ex.title == "Water board votes to raise the dam wall"


def test_short_person_name_in_uncased_script_from_json_ld() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Water board votes to raise the dam wall",
               "author": {"@type": "Person", "name": "山田"}})
    ex = extract_html(page(head=head), Hints(url=URL))
    assert ex.authors == ["山田"]


def test_rejected_declared_organisation_is_not_read_back_from_fallbacks() -> None:
    # the whole declared string is dropped for its domain; trafilatura reads the same tag again
    head = '<meta name="author" content="valleyherald.com, Riverton, Westland">'
    ex = extract_html(page(head=head), Hints(url="https://valleyherald.com/news/dam"))
    assert ex.authors == []


def test_labelled_byline() -> None:
    byline = ('<ul class="info"><li><strong>Author</strong> Tomas Lindqvist</li>'
              "<li><strong>Date</strong> 3 May</li></ul>")
    tree = parse_html(page(byline=byline))
    assert tree is not None
    assert labelled_byline(tree) == ["Tomas Lindqvist"]
    ex = extract_html(page(byline=byline), Hints(url=URL))
    assert ex.authors == ["Tomas Lindqvist"]


def test_bold_name_line_opening_the_text_is_the_byline_and_leaves_the_body() -> None:
    top = "<p><strong>Nomvula Dube/Karin Osei</strong></p>"
    ex = extract_html(page(top=top), Hints(url=URL))
    assert ex.authors == ["Nomvula Dube", "Karin Osei"]
    assert "Nomvula" not in ex.body
    assert ex.body.startswith("The valley's water board")


def test_bold_name_line_closing_the_text() -> None:
    bottom = '<p style="text-align:right"><b>Hanna Berg</b></p>'
    ex = extract_html(page(bottom=bottom), Hints(url=URL))
    assert ex.authors == ["Hanna Berg"]


def test_bold_line_that_is_not_a_name_list_is_ignored() -> None:
    bottom = "<p><strong>Read also: Flood Maps For The Lower Valley</strong></p>"
    html = page(bottom=bottom)
    tree = parse_html(html)
    assert tree is not None
    ex = extract_html(html, Hints(url=URL))
    assert ex.authors == []
    # a bold paragraph in the middle of the text is not looked at
    assert bold_name_line(tree, "First paragraph.\nSecond.\nThird.\nFourth.\nLast one.") is None


def test_navigation_link_is_not_a_byline() -> None:
    byline = '<div class="meta"><a href="/people/about-us">ABOUT US</a></div>'
    ex = extract_html(page(byline=byline), Hints(url=URL))
    assert ex.authors == []
