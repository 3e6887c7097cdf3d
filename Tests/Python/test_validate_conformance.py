"""`skillex validate` against the reference validator skills-ref on the vendored corpus."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "Conformance"
CASES = json.loads((CORPUS / "cases.json").read_text())
AGENTSKILLS = str(Path(sys.executable).parent / "agentskills")


def case_dir(case):
    return CORPUS / "cases" / case / CASES[case]["folder"]


def reference_valid(path: Path) -> bool:
    result = subprocess.run([AGENTSKILLS, "validate", str(path)], capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode == 0


@pytest.fixture(scope="module")
def verdicts(skillex):
    """Our verdicts per case, in both modes, from one run of the binary each."""
    paths = [str(case_dir(c)) for c in sorted(CASES)]
    out = {}
    for mode, flags in (("standard", []), ("strict", ["--strict"])):
        result = skillex("validate", *flags, "--format", "json", *paths)
        assert result.returncode in (0, 1), result.stderr
        report = json.loads(result.stdout)
        assert len(report["skills"]) == len(paths)
        out[mode] = {c: s["valid"] for c, s in zip(sorted(CASES), report["skills"])}
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_strict_mode_agrees_with_skills_ref(case, verdicts):
    assert verdicts["strict"][case] == reference_valid(case_dir(case))


@pytest.mark.parametrize("case", sorted(c for c in CASES if CASES[c]["clear"]))
def test_standard_mode_agrees_where_the_spec_is_clear(case, verdicts):
    assert verdicts["standard"][case] == reference_valid(case_dir(case))


@pytest.mark.parametrize("case", sorted(c for c in CASES if not CASES[c]["clear"]))
def test_standard_mode_makes_its_documented_choice(case, verdicts):
    assert verdicts["standard"][case] == CASES[case]["standard_valid"], CASES[case]["why"]


def test_the_corpus_covers_both_verdicts():
    valid = [c for c in CASES if reference_valid(case_dir(c))]
    assert 10 < len(valid) < len(CASES) - 10


def test_findings_name_file_field_rule_and_fix(skillex):
    result = skillex("validate", "--format", "json", case_dir("invalid-uppercase"), check=1)
    finding = json.loads(result.stdout)["skills"][0]["findings"][0]
    assert finding["file"].endswith("PDF/SKILL.md")
    assert finding["field"] == "name"
    assert finding["rule"] == "name.lowercase"
    assert finding["fix"]


def test_text_report_and_exit_codes(skillex, tmp_path):
    ok = skillex("validate", "--format", "text", case_dir("valid-basic"), check=0)
    assert "1 valid, 0 invalid" in ok.stdout
    bad = skillex("validate", "--format", "text", case_dir("invalid-uppercase"), check=1)
    assert "name.lowercase" in bad.stdout
    missing = skillex("validate", tmp_path / "nope", check=2)
    assert "nope" in missing.stderr and missing.stderr.count("\n") == 1
    usage = skillex("validate", check=2)
    assert "Usage" in usage.stderr or "usage" in usage.stderr


def test_a_folder_of_skills(skillex, tmp_path):
    for case in ("valid-basic", "valid-digits", "invalid-underscore"):
        src = case_dir(case)
        shutil.copytree(src, tmp_path / "skills" / CASES[case]["folder"], dirs_exist_ok=True)
    result = skillex("validate", "--format", "json", tmp_path / "skills", check=1)
    report = json.loads(result.stdout)
    assert (report["valid"], report["invalid"]) == (2, 1)
