"""PLOVER 2.0 events from the dependency parse, with a verb/noun lexicon (``data/events/lexicon.yaml``).

Method
------
For each sentence of the parsed document:

1. **Triggers.**  A verb whose lemma (or lemma + particle/preposition/object word: "call for", "pull
   out", "open fire") is in the lexicon gives its PLOVER type.  The verb's object can change it
   (``objects``: "send troops" -> MOBILIZE, "cut ties" -> SANCTION, "give a speech" -> no event); a light
   verb ("hold", "launch", "impose", "sign"...) takes the type of its object noun ("hold talks" ->
   CONSULT, "launch an attack" -> ASSAULT).  A few event nouns stand on their own when they carry an
   actor argument ("Macron's visit to Beijing", "Israeli airstrikes on Gaza").  Reporting verbs (say,
   tell, state) are not events: a sentence that only reports speech has no event; nor are denials of a
   claim ("denied the accusations"), options under consideration ("is considering sending"), or
   background clauses (relative clauses and participles: "the attack, which killed ...").
   **Framing** (PLOVER's verbal types): an intended cooperative action ("will provide aid", "is
   willing to withdraw") is preceded by an AGREE event, an intended sanction/coercion/assault ("plans
   to impose sanctions", "unless ...") by THREATEN, a refused or negated cooperative action ("will not
   accept", "failed to reach a deal") by REJECT, and "X said Y must <do something>" gives a REQUEST from X
   to Y; "called for sanctions against X" is an ACCUSE.
2. **Arguments.**  Sources are the trigger's subject (the agent of a passive; for an ``xcomp`` the
   object of an object-control verb, "urged the US to halt ...", else the controlling subject; for a
   conjunct, the first conjunct's subject).  Targets are the direct object, then the objects of
   ``with/to/against/on/at/from/toward`` (on the verb or on its object: "send weapons to Russia"), the
   passive subject, and for ASSAULT/COERCE the place after "in".  Each argument phrase is mapped to
   actors by :class:`~sitrep.analyze.actors.ActorResolver` (conjuncts give several actors).
3. **Status.**  Walking up from the trigger through clausal heads: a negation or a denial verb above it
   -> ``denied``; allege/claim/accuse/suspect, "reports/claims/allegations that", "reportedly" ->
   ``alleged``; a future or modal auxiliary, an ``if`` clause, or a governing plan/readiness word ("plans
   to", "is prepared to", "will") -> ``planned``; say/announce/confirm/"according to" -> ``reported``;
   else ``asserted``.
4. **Date, place, quantity.**  The nearest DATE entity of the sentence, resolved against the
   publication date by :mod:`sitrep.analyze.time`; a GPE/LOC/FAC entity after in/near/at; a number
   modifying an argument noun ("about 200 soldiers").

Events of a sentence are ordered by the depth of their trigger in the parse (the main clause first), so
the first event is the sentence's main one; ``start``/``end`` are the sentence's offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sitrep.analyze.actors import ActorResolver, _placed
from sitrep.analyze.nlp import SAYING, by_the_press, depth, nearest_first, reporter_of_conjunct, verb_above
from sitrep.analyze.time import resolve_date
from sitrep.model import Actor, Event

LEXICON = Path(__file__).resolve().parent.parent / "data" / "events" / "lexicon.yaml"

REPORT_VERBS = {"say", "tell", "announce", "state", "confirm", "add", "note", "report", "write", "declare",
                "explain", "stress", "insist", "quote", "brief", "inform", "indicate", "reveal", "disclose",
                "acknowledge", "admit", "remark", "comment", "emphasize", "emphasise", "reiterate", "tweet",
                "post", "argue", "assert", "maintain", "predict", "estimate", "show", "find", "learn"}
ALLEGE_WORDS = {"allege", "claim", "accuse", "suspect", "rumor", "rumour", "purport", "suggest", "speculate",
                "allegation", "accusation", "report", "reports", "claims", "rumors", "rumours", "suspicion",
                "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "believe", "fear",
                "charge", "assume"}
# verbs of speech and attitude: their subject comments on a nominal event, it does not do it
STANCE_VERBS = SAYING | {"disagree", "oppose", "support", "back", "condemn", "criticize", "criticise", "discuss",
                         "investigate", "mourn", "fear", "expect", "report", "describe", "survive", "escape",
                         "flee", "protest", "regret", "deplore", "decry", "denounce", "hail", "applaud", "witness",
                         "blame", "dispute", "acknowledge", "confirm", "deny", "reject", "dismiss", "join"}
# nouns that count people: their "of" phrase says who ("thousands of protesters")
QUANTITY_HEADS = {"ten", "tens", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
                  "millions", "score", "scores", "number", "group", "groups", "crowd", "crowds", "band", "contingent",
                  "some", "many", "most", "several", "all", "none", "few", "majority", "minority", "handful"}
# verbs whose object is the doer of the act in their "of"/"for" phrase ("accused X of attacking Y")
BLAME_VERBS = {"accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "denounce",
               "fault", "praise", "thank", "punish", "sanction", "convict", "indict", "arrest"}
# verbs of asking: what they ask for has not happened
REQUEST_HEADS = {"urge", "ask", "call", "demand", "press", "request", "appeal", "implore", "beg", "push"}
DENY_WORDS = {"deny", "dismiss", "refute", "rebut", "reject", "disprove", "contradict"}
PLAN_WORDS = {"plan", "intend", "prepare", "prepared", "aim", "expect", "hope", "want", "propose", "consider",
              "offer", "promise", "pledge", "vow", "ready", "willing", "schedule", "scheduled", "due", "set",
              "seek", "try", "attempt", "mull", "weigh", "threaten", "likely", "poised", "decide", "agree",
              "able", "wish", "would", "could", "need", "open"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "could", "may", "might", "can", "should", "must"}
NEG = {"not", "n't", "never", "no"}
UP_DEPS = {"ccomp", "xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "csubj",
           "nsubj", "nsubjpass", "attr", "oprd", "acomp", "parataxis", "compound", "amod", "appos", "advmod"}
TARGET_PREPS = ("with", "to", "against", "on", "at", "from", "toward", "towards", "into", "upon", "for", "over")
# prepositions that place an event in time by another one ("after the visit")
TEMPORAL_PREPS = {"after", "before", "since", "following", "amid", "during", "until", "ahead"}
# event types whose "in" phrase names the target ("troops withdrew from / struck in X")
IN_TARGET = {"ASSAULT", "COERCE", "SANCTION", "RETREAT"}
# types whose place ("held talks in Oman") is only the venue, never the other side (the PLOVER GSR
# codes the place of most other types as their target: "threatened a curfew in Algiers" -> DZA)
VENUE_NOT_TARGET = {"CONSULT"}
# subordinators of a clause that tells the circumstances of an act, not its arguments ("asked X to
# wait while it pursued talks with Moscow"); "if" clauses stay: "ready to send troops if needed in Y"
CIRCUMSTANCE_MARKS = {"while", "whereas", "although", "though", "as", "after", "before", "since", "because",
                      "when", "until", "once"}
# noun events whose "of" phrase names the target once the doer is named ("Israel's blockade of Gaza")
PATIENT_OF = {"ASSAULT", "COERCE", "MOBILIZE"}
LOC_PREPS = {"in", "near", "at", "outside", "inside", "across", "around", "throughout", "into"}
RE_RELATIVE = re.compile(
    r"\b(?:(?:late|early|earlier|later)\s+)?(?:(?:this|last|next|past|previous)\s+(?:year|month)|yesterday|today)\b",
    re.I)
INTENT_WORDS = {"willing", "ready", "prepared", "plan", "intend", "decide", "swear", "vow", "want", "aim",
                "determined", "poised", "set", "prepare", "eager", "going", "resolve", "mean", "sworn"}
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL_CONFLICT = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
FIRST_PLURAL = {"we", "us", "our"}
TOPIC_VERBS = {"discuss", "debate", "negotiate", "consider", "address", "review", "examine"}
VEHICLES = {"ship", "ships", "vessel", "vessels", "boat", "boats", "aircraft", "jet", "jets", "warship", "warships",
            "drone", "drones", "tank", "tanks", "helicopter", "helicopters"}
MATTER_WORDS = {"state", "emergency", "fund", "funds", "money", "tranche", "payment", "loan", "financing", "assistance",
                "fire", "gunfire", "shot", "shots"}
# abstract causes that do things to no one in particular
CAUSES = {"sanction", "sanctions", "measure", "policy", "law", "rule", "decision", "move", "war", "conflict", "crisis",
          "tariff", "price", "shortage", "inflation", "drought", "flood", "storm", "earthquake", "pandemic",
          "virus", "weather", "debris", "recession", "blaze"}
INSTRUMENTS = {"money", "fund", "funds", "aid", "package", "loan", "grant", "cash", "payment", "investment", "deal",
               "sale", "agreement", "measure", "plan", "law", "rule", "system"}
PERSON_ROLES = {"president", "minister", "leader", "spokesman", "spokeswoman", "spokesperson", "official", "chief",
                "secretary", "chancellor", "envoy", "ambassador", "governor", "mayor", "commander", "general", "king",
                "premier", "senator", "lawmaker", "head", "director", "negotiator", "candidate", "lawyer", "adviser"}
# verbal acts done by way of another act, whose doer a purpose clause takes from it ("summoned the
# ambassador to protest against ...", "marched to protest against the government")
PURPOSE_ACTS = {"protest", "complain", "demand", "discuss", "press", "express", "condemn", "denounce"}
# phrasal triggers that are events only with one of these places: "took to the streets"
PHRASE_PLACES = {("take", "to"): {"street", "streets", "road", "roads", "square", "squares", "barricades"}}
# prepositions whose phrase never names whom an event is done to
NON_TARGET_PREPS = {"outside", "without", "except", "unlike", "like", "besides", "beyond"}
NONPERSONAL = {"it", "its", "they", "them", "their"}
OBJECT_PRONOUNS = {"him", "them", "us"}
ANAPHORS = {"it", "they", "them", "its", "their", "he", "she", "his", "her", "him", "we", "our"}
STATIVE_PASSIVE = {"oppose", "commit", "determine", "prepare", "dedicate", "resolve", "engage", "opposed",
                   "committed", "determined", "prepared"}
CLAIM_VERBS = {"deny", "dismiss", "refute", "reject"}
SPECULATIVE = {"consider", "mull", "weigh", "hope", "wish", "skeptical", "sceptical", "doubt", "debate", "study",
               "explore", "discuss", "contemplate", "ponder"}
RELATIVE = {"that", "which", "who", "whom", "whose"}


@dataclass
class Lexicon:
    """The trigger lexicon (see ``data/events/lexicon.yaml`` for its format)."""

    verbs: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[list[str], str, str | None]]] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    standalone: set[str] = field(default_factory=set)
    light: set[str] = field(default_factory=set)
    objects: dict[tuple[str, str], str | None] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The event lexicon (read once per process)."""
    data = yaml.load(LEXICON.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    lex = Lexicon()
    secondary: dict[str, tuple[str, str | None]] = {}
    for etype, words in data["verbs"].items():
        for w in words:
            w = str(w).strip()
            mode: str | None = None
            weak = False
            if "/" in w:
                w, m = w.split("/", 1)
                mode = m or None
                weak = not m
            parts = w.split()
            if len(parts) > 1:
                lex.phrases.setdefault(parts[0], []).append((parts[1:], etype, mode))
            elif weak:
                secondary.setdefault(w, (etype, mode))
            else:
                lex.verbs.setdefault(w, (etype, mode))
    for w, v in secondary.items():
        lex.verbs.setdefault(w, v)
    for etype, words in data["nouns"].items():
        for w in words:
            lex.nouns.setdefault(str(w).lower(), etype)
    lex.standalone = {str(w).lower() for w in data.get("standalone_nouns") or []}
    lex.light = {str(w).lower() for w in data.get("light_verbs") or []}
    for item in data.get("objects") or []:
        for o in item["object"]:
            lex.objects[(item["verb"], str(o).lower())] = item.get("type")
    return lex


def _noun_key(tok: Any) -> list[str]:
    """Lookup keys for a noun: "air strike" (compound + head), "legal action" (adjective + head),
    lemma, lower form."""
    keys = []
    comp = [c for c in tok.lefts if c.dep_ == "compound"]
    if comp:
        keys.append(f"{comp[-1].lower_} {tok.lower_}")
        keys.append(f"{comp[-1].lower_} {tok.lemma_.lower()}")
    adj = [c for c in tok.lefts if c.dep_ == "amod"]
    if adj:  # "legal action", "joint exercises"
        keys.append(f"{adj[-1].lower_} {tok.lower_}")
    keys.append(tok.lower_)
    keys.append(tok.lemma_.lower())
    return keys


def _objects(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_ in {"dobj", "obj"}]


def _object_nouns(tok: Any) -> list[Any]:
    """The direct objects (or the passive subject) and, behind each, the noun of its "of" phrase: in
    "launched two days of exercises" and "approved a package of sanctions" that noun says what the act is."""
    out = []
    # (in the passive the object is the subject: "no agreement was reached"; an object predicate
    # names what the object is made: "declared persona non grata")
    for o in _objects(tok) + [c for c in tok.children if c.dep_ in ("nsubjpass", "oprd")]:
        out.append(o)
        out.extend(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobj_of(c))
        out.extend(c for c in o.conjuncts if c.i > o.i)  # "sent police and soldiers"
    return out


@dataclass
class Trigger:
    tok: Any
    type: str
    mode: str | None
    nominal: bool = False
    obj_noun: Any = None  # the event noun of a light-verb construction
    frame_only: bool = False  # "X said Y must <verb>": only the demand, the action is unknown


def _verb_trigger(tok: Any, lex: Lexicon) -> Trigger | None:
    lemma = tok.lemma_.lower()
    objs = _objects(tok)
    if lemma == "call" and (any(c.dep_ in {"oprd", "attr", "ccomp"} for c in tok.children) or len(objs) > 1):
        return None  # "called the strikes executions", "called the deal a milestone": a naming
    # object-specific readings first ("handed over proposals" is no retreat, "declared persona non
    # grata" is an expulsion)
    for o in _object_nouns(tok):
        for key in _noun_key(o):
            if (lemma, key) in lex.objects:
                t = lex.objects[(lemma, key)]
                # (an object that is the act's matter is not whom it is done to: "declared a state of
                # emergency", "sent police and soldiers"; "expelled two diplomats" keeps its target)
                matter = t == "MOBILIZE" or any(k in lex.nouns for k in _noun_key(o)) \
                    or o.lemma_.lower() in MATTER_WORDS
                return Trigger(tok, t, None, obj_noun=o if matter else None) if t else None
    if lemma in REPORT_VERBS and lemma not in lex.verbs and lemma not in lex.light:
        return None
    # phrasal entries: the further words must be children (particle, preposition, object)
    for words, etype, mode in lex.phrases.get(lemma, []):
        # (not an auxiliary: "known to have been taken" is no "take to")
        real = [c for c in tok.children if c.dep_ not in {"aux", "auxpass", "neg", "punct"} and not (
            c.dep_ == "prep" and any(p.ent_type_ in {"DATE", "TIME"} for p in c.children))]
        kids = {c.lower_ for c in real} | {c.lemma_.lower() for c in real}
        if all(w in kids for w in words):
            places = PHRASE_PLACES.get((lemma, *words))
            if places is not None and not any(
                    p.lemma_.lower() in places for c in real if c.lower_ in words for p in _pobj_of(c)):
                continue  # "took to social media", "taken to the courts": no protest
            return Trigger(tok, etype, mode)
    if lemma in _ORDER_VERBS and any(o.lemma_.lower() in _ENVOYS for o in objs) and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in ("leave", "depart", "quit") for c in tok.children):
        return Trigger(tok, "SANCTION", None)  # "ordered France's ambassador to leave": an expulsion
    if lemma in {"help", "assist", "contribute"} and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in INSTRUMENTS for c in tok.children):
        return None  # "the money would help restore the grid": a means, not an actor
    if any(n.pos_ == "NOUN" and n.lemma_.lower() in CAUSES for n in (_noun_of(c) for c in tok.children
                                                                    if c.dep_ == "nsubj")):
        return None  # "sanctions that were blocking the recovery", "the war has destroyed ...": no actor acts
    # light verbs take the type of their event noun
    if lemma in lex.light:
        for o in objs:
            for key in _noun_key(o):
                if key in lex.nouns:
                    return Trigger(tok, lex.nouns[key], None, obj_noun=o)
    if lemma in lex.verbs:
        if lemma in CLAIM_VERBS and not objs:
            return None  # "denied that ...": a claim about an event, not an event
        if lemma in {"conclude", "determine", "find"} and any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "after concluding that the group had committed genocide": a finding
        if lemma == "return" and not _returns_something(tok):
            return None  # "returned to office", "will return to the aid package": no retreat
        etype, mode = lex.verbs[lemma]
        kid_deps = {c.dep_ for c in tok.children}
        if etype == "REJECT" and any(c.dep_ == "xcomp" and (c.lemma_.lower() in _NO_COMMENT or (
                c.lemma_.lower() in {"give", "provide", "offer", "share", "release"} and any(
                    o.lemma_.lower() in _INFORMATION for o in _objects(c)))) for c in tok.children):
            return None  # "declined to comment", "declined to give details": not a rejection
        if etype == "ACCUSE" and lemma in ("question", "quiz", "grill") and "auxpass" in kid_deps \
                and "agent" not in kid_deps:
            return None  # "the crew was questioned": an interrogation by someone unnamed, not an accusation
        if lemma == "warn":
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if not comps and not any(c.dep_ == "xcomp" for c in tok.children) and any(
                    c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
                return None  # "had warned Poland about stray drones": information, not a threat
            if comps and not any(k.dep_ == "aux" and k.lower_ in _THREAT_MODALS for c in comps for k in c.children):
                return None  # "warned that Russia is stepping up sabotage": a statement, not a threat
            if comps and all(_thing(k) for c in comps for k in c.children if k.dep_ == "nsubj"):
                return None  # "warned that a leak could devastate reefs": a danger foreseen, not a threat
        if lemma == "ask" and by_the_press(tok):
            return None  # "when asked by reporters": a question at a press briefing, not a request
        if lemma == "agree" and not objs and not any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children):
            withs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in _pobj_of(c)]
            if withs and all(w.pos_ in {"PRON", "NOUN"} and w.ent_type_ == "" and not _is_actorish(w)
                             for w in withs):
                return None  # "agree with the recommendation": an opinion
        return Trigger(tok, etype, mode)
    return None


