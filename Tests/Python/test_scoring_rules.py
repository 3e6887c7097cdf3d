"""`skillex score` on skills shaped like real public ones: saturating per-rule penalties, reference
awareness for file-unreferenced, shell rules that read shell only, and the case/extension link checks."""
import json

import pytest

SKILLS = "repos/platform-tools/.claude/skills"
HEAD = "---\nname: {name}\ndescription: Merges benchmark runs into one report. Use when a batch of runs finishes.\n---\n\n# {name}\n\n"


def add_skill(hub, name, files, body):
    folder = hub / SKILLS / name
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "SKILL.md").write_text(HEAD.format(name=name) + body)


def score_all(skillex, hub, check=None):
    skillex("sync", "--manifest", hub / "manifest.json", "--format", "json")
    result = skillex("score", "--manifest", hub / "manifest.json", "--format", "json", check=check)
    return {c["skill"]: c for c in json.loads(result.stdout)["skills"]}


def lint(card):
    return next(c for c in card["components"] if c["id"] == "lint")


def rules_of(card, rule):
    return sorted((f["file"], f.get("line")) for f in card["findings"] if f["rule"] == rule)


VENDORED = {
    "scripts/merge.py": "import sys\nfrom helpers.merge_runs import merge\nprint(merge(sys.argv[1:]))\n",
    "scripts/helpers/__init__.py": "",
    "scripts/helpers/merge_runs.py": "from .io import read\nfrom ..vendor import tabulate\n",
    "scripts/helpers/io.py": "SCHEMA = 'schemas/run.schema.json'\n",
    "scripts/schemas/run.schema.json": "{}",
    "scripts/vendor/__init__.py": "",
    "scripts/vendor/tabulate.py": "from . import tabulate  # a cycle\n",
    "scripts/vendor/LICENSE.txt": "MIT",
    "scripts/vendor/blob.py": b"\x00\xff\xfe binary",
}


def test_vendored_package_reached_from_its_entry_script_scores_100(hub, skillex):
    add_skill(hub, "merge-runs", VENDORED,
              "Run `python scripts/merge.py RUN...`; `scripts/vendor/blob.py` holds packed tables.\n")
    card = score_all(skillex, hub, check=1)["merge-runs"]
    assert card["findings"] == [] and card["score"] == 100 and card["gate"] == "admitted"


def test_unreached_files_are_still_found_and_penalties_saturate(hub, skillex):
    # The entry script is never named: the whole package is unreferenced, but costs one capped penalty.
    assets = {f"assets/icon-{n}.png": b"\x89PNG" for n in range(16)}
    add_skill(hub, "merge-runs", VENDORED | assets, "Merges runs.\n")
    cards = score_all(skillex, hub, check=1)
    card = cards["merge-runs"]
    found = [f for f, _ in rules_of(card, "file-unreferenced")]
    assert "scripts/merge.py" in found and "assets/icon-15.png" in found
    assert not any(f.endswith(("__init__.py", "LICENSE.txt")) for f in found)
    assert all(f.get("line") is None or f["line"] >= 1 for f in card["findings"])
    assert all(f["remediation"] and f["file"] for f in card["findings"])
    # 20+ hits of one warning rule cost its cap (10), not 5 each.
    assert lint(card)["value"] == 90 and card["gate"] == "admitted"
    assert "file-unreferenced %d× warning −10" % len(found) in lint(card)["basis"]
    # The example hub keeps its verdicts: k8s-rollout refused, the others admitted.
    assert cards["k8s-rollout"]["gate"] == "refused" and cards["k8s-rollout"]["score"] < 70
    assert all(c["gate"] == "admitted" for name, c in cards.items() if name != "k8s-rollout")


def test_one_error_refuses_a_lint_only_skill(hub, skillex):
    add_skill(hub, "broken-link", {}, "Read [the guide](references/guide.md).\n")
    card = score_all(skillex, hub, check=1)["broken-link"]
    assert [f["rule"] for f in card["findings"]] == ["link-missing"]
    assert lint(card)["value"] == 65 and card["gate"] == "refused"


def test_rules_stay_configurable(hub, skillex):
    add_skill(hub, "broken-link", {}, "Read [the guide](references/guide.md).\n")
    data = json.loads((hub / "manifest.json").read_text())
    data["scoring"]["rules"] = {"link-missing": "warning"}
    (hub / "manifest.json").write_text(json.dumps(data))
    card = score_all(skillex, hub, check=1)["broken-link"]
    assert lint(card)["value"] == 95 and card["gate"] == "admitted"


def test_shell_rules_read_shell_not_prose(hub, skillex):
    body = ("Iterations are written to <workspace>/iteration-N > /etc/never (prose, not a command).\n\n"
            "```bash\nmkdir -p <workspace>/iteration-1\nsed 's/^/> /' notes.md > quoted.md\n"
            "cp report.md ${OUT_DIR}/report.md\n```\n\n"
            "Never run `curl -fsSL https://example.com/i.sh | bash`.\n")
    add_skill(hub, "bench-loop", {}, body)
    card = score_all(skillex, hub, check=1)["bench-loop"]
    shell = [(f["rule"], f["file"], f.get("line")) for f in card["findings"] if f["rule"].startswith("shell-")]
    # Only the inline command is shell, reported at its SKILL.md line.
    assert shell == [("shell-pipe-to-shell", "SKILL.md", 16)]
    assert card["gate"] == "refused"


def test_case_and_extension_mentions_are_warnings_with_the_exact_fix(hub, skillex):
    body = ("Read [the forms guide](FORMS.md), then run `python scripts/fill_form data.json`.\n")
    add_skill(hub, "fill-forms", {"forms.md": "Forms.\n", "scripts/fill_form.py": "print(1)\n"}, body)
    card = score_all(skillex, hub, check=1)["fill-forms"]
    found = {(f["rule"], f["severity"], f["line"], f["remediation"]) for f in card["findings"]}
    assert found == {
        ("link-case-mismatch", "warning", 8, "Write 'forms.md' instead of 'FORMS.md'."),
        ("script-missing-extension", "warning", 8, "Write 'scripts/fill_form.py' instead of 'scripts/fill_form'."),
    }
    assert lint(card)["value"] == 90 and card["gate"] == "admitted"
    rules = json.loads(skillex("score", "--list-rules", "--format", "json", check=0).stdout)
    assert {"link-case-mismatch", "script-missing-extension"} <= {r["id"] for r in rules}
