#!/usr/bin/env python3
"""Pull benchmark: `skillex pull` on the 1,000-skill corpus, a full pull into an empty folder and
a delta pull (one skill changed), optionally side by side with a baseline binary (an older
release) to show what a change to pull costs.

    python3 bench/pull.py [--baseline OLD_SKILLEX] [--repeat 9] [--work DIR]

The two binaries alternate (which goes first flips every round) on the same dist/, so load from
other work slows both alike; medians of wall and CPU time (user + system) are reported. Point
--work at a tmpfs (/dev/shm) to take disk contention out of the figures. Prints Markdown rows
for docs/engineering/benchmarks.md ("Packaging").
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus, fresh_copy, row, skillex_bin  # noqa: E402


def run(binary, hub, *args):
    proc = subprocess.run([binary, *map(str, args)], cwd=hub, capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1735689600"})
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: skillex {args[0]} failed: {proc.stderr[-2000:]}")


def timed_pull(binary, dist, target):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([binary, "pull", "--from", str(dist), "--into", str(target), "--format", "json"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"bench: pull failed: {proc.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), json.loads(proc.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", help="another skillex binary to time beside this one")
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--work", default=os.environ.get("SKILLEX_BENCH_WORK", "/tmp/skillex-bench-pull"))
    args = ap.parse_args()
    binary = skillex_bin()
    work = Path(args.work)
    hub = fresh_copy(corpus(1000), work / "hub")
    run(binary, hub, "sync", "--manifest", "manifest.json", "--format", "json")
    run(binary, hub, "package", "--manifest", "manifest.json", "--strategy", "delta", "--version", "1.0.0")
    held = work / "held"
    shutil.rmtree(held, ignore_errors=True)
    timed_pull(binary, hub / "dist", held)
    skill = next((hub / "repos").glob("*/.claude/skills/*/SKILL.md"))
    skill.write_text(skill.read_text() + "\nOne more line.\n")
    run(binary, hub, "sync", "--manifest", "manifest.json", "--format", "json")
    run(binary, hub, "package", "--manifest", "manifest.json", "--strategy", "delta", "--version", "1.0.1")
    binaries = [("this build", binary)] + ([("baseline", args.baseline)] if args.baseline else [])
    samples = {(name, route): [] for name, _ in binaries for route in ("full", "delta")}
    for round_ in range(args.repeat):
        for name, path in binaries if round_ % 2 == 0 else list(reversed(binaries)):
            target = work / "target"
            shutil.rmtree(target, ignore_errors=True)
            wall, cpu, result = timed_pull(path, hub / "dist", target)
            assert result["route"] == "full", result
            samples[(name, "full")].append((wall, cpu))
            shutil.rmtree(target)
            shutil.copytree(held, target)
            wall, cpu, result = timed_pull(path, hub / "dist", target)
            assert result["route"] == "delta", result
            samples[(name, "delta")].append((wall, cpu))
    median = lambda values: sorted(values)[len(values) // 2]
    print("| pull (1,000 skills) | binary | wall median (min) | CPU median (min) |")
    print("|---|---|---|---|")
    for route in ("full", "delta"):
        for name, _ in binaries:
            walls = [w for w, _ in samples[(name, route)]]
            cpus = [c for _, c in samples[(name, route)]]
            row(route, name, f"{median(walls):.2f} s ({min(walls):.2f} s)", f"{median(cpus):.2f} s ({min(cpus):.2f} s)")


if __name__ == "__main__":
    main()
