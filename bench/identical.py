#!/usr/bin/env python3
"""Do two skillex binaries build byte-identical outputs? (issue #16: a refactor must not change them)

    bench/identical.py --base OLD/skillex --new NEW/skillex [--skills 1000] [--clock 2025-06-01T00:00:00Z]

For each hub — a copy of examples/hub with the cookbook its manifest names (../../docs/cookbook,
git-tracked files only; its `skillex-run` blocks run with the binary under test) and the bench
corpus of --skills skills (bench/corpus.py, made once and reused) — runs `skillex build` twice
with each binary, at the same --clock, in the same folder (so no path differs), and compares
with `diff -r`: dist/, public/, manifest.json and .skillex/scorecards.json after each build. Prints one Markdown row
per hub and build; exits 1 when anything differs (the diff is printed).

Two builds by one binary differ in two things, which are masked in the saved copies before
comparing: each run's random run id (a UUID, in the home page's list of recent runs) becomes
`RUN-ID`, and timings that cookbook commands print (`"duration_ms": 12.3`, e.g. the JSON of
`skillex sync` on the migration page) become `"duration_ms": MS`. Nothing else is normalised. `--exclude NAME` (a file name pattern, as `diff -x`) leaves out
files whose change is intended, e.g. a cookbook page showing a command whose output changed on
purpose; the table says what was left out.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402  (bench/common.py)

OUTPUTS = ("dist", "public", "manifest.json", ".skillex/scorecards.json")
RUN_ID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# "duration_ms": 1.5 in JSON, &quot;duration_ms&quot;: 1.5 on a page, \"duration_ms\": 1.5 in a cast.
DURATION = re.compile(rb"(duration_ms(?:&quot;|\\?\")?: )[0-9.e+-]+")


def mask_run_ids(folder: Path):
    """Replaces every run id (UUID) in the files under `folder` by RUN-ID, and every duration by MS."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            masked = DURATION.sub(rb"\1MS", RUN_ID.sub(b"RUN-ID", data))
            if masked != data:
                path.write_bytes(masked)


def example_tree(dst: Path) -> Path:
    """The git-tracked files of examples/hub and docs/cookbook at `dst`, paths kept."""
    files = subprocess.check_output(["git", "ls-files", "-z", "examples/hub", "docs/cookbook"], cwd=common.ROOT, text=True)
    for name in filter(None, files.split("\0")):
        target = dst / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(common.ROOT / name, target, follow_symlinks=False)
    return dst


def builds(binary: str, source: Path, tree: Path, hub: Path, keep: Path, clock: str, runs: int) -> list[tuple[int, float]]:
    """Copies `source` to `tree`, builds the hub at `hub` (inside it) `runs` times, saves the
    outputs of build i to keep/i; returns each build's exit status and wall seconds."""
    common.fresh_copy(source, tree)
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "SKILLEX_FORMAT")}
    env["NO_COLOR"] = "1"
    codes = []
    for run in range(1, runs + 1):
        started = time.perf_counter()
        result = subprocess.run(
            [binary, "build", "--manifest", str(hub / "manifest.json"), "--clock", clock, "--format", "text"],
            env=env, capture_output=True, text=True, timeout=3600)
        codes.append((result.returncode, time.perf_counter() - started))
        if result.returncode not in (0, 1):
            sys.exit(f"{binary} build failed ({result.returncode}):\n{result.stderr}")
        for name in OUTPUTS:
            if (hub / name).exists():
                (keep / str(run) / name).parent.mkdir(parents=True, exist_ok=True)
                copy = shutil.copytree if (hub / name).is_dir() else shutil.copy2
                copy(hub / name, keep / str(run) / name)
        mask_run_ids(keep / str(run))
    return codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the binary before the change")
    parser.add_argument("--new", required=True, help="the binary after the change")
    parser.add_argument("--skills", type=int, default=1000, help="corpus size (0: the example hub only)")
    parser.add_argument("--clock", default="2025-06-01T00:00:00Z")
    parser.add_argument("--runs", type=int, default=2, help="builds per binary (the 2nd is incremental)")
    parser.add_argument("--exclude", action="append", default=[], metavar="NAME",
                        help="leave files named NAME (a diff -x pattern) out of the comparison")
    args = parser.parse_args()
    hubs = {"examples/hub": (None, "examples/hub")}
    if args.skills:
        hubs[f"corpus n={args.skills}"] = (common.corpus(args.skills), ".")
    same = True
    print("| Hub | Build | Exit (base, new) | Wall s (base, new) | Outputs compared | Identical |")
    print("|---|---|---|---|---:|---|")
    with tempfile.TemporaryDirectory(prefix="skillex-identical-") as temp:
        work = Path(temp)
        for label, (source, inside) in hubs.items():
            if source is None:
                source = example_tree(work / "example-source")
            tree = work / "tree"
            codes = {side: builds(binary, source, tree, tree / inside, work / side, args.clock, args.runs)
                     for side, binary in (("base", args.base), ("new", args.new))}
            for run in range(1, args.runs + 1):
                excluded = [flag for name in args.exclude for flag in ("-x", name)]
                diff = subprocess.run(["diff", "-r", *excluded, str(work / "base" / str(run)), str(work / "new" / str(run))],
                                      capture_output=True, text=True)
                files = sum(len(f) for _, _, f in os.walk(work / "new" / str(run)))
                (base_code, base_s), (new_code, new_s) = codes["base"][run - 1], codes["new"][run - 1]
                ok = diff.returncode == 0 and base_code == new_code
                same = same and ok
                print(f"| {label} | {run} | {base_code}, {new_code} | {base_s:.2f}, {new_s:.2f} | {files} files "
                      f"| {'yes' if ok else 'NO'}{' (without ' + ', '.join(args.exclude) + ')' if args.exclude else ''} |",
                      flush=True)
                if diff.returncode:
                    listed = subprocess.run(["diff", "-rq", *excluded, str(work / "base" / str(run)),
                                             str(work / "new" / str(run))], capture_output=True, text=True)
                    print(listed.stdout + diff.stdout[:20000], file=sys.stderr)
            for side in ("base", "new"):
                shutil.rmtree(work / side)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
