"""Title Case headlines are parsed recased (sitrep.analyze.headlines).  Headlines written for these tests."""

from __future__ import annotations

from sitrep.analyze import AnalyzeInput, analyze_texts
from sitrep.analyze.headlines import is_title_case, recase_headlines

NAMES = frozenset({"chile", "peru", "lima"})


def test_title_case_lines_are_recognised() -> None:
    assert is_title_case("Chile Recalls Ambassador From Lima Over Border Dispute")
    assert not is_title_case("Chile recalled its ambassador from Lima on Monday over a border dispute.")
    assert not is_title_case("Chile Recalls Ambassador.")


def test_recasing_keeps_names_acronyms_and_length() -> None:
    line = "Chile Recalls Ambassador From Lima, Accusing Peru of Violating the UN Charter"
    out = recase_headlines(line + "\n\nSANTIAGO - Chile recalled its envoy.", NAMES)
    assert out.startswith("Chile recalls ambassador from Lima, accusing Peru of violating the UN charter")
    assert len(out) == len(line) + len("\n\nSANTIAGO - Chile recalled its envoy.")
    text = "Chile recalled its envoy on Monday. Peru said it regretted the decision."
    assert recase_headlines(text, NAMES) == text


def test_headline_events_come_back_in_the_original_spelling() -> None:
    text = ("Chile Expels Peruvian Diplomats, Accusing Lima of Espionage\n\n"
            "SANTIAGO - Chile expelled two Peruvian diplomats on Monday.")
    a = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0]
    head = [e for e in a.events if e.start < text.index("\n")]
    assert head and head[0].trigger == "Expels" and head[0].type == "SANCTION"
    accusing = [c for c in a.claims if c.cue == "Accusing"]
    assert accusing and accusing[0].content == text[accusing[0].spans.content[0]:accusing[0].spans.content[1]]
