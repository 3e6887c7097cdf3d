"""The Agent Skills Discovery index (RFC v0.2.0) of a built hub, read by a client written from the
RFC's text over real HTTP: a static server on loopback over `public/`."""
import functools
import hashlib
import http.server
import io
import json
import re
import shutil
import stat
import threading
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

from conftest import approve_risky_skill, copy_example_hub

SCHEMA = "https://schemas.agentskills.io/discovery/0.2.0/schema.json"
NAME = re.compile(r"^(?!-)(?!.*--)[a-z0-9-]{1,64}(?<!-)$")
DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
MAX_UNPACKED = 50 << 20


@pytest.fixture
def served(tmp_path):
    """Serves a folder on loopback; yields a function folder -> base URL."""
    servers = []

    def serve(folder: Path) -> str:
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
        handler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        return response.read()


def unpack(data: bytes) -> dict[str, bytes]:
    """Unpacks a verified archive the way the RFC's Archive Safety section asks: no `..`, no
    absolute paths, no links, a bound on the unpacked size; SKILL.md at the root."""
    files = {}
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name = info.filename
            assert not name.startswith("/") and "\\" not in name, name
            assert ".." not in name.split("/"), name
            mode = info.external_attr >> 16
            assert not stat.S_ISLNK(mode), f"{name} is a link"
            assert not info.is_dir(), f"{name}: only files expected"
            total += info.file_size
            assert total <= MAX_UNPACKED
            files[name] = archive.read(info)
    assert "SKILL.md" in files, "SKILL.md must be at the archive root (no wrapper folder)"
    return files


def discover(base: str) -> dict[str, dict[str, bytes]]:
    """The RFC client: fetch the index, check its schema and entries, fetch each artifact,
    verify its digest before use, unpack archives. Returns name -> {path: bytes}."""
    index_url = base + "/.well-known/agent-skills/index.json"
    index = json.loads(fetch(index_url))
    assert index["$schema"] == SCHEMA
    skills = {}
    for entry in index["skills"]:
        assert set(entry) >= {"name", "type", "description", "url", "digest"}
        assert NAME.match(entry["name"]), entry["name"]
        assert 0 < len(entry["description"]) <= 1024
        assert DIGEST.match(entry["digest"])
        assert entry["name"] not in skills, "one entry per name"
        # URL Resolution: RFC 3986 against the index URL.
        data = fetch(urllib.parse.urljoin(index_url, entry["url"]))
        assert "sha256:" + hashlib.sha256(data).hexdigest() == entry["digest"], entry["name"]
        if entry["type"] == "skill-md":
            skills[entry["name"]] = {"SKILL.md": data}
        else:
            assert entry["type"] == "archive"
            skills[entry["name"]] = unpack(data)
    return skills


def synced(hub: Path, repo: str, skill: str) -> dict[str, bytes]:
    folder = hub / "skills" / repo / skill
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_client_installs_every_admitted_skill_from_the_index(skillex, tmp_path, served):
    hub = copy_example_hub(tmp_path / "hub")
    skillex("build", "--manifest", hub / "manifest.json", check=1)  # Meeting_Notes invalid, k8s-rollout refused
    manifest = json.loads((hub / "manifest.json").read_text())
    cards = json.loads((hub / ".skillex" / "scorecards.json").read_text())["skills"]
    admitted = {(c["repo"], c["skill"]) for c in cards if c.get("gate") in ("admitted", "approved")}
    assert ("platform-tools", "k8s-rollout") not in admitted

    skills = discover(served(hub / "public"))

    expected = {skill for _, skill in admitted}
    assert set(skills) == expected
    assert "k8s-rollout" not in skills and "Meeting_Notes" not in skills and "meeting-notes" not in skills
    repo_of = {e["name"]: e["source_repo"] for e in manifest["skills"]}
    for name, files in skills.items():
        assert files == synced(hub, repo_of[name], name), name
    # Both artifact types occur in the example hub.
    index = json.loads((hub / "public/.well-known/agent-skills/index.json").read_text())
    types = {e["name"]: e["type"] for e in index["skills"]}
    assert "skill-md" in types.values() and "archive" in types.values()
    for name, kind in types.items():
        assert (kind == "skill-md") == (set(skills[name]) == {"SKILL.md"}), name


def test_approved_skill_is_listed_and_rebuild_rewrites_nothing(skillex, tmp_path, served):
    hub = copy_example_hub(tmp_path / "hub")
    skillex("build", "--manifest", hub / "manifest.json", check=1)  # Meeting_Notes invalid, k8s-rollout refused
    folder = hub / "public/.well-known/agent-skills"
    before = {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    approve_risky_skill(skillex, hub)
    skillex("site", "--manifest", hub / "manifest.json", check=0)
    skills = discover(served(hub / "public"))
    assert "k8s-rollout" in skills
    assert skills["k8s-rollout"] == synced(hub, "platform-tools", "k8s-rollout")
    after = {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    # Only the index and the new artifact changed; every other artifact kept its bytes and its file.
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {"index.json", "k8s-rollout.zip"}  # it has scripts and references: an archive
    assert set(before) <= set(after)


def test_absolute_urls_with_site_url(skillex, tmp_path):
    hub = copy_example_hub(tmp_path / "hub")
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest.setdefault("site", {})["url"] = "https://skills.example.com/"
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2))
    skillex("build", "--manifest", hub / "manifest.json", check=1)  # Meeting_Notes invalid, k8s-rollout refused
    index = json.loads((hub / "public/.well-known/agent-skills/index.json").read_text())
    assert index["skills"]
    for entry in index["skills"]:
        assert entry["url"].startswith("https://skills.example.com/.well-known/agent-skills/" + entry["name"])


def test_skillex_serve_serves_the_index_but_no_other_dot_path(skillex, tmp_path):
    from test_serve import Serve

    hub = copy_example_hub(tmp_path / "hub")
    skillex("build", "--manifest", hub / "manifest.json", check=1)  # Meeting_Notes invalid, k8s-rollout refused
    (hub / "public" / ".secret").write_text("no")
    running = Serve(hub)
    try:
        skills = discover(running.base)
        assert "sql-review" in skills and "k8s-rollout" not in skills
        for path in ("/.secret", "/skills/.well-known/index.json"):
            with pytest.raises(urllib.error.HTTPError):
                fetch(running.base + path)
    finally:
        running.stop()


def test_a_name_in_two_repositories_goes_to_the_first_repository_with_a_warning(skillex, tmp_path, served):
    hub = copy_example_hub(tmp_path / "hub")
    twin = hub / "repos/platform-tools/.claude/skills/sql-review"
    shutil.copytree(hub / "repos/data-team/skills/sql-review", twin)
    text = (twin / "SKILL.md").read_text()
    (twin / "SKILL.md").write_text(text.replace("# ", "# Platform copy: ", 1))
    result = skillex("build", "--manifest", hub / "manifest.json", check=1)
    # platform-tools is listed before data-team in the manifest's repositories.
    assert "warning: data-team/sql-review: not in the discovery index: the name is taken by platform-tools/sql-review" in result.stderr
    skills = discover(served(hub / "public"))
    assert skills["sql-review"] == synced(hub, "platform-tools", "sql-review")
    assert skills["sql-review"] != synced(hub, "data-team", "sql-review")
