"""The adversarial skill corpus (Tests/Adversarial): every hostile case gives a clear error or a safe
result, in bounded time and memory, and nothing outside the workspace is read or written.

Each case lays out a temp arena:

    <tmp>/outside/canary.txt      content that must never appear in any output
    <tmp>/ws/manifest.json        one repository, repos/adv/skills/{good,<case>}
    <tmp>/ws/evil/                a hostile dist/ for `skillex pull` (zip cases)

and runs the commands that read skills (`validate`, `sync`, `score`, `package`, `site`, `report`, `pull`).
Every child runs under a 10-second deadline and its peak RSS (from wait4) must stay under 1 GiB;
a signal (a Swift trap is SIGILL/SIGTRAP) fails the case.
"""
import json
from pathlib import Path

import pytest

from adversarial_support import CORPUS, Arena, active_content, generate, snapshot
import site_checks
from browser import chrome


@pytest.fixture
def arena(tmp_path):
    return Arena(tmp_path)


def sync_errors(run, case):
    report = run.json()
    return [e for e in report["summary"]["errors"] if e.get("skill") == case]


# --- skill cases -------------------------------------------------------------------------------

# case -> (substring the one-line error must contain, or None when the skill is accepted;
#          validate's expected exit codes)
SKILL_CASES = {
    "fifo-skill-md": ("SKILL.md is a FIFO", (1,)),
    "fifo-link": ("leads to a FIFO", (0,)),
    "non-utf8-name": ("report-\\xFF\\xFE.md: file name is not valid UTF-8", (0,)),
    "symlink-passwd": ("passwd", (0,)),
    "symlink-updir": ("up", (0,)),
    "symlink-canary": ("canary.txt", (0,)),
    "symlink-loop": ("loop", (0,)),
    "skillmd-symlink": ("SKILL.md", (1,)),
    "linked-folder": ("linked-folder", (0, 1)),
    "dotdot-names": (None, (0,)),
    "dotdot..folder": ("dotdot..folder", (0, 1)),
    "yaml-billion-laughs": ("SKILL.md", (1,)),
    "yaml-deep-flow": ("SKILL.md", (1,)),
    "yaml-deep-block": ("SKILL.md", (1,)),
    "frontmatter-10mb": ("SKILL.md", (1,)),
    "html-injection": (None, (0,)),
    "hostile-names": (None, (0,)),
    "bidi-name": ("invoice", (0,)),
    "case-twins": ("readme.md", (0,)),
    "nfc-twins": ("caf", (0,)),
    "hard-link": (None, (0,)),
    "big-file": ("data.bin", (0,)),
    "many-files": ("many-files", (0,)),
    "deep-nesting": ("deep-nesting", (0,)),
    "huge-skill-md": ("SKILL.md", (0, 1)),
    "quadratic-markdown": (None, (0,)),
    "terminal-escapes": ("terminal-escapes", (1,)),
    "active-content": (None, (0,)),
    "long-names": (None, (0,)),
    "slug-twins": (None, (0,)),
}


