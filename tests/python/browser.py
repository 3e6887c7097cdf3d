"""Headless Chromium through Selenium, set up one way for every browser test."""
import shutil

import pytest


def chrome(javascript: bool = True, file_access: bool = True):
    """A headless Chromium driver; skips the test when Selenium is missing. `file_access` lets
    pages opened from file:// read their neighbours (the site's search index); `javascript`
    off checks the pages that must stay readable without it."""
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    if file_access:
        options.add_argument("--allow-file-access-from-files")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)
