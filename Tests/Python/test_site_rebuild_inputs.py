"""A rebuild plans some pages from their raw input instead of what is derived from it (a schema's
JSON, not its flattened fields; a cookbook page's Markdown, not its first paragraph), so the
derived text is made only for pages rendered. These tests show the pages still change when that
input does, and match a cold build of the same hub.
"""
import json
import shutil
from pathlib import Path

from conftest import ROOT, copy_example_hub

CLOCK = "2025-10-03T12:00:00Z"


def site(skillex, hub: Path) -> dict:
    return json.loads(skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, "--format", "json", check=0).stdout)


def search_files(public: Path) -> dict:
    files = {"search-index.js": (public / "search-index.js").read_bytes()}
    for path in sorted((public / "search").iterdir()):
        files[f"search/{path.name}"] = path.read_bytes()
    return files


def cold(skillex, hub: Path, target: Path) -> Path:
    """The site of a copy of `hub` built with no output or site state."""
    shutil.copytree(hub, target, symlinks=True)
    shutil.rmtree(target / "public")
    for state in (target / ".skillex").glob("site-*"):
        shutil.rmtree(state) if state.is_dir() else state.unlink()
    site(skillex, target)
    return target / "public"


def test_a_schema_edit_reaches_the_search_index(tmp_path, skillex):
    hub = copy_example_hub(tmp_path / "hub")
    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK)
    site(skillex, hub)
    before = search_files(hub / "public")
    assert not any(b"Quasarwidget" in data for data in before.values())

    schema = json.loads((ROOT / "schemas" / "event.schema.json").read_text())
    schema["properties"]["zorblax"] = {"type": "string", "description": "Quasarwidget meaning of the field."}
    (hub / "schemas").mkdir()
    (hub / "schemas" / "event.schema.json").write_text(json.dumps(schema, indent=2))
    site(skillex, hub)
    rebuilt = search_files(hub / "public")
    assert any(path.startswith("search/d-") and b"Quasarwidget meaning" in data for path, data in rebuilt.items())
    assert b'"quasarwidget":[' in rebuilt["search/t-q.js"]
    assert rebuilt == search_files(cold(skillex, hub, tmp_path / "cold"))


def test_a_cookbook_first_paragraph_edit_reaches_llms_txt(tmp_path, skillex):
    hub = copy_example_hub(tmp_path / "hub")
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["site"]["cookbook_dir"] = "docs/cookbook"  # the hub's own pages, inside the temp copy
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2))
    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK)
    site(skillex, hub)
    page = hub / "docs" / "cookbook" / "01-hub-overview.md"
    old = "The example hub collects skills from three team repositories:"
    assert old in (hub / "public" / "llms.txt").read_text()

    page.write_text(page.read_text().replace(old, "Zorblax paragraph written by the rebuild test."))
    report = site(skillex, hub)
    text = (hub / "public" / "llms.txt").read_text()
    assert "Zorblax paragraph written by the rebuild test." in text and old not in text
    assert report["rendered"] > 0
    assert text == (cold(skillex, hub, tmp_path / "cold") / "llms.txt").read_text()


def test_a_text_chunk_keeps_unchanged_entries_and_shows_each_edit(tmp_path, skillex):
    # Text chunks keep their pages' entries in the fragment cache by page fingerprint: an edited
    # page's entry is made again on every edit, a removed page's goes, the rest are reused.
    hub = copy_example_hub(tmp_path / "hub")
    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK)
    site(skillex, hub)
    assert list((hub / ".skillex" / "site-fragments").glob("search-d-*"))
    skill = hub / "repos" / "docs-guild" / ".claude" / "skills" / "api-reference" / "SKILL.md"
    for word in ("Quasarflux", "Zorblaxian"):
        skill.write_text(skill.read_text() + f"\n{word} line added by the chunk test.\n")
        skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK)
        site(skillex, hub)
        files = search_files(hub / "public")
        assert any(p.startswith("search/d-") and f"{word} line added".encode() in data for p, data in files.items())
        assert files == search_files(cold(skillex, hub, tmp_path / f"cold-{word}"))
