"""schemas/manifest.schema.json describes the manifests SkillEx reads and writes."""
import json

import jsonschema
import pytest

from conftest import EXAMPLE_HUB, ROOT, approve_risky_skill

SCHEMA = json.loads((ROOT / "schemas" / "manifest.schema.json").read_text())


def validate(document):
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def test_the_schema_is_a_valid_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_example_hub_v1_manifest_validates():
    validate(json.loads((EXAMPLE_HUB / "manifest.json").read_text()))


def test_a_manifest_written_by_a_full_build_validates(skillex, hub):
    skillex("build", "--manifest", hub / "manifest.json", check=1)
    approve_risky_skill(skillex, hub)
    skillex("build", "--manifest", hub / "manifest.json", check=1)
    written = json.loads((hub / "manifest.json").read_text())
    assert written["version"] == 2
    assert any("score_history" in s for s in written["skills"])
    assert any("approval" in s for s in written["skills"])
    validate(written)


@pytest.mark.parametrize("broken", [
    {"repositories": "nope"},
    {"repositories": [{"name": "a"}]},
    {"version": 3, "repositories": []},
    {"repositories": [{"name": "a", "path": "p", "validator": "not-an-array"}]},
])
def test_malformed_manifests_are_rejected(broken):
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
