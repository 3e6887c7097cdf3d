"""Git sources: a repository entry naming `git` and `ref` instead of `path`, fetched by sync from
a real `git daemon` on loopback (branch, branch move, tag, commit id, missing ref, unreachable
server, --offline, credentials kept out of every output)."""
import json
from pathlib import Path

import pytest

from gitserver import GitDaemon, SkillsRepository, git


@pytest.fixture
def remote(tmp_path):
    repository = SkillsRepository(tmp_path / "git", "team")
    repository.write_skill("alpha", "First version.")
    repository.write_skill("beta")
    first = repository.commit("first", tag="v1")
    daemon = GitDaemon(tmp_path / "git" / "served")
    yield repository, daemon, first
    daemon.stop()


def make_hub(tmp_path: Path, entry: dict) -> Path:
    hub = tmp_path / "hub"
    hub.mkdir()
    (hub / "manifest.json").write_text(json.dumps({"repositories": [dict(name="team", **entry)]}))
    return hub


def sync(skillex, hub, *extra, check=None):
    result = skillex("sync", "--manifest", hub / "manifest.json", "--format", "json", *extra, check=check)
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


def manifest(hub):
    return json.loads((hub / "manifest.json").read_text())


def test_a_branch_is_fetched_and_its_commit_recorded(skillex, tmp_path, remote):
    repository, daemon, first = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "main"})
    _, report = sync(skillex, hub, check=0)
    assert report["sources"][0]["status"] == "fetched"
    assert report["sources"][0]["commit"] == first
    assert report["sources"][0]["branch"] == "main"
    assert (hub / "skills" / "team" / "alpha" / "SKILL.md").read_text().count("First version.") == 1
    written = manifest(hub)
    assert written["repositories"][0]["commit"] == first
    assert "path" not in written["repositories"][0]
    assert {s["name"]: s["source_commit"] for s in written["skills"]} == {"alpha": first, "beta": first}


def test_a_moved_branch_shows_as_a_change(skillex, tmp_path, remote):
    repository, daemon, first = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "main"})
    sync(skillex, hub, check=0)
    _, again = sync(skillex, hub, check=0)
    assert again["sources"][0]["status"] == "unchanged"
    repository.write_skill("alpha", "Second version.")
    second = repository.commit("second")
    _, moved = sync(skillex, hub, check=0)
    source = moved["sources"][0]
    assert (source["status"], source["previous_commit"], source["commit"]) == ("moved", first, second)
    statuses = {r["skill"]: r["status"] for r in moved["results"]}
    assert statuses == {"alpha": "copied", "beta": "skipped"}
    assert "Second version." in (hub / "skills" / "team" / "alpha" / "SKILL.md").read_text()
    assert manifest(hub)["repositories"][0]["commit"] == second
    text = skillex("sync", "--manifest", hub / "manifest.json", "--format", "text", check=0).stdout
    assert f"team (git://127.0.0.1:{daemon.port}/team.git): main unchanged at {second[:12]}" in text


@pytest.mark.parametrize("kind", ["tag", "commit"])
def test_a_tag_or_a_commit_id_pins_the_content(skillex, tmp_path, remote, kind):
    repository, daemon, first = remote
    repository.write_skill("alpha", "Second version.")
    repository.commit("second")
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "v1" if kind == "tag" else first})
    _, report = sync(skillex, hub, check=0)
    assert report["sources"][0]["commit"] == first
    assert "First version." in (hub / "skills" / "team" / "alpha" / "SKILL.md").read_text()
    assert manifest(hub)["repositories"][0]["commit"] == first


def test_a_missing_ref_is_a_clear_repository_error_that_keeps_the_previous_state(skillex, tmp_path, remote):
    repository, daemon, first = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "main"})
    sync(skillex, hub, check=0)
    before = manifest(hub)
    data = manifest(hub)
    data["repositories"][0]["ref"] = "release-9"
    (hub / "manifest.json").write_text(json.dumps(data))
    result, report = sync(skillex, hub, check=1)
    errors = report["summary"]["errors"]
    assert [(e["reason"], e["repo"]) for e in errors] == [("missing_ref", "team")]
    assert "ref release-9 not found" in errors[0]["message"]
    assert report["sources"][0]["status"] == "failed"
    assert (hub / "skills" / "team" / "alpha" / "SKILL.md").exists()
    assert manifest(hub)["skills"] == before["skills"]


