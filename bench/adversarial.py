#!/usr/bin/env python3
"""Benchmark: what the big adversarial cases cost SkillEx, against the plain tools on the same input.

    python3 bench/adversarial.py [--repeat 3]      # SKILLEX_BIN=… to skip the release build

- a skill with one 200 MB file, limits raised: `skillex sync` vs `cp -r` + `sha256sum`;
- a skill with 100,000 tiny files, limits raised: the same pair;
- the same two skills at the default limits: how fast sync refuses them (anchor: `find | wc -l`,
  the cheapest walk of the same folder);
- a 1 GiB zip bomb (1 MB on disk): `skillex pull` refusing it vs `unzip -t` testing it.

Prints Markdown rows for docs/engineering/benchmarks.md.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "Adversarial"))
from common import median_time, peak_rss_mib, row, skillex_bin  # noqa: E402
import generate  # noqa: E402


def hub(work: Path, case: str, limits=None) -> Path:
    root = work / f"hub-{case}-{'raised' if limits else 'default'}"
    skills = root / "repos" / "adv" / "skills"
    skills.mkdir(parents=True)
    generate.SKILL_CASES[case](skills, work / "outside")
    manifest = {"version": 1, "repositories": [{"name": "adv", "path": "repos/adv", "skills_dir": "skills"}],
                "skills": []}
    if limits:
        manifest["limits"] = limits
    (root / "manifest.json").write_text(json.dumps(manifest))
    return root


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    binary = os.environ.get("SKILLEX_BIN") or skillex_bin()
    work = Path(tempfile.mkdtemp(prefix="skillex-bench-adv-"))
    try:
        row("case", "SkillEx", "time (s)", "peak RSS (MiB)", "anchor", "anchor time (s)")
        row("---", "---", "---", "---", "---", "---")
        raised = {"max_file_bytes": 256 << 20, "max_files": 200_000}
        for case in ("big-file", "many-files"):
            root = hub(work, case, raised)
            source = root / "repos" / "adv" / "skills" / case

            def reset(root=root):
                shutil.rmtree(root / "skills", ignore_errors=True)
                shutil.rmtree(root / ".skillex", ignore_errors=True)

            def reset_copy():
                shutil.rmtree(work / "copy", ignore_errors=True)

            sync = [binary, "sync", "--manifest", str(root / "manifest.json"), "--format", "json"]
            anchor = f"cp -r {source} {work}/copy && find {work}/copy -type f -print0 | xargs -0 sha256sum > /dev/null"
            t_sync = median_time(sync, repeat=args.repeat, setup=reset)
            reset()
            rss = peak_rss_mib(sync)
            t_anchor = median_time(anchor, repeat=args.repeat, setup=reset_copy, shell=True)
            row(f"{case}, limits raised", "`sync` copies it", f"{t_sync:.3f}", f"{rss:.0f}", "`cp -r` + `sha256sum`",
                f"{t_anchor:.3f}")

            strict = hub(work, case)
            sync = [binary, "sync", "--manifest", str(strict / "manifest.json"), "--format", "json"]
            t_refuse = median_time(sync, repeat=args.repeat)
            rss = peak_rss_mib(sync)
            walk = f"find {strict}/repos -type f | wc -l > /dev/null"
            row(f"{case}, default limits", "`sync` refuses it", f"{t_refuse:.3f}", f"{rss:.0f}", "`find | wc -l`",
                f"{median_time(walk, repeat=args.repeat, shell=True):.3f}")

        dist = work / "bomb"
        generate.hostile_dist("bomb", dist)
        pull = [binary, "pull", "--from", str(dist), "--into", str(work / "consumer")]
        t_pull = median_time(pull, repeat=args.repeat)
        rss = peak_rss_mib(pull)
        test = f"unzip -tq {dist}/skills-pack-1.0.0.zip > /dev/null 2>&1; true"
        row("1 GiB zip bomb (1 MB file)", "`pull` refuses it", f"{t_pull:.3f}", f"{rss:.0f}", "`unzip -t`",
            f"{median_time(test, repeat=args.repeat, shell=True):.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
