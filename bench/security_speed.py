#!/usr/bin/env python3
"""What the security rules add to `skillex score` on the 1,000-skill corpus (bench/corpus.py).

    .venv/bin/python bench/security_speed.py [--skills 1000] [--binary PATH] [--repeat 5]

One release binary, one synced hub, two manifests side by side: the default (security rules on)
and the same with every security rule `off` (the scan then does not run and reads no extra
files). Each `score --fresh` re-lints every skill; runs alternate between the two, and the median
wall and CPU time (user + sys) of each are printed as Markdown rows for docs/benchmarks.md.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus, fresh_copy, skillex_bin  # noqa: E402

RULES = [
    "hidden-bidi", "hidden-tag-chars", "hidden-zero-width", "hidden-homoglyph", "hidden-comment", "hidden-markdown",
    "secret-private-key", "secret-cloud-key", "secret-token", "secret-assignment", "exfil-send",
    "exfil-download-exec", "exfil-credential-store", "exfil-disable-safety", "inject-override", "inject-conceal",
    "inject-escalate",
]


def timed(cmd, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {cmd} failed: {proc.stderr.decode()[-400:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skills", type=int, default=1000)
    ap.add_argument("--binary")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    binary = args.binary or skillex_bin()
    work = Path(tempfile.mkdtemp(prefix="skillex-security-speed-"))
    try:
        hub = fresh_copy(corpus(args.skills), work / "hub")
        on = hub / "manifest.json"
        env = dict(os.environ, NO_COLOR="1")
        subprocess.run([binary, "sync", "--manifest", on, "--format", "json"], env=env, check=True, stdout=subprocess.DEVNULL)
        data = json.loads(on.read_text())
        data.setdefault("scoring", {})["security"] = {"rules": {rule: "off" for rule in RULES}}
        off = hub / "manifest-security-off.json"
        off.write_text(json.dumps(data))
        results = {"on": [], "off": []}
        load = os.getloadavg()[0]
        for _ in range(args.repeat):
            for name, manifest in (("off", off), ("on", on)):
                wall, cpu, proc = timed([binary, "score", "--manifest", str(manifest), "--fresh", "--format", "json"], env)
                results[name].append((wall, cpu))
        scored = json.loads(proc.stdout)["summary"]["scored"]
        findings = sum(1 for card in json.loads(proc.stdout)["skills"] for f in card["findings"] if f.get("component") == "security")
        med = {name: (sorted(w for w, _ in runs)[len(runs) // 2], sorted(c for _, c in runs)[len(runs) // 2])
               for name, runs in results.items()}
        print(f"\n{scored} skills, {args.repeat} runs each, alternating; {findings} security findings; "
              f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after\n")
        print("| `skillex score --fresh` | wall time (median) | CPU time (median) |")
        print("|---|---:|---:|")
        print(f"| security rules off | {med['off'][0]:.2f} s | {med['off'][1]:.2f} s |")
        print(f"| security rules on (default) | {med['on'][0]:.2f} s | {med['on'][1]:.2f} s |")
        print(f"| added by the security rules | {100 * (med['on'][0] / med['off'][0] - 1):+.1f}% | "
              f"{100 * (med['on'][1] / med['off'][1] - 1):+.1f}% |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
