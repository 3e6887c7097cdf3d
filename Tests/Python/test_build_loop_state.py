"""The CI loop's state files: a no-change `skillex build` leaves the sync cache as it is, and the
state files a build reads ahead on another core (the stored scorecards, the latest pack's index)
are always taken as they are on disk when the build runs, so a change to any of them is seen."""
import json

from test_build_loop import SQL, build, valid_hub


def stamp(path):
    info = path.stat()
    return info.st_ino, info.st_mtime_ns, info.st_size


def test_the_sync_cache_is_written_only_when_a_skill_changed(skillex, hub):
    hub = valid_hub(hub)
    cache = hub / ".skillex" / "sync-cache.json"
    build(skillex, hub, 1)
    before = stamp(cache)
    build(skillex, hub, 2)
    assert stamp(cache) == before

    skill_md = hub / SQL / "SKILL.md"
    skill_md.write_text(skill_md.read_text() + "\nA line that changes the checksum.\n")
    build(skillex, hub, 3)
    assert stamp(cache) != before
    checksum = next(s["checksum"] for s in json.loads((hub / "manifest.json").read_text())["skills"]
                    if s["name"] == "sql-review")
    assert json.loads(cache.read_text())["skills"]["data-team/sql-review"]["checksum"] == checksum

    cache.unlink()
    build(skillex, hub, 4)
    assert set(json.loads(cache.read_text())["skills"]) >= {"data-team/sql-review"}


def test_a_changed_latest_pack_index_is_read_as_it_is(skillex, hub):
    hub = valid_hub(hub)
    build(skillex, hub, 1)
    steps = build(skillex, hub, 2)
    assert steps["package"]["minted"] is False and steps["package"]["version"] == "0.1.0"
    # The latest pack no longer holds what the skills hold: the next build mints a new version.
    index = hub / "dist" / "skills-pack-0.1.0.json"
    pack = json.loads(index.read_text())
    pack["skills"][0]["checksum"] = "0" * 64
    index.write_text(json.dumps(pack, indent=2))
    steps = build(skillex, hub, 3)
    assert steps["package"]["minted"] is True and steps["package"]["version"] == "0.1.1"
    steps = build(skillex, hub, 4)
    assert steps["package"]["minted"] is False and steps["package"]["version"] == "0.1.1"


def test_changed_stored_scorecards_are_read_as_they_are(skillex, hub):
    hub = valid_hub(hub)
    build(skillex, hub, 1)
    build(skillex, hub, 2)
    stored = hub / ".skillex" / "scorecards.json"
    good = json.loads(stored.read_text())
    run = json.loads(stored.read_text())
    # A stored card is reused only for the checksum it was scored at: this one is scored again.
    card = next(c for c in run["skills"] if c["skill"] == "sql-review")
    card["checksum"], card["score"] = "0" * 64, 1.0
    stored.write_text(json.dumps(run, indent=2))
    build(skillex, hub, 3)
    assert json.loads(stored.read_text())["skills"] == good["skills"]
    # Cards stored under other scoring inputs are not reused at all: every card is scored again.
    run = json.loads(stored.read_text())
    run["inputs_digest"] = "0" * 64
    for card in run["skills"]:
        card["score"] = 1.0
    stored.write_text(json.dumps(run, indent=2))
    build(skillex, hub, 4)
    after = json.loads(stored.read_text())
    assert after["skills"] == good["skills"] and after["inputs_digest"] == good["inputs_digest"]


def test_a_skill_is_scored_again_by_its_last_readable_history_point(skillex, hub):
    hub = valid_hub(hub)
    build(skillex, hub, 1)
    manifest = json.loads((hub / "manifest.json").read_text())
    sql = next(s for s in manifest["skills"] if s["name"] == "sql-review")
    point = sql["score_history"][-1]
    # A long history ending in an unreadable point: the last readable one still holds.
    sql["score_history"] = [dict(point, at=f"2024-12-{day:02d}T00:00:00Z") for day in range(1, 20)] + [point, {}]
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2))
    build(skillex, hub, 2)
    history = next(s for s in json.loads((hub / "manifest.json").read_text())["skills"]
                   if s["name"] == "sql-review")["score_history"]
    assert len(history) == 21 and history[-1] == {}
    # A last point with other inputs: a new point is added after the readable ones.
    history = history[:-1]
    history[-1] = dict(history[-1], checksum="0" * 64)
    manifest = json.loads((hub / "manifest.json").read_text())
    next(s for s in manifest["skills"] if s["name"] == "sql-review")["score_history"] = history
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2))
    build(skillex, hub, 3)
    after = next(s for s in json.loads((hub / "manifest.json").read_text())["skills"]
                 if s["name"] == "sql-review")["score_history"]
    assert after[-1]["at"].startswith("2025-01-03") and after[-1]["checksum"] == point["checksum"]
    assert after[-2]["checksum"] == "0" * 64
