#!/usr/bin/env python3
"""Train sitrep's line classifier and title scorer for plain-text dumps.

Data: the fundus extraction set (``../shared/data/extraction/fundus``): each page's crawler text dump
and its gold body and title.  Line labels are projected from the gold: a dump line is article text
when its whitespace-normalised text occurs in the gold body (lines under 25 characters only when they
equal a whole gold paragraph and lie between the first and last long matching line).

Models (numpy, written as JSON to ``src/sitrep/data/text/``):
* ``lines.json``: one-hidden-layer network over :data:`sitrep.extract.text.FEATURES`;
* ``title.json``: logistic regression over the line features plus
  :data:`sitrep.extract.textmeta.TITLE_FEATURES` for the candidate lines around the body start.

Honest figures: ``--cv 5`` reports publisher-grouped cross-validation on fundus (pages of one
publisher never sit in both train and test) for body F1 and title accuracy; the trafilatura set is
never used for training, so its chunk F1 (``--traf``) is a held-out figure.

    .venv/bin/python eval/train_lines.py --cv 5 --traf 300      # figures
    .venv/bin/python eval/train_lines.py --write                 # train on all of fundus, write JSON
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from sitrep.extract import text as T
from sitrep.extract import textmeta as TM
from sitrep.model import Hints

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
OUT = Path(T.__file__).resolve().parent.parent / "data" / "text"


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def load(name: str, limit: int | None = None) -> list[dict]:
    rows = []
    with open(DATA / name / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            p = DATA / name / "pages" / f"{g['id']}.txt"
            if p.exists():
                g["text"] = p.read_text("utf-8", errors="replace")
                rows.append(g)
            if limit and len(rows) >= limit:
                break
    return rows


def publisher(doc_id: str) -> str:
    return re.sub(r"_\d{4}_\d\d_\d\d$", "", doc_id)


def label_lines(lines: list[T.Line], body: str) -> np.ndarray:
    gold = ws(body)
    paras = {ws(p) for p in body.split("\n\n") if p.strip()}
    y = np.zeros(len(lines), dtype=np.float32)
    long_hits = [i for i, ln in enumerate(lines) if len(ln.text) >= 25 and ws(ln.text) in gold]
    if not long_hits:
        return y
    lo, hi = long_hits[0], long_hits[-1]
    for i in long_hits:
        y[i] = 1
    for i in range(lo, hi + 1):
        if ws(lines[i].text) in paras:
            y[i] = 1
    return y


# ------------------------------------------------------------------ numpy models

def train_mlp(X: np.ndarray, y: np.ndarray, hidden: int = 24, epochs: int = 80, lr: float = 0.01,
              l2: float = 1e-4, seed: int = 0, names: list[str] | None = None,
              groups: np.ndarray | None = None) -> dict:
    """One-hidden-layer ReLU network, Adam.  Pointwise logistic loss; with ``groups`` (the start
    row of each document's candidates, rows contiguous) a listwise softmax loss per document, full
    batch: the right objective when exactly one candidate per document (the title) is picked."""
    if groups is not None:
        return _train_listwise(X, y, groups, hidden, epochs, lr, l2, seed, names)
    rng = np.random.default_rng(seed)
    mean, std = X.mean(0), np.maximum(X.std(0), 1e-2)
    Z = (X - mean) / std
    n, d = Z.shape
    W1 = rng.normal(0, 1 / np.sqrt(d), (d, hidden)).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    W2 = rng.normal(0, 1 / np.sqrt(hidden), hidden).astype(np.float32)
    b2 = np.float32(0.0)
    params = [W1, b1, W2, np.array([b2])]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    batch = 4096
    t = 0
    for _ep in range(epochs):
        idx = rng.permutation(n)
        for s in range(0, n, batch):
            bi = idx[s:s + batch]
            zb, yb = Z[bi], y[bi]
            h = np.maximum(zb @ params[0] + params[1], 0)
            out = 1 / (1 + np.exp(-np.clip(h @ params[2] + params[3][0], -30, 30)))
            g = (out - yb) / len(bi)
            gW2 = h.T @ g + l2 * params[2]
            gb2 = np.array([g.sum()])
            gh = np.outer(g, params[2]) * (h > 0)
            gW1 = zb.T @ gh + l2 * params[0]
            gb1 = gh.sum(0)
            t += 1
            for k, gr in enumerate((gW1, gb1, gW2, gb2)):
                m[k] = 0.9 * m[k] + 0.1 * gr
                v[k] = 0.999 * v[k] + 0.001 * gr * gr
                mh = m[k] / (1 - 0.9 ** t)
                vh = v[k] / (1 - 0.999 ** t)
                params[k] = params[k] - lr * mh / (np.sqrt(vh) + 1e-8)
    return {"features": names or list(T.FEATURES), "mean": mean.tolist(), "std": std.tolist(),
            "W1": params[0].tolist(), "b1": params[1].tolist(), "W2": params[2].tolist(),
            "b2": float(params[3][0]), "threshold": 0.5, "sub_threshold": 0.3}


def _train_listwise(X: np.ndarray, y: np.ndarray, groups: np.ndarray, hidden: int, epochs: int, lr: float,
                    l2: float, seed: int, names: list[str] | None) -> dict:
    rng = np.random.default_rng(seed)
    mean, std = X.mean(0), np.maximum(X.std(0), 1e-2)
    Z = (X - mean) / std
    n, d = Z.shape
    gid = np.repeat(np.arange(len(groups)), np.diff(np.append(groups, n)))
    params = [rng.normal(0, 1 / np.sqrt(d), (d, hidden)), np.zeros(hidden),
              rng.normal(0, 1 / np.sqrt(hidden), hidden), np.zeros(1)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for t in range(1, epochs + 1):
        h = np.maximum(Z @ params[0] + params[1], 0)
        sc = h @ params[2] + params[3][0]
        mx = np.maximum.reduceat(sc, groups)[gid]
        e = np.exp(sc - mx)
        sm = e / np.add.reduceat(e, groups)[gid]
        g = (sm - y) / len(groups)
        grads = (Z.T @ (np.outer(g, params[2]) * (h > 0)) + l2 * params[0],
                 (np.outer(g, params[2]) * (h > 0)).sum(0), h.T @ g + l2 * params[2], np.array([g.sum()]))
        for k, gr in enumerate(grads):
            m[k] = 0.9 * m[k] + 0.1 * gr
            v[k] = 0.999 * v[k] + 0.001 * gr * gr
            params[k] = params[k] - lr * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
    return {"features": names or list(T.FEATURES), "mean": mean.tolist(), "std": std.tolist(),
            "W1": params[0].tolist(), "b1": params[1].tolist(), "W2": params[2].tolist(),
            "b2": float(params[3][0])}


# ------------------------------------------------------------------ data building

def featurize(docs: list[dict], outlets: bool = False) -> list[dict]:
    """Features as the pipeline computes them; with ``outlets``, every other document's publisher is
    known (as from a URL), so that the per-outlet repetition feature is learned too."""
    stats = T.LineStats()
    for k, d in enumerate(docs):
        d["outlet"] = publisher(d["id"]) if outlets and k % 2 == 0 else None
    for i in range(0, len(docs), 256):
        chunk = docs[i:i + 256]
        for d in chunk:
            stats.add_document(d["text"], d["outlet"])
        for d in chunk:
            lines = T.split_lines(d["text"])
            d["lines"] = lines
            d["X"] = T.line_features(lines, stats, d["outlet"], True)
            d["_stats"] = stats
    return docs


def title_rows(d: dict, p: np.ndarray) -> tuple[list[int], np.ndarray, np.ndarray]:
    keep = T.select_lines(d["lines"], p, d["X"])
    kept = [i for i, k in enumerate(keep) if k]
    start = kept[0] if kept else 0
    cands, extra = TM.title_features(d["lines"], d["X"], p, start, keep)
    X = np.concatenate([d["X"][cands], extra], axis=1) if cands else np.zeros((0, 1))
    gold = ws(d.get("title") or "").casefold()
    y = np.array([ws(d["lines"][i].text).casefold() == gold for i in cands], dtype=np.float32)
    return cands, X, y


def aeb(gold: str, pred: str) -> tuple[float, float, float]:
    def ng(t: str) -> Counter:
        toks = re.findall(r"\w+", t or "")
        return Counter(tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3)) if toks[i:i + 4])
    g, p = ng(gold), ng(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def body_f1(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    ps = [(tp / (tp + fp)) if tp + fp else 0.0 for tp, fp, fn in rows if tp + fp > 0]
    rs = [(tp / (tp + fn)) if tp + fn else 0.0 for tp, fp, fn in rows if tp + fn > 0]
    P = statistics.mean(ps) if ps else 0.0
    R = statistics.mean(rs) if rs else 0.0
    return (2 * P * R / (P + R) if P + R else 0.0), P, R


def use_models(models: dict[str, dict] | None, title_model: dict | None) -> None:
    """Make the extractor use in-memory models (``lines.json``, ``lines2.json``) instead of the shipped ones."""
    nets: dict[str, T._Net] = {}
    for name, m in (models or {}).items():
        nets[name] = T._Net(m, T.FEATURES + T.CONTEXT if name == "lines2.json" else T.FEATURES)
    T._model = lambda name, names=T.FEATURES: nets.get(name)  # type: ignore[assignment]
    TM._title_model = lambda: title_model  # type: ignore[assignment]


def evaluate(docs: list[dict]) -> dict:
    """Run the real extractor on docs (features already include the batch statistics)."""
    rows, titles, dates, authors = [], [], [], []
    for d in docs:
        stats = d.get("_stats")
        ex = T.extract_text(d["text"], Hints(outlet=d.get("outlet")), stats)
        if d.get("body"):
            rows.append(aeb(d["body"], ex.body))
        if d.get("title"):
            titles.append(ws(ex.title or "").casefold() == ws(d["title"]).casefold())
        if d.get("published"):
            dates.append((ex.published or "")[:10] == d["published"][:10])
        if isinstance(d.get("authors"), list):
            authors.append({ws(a).casefold() for a in ex.authors} == {ws(a).casefold() for a in d["authors"]})
        d["_pred"] = ex
    f, P, R = body_f1(rows) if rows else (0.0, 0.0, 0.0)
    mean = statistics.mean
    return {"body_f1": f, "P": P, "R": R, "title": mean(titles) if titles else None,
            "date": mean(dates) if dates else None, "authors": mean(authors) if authors else None}


def chunk_f1(docs: list[dict]) -> dict:
    tp = fp = fn = tn = 0
    for d in docs:
        body = ws(d["_pred"].body)
        for c in d.get("with") or []:
            if ws(c) in body:
                tp += 1
            else:
                fn += 1
        for c in d.get("without") or []:
            if ws(c) in body:
                fp += 1
            else:
                tn += 1
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    return {"chunk_f1": 2 * P * R / (P + R) if P + R else 0.0, "P": P, "R": R}


def fit(docs: list[dict], seed: int = 0, inner: int = 2) -> tuple[dict[str, dict], dict]:
    """Stage 1 on line features; stage 2 on line features plus neighbours' stage-1 probabilities,
    which come out-of-fold (publisher-grouped) so that stage 2 sees realistic, not memorised, inputs."""
    pubs = sorted({publisher(d["id"]) for d in docs})
    fold_of = {p: i % inner for i, p in enumerate(pubs)}
    for k in range(inner):
        tr = [d for d in docs if fold_of[publisher(d["id"])] != k]
        m = train_mlp(np.concatenate([d["X"] for d in tr]), np.concatenate([d["y"] for d in tr]), seed=seed)
        net = T._Net(m)
        for d in docs:
            if fold_of[publisher(d["id"])] == k:
                d["p1"] = net.predict(d["X"])
    X = np.concatenate([d["X"] for d in docs])
    y = np.concatenate([d["y"] for d in docs])
    m1 = train_mlp(X, y, seed=seed)
    X2 = np.concatenate([np.concatenate([d["X"], T.context_features(d["p1"], d["X"])], axis=1) for d in docs])
    m2 = train_mlp(X2, y, seed=seed, names=list(T.FEATURES + T.CONTEXT))
    net2 = T._Net(m2, T.FEATURES + T.CONTEXT)
    TX, Ty = [], []
    for d in docs:
        p = net2.predict(np.concatenate([d["X"], T.context_features(d["p1"], d["X"])], axis=1))
        _c, tx, ty = title_rows(d, p)
        if len(ty) and ty.any():
            ty = (np.arange(len(ty)) == int(np.argmax(ty))).astype(np.float32)  # one target per page
            TX.append(tx)
            Ty.append(ty)
    groups = np.cumsum([0] + [len(t) for t in Ty[:-1]])
    title_model = train_mlp(np.concatenate(TX), np.concatenate(Ty), hidden=16, epochs=400, seed=seed,
                            names=list(T.FEATURES) + list(TM.TITLE_FEATURES), groups=groups)
    return {"lines.json": m1, "lines2.json": m2}, title_model


def crops(docs: list[dict], seed: int = 0) -> list[dict]:
    """Augmentation: each page cut down to its article plus up to five lines on either side, as users
    paste partial pages; without it the model learns that the end of a file is always a footer."""
    rng = np.random.default_rng(seed)
    out = []
    for d in docs:
        pos = np.flatnonzero(d["y"])
        if len(pos) == 0:
            continue
        a = max(0, int(pos[0]) - int(rng.integers(0, 6)))
        b = min(len(d["lines"]), int(pos[-1]) + 1 + int(rng.integers(0, 6)))
        lines = d["lines"][a:b]
        c = {"id": d["id"], "title": d["title"], "body": d["body"], "published": d["published"],
             "authors": d["authors"], "lines": lines, "y": d["y"][a:b], "outlet": None, "_crop": True,
             "text": "\n".join(("  • " if ln.bullet else " " * ln.indent) + ln.text + ("\n" if ln.blank_after else "")
                               for ln in lines)}
        c["X"] = T.line_features(lines, None, None, False)
        out.append(c)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", type=int, default=0, help="publisher-grouped folds on fundus")
    ap.add_argument("--traf", type=int, default=0, help="held-out trafilatura pages to score")
    ap.add_argument("--write", action="store_true", help="train on all fundus pages and write the JSON models")
    a = ap.parse_args()
    docs = featurize(load("fundus"), outlets=True)
    for d in docs:
        d["y"] = label_lines(d["lines"], d["body"] or "")
    train_docs = docs + crops(docs)
    print(f"fundus: {len(docs)} pages, {sum(len(d['y']) for d in docs)} lines, "
          f"{int(sum(d['y'].sum() for d in docs))} body lines", file=sys.stderr)
    use_models(None, None)
    oracle = body_f1([aeb(d["body"], "\n\n".join(ln.text for ln, v in zip(d["lines"], d["y"], strict=True) if v))
                      for d in docs])
    print(f"label oracle body F1 {oracle[0]:.3f}")
    if a.cv:
        pubs = sorted({publisher(d["id"]) for d in docs})
        rng = np.random.default_rng(0)
        rng.shuffle(pubs)
        fold_of = {p: i % a.cv for i, p in enumerate(pubs)}
        held = []
        for k in range(a.cv):
            train = [d for d in docs if fold_of[publisher(d["id"])] != k]
            test = [d for d in docs if fold_of[publisher(d["id"])] == k]
            lm, tm = fit(train + [c for c in crops(train)])
            use_models(lm, tm)
            evaluate(test)
            held.extend(test)
        res = evaluate_from_preds(held)
        print("fundus publisher-CV (held-out):", json.dumps(res))
    lm, tm = fit(train_docs)
    use_models(lm, tm)
    print("fundus in-sample:", json.dumps(evaluate(docs)))
    if a.traf:
        tdocs = featurize(load("trafilatura", a.traf))
        r = evaluate(tdocs)
        r.update(chunk_f1(tdocs))
        print("trafilatura held-out:", json.dumps(r))
    if a.write:
        OUT.mkdir(parents=True, exist_ok=True)
        rnd = lambda v: [round(x, 5) for x in v] if isinstance(v[0], float) else [rnd(x) for x in v]  # noqa: E731
        for name, m in (("lines.json", lm["lines.json"]), ("lines2.json", lm["lines2.json"]), ("title.json", tm)):
            out = {k: (rnd(v) if isinstance(v, list) and v and not isinstance(v[0], str) else v) for k, v in m.items()}
            (OUT / name).write_text(json.dumps(out, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {OUT}/lines.json and title.json")


def evaluate_from_preds(docs: list[dict]) -> dict:
    rows = [aeb(d["body"], d["_pred"].body) for d in docs if d.get("body")]
    f, P, R = body_f1(rows)
    t = [ws(d["_pred"].title or "").casefold() == ws(d["title"]).casefold() for d in docs if d.get("title")]
    dt = [(d["_pred"].published or "")[:10] == d["published"][:10] for d in docs if d.get("published")]
    au = [{ws(a).casefold() for a in d["_pred"].authors} == {ws(a).casefold() for a in d["authors"]}
          for d in docs if isinstance(d.get("authors"), list)]
    return {"body_f1": round(f, 4), "P": round(P, 4), "R": round(R, 4), "title": round(statistics.mean(t), 4),
            "date": round(statistics.mean(dt), 4), "authors": round(statistics.mean(au), 4)}


if __name__ == "__main__":
    main()
