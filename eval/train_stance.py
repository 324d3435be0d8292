#!/usr/bin/env python3
"""Train the stance model of ``sitrep.link.stance`` and estimate it on held-out data.

Data: the shared Emergent train split (claim vs headline) and FNC-1 train (headline vs body).
Features come from ``sitrep.link.stance.featurize``; the model is a one-hidden-layer perceptron
(tanh, softmax over supports/denies/reports/unrelated) trained with Adam, L2 and class weights
(inverse frequency to the power ``--class-power``) so that rare labels (denies) are not ignored.

Held-out estimates (``--cv``):
  * grouped 5-fold cross-validation: Emergent grouped by claim, FNC-1 grouped by body, so no claim
    (Emergent) or article body (FNC-1) is in both the training and the test part of a fold;
  * cross-data: train on FNC-1 only and test on Emergent, and the other way round.

Without ``--cv`` the model is fitted on everything and written to
``src/sitrep/data/stance/model.json``.

Usage:  .venv/bin/python eval/train_stance.py [--cv] [--fnc-unrelated N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.link import stance as S  # noqa: E402

DATA = Path("/work/shared/data/stance")
OUT = ROOT / "src" / "sitrep" / "data" / "stance" / "model.json"
CACHE = Path("/tmp/sitrep_stance_features.npz")


def _read(path: Path) -> list[dict[str, str]]:
    op = gzip.open if path.suffix == ".gz" else open
    with op(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        return [json.loads(line) for line in f if line.strip()]


def load(fnc_unrelated: int, seed: int = 0
         ) -> tuple[np.ndarray, list[frozenset[str]], np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Dense features X, bags of words, label ids y, data set ids d (0 Emergent, 1 FNC), group
    ids g (claim for Emergent, body for FNC-1) and the claim of each pair."""
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
    src = Path(S.__file__).read_bytes()
    key = hashlib.sha1(src + f"{len(recs)}:{fnc_unrelated}:{seed}".encode()).hexdigest()
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
    return X, bows, y, d, g, [r["claim"] for r, _, _ in recs]


def build_vocab(bows: list[frozenset[str]], claims: list[str], idx: np.ndarray,
                min_claims: int, max_words: int = 800) -> list[str]:
    """Words seen in the texts of at least `min_claims` different claims (general words, not
    topic words or names of one story)."""
    seen: dict[str, set[str]] = {}
    for i in idx:
        for w in bows[i]:
            seen.setdefault(w, set()).add(claims[i])
    ok = [w for w, c in seen.items() if len(c) >= min_claims]
    ok.sort(key=lambda w: -len(seen[w]))
    return sorted(ok[:max_words])


def with_bow(X: np.ndarray, bows: list[frozenset[str]], vocab: list[str]) -> np.ndarray:
    return np.hstack([X, S.bow_matrix(bows, vocab)])


