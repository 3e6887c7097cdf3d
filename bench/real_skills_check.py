#!/usr/bin/env python3
"""Checks `skillex sync` against the reference validator skills-ref on a hub of real skills.

Usage:
    python3 bench/real_skills_check.py HUB [--skillex PATH] [--agentskills PATH] [--mode standard|strict|both]

HUB is a folder holding manifest.json whose repositories point at real skill folders. For every
skill folder (a directory directly inside a repository's skills_dir) the script

  (a) runs `agentskills validate <folder>` (skills-ref) and records its verdict and message;
  (b) runs `skillex sync --manifest <copy>/manifest.json --format json` on a fresh copy of the
      hub (without skills/ and .skillex/), once in standard mode and once with --strict;
  (c) compares verdicts: a skill skills-ref accepts must be copied or validated by skillex, one it
      rejects must be reported as an error; every disagreement is listed with both messages and the
      SKILL.md front matter;
  (d) recomputes every checksum skillex wrote into the manifest: SHA-256 over the skill's regular
      files in ascending byte order of their '/'-separated relative paths, feeding for each file the
      path's UTF-8 bytes and then the file's bytes; lowercase hex. Both the source folder and the
      copy under skills/ are hashed.

Standard mode is allowed to differ from skills-ref only on the documented spec-silent cases
(docs/validation.md); each standard-mode disagreement is classified as "documented choice" or
"bug" by looking at the front matter. --strict must agree with skills-ref exactly.

Exit status: 0 when strict mode agrees everywhere, no standard-mode disagreement is a bug and all
checksums match; 1 otherwise; 2 on a usage or setup error. The hub itself is never modified.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SKILLEX = ROOT / ".build" / "debug" / "skillex"
DEFAULT_AGENTSKILLS = ROOT / ".venv" / "bin" / "agentskills"

ALLOWED_FIELDS = {"name", "description", "license", "allowed-tools", "metadata", "compatibility"}
CLAUDE_CODE_FIELDS = {"model", "disable-model-invocation", "argument-hint", "user-invocable",
                      "when_to_use", "hooks", "context", "agent", "version"}


# --------------------------------------------------------------------------- setup

def ensure_tools(skillex: Path, agentskills: Path):
    if not agentskills.exists():
        print(f"setup: {agentskills} missing; running scripts/setup --test", file=sys.stderr)
        subprocess.run(["scripts/setup", "--test"], cwd=ROOT, check=True)
    if not skillex.exists():
        print(f"setup: {skillex} missing; running swift build", file=sys.stderr)
        subprocess.run(["swift", "build"], cwd=ROOT, check=True)
    for tool in (skillex, agentskills):
        if not tool.exists():
            sys.exit(f"setup: {tool} still missing")


def skill_folders(hub: Path, manifest: dict):
    """(repo name, folder name, absolute folder path) for every directory in each skills_dir."""
    out = []
    for repo in manifest.get("repositories", []):
        base = hub / repo["path"] / repo.get("skills_dir", "skills")
        if not base.is_dir():
            continue
        for entry in sorted(os.listdir(base)):
            p = base / entry
            if p.is_dir() and not p.is_symlink():
                out.append((repo["name"], entry, p))
    return out


def fresh_copy(hub: Path, dst: Path) -> Path:
    """Copies the hub without skills/, .skillex/ and anything else sync writes."""
    def ignore(folder, names):
        if Path(folder) == hub:
            return [n for n in names if n in ("skills", ".skillex", "dist", "public")]
        return []
    shutil.copytree(hub, dst, symlinks=True, ignore=ignore)
    return dst


# --------------------------------------------------------------------------- skills-ref

def run_skills_ref(agentskills: Path, folder: Path):
    proc = subprocess.run([str(agentskills), "validate", str(folder)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, errors="replace")
    msg = (proc.stdout + proc.stderr).strip()
    # Drop the folder echo to keep the message short.
    msg = msg.replace(str(folder), "<skill>")
    return proc.returncode == 0, msg


# --------------------------------------------------------------------------- skillex

def run_skillex(skillex: Path, hub_copy: Path, strict: bool):
    cmd = [str(skillex), "sync", "--manifest", str(hub_copy / "manifest.json"), "--format", "json",
           "--clock", "2025-01-01T00:00:00Z", "--log-level", "error"]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          errors="replace")
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"skillex sync did not print JSON (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    verdicts = {}
    for r in report.get("results", []):
        key = (r.get("repo"), r.get("skill"))
        status = r.get("status")
        if status == "failed":
            err = r.get("error") or {}
            findings = [f for f in err.get("findings", []) if f.get("severity", "error") == "error"]
            msg = "; ".join(f"{f.get('rule')}: {f.get('message')}" for f in findings) or err.get("message", "")
            verdicts[key] = (False, msg, [])
        else:
            warns = [f"{w.get('rule')}: {w.get('message')}" for w in r.get("warnings", []) or []]
            verdicts[key] = (True, status, warns)
    # Errors reported only in the summary (e.g. a repository-level failure).
    for e in report.get("summary", {}).get("errors", []):
        key = (e.get("repo"), e.get("skill"))
        if key not in verdicts:
            verdicts[key] = (False, e.get("message", ""), [])
    return proc.returncode, report, verdicts, proc.stderr


# --------------------------------------------------------------------------- checksum

def checksum(folder: Path) -> str:
    files = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            full = os.path.join(dirpath, name)
            if os.path.islink(full):
                target = os.path.realpath(full)
                if not os.path.isfile(target):
                    continue
                read_from = target
            elif os.path.isfile(full):
                read_from = full
            else:
                continue
            rel = os.path.relpath(full, folder).replace(os.sep, "/")
            files.append((os.fsencode(rel), read_from))
    files.sort(key=lambda item: item[0])
    h = hashlib.sha256()
    for rel, path in files:
        h.update(rel)
        with open(path, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


# --------------------------------------------------------------------------- classification

def front_matter(folder: Path) -> str:
    for name in ("SKILL.md", "skill.md"):
        p = folder / name
        if p.exists():
            raw = p.read_bytes()
            text = raw.decode("utf-8", errors="replace")
            lines = text.splitlines()
            if lines and lines[0].lstrip("\ufeff").strip() == "---":
                for i, line in enumerate(lines[1:], start=1):
                    if line.strip() == "---":
                        return "\n".join(lines[: i + 1])
            return "\n".join(lines[:12])
    return "(no SKILL.md)"


def classify(folder: Path, ref_ok: bool, sx_ok: bool, sx_msg: str, warns) -> str:
    """'documented choice' when the front matter shows one of the documented spec-silent cases."""
    p = folder / "SKILL.md"
    if not p.exists():
        return "bug"
    raw = p.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    fm = front_matter(folder)
    top_keys = set(re.findall(r"^([A-Za-z0-9_-]+)\s*:", fm, flags=re.M))
    reasons = []
    if raw.startswith(b"\xef\xbb\xbf"):
        reasons.append("BOM")
    if re.search(r"^[A-Za-z0-9_-]+\s*:\s*[\[{]", fm, flags=re.M):
        reasons.append("YAML flow collection")
    if re.search(r"(:\s*[&*!][^\s])|(^\s*-\s*[&*!])", fm, flags=re.M):
        reasons.append("YAML anchor/alias/tag")
    # '---' inside a quoted value: skills-ref splits on the first two '---' anywhere.
    body_start = text.find("\n---", 3)
    if body_start != -1 and "---" in text[3:body_start]:
        reasons.append("'---' inside a value")
    if top_keys & CLAUDE_CODE_FIELDS and not ((top_keys - ALLOWED_FIELDS) - CLAUDE_CODE_FIELDS):
        reasons.append("Claude Code field(s): " + ", ".join(sorted(top_keys & CLAUDE_CODE_FIELDS)))
    if ref_ok and not sx_ok and "metadata.type" in sx_msg:
        reasons.append("non-mapping metadata")
    if not reasons:
        return "bug"
    # Standard mode accepts the documented cases and rejects only non-mapping metadata.
    if not ref_ok and sx_ok:
        return "documented choice (" + "; ".join(reasons) + ")"
    if ref_ok and not sx_ok and "non-mapping metadata" in reasons:
        return "documented choice (non-mapping metadata)"
    return "bug (" + "; ".join(reasons) + ")"


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hub", type=Path)
    ap.add_argument("--skillex", type=Path, default=DEFAULT_SKILLEX)
    ap.add_argument("--agentskills", type=Path, default=DEFAULT_AGENTSKILLS)
    ap.add_argument("--mode", choices=["standard", "strict", "both"], default="both")
    ap.add_argument("--keep", action="store_true", help="keep the synced hub copies and print where")
    args = ap.parse_args()

    hub = args.hub.resolve()
    manifest_path = hub / "manifest.json"
    if not manifest_path.exists():
        print(f"{manifest_path} not found", file=sys.stderr)
        return 2
    ensure_tools(args.skillex, args.agentskills)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    folders = skill_folders(hub, manifest)
    if not folders:
        print("no skill folders found", file=sys.stderr)
        return 2

    # (a) skills-ref
    ref = {}
    for repo, name, path in folders:
        ref[(repo, name)] = run_skills_ref(args.agentskills, path)
    paths = {(repo, name): path for repo, name, path in folders}

    modes = ["standard", "strict"] if args.mode == "both" else [args.mode]
    work = Path(tempfile.mkdtemp(prefix="real-skills-check-"))
    failed = False
    per_mode = {}
    for mode in modes:
        copy = fresh_copy(hub, work / mode)
        rc, report, sx, stderr = run_skillex(args.skillex, copy, strict=(mode == "strict"))
        per_mode[mode] = (copy, rc, report, sx)

    # Summary table per repository
    print("\n## Verdicts\n")
    header = "| repository | skills | skills-ref ok | skills-ref rejected |"
    for mode in modes:
        header += f" skillex {mode} ok | skillex {mode} rejected | {mode} disagreements |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    repos = sorted({r for r, _ in ref})
    totals = None
    for repo in repos + ["**total**"]:
        keys = [k for k in ref if repo == "**total**" or k[0] == repo]
        row = [repo, len(keys), sum(ref[k][0] for k in keys), sum(not ref[k][0] for k in keys)]
        for mode in modes:
            sx = per_mode[mode][3]
            ok = sum(1 for k in keys if sx.get(k, (False,))[0])
            row += [ok, len(keys) - ok, sum(1 for k in keys if sx.get(k, (False,))[0] != ref[k][0])]
        print("| " + " | ".join(str(c) for c in row) + " |")

    # Disagreements
    for mode in modes:
        copy, rc, report, sx = per_mode[mode]
        print(f"\n## Disagreements, {mode} mode (skillex exit {rc})\n")
        extra = sorted(k for k in sx if k not in ref)
        n = 0
        for key in sorted(ref):
            ref_ok, ref_msg = ref[key]
            if key not in sx:
                n += 1
                failed = True
                print(f"- {key[0]}/{key[1]!r}: skillex did not report this skill at all; "
                      f"skills-ref: {'valid' if ref_ok else ref_msg}")
                continue
            sx_ok, sx_msg, warns = sx[key]
            if sx_ok == ref_ok:
                continue
            n += 1
            kind = "bug (strict must equal skills-ref)" if mode == "strict" else \
                classify(paths[key], ref_ok, sx_ok, sx_msg, warns)
            if kind.startswith("bug"):
                failed = True
            print(f"- {key[0]}/{key[1]!r} — {kind}")
            print(f"  - skills-ref: {'valid' if ref_ok else 'invalid'}: {ref_msg}")
            print(f"  - skillex {mode}: {'valid (' + sx_msg + ')' if sx_ok else 'invalid: ' + sx_msg}"
                  + (f"; warnings: {'; '.join(warns)}" if warns else ""))
            print("  - front matter:")
            for line in front_matter(paths[key]).splitlines():
                print("        " + line)
        for key in extra:
            n += 1
            failed = True
            print(f"- {key}: reported by skillex but not a skill folder here: {sx[key]}")
        if n == 0:
            print("none")

    # (d) checksums
    print("\n## Checksums\n")
    for mode in modes:
        copy, rc, report, sx = per_mode[mode]
        written = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
        repo_paths = {r["name"]: (r["path"], r.get("skills_dir", "skills")) for r in written["repositories"]}
        entries = written.get("skills", [])
        ok = bad = 0
        for entry in entries:
            # target_path is v0.1's `<repo>/<skill>` (relative to skills/); older manifests hold
            # `skills/<repo>/<skill>` (relative to the hub).
            parts = [p for p in entry["target_path"].split("/") if p not in ("", ".")]
            target = copy / "skills" / entry["target_path"] if len(parts) == 2 else copy / entry["target_path"]
            folder = Path(entry["target_path"]).name
            rpath, sdir = repo_paths[entry["source_repo"]]
            source = copy / rpath / sdir / folder
            got_src, got_dst = checksum(source), checksum(target)
            if got_src == entry["checksum"] == got_dst:
                ok += 1
            else:
                bad += 1
                failed = True
                print(f"- {mode}: {entry['source_repo']}/{folder!r}: manifest {entry['checksum']}, "
                      f"source {got_src}, copy {got_dst}")
        accepted = sum(1 for v in sx.values() if v[0])
        print(f"- {mode}: {len(entries)} manifest entries for {accepted} accepted skills; "
              f"{ok} checksums match, {bad} differ")
        if len(entries) != accepted:
            failed = True
            print(f"  - entry count differs from accepted skills")

    if args.keep:
        print(f"\nsynced copies kept under {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print("\nresult:", "DISAGREEMENT" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
