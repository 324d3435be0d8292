#!/usr/bin/env python3
"""Train the stance model of ``sitrep.link.stance`` and estimate it on held-out data.

Data: the shared Emergent train split (claim vs headline) and FNC-1 train (headline vs body).
Features come from ``sitrep.link.stance.featurize_raw``: a dense vector of interpretable features
and a set of lexical keys (masked unigrams/bigrams of the stance region), hashed into 2**18 buckets.

Model: two heads chosen by text length (headline head for texts of at most ``SHORT_TOKENS`` tokens,
body head for longer texts), each a multinomial logistic regression fitted with L-BFGS (scipy, at
training time only; inference is numpy) with L2 and class weights (inverse frequency to a power,
per data set).  The headline head is trained on Emergent plus synthetic unrelated pairs (a
headline paired with another story's claim) and short FNC-1 bodies, down-weighted; the body
head on FNC-1.  The headline head gives no weight to features of the claim alone
(``HEADLINE_EXCLUDE``): they would learn per-claim label priors.  Hashed-key weights are
stored as float16 for the buckets seen in at least ``min_df`` training texts.

Held-out estimate (``--cv``): grouped 5-fold cross-validation, Emergent grouped by claim and FNC-1
grouped by body, so no claim (Emergent) or article body (FNC-1) is in both the training and the
test part of a fold; synthetic pairs are used for training only, in folds holding both stories.
It also reports how many held-out unrelated headline pairs (each Emergent headline of the test
fold paired with another test-fold claim) are called unrelated: the other side of the
trade-off measured by "Emergent pairs called unrelated".

Without ``--cv`` the model is fitted on everything and written to
``src/sitrep/data/stance/model.json``.

Usage:  .venv/bin/python eval/train_stance.py [--cv] [--fnc-unrelated N]
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.link import stance as S  # noqa: E402

DATA = Path("/work/shared/data/stance")
OUT = ROOT / "src" / "sitrep" / "data" / "stance" / "model.json"
CACHE = Path("/tmp/sitrep_stance_features.npz")  # features of the current stance.py source


def _read(path: Path) -> list[dict[str, str]]:
    op = gzip.open if path.suffix == ".gz" else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load(fnc_unrelated: int, seed: int = 0, neg_rate: float = 0.25
         ) -> tuple[np.ndarray, list[frozenset[str]], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Dense features X, lexical keys, label ids y, data set ids d (0 Emergent, 1 FNC-1,
    2 synthetic unrelated headline pairs), group ids g (claim for Emergent, body for FNC-1) and a
    second group id g2 (the group of the borrowed claim of a synthetic pair, else g).

    Emergent has no unrelated pairs, so a headline head trained on it alone would never say
    'unrelated'.  Synthetic pairs fix that: a share ``neg_rate`` of the Emergent headlines is paired
    with the claim of another, randomly chosen story and labelled unrelated (used for training only,
    and only in folds holding both stories)."""
    em = _read(DATA / "emergent_train.jsonl")
    fnc = _read(DATA / "fnc1_train.jsonl.gz")
    rng = random.Random(seed)
    unrel = [r for r in fnc if r["stance"] == "unrelated"]
    rel = [r for r in fnc if r["stance"] != "unrelated"]
    if fnc_unrelated < len(unrel):
        unrel = rng.sample(unrel, fnc_unrelated)
    fnc = rel + unrel
    recs = [(r, 0, "e:" + r["claim"]) for r in em]
    recs += [(r, 1, "f:" + r["id"].rsplit("-b", 1)[1]) for r in fnc]
    claims = sorted({r["claim"] for r in em})
    neg: list[tuple[dict[str, str], int, str, str]] = []
    for r in em:
        if rng.random() < neg_rate:
            other = rng.choice(claims)
            if other != r["claim"]:
                neg.append(({"claim": other, "text": r["text"], "stance": "unrelated"}, 2,
                            "e:" + r["claim"], "e:" + other))
    recs2 = [(r, k, grp, grp) for r, k, grp in recs] + neg
    recs = [(r, k, grp) for r, k, grp, _ in recs2]
    src = Path(S.__file__).read_bytes()
    key = hashlib.sha1(src + f"{len(recs)}:{fnc_unrelated}:{seed}:{neg_rate}".encode()).hexdigest()
    if CACHE.exists() and str(np.load(CACHE)["key"]) == key:
        X = np.load(CACHE)["X"]
        with open(CACHE.with_suffix(".bow.json"), encoding="utf-8") as f:
            bows = [frozenset(b) for b in json.load(f)]
        S.featurize_raw([("x", "x")])
    else:
        t0 = time.time()
        X, bows = S.featurize_raw((r["claim"], r["text"]) for r, _, _ in recs)
        print(f"featurized {len(recs)} pairs in {time.time() - t0:.1f}s", file=sys.stderr)
        np.savez(CACHE, X=X, key=np.array(key))
        with open(CACHE.with_suffix(".bow.json"), "w", encoding="utf-8") as f:
            json.dump([sorted(b) for b in bows], f)
    y = np.array([S.LABELS.index(r["stance"]) for r, _, _ in recs])
    d = np.array([k for _, k, _ in recs])
    groups: dict[str, int] = {}
    g = np.array([groups.setdefault(k, len(groups)) for _, _, k in recs])
    g2 = np.array([groups[k2] for _, _, _, k2 in recs2])
    return X, bows, y, d, g, g2


