#!/usr/bin/env python3
"""Site benchmark: cold `skillex site` vs cold `hugo` on the same Markdown, per page, plus the
rebuild after editing one skill and peak memory.

    bench/site.py [--sizes 1000 10000] [--repeat 3] [--binary PATH] [--no-hugo] [--drop-caches]

The corpus comes from bench/corpus.py (through bench/common.py); skills are synced first
(untimed), so the site renders the same SKILL.md, references/*.md and cookbook pages that Hugo
gets in bench/hugo-site/ (`common.hugo_site`).

The rebuild models the real workflow: one skill's SKILL.md is edited in its source repository
(`repos/<repo>/.claude/skills/<skill>/SKILL.md`), `skillex sync` copies it into skills/ and
updates its checksum (untimed), then `skillex site` is timed. With `--repeat N`, N rounds run,
each a cold build, the edit-sync-rebuild cycle and then Hugo's cold build, side by side; the
medians of each are reported, with user+sys CPU time (steadier than wall time on a shared
machine), and the ratios (rebuild / cold, Hugo per page / SkillEx per page) are the medians of the
rounds' own ratios, so a slow minute moves a round, not a ratio built from runs minutes apart.

Corpus, work copies and the Hugo site all live under SKILLEX_CORPUS_ROOT (bench/common.py), so
that variable picks the file system measured (e.g. /dev/shm/... for tmpfs, a folder on disk for
ext4). `--drop-caches` (root only) syncs and drops the page cache before every cold build of
either tool, so both read their input, and their own binary, from the disk.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPUS_ROOT, corpus, fresh_copy, hugo_site, peak_rss_mib, row, run_timed, skillex_bin  # noqa: E402


def pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def cpu_timed(cmd):
    """Runs `cmd`; returns (wall seconds, user+sys CPU seconds of the child, CompletedProcess)."""
    return cpu_timed_in(cmd, None)


def cpu_timed_in(cmd, cwd):
    """`cpu_timed` with `cmd` run in the folder `cwd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, _, proc = run_timed(cmd, cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc


def drop_caches(enabled: bool):
    """Syncs and drops the page cache, dentries and inodes (needs root) when `enabled`."""
    if not enabled:
        return
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as error:
        sys.exit(f"bench: cannot drop the page cache ({error}); run as root or leave out --drop-caches")


def forget_site_state(work: Path):
    """Removes every piece of site state in .skillex/ (hash records, stamped templates, skill
    listings, the event summary, kept fragments), so the next build is cold."""
    for stale in (work / ".skillex").glob("site-*"):
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="cold builds and rebuilds per size (medians reported)")
    parser.add_argument("--binary", help="the skillex binary (default: the release build)")
    parser.add_argument("--no-hugo", action="store_true", help="time skillex only")
    parser.add_argument("--drop-caches", action="store_true",
                        help="sync and drop the page cache before every cold build of either tool (root only)")
    args = parser.parse_args()
    binary = args.binary or skillex_bin()
    hugo = shutil.which("hugo")
    if args.no_hugo:
        hugo = None
    elif not hugo:
        sys.exit("bench: hugo not found (apt-get install hugo)")
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1] if hugo else "(not run)"
    print(f"hugo {version}; skillex {binary}")
    row("skills", "tool", "pages", "cold s", "ms/page", "peak MiB", "rebuild after one edit s", "rebuild / cold",
        "rebuild CPU s", "cold CPU s", "rebuild CPU / cold CPU")
    row(*["---"] * 11)
    for size in args.sizes:
        work = fresh_copy(corpus(size), CORPUS_ROOT / f"site-work-{size}")
        manifest = work / "manifest.json"
        subprocess.run([binary, "sync", "--manifest", str(manifest), "--format", "json"], stdout=subprocess.DEVNULL, check=False)
        shutil.rmtree(work / "public", ignore_errors=True)
        forget_site_state(work)
        cmd = [binary, "site", "--manifest", str(manifest), "--format", "json"]
        skill = sorted((work / "repos").glob("*/.claude/skills/*/SKILL.md"))[0]
        site = hugo_site(corpus(size), CORPUS_ROOT / f"hugo-site-{size}") if hugo else None
        hugo_cmd = [hugo, "--quiet", "--noBuildLock"] if hugo else None
        # Rounds: a cold build, the rebuild after one edit, then Hugo's cold build, side by side,
        # so each round's ratios compare runs that saw the same machine (its speed drifts by tens
        # of percent within minutes); the ratios reported are the medians of the rounds' ratios.
        colds, cold_cpus, rebuilds, cpus, hugo_colds, hugo_cpus = [], [], [], [], [], []
        site_pages = hugo_pages = 0
        for attempt in range(args.repeat):
            shutil.rmtree(work / "public", ignore_errors=True)
            forget_site_state(work)
            drop_caches(args.drop_caches)
            wall, cpu, proc = cpu_timed(cmd)
            if proc.returncode != 0:
                sys.exit(f"bench: skillex site failed: {proc.stderr.decode()[-2000:]}")
            colds.append(wall)
            cold_cpus.append(cpu)
            site_pages = pages(work / "public")
            skill.write_text(skill.read_text() + f"\nOne more line from the benchmark ({attempt}).\n")
            subprocess.run([binary, "sync", "--manifest", str(manifest), "--format", "json"], stdout=subprocess.DEVNULL, check=False)
            wall, cpu, _ = cpu_timed(cmd)
            rebuilds.append(wall)
            cpus.append(cpu)
            page = next((work / "public/skills").glob(f"*/{skill.parent.name}/index.html"))
            if f"One more line from the benchmark ({attempt})." not in page.read_text():
                sys.exit(f"bench: the rebuild did not show the edit in {page}")
            if not hugo:
                continue
            shutil.rmtree(site / "public", ignore_errors=True)
            shutil.rmtree(site / "resources", ignore_errors=True)
            drop_caches(args.drop_caches)
            wall, cpu, proc = cpu_timed_in(hugo_cmd, site)
            if proc.returncode != 0:
                sys.exit(f"bench: hugo failed: {proc.stderr.decode()[-2000:]}")
            hugo_colds.append(wall)
            hugo_cpus.append(cpu)
            hugo_pages = pages(site / "public")
        cold, cold_cpu = statistics.median(colds), statistics.median(cold_cpus)
        rebuild, rebuild_cpu = statistics.median(rebuilds), statistics.median(cpus)
        rebuild_ratio = statistics.median(r / c for r, c in zip(rebuilds, colds))
        rebuild_cpu_ratio = statistics.median(r / c for r, c in zip(cpus, cold_cpus))
        # Peak memory of a cold build, measured on another cold run.
        shutil.rmtree(work / "public")
        forget_site_state(work)
        drop_caches(args.drop_caches)
        peak = peak_rss_mib(cmd)
        if args.repeat > 1:
            print(f"cold runs: {', '.join(f'{c:.2f}' for c in colds)}; rebuilds: {', '.join(f'{r:.3f}' for r in rebuilds)}; "
                  f"rebuild CPU: {', '.join(f'{c:.3f}' for c in cpus)}; cold CPU: {', '.join(f'{c:.2f}' for c in cold_cpus)}",
                  flush=True)
        row(size, "skillex site", site_pages, f"{cold:.2f}", f"{cold / site_pages * 1000:.3f}", f"{peak:.0f}",
            f"{rebuild:.3f}", f"{rebuild_ratio * 100:.1f}%", f"{rebuild_cpu:.3f}", f"{cold_cpu:.2f}",
            f"{rebuild_cpu_ratio * 100:.1f}%")

        if not hugo:
            shutil.rmtree(work, ignore_errors=True)
            continue
        hugo_cold, hugo_cpu = statistics.median(hugo_colds), statistics.median(hugo_cpus)
        shutil.rmtree(site / "public", ignore_errors=True)
        shutil.rmtree(site / "resources", ignore_errors=True)
        drop_caches(args.drop_caches)
        hugo_peak = peak_rss_mib(hugo_cmd, cwd=site)
        if args.repeat > 1:
            print(f"hugo cold runs: {', '.join(f'{c:.2f}' for c in hugo_colds)}; "
                  f"hugo cold CPU: {', '.join(f'{c:.2f}' for c in hugo_cpus)}", flush=True)
        row(size, "hugo", hugo_pages, f"{hugo_cold:.2f}", f"{hugo_cold / hugo_pages * 1000:.3f}", f"{hugo_peak:.0f}", "", "", "",
            f"{hugo_cpu:.2f}", "")
        per_page = statistics.median((h / hugo_pages) / (c / site_pages) for h, c in zip(hugo_colds, colds))
        per_page_cpu = statistics.median((h / hugo_pages) / (c / site_pages) for h, c in zip(hugo_cpus, cold_cpus))
        print(f"per-page speed-up (median of {args.repeat} rounds' ratios): {per_page:.1f}x wall, {per_page_cpu:.1f}x CPU; "
              f"the medians give {(hugo_cold / hugo_pages) / (cold / site_pages):.1f}x and "
              f"{(hugo_cpu / hugo_pages) / (cold_cpu / site_pages):.1f}x", flush=True)
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
