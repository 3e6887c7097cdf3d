"""Onboarding benchmark: `skillex init --dry-run` on one repository holding N skills (the README
section lists each skill's description, so init reads every SKILL.md) against its anchors on the
same folder: `skillex validate` (what the generated validator script runs) and `find -name SKILL.md`
(the least any tool listing the skills must do).

    .venv/bin/python bench/onboarding.py [--sizes 1000 10000]
"""
import argparse
import resource
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus, median_time, peak_rss_mib, row, run_timed, skillex_bin  # noqa: E402

OUT = Path("/tmp/skillex-bench-onboarding")


def repository(size: int) -> Path:
    """A hub whose repos/big/.claude/skills links to `size` corpus skills (made once, reused)."""
    hub = OUT / f"n{size}"
    skills = hub / "repos" / "big" / ".claude" / "skills"
    if skills.is_dir() and sum(1 for _ in skills.iterdir()) == size:
        return hub
    shutil.rmtree(hub, ignore_errors=True)
    skills.mkdir(parents=True)
    source = corpus(size)
    shutil.copy(source / "manifest.json", hub / "manifest.json")
    for folder in sorted(source.glob("repos/*/.claude/skills/*")):
        link = skills / folder.name
        if not link.exists():
            link.symlink_to(folder)
    return hub


def cpu_seconds(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _, _, proc = run_timed(cmd, cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {cmd} failed: {proc.stderr.decode(errors='replace')[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    binary = skillex_bin()
    row("skills", "command", "wall s (median of 3)", "CPU s (user+sys)", "peak RSS MiB")
    for size in args.sizes:
        hub = repository(size)
        commands = [
            ("skillex init --yes --dry-run", [binary, "init", "repos/big", "--yes", "--dry-run", "--ci",
                                              "github,gitlab,buildkite", "--format", "json"]),
            ("skillex validate (anchor)", [binary, "validate", "repos/big/.claude/skills", "--format", "json"]),
            ("find -name SKILL.md (anchor)", ["find", "-L", "repos/big/.claude/skills", "-name", "SKILL.md"]),
        ]
        for label, cmd in commands:
            wall = median_time(cmd, cwd=hub)
            cpu = cpu_seconds(cmd, hub)
            row(size, label, f"{wall:.3f}", f"{cpu:.3f}", f"{peak_rss_mib(cmd, cwd=hub):.1f}")


if __name__ == "__main__":
    main()
