#!/usr/bin/env python3
"""Scoring benchmark: `skillex score` vs `agentskills-ci score` on the same 1,000-skill corpus.

    .venv/bin/python bench/score.py [--skills 1000]

The corpus is copied to a temp hub and synced once (untimed, so `skills/` holds the copies
SkillEx scores); then, in one run, both scorers are timed on that same `skills/` folder. A re-run with
nothing changed (stored scorecards reused) and `skillex sync` + `skillex score --fresh` from an
empty `skills/` are also reported. The machine is shared and its speed drifts by tens of percent
within minutes, so the headline comparison runs the two scorers in alternation (`skillex score`,
then agentskills-ci, RUNS times; first-run repeats use `--fresh`, the same work): each pair sees
the same machine, and the ratio reported is the median of the pairs' ratios, beside each tool's
median. Other figures are medians of RUNS runs; CPU time (user + system) is shown too, and the
load average before and after is printed.
Prints Markdown rows for docs/engineering/benchmarks.md.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, corpus, fresh_copy, peak_rss_mib, row, run_timed, skillex_bin  # noqa: E402


RUNS = 5
PAIRS = 7


def timed_median(cmd, env, repeat_cmd=None):
    """Median wall time and median CPU seconds (user + sys) of RUNS runs; the last process."""
    walls, cpus, last = [], [], None
    for attempt in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, _, last = run_timed(cmd if attempt == 0 or repeat_cmd is None else repeat_cmd, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(wall)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        if last.returncode not in (0, 1):
            sys.exit(f"bench: {cmd[0]} failed: {last.stderr.decode()[-500:]}")
    return sorted(walls)[RUNS // 2], sorted(cpus)[RUNS // 2], last


def timed_pairs(first, first_repeat, second, env):
    """`first` (then `first_repeat`) and `second` run in alternation PAIRS times. Returns each
    one's median wall and CPU seconds, the median of the per-pair wall and CPU ratios
    (second / first), and the last process of each."""
    rows = {"first": [], "second": []}
    last = {}
    for attempt in range(PAIRS):
        for label, cmd in (("first", first if attempt == 0 else first_repeat), ("second", second)):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall, _, proc = run_timed(cmd, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode not in (0, 1):
                sys.exit(f"bench: {cmd[0]} failed: {proc.stderr.decode()[-500:]}")
            rows[label].append((wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)))
            last[label] = proc

    def median(values):
        return sorted(values)[len(values) // 2]

    pairs = list(zip(rows["first"], rows["second"]))
    return {
        "first": (median([w for w, _ in rows["first"]]), median([c for _, c in rows["first"]])),
        "second": (median([w for w, _ in rows["second"]]), median([c for _, c in rows["second"]])),
        "ratio": (median([b[0] / a[0] for a, b in pairs]), median([b[1] / a[1] for a, b in pairs])),
        "last": last,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skills", type=int, default=1000)
    args = parser.parse_args()
    anchor = shutil.which("agentskills-ci") or str(ROOT / ".venv" / "bin" / "agentskills-ci")
    if not os.path.exists(anchor):
        sys.exit("bench: agentskills-ci not found; run scripts/setup --test (Tests/requirements.txt pins 0.1.2)")
    binary = skillex_bin()
    source = corpus(args.skills)
    work = Path(tempfile.mkdtemp(prefix="skillex-score-bench-"))
    try:
        hub = fresh_copy(source, work / "hub")
        manifest = hub / "manifest.json"
        env = dict(os.environ, NO_COLOR="1")
        subprocess.run([binary, "sync", "--manifest", manifest, "--format", "json"], env=env, check=True,
                       stdout=subprocess.DEVNULL)

        load_before = os.getloadavg()[0]
        score_cmd = [binary, "score", "--manifest", str(manifest), "--format", "json"]
        # The anchor walks every SKILL.md under the folder it is given: give it skills/, the same
        # 1,000 folders SkillEx scores (the hub root would also hold the repos' originals).
        anchor_cmd = [anchor, "score", str(hub / "skills"), "--format", "json"]
        # First run (no stored scorecards), then `--fresh` runs: every skill linted each time;
        # each beside one run of the anchor.
        paired = timed_pairs(score_cmd, score_cmd + ["--fresh"], anchor_cmd, env)
        (t_score, c_score), (t_anchor, c_anchor) = paired["first"], paired["second"]
        ratio_wall, ratio_cpu = paired["ratio"]
        scored = json.loads(paired["last"]["first"].stdout)["summary"]["scored"]
        anchored = len(json.loads(paired["last"]["second"].stdout)["results"])
        rss_anchor = peak_rss_mib(anchor_cmd, env=env)
        # Nothing changed: stored scorecards are reused (checksums still computed).
        t_warm, c_warm, _ = timed_median(score_cmd, env)
        rss_score = peak_rss_mib(score_cmd + ["--fresh"], env=env)

        # The reference graph's share: the same `--fresh` run with `file-unreferenced` (its only
        # user) switched off, which skips building the graph altogether. The two manifests sit
        # side by side in the hub and their runs alternate in pairs, like the headline's, so the
        # machine's drift between them does not pass for the graph's cost.
        nograph = hub / "manifest-nograph.json"
        data = json.loads(manifest.read_text())
        data.setdefault("scoring", {}).setdefault("rules", {})["file-unreferenced"] = "off"
        nograph.write_text(json.dumps(data, indent=2))
        graph_cmd = score_cmd + ["--fresh"]
        nograph_cmd = [binary, "score", "--manifest", str(nograph), "--format", "json", "--fresh"]
        graph_pairs = timed_pairs(graph_cmd, graph_cmd, nograph_cmd, env)
        (t_graph, c_graph), (t_nograph, c_nograph) = graph_pairs["first"], graph_pairs["second"]
        share_wall, share_cpu = (1 - graph_pairs["ratio"][0]), (1 - graph_pairs["ratio"][1])
        nograph.unlink()


        shutil.rmtree(hub / "skills")
        shutil.rmtree(hub / ".skillex", ignore_errors=True)
        sync_cmd = [binary, "sync", "--manifest", str(manifest), "--format", "json"]
        t_sync, _, _ = run_timed(sync_cmd, env=env)
        t_rescore, _, _ = run_timed(score_cmd + ["--fresh"], env=env)

        print(f"\n{args.skills} skills (skillex scored {scored}, agentskills-ci scored {anchored}); "
              f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
        print(f"first run against agentskills-ci: median of {PAIRS} alternating pairs' ratios "
              f"(wall {ratio_wall:.1f}×, CPU {ratio_cpu:.1f}×); the tools' own medians give "
              f"{t_anchor / t_score:.1f}× and {c_anchor / c_score:.1f}×\n")
        row("tool", "wall time", "CPU time", "peak RSS", "vs agentskills-ci (wall)", "(CPU)")
        row("---", "---:", "---:", "---:", "---:", "---:")
        row("agentskills-ci 0.1.2 `score skills/`", f"{t_anchor:.2f} s", f"{c_anchor:.2f} s",
            f"{rss_anchor:.0f} MiB", "1.0×", "1.0×")
        row("`skillex score`, first run (every skill linted)", f"{t_score:.2f} s", f"{c_score:.2f} s",
            f"{rss_score:.0f} MiB", f"{ratio_wall:.1f}×", f"{ratio_cpu:.1f}×")
        row("`skillex score`, re-run with nothing changed", f"{t_warm:.2f} s", f"{c_warm:.2f} s", "—",
            f"{t_anchor / t_warm:.1f}×", f"{c_anchor / c_warm:.1f}×")
        row("`skillex score --fresh` with `file-unreferenced` off (no reference graph)", f"{t_nograph:.2f} s",
            f"{c_nograph:.2f} s", "—", f"{t_anchor / t_nograph:.1f}×", f"{c_anchor / c_nograph:.1f}×")
        print(f"\nreference graph share of scoring (median of {PAIRS} alternating pairs, with and without "
              f"the graph: {t_graph:.3f} s against {t_nograph:.3f} s): {100 * share_wall:.0f}% of wall time, "
              f"{100 * share_cpu:.0f}% of CPU time\n")
        row("`skillex sync` + `skillex score` (empty skills/)", f"{t_sync + t_rescore:.2f} s", "—", "—",
            f"{t_anchor / (t_sync + t_rescore):.1f}×", "—")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
