"""`skillex serve` from the outside: the built binary on a temp copy of the example hub, read with
real HTTP clients (http.client, urllib, raw sockets) and headless Chromium."""
import fcntl
import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import skillex_bin  # noqa: E402

SKILL_MD = "repos/platform-tools/.claude/skills/pdf-report/SKILL.md"
SKILL_PAGE = "/skills/platform-tools/pdf-report/"
# Live-reload code as any serve ever wrote or injected it: a script tag naming the script or the
# server's private paths.
LIVE_RELOAD = re.compile(rb"<script[^>]*(live-reload\.js|__skillex/)", re.I)


class Serve:
    """A running `skillex serve --port 0`; reads its output on a thread so it never blocks."""

    def __init__(self, hub: Path):
        env = dict(os.environ, NO_COLOR="1")
        env.pop("SOURCE_DATE_EPOCH", None)
        self.process = subprocess.Popen(
            [skillex_bin(), "serve", "--manifest", str(hub / "manifest.json"), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
        self.lines: list[str] = []
        self.started = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.started.wait(120), "serve did not start:\n" + self.output()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", self.output())
        assert match, self.output()
        self.port = int(match.group(1))
        self.base = f"http://127.0.0.1:{self.port}"

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith("serving "):
                self.started.set()

    def output(self) -> str:
        return "".join(self.lines)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=10) as answer:
            return answer.read().decode()

    def wait_for(self, path: str, text: str, seconds: float) -> float:
        """Polls `path` until it holds `text`; the seconds it took (fails past the deadline)."""
        start = time.monotonic()
        while text not in self.get(path):
            assert time.monotonic() - start < seconds, f"{path} did not show {text!r} within {seconds} s:\n{self.output()}"
            time.sleep(0.02)
        return time.monotonic() - start

    def wait_until(self, condition, seconds: float = 30):
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, self.output()
            time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def serve(hub):
    running = Serve(hub)
    yield running
    running.stop()


def live_reload_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and LIVE_RELOAD.search(p.read_bytes()))


def test_edited_skill_in_a_repository_reaches_its_page_within_a_second(hub, serve, skillex):
    # serve synced and scored the fresh hub itself: the skill's page is there.
    assert "pdf-report" in serve.get(SKILL_PAGE)
    source = hub / SKILL_MD
    source.write_text(source.read_text() + "\n## Brand new section\n\nFreshly edited in the repository.\n")
    serve.wait_for(SKILL_PAGE, "Freshly edited in the repository", seconds=1.0)
    # Synced into skills/ and scored again, not only rendered.
    assert "Freshly edited" in (hub / "skills/platform-tools/pdf-report/SKILL.md").read_text()
    assert "Brand new section" in serve.get(SKILL_PAGE)
    # The page as served polls the server; the file on disk does not.
    assert "/__skillex/live-reload.js" in serve.get("/")
    assert live_reload_files(hub / "public") == []
    serve.stop()
    skillex("site", "--manifest", hub / "manifest.json", check=0)
    public = hub / "public"
    assert live_reload_files(public) == []
    assert "Freshly edited in the repository" in (public / "skills/platform-tools/pdf-report/index.html").read_text()


def test_site_verify_removes_live_reload_left_by_an_older_serve(hub, skillex):
    skillex("build", "--manifest", hub / "manifest.json", check=1)  # Meeting_Notes is invalid on purpose
    public = hub / "public"
    # What serve used to write: the script tag in every page, recorded as the page's bytes.
    tainted = [p for p in public.rglob("*.html")]
    for page in tainted:
        page.write_text(page.read_text().replace("</body>", '<script src="/assets/live-reload.js"></script>\n</body>'))
    skillex("site", "--manifest", hub / "manifest.json", check=0)
    assert live_reload_files(public) != []  # a normal build trusts its record
    skillex("site", "--manifest", hub / "manifest.json", "--verify", check=0)
    assert live_reload_files(public) == []


def test_an_idle_connection_blocks_no_one_and_a_huge_path_is_refused(serve):
    idle = socket.create_connection(("127.0.0.1", serve.port))
    slow = socket.create_connection(("127.0.0.1", serve.port))
    slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # never finishes its head
    try:
        client = http.client.HTTPConnection("127.0.0.1", serve.port, timeout=5)
        client.request("GET", "/")
        answer = client.getresponse()
        assert answer.status == 200 and b"<html" in answer.read()
        client = http.client.HTTPConnection("127.0.0.1", serve.port, timeout=5)
        client.request("GET", "/" + "a" * 65536)
        answer = client.getresponse()
        assert answer.status == 414
        client = http.client.HTTPConnection("127.0.0.1", serve.port, timeout=5)
        client.putrequest("GET", "/")
        for index in range(400):
            client.putheader(f"X-Filler-{index}", "x" * 40)
        client.endheaders()
        assert client.getresponse().status == 431
    finally:
        idle.close()
        slow.close()


