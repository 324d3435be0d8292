#!/usr/bin/env python3
"""Is extraction memory flat in the number of inputs?  Extract the same pages again and again in one
process and print the resident set size after each pass: with streaming and bounded caches it stops
growing after the first pass (imports, library caches, the parser's string dictionary).

    .venv/bin/python bench/bench_memory.py --data ../shared/data/extraction/fundus --limit 257 --passes 4

Pages are read from ``DIR/pages/*.html.gz`` (``--as html``) or ``*.txt`` (``--as text``) at run time.
"""

from __future__ import annotations

import argparse
import gc
import glob
import os
import resource

from sitrep.pipeline import extract_paths


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return -1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="an extraction set with DIR/pages/")
    ap.add_argument("--as", dest="kind", choices=["html", "text"], default="html")
    ap.add_argument("--limit", type=int, default=257)
    ap.add_argument("--passes", type=int, default=4)
    args = ap.parse_args()
    pattern = "*.html.gz" if args.kind == "html" else "*.txt"
    files = sorted(glob.glob(os.path.join(args.data, "pages", pattern)))[: args.limit]
    for p in range(1, args.passes + 1):
        n = sum(1 for _ in extract_paths(files, force=args.kind))
        gc.collect()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"pass {p}: {n * p} pages so far, rss {rss_mb()} MB, peak {peak} MB", flush=True)


if __name__ == "__main__":
    main()
