"""Accessibility and narrow screens on the project's own site, in headless Chromium: axe-core
(axe-selenium-python) finds no serious or critical violation on one page of each kind, in the
light and the dark theme; at 390 px no page scrolls sideways."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from browser import chrome  # noqa: E402
from docs_site import StaticServer, build_project_site, main_pages  # noqa: E402

axe_selenium_python = pytest.importorskip("axe_selenium_python")


@pytest.fixture(scope="module")
def site(tmp_path_factory, skillex):
    public = build_project_site(tmp_path_factory.mktemp("a11y-site"), skillex)
    server = StaticServer(public)
    yield public, server.url
    server.close()


@pytest.fixture(scope="module")
def driver():
    browser = chrome()
    yield browser
    browser.quit()


def open_in_theme(driver, url: str, theme: str):
    """Opens `url` with the theme chosen through the toggle's own storage."""
    driver.get(url)
    driver.execute_script("localStorage.setItem('skillex-theme', arguments[0])", theme)
    driver.get(url)
    assert driver.execute_script("return document.documentElement.dataset.theme") == theme


def serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_serious_violation(site, driver, theme):
    public, base = site
    pages = main_pages(public)
    assert any("/files/" in page or "/raw/" in page for page in pages) or len(pages) == 7
    driver.set_window_size(1280, 900)
    report = []
    for page in pages:
        open_in_theme(driver, base + page, theme)
        axe = axe_selenium_python.Axe(driver)
        axe.inject()
        results = axe.run(options="{resultTypes: ['violations']}")
        for violation in serious(results["violations"]):
            targets = [node["target"] for node in violation["nodes"][:3]]
            report.append(f"{page} [{theme}] {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    assert report == [], "\n".join(report)


def test_axe_reports_a_real_violation(site, driver):
    """The check can fail: a page with text as pale as its background is reported."""
    public, base = site
    open_in_theme(driver, base + "index.html", "light")
    driver.execute_script("document.querySelector('main').style.color = '#dddddd'")
    axe = axe_selenium_python.Axe(driver)
    axe.inject()
    assert any(v["id"] == "color-contrast" for v in serious(axe.run()["violations"]))


def test_no_page_scrolls_sideways_at_390_px(site, driver):
    public, base = site
    driver.set_window_size(390, 844)
    wide = []
    for page in main_pages(public):
        driver.get(base + page)
        width, inner = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        if width > inner:
            wide.append(f"{page}: {width} > {inner}")
    # The check can fail: one wide element makes the page scroll.
    driver.execute_script("var d = document.createElement('div'); d.style.width = '900px'; d.textContent = 'x';"
                          "document.querySelector('main').appendChild(d)")
    assert driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    driver.set_window_size(1280, 900)
    assert wide == [], "\n".join(wide)
