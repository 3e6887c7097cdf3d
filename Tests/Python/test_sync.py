"""`skillex sync` on real temporary workspaces: the v0.1 summary, skipping, pruning, bad input."""
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest


def checksum(folder: Path) -> str:
    """The v0.1 algorithm, computed independently: sorted relative paths, path bytes then file bytes."""
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix().encode())
    h = hashlib.sha256()
    for p in files:
        h.update(p.relative_to(folder).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def sync(skillex, hub, *extra, check=None):
    return skillex("sync", "--manifest", hub / "manifest.json", "--format", "json", *extra, check=check)


def snapshot(root: Path):
    """Every file under root with its bytes, for 'nothing changed' assertions."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_example_hub_summary(skillex, hub):
    result = sync(skillex, hub, "--clock", "2025-03-01T10:00:00Z", "--version", "1.0.0", check=1)
    summary = json.loads(result.stdout)
    assert summary["status"] == "error"
    assert summary["version"] == "1.0.0"
    assert summary["summary"]["planned"] == 10
    assert summary["summary"]["copied"] == 9
    assert summary["summary"]["validated"] == 9
    assert summary["summary"]["timestamp"] == "2025-03-01T10:00:00Z"
    errors = summary["summary"]["errors"]
    assert [(e["reason"], e["skill"]) for e in errors] == [("invalid_skill", "Meeting_Notes")]
    manifest = json.loads((hub / "manifest.json").read_text())
    assert manifest["version"] == 2
    assert manifest["generated_at"] == "2025-03-01T10:00:00Z"
    assert len(manifest["skills"]) == 9
    for entry in manifest["skills"]:
        assert entry["checksum"] == checksum(hub / "skills" / entry["target_path"])  # v0.1: relative to skills/
        assert entry["packaged_at"] == "2025-03-01T10:00:00Z"
        assert (hub / "skills" / entry["source_repo"] / entry["name"] / "SKILL.md").is_file()


def test_second_sync_skips_everything_and_third_sees_one_change(skillex, hub):
    sync(skillex, hub, check=1)
    again = json.loads(sync(skillex, hub, check=1).stdout)
    assert (again["summary"]["copied"], again["summary"]["skipped"]) == (0, 9)
    skill = hub / "repos/data-team/skills/sql-review/SKILL.md"
    skill.write_text(skill.read_text() + "\nOne more line.\n")
    third = json.loads(sync(skillex, hub, check=1).stdout)
    copied = [r["skill"] for r in third["results"] if r["status"] == "copied"]
    assert copied == ["sql-review"]


def settle_folders(root: Path):
    """Every folder under root gets a time an hour ago, as an old checkout has (files keep theirs)."""
    old = os.stat(root).st_mtime - 3600
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True) + [root]:
        os.utime(folder, (old, old))


def copied(result):
    return sorted(r["skill"] for r in json.loads(result.stdout)["results"] if r["status"] == "copied")


def test_settled_skills_are_checked_from_their_kept_listing_and_every_change_is_still_seen(skillex, hub):
    """Sync keeps the listing of skills whose folders settled, and then checks them with one stat
    per folder and file: a file added, removed, renamed or edited, and a new folder, are each
    copied, and the installed copy matches the source every time."""
    sync(skillex, hub, check=1)
    settle_folders(hub / "repos")
    assert copied(sync(skillex, hub, check=1)) == []
    cache = json.loads((hub / ".skillex" / "sync-cache.json").read_text())["skills"]
    assert cache["data-team/sql-review"]["listing"][-1].startswith("f")
    skill = hub / "repos/data-team/skills/sql-review"
    changes = [
        ("added", lambda: (skill / "notes.md").write_text("notes\n")),
        ("renamed", lambda: (skill / "notes.md").rename(skill / "Notes.md")),
        ("removed", lambda: (skill / "Notes.md").unlink()),
        ("new folder", lambda: (skill / "assets" / "deep").mkdir(parents=True) or (skill / "assets/deep/x.txt").write_text("x")),
        ("edited in place", lambda: open(skill / "SKILL.md", "a").write("\nOne more line.\n")),
    ]
    for name, change in changes:
        settle_folders(hub / "repos")
        assert copied(sync(skillex, hub, check=1)) == [], name  # the listing is kept again
        change()
        assert copied(sync(skillex, hub, check=1)) == ["sql-review"], name
        assert checksum(skill) == checksum(hub / "skills/data-team/sql-review"), name


def run_events(hub: Path, run_id: str):
    lines = (hub / ".skillex/events.jsonl").read_text().splitlines()
    return [e for e in map(json.loads, lines) if e["run_id"] == run_id]


def test_unchanged_skills_log_no_events_of_their_own(skillex, hub):
    sync(skillex, hub, check=1)
    first = [json.loads(l) for l in (hub / ".skillex/events.jsonl").read_text().splitlines()]
    assert sum(1 for e in first if e["scope"] == "skill" and e["type"] == "synced") >= 9
    skill = hub / "repos/data-team/skills/sql-review/SKILL.md"
    skill.write_text(skill.read_text() + "\nOne more line.\n")
    sync(skillex, hub, check=1)
    last = [json.loads(l) for l in (hub / ".skillex/events.jsonl").read_text().splitlines()][-1]
    events = run_events(hub, last["run_id"])
    per_skill = {(e["type"], e.get("skill")) for e in events if e["scope"] == "skill"}
    # Only the changed skill (and the invalid one, checked again on every run) has events.
    assert {skill for _, skill in per_skill} == {"sql-review", "Meeting_Notes"}
    assert ("synced", "sql-review") in per_skill and ("started", "sql-review") in per_skill
    assert last["type"] == "failed" and last["measurements"]["skipped"] == 8


def test_vanished_skill_is_pruned(skillex, hub):
    sync(skillex, hub, check=1)
    shutil.rmtree(hub / "repos/data-team/skills/csv-cleanup")
    result = json.loads(sync(skillex, hub, check=1).stdout)
    assert result["summary"]["removed"] == 1
    assert not (hub / "skills/data-team/csv-cleanup").exists()
    names = [s["name"] for s in json.loads((hub / "manifest.json").read_text())["skills"]]
    assert "csv-cleanup" not in names


def test_dry_run_writes_nothing(skillex, hub):
    before = snapshot(hub)
    result = json.loads(sync(skillex, hub, "--dry-run", check=1).stdout)
    assert result["dry_run"] is True
    assert snapshot(hub) == before


def test_git_commit_and_branch_are_recorded(skillex, hub):
    repo = hub / "repos/data-team"
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    for cmd in (["git", "init", "-q", "-b", "trunk"], ["git", "add", "-A"], ["git", "commit", "-qm", "init"]):
        subprocess.run(cmd, cwd=repo, check=True, env=env)
    head = subprocess.check_output(["git", "rev-parse", "HEAD"], cwd=repo, text=True).strip()
    sync(skillex, hub, check=1)
    skills = json.loads((hub / "manifest.json").read_text())["skills"]
    entry = next(s for s in skills if s["name"] == "sql-review")
    assert (entry["source_commit"], entry["source_branch"]) == (head, "trunk")


def test_v1_manifest_checksums_match_so_nothing_is_recopied(skillex, hub):
    """A hub migrated from v0.1 (same checksums, files already in skills/) sees no changes."""
    sync(skillex, hub, check=1)
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["version"] = 1
    for s in manifest["skills"]:
        for key in ("source_commit", "source_branch", "description"):
            s.pop(key, None)
    (hub / "manifest.json").write_text(json.dumps(manifest))
    shutil.rmtree(hub / ".skillex")  # no stat cache: the checksums alone must match
    result = json.loads(sync(skillex, hub, check=1).stdout)
    assert result["summary"]["copied"] == 0 and result["summary"]["skipped"] == 9


BAD_MANIFESTS = {
    "malformed": "{not json",
    "wrong shape": json.dumps({"repositories": "nope"}),
    "dotdot repo name": json.dumps({"repositories": [{"name": "..", "path": "repos/data-team"}]}),
    "slash repo name": json.dumps({"repositories": [{"name": "a/b", "path": "repos/data-team"}]}),
}


@pytest.mark.parametrize("case", sorted(BAD_MANIFESTS))
def test_bad_manifest_is_one_line_and_changes_nothing(skillex, hub, case):
    (hub / "manifest.json").write_text(BAD_MANIFESTS[case])
    before = snapshot(hub)
    result = sync(skillex, hub, check=2)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "manifest.json" in result.stderr
    assert snapshot(hub) == before


def test_missing_manifest(skillex, tmp_path):
    result = skillex("sync", "--manifest", tmp_path / "manifest.json", check=2)
    assert "manifest.json: manifest not found" in result.stderr


def test_repository_path_that_is_a_file(skillex, hub):
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["repositories"][0]["path"] = "manifest.json"
    (hub / "manifest.json").write_text(json.dumps(manifest))
    result = json.loads(sync(skillex, hub, check=1).stdout)
    assert any(e["reason"] == "missing_repo" and "is a file" in e["message"] for e in result["summary"]["errors"])


@pytest.mark.parametrize("content", [
    b"---\nname: sql-review\ndescription: caf\xe9\n---\n",        # not UTF-8
    b"---\nname: sql-review\ndescription: [unclosed\n---\n",      # invalid YAML
])
def test_broken_skill_keeps_its_previous_copy(skillex, hub, content):
    sync(skillex, hub, check=1)
    before = snapshot(hub / "skills")
    manifest_before = json.loads((hub / "manifest.json").read_text())["skills"]
    (hub / "repos/data-team/skills/sql-review/SKILL.md").write_bytes(content)
    result = json.loads(sync(skillex, hub, check=1).stdout)
    error = next(e for e in result["summary"]["errors"] if e["skill"] == "sql-review")
    assert error["path"].endswith("sql-review/SKILL.md")
    assert snapshot(hub / "skills") == before
    assert json.loads((hub / "manifest.json").read_text())["skills"] == manifest_before


def test_symlink_outside_the_skill_is_refused(skillex, hub, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("token")
    (hub / "repos/data-team/skills/sql-review/leak.txt").symlink_to(secret)
    result = json.loads(sync(skillex, hub, check=1).stdout)
    error = next(e for e in result["summary"]["errors"] if e["skill"] == "sql-review")
    assert error["reason"] == "unsafe_symlink" and error["path"].endswith("leak.txt")
    assert not (hub / "skills/data-team/sql-review").exists()


def test_unreadable_file_is_an_error_not_a_crash(skillex, hub):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    target = hub / "repos/data-team/skills/sql-review/references/indexing.md"
    target.chmod(0)
    result = json.loads(sync(skillex, hub, check=1).stdout)
    assert any(e["skill"] == "sql-review" for e in result["summary"]["errors"])


def test_external_validator_from_the_manifest(skillex, hub):
    """docs-guild's validator requires a '## When to use' section."""
    skill = hub / "repos/docs-guild/.claude/skills/style-guide/SKILL.md"
    skill.write_text(skill.read_text().replace("## When to use", "## Usage"))
    result = json.loads(sync(skillex, hub, check=1).stdout)
    error = next(e for e in result["summary"]["errors"] if e["skill"] == "style-guide")
    assert error["reason"] == "validator_failed"
    assert "When to use" in error["output"]


def test_help_and_version(skillex):
    assert "Examples:" in skillex("sync", "--help", check=0).stdout
    assert skillex("--version", check=0).stdout.strip()
    assert "validate" in skillex("--help", check=0).stdout
    assert skillex("sync", "--bogus", check=2).stderr
