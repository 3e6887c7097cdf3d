#!/usr/bin/env python3
"""Writes the validation conformance corpus (committed; rerun only to change it).

Each case is Tests/Conformance/cases/<case>/<folder>/ holding a skill. cases.json records, per
case, whether the Agent Skills spec is clear on it ("clear": skillex validate must agree with
skills-ref) and, where the spec is silent, the verdict SkillEx's standard mode gives on purpose.
`skillex validate --strict` must agree with skills-ref on every case.
"""
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"

DESC = "Fills PDF forms. Use when a form needs filling."


def fm(*lines, body="# Skill\n\nBody.\n"):
    return "---\n" + "".join(l + "\n" for l in lines) + "---\n\n" + body


clear = {
    "valid-basic": ("pdf", fm("name: pdf", f"description: {DESC}")),
    "valid-all-fields": ("pdf", fm("name: pdf", f"description: {DESC}", "license: MIT",
                                   "allowed-tools: Bash(git:*) Read", "compatibility: Needs Python 3.11",
                                   "metadata:", "  author: acme", "  version: \"1.0\"")),
    "valid-digits": ("pdf2", fm("name: pdf2", f"description: {DESC}")),
    "valid-name-64": ("a" * 64, fm("name: " + "a" * 64, f"description: {DESC}")),
    "valid-description-1024": ("pdf", fm("name: pdf", "description: " + "d" * 1024)),
    "valid-compatibility-500": ("pdf", fm("name: pdf", f"description: {DESC}", "compatibility: " + "c" * 500)),
    "valid-unicode-name": ("données", fm("name: données", f"description: {DESC}")),
    "valid-cjk-name": ("日本語", fm("name: 日本語", f"description: {DESC}")),
    "valid-nfkc-folder": ("ﬁle", fm("name: file", f"description: {DESC}")),
    "valid-yes-as-text": ("yes", fm("name: yes", "description: yes")),
    "valid-number-description": ("pdf", fm("name: pdf", "description: 123")),
    "valid-folded-description": ("pdf", fm("name: pdf", "description: >", "  Fills PDF forms.", "  Use when asked.")),
    "valid-literal-description": ("pdf", fm("name: pdf", "description: |", "  Line one.", "  Line two.")),
    "valid-quoted-padded-name": ("pdf", fm("name: \" pdf \"", f"description: {DESC}")),
    "valid-lowercase-skill-md": ("pdf", None),
    "valid-crlf": ("pdf", fm("name: pdf", f"description: {DESC}").replace("\n", "\r\n")),
    "valid-body-dashes": ("pdf", fm("name: pdf", f"description: {DESC}", body="# A\n\n---\n\nmore --- text\n")),
    "invalid-uppercase": ("PDF", fm("name: PDF", f"description: {DESC}")),
    "invalid-unicode-uppercase": ("Ünï", fm("name: Ünï", f"description: {DESC}")),
    "invalid-underscore": ("pd_f", fm("name: pd_f", f"description: {DESC}")),
    "invalid-space": ("my skill", fm("name: my skill", f"description: {DESC}")),
    "invalid-leading-hyphen": ("-pdf", fm("name: \"-pdf\"", f"description: {DESC}")),
    "invalid-trailing-hyphen": ("pdf-", fm("name: pdf-", f"description: {DESC}")),
    "invalid-double-hyphen": ("pd--f", fm("name: pd--f", f"description: {DESC}")),
    "invalid-name-65": ("a" * 65, fm("name: " + "a" * 65, f"description: {DESC}")),
    "invalid-folder-mismatch": ("other", fm("name: pdf", f"description: {DESC}")),
    "invalid-missing-name": ("pdf", fm(f"description: {DESC}")),
    "invalid-missing-description": ("pdf", fm("name: pdf")),
    "invalid-empty-description": ("pdf", fm("name: pdf", "description: \"\"")),
    "invalid-blank-name": ("pdf", fm("name: \"  \"", f"description: {DESC}")),
    "invalid-description-1025": ("pdf", fm("name: pdf", "description: " + "d" * 1025)),
    "invalid-compatibility-501": ("pdf", fm("name: pdf", f"description: {DESC}", "compatibility: " + "c" * 501)),
    "invalid-unknown-field": ("pdf", fm("name: pdf", f"description: {DESC}", "author: someone")),
    "invalid-no-frontmatter": ("pdf", "# PDF\n\nNo front matter.\n"),
    "invalid-unclosed-frontmatter": ("pdf", "---\nname: pdf\ndescription: d\n\n# PDF\n"),
    "invalid-yaml-syntax": ("pdf", fm("name: pdf", "description: \"unterminated")),
    "invalid-not-mapping": ("pdf", fm("- name", "- pdf")),
    "invalid-empty-frontmatter": ("pdf", "---\n---\n\n# PDF\n"),
    "invalid-duplicate-key": ("pdf", fm("name: pdf", "name: pdf", f"description: {DESC}")),
    "invalid-list-description": ("pdf", fm("name: pdf", "description:", "  - a", "  - b")),
    "invalid-missing-skill-md": ("pdf", None),
    "invalid-non-utf8": ("pdf", None),
}

