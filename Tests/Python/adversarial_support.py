"""The adversarial corpus's runner parts: a bounded child run, the arena (workspace + outside
folder + canary) and its leak checks, and an HTML scan for active content."""
import html.parser
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from conftest import ROOT, skillex_bin

CORPUS = ROOT / "Tests" / "Adversarial"
sys.path.insert(0, str(CORPUS))
import generate  # noqa: E402

DEADLINE_SECONDS = 10
RSS_LIMIT_KIB = 1 << 20  # 1 GiB
PASSWD_MARK = b"root:x:0:0"


class Run:
    def __init__(self, args, returncode, stdout, stderr, rss_kib, seconds):
        self.args, self.returncode, self.stdout, self.stderr = args, returncode, stdout, stderr
        self.rss_kib, self.seconds = rss_kib, seconds

    def json(self):
        return json.loads(self.stdout)


def run_bounded(args, cwd, extra_env=None):
    """Runs the binary with a deadline; returns exit code, output and the child's own peak RSS."""
    env = dict(os.environ, NO_COLOR="1", SKILLEX_LOG_LEVEL="warning", **(extra_env or {}))
    env.pop("SOURCE_DATE_EPOCH", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        begin = time.monotonic()
        proc = subprocess.Popen([skillex_bin(), *map(str, args)], cwd=cwd, env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)
        killed = []
        timer = threading.Timer(DEADLINE_SECONDS, lambda: (killed.append(True), proc.kill()))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - begin
        out.seek(0)
        err.seek(0)
        run = Run(args, proc.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                  usage.ru_maxrss, seconds)
    where = f"skillex {' '.join(map(str, args))}"
    assert not killed, f"{where}: still running after {DEADLINE_SECONDS} s"
    assert not os.WIFSIGNALED(status), (
        f"{where}: killed by signal {signal.Signals(os.WTERMSIG(status)).name}\n{run.stderr[-2000:]}")
    assert run.rss_kib < RSS_LIMIT_KIB, f"{where}: peak RSS {run.rss_kib // 1024} MiB"
    assert "Fatal error" not in run.stderr and "Stack dump" not in run.stderr, f"{where}: {run.stderr[-2000:]}"
    return run


def snapshot(folder: Path):
    """Every path under `folder` with its type, size, mtime and inode (symlinks not followed)."""
    if not folder.exists():
        return {}
    out = {}
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(base) / name
            info = path.lstat()
            out[str(path.relative_to(folder))] = (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ino)
    return out


def output_bytes(ws: Path):
    """(label, bytes) for every file SkillEx wrote in the workspace, zip entries inflated."""
    for top in ("skills", "dist", "public", ".skillex", "consumer", "manifest.json"):
        root = ws / top
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
        for path in paths:
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    for info in archive.infolist():
                        yield f"{path}!{info.filename}", archive.read(info)
            elif path.stat().st_size < (64 << 20):
                yield str(path), path.read_bytes()


class Arena:
    """A workspace, an outside folder with a canary, and the checks every case shares."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.outside = tmp / "outside"
        self.ws = tmp / "ws"
        self.skills_src = self.ws / "repos" / "adv" / "skills"
        self.canary = generate.ensure_canary(self.outside).read_bytes().strip()
        good = self.skills_src / "good"
        good.mkdir(parents=True)
        (good / "SKILL.md").write_text(
            "---\nname: good\ndescription: A well-formed skill beside the hostile one. Use when checking that "
            "one bad skill does not stop the others.\n---\n# Good\n\nNothing to see.\n")
        self.write_manifest()
        self.outputs = []

    def write_manifest(self, **sections):
        manifest = {"version": 1, "repositories": [{"name": "adv", "path": "repos/adv", "skills_dir": "skills"}],
                    "skills": [], "site": {"title": "Adversarial hub"},
                    # The gate is tested elsewhere; here every skill sync accepts must reach the pack.
                    "scoring": {"threshold": 0}, **sections}
        (self.ws / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")

    def add(self, case: str):
        committed = CORPUS / "skills" / case
        if committed.exists():
            shutil.copytree(committed, self.skills_src / case, symlinks=True)
        else:
            generate.SKILL_CASES[case](self.skills_src, self.outside)

    def freeze(self):
        """Records what lies outside the workspace; `check_untouched` compares against it."""
        self.before_outside = snapshot(self.outside)
        self.before_tmp = sorted(p.name for p in self.tmp.iterdir())

    def cli(self, *args, codes=(0,), env=None):
        run = run_bounded(args, cwd=self.ws, extra_env=env)
        self.outputs.append(run)
        assert run.returncode in codes, (
            f"skillex {' '.join(map(str, args))}: exit {run.returncode}, expected {codes}\n"
            f"stdout:\n{run.stdout[-3000:]}\nstderr:\n{run.stderr[-3000:]}")
        return run

    def check_untouched(self):
        assert snapshot(self.outside) == self.before_outside, "something outside the workspace changed"
        assert sorted(p.name for p in self.tmp.iterdir()) == self.before_tmp, "files appeared beside the workspace"
        needles = [self.canary, PASSWD_MARK]
        for run in self.outputs:
            for needle in needles:
                assert needle.decode() not in run.stdout + run.stderr, f"outside content in output of {run.args}"
        for label, data in output_bytes(self.ws):
            for needle in needles:
                assert needle not in data, f"outside content {needle[:12]!r} found in {label}"


class Dom(html.parser.HTMLParser):
    """Collects what a browser would treat as active: script elements, event handlers, and
    href/src/action values with a script-capable scheme."""

    ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.in_script = tag == "script"
            if tag != "script":
                self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                squeezed = "".join(ch for ch in value if ch > " ").lower()
                if squeezed.startswith(self.ACTIVE_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.problems.append(f"script body {data[:80]!r}")


def active_content(public: Path):
    problems = []
    for page in sorted(public.rglob("*.html")):
        dom = Dom()
        dom.feed(page.read_text(errors="replace"))
        problems += [f"{page.relative_to(public)}: {p}" for p in dom.problems]
    return problems
