"""Tests for sitrep.link.stance (own sentences; no benchmark text)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np

from sitrep.link import stance as S

CLAIM = "Mayor of Springfield resigns"
BODY_DENY = (
    "The mayor of Springfield has not resigned, his office said on Monday, calling the reports "
    "false. A spokesman denied claims circulating online that the mayor had stepped down. The "
    "rumour appears to have started on a satirical website, and there is no evidence for it."
)


def test_labels_and_shape() -> None:
    pairs = [(CLAIM, "Springfield mayor reportedly set to resign, sources say"),
             (CLAIM, BODY_DENY), ("", ""), ("A claim", "")]
    out = S.stance_batch(pairs)
    assert len(out) == len(pairs)
    for label, score in out:
        assert label in S.LABELS
        assert 0.0 <= score <= 1.0


def test_empty_batch() -> None:
    assert S.stance_batch([]) == []


def test_model_matches_features() -> None:
    ref = resources.files("sitrep.data").joinpath("stance", "model.json")
    d = json.loads(ref.read_text(encoding="utf-8"))
    S.featurize_raw([("x", "x")])
    assert d["features"] == S.FEATURE_NAMES
    assert d["hash_bits"] == S.HASH_BITS
    assert set(d["heads"]) == {"short", "long"}
    for head in d["heads"].values():
        assert len(head["mean"]) == len(S.FEATURE_NAMES)
        assert len(head["w"]) == len(S.FEATURE_NAMES) and len(head["w"][0]) == len(S.LABELS)
        assert head["n_buckets"] > 0


def test_lexical_keys_mask_claim_words_and_mark_negation() -> None:
    _, keys = S.featurize_raw([(CLAIM, "Springfield mayor did not resign, aide says?")])
    k = keys[0]
    assert "h:<c>" in k  # claim words masked (and consecutive ones collapsed)
    assert not any("springfield" in x for x in k)
    assert "h!<c>" in k  # the claim word 'resign' is in the scope of 'not'
    assert "h:?" in k and "h:aide" in k
    _, keys = S.featurize_raw([(CLAIM, " ".join([BODY_DENY] * 3))])
    assert any(x.startswith("b:") for x in keys[0])  # a long text gets body keys
    assert "c:of" in keys[0]  # claim function words


def test_hash_key_is_stable() -> None:
    assert S.hash_key("h:deny") == S.hash_key("h:deny")
    assert 0 <= S.hash_key("h:deny") < (1 << S.HASH_BITS)
    assert S.hash_key("h:deny", 8) < 256


def test_routing_by_text_length() -> None:
    short_text = "Springfield mayor denies resigning"
    long_text = " ".join([BODY_DENY] * 3)
    x, _ = S.featurize_raw([(CLAIM, short_text), (CLAIM, long_text)])
    i = S.FEATURE_NAMES.index("short")
    assert x[0, i] == 1.0 and x[1, i] == 0.0


def test_tokens_split_contractions_into_negation() -> None:
    tok = S._tokens("Officials didn't confirm it and it isn't true")
    assert "nt" in tok.low
    cues = S._lex_counts(tok.low)
    assert cues["neg"] == 2
    assert cues["false"] >= 1  # "isn't true"
    assert cues["support"] >= 1  # "confirm"


def test_cue_families() -> None:
    c = S._lex_counts(S._tokens("The ministry denied the report, calling it a hoax?").low)
    assert c["deny"] == 1 and c["false"] >= 1 and c["q"] == 1
    c = S._lex_counts(S._tokens("The singer allegedly quit the band, according to sources").low)
    assert c["hedge"] >= 1 and c["attrib"] >= 2


def test_overlap_features_separate_related_from_unrelated() -> None:
    x, _ = S.featurize_raw([
        (CLAIM, BODY_DENY),
        (CLAIM, "A new bridge over the river opened to traffic after three years of work."),
    ])
    i = S.FEATURE_NAMES.index("cov_all")
    j = S.FEATURE_NAMES.index("neg_near_all")
    assert x[0, i] > 0.6 > 0.1 > x[1, i]
    assert x[0, j] > 0 and x[1, j] == 0
    assert np.isfinite(x).all()


def test_clear_cases() -> None:
    pairs = [
        (CLAIM, BODY_DENY),
        (CLAIM, "Springfield mayor denies he has resigned, calls reports a hoax"),
        (CLAIM, "Springfield mayor reportedly set to resign, sources say"),
        ("A volcano erupted in Iceland", "Football club signs new striker for record fee"),
    ]
    labels = [lab for lab, _ in S.stance_batch(pairs)]
    assert labels == ["denies", "denies", "reports", "unrelated"]


def test_one_edit() -> None:
    assert S._one_edit("gigafactory", "gigfactory")  # a dropped letter
    assert S._one_edit("colour", "colout")  # a substituted letter
    assert S._one_edit("harbour", "harbor")  # a dropped letter
    assert not S._one_edit("station", "stashun")  # two edits
    assert not S._one_edit("same", "same")


def test_acronyms_from_capitalised_runs() -> None:
    acr = S._acronyms("Report: Northern Valley Railways will cut jobs")
    assert "nvr" in acr and "vr" in acr
    assert "abc" in S._acronyms("The ABC network said so")


def test_headline_near_matches_count_as_claim_words() -> None:
    claim = "Flooding closed the Kalvorin bridge"
    exact = "Flooding closes Kalvorin bridge, police say"
    near = "Flooding closes Kalvoren bridge, police say"  # a spelling variant of the name
    x, keys = S.featurize_raw([(claim, exact), (claim, near)])
    i = S.FEATURE_NAMES.index("cov_all")
    assert x[1, i] == x[0, i] > 0.9
    assert not any("kalvoren" in k for k in keys[1])  # masked like the claim word


def test_acronym_feature() -> None:
    claim = "Northern Valley Railways will cut 500 jobs"
    x, _ = S.featurize_raw([(claim, "NVR to cut hundreds of jobs"),
                            (claim, "Local bakery wins a regional prize")])
    i = S.FEATURE_NAMES.index("acronym")
    assert x[0, i] == 1.0 and x[1, i] == 0.0


def test_headline_head_ignores_claim_only_features() -> None:
    """The shipped headline head has no weight on features of the claim alone (they would act as
    per-claim label priors); the body head still uses them."""
    ref = resources.files("sitrep.data").joinpath("stance", "model.json")
    d = json.loads(ref.read_text(encoding="utf-8"))
    S.featurize_raw([("x", "x")])
    claim_only = [i for i, n in enumerate(S.FEATURE_NAMES)
                  if n.startswith("claim_") or n == "has_names"]
    assert claim_only
    short_w = np.asarray(d["heads"]["short"]["w"])
    long_w = np.asarray(d["heads"]["long"]["w"])
    assert np.all(short_w[claim_only] == 0.0)
    assert np.any(long_w[claim_only] != 0.0)


def test_headline_scores_do_not_move_with_claim_only_features() -> None:
    """Changing only the claim-only features of a headline pair leaves the headline head's logits
    unchanged."""
    x, keys = S.featurize_raw([(CLAIM, "Springfield mayor quits after budget row")])
    cols = [i for i, n in enumerate(S.FEATURE_NAMES) if n.startswith("claim_") or n == "has_names"]
    x2 = x.copy()
    x2[:, cols] = 1.0 - x2[:, cols]
    head = S._model().heads["short"]
    assert np.allclose(head.logits(x, keys), head.logits(x2, keys))
