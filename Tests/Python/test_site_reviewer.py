"""The reviewer's pages (issue #19) on the example hub: the skill page's verdict with a real
approve command, findings grouped by rule linking to numbered file views, the file tree, the home
page's summary strip and problems, and in headless Chromium: no horizontal scroll at 390 px,
copy buttons, sort and filter, and plain tables without JavaScript."""
import html
import json
import re
import shlex
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from browser import chrome  # noqa: E402
from site_fixtures import add_evil_skill, add_stage_files  # noqa: E402

CLOCK = "2025-10-03T12:00:00Z"


@pytest.fixture(scope="module")
def built(tmp_path_factory, skillex):
    """The example hub plus a hostile skill and hand-made stage files (csv-cleanup refused with
    a finding on a line of its script), built into public/."""
    from conftest import copy_example_hub
    hub = copy_example_hub(tmp_path_factory.mktemp("reviewer") / "hub")
    add_evil_skill(hub)
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)  # Meeting_Notes is invalid on purpose
    add_stage_files(hub)
    cards = json.loads((hub / ".skillex/scorecards.json").read_text())
    for card in cards["skills"]:
        if card["skill"] == "csv-cleanup":
            card["findings"] = [
                {"rule": "static.subprocess", "severity": "error", "message": "spawns a process",
                 "remediation": "Pass arguments as a list.", "file": "scripts/sniff.py", "line": 2},
                {"rule": "static.subprocess", "severity": "warning", "message": "imports a module",
                 "file": "scripts/sniff.py", "line": 1},
                {"rule": "body.headings", "severity": "note", "message": "no usage heading", "file": "SKILL.md", "line": 5}]
    (hub / ".skillex/scorecards.json").write_text(json.dumps(cards))
    with (hub / ".skillex/events.jsonl").open("a") as log:  # a sync that refused an invalid skill
        log.write(json.dumps({
            "schema_version": 1, "id": "sync-1", "type": "failed", "time": "2025-10-03T11:30:00Z", "run_id": "run-sync",
            "repo": "docs-guild", "skill": "Meeting_Notes", "measurements": {}, "metadata": {"command": "sync"},
            "error": {"reason": "invalid", "message": "name must be lower case"}}) + "\n")
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    return hub


def page(built, path):
    return (built / "public" / path).read_text()


def test_refused_skill_shows_the_verdict_and_an_approve_command_that_works(built, skillex):
    text = page(built, "skills/data-team/csv-cleanup/index.html")
    assert '<section class="verdict bad"' in text
    assert "Score 40 is below the gate threshold 70" in text
    assert "a maintainer (alice) runs" in text
    match = re.search(r'<pre class="command"><code class="language-sh">(skillex score --approve [^<]*)</code>', text)
    assert match, "no approve command on the page"
    command = shlex.split(html.unescape(match.group(1)))
    assert command[:4] == ["skillex", "score", "--approve", "data-team/csv-cleanup"]
    # The command is the CLI's real syntax: run it as a maintainer would.
    args = [("alice" if word == "YOUR_NAME" else word) for word in command[1:]]
    skillex(*args, "--manifest", built / "manifest.json", "--clock", CLOCK, cwd=built)
    manifest = json.loads((built / "manifest.json").read_text())
    entry = next(s for s in manifest["skills"] if s["name"] == "csv-cleanup")
    assert entry["approval"]["by"] == "alice" and entry["approval"]["reason"] == "why it should ship"
    admitted = page(built, "skills/platform-tools/pdf-report/index.html")
    assert '<section class="verdict ok"' in admitted and "--approve" not in admitted


def test_findings_are_grouped_by_rule_and_link_to_their_lines(built):
    text = page(built, "skills/data-team/csv-cleanup/index.html")
    assert text.index("<code>static.subprocess</code> <span class=\"count\">2 ×</span>") < text.index("<code>body.headings</code>")
    assert "How to fix: Pass arguments as a list." in text
    assert 'spawns a process <a href="files/scripts/sniff.py.html#L2">scripts/sniff.py:2</a>' in text
    assert 'no usage heading <a href="source/SKILL.md.html#L5">SKILL.md:5</a>' in text
    view = page(built, "skills/data-team/csv-cleanup/files/scripts/sniff.py.html")
    assert '<a class="ln" id="L2" href="#L2">2</a>' in view
    assert '<span class="hl-k">import</span>' in view
    source = page(built, "skills/data-team/csv-cleanup/source/SKILL.md.html")
    assert '<a class="ln" id="L5" href="#L5">5</a>' in source


