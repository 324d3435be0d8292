"""The plain-text dump extractor: boilerplate removal, metadata, line statistics."""

from __future__ import annotations

import pickle

from sitrep.extract.text import LineStats, extract_text, split_lines
from sitrep.extract.textmeta import bare_names, parse_byline
from sitrep.model import Hints

NAV = ["Skip to content", "  • Home", "  • World", "  • Politics", "  • Business", "  • Sports", "Menu", "Search"]
FOOTER = ["Sign up for our newsletter", "Enter your email address", "Subscribe", "About us", "Contact",
          "Privacy policy", "© 2026 The Harbour Gazette. All rights reserved."]

PARAS = [
    "The city council of Lakeview voted on Tuesday to rebuild the old river bridge, ending a dispute that had "
    "divided the town for almost three years and delayed repairs to the main road.",
    "Mayor Irene Castell said the decision was overdue, adding that engineers had warned about cracks in the "
    "supporting pillars since the spring floods damaged the eastern bank last year.",
    "Opponents of the plan argued that a new bridge would cost far more than a repair, and several council "
    "members asked for an independent estimate before any contract is signed with a builder.",
    "According to the council's own figures, the project will take two years and will be paid for partly by "
    "a regional grant, with the rest coming from a temporary increase in parking fees.",
    "Residents who live near the river said they were relieved, although some shop owners fear that the "
    "construction work will keep customers away from the old market square for months.",
    "The council will publish the tender documents next month, and the first works on the riverbank are "
    "expected to begin before the end of the year if the regional grant is approved in time.",
]


def make_dump(paras: list[str] = PARAS, title: str = "Lakeview votes to rebuild its old river bridge") -> str:
    lines = [*NAV, "", title, "", "By Marta Olsen and Tomas Berg", "", "March 11, 2025 12:49 AM", "",
             "Photo: Lakeview Council / Handout", ""]
    for k, p in enumerate(paras):
        lines += [p, ""]
        if k == 2:
            lines += ["Trending Now", "", "Read more: Ferry service resumes after winter break", ""]
    lines += ["Share on Facebook", "Share on X", "", *FOOTER]
    return "\n".join(lines)


def test_body_title_authors_date() -> None:
    text = make_dump()
    ex = extract_text(text, Hints(), None)
    assert ex.title == "Lakeview votes to rebuild its old river bridge"
    assert ex.authors == ["Marta Olsen", "Tomas Berg"]
    assert ex.published == "2025-03-11T00:49:00"
    paras = ex.body.split("\n\n")
    for p in PARAS:
        assert p in paras
    for junk in ("Trending Now", "Subscribe", "Skip to content", "Share on Facebook", "Photo: Lakeview",
                 "All rights reserved", "By Marta Olsen", ex.title):
        assert junk not in ex.body, junk
    assert ex.language == "en"


def test_removed_lines_have_reasons() -> None:
    ex = extract_text(make_dump(), Hints(), None)
    removed = {r.text: r.reason for r in ex.removed}
    assert removed["By Marta Olsen and Tomas Berg"] == "byline"
    assert "Subscribe" in removed and removed["Subscribe"]
    assert all(r.reason for r in ex.removed)
    # every input line is either in the body or listed as removed
    kept = set(ex.body.split("\n\n"))
    for ln in split_lines(make_dump()):
        assert ln.text in kept or ln.text in removed


def test_outlet_from_copyright_line() -> None:
    ex = extract_text(make_dump(), Hints(), None)
    assert ex.outlet == "The Harbour Gazette"
    assert extract_text(make_dump(), Hints(outlet="Gazette"), None).outlet == "Gazette"


def test_line_stats_repeated_lines_and_pickle() -> None:
    stats = LineStats()
    docs = []
    for k in range(6):
        paras = [f"{p} Item {k} of the series adds another local detail for readers." for p in PARAS]
        docs.append(make_dump(paras, title=f"Lakeview council story number {k} on bridges and roads"))
    for d in docs:
        stats.add_document(d, "gazette.example")
    assert stats.docs == 6
    stats.add_document(docs[0], "gazette.example")  # the same text twice counts once
    assert stats.docs == 6
    clone = pickle.loads(pickle.dumps(stats))
    assert clone.counts == stats.counts
    ex = extract_text(docs[0], Hints(outlet="gazette.example"), clone)
    assert "Trending Now" not in ex.body
    reasons = {r.text: r.reason for r in ex.removed}
    assert reasons["Menu"] == "repeated-line"


def test_line_stats_is_bounded() -> None:
    stats = LineStats(cap=1000)
    for k in range(50):
        stats.add_document("\n".join(f"unique line {k} {j} with some words" for j in range(100)))
    assert len(stats.counts) <= 1000 + 100


def test_bylines_and_name_lines() -> None:
    assert parse_byline("Written by Jane Roe") == ["Jane Roe"]
    assert parse_byline("By Ann Lee, Bo Park and Cy Diaz | Updated 3 May 2024") == ["Ann Lee", "Bo Park", "Cy Diaz"]
    assert parse_byline("Von Karla Neumann, 12.03.2025") == ["Karla Neumann"]
    assert parse_byline("by Olga Petrenko March 11, 2025 12:49 AM 2 min read") == ["Olga Petrenko"]
    assert parse_byline("Bridges are expensive") == []
    assert bare_names("Jasper FinkBarbara Holm") == ["Jasper Fink", "Barbara Holm"]
    assert bare_names("Breaking News") == []
    assert bare_names("The bridge will open in May.") == []


