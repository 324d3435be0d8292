"""Linking: term vectors, near-duplicates, story grouping, proposition status, timeline dates."""

from __future__ import annotations

from sitrep.link.dedup import band_keys, is_near_duplicate, shingles
from sitrep.link.propositions import derive_status, statement_of
from sitrep.link.stories import Linker
from sitrep.link.terms import DocFreq, cosine, term_counts, tfidf
from sitrep.link.timeline import complete_date
from sitrep.model import Article, Claim, Spans
from sitrep.store import open_store

QUAKE_A = ("A magnitude 6.1 earthquake struck the coastal province of Arlen on Tuesday, collapsing two bridges "
           "and cutting power to the port of Velmo. Rescue teams from Velmo searched the rubble through the night, "
           "and the Arlen governor said at least twelve people had died.")
QUAKE_A2 = ("Rescuers in Velmo pulled survivors from collapsed buildings after Tuesday's 6.1 magnitude earthquake in "
            "Arlen province. The Arlen governor raised the death toll to fifteen and asked for tents and water.")
QUAKE_B = ("A magnitude 7.4 earthquake shook the mountain region of Tesk on Friday, triggering landslides that buried "
           "roads near the town of Oradi. Officials in Oradi said villages were cut off and helicopters were sent "
           "to Tesk.")
SUMMIT = ("Trade ministers from nine countries ended their summit in Porvik without a joint statement after talks on "
          "farm subsidies broke down, the chair of the Porvik meeting told reporters.")


def _art(i: int, body: str, published: str | None = None, title: str | None = None) -> Article:
    return Article(id=f"{i:064d}", source=f"in/{i}.txt", body=body, published=published, title=title)


def test_term_counts_separate_names_and_numbers():
    words, names = term_counts("Rescue teams reached Velmo on Tuesday.\nThe quake measured 6.1 in Arlen.")
    assert "velmo" in names and "arlen" in names and "6.1" in names
    assert "rescue" not in names  # first word of a line is not taken for a name
    assert "team" in words  # light suffix stripping


def test_tfidf_cosine_prefers_shared_rare_terms():
    df = DocFreq(10, {"earthquak": 3, "velmo": 1, "said": 9})
    a = tfidf(term_counts(QUAKE_A)[0], df)
    b = tfidf(term_counts(QUAKE_A2)[0], df)
    c = tfidf(term_counts(SUMMIT)[0], df)
    assert cosine(a, b) > cosine(a, c)


def test_near_duplicates_found_by_lsh_and_confirmed_exactly():
    body = " ".join([QUAKE_A, QUAKE_B, SUMMIT])
    copy = "Syndicated from the wire. " + body
    assert is_near_duplicate(shingles(body), shingles(copy))
    assert not is_near_duplicate(shingles(QUAKE_A), shingles(QUAKE_B))
    keys_a, keys_b = band_keys(shingles(body)), band_keys(shingles(copy))
    assert set(keys_a) & set(keys_b)  # they share an LSH band, so the index finds the pair


def test_stories_group_same_event_and_keep_two_quakes_apart(tmp_path):
    with open_store(str(tmp_path / "s.db")) as st:
        linker = Linker(st)
        arts = [_art(1, QUAKE_A, "2025-05-06"), _art(2, QUAKE_B, "2025-05-09"), _art(3, QUAKE_A2, "2025-05-07"),
                _art(4, SUMMIT, "2025-05-08"), _art(5, "Syndicated. " + QUAKE_A, "2025-05-06")]
        res = {}
        with st.transaction():
            for a in arts:
                st.put_article(a)
                res[a.id[-1]] = linker.link(a)
        assert res["3"].story_id == res["1"].story_id
        assert res["2"].story_id != res["1"].story_id
        assert res["4"].story_id not in (res["1"].story_id, res["2"].story_id)
        assert res["5"].duplicate_of == arts[0].id and res["5"].story_id == res["1"].story_id
        # linking is incremental and stable: linking again changes nothing
        with st.transaction():
            assert linker.link(arts[2]).story_id == res["1"].story_id
        stories = st.stories()
        assert sorted(len(s["articles"]) for s in stories) == [1, 1, 3]


