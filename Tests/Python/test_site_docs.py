"""What every docs site has, on the project's own site built by the real binary: 404 page,
sitemap, robots.txt, llms.txt with Markdown copies, head metadata, edit links and dates from
git, the theme toggle, the mobile menu; pages that work without JavaScript, load nothing from
another origin and ship at most 60 KB of compressed script."""
import gzip
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from browser import chrome  # noqa: E402
from docs_site import COMMIT_DATE, EDIT_URL, SITE_URL, StaticServer, build_project_site  # noqa: E402

JS_BUDGET = 60 * 1024


@pytest.fixture(scope="module")
def public(tmp_path_factory, skillex):
    return build_project_site(tmp_path_factory.mktemp("docs-site"), skillex)


def content_pages(public: Path) -> list[str]:
    """Every HTML page except 404.html and the views of a skill's files."""
    pages = []
    for page in sorted(public.rglob("*.html")):
        relative = page.relative_to(public).as_posix()
        parts = relative.split("/")
        if relative == "404.html" or (parts[0] == "skills" and (len(parts) != 4 or parts[3] != "index.html")):
            continue
        pages.append(relative)
    return pages


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: Path):
    parser = Tags()
    parser.feed(page.read_text())
    return parser.tags


def test_404_page_links_from_the_site_url(public):
    page = (public / "404.html").read_text()
    assert "<h1>Page not found</h1>" in page
    assert f'href="{SITE_URL}assets/style.css"' in page and f'href="{SITE_URL}search.html"' in page
    assert 'rel="canonical"' not in page


def test_sitemap_is_valid_xml_listing_every_page(public):
    root = ET.fromstring((public / "sitemap.xml").read_bytes())
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locs = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == len(set(locs))
    listed = {loc.removeprefix(SITE_URL) or "index.html" for loc in locs}
    assert all(loc.startswith(SITE_URL) for loc in locs)
    assert listed == set(content_pages(public))
    assert len(listed) > 20


def test_robots_allows_all_and_names_the_sitemap(public):
    assert (public / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"


def test_llms_txt_links_markdown_copies_that_exist(public):
    text = (public / "llms.txt").read_text()
    assert text.startswith("# SkillEx example hub\n\n> A hub of ")
    links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", text, re.M)
    assert len(links) > 20
    for link in links:
        assert link.startswith(SITE_URL) and link.endswith(".md"), link
        assert (public / link.removeprefix(SITE_URL)).is_file(), link
    copy = (public / "cookbook/10-getting-started.html.md").read_text()
    assert copy.startswith("---") is False and "# Getting started" in copy
    assert "1 valid, 0 invalid (standard mode)" in copy  # the commands' real output, as on the page
    skill = (public / "skills/platform-tools/pdf-report/index.html.md").read_text()
    assert skill.startswith("# pdf-report\n\n> ")


def test_every_page_has_description_and_social_tags(public):
    for relative in content_pages(public):
        found = tags(public / relative)
        metas = {(a.get("name") or a.get("property")): a.get("content") for t, a in found if t == "meta"}
        for name in ("description", "og:title", "og:description", "og:type", "twitter:card", "twitter:title"):
            assert metas.get(name), f"{relative}: {name}"
        canonical = [a["href"] for t, a in found if t == "link" and a.get("rel") == "canonical"]
        expected = SITE_URL + ("" if relative == "index.html" else relative)
        assert canonical == [expected] and metas["og:url"] == expected, relative
    skill = (public / "skills/platform-tools/pdf-report/index.html").read_text()
    assert '<link rel="alternate" type="text/markdown" href="index.html.md">' in skill


def test_cookbook_pages_have_edit_links_and_git_dates(public):
    page = (public / "cookbook/80-customising-the-site.html").read_text()
    day = COMMIT_DATE[:10]
    assert f'Last updated <time datetime="{day}">{day}</time>' in page
    assert f'<a href="{EDIT_URL}80-customising-the-site.md" rel="noopener">Edit this page</a>' in page
    assert 'rel="prev"' in page and 'rel="next"' in page


def test_no_page_loads_from_another_origin_and_script_stays_in_budget(public):
    for page in sorted(public.rglob("*.html")):
        relative = page.relative_to(public).as_posix()
        if relative == "404.html":
            continue  # its links start at the site's own url
        scripts = []
        for tag, attrs in tags(page):
            loads = attrs.get("src") if tag in ("script", "img", "iframe", "audio", "video", "source") else None
            if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
                loads = attrs.get("href")
            if loads is not None:
                assert not re.match(r"^([a-z][a-z0-9+.-]*:|//)", loads, re.I), f"{relative} loads {loads}"
            if tag == "script":
                scripts.append((page.parent / attrs["src"]).resolve())
        size = sum(len(gzip.compress(s.read_bytes())) for s in scripts)
        assert size <= JS_BUDGET, f"{relative}: {size} bytes of compressed script"


def test_theme_toggle_cycles_and_is_remembered(public):
    server = StaticServer(public)
    driver = chrome()
    try:
        driver.get(server.url + "cookbook/index.html")
        button = driver.find_element("css selector", ".theme-toggle")
        assert button.is_displayed() and button.text == "Theme: auto"
        assert driver.execute_script("return document.documentElement.dataset.theme") is None
        button.click()
        assert button.text == "Theme: light"
        button.click()
        assert button.text == "Theme: dark"
        driver.get(server.url + "dashboard.html")  # another page remembers the choice
        assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(18, 22, 28)"
        driver.find_element("css selector", ".theme-toggle").click()
        assert driver.execute_script("return localStorage.getItem('skillex-theme')") is None
    finally:
        driver.quit()
        server.close()


def test_pages_work_without_javascript(public):
    driver = chrome(javascript=False)
    try:
        driver.set_window_size(390, 800)
        driver.get((public / "cookbook/80-customising-the-site.html").as_uri())
        assert not driver.find_element("css selector", ".theme-toggle").is_displayed()
        assert not driver.find_element("css selector", "nav.nav-wide").is_displayed()
        menu = driver.find_element("css selector", "details.nav-menu")
        link = menu.find_element("css selector", "a[href='../dashboard.html']")
        assert not link.is_displayed()
        menu.find_element("css selector", "summary").click()
        assert link.is_displayed()
        link.click()
        assert driver.current_url.endswith("/dashboard.html")
        assert driver.find_element("css selector", "h1").is_displayed()
    finally:
        driver.quit()
