"""Stance of a text toward a claim: supports, denies, reports or unrelated.

Method
------
Each (claim, text) pair is turned into a small vector of interpretable features plus a set of
lexical keys, and a linear numpy model (multinomial logistic regression, weights shipped as JSON in
``sitrep/data/stance/model.json``, trained by ``eval/train_stance.py``) maps it to a label.  There
are two heads, chosen by text length: texts of at most ``SHORT_TOKENS`` tokens (headlines) and
longer texts (article bodies) use separate weights, as the same cue means different things there.

1. **Relatedness.** Claim and text are tokenised, lower-cased and lightly stemmed; stop words are
   dropped.  Claim words are weighted by a rarity proxy (names, numbers and long words count more).
   Features: the weighted share of claim words found in the whole text, in its lead (first two
   sentences) and in the best-matching sentence; shared content bigrams; agreement of names and
   numbers; how many sentences cover much of the claim; the length of the text.  In a headline
   near matches count as the claim word (same first five letters, or one letter apart for long
   words: spelling variants of names, other inflections), and an acronym used on one side for a
   run of capitalised words on the other (HP ~ Hewlett-Packard) is a feature of its own.
2. **Focus.** For a long text (an article body) the sentences that cover the claim best (plus the
   lead) are the *focus* region; for a headline the whole text is the focus.
3. **Cues.** In the focus, in the lead and in the whole text the model counts cue families:
   denial verbs (deny, reject, dismiss), falsity words (false, fake, hoax, debunk, "no evidence",
   "not true"), negation close to a claim word, hedges (reportedly, allegedly, may), attribution
   (said, according to, report), rumour words, question marks, and confirmation/support cues
   (confirmed, officially, announced).  The same families are also counted in the claim so that a
   negated claim can meet a negated text.

4. **Lexical keys.** Unigrams and bigrams of the stance region (the headline, or the focus and
   lead of a body) with claim words masked as ``<c>``, numbers as ``<n>`` and words in a negation's
   scope marked, plus the claim's function words; they are hashed (CRC-32, 2**18 buckets) and only
   buckets seen in several training texts carry a weight.

The dense vector is standardised; the head's logits are its linear map plus the summed weights of
the pair's hashed keys, and a softmax gives the label probabilities.  The headline head gives no
weight to the features of the claim alone (its cue families, length, names): with many headlines
per claim in the training data such weights learn per-claim label priors, not stance.  Everything is pure Python
plus numpy; analyses of a repeated text (one body shared by many headlines) are cached.
"""

from __future__ import annotations

import base64
import json
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

LABELS = ("supports", "denies", "reports", "unrelated")

# --------------------------------------------------------------------------------------------
# lexicons

STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself nor of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t don now said says say new one two year years like get
    got make made use used us via may might must shall""".split()
)
NEGATION = frozenset("not no never none nobody nothing neither nor without cannot nt".split())

# phrases are matched on the normalised token string (" tok tok tok ")
DENY_VERBS = (
    "deny", "denies", "denied", "denying", "denial", "dismiss", "dismissed", "dismisses", "reject",
    "rejected", "rejects", "refute", "refuted", "refutes", "rebut", "rebutted", "disputes", "disputed",
    "dispute", "retract", "retracted", "retraction", "contradict", "contradicted", "shot down",
    "shoots down", "set the record straight", "slammed", "backtrack", "walks back", "walked back",
    "rebuff", "rebuffs", "rebuffed", "doubt", "doubts", "casts doubt", "cast doubt", "questions",
    "questioned", "skeptical", "sceptical", "disputes claims", "denounce", "denounced", "debunks",
)
FALSITY = (
    "false", "falsely", "fake", "faked", "fakes", "hoax", "hoaxes", "hoaxer", "debunk", "debunked",
    "debunks", "debunking", "bogus", "untrue", "not true", "isn't true", "wasn't true", "fabricated",
    "fabrication", "made up", "myth", "satire", "satirical", "parody", "prank", "pranked", "spoof",
    "photoshopped", "doctored", "fraud", "fraudulent", "scam", "misleading", "no evidence", "no proof",
    "baseless", "unfounded", "nonsense", "ridiculous", "rubbish", "lie", "lies", "lied", "nope",
    "not real", "never happened", "did not happen", "didn't happen", "is not", "was not", "isn't",
    "wasn't", "no truth", "nothing to", "fiction", "fictional", "joke", "erroneous", "wrong",
    "incorrect", "inaccurate", "mistaken", "not the case", "turns out", "turned out", "actually",
    "in fact", "clarified", "clarify", "no such", "rumors are", "rumours are", "not going to",
    "made it all up", "put to rest", "probably not", "bullshit", "not so fast", "fooled",
    "urban legend", "false alarm", "staged", "scripted", "too good to be true",
)
HEDGE = (
    "reportedly", "allegedly", "alleged", "apparently", "purportedly", "supposedly", "possibly",
    "perhaps", "likely", "unlikely", "probably", "may", "might", "could", "would", "appears",
    "appear", "seems", "seem", "suggests", "suggest", "believed", "thought to", "if true",
    "unconfirmed", "unverified", "not confirmed", "yet to be confirmed", "speculation", "speculate",
    "speculated", "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "claims", "claim",
    "claimed", "claiming", "plans", "planning", "expected", "set to", "could be", "may be",
    "potential", "potentially", "maybe", "considering", "report", "reports", "fear", "fears",
    "think", "thinks", "believe", "believes", "wonder", "wonders", "whether", "if",
    "purported", "purports", "purportedly", "seemingly", "possible", "in talks", "talks", "mulls",
    "mulling", "weighs", "weighing", "eyes", "eyeing", "discussions", "negotiations", "said to be",
    "tipped", "tips", "analyst", "analysts", "predicts", "predicted", "forecast", "forecasts",
)
ATTRIB = (
    "said", "says", "say", "told", "according to", "reported", "report", "reports", "sources",
    "source", "insider", "insiders", "statement", "spokesman", "spokeswoman", "spokesperson",
    "announced", "claims", "claimed", "tweeted", "wrote", "writes", "quoted", "cited", "citing",
)
SUPPORT = (
    "confirmed", "confirms", "confirm", "confirming", "confirmation", "officially", "official",
    "announced", "announces", "revealed", "reveals", "proves", "proved", "proof", "verified",
    "indeed", "true", "footage", "video shows", "photo shows", "pictured", "it's official",
    "admitted", "admits", "has been", "have been", "was", "were", "did", "finally", "now",
)
QUESTIONS = ("?",)


_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*|\?")
_SENT_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")


def _stem(w: str) -> str:
    """A light suffix stripper (enough to match 'arrested' with 'arrest', 'claims' with 'claim')."""
    if len(w) <= 3 or w.isdigit():
        return w
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("edly", ""), ("ed", ""), ("es", ""),
                     ("ly", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: len(w) - len(suf)] + rep
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "ls":  # stopp -> stop
        w = w[:-1]
    return w


@dataclass
class _Tok:
    low: list[str]          # lower-cased tokens, contractions split: "didn't" -> "didn", "t"
    cap: list[bool]         # token starts with a capital (and is not sentence initial)


def _tokens(text: str) -> _Tok:
    low: list[str] = []
    cap: list[bool] = []
    for i, m in enumerate(_TOKEN_RE.finditer(text)):
        t = m.group(0)
        tl = t.lower().replace("’", "'")
        is_cap = t[0].isupper() and i > 0
        if "'" in tl:
            a, b = tl.split("'", 1)
            if b == "t" and a.endswith("n"):
                low.extend([a[:-1] if a not in ("can", "won") else a, "nt"])
                cap.extend([False, False])
                continue
            low.extend([a, b])
            cap.extend([is_cap, False])
            continue
        low.append(tl)
        cap.append(is_cap)
    return _Tok(low, cap)


def _norm_phrases(ph: Sequence[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    norm = [" ".join(_tokens(p).low) for p in ph]
    singles = frozenset(p for p in norm if " " not in p)
    multi = tuple(" " + p + " " for p in norm if " " in p)
    return singles, multi


_LEX = {
    "deny": _norm_phrases(DENY_VERBS),
    "false": _norm_phrases(FALSITY),
    "hedge": _norm_phrases(HEDGE),
    "attrib": _norm_phrases(ATTRIB),
    "support": _norm_phrases(SUPPORT),
}
LEX_NAMES = tuple(_LEX)

def _content(low: Sequence[str]) -> list[str]:
    return [_stem(t) for t in low if t not in STOP and t not in NEGATION and t != "?" and len(t) > 1]


def _lex_counts(low: Sequence[str]) -> dict[str, int]:
    """Counts of each cue family (single words and phrases) in a token list."""
    counts: dict[str, int] = {}
    for t in low:
        counts[t] = counts.get(t, 0) + 1
    joined = " " + " ".join(low) + " "
    out: dict[str, int] = {}
    for name, (singles, multi) in _LEX.items():
        c = sum(n for t, n in counts.items() if t in singles)
        c += sum(joined.count(p) for p in multi)
        out[name] = c
    out["neg"] = sum(n for t, n in counts.items() if t in NEGATION)
    out["q"] = counts.get("?", 0)
    return out


CUE_NAMES = LEX_NAMES + ("neg", "q")


@dataclass
class _Sent:
    tok: _Tok
    stems: list[str]
    stemset: frozenset[str]
    cues: dict[str, int]


@dataclass
class _Text:
    sents: list[_Sent]
    stems: set[str]
    stem_counts: dict[str, int]
    bigrams: set[tuple[str, str]]
    ntok: int
    quotes: int
    prefixes: frozenset[str]
    acronyms: frozenset[str]

PREFIX = 5  # words sharing their first PREFIX letters count as a fuzzy match (Kobani ~ Kobane)
_CAPS_RUN_RE = re.compile(r"\b[A-Z][\w]*(?:[\s-]+(?:of\s+|the\s+)?[A-Z][\w]*)+")
_UPPER_RE = re.compile(r"\b[A-Z]{2,6}\b")


def _acronyms(text: str) -> set[str]:
    """Acronyms a text uses or implies: upper-case words (HP, ISIS) and the initials of runs of
    capitalised words and of their sub-runs (Hewlett-Packard -> hp, Islamic State -> is)."""
    out = {m.group(0).lower() for m in _UPPER_RE.finditer(text)}
    for m in _CAPS_RUN_RE.finditer(text):
        words = [w for w in re.split(r"[\s-]+", m.group(0)) if w and w[0].isupper()]
        ini = "".join(w[0] for w in words).lower()
        for i in range(len(ini) - 1):  # every sub-run: a sentence-initial word may lead the run
            for j in range(i + 2, min(len(ini), i + 5) + 1):
                out.add(ini[i:j])
    return out


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or substituted letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENT_RE.split(text)]
    return [p for p in parts if p]


@lru_cache(maxsize=4096)
def _analyse_text(text: str) -> _Text:
    sents: list[_Sent] = []
    counts: dict[str, int] = {}
    bigrams: set[tuple[str, str]] = set()
    ntok = 0
    for s in _split_sentences(text)[:400]:
        tok = _tokens(s)
        stems = _content(tok.low)
        for st in stems:
            counts[st] = counts.get(st, 0) + 1
        bigrams.update(zip(stems, stems[1:], strict=False))
        ntok += len(tok.low)
        sents.append(_Sent(tok, stems, frozenset(stems), _lex_counts(tok.low)))
    if not sents:
        sents.append(_Sent(_Tok([], []), [], frozenset(), {k: 0 for k in CUE_NAMES}))
    quotes = sum(text.count(q) for q in ('"', "“", "”")) // 2
    prefixes = frozenset(st[:PREFIX] for st in counts if len(st) >= PREFIX)
    return _Text(sents, set(counts), counts, bigrams, ntok, quotes, prefixes,
                 frozenset(_acronyms(text)))


@dataclass
class _Claim:
    stems: list[str]
    weights: dict[str, float]
    names: set[str]
    numbers: set[str]
    bigrams: set[tuple[str, str]]
    cues: dict[str, int]
    func: frozenset[str]
    acronyms: frozenset[str]


@lru_cache(maxsize=4096)
def _analyse_claim(claim: str) -> _Claim:
    tok = _tokens(claim)
    weights: dict[str, float] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    stems: list[str] = []
    for t, c in zip(tok.low, tok.cap, strict=True):
        if t in STOP or t in NEGATION or t == "?" or len(t) <= 1:
            continue
        st = _stem(t)
        stems.append(st)
        w = 1.0 + 0.15 * max(0, min(len(t), 10) - 4)
        if t[0].isdigit():
            numbers.add(st)
            w += 0.8
        elif c:
            names.add(st)
            w += 0.8
        weights[st] = max(weights.get(st, 0.0), w)
    bigrams = set(zip(stems, stems[1:], strict=False))
    func = frozenset(t for t in tok.low if t in STOP or t in NEGATION or t == "?")
    return _Claim(stems, weights, names, numbers, bigrams, _lex_counts(tok.low), func,
                  frozenset(_acronyms(claim)))


# --------------------------------------------------------------------------------------------
# features

def _cov(claim: _Claim, stems: frozenset[str] | set[str]) -> float:
    tot = sum(claim.weights.values())
    if tot <= 0:
        return 0.0
    return sum(w for s, w in claim.weights.items() if s in stems) / tot


def _alias(claim: _Claim, text: _Text) -> dict[str, str]:
    """Text words that are near matches of a claim word, mapped to it: the same first ``PREFIX``
    letters (Kobani ~ Kobane, gigafactory ~ gigafactories) or, for words of six letters or more,
    one letter apart (a misspelling).  Used for headlines, where every word counts."""
    by_prefix: dict[str, str] = {}
    for c in claim.weights:
        if len(c) >= PREFIX:
            by_prefix.setdefault(c[:PREFIX], c)
    out: dict[str, str] = {}
    for t in text.stems:
        if t in claim.weights or len(t) < PREFIX:
            continue
        m = by_prefix.get(t[:PREFIX])
        if m is None and len(t) >= 6:
            m = next((c2 for c2 in claim.weights if len(c2) >= 6 and _one_edit(t, c2)), None)
        if m is not None:
            out[t] = m
    return out


def _neg_near_claim(claim: _Claim, sent: _Sent, window: int = 4) -> int:
    """Negations within a few tokens before a claim word (e.g. 'did not arrest')."""
    low = sent.tok.low
    n = 0
    for i, t in enumerate(low):
        if t in NEGATION:
            for t2 in low[i + 1: i + 1 + window]:
                if _stem(t2) in claim.weights:
                    n += 1
                    break
    return n


def _region_cues(sents: Sequence[_Sent]) -> dict[str, float]:
    tot = {k: 0 for k in CUE_NAMES}
    for s in sents:
        for k in CUE_NAMES:
            tot[k] += s.cues[k]
    return {k: float(v) for k, v in tot.items()}


FEATURE_NAMES: list[str] = []
SHORT_TOKENS = 60  # texts up to this many tokens are treated as headlines


def _features(claim_s: str, text_s: str) -> tuple[list[float], frozenset[str]]:
    claim = _analyse_claim(claim_s)
    text = _analyse_text(text_s)
    sents = text.sents
    nsent = len(sents)
    short = text.ntok <= SHORT_TOKENS
    f: dict[str, float] = {}
    # --- relatedness (a headline's near matches of claim words count as the claim word)
    alias = _alias(claim, text) if short else {}
    if alias:
        sets = [frozenset(alias.get(x, x) for x in s.stemset) for s in sents]
        tstems: set[str] = {alias.get(x, x) for x in text.stems}
        tbigrams = {(alias.get(x, x), alias.get(y, y)) for x, y in text.bigrams}
    else:
        sets, tstems, tbigrams = [s.stemset for s in sents], text.stems, text.bigrams
    covs = [_cov(claim, st) for st in sets]
    order = sorted(range(nsent), key=lambda i: -covs[i])
    lead = sents[:2]
    lead_set: set[str] = set().union(*sets[:2])
    f["cov_all"] = _cov(claim, tstems)
    f["cov_lead"] = _cov(claim, lead_set)
    f["cov_max"] = covs[order[0]]
    f["cov_top3"] = sum(covs[i] for i in order[:3]) / 3.0
    f["n_cov50"] = math.log1p(sum(1 for c in covs if c >= 0.5))
    f["n_cov30"] = math.log1p(sum(1 for c in covs if c >= 0.3))
    f["frac_cov30"] = sum(1 for c in covs if c >= 0.3) / nsent
    f["bigram"] = len(claim.bigrams & tbigrams) / len(claim.bigrams) if claim.bigrams else 0.0
    f["names"] = (len(claim.names & tstems) / len(claim.names)) if claim.names else 0.5
    f["has_names"] = 1.0 if claim.names else 0.0
    f["numbers"] = (len(claim.numbers & tstems) / len(claim.numbers)) if claim.numbers else 0.5
    dens = sum(math.log1p(text.stem_counts.get(s, 0) + (s in tstems and s not in text.stems)) * w
               for s, w in claim.weights.items())
    f["density"] = dens / (sum(claim.weights.values()) or 1.0)
    f["log_ntok"] = math.log1p(text.ntok)
    f["short"] = 1.0 if short else 0.0
    f["claim_len"] = math.log1p(len(claim.stems))
    f["acronym"] = 1.0 if (claim.acronyms & {t for s in sents for t in s.tok.low}
                           or text.acronyms & set(claim.weights)) else 0.0
    # --- focus region
    if short:
        focus = sents
    else:
        top = [i for i in order[:3] if covs[i] > 0]
        focus = [sents[i] for i in sorted(set(top))]
    fc = _region_cues(focus) if focus else {k: 0.0 for k in CUE_NAMES}
    lc = _region_cues(lead)
    ac = _region_cues(sents)
    nf = max(1, len(focus))
    for k in CUE_NAMES:
        f["foc_" + k] = math.log1p(fc[k])
        f["foc_" + k + "_any"] = 1.0 if fc[k] > 0 else 0.0
        f["lead_" + k] = math.log1p(lc[k])
        f["all_" + k] = math.log1p(ac[k])
        f["all_" + k + "_rate"] = ac[k] / nsent
        f["claim_" + k] = 1.0 if claim.cues[k] > 0 else 0.0
    f["foc_neg_rate"] = fc["neg"] / nf
    f["neg_near_foc"] = math.log1p(sum(_neg_near_claim(claim, s) for s in focus))
    f["neg_near_all"] = math.log1p(sum(_neg_near_claim(claim, s) for s in sents))
    f["neg_parity"] = 1.0 if (claim.cues["neg"] > 0) != (fc["neg"] > 0) else 0.0
    f["quotes"] = math.log1p(text.quotes)
    # interactions with shortness (headline vs body behave differently)
    for k in ("cov_all", "cov_max", "names", "bigram", "acronym"):
        f[k + "_x_short"] = f[k] * f["short"]
    for k in CUE_NAMES:
        f["foc_" + k + "_x_short"] = f["foc_" + k] * f["short"]
    if not FEATURE_NAMES:
        FEATURE_NAMES.extend(f)
    # --- lexical keys of the region that carries the stance (whole headline, or focus + lead of a
    # body); claim words are masked so the keys describe how the text talks about the claim
    region = sents if short else focus + [s for s in lead if s not in focus]
    return list(f.values()), _lexical_keys(claim, region, short, alias)


def _lexical_keys(claim: _Claim, region: Sequence[_Sent], short: bool,
                  alias: dict[str, str] | None = None) -> frozenset[str]:
    """Unigram and bigram keys of the stance region, with claim words replaced by ``<c>``
    (consecutive ones collapsed), numbers by ``<n>``, words in the scope of a negation (up to three
    tokens after it) marked ``!``, plus the first two words of a headline.  Keys are prefixed by the
    kind of text (``h`` headline, ``b`` body) so that the two kinds get separate weights.  Function
    words of the claim are added too (``c:``), as they carry its modality (will, not, is, ``?``).
    Near matches of claim words (``alias``, headlines only) are masked like claim words."""
    pre = "h" if short else "b"
    keys: set[str] = set()
    for s in region:
        seq: list[str] = ["<s>"]
        neg_left = 0
        for t in s.tok.low:
            if t == "?":
                w = "?"
            elif t[0].isdigit():
                w = "<n>"
            else:
                st = _stem(t)
                w = "<c>" if st in claim.weights or (alias and st in alias) else st
            if w == "<c>" and seq[-1] == "<c>":
                continue
            seq.append(w)
            if neg_left > 0 and w not in STOP:
                keys.add(pre + "!" + w)
            neg_left = 3 if t in NEGATION else neg_left - 1
        seq.append("</s>")
        for a, b in zip(seq, seq[1:], strict=False):
            keys.add(pre + ":" + b)
            keys.add(pre + ":" + a + "_" + b)
        if short and len(seq) > 2:
            keys.add(pre + "^" + "_".join(seq[1:3]))
    keys.discard(pre + ":</s>")
    for t in claim.func:
        keys.add("c:" + t)
    return frozenset(keys)


def featurize_raw(pairs: Iterable[tuple[str, str]]) -> tuple[np.ndarray, list[frozenset[str]]]:
    """Dense feature matrix (n_pairs x len(FEATURE_NAMES)) and the lexical keys of each pair."""
    rows = [_features(c or "", t or "") for c, t in pairs]
    if not rows:
        _features("x", "x")
        return np.zeros((0, len(FEATURE_NAMES))), []
    return np.asarray([r[0] for r in rows], dtype=np.float64), [r[1] for r in rows]


HASH_BITS = 18


def hash_key(key: str, bits: int = HASH_BITS) -> int:
    """Stable bucket of a lexical key (CRC-32, not Python's salted ``hash``)."""
    return zlib.crc32(key.encode("utf-8")) & ((1 << bits) - 1)


# --------------------------------------------------------------------------------------------
# model

def _b64_array(s: str, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    return np.frombuffer(base64.b64decode(s), dtype=dtype).astype(np.float64 if "f" in dtype
                                                                  else np.int64).reshape(shape)


class LinearHead:
    """Multinomial logistic regression on standardised dense features plus hashed lexical keys.

    ``w`` (n_features x n_labels) weighs the standardised dense features; ``buckets`` (sorted) and
    ``hw`` (n_buckets x n_labels) hold the weights of the hashed keys kept at training time (keys
    seen in too few training texts have no weight)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, w: np.ndarray, b: np.ndarray,
                 buckets: np.ndarray, hw: np.ndarray) -> None:
        self.mean, self.scale, self.w, self.b = mean, scale, w, b
        self.row = {int(k): i for i, k in enumerate(buckets)}
        self.hw = hw

    def logits(self, x: np.ndarray, keys: Sequence[frozenset[str]]) -> np.ndarray:
        out = ((x - self.mean) / self.scale) @ self.w + self.b
        for r, ks in enumerate(keys):
            idx = [j for j in (self.row.get(hash_key(k)) for k in ks) if j is not None]
            if idx:
                out[r] += self.hw[idx].sum(axis=0)
        return out

    @classmethod
    def from_json(cls, d: dict[str, object], n_labels: int) -> LinearHead:
        def a(k: str) -> np.ndarray:
            return np.asarray(d[k], dtype=np.float64)
        nb = int(d["n_buckets"])  # type: ignore[call-overload]
        buckets = _b64_array(str(d["buckets"]), "<u4", (nb,))
        hw = _b64_array(str(d["hw"]), "<f2", (nb, n_labels))
        return cls(a("mean"), a("scale"), a("w"), a("b"), buckets, hw)


def _softmax(lo: np.ndarray) -> np.ndarray:
    lo = lo - lo.max(axis=1, keepdims=True)
    e = np.exp(lo)
    return e / e.sum(axis=1, keepdims=True)


class StanceModel:
    """Two heads, chosen by a general property of the input: texts of at most ``SHORT_TOKENS``
    tokens (headlines, short posts) go to the ``short`` head, longer texts (article bodies) to the
    ``long`` head."""

    def __init__(self, heads: dict[str, LinearHead], labels: Sequence[str]) -> None:
        self.heads = heads
        self.labels = tuple(labels)

    def proba(self, x: np.ndarray, keys: Sequence[frozenset[str]]) -> np.ndarray:
        short = x[:, FEATURE_NAMES.index("short")] > 0.5
        out = np.zeros((len(x), len(self.labels)))
        for name, sel in (("short", short), ("long", ~short)):
            idx = np.flatnonzero(sel)
            if len(idx):
                out[idx] = _softmax(self.heads[name].logits(x[idx], [keys[int(i)] for i in idx]))
        return out


@lru_cache(maxsize=1)
def _model() -> StanceModel:
    ref = resources.files("sitrep.data").joinpath("stance", "model.json")
    d = json.loads(ref.read_text(encoding="utf-8"))
    featurize_raw([("x", "x")])
    if list(d["features"]) != FEATURE_NAMES or int(d.get("hash_bits", -1)) != HASH_BITS:
        raise RuntimeError("stance model.json was trained on other features; run eval/train_stance.py")
    labels = [str(x) for x in d["labels"]]
    heads = {k: LinearHead.from_json(v, len(labels)) for k, v in d["heads"].items()}
    return StanceModel(heads, labels)


def stance_batch(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, float]]:
    """For each (claim, text) pair, the stance of the text toward the claim and a confidence in 0..1.

    The confidence is the model's probability of the chosen label.
    """
    pairs = list(pairs)
    if not pairs:
        return []
    model = _model()
    x, keys = featurize_raw(pairs)
    p = model.proba(x, keys)
    idx = p.argmax(axis=1)
    return [(model.labels[i], float(p[j, i])) for j, i in enumerate(idx)]
