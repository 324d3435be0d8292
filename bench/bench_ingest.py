#!/usr/bin/env python3
"""Ingest at growing corpus sizes: time per added article, query times, peak memory.

    python bench/bench_ingest.py --sizes 1000 5000 10000 [--analyze-sample 200]

Articles are generated (no data is copied into the project): a few thousand synthetic "events", each
with its own invented place and person names and a topic vocabulary, reported by several outlets in
sentences drawn from templates, so that stories and near-duplicates form as in news.  The corpus is
ingested batch after batch into one SQLite store; after each batch the time per added article is
recorded, so growth with corpus size shows directly.  The linking stages (near-duplicates, stories,
propositions) are what grows with the corpus; the per-article analysis (spaCy) is constant per article
and is timed separately on ``--analyze-sample`` articles (``--with-analysis`` runs it on everything).
Peak memory is the process' RSS high-water mark, read after each batch.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

SYLL = ["ka", "lo", "ve", "ri", "tan", "mor", "el", "dri", "su", "pa", "gon", "at", "ber", "ny", "ost", "ul", "fe",
        "zan", "ir", "qu", "hal", "min", "ra", "tev"]
TOPICS = {
    "quake": ["earthquake", "magnitude", "rubble", "rescue", "aftershock", "collapsed", "injured", "epicentre"],
    "summit": ["summit", "ministers", "talks", "communique", "agreement", "delegation", "negotiations", "trade"],
    "strike": ["strike", "union", "workers", "wages", "picket", "negotiators", "port", "shutdown"],
    "clash": ["troops", "border", "shelling", "ceasefire", "artillery", "soldiers", "village", "wounded"],
    "sanction": ["sanctions", "exports", "banks", "assets", "embargo", "measures", "treasury", "restrictions"],
    "election": ["election", "ballots", "turnout", "candidate", "campaign", "polls", "coalition", "parliament"],
}
TEMPLATES = [
    "{p1} said the {t0} near {place} was the worst in years and that {t1} would continue.",
    "Officials in {place} confirmed that {n} people were {t2} after the {t0} on {day}.",
    "According to {p2}, the {t3} began early on {day} and reached {place} by the evening.",
    "{p1} denied reports that the {t4} had been planned in advance by {org}.",
    "Witnesses told the {outlet} that {t5} could be seen across {place}.",
    "{org} warned that the {t6} might spread beyond {place} if nothing changed.",
    "The {t7} drew criticism from {p2}, who called it a failure of {org}.",
]
OUTLETS = ["Daily Ledger", "Coast Post", "Morning Wire", "Capital Times", "Northern Herald", "Evening Courier"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(SYLL) for _ in range(n)).capitalize()


def make_events(n: int, rng: random.Random) -> list[dict]:
    events = []
    for i in range(n):
        topic = rng.choice(list(TOPICS))
        events.append({"topic": topic, "place": word(rng), "p1": f"{word(rng, 2)} {word(rng)}",
                       "p2": f"{word(rng, 2)} {word(rng)}", "org": f"the {word(rng)} Council",
                       "n": rng.randint(3, 400), "day": rng.choice(DAYS),
                       "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "id": i})
    return events


def make_article(ev: dict, k: int, rng: random.Random) -> dict:
    vocab = TOPICS[ev["topic"]]
    outlet = rng.choice(OUTLETS)
    fields = dict(ev, outlet=outlet, **{f"t{i}": vocab[i] for i in range(8)})
    sents = [rng.choice(TEMPLATES).format(**fields) for _ in range(rng.randint(8, 16))]
    paras = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
    return {"id": f"ev{ev['id']}-{k}", "title": f"{vocab[0].capitalize()} in {ev['place']}: {ev['p1']} speaks",
            "text": "\n\n".join(paras), "published": ev["date"], "outlet": outlet,
            "url": f"https://{outlet.lower().replace(' ', '')}.example/{ev['id']}/{k}"}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--with-analysis", action="store_true", help="run the spaCy analysis on every article")
    ap.add_argument("--analyze-sample", type=int, default=200, help="articles for the separate analysis timing")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="bench/results/ingest.json")
    args = ap.parse_args()

    from sitrep.service import analyze_articles, ingest
    from sitrep.store import open_store

    rng = random.Random(args.seed)
    total = max(args.sizes)
    events = make_events(max(1, total // 4), rng)
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    db = str(tmp / "bench.db")
    rows, done, k = [], 0, 0
    print(f"{'corpus':>8} {'batch':>6} {'ms/article':>11} {'stories q':>10} {'timeline q':>11} {'peak MB':>8}")
    while done < total:
        n = min(args.batch, total - done)
        path = tmp / f"batch{k:04d}.jsonl"
        with path.open("w") as fh:
            for i in range(n):
                ev = events[rng.randrange(len(events))]
                fh.write(json.dumps(make_article(ev, done + i, rng)) + "\n")
        t0 = time.perf_counter()
        rep = ingest([str(path)], db, analyze=args.with_analysis)
        dt = time.perf_counter() - t0
        done += n
        k += 1
        if any(done >= s and done - n < s for s in args.sizes):
            with open_store(db) as st:
                t1 = time.perf_counter()
                n_stories = len(st.stories())
                tq_st = time.perf_counter() - t1
                t1 = time.perf_counter()
                st.timeline(limit=100)
                tq_tl = time.perf_counter() - t1
            row = {"corpus": done, "ms_per_article": 1000 * dt / max(rep.added, 1), "added": rep.added,
                   "stories": n_stories, "stories_query_s": tq_st, "timeline_query_s": tq_tl, "peak_rss_mb": rss_mb()}
            rows.append(row)
            print(f"{done:>8} {n:>6} {row['ms_per_article']:>11.2f} {tq_st:>9.3f}s {tq_tl:>10.3f}s {rss_mb():>8.0f}")
    sample = []
    for i in range(args.analyze_sample):
        sample.append(make_article(events[i % len(events)], i, rng))
    from sitrep.model import Article

    arts = [Article(id=str(i), source=a["id"], body=a["text"], title=a["title"]) for i, a in enumerate(sample)]
    analyze_articles(arts[:5])  # load the model outside the timing
    t0 = time.perf_counter()
    analyze_articles(arts)
    an_ms = 1000 * (time.perf_counter() - t0) / max(len(arts), 1)
    print(f"analysis (constant per article, {len(arts)} articles): {an_ms:.1f} ms/article")
    out = {"rows": rows, "analysis_ms_per_article": an_ms, "with_analysis": args.with_analysis,
           "python": sys.version.split()[0]}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2))
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
