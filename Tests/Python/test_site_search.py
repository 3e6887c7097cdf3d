"""The site's full-text search, driven in headless Chromium from file:// over the example hub."""
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from browser import chrome  # noqa: E402
from site_fixtures import add_evil_skill, add_stage_files  # noqa: E402

CLOCK = "2025-10-03T12:00:00Z"


@pytest.fixture(scope="module")
def site(tmp_path_factory, skillex):
    from conftest import copy_example_hub
    hub = copy_example_hub(tmp_path_factory.mktemp("search") / "hub")
    add_evil_skill(hub)
    skillex("build", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=1)  # Meeting_Notes is invalid on purpose
    add_stage_files(hub)
    skillex("site", "--manifest", hub / "manifest.json", "--clock", CLOCK, check=0)
    return hub / "public"


@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def results(browser, count_at_least=1):
    """(title, snippet element) of each result once the result list settles."""
    from selenium.webdriver.common.by import By
    deadline = time.monotonic() + 10
    while True:
        items = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
        if len(items) >= count_at_least or time.monotonic() > deadline:
            return [(i.find_element(By.CSS_SELECTOR, "a.result").text, i.find_element(By.CSS_SELECTOR, ".snippet"))
                    for i in items]
        time.sleep(0.05)


def test_a_word_only_in_a_skill_body_finds_the_skill_with_a_marked_snippet(site, browser):
    # "stakeholder" appears only in the body of pdf-report's SKILL.md, not in a name or description.
    assert "stakeholder" not in (site.parent / "manifest.json").read_text().lower()
    browser.get((site / "search.html").as_uri() + "?q=stakeholder")
    found = results(browser)
    assert [title for title, _ in found] == ["pdf-report"]
    snippet = found[0][1]
    marks = snippet.find_elements("css selector", "mark")
    assert [m.text.lower() for m in marks] == ["stakeholder"]
    # Plain text, not Markdown: the body's `"a PDF of this"` bullet shows without its syntax.
    assert "A stakeholder asks for" in snippet.text and "- A" not in snippet.text and "#" not in snippet.text


def test_the_repository_filter_narrows_results(site, browser):
    from selenium.webdriver.support.ui import Select
    browser.get((site / "search.html").as_uri() + "?q=pull")
    everywhere = {title for title, _ in results(browser, 3)}
    assert {"release-notes", "sql-review", "api-reference"} <= everywhere
    Select(browser.find_element("id", "search-repo")).select_by_value("data-team")
    deadline = time.monotonic() + 10
    while {t for t, _ in results(browser)} != {"sql-review"} and time.monotonic() < deadline:
        time.sleep(0.05)
    assert {title for title, _ in results(browser)} == {"sql-review"}


def test_the_gate_filter_and_a_prefix_of_the_last_word(site, browser):
    # "clea" is a prefix of csv-cleanup's words; the gate filter keeps refused skills only.
    browser.get((site / "search.html").as_uri() + "?q=clea&gate=refused")
    assert [title for title, _ in results(browser)] == ["csv-cleanup"]


def test_keyboard_slash_focuses_and_arrows_move_through_results(site, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    browser.get((site / "search.html").as_uri())
    browser.find_element("tag name", "h1").click()
    ActionChains(browser).send_keys("/").perform()
    assert browser.switch_to.active_element.get_attribute("id") == "q"
    ActionChains(browser).send_keys("review").perform()
    found = results(browser, 2)
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    assert browser.switch_to.active_element.text == found[0][0]
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    assert browser.switch_to.active_element.text == found[1][0]
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    deadline = time.monotonic() + 10
    while browser.current_url.endswith("search.html") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "/skills/" in browser.current_url or browser.current_url.endswith(".html")
    assert "search.html" not in browser.current_url


def test_hostile_skill_text_is_found_as_text_and_runs_nothing(site, browser):
    browser.get((site / "search.html").as_uri() + "?q=onerror")
    found = results(browser)
    assert "evil-skill" in [title for title, _ in found]
    time.sleep(0.3)
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert browser.find_elements("css selector", "#search-results img, #search-results script, #search-results iframe") == []
    for data in (site / "search").glob("*.js"):
        assert "<" not in data.read_text()
