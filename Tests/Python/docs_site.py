"""The project's own site (the example hub with the repository's cookbook, in a git checkout,
with `site.url` and `site.edit_url`), built once for the docs-site and accessibility tests; and
a loopback HTTP server for it."""
import functools
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

from conftest import copy_example_hub, copy_tracked
from site_fixtures import add_stage_files

ROOT = Path(__file__).resolve().parents[2]
CLOCK = "2025-10-03T12:00:00Z"
SITE_URL = "https://skills.example.test/hub/"
EDIT_URL = "https://git.example.test/acme/hub/edit/main/docs/cookbook/"
COMMIT_DATE = "2026-11-28T10:00:00+00:00"


def build_project_site(folder: Path, skillex) -> Path:
    """Builds the site into `folder/examples/hub/public` and returns that folder."""
    copy_tracked(ROOT / "docs", folder / "docs")
    hub = copy_example_hub(folder / "examples" / "hub")
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.test",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.test"}
    for args in (["init", "-q"], ["add", "docs"], ["commit", "-q", "-m", "docs"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["site"].update({"url": SITE_URL, "edit_url": EDIT_URL})
    (hub / "manifest.json").write_text(json.dumps(manifest))
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)  # Meeting_Notes is invalid on purpose
    add_stage_files(hub)
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    return hub / "public"


class StaticServer:
    """Serves a folder on loopback (a static host, as the site is published)."""

    def __init__(self, folder: Path):
        handler = functools.partial(Quiet, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main_pages(public: Path) -> list[str]:
    """One page of each kind the accessibility and width checks visit."""
    skill = "skills/platform-tools/pdf-report/index.html"
    files = sorted(p.relative_to(public).as_posix() for p in (public / "skills/platform-tools/pdf-report").rglob("*.html")
                   if p.name != "index.html" or p.parent.name != "pdf-report")
    pages = ["index.html", skill, "cookbook/80-customising-the-site.html", "dashboard.html", "roadmap.html",
             "reference/manifest.html", "search.html?q=pdf"]
    return pages + files[:1]
