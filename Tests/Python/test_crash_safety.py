"""Crash safety: SIGKILL `skillex build`, `sync`, `package`, `publish` and `site` at random points.

One scenario per command, on a hub made from the benchmark corpus after a first release (so a run
replaces old files, not just creates them). Each scenario runs the command once uninterrupted for
the reference, then starts it again and again from the same starting state and kills it with
SIGKILL after a random delay between the binary's start-up time (`--help`) and the reference's
duration. After every kill:

- manifest.json and .skillex/scorecards.json are byte-equal to the old or the new one;
- every visible file in dist/, in the publish folder, in public/ and in each synced skill folder
  is the old file or the new one, never a part;
- dist/index.json and the published index.json name only files that exist with their SHA-256;
- dist/SHA256SUMS matches, except in the one window a later run repairs (index.json new,
  SHA256SUMS still the old one);
- every line of the event log parses, except a torn line a killed writer left at its end.

Up to three kills follow each other on one workspace; then a run goes to the end and must exit 0
and leave the workspace exactly as the reference did, with no temp file, staging or aside folder.

The delays come from a seeded RNG: SKILLEX_KILL_SEED picks the seed (default fixed), and every
failure message names it. SKILLEX_KILLS scales the number of kills (default 210 over the five).
"""
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import skillex_bin
from crashfixture import (CLOCK_NEW, CLOCK_OLD, change_sources, copy_hub, digest, leftovers, make_hub,
                          make_sources, mount_tmpfs, run, snapshot, unmount)

SKILLS = 60
SEED = int(os.environ.get("SKILLEX_KILL_SEED", "20250201"))
TOTAL_KILLS = int(os.environ.get("SKILLEX_KILLS", "210"))
# Share of the kills per command: the build crosses every stage, so it gets the most.
SHARES = {"build": 0.35, "sync": 0.15, "package": 0.15, "publish": 0.15, "site": 0.2}
COMMANDS = {
    "build": ["build", "--clock", CLOCK_NEW, "--format", "json"],
    "sync": ["sync", "--force", "--clock", CLOCK_NEW, "--format", "json"],
    "package": ["package", "--version", "0.1.1", "--clock", CLOCK_NEW, "--format", "json"],
    "publish": ["publish", "--format", "json"],
    "site": ["site", "--clock", CLOCK_NEW, "--format", "json"],
}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A tmpfs of its own when the test may mount one (hundreds of copies and removals cost
    little there), else a temp folder on disk."""
    folder = tmp_path_factory.mktemp("crash")
    mounted = mount_tmpfs(folder, "1g") is None
    shm = Path("/dev/shm")
    if not mounted and shm.is_dir() and os.statvfs(shm).f_bavail * os.statvfs(shm).f_frsize > (1 << 30):
        folder = Path(tempfile.mkdtemp(prefix="skillex-crash-", dir=shm))  # a tmpfs too, without mounting
    yield folder
    if mounted:
        unmount(folder)
    elif folder.is_relative_to(shm):
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def scenarios(scratch):
    """Starting hubs (after a first release at CLOCK_OLD, with sources changed since) per command."""
    binary = skillex_bin()
    tmp = scratch
    src = make_sources(tmp, SKILLS)
    released = make_hub(tmp, "released", src, SKILLS)
    run(binary, released, "build", "--clock", CLOCK_OLD, "--format", "json", check=0)
    change_sources(src)
    starts = {"build": released, "sync": released}
    # package starts where a build's package step does; publish where its publish step does.
    scored = copy_hub(released, tmp / "scored")
    run(binary, scored, "sync", "--clock", CLOCK_NEW, "--format", "json", check=0)
    run(binary, scored, "score", "--clock", CLOCK_NEW, "--format", "json", check=0)
    starts["package"] = scored
    packed = copy_hub(scored, tmp / "packed")
    run(binary, packed, "package", "--clock", CLOCK_NEW, "--format", "json", check=0)
    starts["publish"] = packed
    # site starts where a build's site step does: everything new but the pages.
    starts["site"] = packed
    return binary, tmp, starts


class Log:
    """The event log's line count and the torn lines already seen (append-only, so indexes hold)."""

    def __init__(self):
        self.torn = set()

    def check(self, hub, where):
        path = hub / ".skillex" / "events.jsonl"
        if not path.exists():
            return
        data = path.read_bytes()
        lines = data.split(b"\n")
        complete = lines[:-1]  # the part after the last newline is a line still being written
        for number, line in enumerate(complete):
            if not line or number in self.torn:
                continue
            try:
                json.loads(line)
            except ValueError:
                # A torn line may only be what was the unfinished last line at an earlier kill.
                assert False, f"{where}: events.jsonl line {number + 1} does not parse: {line[:80]!r}"
        if lines[-1]:
            self.torn.add(len(complete))


def check_files(kind, now, old, new, where):
    for rel, sha in now.items():
        assert sha in (old.get(rel), new.get(rel)), f"{where}: {kind}/{rel} is neither the old nor the new file"


def check_index(folder, where):
    """Every file index.json names is there with its SHA-256 (readers start from index.json)."""
    index_path = folder / "index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_bytes())
    for version in index["versions"]:
        for artifact in [version["pack"], version["index"], *version["deltas"]]:
            path = folder / artifact["file"]
            assert path.exists(), f"{where}: {index_path} names missing {artifact['file']}"
            assert path.stat().st_size == artifact["size"] and digest(path) == artifact["sha256"], \
                f"{where}: {artifact['file']} does not match {index_path}"


