"""Shared helpers for SkillEx benchmarks: corpus generation, timing, peak memory.

Every benchmark measures SkillEx and its anchor on the same input in one run and prints a
Markdown table row per measurement, ready for docs/engineering/benchmarks.md.
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_generator  # noqa: E402  (bench/corpus.py)

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
CORPUS_ROOT = Path(os.environ.get("SKILLEX_CORPUS_ROOT", "/tmp/skillex-corpus"))


def skillex_bin() -> str:
    """The release binary as scripts/demo builds it (Swift runtime linked in), built if needed."""
    flags = subprocess.check_output([str(ROOT / "scripts" / "build"), "--release-flags"], text=True).split()
    subprocess.run([str(ROOT / "scripts" / "build"), "-c", "release", *flags, "--product", "skillex"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    out = subprocess.check_output(["swift", "build", "-c", "release", *flags, "--show-bin-path"],
                                  cwd=ROOT, text=True)
    return out.strip() + "/skillex"


def corpus(skills: int) -> Path:
    """The corpus of bench/corpus.py with `skills` skills, made once per generator version and
    reused. It is written into a temp folder and renamed into place, so a run that is stopped, or
    another one making the same corpus at the same time, never leaves a half-written corpus."""
    out = CORPUS_ROOT / f"v{corpus_generator.VERSION}-n{skills}"
    if not (out / "manifest.json").exists():
        CORPUS_ROOT.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=CORPUS_ROOT))
        print(corpus_generator.generate(skills, str(temp)), file=sys.stderr, flush=True)
        try:
            temp.rename(out)
        except OSError:  # made meanwhile by another run: keep that one
            shutil.rmtree(temp, ignore_errors=True)
    return out


def hugo_site(source: Path, site: Path) -> Path:
    """A Hugo site at `site` (made anew): bench/hugo-site/ plus every Markdown file of the corpus
    at `source` under content/, folders kept, so Hugo renders the Markdown SkillEx renders.
    Hugo skips folders whose names start with a dot, so `.claude` becomes `claude`."""
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(BENCH / "hugo-site", site)
    content = site / "content"
    for markdown in sorted(source.rglob("*.md")):
        parts = ["claude" if part == ".claude" else part for part in markdown.relative_to(source).parts]
        target = content.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(markdown, target)
    return site


def fresh_copy(src: Path, dst: Path) -> Path:
    """A clean copy of `src` at `dst` (removed first)."""
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=True)
    return dst


def drop_caches_hint():
    """Page cache is not dropped (needs root and hurts other work); runs are warm-cache for both sides."""


def run_timed(cmd, cwd=None, env=None, shell=False):
    """Runs `cmd`; returns (seconds, peak RSS of the child in MiB, CompletedProcess)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, shell=shell, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mib = max(after.ru_maxrss, before.ru_maxrss) / 1024.0
    return elapsed, peak_mib, proc


def peak_rss_mib(cmd, cwd=None, env=None):
    """Peak RSS of one command in MiB, via GNU time when present, else getrusage."""
    if shutil.which("/usr/bin/time") or os.path.exists("/usr/bin/time"):
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        try:
            return int(proc.stderr.strip().splitlines()[-1]) / 1024.0
        except (ValueError, IndexError):
            pass
    return run_timed(cmd, cwd=cwd, env=env)[1]


def median_time(cmd, repeat=3, setup=None, cwd=None, env=None, shell=False):
    """Median wall time of `repeat` runs; `setup()` runs before each (untimed)."""
    times = []
    for _ in range(repeat):
        if setup:
            setup()
        elapsed, _, proc = run_timed(cmd, cwd=cwd, env=env, shell=shell)
        if proc.returncode not in (0, 1):
            sys.exit(f"bench: {cmd} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
        times.append(elapsed)
    times.sort()
    return times[len(times) // 2]


def row(*cells):
    print("| " + " | ".join(str(c) for c in cells) + " |", flush=True)
