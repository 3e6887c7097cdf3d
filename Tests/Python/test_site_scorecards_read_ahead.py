"""`skillex site` decodes the stored scorecards on another core while it reads the manifest. The
read-ahead must change nothing: a damaged scorecards.json is still one clear line naming the file
(exit 2, the last site kept), and a good one is shown as stored, even when it changes between
two builds."""
import json


def built(hub, skillex):
    skillex("build", "--manifest", hub / "manifest.json", "--clock", "2025-10-03T12:00:00Z", check=1)


def test_a_damaged_scorecards_file_is_named_and_the_site_is_kept(hub, skillex):
    built(hub, skillex)
    home = (hub / "public/index.html").read_bytes()
    (hub / ".skillex/scorecards.json").write_text('{"threshold": 70, "skills": [ {"repo": ')
    result = skillex("site", "--manifest", hub / "manifest.json", check=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "scorecards.json" in lines[0], lines
    assert (hub / "public/index.html").read_bytes() == home


def test_the_scores_shown_are_the_ones_stored_now(hub, skillex):
    built(hub, skillex)
    path = hub / ".skillex/scorecards.json"
    run = json.loads(path.read_text())
    card = next(c for c in run["skills"] if c["skill"] == "csv-cleanup")
    page = hub / "public/skills/data-team/csv-cleanup/index.html"
    assert f">{card['score']:g}<" in page.read_text() or f"{card['score']:g}/100" in page.read_text()
    # A different stored score (as another scoring run would leave): the next site shows it.
    card["score"] = 12.5
    path.write_text(json.dumps(run, indent=2) + "\n")
    skillex("site", "--manifest", hub / "manifest.json", check=0)
    assert "12.5" in page.read_text()
