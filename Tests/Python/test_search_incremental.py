"""The search index after a rebuild is, byte for byte, the index a cold build makes of the same hub.

The hub is the benchmark corpus (bench/corpus.py) at a small size, written into a temp folder: 40
skills (five text chunks, a shard for most letters) and a few cookbook pages. A rebuild counts
only the changed pages' words and renders only the index files whose content changed.
"""
import importlib.util
import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Loaded by path under its own name (Tests/SecurityCorpus has another module called `corpus`).
_spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
bench_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_corpus)

CLOCK = "2025-10-03T12:00:00Z"


def search_files(public: Path) -> dict:
    """`search-index.js` and every file of `search/`, by path."""
    files = {"search-index.js": (public / "search-index.js").read_bytes()}
    for path in sorted((public / "search").iterdir()):
        files[f"search/{path.name}"] = path.read_bytes()
    return files


def build(skillex, hub: Path) -> dict:
    """Syncs and builds the site of `hub`; returns the site report."""
    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    return json.loads(skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, "--format", "json", check=0).stdout)


def cold_build(skillex, hub: Path, target: Path) -> dict:
    """The search files of a build of a copy of `hub` with no site output or site state."""
    shutil.copytree(hub, target, symlinks=True)
    shutil.rmtree(target / "public")
    for state in (target / ".skillex").glob("site-*"):
        shutil.rmtree(state) if state.is_dir() else state.unlink()
    skillex("site", "--manifest", target / "manifest.json", "--clock", CLOCK, "--format", "json", check=0)
    return search_files(target / "public")


def test_rebuilds_after_an_edit_and_a_removal_give_a_cold_build_s_index(tmp_path, skillex):
    hub = tmp_path / "hub"
    bench_corpus.generate(40, str(hub), cookbook=4)
    build(skillex, hub)
    before = search_files(hub / "public")
    assert len([p for p in before if p.startswith("search/d-")]) >= 5 and (hub / ".skillex/site-search-terms.tsv").is_file()

    # One skill edited in its source repository: a new word, and a line appended.
    skill = sorted(hub.glob("repos/*/.claude/skills/*/SKILL.md"))[17]
    skill.write_text(skill.read_text() + "\nQuasarflux zebra line added by the search test.\n")
    report = build(skillex, hub)
    rebuilt = search_files(hub / "public")
    assert rebuilt == cold_build(skillex, hub, tmp_path / "cold-edit")
    assert b'"quasarflux":[' in rebuilt["search/t-q.js"]
    changed = [path for path in rebuilt if before.get(path) != rebuilt[path]]
    chunk = [path for path in rebuilt if path.startswith("search/d-") and b"Quasarflux zebra" in rebuilt[path]]
    assert len(chunk) == 1 and chunk[0] in changed
    # Each index file is rendered on its own, and only those whose content changed were (plus the
    # skill's pages, home and dashboard), not every shard and chunk.
    assert [path for path in rebuilt if path.startswith("search/d-") and path not in changed]
    assert [path for path in rebuilt if path.startswith("search/t-") and path not in changed]
    assert len(changed) <= report["rendered"] < len(rebuilt) // 2

    # One skill removed: every later page moves up one place.
    shutil.rmtree(sorted(hub.glob("repos/*/.claude/skills/*"))[3])
    build(skillex, hub)
    assert search_files(hub / "public") == cold_build(skillex, hub, tmp_path / "cold-removal")

    # Nothing changed: nothing of the index is rendered or counted again.
    again = json.loads(skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, "--format", "json", check=0).stdout)
    assert again["rendered"] == 0


def test_a_damaged_cache_is_counted_again_not_trusted(tmp_path, skillex):
    hub = tmp_path / "hub"
    bench_corpus.generate(12, str(hub), cookbook=2)
    build(skillex, hub)
    cache = hub / ".skillex/site-search-terms.tsv"
    lines = cache.read_bytes().split(b"\n")
    # Page lines altered by hand: a weight that is not a number, a term without its weight.
    assert re.search(rb"=[^ \t]+ \d", lines[2]) and lines[3].count(b"\t") >= 2
    lines[2] = re.sub(rb"(=[^ \t]+ )\d+", rb"\1x", lines[2], count=1)
    lines[3] += b" orphan"
    cache.write_bytes(b"\n".join(lines))
    skill = sorted(hub.glob("repos/*/.claude/skills/*/SKILL.md"))[0]
    skill.write_text(skill.read_text() + "\nOne more line.\n")
    build(skillex, hub)
    assert search_files(hub / "public") == cold_build(skillex, hub, tmp_path / "cold")
