#!/usr/bin/env python3
"""What the plugin marketplace adds to `skillex build` (issue #20): the same corpus built with the
manifest's marketplace off and on, side by side, alternating which goes first.

    python3 bench/distribution.py [--skills 1000] [--repeat 5] [--binary PATH]

Each round makes two fresh copies of the corpus (bench/corpus.py) on tmpfs, enables the
marketplace (with the Agent Plugins plugin.json) in one, and times a cold `build` and then a
no-change `build` of each. Both builds write the discovery index (part of the site step), so the
difference is the marketplace alone; the cold figures say what the index and the marketplace
cost together against the whole build. Medians of wall time and the child's user+sys CPU.
"""
import argparse
import json
import os
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
    env = dict(os.environ, NO_COLOR="1", SKILLEX_LOG_LEVEL="error")
    env.pop("SOURCE_DATE_EPOCH", None)
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench: build failed ({code}): {stderr.decode(errors='replace')[-2000:]}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skills", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--binary", default=None)
    args = parser.parse_args()
    binary = args.binary or skillex_bin()
    source = corpus(args.skills)
    runs = {(mode, kind): [] for mode in ("off", "on") for kind in ("cold", "again")}
    plugins = 0
    for round_ in range(args.repeat):
        order = ("off", "on") if round_ % 2 == 0 else ("on", "off")
        for mode in order:
            hub = fresh_copy(source, CORPUS_ROOT / f"distribution-{mode}")
            if mode == "on":
                manifest = json.loads((hub / "manifest.json").read_text())
                manifest["marketplace"] = {"enabled": True, "agent_plugins": True}
                (hub / "manifest.json").write_text(json.dumps(manifest))
            runs[(mode, "cold")].append(measured([binary, "build"], hub))
            runs[(mode, "again")].append(measured([binary, "build"], hub))
            if mode == "on":
                plugins = len(list((hub / "marketplace/plugins").iterdir()))
    print(f"{args.skills} skills, {plugins} plugins, median of {args.repeat}")
    row("build", "marketplace off wall", "on wall", "off CPU", "on CPU", "CPU on / off")
    for kind in ("cold", "again"):
        off_wall = statistics.median(r[0] for r in runs[("off", kind)])
        on_wall = statistics.median(r[0] for r in runs[("on", kind)])
        off_cpu = statistics.median(r[1] for r in runs[("off", kind)])
        on_cpu = statistics.median(r[1] for r in runs[("on", kind)])
        row(kind, f"{off_wall:.3f} s", f"{on_wall:.3f} s", f"{off_cpu:.3f} s", f"{on_cpu:.3f} s", f"{on_cpu / off_cpu:.2f}")


if __name__ == "__main__":
    main()
