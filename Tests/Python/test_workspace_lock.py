"""Two runs on one workspace: the second refuses with one line naming the first, or waits for it;
a run killed with SIGKILL never leaves the workspace locked."""
import json
import os
import signal
import subprocess
import time

import pytest

from conftest import skillex_bin
from crashfixture import digest

LOCKING = ["build", "sync", "score", "package", "publish", "site", "pull"]


@pytest.fixture
def slow_hub(hub):
    """The example hub with a validator that sleeps, so a first sync or build holds the lock a while."""
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["repositories"][0]["validator"] = ["sh", "-c", "sleep 1"]
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return hub


def start(hub, *args):
    env = dict(os.environ, NO_COLOR="1", SKILLEX_LOG_LEVEL="critical")
    env.pop("SOURCE_DATE_EPOCH", None)
    process = subprocess.Popen([skillex_bin(), *args, "--manifest", str(hub / "manifest.json"), "--format", "json"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process


def wait_until_locked(hub, process):
    """Returns once `process` holds the workspace lock (its pid is in .skillex/lock)."""
    lock = hub / ".skillex" / "lock"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if json.loads(lock.read_text().splitlines()[0])["pid"] == process.pid:
                return
        except (OSError, ValueError, IndexError, KeyError):
            pass
        assert process.poll() is None, f"exited early: {process.communicate()}"
        time.sleep(0.02)
    raise AssertionError("the first run never took the lock")


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("skillex: error: ")]


def test_a_second_build_is_refused_naming_the_first_then_waits_for_it(slow_hub, skillex):
    first = start(slow_hub, "build")
    wait_until_locked(slow_hub, first)
    refused = skillex("build", "--manifest", slow_hub / "manifest.json", "--format", "json", check=2)
    [line] = error_lines(refused)
    assert line.startswith(f"skillex: error: {slow_hub / '.skillex' / 'lock'}: workspace is locked by skillex build "
                           f"(pid {first.pid}, since ")
    assert line.endswith("retry later or pass --wait") and refused.stdout == ""
    impatient = skillex("score", "--manifest", slow_hub / "manifest.json", "--wait-timeout", "0.3", check=2)
    assert "after waiting 0.3 s" in impatient.stderr
    from_env = skillex("sync", "--manifest", slow_hub / "manifest.json", env={"SKILLEX_LOCK_WAIT": "0.2"}, check=2)
    assert "after waiting 0.2 s" in from_env.stderr
    # A dry run writes nothing and takes no lock.
    skillex("sync", "--manifest", slow_hub / "manifest.json", "--dry-run", "--format", "json", check=1)
    second = skillex("build", "--manifest", slow_hub / "manifest.json", "--wait", "--format", "json")
    out, err = first.communicate(timeout=120)
    assert first.returncode == 1 and second.returncode == 1, err + second.stderr  # the example has a broken skill
    stages = {stage["stage"]: stage for stage in json.loads(second.stdout)["stages"]}
    assert stages["sync"]["counts"]["copied"] == 0  # the first build synced every skill
    # One whole result: the manifest parses, dist/ matches its checksums.
    json.loads((slow_hub / "manifest.json").read_text())
    dist = slow_hub / "dist"
    for line in (dist / "SHA256SUMS").read_text().splitlines():
        sha, name = line.split("  ", 1)
        assert digest(dist / name) == sha


def test_a_build_killed_with_sigkill_leaves_no_lock(slow_hub, skillex):
    first = start(slow_hub, "build")
    wait_until_locked(slow_hub, first)
    first.send_signal(signal.SIGKILL)
    first.communicate()
    # The lock file still names the dead run, but the kernel released its lock with it.
    assert json.loads((slow_hub / ".skillex" / "lock").read_text())["pid"] == first.pid
    result = skillex("sync", "--manifest", slow_hub / "manifest.json", "--format", "json")
    assert result.returncode == 1 and error_lines(result) == [], result.stderr  # 1: the example's broken skill


def test_two_pulls_into_one_folder_do_not_overlap(synced_dist, skillex, tmp_path):
    into = tmp_path / "vendor" / "skills"
    into.parent.mkdir()
    lock = into.parent / ".skills.skillex-lock"
    # One process that locks, then becomes `sleep` with the lock still open, as a pull would hold it.
    holder = subprocess.Popen(["sh", "-c", 'exec 9>>"$0" && flock 9 && echo held && exec sleep 30', str(lock)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        refused = skillex("pull", "--from", synced_dist, "--into", into, check=2)
        [line] = error_lines(refused)
        assert line.startswith(f"skillex: error: {lock}: workspace is locked by another process")
        assert not into.exists()
    finally:
        holder.kill()
        holder.wait()
    lock.unlink()
    skillex("pull", "--from", synced_dist, "--into", into, "--format", "json", check=0)
    assert (into / "skillex-pack.json").exists()
    # A pull leaves nothing beside the folder: its lock file goes when it ends.
    assert sorted(p.name for p in into.parent.iterdir()) == ["skills"]


@pytest.fixture
def synced_dist(hub, skillex):
    """dist/ of the example hub, packed."""
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json", check=1)
    skillex("score", "--manifest", hub / "manifest.json", "--approve", "k8s-rollout", "--by", "alice",
            "--reason", "ok", "--format", "json", check=0)
    skillex("package", "--manifest", hub / "manifest.json", "--format", "json", check=0)
    return hub / "dist"


@pytest.mark.parametrize("command", LOCKING)
def test_every_locking_command_documents_wait(skillex, command):
    text = skillex(command, "--help", check=0).stdout
    assert "--wait" in text and "--wait-timeout" in text
