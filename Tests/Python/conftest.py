"""Shared fixtures: the built binary, temp workspaces made from the example hub."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_HUB = ROOT / "examples" / "hub"


def skillex_bin() -> str:
    path = os.environ.get("SKILLEX_BIN")
    if not path:
        path = subprocess.check_output(["swift", "build", "--show-bin-path"], cwd=ROOT, text=True).strip() + "/skillex"
    return path


@pytest.fixture(scope="session")
def skillex():
    """Runs the built binary; returns CompletedProcess (text)."""
    binary = skillex_bin()

    def run(*args, cwd=None, env=None, check=None):
        full_env = dict(os.environ)
        full_env.pop("SOURCE_DATE_EPOCH", None)
        full_env["NO_COLOR"] = "1"
        if env:
            full_env.update(env)
        result = subprocess.run([binary, *map(str, args)], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=600)
        if check is not None:
            assert result.returncode == check, f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        return result

    return run


def tracked_files(folder: Path) -> list[Path]:
    """The files under `folder` that git tracks, relative to it: what a fresh clone holds. Falls
    back to every file outside the generated folders when the project is not a git checkout."""
    try:
        listing = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--", str(folder.relative_to(ROOT))],
                                 capture_output=True, check=True).stdout
        return [Path(name).relative_to(folder.relative_to(ROOT)) for name in listing.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        generated = {"skills", "dist", "public", ".skillex"}
        files = []
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_file() and relative.parts[0] not in generated:
                files.append(relative)
        return files


def copy_tracked(folder: Path, target: Path) -> Path:
    """Copies what git tracks under `folder` to `target` (modes kept), never what a demo or an
    earlier run left beside it."""
    for relative in tracked_files(folder):
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / relative, destination)
    target.mkdir(parents=True, exist_ok=True)
    return target


def copy_example_hub(target: Path) -> Path:
    """A fresh copy of the example hub as a clone has it."""
    return copy_tracked(EXAMPLE_HUB, target)


@pytest.fixture
def hub(tmp_path):
    """A fresh copy of the example hub in a temp folder."""
    return copy_example_hub(tmp_path / "hub")


def load_json(text):
    return json.loads(text)


def approve_risky_skill(run, hub):
    """The example hub's k8s-rollout scores below the threshold on purpose; a maintainer approves it
    so a whole-hub package exits 0. Tests of the gate itself do not call this."""
    run("score", "--manifest", hub / "manifest.json", "--approve", "k8s-rollout", "--by", "alice",
        "--reason", "reviewed by hand", "--format", "json", check=0)
