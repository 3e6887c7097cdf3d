"""`skillex init`: the wizard driven through a real pseudo-terminal, the same run from flags,
re-runs, Ctrl-C, edited files, the generated validator script and CI files."""
import fcntl
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import EXAMPLE_HUB, copy_example_hub, skillex_bin

SCHEMAS = Path(__file__).parent / "schemas"
DESCRIPTION = "Reviews a model card for missing evaluation data and risks. Use when a pull request adds or changes a model card."
SKILL = "model-card-review"
FLAGS = ["--name", "ml-team", "--skills-dir", "skills", "--manifest", "manifest.json",
         "--ci", "github,gitlab,buildkite", "--skill", SKILL, "--description", DESCRIPTION, "--readme"]
EXISTING_SKILL = """---
name: eval-report
description: Summarises an evaluation run into a short report. Use when a training run finishes.
---

# Eval report

## Steps

1. Read the metrics file.
2. Write the summary.
"""


def make_onboarding_hub(target):
    """The example hub plus a repository that is not in its manifest yet: one skill in skills/
    and a README a person wrote."""
    copy_example_hub(target)
    repo = target / "repos" / "ml-team"
    (repo / "skills" / "eval-report").mkdir(parents=True)
    (repo / "skills" / "eval-report" / "SKILL.md").write_text(EXISTING_SKILL)
    (repo / "README.md").write_text("# ML team\n\nOur models and tools.\n")
    return target


@pytest.fixture
def onboarding_hub(tmp_path):
    return make_onboarding_hub(tmp_path / "hub")


def snapshot(root):
    """Every file under `root` (path → bytes, mode), skipping nothing."""
    files = {}
    for path in sorted(Path(root).rglob("*")):
        if path.is_file():
            files[path.relative_to(root).as_posix()] = (path.read_bytes(), path.stat().st_mode & 0o777)
    return files


class Terminal:
    """The built binary on a pseudo-terminal it controls, as a person's shell would run it."""

    def __init__(self, args, cwd):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        env = dict(os.environ, NO_COLOR="1", TERM="xterm")

        def controlling_terminal():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen([skillex_bin(), *map(str, args)], cwd=cwd, env=env, stdin=slave, stdout=slave,
                                     stderr=slave, preexec_fn=controlling_terminal, close_fds=True)
        os.close(slave)
        self.output = b""
        self.mark = 0

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        self.output += chunk
        return True

    def expect(self, text, timeout=60):
        """Waits until `text` appears after the last expectation; returns the output up to it."""
        needle = text.encode()
        deadline = time.monotonic() + timeout
        while True:
            index = self.output.find(needle, self.mark)
            if index >= 0:
                seen = self.output[self.mark:index + len(needle)]
                self.mark = index + len(needle)
                return seen.decode(errors="replace")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {text!r}; output:\n{self.output.decode(errors='replace')}")
            if self._read(0.5) is None:
                raise AssertionError(f"process ended before {text!r}; output:\n{self.output.decode(errors='replace')}")

    def send(self, text):
        os.write(self.master, text.encode())

    def finish(self, timeout=60):
        """Reads to the end; returns the exit status and checks the terminal is back in line mode."""
        deadline = time.monotonic() + timeout
        while self._read(0.5) is not None and time.monotonic() < deadline:
            pass
        status = self.proc.wait(timeout=timeout)
        attrs = termios.tcgetattr(self.master)
        self.line_mode = bool(attrs[3] & termios.ICANON) and bool(attrs[3] & termios.ECHO)
        os.close(self.master)
        return status

    @property
    def text(self):
        return self.output.decode(errors="replace")


QUESTIONS = ["Repository name", "Skills folder", "Hub manifest", "CI systems", "First skill", "What does", "README", "Write these files?"]


def run_wizard(hub, answer_all=True):
    """Answers every question of a first onboarding of repos/ml-team; returns the terminal."""
    term = Terminal(["init", "repos/ml-team"], cwd=hub)
    term.expect("Repository name [ml-team]: ")
    term.send("\r")
    term.expect("Skills folder [skills]: ")
    term.send("\r")
    term.expect("Hub manifest [manifest.json]: ")
    term.send("\r")
    term.expect("CI systems (github, gitlab, buildkite or none) [github]: ")
    term.send("github,gitlab,jenkins\r")
    term.expect("unknown CI system 'jenkins'")
    term.send("\x15github,gitlab,buildkite\r")
    term.expect("First skill to scaffold")
    # The name is checked by the spec rules while it is typed, then again on Enter.
    term.send("Model_Card")
    term.expect("must be lowercase")
    term.send("\r")
    term.expect("\r\n  ✗ name 'Model_Card' must be lowercase")
    term.send("\x15" + SKILL)
    term.expect("✓ valid name")
    term.send("\r")
    term.expect(f"What does {SKILL} do")
    term.send(DESCRIPTION + "\r")
    term.expect("Add a skills section to the README? [Y/n]: ")
    term.send("\r")
    plan = term.expect("Write these files? [Y/n]: ")
    if answer_all:
        term.send("\r")
    return term, plan