def check_sums(dist, old_sums, where):
    sums = dist / "SHA256SUMS"
    if not sums.exists():
        return 0
    text = sums.read_bytes()
    bad = [name for sha, name in (line.split("  ", 1) for line in text.decode().splitlines())
           if not (dist / name).exists() or digest(dist / name) != sha]
    if bad == ["index.json"] and text == old_sums:
        return 1  # killed between index.json and SHA256SUMS: the next run rewrites the sums
    assert not bad, f"{where}: dist/SHA256SUMS does not match {bad}"
    return 0


def check_after_kill(hub, old, new, old_sums, log, where):
    now = snapshot(hub)
    manifest = now["manifest"]
    assert manifest in (old["manifest"], new["manifest"]), f"{where}: manifest.json is neither old nor new"
    json.loads(manifest)
    assert now["scorecards"] in (old["scorecards"], new["scorecards"]), f"{where}: scorecards.json is torn"
    check_files("dist", now["dist"], old["dist"], new["dist"], where)
    check_files("pub", now["pub"], old["pub"], new["pub"], where)
    check_files("public", now["site"], old["site"], new["site"], where)
    for skill, files in now["skills"].items():
        assert files in (old["skills"].get(skill), new["skills"].get(skill)), f"{where}: skills/{skill} is mixed"
    check_index(hub / "dist", where)
    check_index(hub / "pub", where)
    log.check(hub, where)
    window = check_sums(hub / "dist", old_sums, where)
    return window, now not in (old, new), bool(leftovers(hub))


def check_converged(hub, new, where):
    now = snapshot(hub)
    for key in ("manifest", "scorecards", "dist", "pub", "site", "skills"):
        if now[key] != new[key]:
            keys = set(now[key]) | set(new[key]) if isinstance(now[key], dict) else set()
            diff = sorted(k for k in keys if now[key].get(k) != new[key].get(k))
            assert False, f"{where}: {key} differs from the uninterrupted run: {diff[:10]}"
    assert leftovers(hub) == [], f"{where}: leftovers {leftovers(hub)}"


def timed_run(binary, hub, *args):
    began = time.monotonic()
    run(binary, hub, *args, check=0)
    return time.monotonic() - began


def kill_after(binary, hub, args, delay):
    """Starts the command, SIGKILLs it after `delay` seconds; True when it was killed."""
    env = dict(os.environ, NO_COLOR="1", SKILLEX_LOG_LEVEL="critical")
    env.pop("SOURCE_DATE_EPOCH", None)
    process = subprocess.Popen([binary, *args], cwd=hub, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = process.communicate(timeout=delay)
        assert process.returncode == 0, f"exit {process.returncode}: {err.decode()}"
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return True


@pytest.mark.parametrize("command", list(SHARES))
def test_sigkill_at_random_points_leaves_old_or_new_and_the_next_run_converges(scenarios, command):
    binary, tmp, starts = scenarios
    start = starts[command]
    args = COMMANDS[command]
    rng = random.Random(f"{SEED}-{command}")
    # The process's own start-up (loading, parsing flags) touches nothing: kills start after it.
    startup = min(timed_run(binary, start, args[0], "--help") for _ in range(3))
    reference = copy_hub(start, tmp / f"{command}-reference")
    began = time.monotonic()
    run(binary, reference, *args, check=0)
    duration = time.monotonic() - began
    old, new = snapshot(start), snapshot(reference)
    assert any(old[key] != new[key] for key in ("manifest", "dist", "pub", "site")), \
        "the scenario changes nothing"
    old_sums = (start / "dist" / "SHA256SUMS").read_bytes()
    wanted = max(1, round(TOTAL_KILLS * SHARES[command]))
    kills = windows = midway = littered = attempts = 0
    # A loaded machine can make the reference run slower than later ones, so many delays land
    # after the run ended: attempts are bounded to keep the test's time bounded too.
    max_attempts = wanted * 6
    spent = {"copy": 0.0, "killed runs": 0.0, "checks": 0.0, "final runs": 0.0}

    def timed(part, work):
        began = time.monotonic()
        value = work()
        spent[part] += time.monotonic() - began
        return value

    while kills < wanted and attempts < max_attempts:
        hub = timed("copy", lambda: copy_hub(start, tmp / f"{command}-work"))
        log = Log()
        for _ in range(4):
            attempts += 1
            delay = rng.uniform(min(startup, duration / 2), duration * 1.1)
            where = f"{command} kill #{kills + 1} after {delay:.3f} s (SKILLEX_KILL_SEED={SEED})"
            if not timed("killed runs", lambda: kill_after(binary, hub, args, delay)):
                break
            kills += 1
            window, between, litter = timed("checks", lambda: check_after_kill(hub, old, new, old_sums, log, where))
            windows += window
            midway += between
            littered += litter
            if kills >= wanted:
                break
        where = f"{command}: the run after kill #{kills} (SKILLEX_KILL_SEED={SEED})"
        timed("final runs", lambda: run(binary, hub, *args, check=0))
        timed("checks", lambda: check_converged(hub, new, where))
        log.check(hub, where)
    assert kills >= max(1, wanted // 3), f"{command}: only {kills} of {attempts} runs were killed before they ended"
    # Work copies share every other file with the start state by hard link: none changed in place.
    assert snapshot(start) == old, "a run changed a file in place instead of replacing it"
    # The event log of the last workspace, torn lines and all, reads.
    run(binary, hub, "events", "--format", "json", check=0)
    parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in spent.items())
    print(f"{command}: {kills} kills over {duration:.2f} s runs (start-up {startup:.2f} s); "
          f"{midway} left a mix of old and new files, {littered} left temp files or staging folders, "
          f"{windows} in the SHA256SUMS window; seed {SEED}; {parts}")
