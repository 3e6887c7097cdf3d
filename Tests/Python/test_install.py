"""`skillex install`, `--frozen` and `update` against the example hub's discovery index, served by
a real static HTTP server on loopback that counts requests; and hostile indexes, each refused with
one line and nothing installed."""
import functools
import hashlib
import http.server
import io
import json
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, copy_example_hub

SCHEMA = "https://schemas.agentskills.io/discovery/0.2.0/schema.json"


class Server:
    """A static server over one folder that records every path requested."""

    def __init__(self, folder: Path):
        self.paths = []
        recorded = self.paths

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                recorded.append(self.path)
                super().do_GET()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve():
    servers = []

    def start(folder: Path) -> Server:
        servers.append(Server(folder))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def built_hub(skillex, tmp_path: Path) -> Path:
    hub = copy_example_hub(tmp_path / "hub")
    skillex("build", "--manifest", hub / "manifest.json", check=1)  # Meeting_Notes invalid, k8s-rollout refused
    return hub


def synced_files(hub: Path, name: str) -> dict[str, bytes]:
    manifest = json.loads((hub / "manifest.json").read_text())
    entry = next(s for s in manifest["skills"] if s["name"] == name)
    folder = hub / "skills" / entry["target_path"]
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_install_puts_every_admitted_skill_in_place_and_frozen_catches_an_edit(skillex, tmp_path, serve):
    hub = built_hub(skillex, tmp_path)
    server = serve(hub / "public")
    project = tmp_path / "project"
    project.mkdir()
    env = {"HOME": str(tmp_path / "home")}
    result = skillex("install", "--from", server.url, "--agent", "claude-code", "--format", "json", cwd=project, env=env, check=0)
    report = json.loads(result.stdout)
    index = json.loads((hub / "public/.well-known/agent-skills/index.json").read_text())
    names = sorted(entry["name"] for entry in index["skills"])
    assert len(names) == 8 and "k8s-rollout" not in names and "Meeting_Notes" not in names
    assert [item["name"] for item in report["skills"]] == names
    assert all(item["action"] == "installed" for item in report["skills"])
    for name in names:
        assert tree(project / ".claude/skills" / name) == synced_files(hub, name), name
    assert (project / ".claude/skills/sql-review/scripts/explain.sh").stat().st_mode & 0o111
    lock = json.loads((project / "skills-lock.json").read_text())
    assert lock["version"] == 1 and sorted(lock["skills"]) == names
    jsonschema.validate(lock, json.loads((ROOT / "schemas/skills-lock.schema.json").read_text()))
    jsonschema.validate(report, json.loads((ROOT / "schemas/install-report.schema.json").read_text()))
    digests = {entry["name"]: entry["digest"] for entry in index["skills"]}
    assert all(lock["skills"][n]["digest"] == digests[n] and lock["skills"][n]["source"] == server.url for n in names)

    assert lock_errors(project) == []  # the skills CLI's lockfile shape, as skillsaw checks it
    skillex("install", "--frozen", "--agent", "claude-code", cwd=project, env=env, check=0)
    with open(project / ".claude/skills/style-guide/SKILL.md", "a") as handle:
        handle.write("\nA local edit.\n")
    result = skillex("install", "--frozen", "--agent", "claude-code", "--format", "text", cwd=project, env=env, check=1)
    assert "modified style-guide (claude-code)" in result.stderr
    frozen = json.loads(skillex("install", "--frozen", "--agent", "claude-code", "--format", "json",
                                cwd=project, env=env, check=1).stdout)
    assert frozen["status"] == "drift" and [d["name"] for d in frozen["drift"]] == ["style-guide"]
    jsonschema.validate(frozen, json.loads((ROOT / "schemas/install-report.schema.json").read_text()))


def lock_errors(project: Path) -> list[str]:
    """skillsaw's skills-lock-valid errors for the project's skills-lock.json; a lock with a bad
    computedHash must give one, so an empty list means the rule ran."""
    def run(folder):
        out = subprocess.run([str(Path(sys.executable).parent / "skillsaw"), "lint", "--format", "json", "--no-progress",
                              "--rule", "skills-lock-valid", str(folder)], capture_output=True, text=True, timeout=300)
        return [v["message"] for v in json.loads(out.stdout)["violations"] if v["severity"] == "error"]
    broken = project.parent / "broken-lock"
    broken.mkdir()
    lock = json.loads((project / "skills-lock.json").read_text())
    lock["skills"]["sql-review"]["computedHash"] = "NOT-A-HASH"
    (broken / "skills-lock.json").write_text(json.dumps(lock))
    assert run(broken), "skills-lock-valid reported nothing for a broken lock"
    return run(project)


def test_update_transfers_only_the_changed_skill_and_the_index(skillex, tmp_path, serve):
    hub = built_hub(skillex, tmp_path)
    server = serve(hub / "public")
    project = tmp_path / "project"
    project.mkdir()
    env = {"HOME": str(tmp_path / "home")}
    skillex("install", "--from", server.url, "--agent", "codex", cwd=project, env=env, check=0)
    assert (project / ".agents/skills/sql-review/SKILL.md").is_file()
    with open(hub / "repos/data-team/skills/sql-review/SKILL.md", "a") as handle:
        handle.write("\n- Read the query plan twice.\n")
    skillex("build", "--manifest", hub / "manifest.json", check=1)
    server.paths.clear()
    report = json.loads(skillex("update", "--format", "json", cwd=project, env=env, check=0).stdout)
    assert server.paths == ["/.well-known/agent-skills/index.json", "/.well-known/agent-skills/sql-review.zip"]
    assert [i["name"] for i in report["skills"] if i["action"] == "updated"] == ["sql-review"]
    assert report["requests"] == 2
    assert b"Read the query plan twice." in (project / ".agents/skills/sql-review/SKILL.md").read_bytes()
    skillex("install", "--frozen", "--agent", "codex", cwd=project, env=env, check=0)
    server.paths.clear()
    skillex("update", cwd=project, env=env, check=0)
    assert server.paths == ["/.well-known/agent-skills/index.json"]


