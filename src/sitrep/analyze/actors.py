"""Actors: gazetteer lookup and linking of mentions to states, organs, people and organisations.

Method
------
1. **Gazetteer** (:class:`Gazetteer`, loaded once per process): every state of ISO 3166 (names from
   pycountry) plus the short names, demonyms/adjectives and capitals or seats of power in
   ``data/actors/countries.yaml``; international organisations, named organs (Pentagon, Bundestag,
   FSB...), armed groups and media outlets in ``data/actors/organizations.yaml``; well-known political
   figures ("Netanyahu", "Xi Jinping") in ``data/actors/people.yaml``; sector nouns
   (ministry -> GOV, troops -> MIL, police -> POL...) in ``data/actors/sectors.yaml``.  Names are
   matched on token boundaries, longest match first; aliases written in capitals only (``NATO``, ``US``)
   are matched case-sensitively, the others must start with a capital letter in the text.
2. **Noun phrases**: every noun-phrase head of the parse gets at most one actor.  Its *code* comes from
   the head itself when it is a gazetteer name ("NATO", "the Kremlin", "Beijing" as a capital stands for
   the government), else from a possessive, adjectival or compound modifier ("China's foreign ministry",
   "Russian soldiers", "EU foreign ministers"), else from an ``of``/``for``/``at`` complement ("a
   spokesperson for the ministry").  Its *sector* comes from the gazetteer entry or from the head noun
   and its compounds ("foreign minister" -> GOV, "armed forces" -> MIL).
3. **People**: a PERSON entity takes country and sector from the title words in front of it
   ("Foreign Minister Lars Lokke Rasmussen") or from an apposition ("China's UN representative, Zhang
   Jun"; "Guo Jiakun, a ministry spokesman").  A title without a country takes the document's leading
   country (the state mentioned most often) when the document names one at least twice.
4. **Later mentions**: a surname alone ("Guo") resolves to the person named earlier; "he"/"she" to the
   last person named; a definite sector noun ("the ministry", "the government") to the last actor with
   the same head noun, else to the document's leading country.

User extensions (``--actors FILE``)
-----------------------------------
A YAML file with any of these top-level keys (all optional)::

    actors:                      # organisations, organs, outlets, people
      - name: Acme Defence       # canonical name
        code: FRA                # ISO alpha-3 or an organisation's short code (or null)
        sector: BUS              # GOV MIL LEG JUD POL INT MED BUS CVL REB IGO (or null)
        aliases: [Acme, Acme Defence Systems]
    countries:                   # extra names / demonyms / capitals of a state
      XKX: {names: [Kosova], demonyms: [Kosovar], capitals: [Prishtina]}
    sectors:                     # extra sector nouns
      MIL: [legionnaire]

User entries take precedence over the shipped ones for the same alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sitrep.analyze.nlp import DATELINE, SAYING, depth
from sitrep.model import Actor

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader (C version when available)

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"
MAX_ALIAS_TOKENS = 8

HEAD_DEPS_MODIFIER = {"compound", "amod", "poss", "nmod", "flat"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
TITLES = {"president", "minister", "premier", "chancellor", "secretary", "general", "colonel", "commander", "governor",
          "mayor", "senator", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "king", "queen",
          "prince", "sheikh", "emir", "lieutenant", "major", "captain", "admiral", "judge", "prosecutor", "chief"}
STATE_NOUNS = {"country", "kingdom", "nation", "republic", "emirate"}
WATERS = {"gulf", "sea", "strait", "straits", "bay", "ocean", "channel", "coast", "lake", "river"}
PLACE_NOUNS = {"city", "town", "village", "region", "province", "district", "port", "capital", "oblast", "state"}
LOCAL_OFFICES = {"governor", "mayor", "regional", "provincial", "municipal", "local", "district"}
GENERIC_HEADS = {"leader", "official", "spokesman", "spokesperson", "spokeswoman", "representative", "source",
                 "member", "group", "chief", "head", "delegation", "envoy"}
_TITLE_STOP = {"the", "a", "an", "former", "then", "new", "acting", "deputy", "top", "senior"}


class ActorsFileError(ValueError):
    """The user's ``--actors`` file is missing or malformed (the message says what to fix)."""


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry: what an alias stands for."""

    code: str | None
    name: str | None
    sector: str | None
    kind: str  # country | capital | demonym | igo | organ | group | media | user


@dataclass
class Gazetteer:
    """Aliases -> entries, plus sector nouns.  Build with :func:`load_gazetteer`."""

    aliases: dict[str, Entry] = field(default_factory=dict)
    exact: dict[str, Entry] = field(default_factory=dict)  # case-sensitive aliases (acronyms)
    first_words: set[str] = field(default_factory=set)
    sectors: dict[str, str] = field(default_factory=dict)  # lower-cased noun (or "adj noun") -> sector
    country_names: dict[str, str] = field(default_factory=dict)  # code -> canonical name

    def add(self, alias: str, entry: Entry) -> None:
        alias = re.sub(r"\s+", " ", alias.strip())
        if not alias:
            return
        if alias.isupper() and len(alias.replace(".", "")) <= 6 or alias in {"Nato"}:
            self.exact[alias] = entry
        else:
            self.aliases[alias.lower()] = entry
        self.first_words.add(_first_word(alias.lower()))

    def lookup(self, text: str) -> Entry | None:
        """The entry for an exact alias as written in the text, or None."""
        if "  " in text or "\t" in text or "\xa0" in text:
            text = re.sub(r"\s+", " ", text)
        if text in self.exact:
            return self.exact[text]
        low = text.lower()
        if low.startswith("the "):
            e = self.aliases.get(low)
            if e is not None:
                return e
            low, text = low[4:], text[4:]
        e = self.aliases.get(low)
        if e is not None and text[:1].isupper():
            return e
        return None


_WORD = re.compile(r"[^\W_]+")


def _first_word(s: str) -> str:
    m = _WORD.match(s)
    return m.group(0) if m else s[:1]


def _split(s: str | None) -> list[str]:
    return [x.strip() for x in (s or "").split("|") if x.strip()]


def _add_country(g: Gazetteer, code: str, names: list[str], demonyms: list[str], capitals: list[str]) -> None:
    name = g.country_names.get(code) or (names[0] if names else code)
    g.country_names.setdefault(code, name)
    for n in names:
        g.add(n, Entry(code, name, None, "country"))
    for d in demonyms:
        g.add(d, Entry(code, name, None, "demonym"))
    for c in capitals:
        g.add(c, Entry(code, name, "GOV", "capital"))


def _add_actor(g: Gazetteer, item: dict[str, Any], kind: str, default_sector: str | None) -> None:
    sector = item.get("sector", default_sector)
    entry = Entry(item.get("code"), item.get("name"), sector, kind)
    for a in item.get("aliases") or [item.get("name")]:
        if a:
            g.add(str(a), entry)


def _extend(g: Gazetteer, data: dict[str, Any], kind_default: str = "user") -> None:
    for code, spec in (data.get("countries") or {}).items():
        spec = spec or {}
        _add_country(g, str(code).upper(), list(spec.get("names") or []), list(spec.get("demonyms") or []),
                     list(spec.get("capitals") or []))
    for item in data.get("actors") or []:
        _add_actor(g, item, kind_default, None)
    for sector, nouns in (data.get("sectors") or {}).items():
        for n in nouns or []:
            g.sectors[str(n).lower()] = str(sector).upper()


@lru_cache(maxsize=8)
def load_gazetteer(actors_file: str | None = None) -> Gazetteer:
    """The shipped gazetteer, extended by a user YAML file (cached: built once per process and file)."""
    import pycountry

    g = Gazetteer()
    countries = _yaml((DATA / "countries.yaml").read_text(encoding="utf-8"))
    for code, (names, _d, _c) in countries.items():
        if _split(names):
            g.country_names[code] = _split(names)[0]
    for c in pycountry.countries:
        code = c.alpha_3
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        clean = [n for n in names if n and "," not in n and "(" not in n]
        if clean:
            g.country_names.setdefault(code, clean[0])
        _add_country(g, code, clean, [], [])
    for code, (names, demonyms, capitals) in countries.items():
        _add_country(g, code, _split(names), _split(demonyms), _split(capitals))
    orgs = _yaml((DATA / "organizations.yaml").read_text(encoding="utf-8"))
    for item in orgs.get("igos") or []:
        _add_actor(g, item, "igo", "IGO")
    for item in orgs.get("organs") or []:
        _add_actor(g, item, "organ", "GOV")
    for item in orgs.get("groups") or []:
        _add_actor(g, item, "group", "REB")
    for item in orgs.get("ngos") or []:
        _add_actor(g, item, "ngo", None)
    for item in orgs.get("media") or []:
        _add_actor(g, item, "media", "MED")
    people = _yaml((DATA / "people.yaml").read_text(encoding="utf-8"))
    for item in people.get("people") or []:
        _add_actor(g, item, "person", "GOV")
    sectors = _yaml((DATA / "sectors.yaml").read_text(encoding="utf-8"))
    for sector, nouns in sectors.items():
        for n in nouns:
            g.sectors[str(n).lower()] = sector
    if actors_file:
        path = Path(actors_file)
        if not path.is_file():
            raise ActorsFileError(
                f"actors file {actors_file!r} not found (give a YAML file, see sitrep.analyze.actors)")
        try:
            data = _yaml(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            raise ActorsFileError(f"actors file {actors_file!r} is not valid YAML: {e}") from e
        if not isinstance(data, dict):
            raise ActorsFileError(
                f"actors file {actors_file!r}: expected a mapping with 'actors', 'countries' or 'sectors'")
        try:
            _extend(g, data)
        except (AttributeError, TypeError, KeyError) as e:
            raise ActorsFileError(f"actors file {actors_file!r}: unexpected layout ({e}); "
                                  "see sitrep.analyze.actors for the format") from e
    return g


@dataclass
class Mention:
    """A gazetteer match: tokens [start, end) of the doc."""

    start: int
    end: int
    entry: Entry


def find_mentions(doc: Any, g: Gazetteer) -> list[Mention]:
    """Gazetteer matches in a doc, longest first, left to right, on token boundaries.

    Per token at most ``MAX_ALIAS_TOKENS`` dictionary lookups, and only at tokens whose first word
    starts some alias: linear in the document length."""
    out: list[Mention] = []
    text = doc.text
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t) for t in doc]
    lows = [t.lower_ for t in doc]
    n = len(starts)
    i = 0
    first = g.first_words
    while i < n:
        low = lows[i]
        if low != "the" and _first_word(low) not in first:
            i += 1
            continue
        best: Mention | None = None
        for j in range(min(n, i + MAX_ALIAS_TOKENS) - 1, i - 1, -1):
            s = text[starts[i]:ends[j]]
            if "\n" in s:
                continue
            e = g.lookup(s)
            if e is not None:
                best = Mention(i, j + 1, e)
                break
        if best is not None:
            out.append(best)
            i = best.end
        else:
            i += 1
    return out


def _np_tokens(tok: Any) -> list[Any]:
    """The head and its left modifiers (compound/amod/poss/nmod, recursively)."""
    out = [tok]
    stack = [c for c in tok.lefts if c.dep_ in HEAD_DEPS_MODIFIER]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ in HEAD_DEPS_MODIFIER | {"case"})
    return sorted(out, key=lambda t: t.i)


class ActorResolver:
    """Resolves text spans of one parsed document to actors (with coreference to earlier mentions).

    ``ActorResolver(doc, actors_file=None)`` where ``doc`` is a spaCy Doc; the gazetteer is loaded once
    per process.  Resolution is done once, left to right over the document, on first use.
    """

    def __init__(self, doc: Any, actors_file: str | None = None) -> None:
        self.doc = doc
        self.text: str = doc.text  # Doc.text joins all tokens on every access: read it once
        self.g = load_gazetteer(actors_file)
        self._done = False
        self.mentions: list[Mention] = []
        self._mention_of: dict[int, Mention] = {}
        self._by_head: dict[int, Actor] = {}
        self._by_surname: dict[str, Actor] = {}
        self._by_lemma: dict[str, Actor] = {}
        self._last_person: Actor | None = None
        self._lead_code: str | None = None
        self._person_ent: dict[int, Any] = {}  # token -> PERSON entity (or True)
        self._by_title: dict[str, Actor] = {}  # role noun ("spokesperson") -> the last person titled so
        self._person_refs: set[int] = set()  # tokens of role nouns that stand for a named person
        self._state_refs: list[int] = []  # "the country", "the kingdom": states read in a final pass

    # ------------------------------------------------------------------ public

    def actor_for_span(self, start_char: int, end_char: int) -> Actor | None:
        """The actor a span of the document's text refers to (a name, title, pronoun...), or None."""
        self._resolve_all()
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or not span.text.strip():
            return None
        root = span.root
        actor = self._by_head.get(root.i)
        if actor is None:
            for t in sorted(span, key=depth):
                actor = self._by_head.get(t.i)
                if actor is not None:
                    break
        if actor is None:
            m = self._mention_of.get(root.i)
            if m is not None:
                actor = self._entry_actor(m.entry, m)
        if actor is None:
            return None
        return actor.model_copy(update={"text": self.text[start_char:end_char], "start": start_char,
                                        "end": end_char})

    def actor_for_token(self, i: int) -> Actor | None:
        """The actor of the noun phrase headed by token ``i`` (text = that phrase), or None."""
        self._resolve_all()
        return self._by_head.get(i)

    def actors_for_token(self, i: int) -> list[Actor]:
        """Actors of the phrase headed by token ``i`` and of its conjuncts ("Jordan and Britain"),
        and of several demonym modifiers ("Hungarian and Romanian officials")."""
        self._resolve_all()
        tok = self.doc[i]
        heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        out: list[Actor] = []
        seen: set[tuple[str | None, str | None, str | None]] = set()
        for h in heads:
            a = self._by_head.get(h.i)
            if a is None:
                continue
            cands = [a]
            # "the leaders of Armenia and Azerbaijan": the further states of the "of" phrase
            if h.lemma_.lower() in GENERIC_HEADS:
                for prep in h.rights:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for p in prep.children:
                            for cc in p.conjuncts if p.dep_ == "pobj" else ():
                                m = self._mention_of.get(cc.i)
                                if m is not None and m.entry.code and m.entry.code != a.code:
                                    cands.append(a.model_copy(update={"code": m.entry.code, "name": m.entry.name}))
            # extra country modifiers joined by "and" ("Hungarian and Romanian officials")
            for c in h.lefts:
                if c.dep_ in {"amod", "compound", "poss", "nmod"}:
                    for cc in c.conjuncts:
                        m = self._mention_of.get(cc.i)
                        if m is not None and m.entry.code and m.entry.code != a.code:
                            cands.append(a.model_copy(update={"code": m.entry.code, "name": m.entry.name,
                                                              "text": cc.text, "start": cc.idx,
                                                              "end": cc.idx + len(cc.text)}))
            for x in cands:
                key = (x.code, x.sector, x.name)
                if key not in seen:
                    seen.add(key)
                    out.append(x)
        return out

    def refers_to_person(self, i: int) -> bool:
        """Token ``i`` stands for a person named earlier: a role noun ("the spokesperson") or a surname
        the entity recogniser did not tag."""
        self._resolve_all()
        return i in self._person_refs

    def gazetteer_kind(self, i: int) -> str | None:
        """The kind of gazetteer name token ``i`` is part of (country, igo, organ, group, media ...), or None."""
        self._resolve_all()
        m = self._mention_of.get(i)
        return m.entry.kind if m is not None else None

    def all_actors(self) -> list[Actor]:
        """Every resolved noun-phrase actor of the document, in text order."""
        self._resolve_all()
        return [a for _, a in sorted(self._by_head.items())]

    @property
    def lead_code(self) -> str | None:
        """The document's leading country (the most mentioned state, if named at least twice)."""
        self._resolve_all()
        return self._lead_code

    # ------------------------------------------------------------------ resolution

    def _entry_actor(self, e: Entry, m: Mention, text: str | None = None) -> Actor:
        doc = self.doc
        span = doc[m.start:m.end]
        sector = e.sector
        if e.kind == "demonym":
            sector = None
        return Actor(text=text if text is not None else span.text, code=e.code, sector=sector, name=e.name,
                     start=span.start_char, end=span.end_char)

    def _sector_of(self, toks: list[Any]) -> str | None:
        """Sector from the head noun and its compounds/adjectives ("foreign minister", "armed forces")."""
        head = toks[-1] if toks else None
        if head is None:
            return None
        lem = head.lemma_.lower()
        low = head.lower_
        words = [t for t in toks if t.i < head.i and t.dep_ in {"compound", "amod"}]
        for w in reversed(words):
            for key in (f"{w.lower_} {low}", f"{w.lemma_.lower()} {lem}"):
                if key in self.g.sectors:
                    return self.g.sectors[key]
        own = self.g.sectors.get(low) or self.g.sectors.get(lem)
        if own is None or lem in GENERIC_HEADS:
            # "rebel leaders" -> REB, "opposition groups" -> LEG, "police officials" -> POL
            for w in reversed(words):
                mod = self.g.sectors.get(w.lower_) or self.g.sectors.get(w.lemma_.lower())
                if mod is not None and mod not in {"CVL", "BUS", "MED"} and (own is None or mod != "GOV"):
                    return mod
        return own

    def _resolve_all(self) -> None:
        if self._done:
            return
        self._done = True
        doc = self.doc
        self.mentions = find_mentions(doc, self.g)
        for m in self.mentions:
            for i in range(m.start, m.end):
                self._mention_of[i] = m
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.entry.kind in {"country", "capital", "demonym"} and m.entry.code:
                counts[m.entry.code] = counts.get(m.entry.code, 0) + 1
        if counts:
            code, c = max(counts.items(), key=lambda kv: kv[1])
            short = len(self.text) < 400  # a sentence or a short item: one mention is enough
            second = max((v for k, v in counts.items() if k != code), default=0)
            # the article's own country only when it dominates: in a story about two countries
            # ("Iran fired ... at Israel"), "President X" is not guessed to belong to either
            if (c >= 2 or short) and c >= 2 * second:
                self._lead_code = code
            # a wire dateline ("THE HAGUE, May 27 (Reuters) - ") says where the story is told from:
            # its country is the article's own when it is among the most mentioned
            home = self._dateline_code()
            if home is not None and 2 * counts.get(home, 0) >= c:
                self._lead_code = home
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                for t in ent:
                    self._person_ent[t.i] = ent
        self._titled_names()
        for tok in doc:
            if tok.i in self._by_head:
                continue
            if tok.pos_ not in {"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"}:
                continue
            if tok.dep_ in HEAD_DEPS_MODIFIER and tok.head.i != tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
                continue
            a = self._resolve_head(tok)
            if a is not None:
                self._by_head[tok.i] = a
        self._link_appositions()
        self._link_later_surnames()
        self._link_possessed_bodies()
        for i in self._state_refs:
            prev = self._by_head.get(i)
            if prev is None:
                continue
            state = self._speaker_state(doc[i])
            if state is not None:
                self._by_head[i] = prev.model_copy(update={"code": state, "name": self.g.country_names.get(state)})
            elif prev.code is None:
                del self._by_head[i]

    def _previous_state(self, tok: Any) -> str | None:
        """The state that is the subject of the sentence before ``tok``'s, when it is named as a state:
        "Beijing rejected the criticism. Foreign Ministry spokesperson Guo Jiakun said ..." -- a
        title without a country continues the state just named."""
        t = self._previous_root_subject(tok)
        if t is None or t.conjuncts:  # ("Peru and Chile": neither)
            return None
        if "\n\n" in self.text[t.sent.start_char:tok.sent.start_char]:
            return None  # only within a paragraph (not from a headline to the lead)
        m = self._mention_of.get(t.i)
        if m is not None and m.entry.kind in {"country", "capital"} and m.entry.code in self.g.country_names:
            return m.entry.code
        # a government actor or a person of a known state ("Trump said ... Treasury Secretary X said")
        prev = self._by_head.get(t.i)
        if prev is not None and prev.code in self.g.country_names and (
                prev.sector in {"GOV", "MIL", "INT"} or t.i in self._person_ent or (
                    m is not None and m.entry.kind == "person")):
            return prev.code
        return None

    def _speaker_state(self, tok: Any) -> str | None:
        """The state of the subject of the saying verb whose reported clause holds ``tok``."""
        cur, crossed = tok, False
        for _ in range(8):
            if cur.head.i == cur.i:
                return None
            if cur.dep_ in {"ccomp", "xcomp"} or cur.dep_ == "relcl" and cur.pos_ in {"VERB", "AUX"}:
                crossed = True
            cur = cur.head
            if crossed and cur.pos_ in {"VERB", "AUX"} and cur.lemma_.lower() in SAYING:
                subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
                found = self._by_head.get(subj.i) if subj is not None else None
                if found is not None and found.code in self.g.country_names:
                    return found.code
                return None
        return None

    def _local_place(self, toks: list[Any]) -> str | None:
        """For a local office ("the regional governor", "Mayor X", "local officials"): the country of
        the place named last before it, in its sentence or the one before ("drones struck a
        refinery in Russia's Volgograd region, the regional governor said" -> RUS); "" when that
        place is one the gazetteer cannot place; None for any other phrase."""
        if not any(t.lemma_.lower() in LOCAL_OFFICES for t in toks):
            return None
        first = toks[0]
        start = first.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for i in range(first.i - 1, start - 1, -1):
            m = self._mention_of.get(i)
            if m is not None:
                if m.entry.kind in {"country", "capital"} and m.entry.code in self.g.country_names:
                    return m.entry.code
            elif self._place_name(self.doc[i]):
                # a place the gazetteer does not place ("the city of Sumy"): unknown, unless its own
                # phrase names the country ("Russia's Volgograd region")
                for t in self.doc[i].head.subtree:
                    pm = self._mention_of.get(t.i)
                    if pm is not None and pm.entry.kind == "country" and pm.entry.code in self.g.country_names:
                        return pm.entry.code
                return ""
        return ""

    def _person_token(self, t: Any) -> Any | None:
        """The token naming the person of the phrase headed by ``t``: ``t`` itself for a name or a
        listed person, the name in apposition for a title ("the trade commissioner, Maros
        Sefcovic"); None when the phrase names no person."""
        m = self._mention_of.get(t.i)
        if t.i in self._person_ent or t.i in self._person_refs or (m is not None and m.entry.kind == "person"):
            return t
        return next((c for c in t.children if c.dep_ == "appos" and c.i in self._person_ent), None)

    @staticmethod
    def _place_name(t: Any) -> bool:
        """A place name: tagged as one, or named as a city, town or region ("the city of Sumy",
        which the tagger may read as an organisation)."""
        if t.ent_type_ in {"GPE", "LOC", "FAC"}:
            return True
        return t.pos_ == "PROPN" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS

    def _previous_root_subject(self, tok: Any, pronoun: bool = False) -> Any | None:
        """The subject of the main verb of the sentence before ``tok``'s, unless it is a pronoun
        (or only if it is one, with ``pronoun``)."""
        start = tok.sent.start
        if start == 0:
            return None
        for t in self.doc[start - 1].sent:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT" and (t.pos_ == "PRON") == pronoun:
                return t
        return None

    def _dateline_code(self) -> str | None:
        """The country of the place named in a wire dateline opening one of the first paragraphs."""
        pos = 0
        for _ in range(3):
            m = DATELINE.match(self.text, pos)
            if m is not None:
                for men in self.mentions:
                    start = self.doc[men.start].idx
                    if start >= m.end():
                        break
                    if start >= pos and men.entry.kind in {"capital", "country"} \
                            and men.entry.code in self.g.country_names:
                        return men.entry.code
                return None
            nxt = self.text.find("\n\n", pos)
            if nxt < 0:
                return None
            pos = nxt + 2
            while pos < len(self.text) and self.text[pos].isspace():
                pos += 1
        return None

    def _resolve_head(self, tok: Any, depth: int = 0) -> Actor | None:
        if tok.i in self._by_head:
            return self._by_head[tok.i]
        doc = self.doc
        low = tok.lower_
        if tok.pos_ == "PRON":
            if low in PERSON_PRONOUNS and self._last_person is not None:
                p = self._last_person
                if low in {"he", "she"} and not any(t.i in self._person_ent or t.i in self._person_refs
                                                    for t in doc[tok.sent.start:tok.i]):
                    # the person who was the subject just before, rather than one named later in
                    # that sentence: "X said he had spoken with Y. ..., he said" is X
                    subj = self._previous_root_subject(tok)
                    named = self._person_token(subj) if subj is not None else None
                    prev = self._by_head.get(named.i) if named is not None else None
                    if prev is not None and prev.name:
                        p = prev
                return _placed(p, tok.text, tok.idx, tok.idx + len(tok.text))
            if low in {"they", "it"} and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "ROOT":
                subj = self._previous_root_subject(tok)
                prev = self._by_head.get(subj.i) if subj is not None else None
                # "Opposition parties denied ... They accused ...": the subject just before, when the
                # pronoun agrees with it in number
                if subj is not None and prev is not None and (prev.code or prev.name) and (
                        low == "they") == (subj.tag_ in {"NNS", "NNPS"}):
                    return _placed(prev, tok.text, tok.idx, tok.idx + len(tok.text))
                if subj is None:
                    # "The ministry said ... It expressed solidarity ... It said ...": a chain of the
                    # same pronoun keeps its referent
                    subj = self._previous_root_subject(tok, pronoun=True)
                    prev = self._by_head.get(subj.i) if subj is not None else None
                    if subj is not None and prev is not None and subj.lower_ == low and prev.code:
                        return _placed(prev, tok.text, tok.idx, tok.idx + len(tok.text))
            return None
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in WATERS:
            return None  # "the Gulf of Oman", "the Sea of Japan": a sea, not the state
        toks = _np_tokens(tok)
        span_start, span_end = toks[0].idx, tok.idx + len(tok.text)
        if toks[0].lower_ in {"the", "a", "an"}:
            toks = toks[1:]
        text = self.text[span_start:span_end]
        # 1. the head is (inside) a gazetteer name
        m = self._mention_of.get(tok.i)
        if m is not None:
            a = self._entry_actor(m.entry, m)
            if m.entry.kind == "demonym":
                # "the Chinese", "Russians": people of that country
                a = a.model_copy(update={"sector": self._sector_of([tok]) or None})
            mod_start = min(t.idx for t in toks)
            if mod_start < doc[m.start].idx:
                # a modifier in front of the name: "German newspaper Die Welt", "Russia's FSB"
                mod = self._modifier_code(toks, exclude=range(m.start, m.end))
                if a.code is None and mod is not None:
                    a = a.model_copy(update={"code": mod.code})
            a = _placed(a, text, span_start, span_end)
            if m.entry.kind in {"igo", "organ", "ngo", "group", "media"} and a.code and tok.pos_ in {"NOUN", "PROPN"}:
                # "the International Atomic Energy Agency ... the agency", "the nuclear watchdog ... the watchdog"
                self._by_lemma.setdefault(tok.lemma_.lower(), a)
            if m.entry.kind == "person":  # a listed person: later "he", "she" and the surname follow
                title = [t for t in toks if t.i < m.start and self._is_title_word(t)]
                if title:
                    self._remember_title(title[-1], a)
                self._last_person = a
                self._by_surname.setdefault(doc[m.end - 1].text, a)
                if m.end - m.start >= 2:  # ("Lee Jae-myung" ... "Lee")
                    self._by_surname.setdefault(doc[m.start].text, a)
            return a
        person = self._person_ent.get(tok.i)
        sector = self._sector_of([t for t in toks if person is None or t.i not in self._person_ent])
        if person is not None:
            title = [t for t in toks if t.i not in self._person_ent]
            sector = self._sector_of(title) if title else None
        mod = self._modifier_code(toks)
        code = mod.code if mod is not None else None
        name: str | None = None
        if mod is not None and person is None:
            # ("a Biden administration official" is American, not Biden)
            name = self.g.country_names.get(mod.code or "", mod.name) if mod.kind == "person" else mod.name
        if code is None and person is None and mod is None and depth < 2:
            # "the junta's spokesman", "the commission's spokesman", "its foreign ministry": the
            # owner's country (and, for a bare role noun, its sector)
            owner = self._owner_actor(tok, depth)
            if owner is not None:
                code, name = owner.code, owner.name
                sector = sector or owner.sector
        if code is None and sector is not None and person is None and depth < 2:
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "at", "to", "from", "in"}:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            inner = self._resolve_head(pobj, depth + 1)
                            if inner is not None and inner.code:
                                code, name = inner.code, inner.name
                                if inner.sector == "IGO" or _is_org_code(inner.code):
                                    sector = sector if sector != "GOV" else "IGO"
                            break
        if person is not None:
            full = person.text
            surname = person[-1].text
            if len(person) == 1 and surname in self._by_surname and not title:
                prev = self._by_surname[surname]
                a = _placed(prev, text, span_start, span_end)
                self._last_person = prev
                return a
            if code is None and sector is not None:
                local = self._local_place(toks)  # ("" for a local office of a place not known)
                code = local or (None if local == "" else self._previous_state(tok)) or self._lead_code
            a = Actor(text=text, code=code, sector=sector, name=full, start=span_start, end=span_end)
            if title and sector is not None:
                self._remember_title(title[-1], a)
            if tok.i == person[-1].i or tok.i == person.root.i:
                self._by_surname[surname] = a
                if len(person) >= 2 and person[0].text[:1].isupper():
                    # a family name written first ("Lai Ching-te" ... "Lai", "Xi Jinping" ... "Xi")
                    self._by_surname.setdefault(person[0].text, a)
                self._last_person = a
            return a
        titled = self._by_title.get(tok.lemma_.lower())
        if titled is not None and tok.tag_ == "NN" and [t.lower_ for t in tok.lefts] == ["the"]:
            # "the spokesperson said" after "ministry spokesperson Lin Jian": that person
            self._person_refs.add(tok.i)
            self._last_person = titled
            return _placed(titled, text, span_start, span_end)
        if code is None and person is None and sector is not None:
            # "a ministry spokesperson" after "the Commerce Ministry": the ministry named before
            for t in toks:
                if t.i != tok.i and t.dep_ == "compound" and t.pos_ == "NOUN":
                    prev = self._by_lemma.get(t.lemma_.lower())
                    if prev is not None and prev.code:
                        code = prev.code
                        break
        if sector is None and code is None and person is None and tok.lemma_.lower() in GENERIC_HEADS and depth < 2:
            # "members of the European Parliament", "leaders of the junta": the body they belong to
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    inner = next((self._resolve_head(p, depth + 1) for p in prep.children if p.dep_ == "pobj"), None)
                    if inner is not None and inner.code:
                        return Actor(text=text, code=inner.code, sector=inner.sector, name=inner.name,
                                     start=span_start, end=span_end)
        if sector is None and code is None and tok.lemma_.lower() in STATE_NOUNS and tok.tag_ == "NN" \
                and [t.lower_ for t in tok.lefts] == ["the"]:
            # "the kingdom would work with its partners" (said the Saudi minister), "the country's
            # recovery": the state of the one who speaks, else the article's own
            # (the speaker's state is read in a final pass, once appositions have given people theirs)
            self._state_refs.append(tok.i)
            state = self._lead_code
            return Actor(text=text, code=state, sector="GOV", name=self.g.country_names.get(state or ""),
                         start=span_start, end=span_end)
        if sector is None and code is None:
            prev_org = self._by_lemma.get(tok.lemma_.lower())
            if prev_org is not None and tok.pos_ == "NOUN" and any(t.lower_ == "the" for t in tok.lefts):
                # "the agency" after "the International Atomic Energy Agency"
                return _placed(prev_org, text, span_start, span_end)
            return None
        owner = next((t for t in tok.lefts if t.dep_ == "poss" and t.lower_ in {"his", "her"}), None)
        if code is None and sector is not None and owner is not None and self._last_person is not None \
                and self._last_person.code:
            # "His office accused ...": the office of the person just named
            code = self._last_person.code
        local = self._local_place(toks) if code is None and sector is not None else None
        if local:  # "the regional governor", "local officials"
            code, name = local, self.g.country_names.get(local)
        if code is None and sector is not None:
            prev_np = self._by_lemma.get(tok.lemma_.lower())
            definite = any(t.lower_ in {"the", "this", "that"} for t in tok.lefts)
            if prev_np is not None and prev_np.code and definite:
                code, name = prev_np.code, prev_np.name
            elif definite and prev_np is not None and any(w[:1].isupper() for w in (prev_np.text or "").split()[1:-1]):
                pass  # "the official" after "a senior European official": that one, country unknown
            elif (definite or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)) \
                    and sector in {"GOV", "MIL", "INT"} \
                    and local is None and self._previous_state(tok):
                # (also "A spokesman, Liu Dejun, urged ..." after "China's coast guard said ...")
                # "Islamabad said ... the National Security Committee warned": a bare institution
                # continues the state that was the subject just before
                code = self._previous_state(tok)
                name = self.g.country_names.get(code or "")
            elif definite and sector in {"GOV", "MIL", "POL", "LEG", "JUD", "INT"} and self._lead_code:
                code = self._lead_code
                name = self.g.country_names.get(code)
            elif sector in {"POL", "LEG", "JUD"} and self._lead_code and tok.tag_ in {"NNS", "NN"} and not any(
                    t.lower_ in {"a", "an", "foreign", "international"} for t in tok.lefts):
                # "police fired tear gas", "opposition parties denied": domestic institutions named bare,
                # in an article about one country, are that country's
                code = self._lead_code
                name = self.g.country_names.get(code)
            else:
                if sector not in {"CVL", "REB", "BUS", "MED", "MIL", "POL", "GOV", "LEG", "JUD", "INT"}:
                    return None
        a = Actor(text=text, code=code, sector=sector, name=name, start=span_start, end=span_end)
        # the last phrase with this head: "the official" after "a senior European official" is that
        # official (with no country), not the article's country
        self._by_lemma[tok.lemma_.lower()] = a
        return a

    def _owner_actor(self, tok: Any, depth: int) -> Actor | None:
        """The coded actor that owns ``tok`` through a possessive ("the junta's", "its"), if any.
        "its"/"their" in the main subject stand for the subject of the sentence before when the
        number agrees, as "it"/"they" do there; "his"/"her" go with the person last named."""
        owner = next((t for t in tok.lefts if t.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.pos_ == "PRON":
            if owner.lower_ not in {"its", "their"} or tok.dep_ not in {"nsubj", "nsubjpass"} \
                    or tok.head.dep_ != "ROOT":
                return None  # (inside a clause "its" is mostly the clause's own subject's)
            subj = self._previous_root_subject(owner)
            prev = self._by_head.get(subj.i) if subj is not None else None
            plural = subj is not None and subj.tag_ in {"NNS", "NNPS"}
            if prev is None or not prev.code or (owner.lower_ == "their") != plural:
                return None
            return prev
        if owner.pos_ not in {"NOUN", "PROPN"} or owner.lemma_.lower() in STATE_NOUNS:
            return None  # ("the country's recovery": the country is known only after the final pass)
        found = self._resolve_head(owner, depth + 1)
        return found if found is not None and found.code else None

    def _namelike(self, tok: Any) -> bool:
        """A proper name the NER did not tag as a person, outside the gazetteer ("Vasily Petrov")."""
        return (tok.pos_ == "PROPN" and tok.i not in self._mention_of and tok.i not in self._by_head
                and tok.ent_type_ not in {"GPE", "NORP", "LOC", "DATE", "TIME"})

    def _name_actor(self, tok: Any) -> Actor:
        toks = [t for t in _np_tokens(tok) if t.pos_ == "PROPN"]
        s, e = toks[0].idx, tok.idx + len(tok.text)
        name = self.text[s:e]
        return Actor(text=name, name=name, start=s, end=e)

    def _modifier_code(self, toks: list[Any], exclude: range | None = None) -> Entry | None:
        """The country/organisation named by a modifier of the phrase: possessive > adjective > compound."""
        best: tuple[int, Entry] | None = None
        for t in toks:
            if exclude is not None and t.i in exclude:
                continue
            m = self._mention_of.get(t.i)
            if m is None or m.entry.code is None:
                continue
            mt = self.doc[m.end - 1]
            rank = {"poss": 0, "amod": 1}.get(mt.dep_, 2)
            if m.entry.kind in {"igo"} and rank == 2:
                rank = 3
            if best is None or rank < best[0]:
                best = (rank, m.entry)
        return best[1] if best else None

    def _link_appositions(self) -> None:
        """"China's UN representative, Zhang Jun" / "Guo Jiakun, a spokesman for the ministry": the person
        takes the code and sector of the description, and the description points at the person."""
        for tok in self.doc:
            if tok.dep_ != "appos":
                continue
            head = tok.head
            a, b = self._by_head.get(head.i), self._by_head.get(tok.i)
            if a is not None and b is None and self._namelike(tok):
                b = self._name_actor(tok)
                self._person_ent[tok.i] = True
            elif b is not None and a is None and self._namelike(head):
                a = self._name_actor(head)
                self._person_ent[head.i] = True
            if a is not None and b is None and head.i in self._person_ent and a.code is None:
                # "Robin Lardot, director of Finland's National Bureau of Investigation": the
                # person works for the organisation the description names
                org = self._employer(tok)
                if org is not None:
                    self._update_person(head.i, a, a.model_copy(update={"code": org.code,
                                                                        "sector": org.sector or a.sector}))
                continue
            if a is None or b is None:
                continue
            pa, pb = head.i in self._person_ent, tok.i in self._person_ent
            if pa == pb:
                continue
            person, desc = (a, b) if pa else (b, a)
            merged = person.model_copy(update={"code": desc.code or person.code,
                                               "sector": desc.sector or person.sector})
            p_i, d_i = (head.i, tok.i) if pa else (tok.i, head.i)
            self._by_head[d_i] = _placed(merged, desc.text, desc.start, desc.end)
            self._update_person(p_i, person, merged, after=max(p_i, d_i))

    def _titled_names(self) -> None:
        """A name of two or more words after a title that the entity recogniser did not read as a
        person ("President Umaro Sissoco Embalo", tagged as an organisation) is a person's name."""
        doc = self.doc
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.i in self._person_ent or tok.i in self._mention_of \
                    or tok.dep_ in HEAD_DEPS_MODIFIER:
                continue
            names = [tok]
            title = None
            for c in reversed([c for c in tok.lefts if c.dep_ == "compound"]):
                if c.pos_ == "PROPN" and c.i == names[0].i - 1 and c.lower_ not in self.g.sectors \
                        and c.i not in self._mention_of:
                    names.insert(0, c)
                elif c.lower_ in TITLES or c.lemma_.lower() in TITLES:
                    title = c
                    break
                else:
                    break
            if title is not None and len(names) >= 2 and names[0].i == title.i + 1:
                span = doc[names[0].i:tok.i + 1]
                for t in span:
                    self._person_ent[t.i] = span

    def _is_title_word(self, t: Any) -> bool:
        return bool(t.pos_ == "NOUN" or t.lower_ in self.g.sectors)

    def _remember_title(self, word: Any, person: Actor) -> None:
        """Remember the person under a title word in front of the name ("Foreign Ministry spokesperson
        Lin Jian" ... "the spokesperson"), when it is a noun or a sector word."""
        if self._is_title_word(word):
            self._by_title[word.lemma_.lower()] = person

    def _link_later_surnames(self) -> None:
        """A surname the entity recogniser did not tag ("Petrosyan said" after "its negotiator, Arman
        Petrosyan,") still refers to the person named earlier with it."""
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.i in self._by_head or tok.dep_ in HEAD_DEPS_MODIFIER:
                continue
            known = self._by_surname.get(tok.text)
            if known is not None and known.start is not None and known.start < tok.idx and known.name \
                    and known.name.split()[-1] == tok.text:
                self._by_head[tok.i] = _placed(known, tok.text, tok.idx, tok.idx + len(tok.text))
                self._person_refs.add(tok.i)

    def _link_possessed_bodies(self) -> None:
        """"His office" whose owner got a country only when appositions were linked (after the first
        pass): the office takes the country of the last person named before it."""
        people = sorted((i, a) for i, a in self._by_head.items()
                        if a.code and (i in self._person_ent or i in self._person_refs))
        for i, a in list(self._by_head.items()):
            if a.code is not None or not any(c.dep_ == "poss" and c.lower_ in {"his", "her"}
                                             for c in self.doc[i].lefts):
                continue
            before = [p for j, p in people if j < i]
            if before:
                self._by_head[i] = a.model_copy(update={"code": before[-1].code})

    def _update_person(self, p_i: int, person: Actor, merged: Actor, after: int | None = None) -> None:
        """Give the person at token ``p_i`` the linked code and sector, also in the later references
        to its surname or pronoun that were resolved before the link."""
        surname = self.doc[p_i].text
        self._by_head[p_i] = merged
        self._by_surname[surname] = merged
        for i, x in list(self._by_head.items()):
            if i > (p_i if after is None else after) and x.name in (person.name, surname) and x.code is None:
                self._by_head[i] = _placed(merged, x.text, x.start, x.end)

    def _employer(self, desc: Any) -> Actor | None:
        """The coded actor a role noun is "of", "for" or "at" ("director of X", "spokesman for X")."""
        for prep in desc.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
                for p in prep.children:
                    if p.dep_ == "pobj":
                        found = self._by_head.get(p.i)
                        if found is not None and found.code:
                            return found
        return None


def _placed(actor: Actor, text: str | None, start: int | None, end: int | None) -> Actor:
    """The same actor as mentioned at another place of the text."""
    return actor.model_copy(update={"text": text, "start": start, "end": end})


def _is_org_code(code: str | None) -> bool:
    return bool(code) and (len(code or "") != 3 or code in {"WHO", "OAS", "CIS", "SCO", "ICC", "ICJ", "IMF", "WFP"})


__all__ = ["ActorResolver", "ActorsFileError", "Entry", "Gazetteer", "Mention", "find_mentions", "load_gazetteer"]
