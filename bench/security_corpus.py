#!/usr/bin/env python3
"""Precision and recall of three security scanners on the labelled corpus (Tests/SecurityCorpus).

    .venv/bin/python bench/security_corpus.py [--binary PATH] [--only skillex] [--write-doc]

The corpus is materialised into a temp folder (planted secrets filled in at run time), then
scanned by:
  - `skillex scan` (this repository's binary; flagged = at least one finding);
  - cisco-ai-skill-scanner 2.x, static analyzers only (`skill-scanner scan-all`, no --use-llm,
    no --use-behavioral; flagged = the tool's own verdict `is_safe: false`);
  - skillsaw, its security rules only (invisible unicode, hidden instructions, embedded secrets,
    encoded payloads, dangerous hooks/settings, dynamic context; flagged = any violation).
The two Python tools are not test requirements: install them into the venv for this bench with
`.venv/bin/pip install cisco-ai-skill-scanner skillsaw`. Prints a Markdown table; with
--write-doc it replaces the table between the markers in docs/security-scanning.md.
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "SecurityCorpus"))
import corpus  # noqa: E402

SKILLSAW_RULES = [
    "security-invisible-unicode", "security-hidden-instructions", "content-embedded-secrets",
    "security-encoded-payload", "security-dynamic-context", "hooks-dangerous", "claude-settings-dangerous",
]
BEGIN, END = "<!-- security-corpus:begin -->", "<!-- security-corpus:end -->"


def skillex(binary, base, names):
    """(kind, name) -> flagged, from one `skillex scan --format json` per kind."""
    out = {}
    for kind in corpus.KINDS:
        run = subprocess.run([binary, "scan", str(base / kind), "--format", "json"], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"skillex scan failed ({run.returncode}): {run.stderr[-400:]}")
        for skill in json.loads(run.stdout)["skills"]:
            out[(kind, pathlib.Path(skill["path"]).name)] = bool(skill["findings"])
    return out


def cisco(base, names):
    tool = shutil.which("skill-scanner") or str(ROOT / ".venv" / "bin" / "skill-scanner")
    out = {}
    for kind in corpus.KINDS:
        report = base / f"cisco-{kind}.json"
        subprocess.run([tool, "scan-all", str(base / kind), "--format", "json", "--output-json", str(report)],
                       capture_output=True, text=True)
        data = json.loads(report.read_text())
        results = data.get("results", data) if isinstance(data, dict) else data
        for result in results:
            out[(kind, pathlib.Path(result["skill_path"]).name)] = not result.get("is_safe", True)
    return out


def skillsaw(base, names):
    tool = shutil.which("skillsaw") or str(ROOT / ".venv" / "bin" / "skillsaw")
    out = {key: False for key in names}
    for kind in corpus.KINDS:
        paths = [str(base / kind / name) for (k, name) in names if k == kind]
        rules = [arg for rule in SKILLSAW_RULES for arg in ("--rule", rule)]
        run = subprocess.run([tool, "lint", "--format", "json", "--no-progress", *rules, *paths],
                             capture_output=True, text=True, cwd=base)
        for violation in json.loads(run.stdout)["violations"]:
            # Paths are relative to the paths' common folder: the skill's name is a component.
            for part in pathlib.PurePath(violation.get("file_path") or "").parts[:-1]:
                if (kind, part) in out:
                    out[(kind, part)] = True
                    break
    return out


def measure(flags, labels):
    tp = sum(1 for (kind, name) in labels if kind == "malicious" and flags.get((kind, name)))
    fn = sum(1 for (kind, name) in labels if kind == "malicious" and not flags.get((kind, name)))
    fp = sum(1 for (kind, name) in labels if kind == "benign" and flags.get((kind, name)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fn": fn, "fp": fp, "precision": precision, "recall": recall}


def table(results, labels):
    malicious = sum(1 for key in labels if key[0] == "malicious")
    lines = [f"Corpus: {malicious} malicious or unsafe skills, {len(labels) - malicious} benign look-alikes.", "",
             "| scanner | mode | flagged malicious (TP) | missed (FN) | flagged benign (FP) | precision | recall | time |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for name, mode, m, seconds in results:
        lines.append(f"| {name} | {mode} | {m['tp']} | {m['fn']} | {m['fp']} | {m['precision']:.1%} | {m['recall']:.1%} | {seconds:.1f} s |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "skillex"))
    ap.add_argument("--only", choices=["skillex"])
    ap.add_argument("--write-doc", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="security-corpus-") as temp:
        base = pathlib.Path(temp)
        labels = corpus.materialise(base)
        tools = [("skillex scan", "built-in rules", lambda: skillex(args.binary, base, labels))]
        if not args.only:
            tools += [("cisco-ai-skill-scanner 2.3.2", "static analyzers (no LLM)", lambda: cisco(base, labels)),
                      ("skillsaw 0.22.0", "security rules", lambda: skillsaw(base, labels))]
        results = []
        for name, mode, run in tools:
            start = time.monotonic()
            flags = run()
            results.append((name, mode, measure(flags, labels), time.monotonic() - start))
            misses = sorted(f"{k}/{n}" for (k, n) in labels if flags.get((k, n)) != (k == "malicious"))
            print(f"{name}: wrong on {len(misses)}: {', '.join(misses)}", file=sys.stderr)
    text = table(results, labels)
    print(text)
    if args.write_doc:
        doc = ROOT / "docs" / "security-scanning.md"
        body = doc.read_text()
        start, end = body.index(BEGIN) + len(BEGIN), body.index(END)
        doc.write_text(body[:start] + "\n" + text + "\n" + body[end:])


if __name__ == "__main__":
    main()
