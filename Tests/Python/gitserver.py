"""A real git server on loopback for git-source tests: bare repositories under one folder,
served read-only by `git daemon`."""
import os
import socket
import subprocess
import time
from pathlib import Path

from servers import free_port

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
}


def git(*args, cwd=None) -> str:
    env = dict(os.environ, **GIT_ENV)
    return subprocess.run(["git", *map(str, args)], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


class SkillsRepository:
    """A working repository of skills (`.claude/skills/<name>/SKILL.md`) pushed to a bare one."""

    def __init__(self, root: Path, name: str):
        self.work = root / "work" / name
        self.bare = root / "served" / f"{name}.git"
        self.work.mkdir(parents=True)
        git("init", "-q", "-b", "main", cwd=self.work)
        self.bare.parent.mkdir(parents=True, exist_ok=True)
        git("init", "-q", "--bare", self.bare)
        git("remote", "add", "origin", self.bare, cwd=self.work)

    def write_skill(self, name: str, body: str = "Use this skill to check things.") -> None:
        folder = self.work / ".claude" / "skills" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "SKILL.md").write_text(
            f"---\nname: {name}\ndescription: {name} helps with a task; use it when asked about {name}.\n---\n\n"
            f"# {name}\n\n{body}\n")

    def commit(self, message: str, tag: str | None = None) -> str:
        git("add", "-A", cwd=self.work)
        git("commit", "-q", "-m", message, cwd=self.work)
        if tag:
            git("tag", tag, cwd=self.work)
        git("push", "-q", "--tags", "origin", "main", cwd=self.work)
        return git("rev-parse", "HEAD", cwd=self.work)


class GitDaemon:
    """`git daemon` serving every repository under `base` on a free loopback port."""

    def __init__(self, base: Path):
        self.base = base
        self.port = free_port()
        self.process = subprocess.Popen(
            ["git", "daemon", f"--base-path={base}", "--export-all", "--reuseaddr", "--informative-errors",
             "--listen=127.0.0.1", f"--port={self.port}", str(base)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("git daemon did not start")

    def url(self, name: str) -> str:
        return f"git://127.0.0.1:{self.port}/{name}.git"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