def test_an_unreachable_server_leaves_the_previous_sync_intact_and_offline_uses_the_cache(
        skillex, tmp_path, remote):
    repository, daemon, first = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "main"})
    sync(skillex, hub, check=0)
    before = manifest(hub)
    daemon.stop()
    _, report = sync(skillex, hub, check=1)
    assert [e["reason"] for e in report["summary"]["errors"]] == ["fetch_failed"]
    assert manifest(hub)["skills"] == before["skills"]
    assert (hub / "skills" / "team" / "beta" / "SKILL.md").exists()
    _, offline = sync(skillex, hub, "--offline", check=0)
    assert offline["sources"][0]["status"] == "cached"
    assert {r["status"] for r in offline["results"]} == {"skipped"}


def test_offline_without_a_cached_checkout_says_what_to_do(skillex, tmp_path, remote):
    _, daemon, _ = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "main"})
    _, report = sync(skillex, hub, "--offline", check=1)
    assert "run once without --offline" in report["summary"]["errors"][0]["message"]


def test_credentials_in_the_url_never_reach_any_output(skillex, tmp_path):
    from servers import free_port
    secret = "s3cr3t-T0KEN-value"
    url = f"http://alice:{secret}@127.0.0.1:{free_port()}/team.git"
    hub = make_hub(tmp_path, {"git": url, "ref": "main"})
    json_run, report = sync(skillex, hub, check=1)
    text_run = skillex("sync", "--manifest", hub / "manifest.json", "--format", "text", check=1)
    assert report["sources"][0]["url"].startswith("http://***@127.0.0.1:")
    seen = json_run.stdout + json_run.stderr + text_run.stdout + text_run.stderr
    for path in (hub / ".skillex").rglob("*"):
        if path.is_file():
            seen += path.read_bytes().decode("utf-8", "replace")
    assert secret not in seen and "alice" not in seen


@pytest.mark.parametrize("entry, problem", [
    ({"git": "--upload-pack=touch pwned", "ref": "main"}, "must not start with '-'"),
    ({"git": "ext::sh -c touch% pwned", "ref": "main"}, "runs commands"),
    ({"git": "git://127.0.0.1:9/x.git", "ref": "--output=pwned"}, "must not start with '-'"),
    ({"git": "git://127.0.0.1:9/x.git", "ref": "a..b"}, "not a valid branch, tag or commit"),
])
def test_a_source_git_could_read_as_an_option_is_refused_before_git_runs(skillex, tmp_path, entry, problem):
    hub = make_hub(tmp_path, entry)
    _, report = sync(skillex, hub, check=1)
    issue = report["summary"]["errors"][0]
    assert issue["reason"] == "invalid_git_source" and problem in issue["message"]
    assert not list(tmp_path.rglob("pwned"))
    assert not (hub / ".skillex" / "git").exists()


def test_path_and_git_together_is_an_input_error(skillex, tmp_path):
    hub = make_hub(tmp_path, {"git": "git://127.0.0.1:9/x.git", "path": "repos/team"})
    result = skillex("sync", "--manifest", hub / "manifest.json", check=2)
    assert "manifest.json" in result.stderr and "either path or git" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_build_over_a_git_source_publishes_its_skills(skillex, tmp_path, remote):
    _, daemon, first = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "v1"})
    skillex("build", "--manifest", hub / "manifest.json", "--format", "json", check=0)
    assert (hub / "public" / "index.html").exists()
    assert manifest(hub)["repositories"][0]["commit"] == first
    assert git("--git-dir", hub / ".skillex" / "git" / "team" / "repo.git", "rev-parse", "FETCH_HEAD^{commit}") == first


def test_a_manifest_with_git_sources_validates_against_the_schema(skillex, tmp_path, remote):
    import jsonschema
    from conftest import ROOT
    _, daemon, _ = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "main"})
    schema = json.loads((ROOT / "schemas" / "manifest.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(manifest(hub))
    sync(skillex, hub, check=0)
    jsonschema.Draft202012Validator(schema).validate(manifest(hub))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(
            {"repositories": [{"name": "x", "git": "https://h/x.git", "path": "x"}]})


def test_build_offline_uses_the_cached_checkout_when_the_server_is_gone(skillex, tmp_path, remote):
    _, daemon, first = remote
    hub = make_hub(tmp_path, {"git": daemon.url("team"), "ref": "main"})
    sync(skillex, hub, check=0)
    daemon.stop()
    failed = skillex("build", "--manifest", hub / "manifest.json", "--format", "json")
    assert failed.returncode == 1
    sync_stage = next(s for s in json.loads(failed.stdout)["stages"] if s["stage"] == "sync")
    assert sync_stage["status"] == "problems"
    result = skillex("build", "--manifest", hub / "manifest.json", "--offline", "--format", "json", check=0)
    assert json.loads(result.stdout)["status"] == "ok"
    assert manifest(hub)["repositories"][0]["commit"] == first
