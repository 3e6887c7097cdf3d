"""Hostile repositories (Tests/Adversarial/generate.py REPO_CASES): a skills folder or a folder
above it that is a symlink, `.git` metadata that points elsewhere, report files that lead
outside; and `skillex init` on a repository whose files are symlinks leading outside.

Each case adds a second repository `evil` beside the corpus's `adv` (whose skill `good` must
still sync), runs the binary under the corpus's bounds, and checks nothing outside the workspace
was read into any output or written."""
import json
import os
import stat

import pytest

from adversarial_support import Arena, generate


@pytest.fixture
def arena(tmp_path):
    return Arena(tmp_path)


def add_repository(arena, case):
    fields = generate.REPO_CASES[case](arena.ws / "repos" / "evil", arena.outside)
    manifest = json.loads((arena.ws / "manifest.json").read_text())
    manifest["repositories"].append({"name": "evil", "path": "repos/evil", **fields})
    (arena.ws / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")


def synced_statuses(run):
    return {(r["repo"], r["skill"]): r["status"] for r in run.json()["results"]}


# case -> (what sync's one-line error for the repository must contain, its reason); None: sync succeeds
SYNC_CASES = {
    "skills-dir-symlink": ("skills folder of repository evil leads to", "unsafe_symlink"),
    "skills-parent-symlink": ("skills folder of repository evil leads to", "unsafe_symlink"),
    "non-utf8-skill-folder": ("skills/caf\\xE9: name is not valid UTF-8", "invalid_skill_folder"),
    "git-head-traversal": None,
    "git-head-symlink": None,
    "git-ref-symlink": None,
    "git-gitdir-outside": None,
}


@pytest.mark.parametrize("case", list(SYNC_CASES))
def test_hostile_repository_sync(arena, case):
    add_repository(arena, case)
    arena.freeze()
    needle, reason = SYNC_CASES[case] or (None, None)
    synced = arena.cli("sync", "--manifest", "manifest.json", "--format", "json", codes=(0,) if needle is None else (1,))
    statuses = synced_statuses(synced)
    assert statuses[("adv", "good")] == "copied", "one hostile repository must not stop the others"
    if case == "non-utf8-skill-folder":
        assert statuses[("evil", "ok")] == "copied", "the other skills of the repository still sync"
    if needle is None:
        assert statuses[("evil", "ok")] == "copied"
        entry = next(s for s in json.loads((arena.ws / "manifest.json").read_text())["skills"] if s["source_repo"] == "evil")
        assert entry.get("source_commit") is None, f"a commit was read from hostile .git metadata: {entry}"
    else:
        errors = [e for e in synced.json()["summary"]["errors"] if e["repo"] == "evil"]
        assert len(errors) == 1 and errors[0]["reason"] == reason, synced.stdout
        line = f"{errors[0]['path']}: {errors[0]['message']}"
        assert "\n" not in line and needle in line and "repos/evil" in line, line
        assert ("evil", "stolen") not in statuses
        assert not any(p.name != "ok" for p in (arena.ws / "skills").glob("evil/*")), "nothing refused may be synced"
        text = arena.cli("sync", "--manifest", "manifest.json", "--format", "text", codes=(1,))
        assert needle in text.stdout + text.stderr
    arena.cli("package", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    arena.check_untouched()


def test_git_metadata_is_still_read_when_it_is_well_formed(arena):
    """The strict reader still finds the commit of an ordinary checkout (loose and packed refs)."""
    repo = arena.ws / "repos" / "adv"
    commit = "0123456789abcdef0123456789abcdef01234567"
    (repo / ".git" / "refs" / "heads").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / ".git" / "packed-refs").write_text(f"# pack-refs with: peeled fully-peeled sorted\n{commit} refs/heads/main\n")
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    entry = json.loads((arena.ws / "manifest.json").read_text())["skills"][0]
    assert entry["source_commit"] == commit and entry["source_branch"] == "main"


# case -> what score's one-line error must contain
REPORT_CASES = {
    "report-symlink": "outside the repository and the hub",
    "report-in-repo": "Dialyzer short format",
}


@pytest.mark.parametrize("case", list(REPORT_CASES))
def test_hostile_report_path(arena, case):
    add_repository(arena, case)
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.freeze()
    scored = arena.cli("score", "--manifest", "manifest.json", "--format", "json", codes=(2,))
    lines = scored.stderr.strip().splitlines()
    assert len(lines) == 1 and "reports/dialyzer.txt" in lines[0] and REPORT_CASES[case] in lines[0], scored.stderr
    arena.check_untouched()


def test_report_flag_leading_outside_is_refused(arena):
    """`--report KIND=PATH` too: a path (or symlink) leading outside the repository and hub is not read."""
    link = arena.ws / "lcov.info"
    os.symlink(arena.outside / generate.CANARY_NAME, link)
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.freeze()
    for path in (link, arena.outside / generate.CANARY_NAME):
        scored = arena.cli("score", "--manifest", "manifest.json", "--report", f"lcov={path}", codes=(2,))
        lines = scored.stderr.strip().splitlines()
        assert len(lines) == 1 and "outside the repository and the hub" in lines[0], scored.stderr
    arena.check_untouched()


# --- skillex init on a hostile repository ------------------------------------------------------

def init_repo(arena):
    repo = arena.ws / "repos" / "evil"
    (repo / "skills" / "ok").mkdir(parents=True)
    (repo / "skills" / "ok" / "SKILL.md").write_text(generate.front_matter("ok"))
    return repo


def init_cases(repo, outside):
    canary = outside / generate.CANARY_NAME

    def github():
        os.symlink(outside, repo / ".github")

    def ledger():
        os.symlink(outside, repo / ".skillex")

    def readme():
        os.symlink(canary, repo / "README.md")

    def scripts():
        os.symlink(outside, repo / "scripts")

    def skill_folder():
        (outside / "stolen").mkdir(exist_ok=True)
        (outside / "stolen" / "SKILL.md").write_text(
            "---\nname: stolen\ndescription: " + canary.read_text().strip() + " Use when stealing.\n---\n")
        os.symlink(outside / "stolen", repo / "skills" / "stolen")

    return {"github": github, "ledger": ledger, "readme": readme, "scripts": scripts, "skill-folder": skill_folder}


@pytest.mark.parametrize("case", ["github", "ledger", "readme", "scripts"])
def test_init_refuses_paths_leading_outside(arena, case):
    repo = init_repo(arena)
    init_cases(repo, arena.outside)[case]()
    arena.freeze()
    before = {p: p.lstat().st_mtime_ns for p in repo.rglob("*")}
    run = arena.cli("init", "repos/evil", "--yes", "--ci", "github", "--manifest", "manifest.json", codes=(2,))
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "outside the repository" in lines[0], run.stderr
    assert {p: p.lstat().st_mtime_ns for p in repo.rglob("*")} == before, "a refused init writes nothing"
    arena.check_untouched()


def test_init_does_not_read_a_symlinked_skill_into_the_readme(arena):
    repo = init_repo(arena)
    init_cases(repo, arena.outside)["skill-folder"]()
    arena.freeze()
    arena.cli("init", "repos/evil", "--yes", "--ci", "github", "--manifest", "manifest.json")
    readme = (repo / "README.md").read_text()
    assert "`ok`" in readme and "stolen" not in readme
    arena.check_untouched()


def test_init_writes_0644_and_0755_whatever_the_umask(arena):
    repo = init_repo(arena)
    (repo / "README.md").write_text("# evil\n")
    os.chmod(repo / "README.md", 0o777)
    old = os.umask(0)
    try:
        arena.cli("init", "repos/evil", "--yes", "--ci", "github", "--skill", "fresh",
                  "--description", "Fresh skill for the mode test. Use when testing modes.",
                  "--manifest", "manifest.json")
    finally:
        os.umask(old)
    modes = {p.relative_to(repo).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in repo.rglob("*") if p.is_file()}
    assert modes["scripts/validate_skills.sh"] == 0o755
    for name in (".github/workflows/skillex.yml", ".skillex/init.json", "skills/fresh/SKILL.md"):
        assert modes[name] == 0o644, (name, oct(modes[name]))
    assert modes["README.md"] == 0o755, "an updated file keeps its mode, never with more than 0755"
    folders = {p.relative_to(repo).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in repo.rglob("*") if p.is_dir()}
    assert all(mode & 0o022 == 0 for mode in folders.values()), folders


def test_every_repository_case_has_a_test():
    assert set(generate.REPO_CASES) == set(SYNC_CASES) | set(REPORT_CASES)
