#!/usr/bin/env python3
"""Packaging benchmark: `skillex package` (full) against `zip -q -r -X` of the same skills folder,
at 1,000 and 10,000 skills, plus the size of a delta after a one-skill change (1,000 skills).

    python3 bench/package.py [--sizes 1000,10000] [--repeat 3]

Prints Markdown table rows for docs/engineering/benchmarks.md ("Packaging").
"""
import argparse
import resource
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus, fresh_copy, peak_rss_mib, row, run_timed, skillex_bin  # noqa: E402

WORK = Path(os.environ.get("SKILLEX_BENCH_WORK", "/tmp/skillex-bench-package"))


def sync(binary, hub):
    proc = subprocess.run([binary, "sync", "--manifest", str(hub / "manifest.json"), "--format", "json"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: sync failed: {proc.stderr.decode(errors='replace')[-2000:]}")


def package(binary, hub, *args):
    out = subprocess.run([binary, "package", "--manifest", str(hub / "manifest.json"), "--format", "json", *args],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def measure(binary, n, repeat):
    hub = fresh_copy(corpus(n), WORK / f"n{n}")
    sync(binary, hub)
    dist = hub / "dist"
    archive = WORK / f"zip-n{n}.zip"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600"}
    ours_cmd = [binary, "package", "--manifest", str(hub / "manifest.json"), "--version", "1.0.0", "--format", "json"]
    zip_cmd = ["zip", "-q", "-r", "-X", str(archive), "skills"]
    clear_ours = lambda: shutil.rmtree(dist, ignore_errors=True)
    clear_zip = lambda: archive.unlink(missing_ok=True)
    # Alternate the two tools so a busy machine (shared cores) slows both alike; report medians
    # of wall time and of CPU time (user + system), which load from other work barely moves.
    reps = repeat if n <= 1000 else 1
    samples = {"ours": [], "zip": []}
    for _ in range(reps):
        for name, cmd, clear, env_ in (("ours", ours_cmd, clear_ours, env), ("zip", zip_cmd, clear_zip, None)):
            clear()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall, _, proc = run_timed(cmd, cwd=hub, env=env_)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode != 0:
                sys.exit(f"bench: {cmd[0]} failed: {proc.stderr.decode(errors='replace')[-2000:]}")
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            samples[name].append((wall, cpu))
    med = lambda values: sorted(values)[len(values) // 2]
    ours, theirs = med([w for w, _ in samples["ours"]]), med([w for w, _ in samples["zip"]])
    ours_cpu, zip_cpu = med([c for _, c in samples["ours"]]), med([c for _, c in samples["zip"]])
    clear_ours()
    ours_mem = peak_rss_mib(ours_cmd, cwd=hub, env=env)
    clear_zip()
    zip_mem = peak_rss_mib(zip_cmd, cwd=hub)
    pack = dist / "skills-pack-1.0.0.zip"
    row(f"{n:,}", f"{ours:.2f} s (CPU {ours_cpu:.2f} s)", f"{theirs:.2f} s (CPU {zip_cpu:.2f} s)",
        f"{ours / theirs:.2f}×",
        f"{pack.stat().st_size / 2**20:.1f} MiB", f"{archive.stat().st_size / 2**20:.1f} MiB",
        f"{ours_mem:.0f} MiB", f"{zip_mem:.0f} MiB")
    return hub


def tree(root, skip=None):
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != skip}


def delta(binary, hub):
    shutil.rmtree(hub / "dist", ignore_errors=True)
    full = package(binary, hub, "--strategy", "delta", "--version", "1.0.0")
    consumer = WORK / "consumer-n1000"
    shutil.rmtree(consumer, ignore_errors=True)
    first_pull, _, _ = run_timed([binary, "pull", "--from", str(hub / "dist"), "--into", str(consumer)])
    skill = next((hub / "repos").glob("*/.claude/skills/*/SKILL.md"))
    skill.write_text(skill.read_text() + "\nOne more line.\n")
    sync(binary, hub)
    result = package(binary, hub, "--strategy", "delta", "--version", "1.0.1")
    changed = result["delta"]["changed"]
    size = result["delta"]["artifact"]["size"]
    skill_bytes = sum(p.stat().st_size for p in skill.parent.rglob("*") if p.is_file())
    ratio = size / full["pack"]["size"]
    row("delta, 1 of 1,000 skills changed", f"{size / 1024:.1f} KiB", f"skill {skill_bytes / 1024:.1f} KiB",
        f"full {full['pack']['size'] / 2**20:.1f} MiB", f"{ratio * 100:.2f}% of full", f"changed {changed}")
    pull_time, _, proc = run_timed([binary, "pull", "--from", str(hub / "dist"), "--into", str(consumer),
                                           "--format", "json"])
    pulled = json.loads(proc.stdout)
    fetched = [f["file"] for f in pulled["files"]]
    same = tree(consumer, skip="skillex-pack.json") == tree(hub / "skills")
    row("pull 1.0.0 → 1.0.1 (1,000 skills)", f"{pull_time:.2f} s (full pull {first_pull:.2f} s)",
        f"route {pulled['route']}", f"fetched {pulled['bytes_fetched'] / 1024:.1f} KiB: {', '.join(fetched)}",
        f"tree equal: {same}")
    if not same or pulled["route"] != "delta":
        sys.exit("bench: pull did not reproduce the new pack through the delta")
    if ratio >= 0.02:
        sys.exit(f"bench: delta is {ratio * 100:.2f}% of the full pack (goal < 2%)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    binary = skillex_bin()
    WORK.mkdir(parents=True, exist_ok=True)
    print("| skills | skillex package | zip -q -r -X | ratio | pack | zip | peak RSS skillex | peak RSS zip |")
    print("|---|---|---|---|---|---|---|---|")
    hubs = {n: measure(binary, n, args.repeat) for n in map(int, args.sizes.split(","))}
    if 1000 in hubs:
        print()
        delta(binary, hubs[1000])


if __name__ == "__main__":
    main()
