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


@pytest.fixture
def hub(tmp_path):
    """A fresh copy of the example hub in a temp folder."""
    target = tmp_path / "hub"
    generated = {"skills", "dist", "public", ".skillex"}
    # Only the hub's own generated folders: repos/*/skills must stay.
    shutil.copytree(EXAMPLE_HUB, target,
                    ignore=lambda folder, names: generated & set(names) if Path(folder) == EXAMPLE_HUB else set())
    return target


def load_json(text):
    return json.loads(text)
