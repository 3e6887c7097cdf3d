"""`skillex validate` names a skill folder whose name is not valid UTF-8 (bad bytes escaped) as an
error instead of skipping it."""
import json
import os


def make_hub(tmp_path):
    skills = tmp_path / "skills"
    (skills / "good").mkdir(parents=True)
    (skills / "good" / "SKILL.md").write_text(
        "---\nname: good\ndescription: A good skill. Use when testing.\n---\n# Good\n")
    os.mkdir(os.fsencode(skills) + b"/caf\xe9")
    return skills


def test_validate_reports_a_folder_name_that_is_not_utf8(skillex, tmp_path):
    skills = make_hub(tmp_path)
    text = skillex("validate", skills, "--format", "text", check=1)
    assert f"✗ {skills}/caf\\xE9" in text.stdout
    assert "folder name is not valid UTF-8" in text.stdout
    assert "1 valid, 1 invalid" in text.stdout

    report = json.loads(skillex("validate", skills, "--format", "json", check=1).stdout)
    assert [(s["path"], s["valid"]) for s in report["skills"]] == [
        (f"{skills}/good", True), (f"{skills}/caf\\xE9", False)]
    assert report["skills"][1]["findings"][0]["rule"] == "encoding.utf8"
