"""Hand-made stage files (scorecards, packs, events, score history) and a hostile skill, in the
shapes of docs/architecture.md "Files between stages", for the site tests."""
import hashlib
import json
import zipfile
from pathlib import Path

EVIL_SKILL = """---
name: evil-skill
description: Tries every trick to run script in a reviewer's browser <img src=x onerror="window.pwned=6">
---
# Evil <script>window.pwned = 1; document.title = "pwned";</script>

<img src="x" onerror="window.pwned = 2; document.title = 'pwned'">

[click me](javascript:window.pwned=3)

[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<iframe src="javascript:window.pwned=4"></iframe>

<a href="#" onclick="window.pwned=5">plain</a>

| cell |
|---|
| <svg onload="window.pwned=7"></svg> |
"""


def add_evil_skill(hub: Path):
    folder = hub / "repos" / "platform-tools" / ".claude" / "skills" / "evil-skill"
    folder.mkdir(parents=True)
    (folder / "SKILL.md").write_text(EVIL_SKILL)


def add_stage_files(hub: Path):
    """Scorecards, a pack with its index, an event log, and score history in the manifest."""
    state = hub / ".skillex"
    state.mkdir(exist_ok=True)
    cards = {
        "generated_at": "2025-10-03T12:00:00Z", "threshold": 70,
        "skills": [
            {"repo": "platform-tools", "skill": "pdf-report", "checksum": "x", "score": 82.5,
             "components": [
                 {"id": "lint", "weight": 0.5, "effective_weight": 0.625, "value": 90.0, "missing": False},
                 {"id": "coverage", "weight": 0.2, "effective_weight": 0.0, "value": None, "missing": True},
                 {"id": "static", "weight": 0.3, "effective_weight": 0.375, "value": 70.0, "missing": False}],
             "findings": [{"rule": "body.token-budget", "severity": "warning", "message": "body is long",
                           "remediation": "Move detail into references/.", "file": "SKILL.md", "line": 12}],
             "gate": "admitted"},
            {"repo": "data-team", "skill": "sql-review", "checksum": "y", "score": 55.0, "components": [],
             "findings": [], "gate": "approved",
             "approval": {"by": "ana", "at": "2025-10-02T09:00:00Z", "reason": "known false positive",
                          "checksum": "y", "score": 55.0}},
            {"repo": "data-team", "skill": "csv-cleanup", "checksum": "z", "score": 40.0, "gate": "refused"},
        ]}
    (state / "scorecards.json").write_text(json.dumps(cards))
    dist = hub / "dist"
    dist.mkdir(exist_ok=True)
    pack = dist / "skills-pack-1.2.0.zip"
    with zipfile.ZipFile(pack, "w") as z:
        z.writestr("README.txt", "pack")
    data = pack.read_bytes()
    index = {"format": 1, "latest": "1.2.0", "versions": [
        {"version": "1.2.0", "created_at": "2025-10-03T12:00:00Z",
         "pack": {"file": pack.name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()},
         "index": {"file": "skills-pack-1.2.0.json", "size": 2, "sha256": hashlib.sha256(b"{}").hexdigest()},
         "skills": 9, "deltas": []}]}
    (dist / "index.json").write_text(json.dumps(index))
    events = []
    for day, count in (("2025-10-01", 3), ("2025-10-02", 9), ("2025-10-03", 4)):
        for i in range(count):
            events.append({"schema_version": 1, "id": f"{day}-{i}", "type": "validated", "time": f"{day}T10:00:0{i % 10}Z",
                           "run_id": f"run-{day}", "repo": "data-team", "skill": "csv-cleanup",
                           "measurements": {}, "metadata": {"valid": i % 3 != 0}, "error": None})
        events.append({"schema_version": 1, "id": f"{day}-p", "type": "packaged", "time": f"{day}T11:00:00Z",
                       "run_id": f"run-{day}", "repo": None, "skill": None, "measurements": {"skills": 9},
                       "metadata": {}, "error": None})
    events.append({"schema_version": 1, "id": "a1", "type": "anomaly.submission_spike", "time": "2025-10-02T12:00:00Z",
                   "run_id": "run-2025-10-02", "repo": "data-team", "skill": None, "measurements": {"count": 9},
                   "metadata": {"message": "9 submissions, 3x the usual"}, "error": None})
    (state / "events.jsonl").write_text("\n".join(json.dumps(e) for e in events) + "\n")
    manifest_path = hub / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    for skill in manifest["skills"]:
        if skill["source_repo"] == "platform-tools" and skill["name"] == "pdf-report":
            skill["score_history"] = [
                {"at": "2025-10-01T12:00:00Z", "score": 74.0, "components": {}, "checksum": "a"},
                {"at": "2025-10-02T12:00:00Z", "score": 79.5, "components": {}, "checksum": "b"},
                {"at": "2025-10-03T12:00:00Z", "score": 82.5, "components": {}, "checksum": "x"}]
    manifest_path.write_text(json.dumps(manifest, indent=2))


COOKBOOK_RUN = """---
title: Runs a command
order: 5
---
# Runs a command

```console skillex-run
$ skillex validate repos/data-team/skills/csv-cleanup
```
"""

COOKBOOK_FAIL = """---
title: Fails
---
# Fails

```console skillex-run
$ skillex validate does/not/exist
```
"""
