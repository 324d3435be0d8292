#!/usr/bin/env python3
"""sitrep's quality gate: run the shared scorers on the visible data and compare with pinned floors.

    python eval/gate.py                     # every check in eval/floors.json
    python eval/gate.py --only extract      # checks whose name starts with "extract"
    python eval/gate.py --report            # print figures, never fail (to decide new floors)

Each check runs one scorer from ``../shared/eval`` (next to the checkout) through the sitrep CLI and
reads the figures of its last output line (``name=value`` pairs, e.g. ``body_f1=0.951``).  The gate
fails when a figure is below its floor (or above its ceiling, for counts such as boilerplate
leaks).  Floors only ever go up (ceilings only down): raise them when the code gets better,
never lower one to make a change pass.  When ``../shared`` is missing the gate says so and passes
(a checkout without the evaluation data cannot be measured).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOORS = HERE / "floors.json"
NO_QUIET = {"score_seeds.py"}  # scorers without a --quiet option


def shared_dir() -> Path | None:
    for cand in (os.environ.get("SITREP_SHARED"), ROOT.parent / "shared"):
        if cand and (Path(cand) / "eval").is_dir():
            return Path(cand)
    return None


def default_cli() -> str:
    exe = Path(sys.executable).parent / "sitrep"
    if exe.exists():
        return str(exe)
    return shutil.which("sitrep") or f"{sys.executable} -m sitrep"


_PAIR = re.compile(r"([A-Za-z_][\w./-]*)=([-+]?\d+(?:\.\d+)?)(?:/(\d+))?")


def parse_figures(line: str) -> dict[str, float]:
    """``body_f1=0.951 title=3/5`` -> {"body_f1": 0.951, "title": 3.0}."""
    return {m.group(1): float(m.group(2)) for m in _PAIR.finditer(line)}


def run_check(check: dict, shared: Path, cli: str, timeout: float) -> tuple[dict[str, float], str, float]:
    args = [a.replace("{data}", str(shared / "data")) for a in check["args"]]
    quiet = ["--quiet"] if check["scorer"] not in NO_QUIET else []
    cmd = [sys.executable, str(shared / "eval" / check["scorer"]), "--cli", cli, *quiet, *args]
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - t0
    lines = [ln for ln in p.stdout.strip().splitlines() if ln.strip()]
    last = lines[-1] if lines else ""
    if p.returncode != 0 or not last:
        tail = " | ".join(p.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"scorer failed (exit {p.returncode}): {tail}")
    return parse_figures(last), last, took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", action="append", default=[], help="run checks whose name starts with this")
    ap.add_argument("--skip", action="append", default=[], help="skip checks whose name starts with this")
    ap.add_argument("--report", action="store_true", help="print figures only; never fail")
    ap.add_argument("--cli", default=os.environ.get("SITREP_CLI") or default_cli())
    ap.add_argument("--timeout", type=float, default=1500.0)
    ap.add_argument("--json", help="write the figures to this JSON file")
    args = ap.parse_args()

    shared = shared_dir()
    if shared is None:
        print("eval gate: ../shared (scorers and data) not found; nothing to measure, passing")
        return 0
    checks = json.loads(FLOORS.read_text())["checks"]
    failures: list[str] = []
    results = {}
    for check in checks:
        name = check["name"]
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        if any(name.startswith(s) for s in args.skip):
            continue
        try:
            figs, last, took = run_check(check, shared, args.cli, args.timeout)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print(f"FAIL {name}: {e}")
            failures.append(name)
            continue
        results[name] = figs
        bad = []
        for key, floor in check.get("floors", {}).items():
            got = figs.get(key)
            if got is None or got + 1e-9 < floor:
                bad.append(f"{key}={got} < {floor}")
        for key, ceiling in check.get("ceilings", {}).items():
            got = figs.get(key)
            if got is None or got - 1e-9 > ceiling:
                bad.append(f"{key}={got} > {ceiling}")
        status = "ok  " if not bad else "FAIL"
        print(f"{status} {name} ({took:.0f}s): {last}")
        for b in bad:
            print(f"     below floor: {b}")
        if bad:
            failures.append(name)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    if failures and not args.report:
        print(f"eval gate: {len(failures)} check(s) below their floors: {', '.join(failures)}")
        return 1
    print("eval gate: passed" if not failures else "eval gate: report only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
