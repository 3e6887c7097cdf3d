"""Packaging and pull, run through the built binary on a copy of the example hub."""
import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import approve_risky_skill, copy_example_hub, EXAMPLE_HUB, skillex_bin


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(root: Path) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def synced(tmp_path, skillex):
    # conftest's `hub` ignores every folder named "skills" (also repos/*/.claude/skills), so copy
    # the example hub here leaving out only the generated top-level folders.
    hub = copy_example_hub(tmp_path / "hub")
    # The example hub holds one invalid skill on purpose: sync reports it and exits 1.
    skillex("sync", "--manifest", hub / "manifest.json", check=1)
    approve_risky_skill(skillex, hub)
    return hub


def package(skillex, hub, *args, check=0, env=None):
    result = skillex("package", "--manifest", hub / "manifest.json", "--format", "json", *args, check=check, env=env)
    return json.loads(result.stdout) if check == 0 else result


def test_two_runs_with_different_mtimes_and_umasks_give_equal_bytes(synced, skillex, tmp_path):
    first = json.loads(skillex("package", "--manifest", synced / "manifest.json", "--format", "json", check=0).stdout)
    pack = synced / "dist" / first["pack"]["file"]
    first_sha = sha256(pack)
    # Second copy: other mtimes, files checked out under umask 077, packed under umask 077.
    assert any(p.stat().st_mode & 0o100 for p in (synced / "skills").rglob("*.py")), "sync keeps execute bits"
    other = tmp_path / "other"
    shutil.copytree(synced, other, ignore=shutil.ignore_patterns("dist"))
    for path in (other / "skills").rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
        # Other group/other bits, same owner-execute bit: scripts stay scripts.
        path.chmod(0o700 if path.is_dir() or path.stat().st_mode & 0o100 else 0o600)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    subprocess.run([skillex_bin(), "package", "--manifest", str(other / "manifest.json")], check=True,
                   capture_output=True, env=env, preexec_fn=lambda: os.umask(0o077))
    assert sha256(other / "dist" / first["pack"]["file"]) == first_sha
    # With a clock the entries change, consistently.
    stamped = package(skillex, synced, "--version", "9.0.0", env={"SOURCE_DATE_EPOCH": "1735689600"})
    with zipfile.ZipFile(synced / "dist" / stamped["pack"]["file"]) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2025, 1, 1, 0, 0, 0)}


def test_pack_tests_clean_and_extracts_to_the_skills_tree(synced, skillex, tmp_path):
    result = package(skillex, synced)
    pack = synced / "dist" / result["pack"]["file"]
    check = subprocess.run(["unzip", "-t", str(pack)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    out = tmp_path / "extracted"
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        assert names == sorted(names, key=lambda n: n.encode())
        archive.extractall(out)
    index = json.loads((out / "skillex-pack.json").read_text())
    (out / "skillex-pack.json").unlink()
    assert tree(out) == tree(synced / "skills")
    assert len(index["skills"]) >= 5
    manifest = json.loads((synced / "manifest.json").read_text())
    assert {f"{s['repo']}/{s['skill']}": s["checksum"] for s in index["skills"]} == \
           {f"{s['source_repo']}/{s['name']}": s["checksum"] for s in manifest["skills"]}
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=synced / "dist", capture_output=True, text=True)
    assert sums.returncode == 0, sums.stdout + sums.stderr
    dist_index = json.loads((synced / "dist" / "index.json").read_text())
    assert dist_index["latest"] == "0.1.0" and dist_index["format"] == 1
    assert dist_index["versions"][0]["pack"]["sha256"] == sha256(pack)


def change_one_skill(hub, skillex):
    skill = hub / "repos" / "platform-tools" / ".claude" / "skills" / "incident-triage" / "SKILL.md"
    skill.write_text(skill.read_text() + "\nOne more line.\n")
    skillex("sync", "--manifest", hub / "manifest.json", check=1)


def test_delta_holds_only_the_changed_skill_and_pull_fetches_only_it(synced, skillex, tmp_path):
    package(skillex, synced, "--strategy", "delta", "--version", "1.0.0")
    consumer = tmp_path / "consumer"
    first = json.loads(skillex("pull", "--from", synced / "dist", "--into", consumer, "--format", "json", check=0).stdout)
    assert first["route"] == "full" and first["to"] == "1.0.0"
    change_one_skill(synced, skillex)
    result = package(skillex, synced, "--strategy", "delta")
    assert result["version"] == "1.0.1"
    delta = result["delta"]
    assert delta["changed"] == ["platform-tools/incident-triage"] and delta["added"] == [] and delta["removed"] == []
    with zipfile.ZipFile(synced / "dist" / delta["artifact"]["file"]) as archive:
        skills = {"/".join(n.split("/")[:2]) for n in archive.namelist() if "/" in n}
        assert skills == {"platform-tools/incident-triage"}
        assert json.loads(archive.read("delta.json"))["checksums"]["platform-tools/incident-triage"]
    second = json.loads(skillex("pull", "--from", f"file://{synced / 'dist'}", "--into", consumer,
                                "--format", "json", check=0).stdout)
    assert second["route"] == "delta" and second["from"] == "1.0.0" and second["to"] == "1.0.1"
    assert [f["file"] for f in second["files"]] == ["index.json", delta["artifact"]["file"]]
    assert second["bytes_fetched"] == sum(f["bytes"] for f in second["files"])
    expected = tree(synced / "skills")
    expected["skillex-pack.json"] = (synced / "dist" / "skills-pack-1.0.1.json").read_bytes()
    assert tree(consumer) == expected


def test_tampered_delta_is_refused_and_target_unchanged(synced, skillex, tmp_path):
    package(skillex, synced, "--strategy", "delta", "--version", "1.0.0")
    consumer = tmp_path / "consumer"
    skillex("pull", "--from", synced / "dist", "--into", consumer, check=0)
    before = tree(consumer)
    change_one_skill(synced, skillex)
    result = package(skillex, synced, "--strategy", "delta")
    delta_path = synced / "dist" / result["delta"]["artifact"]["file"]
    data = bytearray(delta_path.read_bytes())
    data[len(data) // 2] ^= 0x01
    delta_path.write_bytes(bytes(data))
    refused = skillex("pull", "--from", synced / "dist", "--into", consumer, check=1)
    assert result["delta"]["artifact"]["file"] in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert tree(consumer) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unsafe_archive_entries_are_refused_before_writing(synced, skillex, tmp_path):
    # A hand-made source whose pack holds a path-traversal entry.
    dist = tmp_path / "evil"
    dist.mkdir()
    pack = dist / "skills-pack-1.0.0.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("skillex-pack.json", json.dumps({"format": 1, "version": "1.0.0", "created_at": "x",
                                                          "skills": [], "files": 0, "bytes": 0}))
        archive.writestr("../escaped.txt", "nope")
    entry = {"file": pack.name, "size": pack.stat().st_size, "sha256": sha256(pack)}
    (dist / "index.json").write_text(json.dumps({"format": 1, "latest": "1.0.0", "versions": [
        {"version": "1.0.0", "created_at": "x", "pack": entry, "index": entry, "skills": 0, "deltas": []}]}))
    consumer = tmp_path / "consumer"
    refused = skillex("pull", "--from", dist, "--into", consumer, check=1)
    assert "'..'" in refused.stderr
    assert not consumer.exists() and not (tmp_path / "escaped.txt").exists()


