#!/usr/bin/env python3
"""Search quality: the site's own search against Pagefind, over the same built site.

    bench/search_quality.py [--skillex PATH]

Builds the example hub with the repository's cookbook and roadmap (a copy of the git-tracked
files, plus the hand-made stage files the site tests use, so gates show) into public/, runs Pagefind (PyPI `pagefind-bin`) over that public/,
serves it on loopback and drives headless Chromium through each of QUERIES twice: typed into
our search page (`search.html?q=…`, top 3 result links) and passed to Pagefind's JS API
(`pagefind.search(q)`, top 3 result URLs). A query is a hit when the page a user expects is among
the top 3; a file page of the expected skill (`…/files/SKILL.md.html`) counts as that skill.
Index size is the bytes of each index's data files, each recompressed with gzip -9 (Pagefind
ships its files gzipped; they are inflated first so both sides are compressed the same way);
the search code (our search.js; Pagefind's JS and WebAssembly) is reported beside it.
"""
import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "Python"))
from browser import chrome  # noqa: E402
from site_fixtures import add_stage_files  # noqa: E402

CLOCK = "2025-10-03T12:00:00Z"
SKILL = "skills/{}/index.html"
# (query, the page a user expects): skill names, words only in SKILL.md bodies or references,
# cookbook topics, reference fields.
QUERIES = [
    ("pdf-report", SKILL.format("platform-tools/pdf-report")),
    ("csv cleanup", SKILL.format("data-team/csv-cleanup")),
    ("sql review", SKILL.format("data-team/sql-review")),
    ("incident", SKILL.format("platform-tools/incident-triage")),
    ("kubernetes", SKILL.format("platform-tools/k8s-rollout")),
    ("release notes", SKILL.format("platform-tools/release-notes")),
    ("style guide", SKILL.format("docs-guild/style-guide")),
    ("openapi", SKILL.format("docs-guild/api-reference")),
    ("dashboard audit", SKILL.format("data-team/dashboard-audit")),
    ("stakeholder", SKILL.format("platform-tools/pdf-report")),
    ("composite indexes", SKILL.format("data-team/sql-review")),
    ("explain analyze", SKILL.format("data-team/sql-review")),
    ("delimiter encoding", SKILL.format("data-team/csv-cleanup")),
    ("snake_case headers", SKILL.format("data-team/csv-cleanup")),
    ("SEV1 outage", SKILL.format("platform-tools/incident-triage")),
    ("on-call rotation", SKILL.format("platform-tools/incident-triage")),
    ("conventional commits", SKILL.format("platform-tools/release-notes")),
    ("changelog", SKILL.format("platform-tools/release-notes")),
    ("rollback", SKILL.format("platform-tools/k8s-rollout")),
    ("sentence case", SKILL.format("docs-guild/style-guide")),
    ("e-mail", SKILL.format("docs-guild/style-guide")),
    ("misleading axes", SKILL.format("data-team/dashboard-audit")),
    ("stale panels", SKILL.format("data-team/dashboard-audit")),
    ("printable summary", SKILL.format("platform-tools/pdf-report")),
    ("endpoint parameters", SKILL.format("docs-guild/api-reference")),
    ("webhook delivery", "cookbook/45-distribution-and-webhooks.html"),
    ("migrating from v0.1", "cookbook/70-migrating-from-v0.1.html"),
    ("target_path", "reference/manifest.html"),
    ("run_id", "reference/events.html"),
    ("roadmap", "roadmap.html"),
]

PROBE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body></body></html>"""


def skillex_bin(given):
    if given:
        return given
    return subprocess.check_output(["swift", "build", "--show-bin-path"], cwd=ROOT, text=True).strip() + "/skillex"


def build_site(binary, work: Path) -> Path:
    """The project's site as test_site.py builds it: the example hub, whose manifest takes the
    repository's docs/cookbook and roadmap, from a copy of the git-tracked files."""
    files = subprocess.check_output(["git", "ls-files", "examples/hub", "docs"], cwd=ROOT, text=True).split()
    for name in files:
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    hub = work / "examples" / "hub"
    manifest = str(hub / "manifest.json")
    env = dict(os.environ, NO_COLOR="1")
    subprocess.run([binary, "build", "--manifest", manifest, "--clock", CLOCK], env=env, capture_output=True)
    add_stage_files(hub)
    subprocess.run([binary, "site", "--manifest", manifest, "--clock", CLOCK], env=env, capture_output=True, check=True)
    return hub / "public"


