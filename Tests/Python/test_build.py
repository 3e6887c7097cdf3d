"""`skillex build`: the whole pipeline on a copy of the example hub, as the README's main command runs it."""
import json
import zipfile

import jsonschema
import pytest

from conftest import ROOT


REPORT_SCHEMA = json.loads((ROOT / "schemas" / "build-report.schema.json").read_text())


def build(skillex, hub, check=1):
    """`skillex build --format json`, its report checked against schemas/build-report.schema.json."""
    result = skillex("build", "--manifest", hub / "manifest.json", "--format", "json", check=check)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    return report


def stages(report):
    return {s["stage"]: s for s in report["stages"]}


def test_build_report_matches_its_schema_and_the_exit_status(skillex, hub):
    result = skillex("build", "--manifest", hub / "manifest.json", "--format", "json", check=1)
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["status"] == "problems"  # exit 1: an invalid skill and a refused one
    assert [s["status"] for s in report["stages"]] == ["problems", "problems", "problems", "skipped", "ok"]
    sync, site = stages(report)["sync"]["counts"], stages(report)["site"]["counts"]
    assert (sync["planned"], sync["copied"], sync["errors"]) == (10, 9, 1)
    assert site["files"] > 0 and site["written"] == site["files"] and site["unchanged"] == 0  # a first build
    # A report that breaks the schema is caught: an unknown status.
    broken = json.loads(result.stdout)
    broken["stages"][0]["status"] = "fine"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, REPORT_SCHEMA)


def test_build_runs_every_step_and_produces_dist_and_public(skillex, hub):
    report = build(skillex, hub)
    steps = stages(report)
    assert list(steps) == ["sync", "score", "package", "publish", "site"]
    assert steps["sync"]["status"] == "problems" and steps["sync"]["counts"]["errors"] == 1   # Meeting_Notes
    assert steps["package"]["status"] == "problems"                                          # refused by the gate
    assert steps["package"]["refused"] == ["platform-tools/k8s-rollout"]
    assert steps["publish"]["status"] == "skipped"
    assert (hub / "public" / "index.html").is_file()
    index = json.loads((hub / "dist" / "index.json").read_text())
    pack = hub / "dist" / index["versions"][0]["pack"]["file"]
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
    assert any(n.startswith("data-team/sql-review/") for n in names)
    assert not any(n.startswith("platform-tools/k8s-rollout/") for n in names)
    assert (hub / ".skillex" / "scorecards.json").is_file()


def published_files(hub):
    """Every file under public/ -> (inode, mtime ns): a file written again changes one of them
    (files are replaced by rename, so a rewrite gives a new inode)."""
    public = hub / "public"
    return {str(p.relative_to(public)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in public.rglob("*") if p.is_file()}


def test_a_second_build_with_no_change_mints_no_version_and_rewrites_only_the_run_pages(skillex, hub):
    build(skillex, hub)
    before = published_files(hub)
    second = build(skillex, hub)
    package = stages(second)["package"]
    assert package["minted"] is False and package["version"] == "0.1.0"
    assert [v["version"] for v in json.loads((hub / "dist" / "index.json").read_text())["versions"]] == ["0.1.0"]
    after = published_files(hub)
    assert set(after) == set(before) and len(before) > 20
    # Every build is a run in the event log, and the home page and the dashboard list runs (and
    # say when the site was built): those two change; no skill, cookbook or other page does.
    assert sorted(path for path in after if after[path] != before[path]) == ["dashboard.html", "index.html"]


def test_build_log_covers_the_pipeline_and_validates(skillex, hub):
    build(skillex, hub)
    schema = json.loads((ROOT / "schemas" / "event.schema.json").read_text())
    events = [json.loads(line) for line in (hub / ".skillex" / "events.jsonl").read_text().splitlines()]
    for event in events:
        jsonschema.validate(event, schema)
    kinds = {e["type"] for e in events}
    assert {"started", "validated", "failed", "synced", "scored", "rejected", "packaged"} <= kinds


def test_approval_lets_the_refused_skill_ship_on_the_next_build(skillex, hub):
    build(skillex, hub)
    skillex("score", "--manifest", hub / "manifest.json", "--approve", "k8s-rollout", "--by", "alice",
            "--reason", "cleanup script reviewed", "--format", "json", check=0)
    report = build(skillex, hub)
    package = stages(report)["package"]
    assert package["status"] == "ok" and package["counts"]["skills"] == 9 and package["refused"] == []


def test_home_page_lists_the_skills_that_failed_the_last_sync(skillex, hub):
    build(skillex, hub)
    home = (hub / "public" / "index.html").read_text()
    assert "Skills that failed the last sync" in home
    assert "docs-guild/Meeting_Notes" in home and "invalid_skill" in home
    # Fixed in its repository: the next build no longer lists it.
    skill = hub / "repos/docs-guild/.claude/skills/Meeting_Notes"
    skill.rename(skill.parent / "meeting-notes")
    (skill.parent / "meeting-notes" / "SKILL.md").write_text(
        "---\nname: meeting-notes\ndescription: Takes meeting notes. Use when a meeting needs minutes.\n---\n\n"
        "# Meeting notes\n\n## When to use\n\nAfter any meeting with decisions.\n")
    build(skillex, hub, check=None)
    assert "Skills that failed the last sync" not in (hub / "public" / "index.html").read_text()