def test_install_from_a_local_public_folder_for_the_user_scope(skillex, tmp_path):
    hub = built_hub(skillex, tmp_path)
    home = tmp_path / "home"
    result = skillex("install", "sql-review", "dashboard-audit", "--from", hub / "public", "--agent", "opencode",
                     "--scope", "user", "--format", "json", cwd=tmp_path, env={"HOME": str(home), "XDG_CONFIG_HOME": ""}, check=0)
    assert [i["name"] for i in json.loads(result.stdout)["skills"]] == ["dashboard-audit", "sql-review"]
    assert tree(home / ".config/opencode/skills/sql-review") == synced_files(hub, "sql-review")
    lock = json.loads((home / ".skillex/skills-lock.json").read_text())
    assert lock["skills"]["dashboard-audit"]["sourceType"] == "local"
    assert not (tmp_path / "skills-lock.json").exists()


# Hostile indexes: a hand-made site with a good skill (first by name), then the hostile entry.

def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def site(tmp_path: Path, hostile: dict, artifact: bytes | None, schema: str = SCHEMA) -> Path:
    folder = tmp_path / "site/.well-known/agent-skills"
    folder.mkdir(parents=True)
    good = zip_bytes({"SKILL.md": b"---\nname: a-good\ndescription: Fine.\n---\nBody\n"})
    (folder / "good.zip").write_bytes(good)
    entries = [{"name": "a-good", "type": "archive", "description": "Fine.", "url": "good.zip",
                "digest": "sha256:" + hashlib.sha256(good).hexdigest()}]
    if artifact is not None:
        (folder / "bad.zip").write_bytes(artifact)
        hostile = {"type": "archive", "description": "x", "url": "bad.zip",
                   "digest": "sha256:" + hashlib.sha256(artifact).hexdigest(), **hostile}
    entries.append(hostile)
    (folder / "index.json").write_text(json.dumps({"$schema": schema, "skills": entries}))
    return tmp_path / "site"


SKILL = b"---\nname: bad\ndescription: x\n---\n"


@pytest.mark.parametrize("case, hostile, artifact, schema, code, message", [
    ("digest", {"name": "zz-bad", "digest": "sha256:" + "0" * 64}, zip_bytes({"SKILL.md": SKILL}), SCHEMA, 1, "digest is sha256:"),
    ("name", {"name": "../bad"}, zip_bytes({"SKILL.md": SKILL}), SCHEMA, 2, "name '../bad'"),
    ("entry", {"name": "zz-bad"}, zip_bytes({"SKILL.md": SKILL, "../../escape.sh": b"x"}), SCHEMA, 1, "'..' leads outside"),
    ("wrapper", {"name": "zz-bad"}, zip_bytes({"bad/SKILL.md": SKILL}), SCHEMA, 1, "inside a wrapper folder 'bad/'"),
    ("bomb", {"name": "zz-bad"}, zip_bytes({"SKILL.md": SKILL, "zeros.bin": bytes(100 << 20)}), SCHEMA, 1, "over the limit"),
    ("schema", {"name": "zz-bad"}, zip_bytes({"SKILL.md": SKILL}), "https://example.com/v9.json", 2, "unknown $schema"),
    ("url", {"name": "zz-bad", "url": "../../secret.zip"}, zip_bytes({"SKILL.md": SKILL}), SCHEMA, 2, "leaves the index's folder"),
])
def test_a_hostile_index_is_refused_with_one_line_and_nothing_installed(
        skillex, tmp_path, serve, case, hostile, artifact, schema, code, message):
    server = serve(site(tmp_path, hostile, artifact, schema))
    project = tmp_path / "project"
    project.mkdir()
    result = skillex("install", "--from", server.url, "--agent", "claude-code", cwd=project,
                     env={"HOME": str(tmp_path / "home")}, check=code)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("skillex: error: ") and message in lines[0], result.stderr
    assert list(project.iterdir()) == [], f"{case}: something was written"


def test_install_and_update_from_a_dist_folder(skillex, tmp_path):
    hub = built_hub(skillex, tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    env = {"HOME": str(tmp_path / "home")}
    report = json.loads(skillex("install", "--from", hub / "dist", "--agent", "cursor", "--format", "json",
                                cwd=project, env=env, check=0).stdout)
    index = json.loads((hub / "public/.well-known/agent-skills/index.json").read_text())
    names = sorted(entry["name"] for entry in index["skills"])
    assert [i["name"] for i in report["skills"]] == names and report["requests"] == 3  # index, pack index, pack
    for name in names:
        assert tree(project / ".cursor/skills" / name) == synced_files(hub, name), name
    skillex("install", "--frozen", "--agent", "cursor", cwd=project, env=env, check=0)
    report = json.loads(skillex("update", "--format", "json", cwd=project, env=env, check=0).stdout)
    assert report["requests"] == 2 and all(i["action"] == "unchanged" for i in report["skills"])  # no pack fetched
    pack = next((hub / "dist").glob("skills-pack-*.zip"))
    data = bytearray(pack.read_bytes())
    data[100] ^= 0x01  # one flipped bit in the first entry's compressed bytes
    pack.write_bytes(bytes(data))
    (project / ".cursor").rename(project / "kept")
    result = skillex("install", "--from", hub / "dist", "--agent", "cursor", cwd=project, env=env, check=1)
    assert "refusing skills-pack-0.1.0.zip: digest is sha256:" in result.stderr and not (project / ".cursor").exists()
