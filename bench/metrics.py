"""Telemetry benchmark: `skillex metrics` over a large event log against `jq -s` computing one
of the same counts (validated events) on the same file. One run each; peak memory of both at
100k and 1M events shows ours stays flat (the log is streamed).

    .venv/bin/python bench/metrics.py [--sizes 100000 1000000]
"""
import argparse
import json
import random
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mib, row, run_timed, skillex_bin  # noqa: E402

OUT = Path("/tmp/skillex-bench-telemetry")
TYPES = ["started", "validated", "synced", "failed", "scored"]


def generate(count: int) -> Path:
    """A hub folder whose .skillex/events.jsonl holds `count` events (made once, reused)."""
    hub = OUT / f"n{count}"
    log = hub / ".skillex" / "events.jsonl"
    if log.exists():
        return hub
    log.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    run = str(uuid.UUID(int=rng.getrandbits(128)))
    with open(log, "w") as out:
        for n in range(count):
            if n % 1000 == 0:
                run = str(uuid.UUID(int=rng.getrandbits(128)))
            kind = TYPES[rng.randrange(len(TYPES))]
            seconds = n // 100
            event = {"id": str(uuid.UUID(int=rng.getrandbits(128))),
                     "measurements": {"bytes": rng.randrange(100, 90000), "duration_ms": rng.random() * 40},
                     "metadata": {"command": "sync", "status": "copied"},
                     "repo": f"repo-{n % 37}", "run_id": run, "schema_version": 1, "scope": "skill",
                     "skill": f"skill-{n % 5000}",
                     "time": f"2025-0{1 + seconds // 2_000_000}-01T{(seconds // 3600) % 24:02d}:{(seconds // 60) % 60:02d}:{seconds % 60:02d}.000Z",
                     "type": kind}
            if kind == "scored":
                event["measurements"]["score"] = rng.uniform(30, 100)
            if kind == "failed":
                event["error"] = {"message": "invalid skill: name is missing", "reason": "invalid_skill"}
            out.write(json.dumps(event, sort_keys=True, separators=(",", ":")) + "\n")
    return hub


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    binary = skillex_bin()
    row("events", "log MiB", "tool", "seconds", "peak RSS MiB", "validated count")
    row("---:", "---:", "---", "---:", "---:", "---:")
    for size in args.sizes:
        hub = generate(size)
        log = hub / ".skillex" / "events.jsonl"
        mib = log.stat().st_size / 2**20
        ours = [binary, "metrics", "--manifest", str(hub / "manifest.json")]
        seconds, _, proc = run_timed(ours)
        text = proc.stdout.decode()
        count = next(line.split()[-1] for line in text.splitlines()
                     if line.startswith('skillex_skills_total{outcome="validated"}'))
        row(size, f"{mib:.0f}", "skillex metrics", f"{seconds:.2f}", f"{peak_rss_mib(ours):.1f}", count)
        jq = ["jq", "-s", 'map(select(.type=="validated"))|length', str(log)]
        seconds, _, proc = run_timed(jq)
        row(size, f"{mib:.0f}", "jq -s", f"{seconds:.2f}", f"{peak_rss_mib(jq):.1f}", proc.stdout.decode().strip())


if __name__ == "__main__":
    main()