def test_wizard_on_a_terminal_writes_every_file(skillex, onboarding_hub):
    hub = onboarding_hub
    before = (hub / "manifest.json").read_text()
    term, plan = run_wizard(hub)
    assert "create    scripts/validate_skills.sh" in plan
    assert "update    manifest.json  (adds repository 'ml-team')" in plan
    assert term.finish() == 0, term.text
    assert term.line_mode
    repo = hub / "repos" / "ml-team"
    for path in ["scripts/validate_skills.sh", f"skills/{SKILL}/SKILL.md", ".github/workflows/skillex.yml",
                 ".gitlab-ci.yml", ".buildkite/pipeline.yml", "README.md", ".skillex/init.json"]:
        assert (repo / path).is_file(), path
    assert os.access(repo / "scripts/validate_skills.sh", os.X_OK)
    readme = (repo / "README.md").read_text()
    assert readme.startswith("# ML team\n\nOur models and tools.\n\n<!-- skillex init: begin")
    assert f"| [`{SKILL}`](skills/{SKILL}/SKILL.md) | {DESCRIPTION} |" in readme
    assert "| [`eval-report`](skills/eval-report/SKILL.md) | Summarises an evaluation run" in readme
    # The manifest gains exactly one entry, spliced in: every other byte is as it was.
    after = (hub / "manifest.json").read_text()
    entry = json.loads(after)["repositories"][-1]
    assert entry == {"name": "ml-team", "path": "repos/ml-team", "skills_dir": "skills"}
    assert after.replace(',\n    {\n      "name": "ml-team",\n      "path": "repos/ml-team",\n      "skills_dir": "skills"\n    }', "") == before

    # A second run, on the terminal and from flags, changes no byte.
    written = snapshot(hub)
    again = Terminal(["init", "repos/ml-team", "--ci", "github,gitlab,buildkite", "--no-readme"], cwd=hub)
    again.expect("Repository name")
    again.send("\r")
    again.expect("Skills folder [skills]")
    again.send("\r")
    again.expect("Hub manifest")
    again.send("\r")
    again.expect("First skill")
    again.send("\r")
    again.expect("Nothing to write")
    assert again.finish() == 0, again.text
    result = skillex("init", "repos/ml-team", *FLAGS, "--yes", "--format", "json", cwd=hub, check=0)
    assert {f["result"] for f in json.loads(result.stdout)["files"]} == {"unchanged"}
    assert snapshot(hub) == written