_AGENT_NOUNS = {"force", "troop", "army", "military", "navy", "country", "nation", "state", "government", "regime",
                "retaliation", "response", "side", "ally", "group", "militant", "rebel", "administration",
                "police", "authority", "security", "guard", "militia", "fighter", "soldier", "official",
                "leadership", "junta", "coalition", "alliance", "bloc", "union", "ministry", "court"}


def _thing(subj: Any) -> bool:
    """A subject that is no one who could carry out a threat: a common noun naming no actor."""
    return subj.pos_ == "NOUN" and not subj.ent_type_ and not _is_actorish(subj) \
        and subj.lemma_.lower() not in _AGENT_NOUNS


_HOME_WORDS = {"home", "base", "bases", "barracks", "homeland", "country"}


def _returns_something(tok: Any) -> bool:
    """"return" as a retreat: something is returned ("returned the bodies"), or someone goes back
    from a place or to a place ("returned from the front", "troops returned to their bases")."""
    if _objects(tok) or any(c.lower_ in _HOME_WORDS for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "to"):
            for p in _pobj_of(c):
                if c.lower_ == "from" or p.ent_type_ in ("GPE", "LOC", "FAC") or p.lower_ in _HOME_WORDS \
                        or p.lemma_.lower() in _HOME_WORDS:
                    return True
    return False


