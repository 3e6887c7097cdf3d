"""Checks of the site the adversarial corpus's site cases build (active-content, long-names,
slug-twins): what `public/` holds for them, read from the files, after every command ran."""
import html.parser
import json
import posixpath
from pathlib import Path

from adversarial_support import active_content, generate

# Suffixes a browser may run or render as a document when a server sends the file as itself.
ACTIVE_SUFFIXES = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".mht",
                   ".mhtml", ".js", ".mjs", ".cjs", ".pdf", ".php", ".swf", ".wasm", ".hta", ".jsp", ".asp"}
CSP = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' https:; "
       "script-src 'self'; style-src 'self'; style-src-attr 'unsafe-hashes' "
       "'sha256-6l+tpow5lGPV0MHWZlDv8nD7HrL77FGFldqQ7zc5gxY=' 'sha256-Y9v1MZrln1N8aPBY5lmpxYKwFkcp/nyBMMEnn7WFjuw=' "
       "'sha256-i0JPB0qmRu5AViJTxOIzqXnfGoiWFw+oNAm4uJd7ZQk='; object-src 'none'; base-uri 'none'; form-action 'self'\">")
# The single-file release report (its style is inline; it runs no script at all).
REPORT_CSP = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
              "img-src 'self' https:; base-uri 'none'; form-action 'none'\">")


class Links(html.parser.HTMLParser):
    """(tag, attribute, value, link text) for every href and src of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.open = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append([tag, name, value, ""])
                if tag == "a":
                    self.open = self.links[-1]

    def handle_data(self, data):
        if self.open is not None:
            self.open[3] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self.open = None


def links(page: Path):
    parser = Links()
    parser.feed(page.read_text())
    return parser.links


def target(page: Path, value: str) -> Path:
    """The file a relative link of `page` points at."""
    path = value.split("#")[0]
    return Path(posixpath.normpath(str(page.parent / path)))


def check_every_page_has_the_policy(public: Path):
    pages = sorted(public.rglob("*.html"))
    assert pages
    missing = [str(p.relative_to(public)) for p in pages
               if (REPORT_CSP if p.relative_to(public) == Path("report.html") else CSP) not in p.read_text()]
    assert missing == [], f"pages without the Content-Security-Policy: {missing[:5]}"


def check_active_content(arena):
    public = arena.ws / "public"
    folder = public / "skills" / "adv" / "active-content"
    synced = arena.ws / "skills" / "adv" / "active-content"
    assert active_content(public) == []
    check_every_page_has_the_policy(public)
    made = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        suffix = path.suffix.lower()
        if relative.parts[0] == "raw":
            assert suffix == ".txt" or suffix in {".png"}, f"raw copy kept an active name: {relative}"
        elif suffix == ".html":
            # The skill's page, file views (`files/`) and Markdown sources (`source/`, issue #19).
            assert relative == Path("index.html") or relative.parts[0] in ("files", "source"), relative
            assert CSP in path.read_text(), f"{relative} is not a page SkillEx made"
        assert suffix not in ACTIVE_SUFFIXES - {".html"}, f"{relative} would run in a browser"
        made.append(relative)
    # Each linked file: a text page showing its source escaped, and a plain-text copy of its bytes.
    for sub in ("references", "assets", "scripts"):
        for name in generate.ACTIVE_FILES:
            original = (synced / sub / name).read_bytes()
            if name == "fake.png":
                assert (folder / "raw" / sub / name).read_bytes() == original
                continue
            assert (folder / "raw" / sub / f"{name}.txt").read_bytes() == original, f"{sub}/{name}"
            page = (folder / "files" / sub / f"{name}.html").read_text()
            assert "&lt;script" in page or "&lt;?" in page or "<script" not in original.decode(), f"{sub}/{name}"
            assert "<script>alert(" not in page
        assert (folder / "raw" / sub / "blob.bin.txt").read_bytes() == (synced / sub / "blob.bin").read_bytes()
    # SKILL.md's links go to those pages; images to the copies; SKILL.md itself to the skill's page.
    index = folder / "index.html"
    by_text = {text.strip(): value for tag, name, value, text in links(index) if tag == "a"}
    assert by_text["references/page.html"] == "files/references/page.html.html"
    assert by_text["assets/blob.bin"] == "raw/assets/blob.bin.txt"
    assert by_text["self"] == "index.html"
    sources = {value for tag, name, value, _ in links(index) if tag == "img"}
    assert "raw/assets/image.svg.txt" in sources and "raw/assets/fake.png" in sources
    for tag, name, value, _ in links(index):
        if "://" not in value and not value.startswith("#"):
            assert target(index, value).exists(), f"{value} points at nothing"
    guide = {text.strip(): value for tag, _, value, text in links(folder / "files/references/guide.md.html")}
    assert guide["the page"] == "page.html.html" and guide["the script"] == "../scripts/tool.js.html"
    assert guide["the skill"] == "../../index.html"


def check_long_names(arena):
    public = arena.ws / "public"
    folder = public / "skills" / "adv" / "long-names"
    for path in folder.rglob("*"):
        assert len(path.name.encode()) <= 160, f"{path.name[:40]}…: {len(path.name.encode())} bytes"
    index = folder / "index.html"
    pointed = [value for _, _, value, _ in links(index) if "files/" in value or "raw/" in value]
    assert len(pointed) >= 4, pointed
    for value in pointed:
        assert target(index, value).is_file(), value
    # The next build rewrites those pages in place (a temp name beside each): still fine.
    source = arena.skills_src / "long-names" / ("m" * 250 + ".md")
    source.write_text("# A long name\n\nEdited.\n")
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    rebuilt = arena.cli("site", "--manifest", "manifest.json", "--format", "json").json()
    assert rebuilt["written"] >= 1
    page = next(v for _, _, v, text in links(index) if text.strip() == "md")
    assert "Edited." in target(index, page).read_text()
    # `build` (sync, score, package, site) ends with its JSON summary too.
    built = arena.cli("build", "--manifest", "manifest.json", "--format", "json", codes=(0, 1))
    assert json.loads(built.stdout)


def check_slug_twins(arena):
    folder = arena.ws / "public" / "skills" / "adv" / "slug-twins"
    index = folder / "index.html"
    body = [(text.strip(), value) for tag, _, value, text in links(index) if tag == "a" and text.strip() in generate.SLUG_TWINS]
    # Each twin is linked twice (body and file list), both times to its own page.
    pages = {}
    for text, value in body:
        pages.setdefault(text, set()).add(value)
    assert set(pages) == set(generate.SLUG_TWINS)
    assert all(len(values) == 1 for values in pages.values()), pages
    hrefs = [next(iter(values)) for values in pages.values()]
    assert len(set(hrefs)) == len(hrefs), f"two files share a page: {pages}"
    for name, values in pages.items():
        assert f"I am '{name}'." in target(index, next(iter(values))).read_text(), name
