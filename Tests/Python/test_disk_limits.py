"""A full disk and read-only folders: one clear error naming the path, a non-zero exit, and nothing
half-written (the old manifest, packs and published files intact, no partial pack, no temp file).

The hub lives on a small tmpfs this test mounts (root and CAP_SYS_ADMIN needed, else the tests
skip saying so). Read-only folders are read-only mounts, since file modes do not stop root.
"""
import json
import os
import shutil

import pytest

from conftest import EXAMPLE_HUB, copy_example_hub, skillex_bin
from crashfixture import digest, leftovers, mount_tmpfs, remount, run, snapshot, tree, unmount
from crashfixture import LEFTOVER  # noqa: F401  (the names leftovers() looks for)

CLOCK = "2025-01-01T00:00:00Z"


@pytest.fixture
def disk(tmp_path):
    """A 4 MiB tmpfs holding a copy of the example hub, synced, approved and packed once."""
    folder = tmp_path / "fs"
    reason = mount_tmpfs(folder, "4m")
    if reason:
        pytest.skip(reason)
    mounts = [folder]
    try:
        hub = folder / "hub"
        copy_example_hub(hub)
        binary = skillex_bin()
        run(binary, hub, "sync", "--clock", CLOCK, "--format", "json")  # 1: the example has a broken skill
        run(binary, hub, "score", "--clock", CLOCK, "--approve", "k8s-rollout", "--by", "alice", "--reason", "ok",
            "--format", "json", check=0)
        run(binary, hub, "package", "--clock", CLOCK, "--format", "json", check=0)
        yield binary, folder, hub, mounts
    finally:
        for mount in reversed(mounts):
            subprocess_quiet_rw(mount)
            unmount(mount)


def subprocess_quiet_rw(folder):
    try:
        remount(folder, "rw")
    except Exception:  # noqa: BLE001  (already read-write, or a bind that goes anyway)
        pass


