"""The Claude Code plugin marketplace `skillex package` writes, linted by skillsaw (a real linter of
marketplaces and plugins), and the catalog budget on the dashboard and in `build`."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_example_hub

SKILLSAW = Path(sys.executable).parent / "skillsaw"
RULES = ["claude-marketplace-json-valid", "claude-plugin-json-valid", "claude-marketplace-registration",
         "agent-plugin-json-valid"]


def enable_marketplace(hub: Path, **settings) -> None:
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["marketplace"] = {"enabled": True, "agent_plugins": True, **settings}
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2))


def lint(folder: Path) -> list[dict]:
    """skillsaw's findings for `folder` (errors and warnings)."""
    result = subprocess.run([str(SKILLSAW), "lint", "--format", "json", "--no-progress", str(folder)],
                            capture_output=True, text=True, timeout=300)
    assert result.stdout, result.stderr
    return json.loads(result.stdout)["violations"]


def errors(findings: list[dict]) -> list[tuple[str, str]]:
    return [(f["rule_id"], f["message"]) for f in findings if f["severity"] == "error"]


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_marketplace_holds_only_admitted_skills_and_skillsaw_finds_no_error(skillex, tmp_path):
    hub = copy_example_hub(tmp_path / "hub")
    enable_marketplace(hub, name="acme-skills", owner={"name": "Platform team", "email": "platform@example.com"})
    result = skillex("build", "--manifest", hub / "manifest.json", "--format", "json", check=1)  # k8s-rollout refused
    package = next(stage for stage in json.loads(result.stdout)["stages"] if stage["stage"] == "package")
    assert "marketplace acme-skills: 3 plugins, 8 skills" in package["summary"]
    market = hub / "marketplace"
    data = json.loads((market / ".claude-plugin/marketplace.json").read_text())
    assert data["name"] == "acme-skills" and data["owner"] == {"name": "Platform team", "email": "platform@example.com"}
    assert [(p["name"], p["source"]) for p in data["plugins"]] == [
        ("data-team", "./plugins/data-team"), ("docs-guild", "./plugins/docs-guild"), ("platform-tools", "./plugins/platform-tools")]
    skills = sorted(p.parent.name for p in market.glob("plugins/*/skills/*/SKILL.md"))
    index = json.loads((hub / "public/.well-known/agent-skills/index.json").read_text())
    assert skills == sorted(e["name"] for e in index["skills"])  # the admitted ones: no k8s-rollout, no Meeting_Notes
    plugin = json.loads((market / "plugins/data-team/.claude-plugin/plugin.json").read_text())
    assert plugin["name"] == "data-team" and plugin["version"] == "0.1.0" and plugin["author"] == {"name": "Platform team"}
    agent = json.loads((market / "plugins/data-team/plugin.json").read_text())
    assert agent["$schema"] == "https://agent-plugins.org/schemas/1.0.0/plugin.schema.json"

    assert errors(lint(market)) == []

    # The rules that matter ran: breaking what each checks makes it report an error.
    broken = tmp_path / "broken"
    shutil.copytree(market, broken)
    data.pop("owner")
    (broken / ".claude-plugin/marketplace.json").write_text(json.dumps(data))
    (broken / "plugins/data-team/.claude-plugin/plugin.json").write_text("{ not json")
    shutil.copytree(broken / "plugins/docs-guild", broken / "plugins/stray")
    (broken / "plugins/stray/.claude-plugin/plugin.json").write_text(json.dumps({"name": "stray", "version": "1.0.0"}))
    (broken / "plugins/platform-tools/plugin.json").write_text(json.dumps({"$schema": "https://agent-plugins.org/schemas/1.0.0/plugin.schema.json", "name": "Bad Name"}))
    found = {rule for rule, _ in errors(lint(broken))}
    assert set(RULES) <= found, found


def test_the_marketplace_is_reproducible_and_an_unchanged_build_rewrites_nothing(skillex, tmp_path):
    trees = []
    for name in ("one", "two"):
        hub = copy_example_hub(tmp_path / name)
        enable_marketplace(hub)
        skillex("build", "--manifest", hub / "manifest.json", check=1)
        trees.append(files(hub / "marketplace"))
    assert trees[0] == trees[1] and trees[0]
    marker = tmp_path / "two/marketplace/.claude-plugin/marketplace.json"
    before = marker.stat().st_mtime_ns
    result = skillex("build", "--manifest", tmp_path / "two/manifest.json", "--format", "json", check=1)
    package = next(stage for stage in json.loads(result.stdout)["stages"] if stage["stage"] == "package")
    assert "(unchanged)" in package["summary"] and marker.stat().st_mtime_ns == before


def test_package_writes_the_marketplace_on_request_and_refuses_reserved_names(skillex, tmp_path):
    hub = copy_example_hub(tmp_path / "hub")
    skillex("build", "--manifest", hub / "manifest.json", check=1)
    assert not (hub / "marketplace").exists()  # opt-in: not enabled in the example manifest
    result = skillex("package", "--manifest", hub / "manifest.json", "--marketplace", "--format", "json", check=1)
    report = json.loads(result.stdout)
    assert report["marketplace"]["name"] == "skillex-example-hub" and report["marketplace"]["skills"] == 8
    assert report["catalog"]["caps"][0]["agent"] == "codex"
    enable_marketplace(hub, name="claude-plugins-official")
    result = skillex("package", "--manifest", hub / "manifest.json", check=2)
    assert [line for line in result.stderr.splitlines() if not line.startswith(("INFO ", "WARNING "))] == [
        "skillex: error: marketplace name 'claude-plugins-official': reserved by Claude Code for an official marketplace"]
    assert not (hub / "marketplace/.claude-plugin/marketplace.json").read_text().count("claude-plugins-official")


def long_skill(index: int) -> str:
    description = f"Use when reviewing part {index} of the quarterly ledger. " + "Checks totals, dates and owners. " * 28
    return (f"---\nname: ledger-{index:02d}\ndescription: {description.strip()}\n---\n\n# Ledger {index}\n\n"
            "## Steps\n\n1. Open the ledger.\n2. Check each total against the source.\n")


def test_the_catalog_budget_warns_in_build_and_shows_on_the_dashboard(skillex, tmp_path):
    hub = tmp_path / "hub"
    for i in range(1, 11):
        skill = hub / f"repos/ledger/skills/ledger-{i:02d}/SKILL.md"
        skill.parent.mkdir(parents=True)
        skill.write_text(long_skill(i))
    (hub / "manifest.json").write_text(json.dumps({"version": 1, "repositories": [
        {"name": "ledger", "path": "repos/ledger", "skills_dir": "skills"}], "skills": []}))
    result = skillex("build", "--manifest", hub / "manifest.json", "--format", "json", check=0)
    package = next(stage for stage in json.loads(result.stdout)["stages"] if stage["stage"] == "package")
    manifest = json.loads((hub / "manifest.json").read_text())
    expected = sum(len(s["name"]) + len(s["description"]) for s in manifest["skills"])
    assert expected > 8000
    assert any(f"catalog budget: {expected} characters" in line and "codex" in line for line in package["warnings"])
    text = skillex("build", "--manifest", hub / "manifest.json", "--format", "text", check=0)
    warnings = [line for line in text.stderr.splitlines() if line.startswith("warning: catalog budget")]
    assert len(warnings) == 1 and "skills list of codex 8000" in warnings[0], text.stderr
    page = (hub / "public/dashboard.html").read_text()
    assert f"{expected} characters of names and descriptions in 10 admitted skills" in page
    assert "over the cap" in page