def hashed(keys: list[frozenset[str]]) -> sp.csr_matrix:
    """Binary matrix of the hashed lexical keys (n_pairs x 2**HASH_BITS)."""
    rows: list[int] = []
    cols: list[int] = []
    for r, ks in enumerate(keys):
        for k in ks:
            rows.append(r)
            cols.append(S.hash_key(k))
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(keys), 1 << S.HASH_BITS))
    m.data[:] = 1.0  # a bucket hit twice (collision) still counts once
    return m


@dataclass
class HeadParams:
    """Regularisation and weighting of one head."""
    l2: float
    hash_scale: float
    class_power: tuple[float, float, float]  # per data set: Emergent, FNC-1, synthetic
    set_weight: tuple[float, float, float] = (1.0, 1.0, 0.3)  # total weight of each data set
    min_df: int = 3
    max_iter: int = 300
    exclude: tuple[str, ...] = ()  # dense features (name prefixes) this head gives no weight


def excluded(hp: HeadParams) -> np.ndarray:
    """Boolean mask of the dense features the head excludes (``HeadParams.exclude`` prefixes)."""
    return np.array([any(n.startswith(p) for p in hp.exclude) for n in S.FEATURE_NAMES], dtype=bool)


def fit_head(X: np.ndarray, H: sp.csr_matrix, y: np.ndarray, dset: np.ndarray,
             hp: HeadParams, row_w: np.ndarray | None = None) -> S.LinearHead:
    """Multinomial logistic regression (L-BFGS, L2, class weights computed within each data set
    and normalised to mean 1 there) on standardised dense features and hashed keys seen in at
    least ``min_df`` training texts.  Excluded features (``hp.exclude``) enter as constant zero
    columns, so their weight is zero and the stored head still reads the full feature vector."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    drop = excluded(hp)
    if drop.any():
        X = X.copy()
        X[:, drop] = mean[drop]  # standardises to 0: no gradient, weight stays 0
        scale[drop] = 1.0
    df = np.asarray((H > 0).sum(axis=0)).ravel()
    buckets = np.flatnonzero(df >= hp.min_df)
    A = sp.hstack([sp.csr_matrix((X - mean) / scale), H[:, buckets] * hp.hash_scale]).tocsr()
    n, k = A.shape
    c = len(S.LABELS)
    sw = np.ones(n)
    for dv in np.unique(dset):
        sel = dset == dv
        freq = np.bincount(y[sel], minlength=c).astype(float) + 1.0
        cw = (freq.sum() / freq) ** hp.class_power[int(dv)]
        sw[sel] = cw[y[sel]] / cw[y[sel]].mean() * hp.set_weight[int(dv)]
    if row_w is not None:
        sw *= row_w
    Y = np.eye(c)[y]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        W, b = w[:-c].reshape(k, c), w[-c:]
        p = S._softmax(A @ W + b)
        val = -(sw * np.log(p[np.arange(n), y] + 1e-12)).sum() / n + 0.5 * hp.l2 * (W * W).sum()
        dlo = (p - Y) * sw[:, None] / n
        gW = A.T @ dlo + hp.l2 * W
        return val, np.concatenate([np.asarray(gW).ravel(), dlo.sum(axis=0)])

    res = minimize(loss, np.zeros(k * c + c), jac=True, method="L-BFGS-B",
                   options={"maxiter": hp.max_iter})
    W, b = res.x[:-c].reshape(k, c), res.x[-c:]
    nd = X.shape[1]
    hw = (W[nd:] * hp.hash_scale).astype(np.float16).astype(np.float64)
    return S.LinearHead(mean, scale, W[:nd], b, buckets, hw)


# Features of the claim alone (its cue families, its length, whether it names anyone) are excluded
# from the headline head: Emergent gives every claim many headlines, so a weight on a claim-only
# feature learns a per-claim label prior, which does not carry over to new claims.  Grouped CV
# (seed 0): Emergent acc 0.753 -> 0.757, macro-F1 0.762 -> 0.765, held-out unrelated headline pairs
# called unrelated 0.817 -> 0.851, FNC-1 unchanged (0.681 / denies 0.352).  Also excluding the
# sentence-count coverage features (density, n_cov*, frac_cov30) gave Emergent acc 0.761 but
# unrelated 0.801: a trade against relatedness, not kept.  The body head keeps the claim features:
# there the claim is an FNC-1 headline, which varies within a body.
HEADLINE_EXCLUDE = ("claim_", "has_names")

HEADS = {
    "short": HeadParams(l2=0.1, hash_scale=0.5, class_power=(0.0, 0.5, 0.0),
                        set_weight=(1.0, 0.3, 0.3), exclude=HEADLINE_EXCLUDE),
    # FNC-1 class power 0.75 (was 0.5): grouped CV macro-F1 0.675 -> 0.681, denies F1 0.304 -> 0.351
    # (0.35: 0.665 / 0.260; 1.0: 0.680 / 0.365)
    "long": HeadParams(l2=0.01, hash_scale=0.5, class_power=(0.0, 0.75, 0.0)),
}


def fit(X: np.ndarray, H: sp.csr_matrix, y: np.ndarray, d: np.ndarray, idx: np.ndarray
        ) -> S.StanceModel:
    """Both heads, each trained on the training rows routed to it by text length.  The headline
    head sees Emergent pairs at full weight and short FNC-1 bodies and synthetic unrelated pairs at
    reduced weight (``set_weight``): with full weight their unrelated share teaches it that any
    headline with little word overlap is unrelated, which is false for headlines about a claim."""
    short = X[:, S.FEATURE_NAMES.index("short")] > 0.5
    heads = {}
    for name, sel in (("short", short), ("long", ~short)):
        tr = idx[sel[idx]]
        heads[name] = fit_head(X[tr], H[tr], y[tr], d[tr], HEADS[name])
    return S.StanceModel(heads, S.LABELS)


def report(name: str, y: np.ndarray, pred: np.ndarray, weight: np.ndarray | None = None) -> None:
    """Accuracy, macro-F1 over the labels present, per-class F1 (optionally weighted rows)."""
    w = np.ones(len(y)) if weight is None else weight
    present = [i for i in range(len(S.LABELS)) if (y == i).any()]
    f1s = {}
    for i in present:
        tp = w[(y == i) & (pred == i)].sum()
        fp = w[(y != i) & (pred == i)].sum()
        fn = w[(y == i) & (pred != i)].sum()
        f1s[S.LABELS[i]] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    acc = w[y == pred].sum() / w.sum()
    print(f"{name}: acc={acc:.3f} macro_f1={np.mean(list(f1s.values())):.3f} "
          + " ".join(f"{k}={v:.3f}" for k, v in f1s.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true", help="held-out estimates instead of fitting")
    ap.add_argument("--fnc-unrelated", type=int, default=12000,
                    help="FNC-1 unrelated pairs kept for training (sampled; others are easy)")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    X, keys, y, d, g, g2 = load(args.fnc_unrelated)
    H = hashed(keys)
    # the unrelated FNC rows were subsampled: weight them back up in the FNC estimate
    n_unrel_full = 36545
    fnc_w = np.where((d == 1) & (y == 3), n_unrel_full / max(1, ((d == 1) & (y == 3)).sum()), 1.0)
    if args.cv:
        rng = np.random.default_rng(0)
        fold_of_group = rng.integers(0, args.folds, g.max() + 1)
        fold, fold2 = fold_of_group[g], fold_of_group[g2]
        pred = np.zeros(len(y), dtype=int)
        # held-out unrelated headline pairs: each Emergent headline with another claim of its fold
        em = _read(DATA / "emergent_train.jsonl")
        em_fold = fold[: len(em)]
        claims_of: dict[int, list[str]] = {}
        for r, fk in zip(em, em_fold, strict=True):
            if r["claim"] not in claims_of.setdefault(int(fk), []):
                claims_of[int(fk)].append(r["claim"])
        rng_u = random.Random(1)
        upairs = [(rng_u.choice([c for c in claims_of[int(fk)] if c != r["claim"]]), r["text"])
                  for r, fk in zip(em, em_fold, strict=True)]
        UX, UK = S.featurize_raw(upairs)
        upred = np.zeros(len(upairs), dtype=int)
        for k in range(args.folds):
            te = np.flatnonzero((fold == k) & (d != 2))
            tr = np.flatnonzero((fold != k) & (fold2 != k))
            model = fit(X, H, y, d, tr)
            pred[te] = model.proba(X[te], [keys[i] for i in te]).argmax(1)
            ut = np.flatnonzero(em_fold == k)
            upred[ut] = model.proba(UX[ut], [UK[i] for i in ut]).argmax(1)
            print(f"  fold {k} done", file=sys.stderr, flush=True)
        print(f"grouped {args.folds}-fold CV (Emergent by claim, FNC-1 by body):")
        report("  emergent", y[d == 0], pred[d == 0])
        print(f"  emergent pairs called unrelated: {(pred[d == 0] == 3).sum()}")
        print(f"  held-out unrelated headline pairs (Emergent headline + another claim) called "
              f"unrelated: {(upred == 3).mean():.3f} of {len(upred)}")
        report("  fnc1 (unrelated reweighted)", y[d == 1], pred[d == 1], fnc_w[d == 1])
        return 0
    model = fit(X, H, y, d, np.arange(len(y)))
    p = model.proba(X, keys).argmax(1)
    report("training fit emergent", y[d == 0], p[d == 0])
    report("training fit fnc1", y[d == 1], p[d == 1], fnc_w[d == 1])
    js: dict[str, object] = {
        "features": S.FEATURE_NAMES, "labels": list(S.LABELS), "hash_bits": S.HASH_BITS,
        "short_tokens": S.SHORT_TOKENS,
        "trained_on": ("Emergent train split (Ferreira & Vlachos 2016) + FNC-1 train "
                       f"({args.fnc_unrelated} unrelated pairs sampled); eval/train_stance.py"),
        "params": {k: asdict(v) for k, v in HEADS.items()},
        "heads": {},
    }
    for name, h in model.heads.items():
        buckets = np.array(sorted(h.row, key=h.row.__getitem__), dtype="<u4")
        js["heads"][name] = {  # type: ignore[index]
            "mean": [round(v, 6) for v in h.mean.tolist()],
            "scale": [round(v, 6) for v in h.scale.tolist()],
            "w": [[round(v, 6) for v in r] for r in h.w.tolist()],
            "b": [round(v, 6) for v in h.b.tolist()],
            "n_buckets": len(buckets),
            "buckets": base64.b64encode(buckets.tobytes()).decode("ascii"),
            "hw": base64.b64encode(h.hw.astype("<f2").tobytes()).decode("ascii"),
        }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(js), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
