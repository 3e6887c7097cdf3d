"""`skillex score`: scorecards, gate, approvals, history, reports, SARIF and GitHub Checks."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT

K8S = "repos/platform-tools/.claude/skills/k8s-rollout"


@pytest.fixture
def synced(hub, skillex):
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json")
    return hub


def score(skillex, hub, *args, check=None, env=None):
    return skillex("score", "--manifest", hub / "manifest.json", *args, check=check, env=env)


def cards(result):
    return {f"{c['repo']}/{c['skill']}": c for c in json.loads(result.stdout)["skills"]}


def manifest(hub):
    return json.loads((hub / "manifest.json").read_text())


def entry(hub, name):
    return next(s for s in manifest(hub)["skills"] if s["name"] == name)


def test_risky_skill_is_refused_then_approved_then_void_after_edit(synced, skillex):
    hub = synced
    result = score(skillex, hub, "--format", "json", check=1)
    by_id = cards(result)
    k8s = by_id["platform-tools/k8s-rollout"]
    assert k8s["gate"] == "refused" and k8s["score"] < 70
    rules = {f["rule"] for f in k8s["findings"]}
    assert {"shell-pipe-to-shell", "shell-rm-root", "shell-chmod-777", "link-missing"} <= rules
    missing = sorted(f["message"] for f in k8s["findings"] if f["rule"] == "link-missing")
    assert "references/checklist.md" in missing[0] and "references/rollback.md" in missing[1]
    assert all(f["remediation"] for f in k8s["findings"])
    others = [c for key, c in by_id.items() if key != "platform-tools/k8s-rollout"]
    assert others and all(c["gate"] == "admitted" for c in others)

    # A non-maintainer cannot approve; nothing is recorded.
    denied = score(skillex, hub, "--approve", "k8s-rollout", "--by", "mallory", "--reason", "please", check=2)
    assert "mallory" in denied.stderr and "maintainer" in denied.stderr
    assert "approval" not in entry(hub, "k8s-rollout")

    approved = score(skillex, hub, "--approve", "k8s-rollout", "--by", "alice", "--reason", "reviewed by hand",
                     "--format", "json", check=0)
    card = cards(approved)["platform-tools/k8s-rollout"]
    assert card["gate"] == "approved" and card["approval_holds"] is True
    recorded = entry(hub, "k8s-rollout")["approval"]
    assert recorded["by"] == "alice" and recorded["reason"] == "reviewed by hand"
    assert recorded["checksum"] == entry(hub, "k8s-rollout")["checksum"] and recorded["score"] == card["score"]
    assert cards(score(skillex, hub, "--format", "json", check=0))["platform-tools/k8s-rollout"]["gate"] == "approved"

    # One more edit and a re-sync: the approval no longer holds.
    skill_md = hub / K8S / "SKILL.md"
    skill_md.write_text(skill_md.read_text() + "\nOne more line.\n")
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json")
    after = cards(score(skillex, hub, "--format", "json", check=1))["platform-tools/k8s-rollout"]
    assert after["gate"] == "refused" and after["approval_holds"] is False
    assert after["approval"]["by"] == "alice"
    text = score(skillex, hub, "k8s-rollout", "--format", "text", check=1).stdout
    assert "no longer holds" in text and "refused" in text


def test_scorecards_file_matches_the_contract_and_is_reproducible(synced, skillex):
    hub = synced
    first = score(skillex, hub, "--format", "json", "--clock", "2025-01-01T00:00:00Z")
    stored = json.loads((hub / ".skillex" / "scorecards.json").read_text())
    assert stored["threshold"] == 70 and stored["generated_at"] == "2025-01-01T00:00:00Z"
    assert "formula" in stored
    for card in stored["skills"]:
        assert {"repo", "skill", "checksum", "score", "components", "findings", "gate"} <= set(card)
        assert [c["id"] for c in card["components"]] == ["lint", "static_analysis", "coverage", "security"]
        for component in card["components"]:
            assert {"id", "weight", "effective_weight", "value", "missing"} <= set(component)
            if component["missing"]:
                assert component["value"] is None and component["effective_weight"] == 0
        assert abs(sum(c["effective_weight"] for c in card["components"]) - 1) < 1e-3
        for finding in card["findings"]:
            assert {"rule", "severity", "message", "remediation", "file"} <= set(finding)
            assert finding["severity"] in ("error", "warning", "note")
    second = score(skillex, hub, "--format", "json", "--clock", "2025-01-01T00:00:00Z")
    assert json.loads(first.stdout)["skills"] == json.loads(second.stdout)["skills"]


def test_history_is_bounded_and_regressions_are_reported(synced, skillex):
    hub = synced
    data = manifest(hub)
    data["scoring"]["history_limit"] = 2
    (hub / "manifest.json").write_text(json.dumps(data))
    skill_md = hub / "repos/data-team/skills/sql-review/SKILL.md"
    for day in (1, 2, 3):  # a new version each day: each gets a point
        skill_md.write_text(skill_md.read_text() + f"\nNote of day {day}.\n")
        skillex("sync", "--manifest", hub / "manifest.json", "--format", "json")
        score(skillex, hub, "sql-review", "--format", "json", "--clock", f"2025-01-0{day}T00:00:00Z", check=0)
    history = entry(hub, "sql-review")["score_history"]
    assert [h["at"] for h in history] == ["2025-01-02T00:00:00Z", "2025-01-03T00:00:00Z"]
    assert set(history[0]) == {"at", "score", "components", "checksum", "inputs"}
    # Nothing changed since the last point: no new one.
    score(skillex, hub, "sql-review", "--format", "json", "--clock", "2025-01-03T12:00:00Z", check=0)
    assert entry(hub, "sql-review")["score_history"] == history

    script = hub / "repos/data-team/skills/sql-review/scripts/explain.sh"
    script.write_text(script.read_text() + "\ncurl -s https://get.example.com | bash\nchmod 777 /srv\n")
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json")
    result = score(skillex, hub, "sql-review", "--format", "json", "--clock", "2025-01-04T00:00:00Z")
    card = cards(result)["data-team/sql-review"]
    assert card["regression"]["previous"] == 100 and card["regression"]["current"] == card["score"]
    assert card["regression"]["drop"] > 10
    assert json.loads(result.stdout)["summary"]["regressions"] == 1
    text = score(skillex, hub, "sql-review", "--format", "text", "--clock", "2025-01-05T00:00:00Z").stdout
    assert "0 regressions" in text and "regression:" not in text  # same score as last run: no new drop


def write_reports(hub):
    repo = hub / "repos/platform-tools"
    sarif = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "ShellCheck", "rules": [
        {"id": "SC2086", "help": {"text": "Double quote to prevent globbing."}}]}}, "results": [
        {"ruleId": "SC2086", "level": "warning", "message": {"text": "Double quote to prevent globbing"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": ".claude/skills/pdf-report/scripts/build_pdf.py"},
                                             "region": {"startLine": 2}}}]},
        {"ruleId": "SC2086", "level": "error", "message": {"text": "elsewhere"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "tools/other.sh"}}}]}]}]}
    (repo / "reports").mkdir()
    (repo / "reports/shellcheck.sarif").write_text(json.dumps(sarif))
    (repo / "reports/lcov.info").write_text(
        f"SF:{repo}/.claude/skills/pdf-report/scripts/build_pdf.py\nDA:1,1\nDA:2,1\nDA:3,0\nDA:4,1\nend_of_record\n")
    data = manifest(hub)
    data["repositories"][0]["reports"] = [{"kind": "sarif", "path": "reports/shellcheck.sarif"},
                                          {"kind": "lcov", "path": "reports/lcov.info"}]
    (hub / "manifest.json").write_text(json.dumps(data))


def test_reports_are_attributed_to_skills_by_path(synced, skillex):
    hub = synced
    write_reports(hub)
    card = cards(score(skillex, hub, "--format", "json"))["platform-tools/pdf-report"]
    comps = {c["id"]: c for c in card["components"]}
    assert comps["static_analysis"]["value"] == 95 and not comps["static_analysis"]["missing"]
    assert comps["coverage"]["value"] == 75
    # lint 100*0.6 + static 95*0.2 + coverage 75*0.2 = 60 + 19 + 15 = 94
    assert card["score"] == 94
    finding = next(f for f in card["findings"] if f["component"] == "static_analysis")
    assert finding["file"] == "scripts/build_pdf.py" and finding["line"] == 2
    assert finding["remediation"] == "Double quote to prevent globbing."


@pytest.mark.parametrize("kind,content,where", [
    ("sarif", '{"version": "2.1.0", "runs": [', "line"),
    ("lcov", "SF:a.sh\nDA:one,1\n", "line 2"),
    ("cobertura", "<coverage><packages>\n<package>\n</coverage>", "line"),
    ("dialyzer", "lib/a.ex:3:call ok\nnot a warning\n", "line 2"),
    ("credo", '{"issues": [{"category": 3}]}', "issues[0]"),
    ("excoveralls", '{"source_files": 7}', "source_files"),
])
def test_malformed_report_is_one_clear_error(synced, skillex, kind, content, where):
    report = synced / f"bad-{kind}.txt"
    report.write_text(content)
    before = (synced / "manifest.json").read_text()
    result = score(skillex, synced, "--report", f"{kind}={report}", check=2)
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and str(report) in line and where in line
    assert (synced / "manifest.json").read_text() == before


def test_sarif_output_validates_against_the_schema(synced, skillex):
    write_reports(synced)
    log = json.loads(score(skillex, synced, "--format", "sarif").stdout)
    schema = json.loads((ROOT / "schemas" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["shell-rm-root"]["help"]["text"] and rules["ShellCheck/SC2086"]["help"]["text"]
    results = [r for r in run["results"] if r["ruleId"] == "shell-rm-root"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "skills/platform-tools/k8s-rollout/scripts/cleanup.sh"
    assert all(run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def add_noisy_skill(hub, skillex, links=60):
    folder = hub / "repos/platform-tools/.claude/skills/noisy"
    folder.mkdir()
    body = "\n".join(f"- [file {i}](references/missing-{i}.md)" for i in range(links))
    (folder / "SKILL.md").write_text(
        "---\nname: noisy\ndescription: Links to many files that are not there. Use when testing annotations.\n---\n\n"
        f"# Noisy\n\n{body}\n")
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json")


def test_github_checks_payload_shape(synced, skillex):
    add_noisy_skill(synced, skillex)
    result = score(skillex, synced, "--format", "github-checks", env={"GITHUB_SHA": "a" * 40}, check=1)
    plan = json.loads(result.stdout)
    create = plan["create"]
    assert create["name"] and create["head_sha"] == "a" * 40
    assert create["status"] == "completed" and create["conclusion"] == "failure"
    output = create["output"]
    assert output["title"] and "| Skill | Score |" in output["summary"]
    assert len(output["annotations"]) == 50
    total = sum(len(u["output"]["annotations"]) for u in plan["updates"]) + 50
    assert total == sum(len(c["findings"]) for c in json.loads((synced / ".skillex/scorecards.json").read_text())["skills"])
    assert all(len(u["output"]["annotations"]) <= 50 and set(u) == {"output"} for u in plan["updates"])
    for annotation in output["annotations"]:
        assert set(annotation) >= {"path", "start_line", "end_line", "annotation_level", "message", "title"}
        assert annotation["annotation_level"] in ("notice", "warning", "failure")
        assert (synced / annotation["path"]).exists() or "SKILL.md" in annotation["path"]


class ChecksAPI:
    """A local stand-in for the Checks API that records every request and fails on demand."""

    def __init__(self, fail_first=0, status=None):
        self.requests = []
        self.fail_first = fail_first
        self.status = status
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def handle_one(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"null")
                api.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
                if api.status:
                    code, reply = api.status, {"message": "Resource not accessible by integration"}
                elif api.fail_first > 0:
                    api.fail_first -= 1
                    code, reply = 502, {"message": "bad gateway"}
                else:
                    code = 201 if self.command == "POST" else 200
                    reply = {"id": 4242, "html_url": "https://github.example/checks/4242"}
                data = json.dumps(reply).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_POST = handle_one
            do_PATCH = handle_one

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"


TOKEN = "ghs_secretTOKEN1234567890"


def checks_env(api):
    return {"GITHUB_API_URL": api.url, "GITHUB_REPOSITORY": "acme/hub", "GITHUB_SHA": "b" * 40, "GITHUB_TOKEN": TOKEN}


def test_post_sends_create_then_updates_and_retries_5xx(synced, skillex):
    add_noisy_skill(synced, skillex)
    with ChecksAPI(fail_first=1) as api:
        result = score(skillex, synced, "--post", env=checks_env(api), check=1)
    assert TOKEN not in result.stdout + result.stderr
    assert "4242" in result.stderr
    methods = [(r["method"], r["path"]) for r in api.requests]
    assert methods[0] == ("POST", "/repos/acme/hub/check-runs")  # the 502
    assert methods[1] == ("POST", "/repos/acme/hub/check-runs")
    assert methods[2:] and all(m == ("PATCH", "/repos/acme/hub/check-runs/4242") for m in methods[2:])
    for request in api.requests:
        assert request["headers"]["Authorization"] == f"Bearer {TOKEN}"
        assert request["headers"]["Accept"] == "application/vnd.github+json"
        assert request["headers"]["Content-Type"] == "application/json"
    create = api.requests[1]["body"]
    assert create["head_sha"] == "b" * 40 and create["conclusion"] == "failure"
    assert len(create["output"]["annotations"]) == 50
    assert all(len(r["body"]["output"]["annotations"]) <= 50 for r in api.requests[2:])


def test_post_4xx_is_one_clear_error_without_the_token(synced, skillex):
    with ChecksAPI(status=403) as api:
        result = score(skillex, synced, "--post", env=checks_env(api), check=1)
    assert len(api.requests) == 1  # no retries on 4xx
    assert "403" in result.stderr and "Resource not accessible" in result.stderr
    assert TOKEN not in result.stdout + result.stderr


def test_post_without_token_is_a_usage_error(synced, skillex):
    result = score(skillex, synced, "--post", env={"GITHUB_REPOSITORY": "acme/hub", "GITHUB_SHA": "c" * 40,
                                                    "GITHUB_TOKEN": ""}, check=2)
    assert "GITHUB_TOKEN" in result.stderr


def test_stored_scorecards_are_reused_only_while_inputs_match(synced, skillex):
    hub = synced
    first = cards(score(skillex, hub, "--format", "json"))
    again = cards(score(skillex, hub, "--format", "json"))
    fresh = cards(score(skillex, hub, "--format", "json", "--fresh"))
    assert first == again == fresh

    # A settings change invalidates every stored card.
    data = manifest(hub)
    data["scoring"]["rules"] = {"shell-rm-root": "off"}
    (hub / "manifest.json").write_text(json.dumps(data))
    k8s = cards(score(skillex, hub, "--format", "json"))["platform-tools/k8s-rollout"]
    assert "shell-rm-root" not in {f["rule"] for f in k8s["findings"]}

    # So does a report whose content changes, even under the same path.
    report = hub / "extra.sarif"
    def sarif(level):
        return json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lint"}}, "results": [
            {"ruleId": "X1", "level": level, "message": {"text": "x"}, "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": ".claude/skills/release-notes/SKILL.md"}}}]}]}]})
    report.write_text(sarif("note"))
    card = cards(score(skillex, hub, "--format", "json", "--report", f"sarif={report}"))["platform-tools/release-notes"]
    assert next(c for c in card["components"] if c["id"] == "static_analysis")["value"] == 99
    report.write_text(sarif("error"))
    card = cards(score(skillex, hub, "--format", "json", "--report", f"sarif={report}"))["platform-tools/release-notes"]
    assert next(c for c in card["components"] if c["id"] == "static_analysis")["value"] == 65


def test_rules_are_listed_and_unknown_rules_in_the_manifest_are_refused(hub, skillex):
    rules = json.loads(skillex("score", "--list-rules", "--format", "json", check=0).stdout)
    ids = {r["id"] for r in rules}
    assert {"spec", "link-missing", "shell-pipe-to-shell", "side-effect-unconfirmed"} <= ids
    assert all(r["remediation"] and r["severity"] in ("error", "warning", "note") for r in rules)
    jsonschema.validate(rules, json.loads((ROOT / "schemas" / "rule-list.schema.json").read_text()))
    security = {r["id"]: r for r in rules if r["component"] == "security"}
    assert {"hidden-bidi", "secret-token", "exfil-send", "inject-override"} <= set(security)
    assert security["hidden-bidi"]["risk"] == "critical" and security["hidden-bidi"]["severity"] == "error"
    text = skillex("score", "--list-rules", "--format", "text", check=0).stdout.splitlines()
    assert len(text) == len(rules) and "hidden-bidi (security, critical): " in "\n".join(text)
    data = manifest(hub)
    data["scoring"]["rules"] = {"no-such-rule": "off"}
    (hub / "manifest.json").write_text(json.dumps(data))
    result = score(skillex, hub, check=2)
    assert "scoring.rules.no-such-rule" in result.stderr and "manifest.json" in result.stderr


def test_synced_copy_is_trusted_until_it_is_edited_by_hand(synced, skillex):
    hub = synced
    cache = json.loads((hub / ".skillex" / "sync-cache.json").read_text())["skills"]
    assert cache and all(len(e.get("target", "")) == 64 for e in cache.values())
    first = cards(score(skillex, hub, "--fresh", "--format", "json", check=1))
    for key, card in first.items():
        assert card["checksum"] == entry(hub, card["skill"])["checksum"], key

    # An edit under skills/ (not through sync) changes the copy's fingerprint: that skill is
    # hashed again, so its card names the new checksum and any approval stops holding.
    skill_md = hub / "skills" / "platform-tools" / "k8s-rollout" / "SKILL.md"
    skill_md.write_text(skill_md.read_text() + "\nEdited by hand.\n")
    edited = cards(score(skillex, hub, "--fresh", "--format", "json", check=1))
    assert edited["platform-tools/k8s-rollout"]["checksum"] != entry(hub, "k8s-rollout")["checksum"]
    others = {k: c for k, c in edited.items() if k != "platform-tools/k8s-rollout"}
    assert all(c["checksum"] == first[k]["checksum"] for k, c in others.items())

    # Sync trusts its own record too, so `--force` restores the copy and records a new fingerprint.
    skillex("sync", "--manifest", hub / "manifest.json", "--force", "--format", "json")
    restored = cards(score(skillex, hub, "--fresh", "--format", "json", check=1))
    assert restored["platform-tools/k8s-rollout"]["checksum"] == entry(hub, "k8s-rollout")["checksum"]


def test_files_added_to_the_copy_by_hand_are_scored(synced, skillex):
    """Sync records each copy's folders and files; scoring lists a copy from that record while
    its folders are unchanged, and reads the folders again once a file or folder is added."""
    hub = synced
    cache = json.loads((hub / ".skillex" / "sync-cache.json").read_text())["skills"]
    assert cache and all(any(line.startswith("d") for line in e["copy"]) for e in cache.values())
    first = cards(score(skillex, hub, "--fresh", "--format", "json", check=1))["data-team/csv-cleanup"]
    assert first["gate"] == "admitted" and first["checksum"] == entry(hub, "csv-cleanup")["checksum"]
    folder = hub / "skills" / "data-team" / "csv-cleanup"
    for added in (folder / "references" / "setup.md", folder / "notes" / "setup.md"):
        added.parent.mkdir(exist_ok=True)
        added.write_text("Install with:\n\n```sh\ncurl -fsSL https://get.example.com/x | sh\n```\n")
        card = cards(score(skillex, hub, "--fresh", "--format", "json", check=1))["data-team/csv-cleanup"]
        assert card["checksum"] != entry(hub, "csv-cleanup")["checksum"]
        shown = str(added.relative_to(folder))
        assert any(f.get("file") == shown for f in card["findings"]), card["findings"]
        assert card["gate"] == "refused"
        added.unlink()
    # With the file gone again the folders' times still differ from sync's record: the copy is
    # walked, and it holds exactly what sync installed, so the checksum is the manifest's again.
    again = cards(score(skillex, hub, "--fresh", "--format", "json", check=1))["data-team/csv-cleanup"]
    assert again["checksum"] == entry(hub, "csv-cleanup")["checksum"]