def test_reported_from_and_bio() -> None:
    text = make_dump()
    text = text.replace("By Marta Olsen and Tomas Berg", "")
    text = text.replace("Share on Facebook", "Staff correspondent Nina Kowal reported from Lakeview.\n\nNina Kowal\n"
                        "Nina Kowal is a regional correspondent who has covered local politics and infrastructure "
                        "for the paper since she joined the newsroom after university ten years ago.\n\n"
                        "Share on Facebook")
    ex = extract_text(text, Hints(), None)
    assert ex.authors == ["Nina Kowal"]
    assert "regional correspondent" not in ex.body


def test_empty_and_tiny_inputs() -> None:
    assert extract_text("", None, None).body == ""
    ex = extract_text("Just one line of text here.", None, LineStats())
    assert ex.extractor == "text-lines"


def test_caption_date_is_not_the_publication_date() -> None:
    caption = ("The mayor of Lakeview, Irene Castell, speaks to residents at the market square during a public "
               "meeting on May 16, 2024.")
    text = make_dump().replace("March 11, 2025 12:49 AM", "").replace("Photo: Lakeview Council / Handout", caption)
    ex = extract_text(text, Hints(), None)
    assert ex.published is None
    assert ex.title == "Lakeview votes to rebuild its old river bridge"


def test_inline_teaser_card_is_removed() -> None:
    teaser = "Ferry service resumes after the long winter break\nThe harbour authority confirmed on Monday that " \
             "boats will again cross the lake every hour, starting with the early morning service next week."
    paras = [*PARAS[:3], teaser, *PARAS[3:]]
    text = make_dump(paras).replace("Trending Now\n", "").replace("Read more: Ferry service resumes after winter break",
                                                                   "")
    ex = extract_text(text, Hints(), None)
    assert "harbour authority" not in ex.body
    assert any(r.reason == "teaser" for r in ex.removed)
    for p in PARAS:
        assert p in ex.body


def test_hard_wrapped_text_is_rejoined() -> None:
    wrapped = []
    for p in PARAS[:4]:
        words, line = p.split(), ""
        for w in words:
            if len(line) + len(w) > 70:
                wrapped.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        wrapped += [line, ""]
    text = "Lakeview votes to rebuild its old river bridge\n\nBy Marta Olsen\n\n" + "\n".join(wrapped)
    ex = extract_text(text, Hints(), None)
    assert ex.body.split("\n\n") == PARAS[:4]
    assert ex.title == "Lakeview votes to rebuild its old river bridge"
    assert ex.authors == ["Marta Olsen"]


SENTENCES = [
    "The regional court in Lakeview opened the trial of two former councillors on Monday.",
    "Prosecutors say the pair steered a bridge contract worth four million euros to a friend's company.",
    "Both men deny the charges and their lawyers asked for the case to be moved to another city.",
    "The judge rejected that request and set the next hearing for the end of the month.",
    "A verdict is not expected before the summer, a spokeswoman for the court told reporters",
]


def test_one_sentence_per_line_is_not_taken_for_wrapped_text() -> None:
    ex = extract_text("\n".join(SENTENCES), Hints(), None)
    assert ex.body  # a short text without page layout still has an article
    assert all(s in ex.body for s in SENTENCES[:4])  # one paragraph each, not one joined line
    assert "\n\n".join(SENTENCES[1:4]) in ex.body
    # the headline is never a line below the whole article
    assert ex.title != SENTENCES[-1]


def test_short_text_without_layout_keeps_its_sentences() -> None:
    text = ("Ferry link to the islands restored\n" + "\n".join(SENTENCES[:3]) + "\n... more on this later")
    ex = extract_text(text, Hints(), None)
    for s in SENTENCES[:3]:
        assert s in ex.body


def test_a_one_line_text_is_its_own_body() -> None:
    line = "Storm closes the Lakeview harbour for the second time this winter as waves top the sea wall"
    ex = extract_text(line, Hints(), None)
    assert ex.body == line


def test_headline_and_date_only_text_is_its_headline() -> None:
    text = "June 6, 2024\nLakeview harbour reopens after the winter storms closed it for a month\n"
    ex = extract_text(text, Hints(), None)
    assert ex.body == "Lakeview harbour reopens after the winter storms closed it for a month"


def test_long_unpunctuated_lines_survive_when_the_model_keeps_nothing() -> None:
    line = ("Early on Friday the ferry operator said the crossing to the islands would resume next week, "
            "after engineers had checked the damaged pier,")
    ex = extract_text(f"Ferry crossing to resume\nMay 3, 2024 9:15 AM\n{line}\n", Hints(), None)
    assert line in ex.body


def test_outlet_from_wire_dateline() -> None:
    text = ("Latvia holds freighter over cut cable\n\n"
            "RIGA, March 3 (Baltic Wire) - Latvian police on Sunday detained a freighter they suspect of cutting a "
            "data cable under the Baltic Sea, the coast guard said on Monday, adding that the crew was being held.\n\n"
            "The cable links Latvia and Sweden and carries most of the region's internet traffic, officials said, "
            "and repairs are expected to take several weeks once the weather allows divers to reach it.\n")
    ex = extract_text(text, Hints(), None)
    assert ex.outlet == "Baltic Wire"
    assert ex.title == "Latvia holds freighter over cut cable"
