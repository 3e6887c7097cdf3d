"""Regenerates docs/screenshots/: the project's own site (the example hub with this repository's
cookbook, as the docs-site tests build it) in headless Chromium. Run by scripts/screenshots.

    scripts/screenshots            # uses the debug binary (swift build --show-bin-path)
    SKILLEX_BIN=... scripts/screenshots
"""
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "Python"))
from browser import chrome  # noqa: E402
from conftest import skillex_bin  # noqa: E402
from docs_site import StaticServer, build_project_site  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WIDE = (1100, 760)
PHONE = (390, 760)
SKILL = "skills/platform-tools/pdf-report/index.html"
# (file, page, theme, window size, scroll to the first element matching this selector)
SHOTS = [
    ("home.png", "index.html", "light", WIDE, None),
    ("skill-light.png", SKILL, "light", WIDE, None),
    ("skill-dark.png", SKILL, "dark", WIDE, None),
    ("file-view.png", None, "light", WIDE, None),  # the skill's script's view (see file_view)
    ("mobile-home.png", "index.html", "light", PHONE, None),
    ("search.png", "search.html?q=pdf", "light", WIDE, None),
    ("cookbook-alert-dark.png", "cookbook/80-customising-the-site.html", "dark", WIDE, "blockquote.alert"),
]


def file_view(public: Path) -> str | None:
    """The view of pdf-report's script, else of any of its files."""
    folder = public / SKILL.rsplit("/", 1)[0]
    views = sorted(p for p in folder.rglob("*.html") if p != folder / "index.html")
    views.sort(key=lambda p: (".py" not in p.name, str(p)))
    return views[0].relative_to(public).as_posix() if views else None


def run(*args, check=None):
    result = subprocess.run([skillex_bin(), *map(str, args)], capture_output=True, text=True, timeout=900)
    if check is not None and result.returncode != check:
        raise SystemExit(f"skillex {' '.join(map(str, args))}: exit {result.returncode}\n{result.stderr}")
    return result


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="skillex-screens-") as folder:
        public = build_project_site(Path(folder), run)
        server = StaticServer(public)
        driver = chrome()
        try:
            for name, page, theme, size, anchor in SHOTS:
                page = page or file_view(public)
                if page is None or not (public / page.split("?")[0]).exists():
                    print(f"skipped {name}: {page} is not in the site", file=sys.stderr)
                    continue
                driver.set_window_size(*size)
                driver.get(server.url + page)
                driver.execute_script("localStorage.setItem('skillex-theme', arguments[0])", theme)
                driver.get(server.url + page)
                if anchor:
                    driver.execute_script("var e = document.querySelector(arguments[0]); if (e) e.scrollIntoView()", anchor)
                driver.save_screenshot(str(OUT / name))
                print(f"{name}: {(OUT / name).stat().st_size} bytes")
        finally:
            driver.quit()
            server.close()


if __name__ == "__main__":
    main()
