"""Cookbook run blocks on a hub laid out as the README shows it (hub and repository side by
side, `"path": "../team"`): relative paths keep working, output defaults to text, and the real
repository is never touched."""
import html
import json
import re
from pathlib import Path

PAGE = """---
title: Side by side
---
# Side by side

```console skillex-run exit=1
$ skillex sync
```

```console skillex-run
$ skillex score
```

```console skillex-run format=json
$ skillex validate ../team/skills/alpha
```

```console skillex-run
$ skillex score --format json
```
"""


def snapshot(root: Path):
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.rglob("*"))}


def test_run_blocks_resolve_sibling_repositories_and_print_text(tmp_path, skillex):
    hub, repo = tmp_path / "hub", tmp_path / "team"
    for name, description in (("alpha", "Checks CSV files. Use when a CSV file has broken quoting or encodings."),
                              ("bad", "Broken on purpose.")):
        folder = repo / "skills" / name
        folder.mkdir(parents=True)
        front = "Bad_Name" if name == "bad" else name
        (folder / "SKILL.md").write_text(f"---\nname: {front}\ndescription: {description}\n---\n# {name}\n\nDo it.\n")
    (hub / "docs" / "cookbook").mkdir(parents=True)
    (hub / "docs" / "cookbook" / "10-side.md").write_text(PAGE)
    (hub / "manifest.json").write_text(json.dumps({
        "version": 1, "repositories": [{"name": "team", "path": "../team", "skills_dir": "skills"}], "skills": []}))
    before_repo, before_root = snapshot(repo), sorted(p.name for p in tmp_path.iterdir())

    skillex("site", "--manifest", hub / "manifest.json", "--clock", "2026-01-01T00:00:00Z", check=0)

    page = html.unescape(re.sub(r"<[^>]+>", "", (hub / "public" / "cookbook" / "10-side.html").read_text()))
    # sync found the sibling repository in the copy: alpha copied, bad refused with a ../ path.
    assert "+ team/alpha copied" in page
    assert "../team/skills/bad/SKILL.md" in page
    assert "skillex-cookbook-" not in page and str(tmp_path) not in page
    # score printed text by default (one line per skill), JSON only when asked.
    assert "✓ team/alpha 100.0 admitted" in page
    assert '"valid": true' in page  # the format=json block
    assert '"threshold": 70' in page  # the explicit --format json
    # The real repository and the hub's neighbours are untouched.
    assert snapshot(repo) == before_repo
    assert sorted(p.name for p in tmp_path.iterdir()) == before_root
    assert not (hub / "skills").exists()


def test_unknown_block_format_breaks_the_build(tmp_path, skillex):
    hub = tmp_path / "hub"
    (hub / "docs" / "cookbook").mkdir(parents=True)
    (hub / "docs" / "cookbook" / "10-bad.md").write_text("# Bad\n\n```console skillex-run format=yaml\n$ skillex sync\n```\n")
    (hub / "manifest.json").write_text(json.dumps({"version": 1, "repositories": [], "skills": []}))
    result = skillex("site", "--manifest", hub / "manifest.json", check=2)
    assert "10-bad.md" in result.stderr and "format= must be text or json" in result.stderr
