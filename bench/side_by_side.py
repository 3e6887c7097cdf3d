#!/usr/bin/env python3
"""Side by side: this build of `skillex` and a baseline binary (an older release) on the same
1,000-skill corpus, for the stages a change to hardening could slow down: a cold `sync`, a
no-change `sync`, and a cold `site` of the synced hub.

    python3 bench/side_by_side.py --baseline OLD_SKILLEX [--binary NEW] [--skills 1000] [--repeat 5]

Each round copies the corpus afresh for both binaries and alternates which goes first, so load
from other work slows both alike; medians of wall and CPU time (user + system of the child) are
reported as Markdown rows for docs/engineering/benchmarks.md. Work folders go to /dev/shm when it exists.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus, fresh_copy, skillex_bin  # noqa: E402

CLOCK = "2025-06-01T00:00:00Z"


def timed(binary, hub, *args):
    """(wall s, CPU s) of one run; exit 0 or 1 (a failed check) are both fine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.run([binary, *args, "--manifest", str(hub / "manifest.json"), "--clock", CLOCK,
                           "--format", "json"], cwd=hub, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1", "SKILLEX_LOG_LEVEL": "error"})
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{binary} {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()[:300]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", required=True)
    ap.add_argument("--binary")
    ap.add_argument("--skills", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    binaries = {"new": args.binary or skillex_bin(), "baseline": args.baseline}
    src = corpus(args.skills)
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    samples = {(name, step): [] for name in binaries for step in ("sync cold", "sync no change", "site cold")}
    for round_ in range(args.repeat):
        order = list(binaries) if round_ % 2 == 0 else list(reversed(binaries))
        for name in order:
            work = Path(tempfile.mkdtemp(prefix="skillex-side-", dir=base))
            try:
                hub = fresh_copy(src, work / "hub")
                samples[(name, "sync cold")].append(timed(binaries[name], hub, "sync"))
                samples[(name, "sync no change")].append(timed(binaries[name], hub, "sync"))
                samples[(name, "site cold")].append(timed(binaries[name], hub, "site"))
            finally:
                shutil.rmtree(work, ignore_errors=True)
    print(f"| step ({args.skills} skills, median of {args.repeat}) | baseline wall | new wall | baseline CPU | new CPU | CPU new/baseline |")
    print("|---|---:|---:|---:|---:|---:|")
    for step in ("sync cold", "sync no change", "site cold"):
        old, new = samples[("baseline", step)], samples[("new", step)]
        ow, nw = statistics.median(w for w, _ in old), statistics.median(w for w, _ in new)
        oc, nc = statistics.median(c for _, c in old), statistics.median(c for _, c in new)
        print(f"| {step} | {ow:.3f} s | {nw:.3f} s | {oc:.3f} s | {nc:.3f} s | {nc / oc:.2f} |")


if __name__ == "__main__":
    main()