def test_checksum_mismatch_is_named_and_leaves_no_pack(synced, skillex):
    # A valid edit (a broken SKILL.md would be refused by the gate before the checksum is checked).
    edited = synced / "skills" / "platform-tools" / "incident-triage" / "SKILL.md"
    edited.write_text(edited.read_text() + "\nEdited after sync.\n")
    result = package(skillex, synced, check=1)
    assert "platform-tools/incident-triage" in result.stderr
    assert not (synced / "dist" / "skills-pack-0.1.0.zip").exists()


def test_bad_input_exits_2(synced, skillex):
    assert "unknown packager" in package(skillex, synced, "--strategy", "nope", check=2).stderr
    assert "version" in package(skillex, synced, "--version", "../1", check=2).stderr
    assert "Examples" in skillex("package", "--help", check=0).stdout
    assert "Examples" in skillex("pull", "--help", check=0).stdout


def test_gate_leaves_the_refused_skill_out_and_exits_1_until_approved(tmp_path, skillex):
    hub = copy_example_hub(tmp_path / "hub")
    skillex("sync", "--manifest", hub / "manifest.json", check=1)
    refused = skillex("package", "--manifest", hub / "manifest.json", "--version", "1.0.0", "--format", "json", check=1)
    report = json.loads(refused.stdout)
    assert [(r["repo"], r["skill"]) for r in report["refused"]] == [("platform-tools", "k8s-rollout")]
    assert report["refused"][0]["score"] < report["refused"][0]["threshold"]
    assert "k8s-rollout" in refused.stderr and "below the threshold" in refused.stderr
    with zipfile.ZipFile(hub / "dist" / report["pack"]["file"]) as archive:
        names = archive.namelist()
    assert not any(n.startswith("platform-tools/k8s-rollout/") for n in names)
    assert any(n.startswith("platform-tools/pdf-report/") for n in names)

    approve_risky_skill(skillex, hub)
    approved = package(skillex, hub, "--version", "1.1.0")
    assert approved["refused"] == [] and approved["skills"] == 9

    script = hub / "repos/platform-tools/.claude/skills/k8s-rollout/SKILL.md"
    script.write_text(script.read_text() + "\nOne more edit.\n")
    skillex("sync", "--manifest", hub / "manifest.json", check=1)
    again = skillex("package", "--manifest", hub / "manifest.json", "--version", "1.2.0", "--format", "json", check=1)
    assert "approval by alice was for an earlier version" in again.stderr


def test_package_with_nothing_changed_mints_no_version_as_build_does(synced, skillex):
    # Issue #16: `package` decides like the build's package stage (PackCurrency).
    first = package(skillex, synced)
    assert first["minted"] is True and first["version"] == "0.1.0"
    dist_before = tree(synced / "dist")
    again = package(skillex, synced)
    assert {key: again[key] for key in ("minted", "version", "skills", "refused")} == {
        "minted": False, "version": "0.1.0", "skills": first["skills"], "refused": []}
    assert set(again) <= {"minted", "version", "skills", "refused", "catalog", "warnings", "marketplace"}
    assert tree(synced / "dist") == dist_before
    text = skillex("package", "--manifest", synced / "manifest.json", "--format", "text", check=0)
    assert text.stdout == f"unchanged 0.1.0: the latest version already holds these {first['skills']} skills\n"
    built = json.loads(skillex("build", "--manifest", synced / "manifest.json", "--format", "json", check=1).stdout)
    stage = next(s for s in built["stages"] if s["stage"] == "package")
    assert (stage["minted"], stage["version"]) == (False, "0.1.0")
    # An explicit --version always makes a version.
    forced = package(skillex, synced, "--version", "0.2.0")
    assert forced["minted"] is True and forced["version"] == "0.2.0"