def test_file_tree_lists_every_file(built):
    text = page(built, "skills/platform-tools/pdf-report/index.html")
    assert '<span class="dir-name">scripts/</span>' in text and '<span class="dir-name">references/</span>' in text
    assert '<a href="files/scripts/build_pdf.py.html">build_pdf.py</a>' in text
    assert '<a href="files/references/outline.md.html">outline.md</a>' in text
    assert '<a href="files/assets/logo.svg.html">logo.svg</a>' in text  # text: an escaped view, never the SVG
    svg = page(built, "skills/platform-tools/pdf-report/files/assets/logo.svg.html")
    assert "<svg" not in svg.split("<main", 1)[1] and "&lt;svg" in svg


def test_home_shows_summary_and_problems_first(built):
    text = page(built, "index.html")
    assert '<ul class="summary-strip" aria-label="Hub summary">' in text
    assert text.index('id="problems-heading"') < text.index('id="skills-heading"')
    assert '<span class="badge bad">refused</span>' in text
    assert '<a href="skills/data-team/csv-cleanup/index.html">data-team/csv-cleanup</a>' in text
    assert '<span class="badge bad">invalid</span></td><td data-label="Subject">docs-guild/Meeting_Notes</td>' in text
    assert '<span class="value bad">1</span> <span class="label">invalid</span>' in text


# MARK: - Browser

@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def narrow(driver, width=390):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})


def test_no_horizontal_scroll_at_390_px(built, browser):
    narrow(browser)
    try:
        for path in ("index.html", "dashboard.html", "skills/data-team/csv-cleanup/index.html",
                     "skills/platform-tools/pdf-report/index.html", "skills/data-team/csv-cleanup/files/scripts/sniff.py.html",
                     "skills/data-team/csv-cleanup/source/SKILL.md.html"):
            browser.get((built / "public" / path).as_uri())
            inner = browser.execute_script("return window.innerWidth")
            scroll = browser.execute_script("return document.documentElement.scrollWidth")
            assert inner == 390 and scroll <= inner, f"{path}: scrollWidth {scroll} > innerWidth {inner}"
        # The skills table is a list of cards: its header row is hidden, each row stands alone.
        browser.get((built / "public/index.html").as_uri())
        header = browser.find_element("css selector", "table.skills thead")
        assert header.size["width"] <= 1
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_copy_button_sort_and_filter(built, browser):
    from selenium.webdriver.common.by import By
    browser.get((built / "public/skills/data-team/csv-cleanup/files/scripts/sniff.py.html").as_uri())
    button = browser.find_element(By.CSS_SELECTOR, ".code-block > button.copy")
    assert button.text == "Copy"
    button.click()
    # The clipboard answers asynchronously: wait for the button to say how it went.
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(browser, 10).until(lambda _: button.text != "Copy")
    assert button.text in ("Copied", "Press Ctrl+C")
    browser.get((built / "public/index.html").as_uri())
    box = browser.find_element(By.CSS_SELECTOR, ".table-tools input[type=search]")
    box.send_keys("spreadsheet")
    visible = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "table.skills tbody tr a") if a.is_displayed()]
    assert visible == ["csv-cleanup"]
    box.clear()
    box.send_keys(" ")
    table = browser.find_elements(By.CSS_SELECTOR, "table.skills")[0]
    score = table.find_elements(By.CSS_SELECTOR, "th button.sort")[2]
    score.click()
    values = [row.find_elements(By.TAG_NAME, "td")[2].text for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    numbers = [float(v) for v in values if v != "—"]
    assert numbers == sorted(numbers)
    assert table.find_elements(By.TAG_NAME, "th")[2].get_attribute("aria-sort") == "ascending"


def test_pages_read_as_plain_tables_without_javascript(built):
    from selenium.webdriver.common.by import By
    driver = chrome(javascript=False)
    try:
        driver.get((built / "public/index.html").as_uri())
        assert driver.find_elements(By.CSS_SELECTOR, ".table-tools") == []
        rows = driver.find_elements(By.CSS_SELECTOR, "table.skills tbody tr")
        assert len(rows) >= 8 and all(row.is_displayed() for row in rows)
        driver.get((built / "public/skills/data-team/csv-cleanup/index.html").as_uri())
        group = driver.find_element(By.CSS_SELECTOR, "details.finding-group")
        assert group.get_attribute("open") is not None  # few findings: open, and <details> needs no script
        assert driver.find_elements(By.CSS_SELECTOR, "button.copy") == []
    finally:
        driver.quit()
