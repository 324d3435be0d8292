"""Actor gazetteer and linking (sitrep.analyze.actors).  Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.analyze import AnalyzeInput, analyze_texts
from sitrep.analyze.actors import ActorResolver, ActorsFileError, load_gazetteer
from sitrep.analyze.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return get_nlp()


def actor_of(nlp: Any, text: str, mention: str, nth: int = 0, actors_file: str | None = None) -> Any:
    doc = nlp(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return ActorResolver(doc, actors_file).actor_for_span(start, start + len(mention))


def test_gazetteer_has_every_state_and_short_names() -> None:
    g = load_gazetteer()
    assert g.lookup("Russia").code == "RUS"  # type: ignore[union-attr]
    assert g.lookup("the United States").code == "USA"  # type: ignore[union-attr]
    assert g.lookup("UK").code == "GBR"  # type: ignore[union-attr]
    assert g.lookup("South Korea").code == "KOR"  # type: ignore[union-attr]
    assert g.lookup("Burkina Faso").code == "BFA"  # type: ignore[union-attr]
    assert g.lookup("Tuvalu").code == "TUV"  # type: ignore[union-attr]  # from pycountry only
    assert g.lookup("us") is None  # acronyms are case-sensitive
    assert len({e.code for e in g.aliases.values() if e.kind == "country"}) >= 240


@pytest.mark.parametrize(
    ("text", "mention", "code", "sector"),
    [
        ("Tokyo rejected the proposal on Friday.", "Tokyo", "JPN", "GOV"),
        ("The Kremlin said the talks were useful.", "The Kremlin", "RUS", "GOV"),
        ("Brussels wants stricter rules.", "Brussels", "EU", "IGO"),
        ("Chilean officials met their counterparts.", "Chilean officials", "CHL", "GOV"),
        ("Turkish soldiers crossed the river.", "Turkish soldiers", "TUR", "MIL"),
        ("Dutch police detained two men.", "Dutch police", "NLD", "POL"),
        ("Kenya's foreign ministry issued a statement.", "Kenya's foreign ministry", "KEN", "GOV"),
        ("The OSCE sent observers.", "OSCE", "OSCE", "IGO"),
        ("Lawmakers in Peru voted against the bill.", "Lawmakers", "PER", "LEG"),
        ("According to Le Monde, the deal is off.", "Le Monde", "FRA", "MED"),
    ],
)
def test_phrases(nlp: Any, text: str, mention: str, code: str, sector: str) -> None:
    a = actor_of(nlp, text, mention)
    assert a is not None
    assert (a.code, a.sector) == (code, sector)
    assert a.text == mention


def test_apposition_links_person_to_title(nlp: Any) -> None:
    text = "Norway's ambassador to the UN, Ingrid Solberg, called the vote historic. Solberg later left."
    a = actor_of(nlp, text, "Ingrid Solberg")
    assert a is not None and (a.code, a.sector, a.name) == ("NOR", "GOV", "Ingrid Solberg")
    later = actor_of(nlp, text, "Solberg", nth=1)
    assert later is not None and later.name == "Ingrid Solberg" and later.code == "NOR"


def test_pronoun_and_definite_description(nlp: Any) -> None:
    text = ("The Austrian Ministry of Defence confirmed the purchase. A spokesman for the ministry, "
            "Peter Gruber, said the jets would arrive in May. He added that the ministry was satisfied.")
    speaker = actor_of(nlp, text, "Peter Gruber")
    assert speaker is not None and (speaker.code, speaker.sector) == ("AUT", "GOV")
    he = actor_of(nlp, text, "He")
    assert he is not None and he.name == "Peter Gruber" and he.code == "AUT"
    ministry = actor_of(nlp, text, "the ministry", nth=1)
    assert ministry is not None and ministry.code == "AUT"


def test_title_takes_document_country(nlp: Any) -> None:
    text = ("Finland will host the summit in Helsinki next spring. "
            "Foreign Minister Aino Virtanen said Finland was ready.")
    a = actor_of(nlp, text, "Aino Virtanen")
    assert a is not None and (a.code, a.sector) == ("FIN", "GOV")


def test_user_actors_file(nlp: Any, tmp_path: Path) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text("actors:\n  - {name: Zentrix Arms, code: SWE, sector: BUS, aliases: [Zentrix]}\n"
                 "sectors:\n  MIL: [legionnaires]\n", encoding="utf-8")
    a = actor_of(nlp, "Zentrix delivered the parts.", "Zentrix", actors_file=str(f))
    assert a is not None and (a.code, a.sector, a.name) == ("SWE", "BUS", "Zentrix Arms")
    b = actor_of(nlp, "French legionnaires patrolled the town.", "French legionnaires", actors_file=str(f))
    assert b is not None and (b.code, b.sector) == ("FRA", "MIL")


def test_bad_actors_file(tmp_path: Path) -> None:
    with pytest.raises(ActorsFileError, match="not found"):
        load_gazetteer("/nonexistent/actors.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: [unclosed\n", encoding="utf-8")
    with pytest.raises(ActorsFileError, match="not valid YAML"):
        load_gazetteer(str(bad))


def test_person_described_as_working_for_an_organisation(nlp: Any) -> None:
    text = ("\"The anchor was dragged on purpose,\" Piotr Zielinski, director of Poland's Internal Security "
            "Agency, told reporters. Zielinski did not elaborate.")
    a = actor_of(nlp, text, "Piotr Zielinski")
    assert a is not None and a.code == "POL"
    later = actor_of(nlp, text, "Zielinski", nth=1)
    assert later is not None and later.code == "POL"


def test_title_without_country_is_not_guessed_in_a_two_country_story(nlp: Any) -> None:
    text = ("Peru recalled its ambassador from Chile. Chile said the move was regrettable. Peru and Chile "
            "have quarrelled over the border before. President Ana Reyes called for calm.")
    a = actor_of(nlp, text, "President Ana Reyes")
    assert a is None or a.code is None


@pytest.mark.parametrize(("text", "mention", "nth", "code"), [
    # a wire dateline names the article's own country
    ("ANKARA, June 3 (Wire) - Greek and Turkish officials met on Tuesday.\n\nGreece said the talks were useful. "
     "Greece and Turkey agreed to meet again.\n\nForeign Minister Hakan Demir said Athens had made a fair offer.",
     "Foreign Minister Hakan Demir", 0, "TUR"),
    # a family name written first
    ("South Korean President Lee Jae-myung met the delegation. Lee said the talks went well.", "Lee", 1, "KOR"),
    # a bare title continues the state that is the subject of the sentence before
    ("Beijing rejected the report. Foreign Ministry spokesperson Lin Wei said it was false.",
     "Foreign Ministry spokesperson Lin Wei", 0, "CHN"),
    # "her office": the office of the person just named
    ("Moldovan President Ana Rusu spoke on Monday. Her office said the vote was fair.", "Her office", 0, "MDA"),
    # armed groups of the gazetteer
    ("The Rapid Support Forces shelled the town.", "The Rapid Support Forces", 0, "SDN"),
    # "the agency" after a named organisation
    ("The International Atomic Energy Agency published its report on Monday. The agency said inspectors were "
     "turned away.", "The agency", 0, "IAEA"),
])
def test_later_and_contextual_references(nlp: Any, text: str, mention: str, nth: int, code: str) -> None:
    a = actor_of(nlp, text, mention, nth=nth)
    assert a is not None and a.code == code


def test_role_noun_stands_for_the_person_with_that_title(nlp: Any) -> None:
    text = ("Kenyan Foreign Ministry spokeswoman Amina Wanjiru said the talks would resume. The spokeswoman "
            "added that a date had been set.")
    a = actor_of(nlp, text, "The spokeswoman")
    assert a is not None and a.name == "Amina Wanjiru" and a.code == "KEN"


def test_definite_noun_after_a_bare_mention_takes_the_lead_country(nlp: Any) -> None:
    text = ("Sudan's army-backed government said the attack was deliberate. Sudan said the militias were "
            "army-allied. The RSF accused the army of lying.")
    a = actor_of(nlp, text, "the army")
    assert a is not None and a.code == "SDN"


def test_office_of_a_person_coded_by_apposition(nlp: Any) -> None:
    text = ("ANTANANARIVO, Oct 14 - Colonel Michael Rado, the commander of the army unit, said the military "
            "would rule. His office said elections would follow.")
    a = actor_of(nlp, text, "His office")
    assert a is not None and a.code == "MDG"


def test_owner_of_a_body_or_role_gives_its_country() -> None:
    text = ("Mali's military government said it would hold elections in Mali next year. The junta's spokesman "
            "said the vote would take place in March. Senegal rejected the plan. Its foreign ministry said "
            "it was too late.")
    claims = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0].claims
    by_speaker = {c.speaker.text: c for c in claims if c.speaker and c.speaker.text}
    assert by_speaker["The junta's spokesman"].speaker.code == "MLI"
    assert by_speaker["The junta's spokesman"].source_type == "official_body"
    assert by_speaker["Its foreign ministry"].speaker.code == "SEN"


def test_bare_institution_continues_the_state_just_named() -> None:
    text = ("India said on Monday it would close the border crossing with Pakistan, and India expelled two "
            "Pakistani diplomats. Islamabad said it would suspend trade with India. Any attack on its dams "
            "would be an act of war, the National Security Committee warned.")
    claims = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0].claims
    warned = [c for c in claims if c.cue == "warned"]
    assert warned and warned[0].speaker is not None and warned[0].speaker.code == "PAK"


def _speakers(text: str) -> dict[str, Any]:
    claims = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0].claims
    return {c.speaker.text: c.speaker for c in claims if c.speaker and c.speaker.text}


def test_local_office_takes_the_country_of_its_place() -> None:
    text = ("KYIV - Drones hit a fuel depot in Russia's Belgorod region overnight, the regional governor said. "
            "Ukraine's army said it had shot down 30 drones. Russian shells hit the city of Kherson, "
            "local officials said.")
    sp = _speakers(text)
    assert sp["the regional governor"].code == "RUS"
    assert sp["local officials"].code != "RUS"


def test_he_is_the_person_who_was_the_subject_before() -> None:
    text = ("The EU's trade commissioner, Anna Lindqvist, said she had spoken with the Chinese minister, "
            "Zhou Ming. The bloc would respond together with its partners, she said.")
    claims = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0].claims
    second = [c for c in claims if c.speaker and c.speaker.text == "she"]
    assert second and second[-1].speaker is not None and second[-1].speaker.code == "EU"


def test_the_kingdom_is_the_speakers_state() -> None:
    text = ("RIYADH - Ministers met in Riyadh on Sunday. Jordan's foreign minister, Ayman Safadi, said the "
            "kingdom would help Syria rebuild. Saudi officials said the talks would continue.")
    evs = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0].events
    helped = [e for e in evs if e.trigger == "help"]
    assert helped and {a.code for a in helped[0].sources} == {"JOR"}


# a title or a body named without its state, and the state the text gives it: the government or
# official who was the subject just before (within a paragraph: not from a headline to the lead)
SPEAKER_STATES = [
    ("China announced new export rules on Thursday. China said the rules protect security. President Trump "
     "criticized the rules on Friday. Commerce Secretary Tom Baxter said the rules were an attack on American "
     "industry.", "Commerce Secretary Tom Baxter", "USA"),
    ("China's coast guard said it had expelled the boats. A spokesman, Wu Liang, urged Manila to stop its "
     "provocations. The Philippines said it would protest.", "A spokesman, Wu Liang", "CHN"),
    ("Kosovo Police Raid Serbian-Run Offices in North, Belgrade Protests\n\nPRISTINA, Kosovo — Kosovo police "
     "raided and closed five Serbian-run offices on Thursday, the interior minister said.",
     "the interior minister", "XKX"),
]


@pytest.mark.parametrize(("text", "speaker", "code"), SPEAKER_STATES)
def test_titles_and_bodies_continue_the_state_just_named(text: str, speaker: str, code: str) -> None:
    assert _speakers(text)[speaker].code == code
