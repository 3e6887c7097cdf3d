#!/usr/bin/env python3
"""Crash-safety cost: what the durable writes (fsync before rename, then the folder) and the
workspace lock cost `skillex package` and `skillex score`, against `zip -q -r -X` + `sync FILE`
(the same durable pack made with standard tools).

    python3 bench/crash.py [--skills 1000] [--repeat 3]

SKILLEX_BIN picks the binary (default: the release build). fsync and flock time comes from
`strace -f -c -w` (wall time inside the calls; one extra run each, not the timed ones). Prints Markdown rows for
docs/engineering/benchmarks.md ("Crash safety").
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus, fresh_copy, row, run_timed, skillex_bin  # noqa: E402

WORK = Path(os.environ.get("SKILLEX_BENCH_WORK", "/tmp/skillex-bench-crash"))


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def syscalls(cmd, cwd):
    """(calls, seconds) per syscall of interest, from strace's summary."""
    proc = subprocess.run(["strace", "-f", "-c", "-w", "-e", "trace=fsync,flock,rename", *cmd], cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = {}
    for line in proc.stderr.splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[-1] in ("fsync", "flock", "rename") and re.match(r"[\d.]+$", parts[1]):
            found[parts[-1]] = (int(parts[3]), float(parts[1]))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skills", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    binary = os.environ.get("SKILLEX_BIN") or skillex_bin()
    hub = fresh_copy(corpus(a.skills), WORK / "hub")
    manifest = str(hub / "manifest.json")
    for step in (["sync"], ["score"]):
        subprocess.run([binary, *step, "--manifest", manifest, "--format", "json"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, SKILLEX_LOG_LEVEL="critical")
    pack_times, score_times, zip_times, zip_sync_times = [], [], [], []
    for index in range(a.repeat):
        cmd = [binary, "package", "--manifest", manifest, "--version", f"1.0.{index}", "--format", "json"]
        pack_times.append(run_timed(cmd, env=env)[0])
        score_times.append(run_timed([binary, "score", "--manifest", manifest, "--format", "json"], env=env)[0])
        out = WORK / "anchor.zip"
        out.unlink(missing_ok=True)
        zip_times.append(run_timed(["zip", "-q", "-r", "-X", str(out), "skills"], cwd=hub)[0])
        out.unlink()
        zip_sync_times.append(run_timed(["sh", "-c", f"zip -q -r -X {out} skills && sync {out}"], cwd=hub)[0])
    pack_calls = syscalls([binary, "package", "--manifest", manifest, "--version", "1.1.0", "--format", "json"], hub)
    score_calls = syscalls([binary, "score", "--manifest", manifest, "--format", "json"], hub)
    row("measurement", "value")
    row("skills", a.skills)
    row("`skillex package` (median)", f"{median(pack_times):.2f} s")
    row("`zip -q -r -X` / + `sync FILE` (median)", f"{median(zip_times):.2f} s / {median(zip_sync_times):.2f} s")
    for name, calls in (("package", pack_calls), ("score", score_calls)):
        for call in ("fsync", "flock", "rename"):
            count, seconds = calls.get(call, (0, 0.0))
            row(f"`skillex {name}`: {call}", f"{count} calls, {seconds * 1000:.1f} ms")
    row("`skillex score` (median)", f"{median(score_times):.2f} s")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
