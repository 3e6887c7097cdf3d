"""Hostile updates of a pulled folder (SkillEx issue #15, items 7 and 10), from the outside.

Each case pulls a genuine 1.0.0 into `ws/consumer`, then a hostile 1.1.0 built by
`Tests/Adversarial/generate.py` (`UPDATE_KINDS`). The second pull must exit 1 with one line
naming the file and the problem, inside the corpus's bounds (10 s, 1 GiB), and leave the folder
byte for byte and mode for mode as it was: no write through a hard link, nothing staged beside it.
"""
import hashlib
import os
from pathlib import Path

import pytest

from adversarial_support import Arena, generate, snapshot


@pytest.fixture
def arena(tmp_path):
    return Arena(tmp_path)


def contents(folder: Path):
    """Every path under `folder` with its mode and the SHA-256 of its bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        out[str(path.relative_to(folder))] = (oct(info.st_mode), digest)
    return out


# kind -> what the one-line refusal must contain (besides the file it names)
UPDATE_CASES = {
    "nfd-delta": "differs only in case or Unicode normalisation",
    "undeclared-file": "entry evil.sh is not a file of any skill",
    "undeclared-exec": "execute bit",
    "bidi-entry": "bidirectional control U+202E",
    "many-entries": "over the limit of 100000 (--max-entries)",
    "ratio-bomb": "--max-ratio",
}


@pytest.mark.parametrize("kind", list(UPDATE_CASES))
def test_hostile_update_changes_nothing(arena, kind):
    dist = arena.ws / "evil"
    generate.held_dist(dist)
    arena.cli("pull", "--from", "evil", "--into", "consumer", "--format", "json")
    consumer = arena.ws / "consumer"
    assert (consumer / generate.NFD_SKILL / "SKILL.md").read_bytes().endswith(b"held\n")
    assert os.access(consumer / "repo" / "good" / "scripts" / "run.sh", os.X_OK)
    file = generate.hostile_update(kind, dist)
    arena.freeze()
    before, before_bytes = snapshot(arena.ws), contents(consumer)
    refused = arena.cli("pull", "--from", "evil", "--into", "consumer", codes=(1,))
    assert contents(consumer) == before_bytes, "a refused pull must not change the folder"
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and file in lines[0] and UPDATE_CASES[kind] in lines[0], refused.stderr
    assert "\u202e" not in refused.stderr, "a bidi control must be shown escaped, not emitted"
    assert snapshot(arena.ws) == before, "a refused pull must write nothing"
    arena.check_untouched()


def test_limits_come_from_flags_or_the_manifest(arena):
    """The entry-count and ratio bounds are the user's to raise: a flag, or the manifest's limits."""
    dist = arena.ws / "evil"
    generate.held_dist(dist)
    generate.full_update(dist, extra=[generate.stored(f"repo/good/f{n}", b"") for n in range(30)])
    low = arena.cli("pull", "--from", "evil", "--into", "consumer", "--max-entries", "10", codes=(1,))
    assert "holds 34 entries, over the limit of 10 (--max-entries)" in low.stderr, low.stderr
    arena.write_manifest(limits={"max_archive_entries": 10})
    by_manifest = arena.cli("pull", "--from", "evil", "--into", "consumer", "--manifest", "manifest.json", codes=(1,))
    assert "over the limit of 10" in by_manifest.stderr, by_manifest.stderr
    # Raised far enough, the count passes and the next check (undeclared files) refuses instead.
    raised = arena.cli("pull", "--from", "evil", "--into", "consumer", "--manifest", "manifest.json",
                       "--max-entries", "1000", codes=(1,))
    assert "is not a file of any skill" in raised.stderr, raised.stderr
    bad = arena.cli("pull", "--from", "evil", "--into", "consumer", "--max-ratio", "0", codes=(2,))
    assert "--max-ratio" in bad.stderr


def test_every_update_case_has_a_test():
    assert set(UPDATE_CASES) == set(generate.UPDATE_KINDS)