# Where the spec says nothing and skills-ref follows its parser (strictyaml) or its own reading.
silent = {
    "silent-bom": ("pdf", "\ufeff" + fm("name: pdf", f"description: {DESC}"), True,
                   "a byte-order mark is an editor artefact; standard mode strips it with a warning"),
    "silent-flow-metadata": ("pdf", fm("name: pdf", f"description: {DESC}", "metadata: {author: acme}"), True,
                             "flow mappings are plain YAML; strictyaml refuses them"),
    "silent-anchor-alias": ("pdf", fm("name: pdf", "description: &d Fills forms. Use when asked.",
                                      "metadata:", "  summary: *d"), True,
                            "anchors and aliases are plain YAML; strictyaml refuses them"),
    "silent-dashes-in-quoted-value": ("pdf", fm("name: pdf", "description: \"Converts a --- b. Use when asked.\""), True,
                                      "skills-ref splits the file on the first two '---' anywhere; standard mode uses fence lines"),
    "silent-claude-code-field": ("pdf", fm("name: pdf", f"description: {DESC}", "model: sonnet"), True,
                                 "fields Claude Code adds are reported as warnings, not errors"),
    "silent-metadata-not-mapping": ("pdf", fm("name: pdf", f"description: {DESC}", "metadata: plain text"), False,
                                    "the spec says metadata maps strings to strings; skills-ref does not check it"),
    "silent-allowed-tools-list": ("pdf", fm("name: pdf", f"description: {DESC}", "allowed-tools:", "  - Bash", "  - Read"), True,
                                  "the spec makes allowed-tools a string; skills-ref accepts a list, so both modes warn (allowed-tools.type)"),
    "silent-tag": ("pdf", fm("name: pdf", f"description: !!str {DESC}"), True,
                   "explicit tags are plain YAML; strictyaml refuses them"),
}


def main():
    if CASES.exists():
        shutil.rmtree(CASES)
    meta = {}
    for case, (folder, text) in clear.items():
        d = CASES / case / folder
        d.mkdir(parents=True)
        if case == "valid-lowercase-skill-md":
            (d / "skill.md").write_text(fm("name: pdf", f"description: {DESC}"))
        elif case == "invalid-missing-skill-md":
            (d / "README.md").write_text("# Not a skill\n")
        elif case == "invalid-non-utf8":
            (d / "SKILL.md").write_bytes(("---\nname: pdf\ndescription: caf\xe9 forms\n---\n").encode("latin-1"))
        else:
            (d / "SKILL.md").write_bytes(text.encode("utf-8"))
        meta[case] = {"folder": folder, "clear": True}
    for case, (folder, text, standard_valid, why) in silent.items():
        d = CASES / case / folder
        d.mkdir(parents=True)
        (d / "SKILL.md").write_bytes(text.encode("utf-8"))
        meta[case] = {"folder": folder, "clear": False, "standard_valid": standard_valid, "why": why}
    (HERE / "cases.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