def train(X: np.ndarray, y: np.ndarray, *, hidden: int = 24, epochs: int = 60, lr: float = 0.01,
          l2: float = 1e-4, class_power: tuple[float, ...] = (0.0, 0.5), seed: int = 0,
          sample_weight: np.ndarray | None = None, groups: np.ndarray | None = None) -> S.MLP:
    """Mini-batch Adam on weighted cross-entropy."""
    rng = np.random.default_rng(seed)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    Z = (X - mean) / scale
    n, k = Z.shape
    c = len(S.LABELS)
    # class weights computed within each data set (headline data and body data have very
    # different label mixes), normalised to mean 1 per data set
    dset = groups if groups is not None else np.zeros(n, dtype=int)
    sw = np.ones(n)
    for dv in np.unique(dset):
        sel = dset == dv
        freq = np.bincount(y[sel], minlength=c).astype(float) + 1.0
        cw = (freq.sum() / freq) ** class_power[min(int(dv), len(class_power) - 1)]
        sw[sel] = cw[y[sel]] / cw[y[sel]].mean()
    if sample_weight is not None:
        sw = sw * sample_weight
    params = {
        "w1": rng.normal(0, 1 / np.sqrt(k), (k, hidden)), "b1": np.zeros(hidden),
        "w2": rng.normal(0, 1 / np.sqrt(hidden), (hidden, c)), "b2": np.zeros(c),
    }
    m = {p: np.zeros_like(v) for p, v in params.items()}
    v2 = {p: np.zeros_like(v) for p, v in params.items()}
    Y = np.eye(c)[y]
    step = 0
    bs = 256
    for _ in range(epochs):
        perm = rng.permutation(n)
        for i in range(0, n, bs):
            b = perm[i:i + bs]
            zb, yb, wb = Z[b], Y[b], sw[b][:, None]
            h = np.tanh(zb @ params["w1"] + params["b1"])
            lo = h @ params["w2"] + params["b2"]
            lo -= lo.max(axis=1, keepdims=True)
            p = np.exp(lo)
            p /= p.sum(axis=1, keepdims=True)
            dlo = (p - yb) * wb / len(b)
            grads = {"w2": h.T @ dlo + l2 * params["w2"], "b2": dlo.sum(0)}
            dh = (dlo @ params["w2"].T) * (1 - h * h)
            grads["w1"] = zb.T @ dh + l2 * params["w1"]
            grads["b1"] = dh.sum(0)
            step += 1
            for name, gr in grads.items():
                m[name] = 0.9 * m[name] + 0.1 * gr
                v2[name] = 0.999 * v2[name] + 0.001 * gr * gr
                mh = m[name] / (1 - 0.9 ** step)
                vh = v2[name] / (1 - 0.999 ** step)
                params[name] -= lr * mh / (np.sqrt(vh) + 1e-8)
    return S.MLP(mean, scale, params["w1"], params["b1"], params["w2"], params["b2"])


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
    ap.add_argument("--hidden", type=int, default=24)
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--class-power", type=float, nargs=2, default=(0.0, 0.5),
                    help="class-weight exponent for Emergent and for FNC-1")
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-claims", type=int, default=30,
                    help="a bag-of-words feature needs texts of this many different claims")
    ap.add_argument("--bow", action="store_true",
                    help="add a bag-of-words block (slower; it did not help in grouped CV)")
    args = ap.parse_args()
    X0, bows, y, d, g, claims = load(args.fnc_unrelated)

    def inputs(train_idx: np.ndarray) -> tuple[np.ndarray, list[str]]:
        if not args.bow:
            return X0, []
        vocab = build_vocab(bows, claims, train_idx, args.min_claims)
        return with_bow(X0, bows, vocab), vocab

    # the unrelated FNC rows were subsampled: weight them back up in the FNC estimate
    n_unrel_full = 36545
    fnc_w = np.where((d == 1) & (y == 3), n_unrel_full / max(1, ((d == 1) & (y == 3)).sum()), 1.0)
    kw = dict(hidden=args.hidden, epochs=args.epochs, class_power=tuple(args.class_power), l2=args.l2)
    if args.cv:
        rng = np.random.default_rng(0)
        fold_of_group = rng.integers(0, args.folds, g.max() + 1)
        fold = fold_of_group[g]
        pred = np.zeros(len(y), dtype=int)
        for k in range(args.folds):
            tr, te = fold != k, fold == k
            X, _ = inputs(np.flatnonzero(tr))
            model = train(X[tr], y[tr], groups=d[tr], **kw)  # type: ignore[arg-type]
            pred[te] = model.proba(X[te]).argmax(1)
        print(f"grouped {args.folds}-fold CV (Emergent by claim, FNC-1 by body):")
        report("  emergent", y[d == 0], pred[d == 0])
        report("  fnc1 (unrelated reweighted)", y[d == 1], pred[d == 1], fnc_w[d == 1])
        print("cross-data:")
        X, _ = inputs(np.flatnonzero(d == 1))
        model = train(X[d == 1], y[d == 1], **kw)  # type: ignore[arg-type]
        p = model.proba(X[d == 0])
        p[:, 3] = 0.0  # Emergent has no unrelated pairs: compare among the three related labels
        report("  train FNC-1 -> test Emergent (3-way)", y[d == 0], p.argmax(1))
        X, _ = inputs(np.flatnonzero(d == 0))
        model = train(X[d == 0], y[d == 0], **kw)  # type: ignore[arg-type]
        rel = (d == 1) & (y != 3)
        report("  train Emergent -> test FNC-1 related pairs", y[rel], model.proba(X[rel]).argmax(1))
        return 0
    X, vocab = inputs(np.arange(len(y)))
    print(f"{X.shape[1]} inputs ({len(vocab)} words)")
    model = train(X, y, groups=d, **kw)  # type: ignore[arg-type]
    report("training fit emergent", y[d == 0], model.proba(X[d == 0]).argmax(1))
    report("training fit fnc1", y[d == 1], model.proba(X[d == 1]).argmax(1), fnc_w[d == 1])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    js = model.to_json(S.FEATURE_NAMES)
    js["vocab"] = vocab
    js["trained_on"] = ("Emergent train split (Ferreira & Vlachos 2016) + FNC-1 train "
                        f"({args.fnc_unrelated} unrelated pairs sampled); eval/train_stance.py")
    js["params"] = kw

    def rnd(o: object) -> object:
        if isinstance(o, float):
            return round(o, 6)
        if isinstance(o, list):
            return [rnd(x) for x in o]
        if isinstance(o, dict):
            return {k: rnd(v) for k, v in o.items()}
        return o
    OUT.write_text(json.dumps(rnd(js)), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
