#!/usr/bin/env python3
"""Extraction throughput and peak memory: sitrep (text dumps, HTML; 1 and 2 processes) next to trafilatura.

    python bench/bench_extract.py --data /path/to/extraction/fundus [--data /path/to/extraction/trafilatura]
                                  [--limit 150] [--scale 4] [--jobs 1 2] [--out bench/results/x.json]

Inputs are the pages of one or more extraction sets (``DIR/pages/<id>.html.gz`` and ``DIR/pages/<id>.txt``),
read from ``--data`` at run time (nothing is copied into the project).  The first ``--limit`` pages of
each set (sorted by name) make the base corpus of N documents; every configuration is run on N and on
``--scale`` x N documents (the same files listed again), so that peak memory can be compared at two
corpus sizes: a streaming extractor keeps it flat.

Configurations, each in a fresh child process (``multiprocessing`` spawn) so that runs do not share
caches or memory high-water marks:

* ``sitrep-text jobs=J``: :func:`sitrep.pipeline.extract_raw` over the ``.txt`` dumps (``--as text``);
* ``sitrep-html jobs=J``: the same over the ``.html.gz`` pages (``--as html``);
* ``trafilatura``: ``trafilatura.extract(html, with_metadata=True)`` over the same pages, read and
  gunzipped the same way (bytes in, trafilatura decodes them);
* ``trafilatura-fast``: the same with ``fast=True``.

Each child first imports everything and extracts one page (warm-up: imports and lazy model loads are
not part of the timing), then times the whole stream, reading included.  Reported per run: documents,
seconds, documents per second, documents per CPU-second (user + system time of the child and its pool
workers: steadier than the wall clock on a shared machine), and peak RSS (``ru_maxrss``) of the child and,
for jobs > 1, the largest peak RSS of its worker processes.  The table ends with sitrep-html(jobs=1) /
trafilatura throughput.
JSON goes to ``bench/results/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _files(data_dirs: list[str], suffix: str, limit: int) -> list[str]:
    """The first ``limit`` page files with ``suffix`` of each data set, sorted by name."""
    out: list[str] = []
    for d in data_dirs:
        pages = Path(d) / "pages"
        names = sorted(p.name for p in pages.iterdir() if p.name.endswith(suffix))
        out.extend(str(pages / n) for n in names[:limit])
    return out


def _rss_kb(who: int) -> int:
    """Peak RSS in KiB (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    v = resource.getrusage(who).ru_maxrss
    return v // 1024 if sys.platform == "darwin" else v


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process and of its finished children (the pool workers).

    On a machine shared with other work the wall-clock rate drops with the load; documents per
    CPU-second say what the extraction itself costs."""
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def _run_sitrep(files: list[str], kind: str, jobs: int) -> int:
    from sitrep.pipeline import extract_raw
    from sitrep.sources import iter_raw

    n = 0
    for _art in extract_raw(iter_raw(files, kind), jobs=jobs):  # type: ignore[arg-type]
        n += 1
    return n


def _run_trafilatura(files: list[str], fast: bool) -> int:
    import trafilatura

    n = 0
    for f in files:
        with gzip.open(f) if f.endswith(".gz") else open(f, "rb") as fh:
            data = fh.read()
        trafilatura.extract(data, with_metadata=True, fast=fast)
        n += 1
    return n


def _child(config: dict[str, Any], files: list[str], queue: Any) -> None:
    """One measured run: warm up on one page, then time the whole stream; report through ``queue``."""
    import logging

    logging.disable(logging.CRITICAL)  # trafilatura logs discarded pages at WARNING
    name, jobs = config["name"], config.get("jobs", 1)
    if name.startswith("sitrep"):
        kind = "text" if name == "sitrep-text" else "html"

        def run(fs: list[str]) -> int:
            return _run_sitrep(fs, kind, jobs)
    else:
        fast = name == "trafilatura-fast"

        def run(fs: list[str]) -> int:
            return _run_trafilatura(fs, fast)

    run(files[:1])  # warm-up (imports, lazy loads); for jobs > 1 the pool is created per run anyway
    cpu0 = _cpu_s()
    t0 = time.perf_counter()
    n = run(files)
    secs = time.perf_counter() - t0
    cpu = _cpu_s() - cpu0
    queue.put({
        **config,
        "docs": n,
        "seconds": round(secs, 3),
        "docs_per_s": round(n / secs, 2) if secs > 0 else None,
        "cpu_s": round(cpu, 3),
        "docs_per_cpu_s": round(n / cpu, 2) if cpu > 0 else None,
        "peak_rss_mb": round(_rss_kb(resource.RUSAGE_SELF) / 1024, 1),
        "workers_peak_rss_mb": round(_rss_kb(resource.RUSAGE_CHILDREN) / 1024, 1) if jobs > 1 else None,
    })


def measure(config: dict[str, Any], files: list[str]) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(config, files, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", action="append", required=True,
                    help="an extraction set folder with pages/ (repeatable)")
    ap.add_argument("--limit", type=int, default=150, help="pages per set in the base corpus (N)")
    ap.add_argument("--scale", type=int, default=4, help="the larger corpus is SCALE x N (inputs repeated)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts for sitrep")
    ap.add_argument("--only", nargs="*", default=None,
                    help="run only these configurations (sitrep-text sitrep-html trafilatura trafilatura-fast)")
    ap.add_argument("--out", default=None, help="JSON output (default bench/results/extract-<time>.json)")
    args = ap.parse_args(argv)

    html = _files(args.data, ".html.gz", args.limit)
    text = _files(args.data, ".txt", args.limit)
    if not html or not text:
        print("no pages found under --data", file=sys.stderr)
        return 2
    configs: list[dict[str, Any]] = []
    for j in args.jobs:
        configs.append({"name": "sitrep-text", "jobs": j})
        configs.append({"name": "sitrep-html", "jobs": j})
    configs += [{"name": "trafilatura", "jobs": 1}, {"name": "trafilatura-fast", "jobs": 1}]
    if args.only:
        configs = [c for c in configs if c["name"] in args.only]

    results: list[dict[str, Any]] = []
    header = (f"{'run':<18} {'jobs':>4} {'docs':>6} {'sec':>8} {'docs/s':>8} {'docs/cpu-s':>10} {'peak MB':>8} "
              f"{'workers MB':>10}")
    print(header, flush=True)
    print("-" * len(header), flush=True)
    for scale in (1, args.scale):
        for c in configs:
            files = (text if c["name"] == "sitrep-text" else html) * scale
            r = measure({**c, "scale": scale}, files)
            results.append(r)
            wk = f"{r['workers_peak_rss_mb']:.1f}" if r["workers_peak_rss_mb"] is not None else "-"
            print(f"{r['name']:<18} {r['jobs']:>4} {r['docs']:>6} {r['seconds']:>8.2f} {r['docs_per_s']:>8.2f} "
                  f"{r['docs_per_cpu_s']:>10.2f} {r['peak_rss_mb']:>8.1f} {wk:>10}", flush=True)

    def rate(name: str, jobs: int = 1, scale: int = 1) -> float | None:
        for r in results:
            if r["name"] == name and r["jobs"] == jobs and r["scale"] == scale:
                return float(r["docs_per_s"])
        return None

    summary: dict[str, Any] = {}
    for scale in (1, args.scale):
        s, t = rate("sitrep-html", 1, scale), rate("trafilatura", 1, scale)
        if s and t:
            summary[f"html_vs_trafilatura_x{scale}"] = round(s / t, 3)
    for scale in (1, args.scale):
        for name in ("sitrep-text", "sitrep-html"):
            a = [r["peak_rss_mb"] for r in results if r["name"] == name and r["jobs"] == 1 and r["scale"] == scale]
            if a:
                summary[f"{name}_peak_rss_mb_x{scale}"] = a[0]
    print()
    for k, v in summary.items():
        print(f"{k}: {v}")

    out = Path(args.out) if args.out else ROOT / "bench" / "results" / f"extract-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    import trafilatura

    out.write_text(json.dumps({
        "data": args.data, "limit": args.limit, "scale": args.scale, "jobs": args.jobs,
        "html_files": len(html), "text_files": len(text),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "trafilatura": trafilatura.__version__,
        "results": results, "summary": summary,
    }, indent=2))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
