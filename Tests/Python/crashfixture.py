"""Hubs on the benchmark corpus, and snapshots of what a run leaves on disk, for the crash tests.

A snapshot records every file SkillEx promises to write whole (manifest, scorecards, dist/, the
folder publish target, each synced skill folder) by SHA-256, so a test can say "this file is the
old one or the new one" about each, and "this workspace ends exactly like the reference".
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from common import corpus  # noqa: E402  (bench/common.py: the benchmark corpus, from bench/corpus.py)

CLOCK_OLD = "2025-01-01T00:00:00Z"
CLOCK_NEW = "2025-02-01T00:00:00Z"
# Names a killed run may leave behind; none may survive the next run.
LEFTOVER = re.compile(r"\.tmp-[0-9A-Fa-f-]{36}$|^\.staging-|\.pull-|\.old-")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder: Path) -> dict:
    """relative path -> sha256 of every visible regular file under `folder` (hidden names skipped)."""
    files = {}
    if not folder.is_dir():
        return files
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        files[str(rel)] = digest(path)
    return files


def read(path: Path):
    return path.read_bytes() if path.exists() else None


def snapshot(hub: Path) -> dict:
    """What the crash checks compare, for the hub at `hub`."""
    skills = {}
    skills_dir = hub / "skills"
    if skills_dir.is_dir():
        for repo in sorted(p for p in skills_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
            for skill in sorted(p for p in repo.iterdir() if p.is_dir() and not p.name.startswith(".")):
                skills[f"{repo.name}/{skill.name}"] = tree(skill)
    return {
        "manifest": read(hub / "manifest.json"),
        "scorecards": read(hub / ".skillex" / "scorecards.json"),
        "dist": tree(hub / "dist"),
        "pub": tree(hub / "pub"),
        # The home page and dashboard list recent runs from the event log, which records the
        # killed runs too: they differ from the uninterrupted run's by design.
        "site": {k: v for k, v in tree(hub / "public").items() if k not in ("index.html", "dashboard.html")},
        "skills": skills,
    }


def leftovers(hub: Path) -> list:
    """Temp files, staging and aside folders anywhere in the hub."""
    found = []
    for dirpath, dirnames, filenames in os.walk(hub):
        for name in dirnames + filenames:
            if LEFTOVER.search(name):
                found.append(os.path.join(dirpath, name))
    return found


def run(binary, hub: Path, *args, check=None, timeout=300):
    env = dict(os.environ, NO_COLOR="1", SKILLEX_LOG_LEVEL="critical")
    env.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run([binary, *map(str, args)], cwd=hub, env=env, capture_output=True, text=True,
                            timeout=timeout)
    if check is not None:
        assert result.returncode == check, f"{args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def make_sources(tmp: Path, skills: int) -> Path:
    """A private copy of the corpus's repositories, which the tests change without touching the corpus."""
    src = tmp / "src"
    shutil.copytree(corpus(skills) / "repos", src)
    return src


def make_hub(tmp: Path, name: str, src: Path, skills: int) -> Path:
    """A hub whose repositories are the folders in `src`, publishing to `pub/` inside it."""
    base = corpus(skills)
    hub = tmp / name
    hub.mkdir()
    shutil.copytree(base / "docs", hub / "docs")
    manifest = json.loads((base / "manifest.json").read_text())
    for repo in manifest["repositories"]:
        repo["path"] = str(src / repo["name"])
    manifest["storage"] = {"url": "pub"}
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return hub


def change_sources(src: Path) -> None:
    """Edits some skills, removes two and adds two, so the next build makes a new version."""
    folders = sorted(p for p in src.glob("*/.claude/skills/*") if p.is_dir())
    for folder in folders[:8]:
        with open(folder / "SKILL.md", "a") as handle:
            handle.write("\n## Changed\n\nThis skill changed after the first release.\n")
    for folder in folders[-2:]:
        shutil.rmtree(folder)
    for index, folder in enumerate(folders[8:10]):
        name = f"added-skill-{index}"
        copy = folder.parent / name
        shutil.copytree(folder, copy)
        text = (copy / "SKILL.md").read_text()
        (copy / "SKILL.md").write_text(re.sub(r"^name: .*$", f"name: {name}", text, count=1, flags=re.M))


# Files SkillEx changes in place: append-only logs and lock files (everything else is replaced by
# rename). A work copy gets its own copies of these; every other file is a hard link to the start
# state, which makes a copy cheap and proves the point: the start state must come out unchanged.
IN_PLACE = re.compile(r"\.jsonl$|\.tsv$|lock$")


def copy_hub(src: Path, dst: Path) -> Path:
    if dst.exists():
        subprocess.run(["rm", "-rf", str(dst)], check=True)
    subprocess.run(["cp", "-al", str(src), str(dst)], check=True)
    for dirpath, _, filenames in os.walk(dst):
        for name in filenames:
            if IN_PLACE.search(name):
                path = Path(dirpath) / name
                data = path.read_bytes()
                path.unlink()
                path.write_bytes(data)
    return dst


def mount_tmpfs(folder: Path, size: str, options: str = ""):
    """Mounts a fresh tmpfs of `size` on `folder`; the reason as a string when that is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    opts = f"size={size}" + ("," + options if options else "")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(folder)], capture_output=True, text=True)
    if result.returncode != 0:
        return f"cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): {result.stderr.strip()}"
    return None


def unmount(folder: Path) -> None:
    """Unmounts `folder`, lazily if something still holds it open."""
    if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount(folder: Path, mode: str) -> None:
    """Remounts the tmpfs on `folder` read-only (`ro`) or read-write (`rw`)."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, capture_output=True)
