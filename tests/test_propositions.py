"""Proposition tracking: claim reading (negation, referential denials) and grouping across articles.

The articles and their analyses are built by hand (made-up countries Arlandia/ARL and Borovia/BOR)
so that the tests exercise the tracker alone, without the spaCy analysis.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.link.propositions import (
    PropositionTracker,
    allegation_core,
    derive_status,
    key_agreement,
    negated,
    read_claims,
    referential,
    strip_negation,
)
from sitrep.model import Actor, Analysis, Article, Claim, Event, Spans
from sitrep.store import Store, open_store

CODES = {"Arlandia": "ARL", "Arlandian": "ARL", "Borovia": "BOR", "Borovian": "BOR", "Arlandian army": "ARL",
         "Borovian pilots": "BOR", "Borovian soldiers": "BOR", "Arlandian navy": "ARL"}


def _actor(body: str, text: str, after: int = 0) -> Actor:
    i = body.index(text, after)
    return Actor(text=text, code=CODES[text], name=CODES[text], start=i, end=i + len(text))


def _claim(body: str, content: str, stance: str = "assert", speaker: str | None = None, cue: str = "said",
           hedged: bool = False) -> Claim:
    i = body.index(content)
    sp = Actor(text=speaker, code=CODES.get(speaker), name=speaker) if speaker else None
    return Claim(speaker=sp, cue=cue, stance=stance, hedged=hedged, content=content,
                 spans=Spans(content=(i, i + len(content))))


def _event(body: str, sentence: str, etype: str, trigger: str, src: str, tgt: str, status: str = "asserted") -> Event:
    s = body.index(sentence)
    return Event(type=etype, trigger=trigger, status=status, start=s, end=s + len(sentence),
                 sources=[_actor(body, src, s)], targets=[_actor(body, tgt, s)])


def _article(aid: str, title: str | None, body: str, published: str) -> Article:
    return Article(id=aid * 8, source=f"{aid}.txt", title=title, body=body, published=published)


def _ingest(store: Store, art: Article, an: Analysis) -> int:
    with store.transaction():
        store.put_article(art)
        store.put_analysis(art.id, an, "test")
        return PropositionTracker(store).track(art, an)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(str(tmp_path / "p.db"))
    yield s
    s.close()


# ------------------------------------------------------------------------------ claim reading

def test_negation_is_found_in_the_main_clause_only() -> None:
    assert negated("Arlandia did not train Borovian pilots")
    assert negated("that no such talks had taken place")
    assert not negated("Arlandia trained Borovian pilots, not its own")
    assert not negated("he had no doubt that the rocket came from the east")


def test_strip_negation_keeps_idioms() -> None:
    assert strip_negation("Arlandia did not train Borovian pilots") == "Arlandia did train Borovian pilots"
    assert strip_negation("it hasn't sent tanks") == "it has sent tanks"
    assert strip_negation("no doubt it was not theirs") == "no doubt it was theirs"


def test_referential_contents_and_named_allegations() -> None:
    for bare in ("any involvement", "that account", "those claims", "a story published by a weekly"):
        assert referential(bare), bare
    assert not referential("that the Arlandian navy shelled the harbour of Kessel")
    assert not referential("claims that the Arlandian navy shelled the harbour")
    assert allegation_core("claims that the navy shelled the harbour") == "the navy shelled the harbour"
    assert allegation_core("recent media reports of a naval blockade") == "a naval blockade"


def test_status_and_key_agreement() -> None:
    assert derive_status([("allege", "a", True), ("deny", "b", True)]) == "contested"
    assert derive_status([("allege", "a", True), ("deny", "b", False)]) == "alleged"  # a copy is not a source
    assert derive_status([("deny", "b", True)]) == "denied"
    assert key_agreement(["e:AID:ARL>BOR"], {"e:AID:ARL>BOR": 1.0}) == 1.0
    assert key_agreement(["e:AID:>BOR"], {"e:AID:>BOR": 1.0, "e:AID:ARL>BOR": 1.0}) == 0.6
    assert key_agreement(["e:AID:BOR>ARL"], {"e:AID:ARL>BOR": 1.0}) == -1.0


def test_a_negated_assertion_is_a_denial_and_a_bare_denial_answers_the_allegation_before_it() -> None:
    body = ("Officials in Kessel said that the Arlandian navy shelled the harbour of Tarvo overnight. "
            "Arlandia denied any involvement. Its envoy said Arlandia did not fire a single shell.")
    an = Analysis(id="x", claims=[
        _claim(body, "that the Arlandian navy shelled the harbour of Tarvo overnight", speaker="Officials"),
        _claim(body, "any involvement", "deny", "Arlandia", "denied"),
        _claim(body, "Arlandia did not fire a single shell", speaker="Its envoy"),
    ])
    art = _article("a", "Harbour shelled", body, "2024-01-01")
    r = read_claims(art, an)
    assert [x.stance for x in r] == ["assert", "deny", "deny"]
    assert r[1].referential and r[1].antecedent == 0


# ------------------------------------------------------------------------------ tracking

def _training(aid: str, body: str, sentence: str, content: str, stance: str, trig: str, published: str,
              speaker: str | None = None, status: str = "alleged") -> tuple[Article, Analysis]:
    ev = _event(body, sentence, "COOPERATE", trig, "Arlandian army", "Borovian pilots", status)
    an = Analysis(id=aid, events=[ev], claims=[_claim(body, content, stance, speaker)])
    return _article(aid, "Pilots", body, published), an


def test_allegation_and_denial_in_other_words_form_one_contested_proposition(store: Store) -> None:
    b1 = "Intelligence reports say that the Arlandian army secretly trained Borovian pilots at a desert base."
    a1, an1 = _training("a", b1, b1, "that the Arlandian army secretly trained Borovian pilots at a desert base",
                        "allege", "trained", "2024-03-01")
    b2 = ("A defence spokesman insisted the Arlandian army had never instructed Borovian pilots in any "
          "capacity.")
    a2, an2 = _training("b", b2, b2, "the Arlandian army had never instructed Borovian pilots in any capacity",
                        "assert", "instructed", "2024-03-02", status="denied")
    assert _ingest(store, a1, an1) == 1
    assert _ingest(store, a2, an2) == 1
    props = store.propositions()
    assert len(props) == 1
    p = props[0]
    assert p["status"] == "contested"
    assert [h["stance"] for h in p["history"]] == ["allege", "deny"]
    # the statement is written from the event of the allegation: source ... trigger ... target
    assert p["statement"] == "Arlandian army secretly trained Borovian pilots"
    assert p["event_key"] == "COOPERATE:ARL>BOR"


def test_other_events_between_the_same_actors_stay_apart(store: Store) -> None:
    b1 = "Reports say that the Arlandian army trained Borovian pilots last winter."
    a1, an1 = _training("a", b1, b1, "that the Arlandian army trained Borovian pilots last winter", "allege",
                        "trained", "2024-03-01")
    b2 = "Customs officers said that Arlandia sold artillery shells to Borovia in May."
    ev = _event(b2, b2, "AID", "sold", "Arlandia", "Borovia")
    an2 = Analysis(id="b", events=[ev], claims=[_claim(b2, "that Arlandia sold artillery shells to Borovia in May",
                                                       speaker="Customs officers")])
    _ingest(store, a1, an1)
    _ingest(store, _article("b", "Shells", b2, "2024-03-02"), an2)
    props = store.propositions()
    assert len(props) == 2
    assert {p["event_key"] for p in props} == {"COOPERATE:ARL>BOR", "AID:ARL>BOR"}


def test_trivial_quotes_open_no_proposition(store: Store) -> None:
    body = 'The minister said "this is a very important day." Borovia denied it.'
    an = Analysis(id="q", claims=[_claim(body, '"this is a very important day."', speaker="Borovia"),
                                  _claim(body, "it", "deny", "Borovia", "denied")])
    assert _ingest(store, _article("q", None, body, "2024-01-01"), an) == 0
    assert store.propositions() == []