def test_flags_with_yes_give_the_same_files_as_the_wizard(skillex, onboarding_hub, tmp_path):
    term, _ = run_wizard(onboarding_hub)
    assert term.finish() == 0, term.text
    second_hub = make_onboarding_hub(tmp_path / "second")
    result = skillex("init", "repos/ml-team", *FLAGS, "--yes", "--format", "text", cwd=second_hub, check=0)
    assert "8 files written." in result.stdout
    assert snapshot(second_hub) == snapshot(onboarding_hub)
    # Without a terminal on stdin it asks nothing either.
    result = subprocess.run([skillex_bin(), "init", "repos/ml-team", *FLAGS, "--format", "json"], cwd=second_hub,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert snapshot(second_hub) == snapshot(onboarding_hub)


@pytest.mark.parametrize("question", QUESTIONS)
def test_ctrl_c_at_any_question_leaves_every_file(onboarding_hub, question):
    before = snapshot(onboarding_hub)
    term = Terminal(["init", "repos/ml-team"], cwd=onboarding_hub)
    answers = {"Repository name": "\r", "Skills folder": "\r", "Hub manifest": "\r", "CI systems": "github\r",
               "First skill": SKILL + "\r", "What does": DESCRIPTION + "\r", "README": "\r"}
    for asked in QUESTIONS:
        term.expect(asked)
        if asked == question:
            term.send("\x03")
            break
        term.send(answers[asked])
    assert term.finish() == 130, term.text
    assert "interrupted; nothing written" in term.text
    assert term.line_mode, "the terminal was left in raw mode"
    assert snapshot(onboarding_hub) == before


def test_ctrl_c_at_a_replace_question_leaves_every_file(skillex, onboarding_hub):
    skillex("init", "repos/ml-team", *FLAGS, "--yes", cwd=onboarding_hub, check=0)
    workflow = onboarding_hub / "repos/ml-team/.github/workflows/skillex.yml"
    workflow.write_text(workflow.read_text() + "# mine\n")
    (onboarding_hub / "repos/ml-team/skills/zz-new").mkdir()
    (onboarding_hub / "repos/ml-team/skills/zz-new/SKILL.md").write_text("---\nname: zz-new\ndescription: New. Use when x.\n---\n")
    before = snapshot(onboarding_hub)
    term = Terminal(["init", "repos/ml-team", *FLAGS], cwd=onboarding_hub)
    term.expect("Replace .github/workflows/skillex.yml? [y/N]: ")
    term.send("\x03")
    assert term.finish() == 130
    assert term.line_mode
    assert snapshot(onboarding_hub) == before


def test_a_broken_manifest_is_asked_again(onboarding_hub):
    (onboarding_hub / "broken.json").write_text("{not json")
    term = Terminal(["init", "repos/ml-team", "--name", "ml-team", "--skills-dir", "skills"], cwd=onboarding_hub)
    term.expect("Hub manifest [manifest.json]: ")
    term.send("broken.json\r")
    term.expect("broken.json: malformed manifest")
    term.send("\x15\r")
    term.expect("CI systems")
    term.send("\x03")
    assert term.finish() == 130


def test_sigint_between_keys_restores_the_terminal(onboarding_hub):
    before = snapshot(onboarding_hub)
    term = Terminal(["init", "repos/ml-team"], cwd=onboarding_hub)
    term.expect("Repository name")
    term.send("half-typ")
    term.expect("half-typ")
    term.proc.send_signal(signal.SIGINT)
    assert term.finish() == 130
    assert term.line_mode
    assert snapshot(onboarding_hub) == before


def test_edited_files_are_kept_with_yes_and_replaced_only_when_agreed(skillex, onboarding_hub):
    hub = onboarding_hub
    repo = hub / "repos" / "ml-team"
    skillex("init", "repos/ml-team", *FLAGS, "--yes", cwd=hub, check=0)
    workflow = repo / ".github/workflows/skillex.yml"
    edited = workflow.read_text().replace("runs-on: ubuntu-latest", "runs-on: self-hosted")
    workflow.write_text(edited)
    readme = repo / "README.md"
    readme.write_text(readme.read_text() + "\n## Contact\n\nml@example.com\n")
    # A new skill appears: the README section is init's, so it is updated in place.
    (repo / "skills" / "zz-new").mkdir()
    (repo / "skills" / "zz-new" / "SKILL.md").write_text("---\nname: zz-new\ndescription: A new one. Use when testing.\n---\nBody.\n")

    result = skillex("init", "repos/ml-team", *FLAGS, "--yes", "--format", "text", cwd=hub, check=0)
    assert "kept      .github/workflows/skillex.yml  (edited since skillex init wrote it; left as it is" in result.stdout
    assert "updated   README.md" in result.stdout
    assert workflow.read_text() == edited
    text = readme.read_text()
    assert "| [`zz-new`](skills/zz-new/SKILL.md) | A new one. Use when testing. |" in text
    assert text.endswith("<!-- skillex init: end -->\n\n## Contact\n\nml@example.com\n")
    assert text.count("skillex init: begin") == 1

    # Edit inside the README section too; on a terminal init shows the diffs and asks.
    readme.write_text(text.replace("### Validate locally", "### Check locally"))
    kept_readme = readme.read_text()
    term = Terminal(["init", "repos/ml-team", *FLAGS], cwd=hub)
    shown = term.expect("Replace .github/workflows/skillex.yml? [y/N]: ")
    assert "-    runs-on: self-hosted\n" in shown.replace("\r\n", "\n")
    assert "+    runs-on: ubuntu-latest\n" in shown.replace("\r\n", "\n")
    term.send("y\r")
    shown = term.expect("Replace README.md? [y/N]: ")
    assert "-### Check locally" in shown
    term.send("\r")
    term.expect("Write these files? [Y/n]: ")
    term.send("\r")
    assert term.finish() == 0, term.text
    assert "runs-on: ubuntu-latest" in workflow.read_text()
    assert readme.read_text() == kept_readme
    # What was replaced is init's again: a re-run with --yes has nothing to do but keep the README.
    result = skillex("init", "repos/ml-team", *FLAGS, "--yes", "--format", "json", cwd=hub, check=0)
    results = {f["path"]: f["result"] for f in json.loads(result.stdout)["files"]}
    assert results.pop("README.md") == "kept"
    assert set(results.values()) == {"unchanged"}


def test_dry_run_prints_the_files_and_writes_nothing(skillex, onboarding_hub):
    before = snapshot(onboarding_hub)
    result = skillex("init", "repos/ml-team", *FLAGS, "--yes", "--dry-run", "--format", "text", cwd=onboarding_hub, check=0)
    assert "create    .github/workflows/skillex.yml" in result.stdout
    assert '+      "name": "ml-team",' in result.stdout
    assert "+name: model-card-review" in result.stdout
    assert snapshot(onboarding_hub) == before


def test_bad_answers_exit_2_with_one_line_and_write_nothing(skillex, onboarding_hub):
    before = snapshot(onboarding_hub)
    cases = [
        (["--skill", "Model--Card", "--description", "x"], "--skill: name 'Model--Card' must be lowercase"),
        (["--skill", "ok-name"], "--description: description is empty"),
        (["--ci", "jenkins"], "unknown CI system 'jenkins'"),
        (["--name", "data-team"], "already lists repository 'data-team' at 'repos/data-team'"),
        (["--skills-dir", "../elsewhere"], "--skills-dir: skills folder must not contain '..'"),
        (["--manifest", "missing.json"], "missing.json"),
    ]
    for flags, message in cases:
        result = skillex("init", "repos/ml-team", "--yes", *flags, cwd=onboarding_hub, check=2)
        assert message in result.stderr, (flags, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    result = skillex("init", "repos/nowhere", cwd=onboarding_hub, check=2)
    assert result.stderr == "skillex: error: repos/nowhere: is not a folder (the repository to onboard)\n"
    result = skillex("init", "repos/data-team", "--yes", "--name", "data-2", cwd=onboarding_hub, check=2)
    assert "as repository 'data-team'; run again with --name data-team" in result.stderr
    assert snapshot(onboarding_hub) == before


def test_skills_folder_is_detected(skillex, hub):
    repo = hub / "repos" / "nested"
    (repo / "tools" / "agent" / "one").mkdir(parents=True)
    (repo / "tools" / "agent" / "one" / "SKILL.md").write_text("---\nname: one\ndescription: d. Use when x.\n---\n")
    result = skillex("init", "repos/nested", "--yes", "--dry-run", "--format", "text", "--ci", "none", cwd=hub, check=0)
    assert "skills in tools/agent/" in result.stdout
    (repo / ".claude" / "skills").mkdir(parents=True)
    result = skillex("init", "repos/nested", "--yes", "--dry-run", "--format", "text", "--ci", "none", cwd=hub, check=0)
    assert "skills in .claude/skills/" in result.stdout


def test_validator_script_passes_then_fails_with_the_validators_message(skillex, onboarding_hub):
    skillex("init", "repos/ml-team", *FLAGS, "--yes", cwd=onboarding_hub, check=0)
    repo = onboarding_hub / "repos" / "ml-team"
    bin_dir = str(Path(skillex_bin()).parent)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + "/usr/bin:/bin", NO_COLOR="1")
    ok = subprocess.run(["scripts/validate_skills.sh", "--format", "text"], cwd=repo, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "2 valid, 0 invalid" in ok.stdout
    skill_md = repo / "skills" / SKILL / "SKILL.md"
    skill_md.write_text(skill_md.read_text().replace(f"name: {SKILL}", "name: Model_Card_Review"))
    bad = subprocess.run(["scripts/validate_skills.sh", "--format", "text"], cwd=repo, env=env, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "name 'Model_Card_Review' must be lowercase" in bad.stdout
    direct = skillex("validate", repo / "skills" / SKILL, "--format", "json", check=1)
    message = json.loads(direct.stdout)["skills"][0]["findings"][0]["message"]
    assert message in bad.stdout
    missing = subprocess.run(["scripts/validate_skills.sh"], cwd=repo, env=dict(env, PATH="/usr/bin:/bin"),
                             capture_output=True, text=True)
    assert missing.returncode == 127
    assert "skillex is not installed" in missing.stderr and "swift build -c release" in missing.stderr


def test_first_skill_scores_above_the_threshold(skillex, onboarding_hub):
    skillex("init", "repos/ml-team", *FLAGS, "--yes", cwd=onboarding_hub, check=0)
    skillex("validate", onboarding_hub / "repos/ml-team/skills" / SKILL, check=0)
    skillex("sync", "--manifest", onboarding_hub / "manifest.json", cwd=onboarding_hub)
    result = skillex("score", f"ml-team/{SKILL}", "--manifest", onboarding_hub / "manifest.json", "--format", "json", check=0)
    card = json.loads(result.stdout)["skills"][0]
    assert card["gate"] == "admitted"
    assert card["score"] > 70


def test_ci_files_parse_and_pass_their_checks(skillex, onboarding_hub):
    skillex("init", "repos/ml-team", *FLAGS, "--yes", cwd=onboarding_hub, check=0)
    repo = onboarding_hub / "repos" / "ml-team"
    workflow = repo / ".github/workflows/skillex.yml"
    yaml.safe_load(workflow.read_text())
    actionlint = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    lint = subprocess.run([actionlint, "-no-color", str(workflow)], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    # actionlint does fail on a broken workflow (so the check above means something).
    broken = repo / ".github/workflows/broken.yml"
    broken.write_text(workflow.read_text().replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minutes: soon"))
    assert subprocess.run([actionlint, "-no-color", str(broken)], capture_output=True).returncode != 0
    broken.unlink()

    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text())
    jsonschema.validate(gitlab, json.loads((SCHEMAS / "gitlab-ci.schema.json").read_text()))
    assert gitlab["skillex-check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    buildkite = yaml.safe_load((repo / ".buildkite/pipeline.yml").read_text())
    jsonschema.validate(buildkite, json.loads((SCHEMAS / "buildkite-pipeline.schema.json").read_text()))
    # Buildkite interpolates $VAR at upload time: every runtime variable is written $$VAR.
    for step in buildkite["steps"]:
        assert "$$SKILLEX_SKILLS_DIR" in step["command"]
        assert "$" not in step["command"].replace("$$", ""), step["command"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"steps": [{"lable": "typo", "command": "x"}]},
                            json.loads((SCHEMAS / "buildkite-pipeline.schema.json").read_text()))


def test_ci_steps_validate_score_and_publish_with_the_real_binary(skillex, onboarding_hub, tmp_path):
    """Runs the workflow's check and publish steps (not the install step) with skillex on PATH."""
    skillex("init", "repos/ml-team", *FLAGS, "--yes", cwd=onboarding_hub, check=0)
    repo = onboarding_hub / "repos" / "ml-team"
    workflow = yaml.safe_load((repo / ".github/workflows/skillex.yml").read_text())
    steps = {s.get("name"): s for s in workflow["jobs"]["skills"]["steps"]}
    env = dict(os.environ, **workflow["env"], PATH=str(Path(skillex_bin()).parent) + os.pathsep + os.environ["PATH"],
               SKILLEX_PUBLISH_TO=str(tmp_path / "mirror"))
    check = subprocess.run(["sh", "-c", steps["Validate and score skills"]["run"]], cwd=repo, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert json.loads((repo / "skillex-validate.json").read_text())["invalid"] == 0
    assert json.loads((repo / "skillex-score.json").read_text())["summary"]["refused"] == 0
    publish = subprocess.run(["sh", "-c", steps["Package and publish"]["run"]], cwd=repo, env=env, capture_output=True, text=True)
    assert publish.returncode == 0, publish.stderr
    assert (tmp_path / "mirror" / "index.json").is_file()
    # A broken skill fails the check step with the validator's exit status.
    skill_md = repo / "skills" / SKILL / "SKILL.md"
    skill_md.write_text(skill_md.read_text().replace(f"name: {SKILL}", "name: Broken_Name"))
    failed = subprocess.run(["sh", "-c", steps["Validate and score skills"]["run"]], cwd=repo, env=env, capture_output=True, text=True)
    assert failed.returncode == 1
    assert "must be lowercase" in (repo / "skillex-validate.json").read_text()


def test_a_name_the_manifest_uses_elsewhere_is_asked_again(onboarding_hub):
    term = Terminal(["init", "repos/ml-team", "--skills-dir", "skills", "--manifest", "manifest.json", "--ci", "none",
                     "--no-readme"], cwd=onboarding_hub)
    term.expect("Repository name [ml-team]: ")
    term.send("\x15data-team\r")
    term.expect("First skill")
    term.send("\r")
    term.expect("already lists repository 'data-team' at 'repos/data-team'; choose another name")
    term.expect("Repository name: ")
    term.send("ml-team\r")
    term.expect("Write these files? [Y/n]: ")
    term.send("y\r")
    assert term.finish() == 0, term.text
    names = [r["name"] for r in json.loads((onboarding_hub / "manifest.json").read_text())["repositories"]]
    assert names.count("data-team") == 1 and names[-1] == "ml-team"