def test_headers_raw_files_are_downloads_and_pages_carry_the_policy(serve):
    client = http.client.HTTPConnection("127.0.0.1", serve.port, timeout=5)
    client.request("GET", SKILL_PAGE)
    page = client.getresponse()
    page.read()
    policy = page.getheader("Content-Security-Policy")
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert page.getheader("X-Content-Type-Options") == "nosniff"
    assert page.getheader("Content-Type") == "text/html; charset=utf-8"
    client = http.client.HTTPConnection("127.0.0.1", serve.port, timeout=5)
    # The site keeps a linked SVG as a plain-text copy (`RawCopy`), never under its own name.
    client.request("GET", SKILL_PAGE + "raw/assets/logo.svg.txt")
    raw = client.getresponse()
    body = raw.read()
    assert raw.status == 200 and b"<svg" in body
    assert raw.getheader("Content-Type") in ("text/plain; charset=utf-8", "application/octet-stream")
    assert raw.getheader("Content-Disposition") == 'attachment; filename="logo.svg.txt"'
    assert raw.getheader("X-Content-Type-Options") == "nosniff"
    assert "sandbox" in raw.getheader("Content-Security-Policy")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(serve.base + "/%2e%2e/manifest.json", timeout=5)
    assert refused.value.code == 400
    # A page whose own name was pointed at 127.0.0.1 (DNS rebinding) sends that name: refused.
    client = http.client.HTTPConnection("127.0.0.1", serve.port, timeout=5)
    client.putrequest("GET", SKILL_PAGE, skip_host=True)
    client.putheader("Host", f"rebind.example:{serve.port}")
    client.endheaders()
    assert client.getresponse().status == 421


def test_serve_holds_the_lock_only_while_rebuilding(hub, serve, skillex):
    # Idle: a build beside the preview runs at once (exit 1: Meeting_Notes is invalid on purpose).
    builds = serve.output().count(" files in ")
    skillex("build", "--manifest", hub / "manifest.json", check=1)
    # The preview then shows what the build wrote (it waited for the build if it noticed it).
    serve.wait_until(lambda: serve.output().count(" files in ") > builds)
    # While another run holds the lock, an edit waits; once it is released, it is built.
    lock = hub / ".skillex" / "lock"
    with open(lock, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        waits = serve.output().count("waiting for")
        source = hub / SKILL_MD
        source.write_text(source.read_text() + "\nEdited while locked.\n")
        serve.wait_until(lambda: serve.output().count("waiting for") > waits)
        assert "Edited while locked" not in serve.get(SKILL_PAGE)
        assert "Edited while locked" not in (hub / "skills/platform-tools/pdf-report/SKILL.md").read_text()
        fcntl.flock(held, fcntl.LOCK_UN)
    serve.wait_for(SKILL_PAGE, "Edited while locked", seconds=30)


def test_a_docs_edit_rebuilds_and_bumps_the_version(hub, serve):
    version = serve.get("/__skillex/version")
    (hub / "docs/roadmap.md").write_text("# Roadmap\n\n- [planned] A brand new idea\n")
    serve.wait_for("/roadmap.html", "A brand new idea", seconds=30)
    # Pages are written as they render; the version is bumped once the whole rebuild is out.
    serve.wait_until(lambda: serve.get("/__skillex/version") != version, seconds=30)


def test_live_reload_works_under_the_policy_in_a_browser(hub, serve):
    from browser import chrome
    from selenium.webdriver.common.by import By

    driver = chrome()
    try:
        driver.get(serve.base + SKILL_PAGE)
        assert driver.find_element(By.TAG_NAME, "h1").text
        driver.execute_script("window.untouched = true")
        source = hub / SKILL_MD
        source.write_text(source.read_text() + "\nReloaded in the browser.\n")
        deadline = time.monotonic() + 30
        while "Reloaded in the browser" not in driver.page_source:
            assert time.monotonic() < deadline, "the open page never reloaded"
            time.sleep(0.1)
        assert driver.execute_script("return window.untouched === undefined")  # a real reload
        # The check below sees a violation when there is one: an inline script is refused.
        (hub / "public/csp-probe.html").write_text("<!DOCTYPE html><title>probe</title><script>document.title = 'ran'</script>")
        driver.get(serve.base + "/csp-probe.html")
        assert driver.title == "probe"
        assert any("Content Security Policy" in e.get("message", "") for e in driver.get_log("browser"))
        (hub / "public/csp-probe.html").unlink()
        for page in ["/", "/search.html?q=pdf", "/dashboard.html", SKILL_PAGE]:
            driver.get(serve.base + page)
            time.sleep(0.3)
            violations = [e for e in driver.get_log("browser") if "Content Security Policy" in e.get("message", "")]
            assert violations == [], f"{page}: {violations}"
    finally:
        driver.quit()


def test_a_taken_port_fails_at_once_with_one_line(hub, skillex):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = skillex("serve", "--manifest", hub / "manifest.json", "--port", port, check=2)
    assert result.stderr.strip().splitlines() == [f"skillex: error: cannot serve: 127.0.0.1:{port}: Address already in use"]
    assert not (hub / "public").exists()  # refused before building anything