def fill(folder, leave=8192):
    """Takes all but `leave` bytes of the file system holding `folder`."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    fd = os.open(folder / ".filler", os.O_CREAT | os.O_WRONLY)
    try:
        os.posix_fallocate(fd, 0, max(0, free - leave))
    finally:
        os.close(fd)
    return folder / ".filler"


def error_line(result, path_part):
    """The one `skillex: error:` line, which must name a path containing `path_part`."""
    lines = [line for line in result.stderr.splitlines() if line.startswith("skillex: error: ")]
    assert len(lines) == 1, f"expected one error line, got:\n{result.stderr}"
    assert path_part in lines[0], lines[0]
    return lines[0]


def sums_match(dist):
    for line in (dist / "SHA256SUMS").read_text().splitlines():
        sha, name = line.split("  ", 1)
        assert digest(dist / name) == sha, f"{name} does not match SHA256SUMS"


def change_a_skill(hub):
    skill = hub / "repos" / "data-team" / "skills"
    first = sorted(p for p in skill.iterdir() if p.is_dir())[0]
    with open(first / "SKILL.md", "a") as handle:
        handle.write("\nOne more line, so the next run has work to do.\n")


@pytest.mark.parametrize("command", [["package"], ["score"], ["sync"], ["build"]])
def test_a_full_disk_is_one_clear_error_and_leaves_the_old_files(disk, command):
    binary, folder, hub, _ = disk
    change_a_skill(hub)
    before = snapshot(hub)
    # package gets a few pages, so its pack is cut off part-way; the others fail at their first write.
    filler = fill(folder, leave=8192 if command == ["package"] else 0)
    # The synced skills did not change, so package mints a version only when told to (PackCurrency).
    forced = ["--version", "9.9.9"] if command == ["package"] else []
    result = run(binary, hub, *command, *forced, "--clock", "2025-02-01T00:00:00Z", "--format", "json")
    assert result.returncode != 0
    line = error_line(result, str(hub))
    assert "No space left on device" in line and ".tmp-" not in line
    after = snapshot(hub)
    assert after["manifest"] == before["manifest"] and after["dist"] == before["dist"]
    assert after["scorecards"] == before["scorecards"]
    assert leftovers(hub) == []
    sums_match(hub / "dist")
    # With space again, the same command goes through.
    filler.unlink()
    assert run(binary, hub, *command, "--clock", "2025-02-01T00:00:00Z", "--format", "json").returncode in (0, 1)
    sums_match(hub / "dist")
    json.loads((hub / "manifest.json").read_bytes())


def test_a_read_only_workspace_is_refused_before_any_work(disk):
    binary, folder, hub, _ = disk
    before = {p: digest(p) for p in hub.rglob("*") if p.is_file()}
    remount(folder, "ro")
    for command in (["build"], ["sync"], ["score"], ["package"], ["site"], ["publish", "--to", str(folder / "pub")]):
        result = run(binary, hub, *command, "--format", "json")
        assert result.returncode == 2, command
        assert error_line(result, str(hub / ".skillex" / "lock")).endswith("cannot take the lock: Read-only file system")
    remount(folder, "rw")
    assert {p: digest(p) for p in hub.rglob("*") if p.is_file()} == before


def test_read_only_dist_and_public_name_the_folder_and_change_nothing(disk):
    binary, _, hub, mounts = disk
    (hub / "public").mkdir(exist_ok=True)
    for name in ("dist", "public"):
        target = hub / name
        assert os.system(f"mount --bind '{target}' '{target}' && mount -o remount,bind,ro '{target}'") == 0
        mounts.append(target)
    change_a_skill(hub)
    run(binary, hub, "sync", "--clock", "2025-02-01T00:00:00Z", "--format", "json")
    before = snapshot(hub)
    result = run(binary, hub, "package", "--clock", "2025-02-01T00:00:00Z", "--format", "json")
    assert result.returncode == 2
    assert error_line(result, str(hub / "dist")).endswith("Read-only file system")
    assert snapshot(hub) == before
    result = run(binary, hub, "site", "--format", "json")
    assert result.returncode == 2
    assert error_line(result, str(hub / "public")).endswith("Read-only file system")
    assert tree(hub / "public") == {}


def test_a_full_or_read_only_publish_target_keeps_the_published_version(disk):
    binary, folder, hub, mounts = disk
    pub = folder / "pub"
    reason = mount_tmpfs(pub, "64k")
    assert reason is None, reason
    mounts.append(pub)
    run(binary, hub, "publish", "--to", pub, "--format", "json", check=0)
    published = tree(pub)
    # A new version that does not fit.
    change_a_skill(hub)
    run(binary, hub, "sync", "--clock", "2025-02-01T00:00:00Z", "--format", "json")
    run(binary, hub, "score", "--clock", "2025-02-01T00:00:00Z", "--format", "json")
    run(binary, hub, "package", "--clock", "2025-02-01T00:00:00Z", "--format", "json", check=0)
    fill(pub, leave=4096)
    result = run(binary, hub, "publish", "--to", pub, "--format", "json")
    assert result.returncode != 0
    assert str(pub) in result.stderr and "No space left on device" in result.stderr
    (pub / ".filler").unlink()
    # index.json (written last) is the old one and names only intact files; anything else there
    # is a whole copy of a file from dist/ or of the new metadata, never a part.
    assert digest(pub / "index.json") == published["index.json"]
    for line in (pub / "SHA256SUMS").read_text().splitlines() if published.get("SHA256SUMS") == digest(pub / "SHA256SUMS") else []:
        sha, name = line.split("  ", 1)
        assert digest(pub / name) == sha
    for rel, sha in tree(pub).items():
        sources = [published.get(rel)] + [digest(p) for p in (hub / "dist" / rel, hub / ".skillex" / "publish" / rel)
                                          if p.exists()]
        assert sha in sources, f"{rel} in the publish folder is partial"
    assert [name for name in os.listdir(pub) if ".tmp-" in name] == []
    published = tree(pub)
    remount(pub, "ro")
    result = run(binary, hub, "publish", "--to", pub, "--format", "json")
    assert result.returncode == 2
    assert error_line(result, str(pub / ".skillex-lock")).endswith("Read-only file system")
    assert tree(pub) == published