_ORDER_VERBS = {"order", "tell", "instruct", "ask", "give"}
_ENVOYS = {"ambassador", "envoy", "diplomat", "attache", "attaché", "consul", "chargé", "charge", "representative",
           "staff", "mission", "delegation"}

# a warning that something will or would happen may be a threat; one that something is happening is not
_THREAT_MODALS = {"will", "would", "'ll", "could", "might", "may", "shall", "wo"}
_INFORMATION = {"detail", "information", "comment", "specific", "figure", "number", "name", "evidence", "timeline"}
_NO_COMMENT = {"comment", "say", "speak", "elaborate", "discuss", "disclose", "reveal",
               "confirm", "specify", "detail", "name", "identify", "explain"}


def _is_actorish(tok: Any) -> bool:
    return tok.lemma_.lower() in {"government", "official", "minister", "president", "leader", "country",
                                  "side", "party", "rebel", "counterpart", "ally", "partner"}


def _subject(tok: Any, seen: int = 0) -> tuple[Any | None, bool]:
    """The token heading the trigger's source (subject/agent), and whether the clause is passive."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
    if passive:
        for c in tok.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p, True
        if tok.lemma_.lower() in STATIVE_PASSIVE:  # "Israel is opposed to ...": a state of the subject
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            return subj, False
        return None, True
    # the subject nearest the verb: a wire dateline ("JERUSALEM, April 14 - Iran fired ...") is
    # sometimes parsed as a second, earlier subject
    subjects = nearest_first([c for c in tok.children if c.dep_ in {"nsubj", "csubj", "expl"}], tok)
    if subjects:
        c = subjects[0]
        if c.lower_ in RELATIVE and tok.dep_ == "relcl":
            return tok.head, False
        return c, False
    if seen > 4:
        return None, False
    head = tok.head
    if head.i == tok.i:
        return None, False
    if tok.dep_ == "xcomp":
        objs = _objects(head)
        if objs:
            return objs[0], False
        asked = [p for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i < tok.i
                 for p in _pobj_of(c)]
        if asked and head.lemma_.lower() in REQUEST_HEADS:
            return asked[0], False  # "called on Guterres to withdraw the peacekeepers": Guterres withdraws
        raised = next((c for c in head.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
        if raised is not None:
            return raised, False  # "Sisi is expected to host talks": Sisi hosts
        return _subject(head, seen + 1)[0], False
    if (rep := reporter_of_conjunct(tok)) is not None:
        return _subject(rep, seen + 1)[0], False  # "X said A and warned B": X warned
    if tok.dep_ in {"conj", "acomp", "attr"}:
        if tok.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in head.children):
            return next(c for c in head.children if c.dep_ == "nsubjpass"), False
        if tok.dep_ == "conj":
            # "rejected the findings as motivated and accused X": the parser hung the second verb on
            # a word of the first one's phrase; it shares the nearest verb's subject
            head = verb_above(head)
        return _subject(head, seen + 1)[0], False
    prep = head
    while prep.dep_ == "conj" and prep.head.dep_ == "prep" and prep.head.i != prep.i:
        prep = prep.head  # "accused X of A and of B"
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and any(c.dep_ == "auxpass" for c in head.head.children):
        patient = next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
        if patient is not None:  # "lawmakers sanctioned by Beijing for criticizing its policy"
            return patient, False
    if tok.dep_ == "pcomp" and prep.dep_ == "prep" and head.lower_ in {"of", "for"} \
            and prep.head.lemma_.lower() in BLAME_VERBS:
        objs = _objects(prep.head)
        if objs:
            return objs[0], False  # "accused Beijing of threatening peace": Beijing threatens
    if tok.dep_ in {"advcl", "pcomp"} and tok.tag_ == "VBG":
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            head = head.head  # "responded by threatening to impose tariffs": who responded
        return _subject(head, seen + 1)[0], False
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and tok.lemma_.lower() in PURPOSE_ACTS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return _subject(head, seen + 1)[0], False  # "summoned the ambassador to protest against ..."
    if tok.dep_ == "pcomp" or (tok.dep_ == "pobj"):
        return _subject(head.head if head.dep_ == "prep" else head, seen + 1)[0], False
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        if head.dep_ in {"dobj", "pobj"}:
            gov = head.head if head.dep_ == "dobj" else head.head.head
            return _subject(gov, seen + 1)[0], False
        return head, False
    return None, False


def _pobj_of(prep: Any) -> list[Any]:
    return [p for p in prep.children if p.dep_ in {"pobj", "pcomp"}]


class EventFinder:
    """Finds events in one parsed document."""

    def __init__(self, doc: Any, resolver: ActorResolver, published: str | None = None,
                 quotes: list[tuple[int, int, Actor]] | None = None) -> None:
        self.quotes = [q for q in quotes or [] if q[2].code]
        self.doc = doc
        self.r = resolver
        self.published = published
        self.lex = load_lexicon()
        self.ents = list(doc.ents)  # Doc.ents / Span.ents rebuild spans on every access: read once
        self._ent_at = {i: e for e in self.ents for i in range(e.start, e.end)}

    def actors(self, tok: Any | None) -> list[Actor]:
        if tok is None:
            return []
        if tok.lower_ in FIRST_PLURAL:
            # '"We will not accept this result," Mondlane said': the speaker's side
            speaker = next((a for s, e, a in self.quotes if s <= tok.idx < e), None)
            if speaker is not None:
                return [_placed(speaker, tok.text, tok.idx, tok.idx + len(tok.text))]
        if tok.pos_ == "PRON" and tok.lower_ in ANAPHORS and tok.lower_ not in OBJECT_PRONOUNS:
            # (an object pronoun is rarely the reporter: "the ministry said he had been detained",
            # "officials said many of them had been beaten")
            gov = self._governing_subject(tok)
            if gov is not None and tok.lower_ in {"he", "she", "his", "her"} and not self._personal(gov):
                gov = None
            # ("it", "them", "their" are no person: "allowing the other leaders to approve them")
            if gov is not None and not (tok.lower_ in NONPERSONAL and (
                    gov.ent_type_ == "PERSON" or self.r.refers_to_person(gov.i)
                    or self.r.gazetteer_kind(gov.i) == "person")):
                return self.actors(gov)
        out = self.r.actors_for_token(tok.i)
        if not out and (tok.like_num or tok.lemma_.lower() in QUANTITY_HEADS):
            # "tens of thousands of Georgians", "hundreds of soldiers": the people counted
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in _pobj_of(c):
                        return self.actors(p)
        if out and not any(a.code for a in out):
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ANAPHORS), None)
            if owner is not None:
                gov = self._governing_subject(owner)
                found = [a for a in self.actors(gov) if a.code] if gov is not None else []
                if found:
                    out = [a.model_copy(update={"code": found[0].code}) for a in out]
        if not out and tok.dep_ in {"pobj", "dobj"}:
            return []
        return [a for a in out if a.code or a.sector or a.name]

    def _governing_subject(self, pron: Any) -> Any | None:
        """The subject of the nearest clause above the pronoun's own clause ("Syria says it will ...",
        "X said their forces ..."), when that subject is not itself an unlinked pronoun."""
        cur = pron
        own = True
        for _ in range(12):
            if cur.head.i == cur.i:
                return None
            if cur.dep_ in {"ccomp", "xcomp", "advcl", "conj", "relcl", "pcomp"} and cur.pos_ in {"VERB", "AUX", "ADJ"}:
                own = False
            cur = cur.head
            if not own and cur.pos_ in {"VERB", "AUX"}:
                subj, _p = _subject(cur)
                if subj is not None and subj.i != pron.i and not (
                        subj.pos_ == "PRON" and subj.lower_ in ANAPHORS and not any(
                            a.code for a in self.r.actors_for_token(subj.i))):
                    return subj  # (a pronoun only when it is linked: "It said it would continue ...")
        return None

    def find(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            events.extend(self._sentence(sent))
        return events

    # ------------------------------------------------------------------ per sentence

    def _sentence(self, sent: Any) -> list[Event]:
        lex = self.lex
        triggers: list[Trigger] = []
        used_nouns: set[int] = set()
        for tok in sent:
            if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT" and tok.lemma_ != "be"):
                if tok.dep_ in {"amod", "relcl", "acl"} and tok.tag_ != "VBG" and not (
                        tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"}
                                                    for c in tok.children)):
                    # background: "the attack, which killed ...", "a soldier killed in ..." (not what a
                    # plan provides: "a deal under which Hamas will release the hostages")
                    continue
                if tok.dep_ in {"xcomp", "ccomp", "pcomp"} and tok.head.lemma_.lower() in SPECULATIVE:
                    continue  # "is considering giving ...": an option, not an event
                if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORT_VERBS and any(
                        c.dep_ == "neg" for c in tok.head.children):
                    continue  # "did not say it would send troops": nothing is reported
                t = _verb_trigger(tok, lex)
                lemma = tok.lemma_.lower()
                if t is not None:
                    triggers.append(t)
                    for o in _objects(tok):
                        used_nouns.add(o.i)
                elif (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORT_VERBS | {"declare", "insist"}
                      and any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in tok.children)):
                    triggers.append(Trigger(tok, "REQUEST", None, frame_only=True))
                if t is None:  # an object that the lexicon reads as no event with this verb ("issued an alert")
                    used_nouns.update(o.i for o in _objects(tok)
                                      if any((lemma, k) in lex.objects for k in _noun_key(o)))
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.i in used_nouns:
                continue
            keys = _noun_key(tok)
            key = next((k for k in keys if k in lex.standalone), None)
            if key is None:
                continue
            etype = lex.nouns.get(key) or next((lex.nouns[k] for k in keys if k in lex.nouns), None)
            if etype is None:
                continue
            if tok.dep_ in {"dobj"} and any(t.tok.i == tok.head.i for t in triggers):
                continue
            triggers.append(Trigger(tok, etype, None, nominal=True))
        if not triggers:
            return []
        dates = [e for e in self.ents if e.label_ == "DATE" and sent.start <= e.start < sent.end]
        out: list[tuple[tuple[int, int, int], Event]] = []
        for t in triggers:
            for k, ev in enumerate(self._events(t, sent, dates)):
                out.append(((1 if t.nominal else 0, depth(t.tok, 60) * 1000 + t.tok.i, k), ev))
        out.sort(key=lambda x: x[0])
        return [e for _, e in out]

    def _noun_args(self, tok: Any) -> tuple[list[Actor], list[Actor]]:
        src: list[Actor] = []
        tgt: list[Actor] = []
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in {"amod", "compound", "nmod"} and c.i not in {tok.i}):
                a = self.r.actor_for_span(c.idx, c.idx + len(c.text))
                if a is not None and a.code:
                    src.append(a)
            elif c.dep_ == "prep" and c.lower_ == "by":
                for p in _pobj_of(c):
                    src.extend(self.actors(p))
            elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS + ("in",):
                # ("a rally in Lagos": the place is coded as the target, as in the PLOVER/CAMEO data)
                for p in _pobj_of(c):
                    tgt.extend(a for a in self.actors(p) if a.code)
        if src and not tgt and self.lex.nouns.get(tok.lemma_.lower()) in PATIENT_OF:
            # with the doer named in front ("Russia's invasion of Ukraine"), "of" names the one it is done to
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in _pobj_of(c):
                        tgt.extend(a for a in self.actors(p) if a.code)
        return src, tgt

    def _events(self, t: Trigger, sent: Any, dates: list[Any]) -> list[Event]:
        """The trigger's event, preceded by the verbal event it is framed as, if any: an intention
        ("will provide aid" -> AGREE; "plans to impose sanctions" -> THREATEN), a refusal ("will not
        accept" -> REJECT) or a demand ("Y must withdraw", said X -> REQUEST from X to Y)."""
        tok = t.tok
        etype = t.type
        mode = t.mode
        if t.nominal:
            sources, targets = self._noun_args(tok)
            if not sources and tok.dep_ in {"dobj", "nsubj", "pobj", "attr"}:
                verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                if verb.lemma_.lower() not in STANCE_VERBS:
                    # ("Israel intensified airstrikes": the subject does it; not "Guinea disagreed with
                    # the sanctions" or "Russia condemned the attack": an attitude toward someone's act)
                    subj, _ = _subject(verb)
                    sources = self.actors(subj) if subj is not None and subj.i != tok.i else []
            if not sources and not targets:
                return []
        else:
            subj, passive = _subject(tok)
            sources = self.actors(subj)
            targets = self._targets(tok, t, passive, etype, {a.code for a in sources if a.code})
            if not sources and not targets and not self._has_args(tok):
                return []
        lemma = tok.lemma_.lower()
        if etype == "REQUEST" and self._asks_for_punishment(tok):
            etype = "ACCUSE"  # "called for sanctions against X": disapproval of X
        if etype == "PROTEST" and mode == "demonstrate" and (
                any(c.dep_ == "ccomp" for c in tok.children)
                or sources and all(a.code and (a.sector in {"GOV", "IGO"} or a.sector is None and self._state_named(a))
                                   for a in sources)):
            etype, mode = "ACCUSE", None
        if etype == "ASSAULT" and lemma in {"raid", "storm", "search"} and sources and all(
                a.sector in {"POL", "JUD"} for a in sources):
            etype = "COERCE"  # "police raided the offices": a police action, not an armed attack
        if lemma in {"block", "blockade", "occupy"} and sources and all(
                a.sector in {"CVL", "BUS", "LEG", None} and not (a.sector is None and a.code and a.start is not None
                                                                 and self.r.text[a.start:a.end] == a.name)
                for a in sources) and not any(w in VEHICLES for a in sources for w in (a.text or "").lower().split()):
            # (protesters block roads; "Chinese ships tried to block a boat" is coercion)
            etype = "PROTEST"
        sources = _dedupe(sources)
        # a target that repeats a source's mention is no target; the same state named again as the
        # place or the other side of a domestic event is one ("Nigerians rallied in Lagos": NGA -> NGA)
        src_names = {(a.code, (a.text or "").lower()) for a in sources}
        src_starts = {a.start for a in sources if a.start is not None}
        targets = [a for a in _dedupe(targets) if not a.code or (
            (a.code, (a.text or "").lower()) not in src_names and a.start not in src_starts)]
        status = self._status(tok)
        future = status == "planned"  # ("expected to be freed on Monday": the coming Monday)
        past = not future and tok.tag_ in {"VBD", "VBN"}  # ("visited Moscow in September", in June: last year's)
        date = self._date(tok, dates, future, past)
        if date is None and not (dates and all(_in_other_clause(tok, e.root) for e in dates)):
            # (not when the sentence's dates all belong to other clauses: "ahead of exercises due to
            # begin on Friday")
            date = self._sentence_date(sent, future)
        base = dict(date=date, location=self._location(tok, t), quantity=self._quantity(tok, t),
                    trigger=tok.text, start=sent.start_char, end=sent.end_char)
        main = Event(type=etype, mode=mode, sources=sources, targets=targets, status=status, **base)
        if t.nominal:
            return [main]
        frame = self._frame(tok, etype)
        if frame is None:
            return [] if t.frame_only else [main]
        ftype, fsrc, ftgt = frame
        if ftype == "REQUEST":
            fsources, ftargets = fsrc, sources
        else:
            fsources, ftargets = sources, targets
        fstatus = self._status(tok, frame=True)
        framed = Event(type=ftype, sources=fsources, targets=ftargets, status=fstatus, **base)
        return [framed] if t.frame_only else [framed, main]

    def _frame(self, tok: Any, etype: str) -> tuple[str, list[Actor], list[Actor]] | None:
        """How the action is framed: ("AGREE"|"THREATEN"|"REJECT"|"REQUEST", request sources, [])."""
        aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
        neg = any(c.dep_ == "neg" for c in tok.children)
        intent = bool(aux & {"will", "shall", "'ll", "wo", "would"})
        must = bool(aux & {"must", "should"})
        cur = tok
        for _ in range(3):
            if cur.dep_ not in {"xcomp", "acomp", "ccomp"} or cur.head.i == cur.i:
                break
            hl = cur.head.lemma_.lower()
            if cur.dep_ in {"xcomp", "acomp"} and hl in INTENT_WORDS:
                intent = True
                neg = neg or any(c.dep_ == "neg" for c in cur.head.children)
            if hl in {"fail", "refuse", "decline"} and cur.dep_ == "xcomp":
                neg = True
            if cur.dep_ == "ccomp":
                break
            cur = cur.head
        if _conditional(tok):
            return None  # "... if they did not release the hostages": a condition, not a refusal
        if any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
               for c in tok.children):
            intent = True
        coop = etype in COOPERATIVE
        # an intended deployment is not a threat in itself ("ready to send peacekeepers")
        conflict = etype in MATERIAL_CONFLICT - {"MOBILIZE"} or tok.lemma_.lower() == "boycott"
        able = bool(aux & {"could", "can", "ca", "may", "might"})  # "could not have reached": ability, not refusal
        if neg and not able and (coop or etype == "AGREE"):
            return ("REJECT", [], [])
        if must and not neg:
            speaker: list[Actor] = []
            up = tok
            for _ in range(4):
                if up.head.i == up.i:
                    break
                up = up.head
                if up.lemma_.lower() in REPORT_VERBS or up.lemma_.lower() in {"insist", "demand", "declare"}:
                    subj, _p = _subject(up)
                    speaker = self.actors(subj)
                    break
            return ("REQUEST", speaker, [])
        if intent and not neg:
            if coop:
                return ("AGREE", [], [])
            if conflict:  # (as in the PLOVER GSR: "announced that he will extend the curfew" is a threat)
                return ("THREATEN", [], [])
        return None

    def _personal(self, tok: Any) -> bool:
        """``tok`` can stand for a person: a name, a listed person, a person's role noun."""
        return (tok.ent_type_ == "PERSON" or tok.lower_ in {"he", "she"} or self.r.refers_to_person(tok.i)
                or self.r.gazetteer_kind(tok.i) == "person"
                or tok.lemma_.lower() in PERSON_ROLES or any(
                    c.dep_ == "appos" and c.ent_type_ == "PERSON" or c.dep_ == "compound"
                    and c.lemma_.lower() in PERSON_ROLES for c in tok.children))

    def _state_named(self, a: Actor) -> bool:
        """The actor is a state or capital named as such ("Sudan", "Nairobi"), not its people ("Georgians")."""
        if a.start is None or a.end is None:
            return False
        span = self.doc.char_span(a.start, a.end, alignment_mode="expand")
        return span is not None and self.r.gazetteer_kind(span.root.i) in {"country", "capital"}

    def _asks_for_punishment(self, tok: Any) -> bool:
        objs = _objects(tok) + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in _pobj_of(c)]
        for o in objs:
            for key in _noun_key(o):
                if self.lex.nouns.get(key) in {"SANCTION", "COERCE"}:
                    return True
        return False

    def _has_args(self, tok: Any) -> bool:
        return any(c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent"} for c in tok.children) or tok.dep_ in {
            "xcomp", "conj", "relcl", "acl"}

    def _targets(self, tok: Any, t: Trigger, passive: bool, etype: str, src: set[str]) -> list[Actor]:
        out: list[Actor] = []

        def coded() -> bool:
            return any(a.code and a.code not in src for a in out)

        objs = [o for o in _objects(tok) if not _projectile(tok, o)]
        launch = tok.lemma_.lower() in _LAUNCH_VERBS  # ("fired from an area near Pyongyang": the origin)
        if passive:
            for c in tok.children:
                if c.dep_ == "nsubjpass" and not _projectile(tok, c):
                    out.extend(self.actors(c))
        for c in tok.children:
            if c.dep_ == "dative":
                out.extend(self.actors(c) if c.pos_ != "ADP" else [a for p in _pobj_of(c) for a in self.actors(p)])
        matter = {t.obj_noun.i} | {c.i for c in t.obj_noun.conjuncts} if t.obj_noun is not None else set()
        if t.obj_noun is not None and t.obj_noun.head.i != tok.i:  # (the noun behind "two days of exercises")
            matter |= {t.obj_noun.head.i}
        for o in objs:
            if o.i in matter:
                continue
            out.extend(a for a in self.actors(o))
        holders = [tok] + objs
        if t.obj_noun is not None:
            holders.append(t.obj_noun)
        if etype in {"REQUEST", "ACCUSE", "THREATEN"} and not coded():
            # "demanded that the US cancel ...": the one asked is the subject of the demanded clause
            for c in tok.children:
                if c.dep_ in {"ccomp", "xcomp"}:
                    subj, _p = _subject(c)
                    if subj is not None:  # (not the speaker's own state: "warned that Russia would respond")
                        out.extend(a for a in self.actors(subj) if a.code and not (a.code in src and a.sector is None))
            for o in objs:  # "demanded the withdrawal of Serbian forces"
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for p in _pobj_of(c):
                            out.extend(a for a in self.actors(p) if a.code)
        if not coded():
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in TARGET_PREPS and not (launch and c.lower_ == "from"):
                        for p in _pobj_of(c):
                            out.extend(a for a in self.actors(p) if a.code)
                        if c.lower_ in {"with", "to", "against", "on"} and coded():
                            break
        if not coded() and etype in IN_TARGET:
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in {"in", "into", "inside"}:
                        for p in _pobj_of(c):
                            out.extend(a for a in self.actors(p) if a.code)
        if not coded():
            if etype != "CONSULT" or tok.lemma_.lower() not in TOPIC_VERBS:
                # ("discussed the idea of joining peacekeeping efforts in Ukraine": a topic, not a party)
                out.extend(self._subtree_target(tok, etype, matter))
        return out

    def _subtree_target(self, tok: Any, etype: str, matter: set[int] | None = None) -> list[Actor]:
        """Last resort: the first state/organisation named as a noun argument inside the trigger's own
        clause (not in its subject, not in an embedded clause with its own subject)."""
        skip: set[int] = set(matter or ())  # (the act's matter: "sent police and soldiers to the border")
        own_object = bool(_objects(tok))
        # phrases that never name the other side: "within 24 hours of the government's approval" (when;
        # the PLOVER GSR does code actors of "after"/"following" phrases as targets), "outside the EU
        # budget", the venue of talks ("held talks in Oman"), where a missile was fired from
        no_target = NON_TARGET_PREPS | {"within"} | ({"in", "at", "inside"} if etype in VENUE_NOT_TARGET else set())
        launch = tok.lemma_.lower() in _LAUNCH_VERBS
        for x in tok.subtree:
            if x.dep_ == "prep" and (x.lower_ in no_target or launch and x.lower_ == "from" and x.head.i == tok.i):
                skip.update(y.i for y in x.subtree)
        for c in tok.children:
            if c.dep_ in {"nsubj", "nsubjpass", "ccomp", "parataxis", "csubj"} or (
                    c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and (
                        (own_object and c.lemma_.lower() in self.lex.verbs) or c.lemma_.lower() in REPORT_VERBS
                        or any(k.dep_ == "nsubj" for k in c.children))) or (
                    c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in CIRCUMSTANCE_MARKS
                                              for k in c.children)) or (
                    c.dep_ == "xcomp" and own_object):
                # ("condemned X and said ...", "welcomed the package and urged ...": a coordinated
                # report, a coordinated event of its own after an object, a clause of circumstance
                # ("while it pursued talks with Moscow") or what the object is asked to do ("urged Europe to
                # seize Russian assets") is not the event's argument; a shared one is: "established
                # ties with and opened an embassy in Y")
                skip.update(x.i for x in c.subtree)
        for x in tok.subtree:
            # "according to Yle": who reports the event is not its target
            if x.lower_ == "according" and x.i not in skip:
                skip.update(y.i for y in x.subtree)
            # a second act hung on a word of the first one's phrase ("rejected the findings as
            # motivated and accused Britain"): its arguments are its own
            if x.dep_ == "conj" and x.pos_ == "VERB" and x.head.pos_ not in ("VERB", "AUX") \
                    and x.lemma_.lower() in self.lex.verbs and x.i not in skip:
                skip.update(y.i for y in x.subtree)
            # a relative clause inside an argument ("the cable that links Finland and Estonia")
            # says something about the argument, not who the event is done to
            if x.i != tok.i and x.dep_ == "relcl" and x.i not in skip and any(
                    k.tag_ in ("WDT", "WP", "WP$") or k.lower_ == "that" for k in x.children):
                skip.update(y.i for y in x.subtree)
            # a clause of its own deeper down ("the first test, a week before leaders gather in
            # the South Korean city"): its arguments are not this event's
            if x.i != tok.i and x.i not in skip and (
                    x.dep_ == "conj" and any(k.dep_ in ("nsubj", "nsubjpass") for k in x.children)
                    or x.dep_ == "advcl" and any(k.dep_ == "nsubj" for k in x.children)
                    or any(k.dep_ == "mark" and k.lower_ in CIRCUMSTANCE_MARKS for k in x.children)):
                skip.update(y.i for y in x.subtree)
        for x in tok.subtree:
            if x.i in skip or x.i == tok.i or x.dep_ not in {"pobj", "dobj"}:
                continue
            found = [a for a in self.actors(x) if a.code]
            if found:
                return found
        return []

    # ------------------------------------------------------------------ attributes

    def _status(self, tok: Any, frame: bool = False) -> str:
        """Status of the event at ``tok``; ``frame``: of the framing event (intent, refusal, demand),
        which is stated now, so negation and futurity of the action do not apply to it."""
        negated = any(c.dep_ == "neg" or c.lower_ in NEG and c.dep_ in {"advmod", "det"} for c in tok.children) or any(
            k.dep_ == "det" and k.lower_ == "no" for c in tok.children if c.dep_ in {"nsubjpass", "dobj"}
            for k in c.children)  # "no agreement was reached", "received no information"
        conditional = _conditional(tok)
        planned = any(c.dep_ in {"aux"} and c.lower_ in FUTURE_AUX for c in tok.children)
        if frame:
            negated = planned = False
        planned = planned or conditional
        alleged = any(c.lower_ in ALLEGE_WORDS for c in tok.children if c.dep_ == "advmod")
        reported = any(c.dep_ == "prep" and c.lower_ == "according" for c in tok.children)
        denied = False
        cur = tok
        steps = 0
        while cur.head.i != cur.i and steps < 8:
            dep = cur.dep_
            head = cur.head
            steps += 1
            if dep not in UP_DEPS:
                break
            if dep == "pobj" and head.lower_ in TEMPORAL_PREPS:
                break  # "after a visit to Taiwan by Pelosi": a past event that dates another, not planned with it
            hl = head.lemma_.lower()
            if (dep in {"xcomp", "acomp"} or (dep == "ccomp" and hl in PLAN_WORDS)) and not (
                    frame and steps == 1):
                # (an attempt made is an act: "demonstrators who tried to storm the palace")
                if hl in PLAN_WORDS and not (hl in {"try", "attempt"} and head.tag_ in {"VBD", "VBN"}):
                    planned = True
                    if any(c.dep_ == "neg" for c in head.children) and hl in {"plan", "intend", "aim", "mean"}:
                        denied = True  # "had not planned to strike targets in Poland"
            if hl in DENY_WORDS and dep in {"ccomp", "xcomp", "pcomp", "dobj", "pobj", "acl"}:
                denied = True
            if hl in {"refuse", "decline", "fail"} and dep == "xcomp" and not (frame and steps == 1):
                denied = True  # "refused to back the aid": not done (the refusal itself is the frame)
            # (what is alleged lies under the allegation; a coordinated act does not: "accused X
            # of Y and urged Z" -- the urging is stated)
            if (hl in ALLEGE_WORDS or head.lower_ in ALLEGE_WORDS) and dep != "conj":
                if head.lower_ != "reported" or dep != "ccomp" or any(
                        c.dep_ == "auxpass" for c in head.children):
                    alleged = True
                else:
                    reported = True
            if hl in REPORT_VERBS:
                reported = True
            if (hl in REQUEST_HEADS or hl in {"require", "oblige", "force"}) and dep in {"xcomp", "ccomp"}:
                planned = True  # "urged Europe to go further by seizing assets": asked for, not done
            if dep == "dobj" and (hl in PLAN_WORDS or hl in SPECULATIVE) and steps == 1:
                planned = True  # "was considering sanctions": an option, not done
            for c in head.children:
                if c.dep_ == "advcl" and c.i != cur.i:
                    continue
                if c.dep_ == "mark" and c.lower_ in {"if", "unless"} and dep in {"conj"}:
                    planned = True
                if c.dep_ == "prep" and c.lower_ == "according":
                    reported = True
            if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in head.children) and dep in {
                    "xcomp", "conj"}:
                planned = True
            if dep in {"conj"} and any(c.dep_ == "neg" for c in head.children):
                pass
            cur = head
        if conditional and not frame:
            return "planned"  # "if they did not release the hostages": a condition, neither done nor denied
        if denied or negated:
            return "denied"
        if alleged:
            return "alleged"
        if planned:
            return "planned"
        if reported:
            return "reported"
        return "asserted"

    def _date(self, tok: Any, dates: list[Any], future: bool = False, past: bool = False) -> str | None:
        if not dates:
            return None
        # a date inside another clause below the trigger ("talks, which Beijing had cut off in August
        # 2022") dates that clause's event, not this one
        anchor = verb_above(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
        # (a date on the saying verb above dates the event too: "said on Friday it had lodged a protest")
        own = [e for e in dates if not _in_other_clause(tok, e.root) and not _in_other_clause(anchor, e.root)]
        ranked = sorted(own, key=lambda e: (0 if _governs(tok, e.root) else 1, abs(e.root.i - tok.i)))
        for e in ranked:
            # (a date on the saying verb above is the report's, in the past: "said on Thursday it would")
            on_report = _on_report_verb(tok, e.root)
            d = resolve_date(e.text, self.published, future and not on_report, past or on_report)
            if d:
                return d
        return None

    def _sentence_date(self, sent: Any, future: bool = False) -> str | None:
        """Fallback when no DATE entity resolves: relative expressions in the sentence text."""
        m = RE_RELATIVE.search(sent.text)
        return resolve_date(m.group(0), self.published, future) if m else None

    def _location(self, tok: Any, t: Trigger) -> str | None:
        holders = [tok] + _objects(tok)
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in LOC_PREPS:
                    for p in _pobj_of(c):
                        if p.ent_type_ in {"GPE", "LOC", "FAC"}:
                            ent = self._ent_at.get(p.i)
                            if ent is not None:
                                return str(ent.text)
        return None

    def _quantity(self, tok: Any, t: Trigger) -> str | None:
        cands = _objects(tok) + [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if t.nominal:
            cands = [tok]
        for n in cands:
            for c in n.children:
                if c.dep_ == "nummod" and c.like_num:
                    start = min(x.idx for x in c.subtree)
                    return str(self.r.text[start:n.idx + len(n.text)])
        return None


_LAUNCH_VERBS = {"fire", "launch", "shoot", "drop", "lob"}
_PROJECTILES = {"missile", "rocket", "shell", "drone", "bullet", "shot", "round", "projectile", "torpedo", "bomb",
                "mortar", "grenade", "salvo", "barrage", "munition", "warhead", "interceptor", "flare"}


def _noun_of(subj: Any) -> Any:
    """The noun a relative pronoun subject stands for ("sanctions that he said were blocking ..."), else
    the subject itself."""
    if subj.lower_ in RELATIVE:
        cur = subj.head
        for _ in range(3):
            if cur.dep_ == "relcl":
                return cur.head
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return subj


def _projectile(tok: Any, obj: Any) -> bool:
    """What is fired is not whom it is fired at: "fired a missile", "the missile was launched"."""
    return tok.lemma_.lower() in _LAUNCH_VERBS and obj.lemma_.lower() in _PROJECTILES


def _conditional(tok: Any) -> bool:
    """The clause of ``tok`` is a condition ("if they did not release ...", "unless ...")."""
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children)


def _governs(tok: Any, other: Any) -> bool:
    cur = other
    for _ in range(8):
        if cur.i == tok.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _on_report_verb(tok: Any, date: Any) -> bool:
    """The date hangs on a saying verb above the event ("said on Thursday it would nationalize")."""
    verb = date.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == tok.i and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORT_VERBS:
        # "said on Thursday it would nationalize": hung on the reported verb, but before its subject
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and tok.head.i < date.i < subj.i
    return verb.i != tok.i and verb.lemma_.lower() in REPORT_VERBS and _governs(verb, tok)


def _in_other_clause(tok: Any, other: Any) -> bool:
    """``other`` lies below ``tok`` inside a clause of its own (a relative clause, an adverbial clause,
    a complement with its own verb) or inside a temporal phrase that names another event ("ahead
    of exercises due to begin on Friday") rather than in ``tok``'s own clause."""
    cur = other
    for _ in range(12):
        if cur.i == tok.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "xcomp" and cur.head.lower_ == "due" and _governs(tok, cur.head):
            return True  # "exercises due to begin on Friday"
        prep = cur.head
        temporal = prep.lower_ in TEMPORAL_PREPS or prep.lower_ == "of" and prep.head.lower_ == "ahead"
        if cur.dep_ == "pobj" and temporal and cur.ent_type_ not in ("DATE", "TIME") and _governs(tok, prep):
            return True
        if (cur.dep_ in {"relcl", "acl", "advcl", "ccomp"} and cur.pos_ in {"VERB", "AUX"} or cur.dep_ == "relcl") \
                and _governs(tok, cur.head):
            return True  # (a relative clause whatever the tagger made of its verb: "a region that X retook")
        if cur.dep_ in {"relcl", "acl"} and not _governs(cur, tok):
            return True  # "The RSF, which has fought the army since April 2023, said it had accepted"
        cur = cur.head
    return False


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str | None, str | None, str | None, int | None]] = set()
    out = []
    for a in actors:
        key = (a.code, a.sector, a.name, a.start)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def find_events(doc: Any, resolver: ActorResolver, published: str | None = None,
                quotes: list[tuple[int, int, Actor]] | None = None) -> list[Event]:
    """All PLOVER events of a parsed document, sentence by sentence (main event of a sentence first).
    ``quotes``: direct quotations with their speakers (character span, speaker), from the claims:
    "we" inside one is the speaker's side."""
    return EventFinder(doc, resolver, published, quotes).find()


__all__ = ["EventFinder", "Lexicon", "find_events", "load_lexicon"]
