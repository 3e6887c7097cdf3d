"""The CI loop: `skillex build` again with nothing changed logs a few lines, records no score and
rewrites no skill page; after one skill edit, only that skill is scored, logged and rendered anew."""
import json
import shutil

import jsonschema

from conftest import ROOT

SQL = "repos/data-team/skills/sql-review"


def build(skillex, hub, day):
    """A build at midnight of 2025-01-`day` (one day apart: points of one second would replace each other)."""
    result = skillex("build", "--manifest", hub / "manifest.json", "--clock", f"2025-01-{day:02d}T00:00:00Z",
                     "--format", "json")
    assert result.returncode in (0, 1), result.stderr  # 1: the example's k8s-rollout is refused
    return {s["stage"]: s for s in json.loads(result.stdout)["stages"]}


def events(hub):
    return [json.loads(line) for line in (hub / ".skillex" / "events.jsonl").read_text().splitlines()]


def skill_pages(hub):
    """Every page under public/skills/ -> (inode, mtime ns): a page written again changes one of them
    (pages are replaced by rename, so a rewrite gives a new inode)."""
    pages = {}
    for page in (hub / "public" / "skills").rglob("*.html"):
        info = page.stat()
        pages[str(page.relative_to(hub / "public"))] = (info.st_ino, info.st_mtime_ns)
    return pages


def histories(hub):
    manifest = json.loads((hub / "manifest.json").read_text())
    return {s["name"]: s.get("score_history", []) for s in manifest["skills"]}


def valid_hub(hub):
    """The example hub without its invalid skill (whose failure sync logs on every run, by design)."""
    shutil.rmtree(hub / "repos/docs-guild/.claude/skills/Meeting_Notes")
    return hub


def test_a_build_with_nothing_changed_logs_little_and_rewrites_no_skill_page(skillex, hub):
    hub = valid_hub(hub)
    build(skillex, hub, 1)
    first_events = len(events(hub))
    log = hub / ".skillex" / "events.jsonl"
    size, pages, history = log.stat().st_size, skill_pages(hub), histories(hub)
    assert pages and all(len(points) == 1 for points in history.values())

    steps = build(skillex, hub, 2)
    assert log.stat().st_size - size < 2048
    new = events(hub)[first_events:]
    assert [e for e in new if e["scope"] == "skill"] == []
    scored = [e for e in new if e["type"] == "scored"]
    assert len(scored) == 1 and scored[0]["scope"] == "run"
    assert scored[0]["measurements"]["unchanged"] == len(history) and scored[0]["measurements"]["recorded"] == 0
    assert "rejected" not in {e["type"] for e in new}  # k8s-rollout is still refused, and logged once
    assert skill_pages(hub) == pages
    # Not even rendered again: only the run pages (home, dashboard), so every skill's fingerprint
    # read from the manifest file equals the one the first build made in memory.
    assert steps["site"]["counts"]["rendered"] == 2
    assert histories(hub) == history
    assert steps["package"]["minted"] is False and steps["package"]["version"] == "0.1.0"
    schema = json.loads((ROOT / "schemas" / "event.schema.json").read_text())
    for event in new:
        jsonschema.validate(event, schema)


def test_a_build_after_one_edit_scores_logs_and_renders_that_skill_only(skillex, hub):
    hub = valid_hub(hub)
    build(skillex, hub, 1)
    build(skillex, hub, 2)
    before_events = len(events(hub))
    pages, history = skill_pages(hub), histories(hub)

    skill_md = hub / SQL / "SKILL.md"
    skill_md.write_text(skill_md.read_text() + "\nOne more line after the first release.\n")
    steps = build(skillex, hub, 3)
    new = events(hub)[before_events:]

    per_skill = {(e["type"], e["skill"]) for e in new if e["scope"] == "skill"}
    assert ("scored", "sql-review") in per_skill and ("packaged", "sql-review") in per_skill
    assert {skill for _, skill in per_skill} == {"sql-review"}
    packaged = [e for e in new if e["type"] == "packaged" and e["scope"] == "run"]
    assert len(packaged) == 1 and packaged[0]["measurements"]["changed"] == 1
    assert steps["package"]["minted"] is True and steps["package"]["version"] == "0.1.1"

    after = histories(hub)
    assert len(after["sql-review"]) == 2
    assert {name: points for name, points in after.items() if name != "sql-review"} == \
        {name: points for name, points in history.items() if name != "sql-review"}

    now = skill_pages(hub)
    changed = {path for path in now if pages.get(path) != now[path]}
    assert changed and all(path.startswith("skills/data-team/sql-review/") for path in changed)
    page = (hub / "public" / "skills" / "data-team" / "sql-review" / "index.html").read_text()
    assert "One more line after the first release." in page


def test_a_new_threshold_scores_every_skill_again(skillex, hub):
    hub = valid_hub(hub)
    build(skillex, hub, 1)
    before_events = len(events(hub))
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["scoring"]["threshold"] = 95
    (hub / "manifest.json").write_text(json.dumps(manifest))
    build(skillex, hub, 2)
    scored = {e["skill"] for e in events(hub)[before_events:] if e["type"] == "scored" and e["scope"] == "skill"}
    assert scored == set(histories(hub)) and len(scored) == 9  # the example hub less its invalid skill
    assert all(len(points) == 2 for points in histories(hub).values())