def normalise(url: str) -> str:
    """A site path without origin, leading slash or final `index.html`."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "://" in url else path
    path = path.split("?")[0].split("#")[0].lstrip("/")
    return path[: -len("index.html")] if path.endswith("index.html") else path


def is_hit(found, expected):
    want = normalise(expected)
    for url in found:
        got = normalise(url)
        if got == want or (want.startswith("skills/") and got.startswith(want + "files/")):
            return True
    return False


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def inflate(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except OSError:
        return data


def our_sizes(public: Path):
    data = [public / "search-index.js", *sorted((public / "search").glob("*.js"))]
    return (sum(gz_size(p.read_bytes()) for p in data), len(data),
            gz_size((public / "assets/search.js").read_bytes()))


def pagefind_sizes(bundle: Path):
    data, code = [], []
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        if path.suffix in (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter") or path.name == "pagefind-entry.json":
            data.append(path)
        elif path.name in ("pagefind.js", "pagefind-worker.js") or path.suffix == ".pagefind":
            code.append(path)
    return (sum(gz_size(inflate(p.read_bytes())) for p in data), len(data),
            sum(gz_size(inflate(p.read_bytes())) for p in code))


def serve(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def ours(browser, base, query):
    from selenium.webdriver.common.by import By
    from urllib.parse import quote
    browser.get(f"{base}/search.html?q={quote(query)}")
    deadline = time.monotonic() + 10
    while not browser.find_element(By.ID, "search-status").text and time.monotonic() < deadline:
        time.sleep(0.05)
    return [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results a.result")][:3]


def pagefind(browser, base, query):
    browser.get(f"{base}/pagefind-probe.html")
    browser.set_script_timeout(30)
    return browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/pagefind/pagefind.js').then(async (pf) => {
            const found = await pf.search(arguments[0]);
            const top = await Promise.all(found.results.slice(0, 3).map((r) => r.data()));
            done(top.map((d) => d.url));
        }).catch((e) => done(['error: ' + e]));""", query)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skillex", help="the binary (default: the debug build)")
    parser.add_argument("--verbose", action="store_true", help="print each query's top 3")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        public = build_site(skillex_bin(args.skillex), Path(tmp))
        pages = sum(1 for _ in public.rglob("*.html"))
        subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(public), "--quiet"], check=True)
        (public / "pagefind-probe.html").write_text(PROBE)
        server = serve(public)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = chrome()
        hits = {"SkillEx search": 0, "Pagefind": 0}
        try:
            for query, expected in QUERIES:
                for name, run in (("SkillEx search", ours), ("Pagefind", pagefind)):
                    found = run(browser, base, query)
                    hit = is_hit(found, expected)
                    hits[name] += hit
                    if args.verbose or not hit:
                        print(f"{'hit ' if hit else 'MISS'} {name:14} {query!r:26} want {expected}; got {[normalise(u) for u in found]}",
                              file=sys.stderr)
        finally:
            browser.quit()
            server.shutdown()
        ours_data, ours_files, ours_code = our_sizes(public)
        pf_data, pf_files, pf_code = pagefind_sizes(public / "pagefind")
    version = subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{len(QUERIES)} queries over the example hub's site ({pages} HTML pages); {version}")
    print("| search | top-3 hit rate | index data (gzip -9) | data files | search code (gzip -9) |")
    print("| --- | --- | --- | --- | --- |")
    n = len(QUERIES)
    print(f"| SkillEx search | {hits['SkillEx search']}/{n} ({100 * hits['SkillEx search'] / n:.0f}%) | {ours_data:,} B | {ours_files} | {ours_code:,} B |")
    print(f"| Pagefind | {hits['Pagefind']}/{n} ({100 * hits['Pagefind'] / n:.0f}%) | {pf_data:,} B | {pf_files} | {pf_code:,} B |")
    print(json.dumps({"queries": n, "ours": {"hits": hits["SkillEx search"], "data_bytes": ours_data},
                      "pagefind": {"hits": hits["Pagefind"], "data_bytes": pf_data}}))


if __name__ == "__main__":
    main()