def test_date_factor_compares_yearless_anchors_with_story_dates():
    from datetime import date

    from sitrep.link.stories import DATE_DISCOUNT, Linker, _Span

    july = _Span(date(2025, 7, 1), date(2025, 7, 5))
    assert Linker._date_factor(july, "--07-03") == 1.0
    assert Linker._date_factor(july, "--12-12") == DATE_DISCOUNT
    assert Linker._date_factor(july, "2026-07-04") == DATE_DISCOUNT  # a year later
    undated = _Span(None, None, ("--07-03",))
    assert Linker._date_factor(undated, "2025-07-04") == 1.0
    assert Linker._date_factor(undated, "2025-12-01") == DATE_DISCOUNT
    assert Linker._date_factor(_Span(None, None), "2025-12-01") == 1.0  # nothing to compare
    assert Linker._date_factor(july, None) == 1.0


def test_undated_articles_are_dated_by_the_day_their_event_names(tmp_path):
    """Undated reports: the day each names ("On 3 July" vs "On 12 December") discounts the match of
    two different incidents; a dated report of the July incident still joins the July story."""
    from sitrep.link.stories import DATE_DISCOUNT
    from sitrep.model import Analysis, Event

    july = ("On 3 July the Arlen government summoned the Velmo ambassador over a border incident near Oradi, "
            "officials in Arlen said. The ambassador was handed a protest note about the shooting of a patrol.")
    december = ("On 12 December the Arlen government protested to Velmo after a fishing boat was detained by the "
                "Velmo coast guard, officials said.")
    follow = ("The Velmo ambassador was summoned by the Arlen government after a patrol was shot at near Oradi, "
              "and handed a protest note, Arlen officials said.")

    def an(day: str | None) -> Analysis:
        return Analysis(id="x", events=[Event(type="PROTEST", date=day, start=0, end=10)])

    def link_all(tmp: str, dated: bool) -> list[tuple[str, float]]:
        with open_store(tmp) as st:
            linker = Linker(st)
            items = [(_art(1, july), an("--07-03" if dated else None)),
                     (_art(2, december), an("--12-12" if dated else None)),
                     (_art(3, follow, "2025-07-04"), an(None))]
            with st.transaction():
                for a, _ in items:
                    st.put_article(a)
                return [(r.story_id, r.score) for r in (linker.link(a, x) for a, x in items)]

    plain = link_all(str(tmp_path / "a.db"), dated=False)
    dated = link_all(str(tmp_path / "b.db"), dated=True)
    assert dated[1][0] != dated[0][0] or abs(dated[1][1] - DATE_DISCOUNT * plain[1][1]) < 1e-9
    assert dated[2][0] == dated[0][0]


def test_place_names_count_once_per_country():
    from collections import Counter

    from sitrep.link.stories import _fold_place_names

    names = Counter({"china": 2, "beijing": 1, "chinese": 3, "deng": 1})
    _fold_place_names(names)
    assert names == Counter({"@chn": 6, "deng": 1})


def test_derive_status():
    assert derive_status([("allege", "Welt", True)]) == "alleged"
    assert derive_status([("allege", "Welt", True), ("deny", "Guo", True)]) == "contested"
    assert derive_status([("deny", "Guo", True)]) == "denied"
    assert derive_status([("assert", "A", True)]) == "asserted"
    assert derive_status([("allege", "A", True), ("confirm", "B", True)]) == "confirmed"
    # a copy's denial is not an independent source
    assert derive_status([("allege", "A", True), ("deny", "B", False)]) == "alleged"


def test_statement_of_claim():
    c = Claim(content='that the talks had "never taken place" and were invented by the paper.',
              spans=Spans(content=(0, 10)))
    assert statement_of(c).startswith("The talks had")


def test_complete_date_from_story():
    assert complete_date("2025-12-15", "2025-12-20", []) == ("2025-12-15", "event")
    assert complete_date("--07-03", None, ["2026-07-04T00:21:00"]) == ("2026-07-03", "story")
    assert complete_date("--12-30", None, ["2026-01-05"]) == ("2025-12-30", "story")
    assert complete_date(None, "2025-03-11T00:49:00", []) == ("2025-03-11", "article")
    assert complete_date(None, None, []) == (None, "none")
