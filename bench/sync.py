#!/usr/bin/env python3
"""Benchmark: cold `skillex sync` vs `cp -r` + `sha256sum` over the same files, and a no-change re-sync.

    python3 bench/sync.py [--skills 1000] [--repeat 3]

Prints Markdown rows for docs/engineering/benchmarks.md. Both sides read warm page cache.
"""
import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus, fresh_copy, median_time, peak_rss_mib, row, skillex_bin  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skills", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    binary = skillex_bin()
    src = corpus(args.skills)
    work = Path(tempfile.mkdtemp(prefix="skillex-bench-sync-"))
    hub = work / "hub"
    files = sum(1 for p in (src / "repos").rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in (src / "repos").rglob("*") if p.is_file())

    def reset_hub():
        fresh_copy(src, hub)

    def reset_copy():
        shutil.rmtree(work / "copy", ignore_errors=True)

    anchor = f"cp -r {src}/repos {work}/copy && find {work}/copy -type f -print0 | xargs -0 sha256sum > /dev/null"
    sync = [binary, "sync", "--manifest", str(hub / "manifest.json"), "--format", "json"]
    t_anchor = median_time(anchor, repeat=args.repeat, setup=reset_copy, shell=True)
    t_cold = median_time(sync, repeat=args.repeat, setup=reset_hub)
    reset_hub()
    median_time(sync, repeat=1)
    t_warm = median_time(sync, repeat=args.repeat)
    reset_hub()
    mem = peak_rss_mib(sync)

    print(f"\nCorpus: {args.skills} skills, {files} files, {size / 1e6:.1f} MB; median of {args.repeat} runs\n")
    row("measurement", "time (s)", "ratio")
    row("---", "---", "---")
    row("`cp -r` + `sha256sum` (anchor)", f"{t_anchor:.3f}", "1.00×")
    row("`skillex sync`, cold", f"{t_cold:.3f}", f"{t_cold / t_anchor:.2f}× anchor")
    row("`skillex sync`, no change", f"{t_warm:.3f}", f"{100 * t_warm / t_cold:.1f}% of cold")
    print(f"\nPeak memory, cold sync: {mem:.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
