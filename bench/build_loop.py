#!/usr/bin/env python3
"""The CI loop: a cold `skillex build`, then `build` with nothing changed, then `build` after one
skill edit, on the same hub, at each size.

    python3 bench/build_loop.py [--sizes 1000 10000] [--repeat 3] [--cycles 1] [--binary PATH]

Hubs run `skillex build` on every push and most pushes change no skill, so the no-change build is
the common case. Each size starts from a fresh copy of the corpus (bench/corpus.py) on tmpfs
(/dev/shm when there is one, so the figures measure SkillEx and not the disk): a cold build (no
skills/, no dist/, no public/, no .skillex/), then `--repeat` no-change builds and `--repeat` one-edit
builds (a line appended to one skill's SKILL.md in its source repository, a different skill
each time); `--cycles` repeats all of it on fresh hubs. Medians are reported, with the child's
user+sys CPU time, its peak RSS, the event log's growth per build and how many skill pages
(`public/skills/**/index.html`) each build wrote again. Goals (issue #14): no-change ≤ 5 % of
cold, one edit ≤ 10 %, event log growth < 2 KB per no-change build.

The machine this runs on changes speed by tens of percent from one minute to the next, so a
ratio is taken within each cycle (its builds' median over its own cold build, all made within
seconds of each other), and "of cold" is the median of those ratios over the cycles; each
cycle's ratios are printed with its times, and the wall times in the table are medians over all
cycles.

The binary is the release build the other benchmarks and scripts/demo use (`scripts/build -c
release $(scripts/build --release-flags)`), unless --binary names another.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

if "SKILLEX_CORPUS_ROOT" not in os.environ and os.path.isdir("/dev/shm"):
    os.environ["SKILLEX_CORPUS_ROOT"] = "/dev/shm/skillex-corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPUS_ROOT, corpus, fresh_copy, row, skillex_bin  # noqa: E402


def measured(cmd, cwd):
    """Runs `cmd`; returns (wall s, user+sys CPU s, peak RSS MiB, exit status, stderr) of that
    one child (wait4 gives its own resource usage, not the sum over earlier children)."""
    env = dict(os.environ, NO_COLOR="1", SKILLEX_LOG_LEVEL="error")
    env.pop("SOURCE_DATE_EPOCH", None)
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, child.returncode, stderr


def skill_pages(hub: Path) -> dict:
    """Every skill page's path -> (inode, mtime in ns): a page written again changes one of them."""
    pages = {}
    for page in (hub / "public" / "skills").glob("*/*/index.html"):
        info = page.stat()
        pages[str(page.relative_to(hub))] = (info.st_ino, info.st_mtime_ns)
    return pages


def event_bytes(hub: Path) -> int:
    """Bytes in the event log and its rotated files."""
    return sum(p.stat().st_size for p in (hub / ".skillex").glob("events.jsonl*"))


class Loop:
    def __init__(self, binary: str, hub: Path):
        self.binary, self.hub = binary, hub
        self.cmd = [binary, "build", "--format", "json"]

    def build(self, label):
        before_pages, before_events = skill_pages(self.hub), event_bytes(self.hub)
        wall, cpu, peak, status, stderr = measured(self.cmd, self.hub)
        if status not in (0, 1):
            sys.exit(f"bench: {label} build failed ({status}): {stderr.decode(errors='replace')[-2000:]}")
        after = skill_pages(self.hub)
        rewritten = sum(1 for path, stamp in after.items() if before_pages.get(path) != stamp)
        return {"wall": wall, "cpu": cpu, "peak": peak, "events": event_bytes(self.hub) - before_events,
                "rewritten": rewritten, "pages": len(after)}


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="no-change and one-edit builds per size (medians)")
    parser.add_argument("--cycles", type=int, default=1,
                        help="fresh hubs per size, each with its own cold, no-change and one-edit builds; "
                             "medians over all (the cold build is one sample per cycle, so more cycles "
                             "steady the ratios on a noisy machine)")
    parser.add_argument("--binary", help="the skillex binary (default: the release build)")
    args = parser.parse_args()
    binary = args.binary or skillex_bin()
    print(f"skillex {binary}; corpus and hubs under {CORPUS_ROOT}", flush=True)
    results = []
    for size in args.sizes:
        colds, same, edits = [], [], []
        for cycle in range(args.cycles):
            hub = fresh_copy(corpus(size), CORPUS_ROOT / f"loop-work-{size}")
            loop = Loop(binary, hub)
            cold = loop.build("cold")
            cycle_same = [loop.build("no-change") for _ in range(args.repeat)]
            sources = sorted(hub.glob("repos/*/.claude/skills/*/SKILL.md"))
            cycle_edits = []
            for attempt in range(args.repeat):
                skill = sources[((cycle * args.repeat + attempt) * 7919) % len(sources)]
                with open(skill, "a") as handle:
                    handle.write(f"\nOne more line from the build-loop benchmark ({attempt}).\n")
                edit = loop.build("one-edit")
                page = next(hub.glob(f"public/skills/*/{skill.parent.name}/index.html"))
                if f"build-loop benchmark ({attempt})" not in page.read_text():
                    sys.exit(f"bench: the one-edit build did not show the edit in {page}")
                cycle_edits.append(edit)
            walls = [", ".join("%.3f" % r["wall"] for r in runs) for runs in (cycle_same, cycle_edits)]
            for runs, key in ((cycle_same, "same"), (cycle_edits, "edit")):
                cold[key + "_ratio"] = median(runs, "wall") / cold["wall"]
                cold[key + "_cpu_ratio"] = median(runs, "cpu") / cold["cpu"]
            print(f"{size}: cold {cold['wall']:.2f} s; no change {walls[0]} ({cold['same_ratio'] * 100:.1f}%); "
                  f"one edit {walls[1]} ({cold['edit_ratio'] * 100:.1f}%)", flush=True)
            colds.append(cold)
            same += cycle_same
            edits += cycle_edits
            shutil.rmtree(hub, ignore_errors=True)
        # The median cold build (by wall time) stands for the size in the table; the ratios are
        # the medians of the cycles' own.
        cold = sorted(colds, key=lambda r: r["wall"])[len(colds) // 2]
        results.append((size, cold, colds, same, edits))

    print()
    row("skills", "build", "wall s", "of cold", "CPU s", "CPU of cold", "peak MiB", "event log growth",
        "skill pages written")
    row(*["---"] * 9)
    for size, cold, colds, same, edits in results:
        row(size, "cold", f"{cold['wall']:.2f}", "100%", f"{cold['cpu']:.2f}", "100%", f"{cold['peak']:.0f}",
            f"{cold['events'] / 1024:.1f} KiB", f"{cold['rewritten']} of {cold['pages']}")
        for label, key, runs in (("no change", "same", same), ("one edit", "edit", edits)):
            ratio = statistics.median(c[key + "_ratio"] for c in colds)
            cpu_ratio = statistics.median(c[key + "_cpu_ratio"] for c in colds)
            row(size, label, f"{median(runs, 'wall'):.3f}", f"{ratio * 100:.1f}%", f"{median(runs, 'cpu'):.3f}",
                f"{cpu_ratio * 100:.1f}%", f"{median(runs, 'peak'):.0f}", f"{median(runs, 'events'):.0f} B",
                f"{median(runs, 'rewritten'):.0f} of {cold['pages']}")


if __name__ == "__main__":
    main()
