"""Issues #14/#15 on the built binary: target_path in v0.1's form (and both forms read alike),
--version, one-line errors naming the option or field, build with every repository missing,
score marks, integer counts in logs, progress and log lines on a terminal, name suggestions,
allowed-tools as a list."""
import hashlib
import json
import os
import pty
import re
import select
import shutil
import subprocess
from pathlib import Path

from conftest import skillex_bin

SKILL = "---\nname: pdf\ndescription: Fills PDF forms. Use when a form needs filling.\n---\n# PDF\n\nFill the form.\n"


def checksum(folder: Path) -> str:
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix().encode())
    h = hashlib.sha256()
    for p in files:
        h.update(p.relative_to(folder).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def v01_hub(root: Path, target_path: str) -> Path:
    """A hub whose skill is in skills/ already and whose manifest is exactly what v0.1's sync
    writes: version 1; name, source_repo, target_path "<repo>/<skill>", checksum, packaged_at."""
    for folder in (root / "repos/acme/.claude/skills/pdf", root / "skills/acme/pdf"):
        folder.mkdir(parents=True)
        (folder / "SKILL.md").write_text(SKILL)
    manifest = {
        "version": 1,
        "generated_at": "2025-01-01T00:00:00Z",
        "repositories": [{"name": "acme", "path": "repos/acme"}],
        "skills": [{"name": "pdf", "source_repo": "acme", "target_path": target_path,
                    "checksum": checksum(root / "skills/acme/pdf"), "packaged_at": "2025-01-01T00:00:00Z"}],
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return root


def test_sync_writes_target_path_as_v01_does(skillex, hub):
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json", check=1)
    skills = json.loads((hub / "manifest.json").read_text())["skills"]
    assert skills
    for entry in skills:
        assert entry["target_path"] == f"{entry['source_repo']}/{entry['name']}"
        # Relative to the target folder, as a v0.1 consumer reads it.
        assert entry["checksum"] == checksum(hub / "skills" / entry["target_path"])


def test_v01_manifest_and_skillex_manifest_are_read_alike(skillex, tmp_path):
    outputs = {}
    for form, target in (("v0.1", "acme/pdf"), ("skillex-0.2", "skills/acme/pdf")):
        hub = v01_hub(tmp_path / form, target)
        clock = ("--clock", "2025-02-01T00:00:00Z")
        synced = json.loads(skillex("sync", "--manifest", hub / "manifest.json", "--format", "json", *clock, check=0).stdout)
        assert (synced["summary"]["copied"], synced["summary"]["skipped"]) == (0, 1), form
        skillex("score", "--manifest", hub / "manifest.json", "--format", "json", *clock, check=0)
        cards = json.loads((hub / ".skillex/scorecards.json").read_text())
        skillex("site", "--manifest", hub / "manifest.json", "--format", "json", *clock, check=0)
        page = (hub / "public/skills/acme/pdf/index.html").read_text()
        assert "Fills PDF forms" in page and "SKILL.md" in page, form
        manifest = json.loads((hub / "manifest.json").read_text())
        assert manifest["skills"][0]["target_path"] == "acme/pdf", form
        outputs[form] = ([(s["path"], s["score"], s["checksum"]) for s in cards["skills"]], manifest["skills"])
    assert outputs["v0.1"] == outputs["skillex-0.2"]
    assert outputs["v0.1"][0][0][0] == "skills/acme/pdf"


def test_manifest_schema_describes_v01_target_path():
    schema = json.loads((Path(__file__).resolve().parents[2] / "schemas/manifest.schema.json").read_text())
    text = json.dumps(schema)
    assert "<repo>/<skill>, relative to the skills folder" in text


def test_version_flags(skillex, hub):
    assert skillex("--version", check=0).stdout.strip()
    help_text = skillex("sync", "--help", check=0).stdout
    assert help_text.count("--version <version>") == 1 and "Show the version" not in help_text
    result = json.loads(skillex("sync", "--manifest", hub / "manifest.json", "--dry-run", "--version", "1.4.0",
                                "--format", "json", check=1).stdout)
    assert result["version"] == "1.4.0"
    bare = skillex("sync", "--manifest", hub / "manifest.json", "--version", check=2)
    assert "--version" in bare.stderr and not (hub / "skills").exists()


def test_bad_clock_is_one_line_naming_the_option(skillex, hub):
    result = skillex("sync", "--manifest", hub / "manifest.json", "--clock", "x", check=2)
    assert result.stderr == "skillex: error: --clock: 'x' is not an ISO 8601 time (e.g. 2025-01-31T12:00:00Z)\n"
    assert "ValidationError" not in result.stderr


def edit_manifest(hub, change):
    manifest = json.loads((hub / "manifest.json").read_text())
    change(manifest)
    (hub / "manifest.json").write_text(json.dumps(manifest))


def test_negative_validator_timeout_and_bad_limits_name_the_field(skillex, hub):
    edit_manifest(hub, lambda m: m["repositories"][0].update(validator_timeout=-5))
    result = skillex("sync", "--manifest", hub / "manifest.json", check=2)
    assert "repositories[0].validator_timeout: -5" in result.stderr and result.stderr.count("\n") == 1
    edit_manifest(hub, lambda m: (m["repositories"][0].pop("validator_timeout"), m.update(limits={"max_depth": "deep"})))
    result = skillex("sync", "--manifest", hub / "manifest.json", check=2)
    assert "limits.max_depth: must be a positive whole number" in result.stderr and result.stderr.count("\n") == 1


def test_build_with_every_repository_missing_fails_without_a_pack(skillex, hub):
    shutil.rmtree(hub / "repos")
    result = skillex("build", "--manifest", hub / "manifest.json", "--format", "text", check=2)
    errors = [line for line in result.stderr.splitlines() if line.startswith("skillex: error:")]
    assert len(errors) == 1 and "every repository is missing" in errors[0] and "manifest.json" in errors[0], result.stderr
    assert not (hub / "dist").exists() or not list((hub / "dist").glob("*.zip"))
    assert result.stdout == ""


def test_build_marks_score_failed_when_a_skill_is_refused(skillex, hub):
    result = skillex("build", "--manifest", hub / "manifest.json", "--format", "text", check=1)
    lines = {line.split(":")[0]: line for line in result.stdout.splitlines()}
    assert lines["✗ score"].startswith("✗ score") and "1 below the threshold" in lines["✗ score"]
    report = json.loads(skillex("build", "--manifest", hub / "manifest.json", "--format", "json", check=1).stdout)
    assert {s["stage"]: s["status"] for s in report["stages"]}["score"] == "problems"


def test_score_summary_is_not_green_over_a_refusal(skillex, hub):
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json", check=1)
    result = skillex("score", "--manifest", hub / "manifest.json", "--format", "text")
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("✗ 9 scored:") and "1 refused" in summary, result.stdout


def test_log_counts_are_integers(skillex, hub):
    result = skillex("sync", "--manifest", hub / "manifest.json", "--format", "json", check=1)
    run_line = next(line for line in result.stderr.splitlines() if line.startswith("WARNING run failed"))
    assert " copied=9 " in run_line and " skills=10" in run_line, run_line
    assert not re.search(r"\b(copied|errors|skills|skipped|removed)=\d+\.0\b", result.stderr), result.stderr


def test_progress_and_log_lines_never_share_a_line_on_a_terminal(hub):
    """stderr on a pseudo-terminal: every log line starts on a clean line, after the progress
    line was erased (ESC[2K), and the progress line is drawn again below it."""
    master, slave = pty.openpty()
    env = dict(os.environ, SKILLEX_LOG_LEVEL="debug", NO_COLOR="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.Popen([skillex_bin(), "sync", "--manifest", str(hub / "manifest.json"), "--format", "json"],
                            stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    text = b"".join(chunks).decode().replace("\r\n", "\n")
    assert "[sync]" in text, "the progress line is drawn on a terminal"
    erase = "\r\x1b[2K"
    for line in text.split("\n"):
        # What the terminal shows: the text after the last erase on that line.
        visible = line.split(erase)[-1]
        if visible.startswith("[sync]") or not visible:
            continue
        assert re.match(r"(TRACE|DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL) ", visible), repr(line)
        assert "[sync]" not in visible, repr(line)
    # Each log line written while progress showed erased it first.
    for match in re.finditer(r"\[sync\] \d+ skills checked[^\r\n]*(DEBUG|INFO|WARNING)", text):
        raise AssertionError(f"log text printed after progress on one line: {match.group(0)!r}")


def test_name_fix_suggests_a_valid_name(skillex, tmp_path):
    folder = tmp_path / "Internal_Comms"
    folder.mkdir()
    (folder / "SKILL.md").write_text("---\nname: Internal_Comms\ndescription: Team comms. Use when writing updates.\n---\n")
    report = json.loads(skillex("validate", folder, "--format", "json", check=1).stdout)
    fixes = " ".join(f["fix"] for f in report["skills"][0]["findings"])
    assert "'internal-comms'" in fixes and "internal_comms" not in fixes
    fixed = tmp_path / "internal-comms"
    fixed.mkdir()
    (fixed / "SKILL.md").write_text("---\nname: internal-comms\ndescription: Team comms. Use when writing updates.\n---\n")
    skillex("validate", fixed, "--format", "json", check=0)


def test_allowed_tools_list_warns_in_both_modes(skillex, tmp_path):
    folder = tmp_path / "pdf"
    folder.mkdir()
    (folder / "SKILL.md").write_text("---\nname: pdf\ndescription: Fills forms.\nallowed-tools:\n  - Bash\n  - Read\n---\n")
    for flags in ([], ["--strict"]):
        report = json.loads(skillex("validate", *flags, folder, "--format", "json", check=0).stdout)
        rules = {(f["rule"], f["severity"]) for f in report["skills"][0]["findings"]}
        assert ("allowed-tools.type", "warning") in rules, (flags, rules)
