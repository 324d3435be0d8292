#!/usr/bin/env python3
"""Analysis throughput next to spaCy's bare ``nlp.pipe`` (the cost floor), and peak memory.

    python bench/bench_analyze.py --data ../shared/data/extraction/fundus --n 120

Texts: English article bodies from an extraction data set's ``gold.jsonl`` (read at run time, never
copied), cut or joined to about ``--words`` words each.  Each configuration runs in its own child
process (so model loading and memory do not leak between runs); the model is loaded before the clock
starts.  Reported: articles per second and the child's peak RSS, for

* ``spacy-bare``: ``nlp.pipe(texts)`` with the same model, 1 process; and ``n_process=2``;
* ``sitrep``: ``analyze_texts`` (parse + actors + events + claims) with ``jobs=1`` and ``jobs=2``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path


def load_texts(data: Path, n: int, words: int) -> list[str]:
    bodies = []
    for line in (data / "gold.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        if rec.get("language") == "en" and rec.get("body"):
            bodies.append(rec["body"])
    if not bodies:
        raise SystemExit(f"{data}: no English bodies in gold.jsonl")
    pool = " ".join(bodies).split()
    texts, i = [], 0
    while len(texts) < n:
        chunk = pool[i:i + words]
        if len(chunk) < words:
            i = 0
            continue
        texts.append(" ".join(chunk))
        i += words
    return texts


def _run(kind: str, jobs: int, texts: list[str], q: mp.Queue) -> None:  # type: ignore[type-arg]
    if kind == "spacy-bare":
        from sitrep.analyze.nlp import get_nlp

        nlp = get_nlp()
        list(nlp.pipe(texts[:4]))
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=jobs):
            pass
        dt = time.perf_counter() - t0
    else:
        from sitrep.analyze import AnalyzeInput, analyze_texts

        warm = [AnalyzeInput(id=str(i), text=t) for i, t in enumerate(texts[:4])]
        list(analyze_texts(warm, jobs=1))
        docs = [AnalyzeInput(id=str(i), text=t) for i, t in enumerate(texts)]
        t0 = time.perf_counter()
        n_events = n_claims = 0
        for an in analyze_texts(docs, jobs=jobs):
            n_events += len(an.events)
            n_claims += len(an.claims)
        dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    q.put({"kind": kind, "jobs": jobs, "seconds": dt, "docs_per_s": len(texts) / dt,
           "peak_rss_mb": max(peak, children)})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--out", default="bench/results/analyze.json")
    args = ap.parse_args()
    texts = load_texts(args.data, args.n, args.words)
    ctx = mp.get_context("spawn")
    rows = []
    print(f"{len(texts)} texts of {args.words} words")
    print(f"{'run':<12} {'jobs':>4} {'docs/s':>8} {'peak MB':>8}")
    for kind, jobs in (("spacy-bare", 1), ("sitrep", 1), ("spacy-bare", 2), ("sitrep", 2)):
        q: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
        p = ctx.Process(target=_run, args=(kind, jobs, texts, q))
        p.start()
        row = q.get()
        p.join()
        rows.append(row)
        print(f"{kind:<12} {jobs:>4} {row['docs_per_s']:>8.2f} {row['peak_rss_mb']:>8.0f}")
    bare = {r["jobs"]: r["docs_per_s"] for r in rows if r["kind"] == "spacy-bare"}
    for r in rows:
        if r["kind"] == "sitrep":
            r["ratio_to_bare"] = r["docs_per_s"] / bare[r["jobs"]]
            print(f"sitrep / bare with {r['jobs']} process(es): {r['ratio_to_bare']:.2f}x")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"rows": rows, "n": len(texts), "words": args.words}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