@pytest.mark.parametrize("case", list(SKILL_CASES))
def test_hostile_skill(arena, case):
    needle, validate_codes = SKILL_CASES[case]
    arena.add(case)
    arena.freeze()
    source = arena.skills_src / case
    validated = arena.cli("validate", source, "--format", "json", codes=validate_codes)
    if validated.returncode == 1:
        findings = [f for s in validated.json()["skills"] for f in s["findings"] if f["severity"] == "error"]
        assert findings and all("\n" not in f["message"] for f in findings), validated.stdout
        assert any("SKILL.md" in f["file"] for f in findings), findings

    synced = arena.cli("sync", "--manifest", "manifest.json", "--format", "json", codes=(0,) if needle is None else (1,))
    copied = {r["skill"]: r["status"] for r in synced.json()["results"]}
    assert copied.get("good") == "copied", "one hostile skill must not stop the others"
    if needle is None:
        assert copied.get(case) == "copied", synced.stdout
    else:
        errors = sync_errors(synced, case)
        assert errors, synced.stdout
        line = f"{errors[0]['path']}: {errors[0]['message']}"  # as `sync --format text` prints it
        assert "\n" not in line and needle in line, line
        assert not (arena.ws / "skills" / "adv" / case).exists(), "a refused skill must leave nothing in skills/"

    arena.cli("score", "--manifest", "manifest.json", "--format", "json", codes=(0, 1))
    arena.cli("package", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    # The release report lands in public/, so the case checks of the site's pages cover it too.
    arena.cli("report", "--manifest", "manifest.json", "--out", "public/report.html")
    arena.cli("pull", "--from", "dist", "--into", "consumer", "--format", "json")
    assert (arena.ws / "consumer" / "adv" / "good" / "SKILL.md").is_file()
    if needle is None:
        assert (arena.ws / "consumer" / "adv" / case / "SKILL.md").is_file()
    arena.check_untouched()
    CHECKS.get(case, lambda _: None)(arena)


# --- case-specific checks ----------------------------------------------------------------------

def check_html_injection(arena):
    public = arena.ws / "public"
    assert active_content(public) == []
    folder = public / "skills" / "adv" / "html-injection"
    page = (folder / "index.html").read_text()
    assert "<script>alert(" not in page and 'href="javascript:' not in page.lower()
    # Markup in front matter is shown as text, escaped exactly once ...
    assert "&lt;script&gt;alert(&#39;description&#39;)&lt;/script&gt;" in page
    # ... and entities written in it stay visible entities, never markup.
    assert "&amp;lt;script&amp;gt;alert(&#39;entity&#39;)&amp;lt;/script&amp;gt;" in page
    # In the Markdown body an entity decodes to a character, which is escaped again.
    assert "&lt;script&gt;alert('numeric')&lt;/script&gt;" in page
    notes = list(folder.rglob("notes*.html"))
    assert notes and all("<script>alert(" not in p.read_text() for p in notes)
    for data in [public / "search-index.js", *sorted((public / "search").glob("*.js"))]:
        text = data.read_text().strip().rstrip(";")
        assert "<script" not in text.lower() and "</" not in text, f"{data.name} must not close a script"
        # Each file is an assignment of, or one call with, JSON values.
        if text.startswith("window.SKILLEX_SEARCH_INDEX="):
            assert json.loads(text[len("window.SKILLEX_SEARCH_INDEX="):])
        else:
            assert text.startswith("skillexSearch(") and text.endswith(")")
            assert json.loads("[" + text[len("skillexSearch("):-1] + "]")


def check_hostile_names(arena):
    public = arena.ws / "public"
    assert active_content(public) == []
    synced = arena.ws / "skills" / "adv" / "hostile-names"
    assert (synced / "\"><img src=x onerror=alert('name')>.md").is_file()
    page = (public / "skills" / "adv" / "hostile-names" / "index.html").read_text()
    assert "&lt;img src=x onerror=alert(" in page, "file names must be listed as escaped text"


def check_hard_link(arena):
    copy = arena.ws / "skills" / "adv" / "hard-link" / "shared.txt"
    original = arena.outside / "hardlink-target.txt"
    assert copy.read_text() == original.read_text()
    assert copy.stat().st_ino != original.stat().st_ino and copy.stat().st_nlink == 1, "a copy, never a link"


def check_dotdot_names(arena):
    synced = arena.ws / "skills" / "adv" / "dotdot-names"
    assert sorted(p.name for p in synced.iterdir()) == ["...", "..hidden", "..notes.md", "SKILL.md", "a..b.md"]
    consumer = arena.ws / "consumer" / "adv" / "dotdot-names"
    assert (consumer / "..hidden" / "x..md").read_text() == "x\n"


def check_quadratic_markdown(arena):
    page = next((arena.ws / "public" / "skills" / "adv" / "quadratic-markdown").rglob("big.md.html"))
    text = page.read_text()
    assert 'class="too-large"' in text
    assert "Some **bold** text" in text, "an over-size page is shown as its plain text"


# What must never reach a terminal raw: C0 controls other than tab and line feed, DEL, C1
# controls, and the bidirectional controls.
RAW_CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"] + [chr(c) for c in range(0x7F, 0xA0)] + [
    "\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]


def check_terminal_escapes(arena):
    """Names, descriptions, validator findings, log lines and events reach the terminal escaped."""
    source = arena.skills_src / "terminal-escapes"
    runs = [
        arena.cli("validate", source, "--format", "text", codes=(1,)),
        arena.cli("validate", source, "--format", "json", codes=(1,)),
        arena.cli("sync", "--manifest", "manifest.json", "--format", "text", "--force", "--log-level", "debug", codes=(1,)),
        arena.cli("sync", "--manifest", "manifest.json", "--format", "text", "--log-format", "json", "--log-level", "debug", codes=(1,)),
        arena.cli("events", "--manifest", "manifest.json", "--format", "text"),
        arena.cli("events", "--manifest", "manifest.json", "--format", "json"),
    ]
    for run in runs:
        for stream in (run.stdout, run.stderr):
            raw = sorted({f"U+{ord(c):04X}" for c in stream if c in RAW_CONTROLS})
            assert not raw, f"{run.args} printed raw {raw}:\n{stream[-2000:]}"
    text, json_out, synced, _, events, events_json = runs
    assert "\\x1B]0;pwned\\x07\\x1B[2J\\x9B31m\\u202Eevil" in text.stdout, text.stdout
    assert "\\x1B[2J" in synced.stdout and "\\x1B[2J" in synced.stderr, "text report and log lines, escaped"
    assert "\\x1B[2J" in events.stdout
    # JSON stays JSON: the escapes are JSON's own and decode to the original characters.
    name = json_out.json()["skills"][0]["findings"][0]["message"]
    assert "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil" in name
    messages = [(json.loads(line).get("error") or {}).get("message", "") for line in events_json.stdout.splitlines()]
    assert any("\x9b31m\u202eevil" in m for m in messages), events_json.stdout[-2000:]


CHECKS = {
    "terminal-escapes": check_terminal_escapes,
    "active-content": site_checks.check_active_content,
    "long-names": site_checks.check_long_names,
    "slug-twins": site_checks.check_slug_twins,
    "quadratic-markdown": check_quadratic_markdown,
    "html-injection": check_html_injection,
    "hostile-names": check_hostile_names,
    "hard-link": check_hard_link,
    "dotdot-names": check_dotdot_names,
}


@pytest.fixture(scope="module")
def browser():
    driver = chrome(file_access=False)
    yield driver
    driver.quit()


def test_hostile_markup_runs_no_script_in_a_browser(arena, browser):
    from selenium.common.exceptions import NoAlertPresentException
    arena.add("html-injection")
    arena.add("hostile-names")
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    public = arena.ws / "public"
    pages = [public / "index.html", public / "search.html", *sorted((public / "skills" / "adv").rglob("*.html"))]
    assert len(pages) > 6
    for page in pages:
        browser.get(page.as_uri() + ("?q=script" if page.name == "search.html" else ""))
        browser.execute_script("return document.readyState")
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert  # noqa: B018 - raises unless a script opened a dialog
        for link in browser.find_elements("css selector", "a[href], img[src]"):
            url = (link.get_attribute("href") or link.get_attribute("src") or "").lower()
            assert not url.startswith(("javascript:", "data:", "vbscript:")), f"{page.name}: {url}"


def test_big_file_with_a_raised_limit_streams_in_bounded_memory(arena):
    arena.write_manifest(limits={"max_file_bytes": 256 << 20})
    arena.add("big-file")
    arena.freeze()
    synced = arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    assert {r["skill"]: r["status"] for r in synced.json()["results"]}["big-file"] == "copied"
    assert (arena.ws / "skills" / "adv" / "big-file" / "data.bin").stat().st_size == 200 * 1000 * 1000
    arena.cli("score", "--manifest", "manifest.json", "--format", "json", codes=(0, 1))
    arena.cli("package", "--manifest", "manifest.json", "--format", "json")
    arena.cli("site", "--manifest", "manifest.json", "--format", "json")
    refused = arena.cli("pull", "--from", "dist", "--into", "consumer", codes=(1,))
    assert "data.bin" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    # 200 MB of zeros deflate 1,000:1: past the ratio bound too, until that is raised as well.
    ratio = arena.cli("pull", "--from", "dist", "--into", "consumer", "--max-file-bytes", str(256 << 20), codes=(1,))
    assert "--max-ratio" in ratio.stderr, ratio.stderr
    arena.cli("pull", "--from", "dist", "--into", "consumer", "--max-file-bytes", str(256 << 20), "--max-ratio", "2000",
              "--format", "json")
    assert (arena.ws / "consumer" / "adv" / "big-file" / "data.bin").stat().st_size == 200 * 1000 * 1000
    arena.check_untouched()


@pytest.mark.parametrize("limits", [{"max_files": 0}, {"max_file_bytes": "big"}, "none"])
def test_bad_limits_section_is_one_line_exit_2(arena, limits):
    arena.write_manifest(limits=limits)
    before = (arena.ws / "manifest.json").read_text()
    result = arena.cli("sync", "--manifest", "manifest.json", codes=(2,))
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "limits" in lines[0], result.stderr
    assert (arena.ws / "manifest.json").read_text() == before and not (arena.ws / "skills").exists()


# --- hostile archives --------------------------------------------------------------------------

ZIP_CASES = {
    "dotdot": "'..'",
    "nested-dotdot": "'..'",
    "absolute": "absolute path",
    "duplicate": "duplicate entry",
    "case-duplicate": "differs only in case",
    "nfc-duplicate": "Unicode normalisation",
    "bomb": "bomb.bin",
    "many-bombs": "skills-pack-1.0.0.zip",
}


@pytest.mark.parametrize("kind", list(ZIP_CASES))
def test_hostile_archive(arena, kind):
    generate.hostile_dist(kind, arena.ws / "evil")
    arena.freeze()
    before = snapshot(arena.ws)
    refused = arena.cli("pull", "--from", "evil", "--into", "consumer", codes=(1,))
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "skills-pack-1.0.0.zip" in lines[0] and ZIP_CASES[kind] in lines[0], refused.stderr
    assert not (arena.ws / "consumer").exists()
    assert snapshot(arena.ws) == before, "a refused pull must write nothing"
    assert not (arena.tmp / "x").exists() and not Path("/abs").exists()
    arena.check_untouched()


# --- hostile report files (scoring reads CI artefacts from the skills' repositories) ----------

def report_cases(canary: Path):
    deep = "[" * 100_000 + "]" * 100_000
    laughs = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    return {
        "cobertura-xxe": ("cobertura", f'''<?xml version="1.0"?>
<!DOCTYPE coverage [<!ENTITY leak SYSTEM "file://{canary}">]>
<coverage><sources><source>&leak;</source></sources><packages><package><classes>
<class filename="&leak;"><lines><line number="1" hits="1"/></lines></class>
</classes></package></packages></coverage>'''),
        "cobertura-laughs": ("cobertura", f'''<?xml version="1.0"?>
<!DOCTYPE coverage [<!ENTITY l0 "lol">{laughs}]>
<coverage><sources><source>&l9;</source></sources></coverage>'''),
        "sarif-deep": ("sarif", '{"version": "2.1.0", "runs": ' + deep + "}"),
        "lcov-overflow": ("lcov", "SF:skills/good/scripts/run.sh\nDA:99999999999999999999999,1\nend_of_record\n"),
        "credo-deep": ("credo", '{"issues": ' + deep + "}"),
    }


@pytest.mark.parametrize("case", ["cobertura-xxe", "cobertura-laughs", "sarif-deep", "lcov-overflow", "credo-deep"])
def test_hostile_report(arena, case):
    kind, text = report_cases(arena.outside / generate.CANARY_NAME)[case]
    report = arena.ws / "repos" / "adv" / f"{case}.report"
    report.write_text(text)
    arena.cli("sync", "--manifest", "manifest.json", "--format", "json")
    arena.freeze()
    scored = arena.cli("score", "--manifest", "manifest.json", "--report", f"{kind}={report}", "--format", "json",
                       codes=(0, 1, 2))
    if scored.returncode == 2:
        lines = scored.stderr.strip().splitlines()
        assert len(lines) == 1 and str(report) in lines[0], scored.stderr
    arena.check_untouched()


# --- secrets in the environment ---------------------------------------------------------------

def test_repository_validator_gets_no_secrets(arena):
    """A validator script may live in the (untrusted) repository: it gets PATH, HOME, LANG, TMPDIR
    and what `validator_env` names, nothing else; in particular not the variables the manifest
    itself names as credentials (`url_env`, `secret_env`, `access_key_env`, `secret_key_env`),
    whose names no secret-looking pattern catches."""
    script = arena.ws / "repos" / "adv" / "tools" / "check.sh"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\nenv\nexit 1\n")
    script.chmod(0o755)
    manifest = json.loads((arena.ws / "manifest.json").read_text())
    manifest["repositories"][0]["validator"] = ["repos/adv/tools/check.sh"]
    manifest["repositories"][0]["validator_env"] = ["PLAIN_MARKER"]
    manifest["webhooks"] = [{"url_env": "SLACK_WEBHOOK_URL", "secret_env": "HOOK_SIGNING"}]
    manifest["storage"] = {"url": "s3://bucket/hub", "access_key_env": "CI_S3_ID", "secret_key_env": "CI_S3_PASS"}
    (arena.ws / "manifest.json").write_text(json.dumps(manifest))
    secrets = {"AWS_SECRET_ACCESS_KEY": "sekrit-aws", "AWS_SESSION_TOKEN": "sekrit-session",
               "GITHUB_TOKEN": "sekrit-github", "HOOK_SECRET": "sekrit-hook", "NPM_AUTH": "sekrit-npm",
               "SLACK_WEBHOOK_URL": "https://hooks.example/sekrit-slack", "HOOK_SIGNING": "sekrit-signing",
               "CI_S3_ID": "sekrit-s3-id", "CI_S3_PASS": "sekrit-s3-pass", "UNNAMED_MARKER": "sekrit-unnamed"}
    synced = arena.cli("sync", "--manifest", "manifest.json", "--format", "json", codes=(1,),
                       env={**secrets, "PLAIN_MARKER": "visible-marker"})
    outputs = [r.get("error", {}).get("output", "") for r in synced.json()["results"]]
    assert any("visible-marker" in o for o in outputs), "the validator's output must be captured"
    seen = {line.split("=", 1)[0] for o in outputs for line in o.splitlines() if "=" in line}
    assert seen <= {"PATH", "HOME", "LANG", "TMPDIR", "PLAIN_MARKER", "PWD", "SHLVL", "_", "OLDPWD"}, seen
    for value in secrets.values():
        assert value not in synced.stdout + synced.stderr
    for path in (arena.ws / ".skillex").rglob("*"):
        if path.is_file():
            assert "sekrit" not in path.read_text(errors="replace"), path


def test_every_generated_case_has_a_test():
    committed = {p.name for p in (CORPUS / "skills").iterdir()}
    assert set(SKILL_CASES) == committed | set(generate.SKILL_CASES)
    assert set(ZIP_CASES) == set(generate.ZIP_KINDS)
