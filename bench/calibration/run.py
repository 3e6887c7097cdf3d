#!/usr/bin/env python3
"""Calibrates SkillEx's scorecard on public skill collections and writes docs/scoring-calibration.md.

    .venv/bin/python bench/calibration/run.py SRC [--skillex PATH] [--work DIR] [--no-tools]
    .venv/bin/python bench/calibration/run.py SRC --review-sheet FILE

SRC holds one folder per repository of bench/calibration/sources.tsv, named `owner+name`, with the
tree of the recorded commit (e.g. `git --git-dir=MIRROR archive COMMIT | tar -x -C SRC/owner+name`).
The skills stay outside this repository: only sources.tsv (repository, commit, cap) and
review.tsv (hand-review verdicts) are tracked.

Each SKILL.md folder of a repository is a skill (a skill inside another skill's folder is part of
that skill). When a repository's `cap` is above 0 and it has more skills, `cap` of them are taken
evenly spaced in path order, so the sample is the same on every run.

The script copies the chosen skills into a temp hub (one hub repository per upstream folder that
holds skills), runs `skillex sync` and `skillex score --fresh` on it, then agentskills-ci and
skillsaw on the same copies, and writes the report: score distribution, admitted/refused at the
hub's threshold, hits per rule, a reviewed sample of up to 20 findings per rule (verdicts from
review.tsv, keyed repo/skill/rule/file/line), the calibration goals, and where the other tools
disagree with SkillEx. `--review-sheet` writes the sample with each flagged line's text instead,
for reviewing; verdicts are then added to review.tsv by hand.
"""
import argparse
import collections
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = 20
TOOLS = ROOT / ".venv" / "bin"  # agentskills-ci, skillsaw, skills-ref (--tools)
THRESHOLD = 70


def read_tsv(path):
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if not row.get("repo", "").startswith("#")]


def discover(folder: Path, cap: int):
    """Skill folders (relative paths) of one repository tree, capped evenly."""
    found = sorted(p.parent.relative_to(folder).as_posix() for p in folder.rglob("SKILL.md")
                   if ".git" not in p.parts and p.is_file())
    outer = []
    for path in found:  # sorted: a parent comes before its children
        if not any(path.startswith(o + "/") for o in outer if o != "."):
            outer.append(path)
    total = len(outer)
    if cap and total > cap:
        outer = [outer[(i * total) // cap] for i in range(cap)]
    return total, outer


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def build_hub(src: Path, hub: Path, sources):
    """Copies the chosen skills into hub/repos/…; returns (manifest path, skill key → origin)."""
    repos, origin, counts = [], {}, {}
    for source in sources:
        tree = src / source["repo"].replace("/", "+")
        if not tree.is_dir():
            sys.exit(f"calibration: {tree} missing; extract {source['repo']} at {source['commit']} there")
        total, chosen = discover(tree, int(source["cap"] or 0))
        counts[source["repo"]] = (total, len(chosen))
        groups = collections.defaultdict(list)
        for rel in chosen:
            groups[rel.rsplit("/", 1)[0] if "/" in rel else "."].append(rel)
        for index, parent in enumerate(sorted(groups)):
            name = slug(source["repo"]) + (f"-{index + 1}" if len(groups) > 1 else "")
            base = hub / "repos" / name / "skills"
            base.mkdir(parents=True)
            for rel in groups[parent]:
                folder = tree / rel
                dirname = folder.name if rel != "." else slug(source["repo"].split("/")[1])
                shutil.copytree(folder, base / dirname, symlinks=True, ignore=shutil.ignore_patterns(".git"))
                origin[(name, dirname)] = (source["repo"], rel)
            repos.append({"name": name, "path": f"repos/{name}", "skills_dir": "skills"})
    manifest = hub / "manifest.json"
    manifest.write_text(json.dumps({
        "version": 1, "generated_at": "2026-01-01T00:00:00Z", "repositories": repos, "skills": [],
        "maintainers": ["calibration"], "scoring": {"threshold": THRESHOLD}}, indent=2))
    return manifest, origin, counts


def run_skillex(binary, manifest):
    env = dict(os.environ, NO_COLOR="1")
    sync = subprocess.run([binary, "sync", "--manifest", str(manifest), "--format", "json"],
                          capture_output=True, text=True, env=env)
    if sync.returncode not in (0, 1):
        sys.exit(f"calibration: sync failed: {sync.stderr[-800:]}")
    score = subprocess.run([binary, "score", "--manifest", str(manifest), "--format", "json", "--fresh"],
                           capture_output=True, text=True, env=env)
    if score.returncode not in (0, 1):
        sys.exit(f"calibration: score failed: {score.stderr[-800:]}")
    return json.loads(sync.stdout), json.loads(score.stdout)


def run_agentskills(skills_dir):
    tool = TOOLS / "agentskills-ci"
    proc = subprocess.run([str(tool), "score", ".", "--format", "json"], capture_output=True, text=True, cwd=skills_dir)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        print(f"calibration: agentskills-ci gave no JSON: {proc.stderr[-300:]}", file=sys.stderr)
        return None


def run_skillsaw(skill_dirs):
    """skillsaw over each hub repository's skills/ folder (one run lints all its skills);
    returns (repo, skill) → violations, or None where skillsaw gave no report."""
    tool = TOOLS / "skillsaw"
    out = {}
    for folder in skill_dirs:
        proc = subprocess.run([str(tool), "lint", ".", "--format", "json", "--no-progress", "--no-color",
                               "--no-plugins", "--no-custom-rules", "--no-baseline"],
                              capture_output=True, text=True, cwd=folder)
        try:
            report = json.loads(proc.stdout)
        except json.JSONDecodeError:
            print(f"calibration: skillsaw gave no JSON for {folder}: {proc.stderr[-300:]}", file=sys.stderr)
            continue
        repo = folder.parent.name
        for skill in folder.iterdir():
            out.setdefault((repo, skill.name), [])
        for violation in report.get("violations", []):
            first = (violation.get("file_path") or "").split("/")[0]
            if (repo, first) in out:
                out[(repo, first)].append(violation)
    return out


# --------------------------------------------------------------------------- findings

def collect(sync, score, origin):
    """One record per skill: origin, score, gate, findings (spec errors of sync included)."""
    skills = {}
    for card in score.get("skills", []):
        repo, skill = origin.get((card["repo"], card["skill"]), (card["repo"], card["skill"]))
        skills[(card["repo"], card["skill"])] = {
            "repo": repo, "skill": skill, "score": card["score"], "gate": card["gate"], "path": card["path"],
            "findings": [{"rule": f["rule"], "severity": f["severity"], "file": f.get("file") or "",
                          "line": f.get("line") or 0, "message": f["message"]} for f in card["findings"]]}
    for result in sync.get("results", []):
        key = (result["repo"], result["skill"])
        if result["status"] != "failed" or key in skills:
            continue
        repo, skill = origin.get(key, key)
        issue = result.get("error") or {}
        findings = [{"rule": "spec", "severity": f.get("severity", "error"), "file": "SKILL.md", "line": 0,
                     "message": f.get("message", "")} for f in issue.get("findings") or []]
        if not findings:
            findings = [{"rule": "spec", "severity": "error", "file": "SKILL.md", "line": 0,
                         "message": issue.get("message", "sync failed")}]
        skills[key] = {"repo": repo, "skill": skill, "score": None, "gate": "refused (sync)", "path": None,
                       "findings": findings, "folder": f"repos/{key[0]}/skills/{key[1]}"}
    return skills


def reference_check(hub, skills):
    """For every skill sync refused, whether skills-ref (the specification's reference
    validator, `agentskills validate`) rejects it too: its spec findings are then confirmed."""
    tool = TOOLS / "agentskills"
    for record in skills.values():
        if record["score"] is None:
            proc = subprocess.run([str(tool), "validate", str(hub / record["folder"])], capture_output=True, text=True)
            record["reference_rejects"] = proc.returncode != 0
            record["reference_message"] = (proc.stdout + proc.stderr).strip().splitlines()[1:2]


def verdict(known, record, finding):
    """The reviewer's verdict on a finding; a spec error of a skill that skills-ref rejects
    too is confirmed without a hand review."""
    found = known.get(finding_key(record, finding))
    if found:
        return found
    if finding["rule"] == "spec" and finding["severity"] == "error" and record.get("reference_rejects"):
        return ("TP", "skills-ref rejects the skill too")
    return ("unreviewed", "")


def finding_key(record, finding):
    return "\t".join([record["repo"], record["skill"], finding["rule"], finding["file"], str(finding["line"])])


def sample(skills):
    """Up to SAMPLE findings per rule, chosen by a hash of their key (stable across runs),
    at most 3 from one skill so one skill cannot fill a rule's sample."""
    by_rule = collections.defaultdict(list)
    for record in skills.values():
        for finding in record["findings"]:
            by_rule[finding["rule"]].append((hashlib.sha256(finding_key(record, finding).encode()).hexdigest(),
                                             record, finding))
    out = {}
    for rule, items in by_rule.items():
        picked, per_skill = [], collections.Counter()
        for _, record, finding in sorted(items, key=lambda item: item[0]):
            if per_skill[(record["repo"], record["skill"])] >= 3:
                continue
            per_skill[(record["repo"], record["skill"])] += 1
            picked.append((record, finding))
            if len(picked) == SAMPLE:
                break
        out[rule] = picked
    return out, by_rule


def line_text(hub, record, finding):
    if not record["path"] or not finding["file"]:
        return ""
    path = hub / record["path"] / finding["file"]
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if finding["line"] and finding["line"] <= len(lines):
        return lines[finding["line"] - 1].strip()[:200]
    return ""


def verdicts():
    """review.tsv: finding key → (verdict, note)."""
    out = {}
    for row in read_tsv(HERE / "review.tsv"):
        key = "\t".join([row["repo"], row["skill"], row["rule"], row["file"], row["line"]])
        out[key] = (row["verdict"].strip().upper(), row.get("note", "").strip())
    return out


def review_items(skills, picked, known):
    """The findings to review: each rule's sample, plus one finding (the worst) of every refused
    skill whose sample findings hold no confirmed one."""
    items = [(rule, record, finding) for rule in sorted(picked) for record, finding in picked[rule]]
    seen = {finding_key(r, f) for _, r, f in items}
    order = {"error": 0, "warning": 1, "note": 2}
    for record in sorted(skills.values(), key=lambda r: (r["repo"], r["skill"])):
        if record["gate"] == "admitted" or not record["findings"]:
            continue
        if any(verdict(known, record, f)[0] == "TP" for f in record["findings"]):
            continue
        worst = sorted(record["findings"], key=lambda f: (order.get(f["severity"], 3), f["rule"], f["file"], f["line"]))
        for finding in worst[:2]:
            if finding_key(record, finding) not in seen:
                seen.add(finding_key(record, finding))
                items.append(("(refused) " + finding["rule"], record, finding))
    return items


def write_sheet(path, hub, items, known):
    with open(path, "w", encoding="utf-8") as out:
        out.write("repo\tskill\trule\tfile\tline\tverdict\tnote\tseverity\tmessage\ttext\n")
        for _, record, finding in items:
            key = finding_key(record, finding)
            mark, note = verdict(known, record, finding)
            text = line_text(hub, record, finding).replace("\t", " ")
            out.write("\t".join([key, mark, note, finding["severity"], finding["message"].replace("\t", " "),
                                 text]) + "\n")


def md(text):
    return str(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


# --------------------------------------------------------------------------- other tools

def skillsaw_verdicts(reports):
    """skillsaw: (repo, skill) → (passed, errors, top finding); passed = no error-severity finding
    (its default --fail-on error)."""
    out = {}
    for key, violations in reports.items():
        errors = [v for v in violations if v.get("severity") == "error"]
        top = (errors or violations or [{}])[0]
        out[key] = (not errors, len(errors), (top.get("rule_id", "") + ": " + top.get("message", "")).strip(": "))
    return out


# --------------------------------------------------------------------------- report

def histogram(scores):
    bins = collections.Counter()
    for score in scores:
        bins[min(9, int(score // 10))] += 1
    rows = ["| score | skills | |", "|---|---|---|"]
    for index in range(9, -1, -1):
        label = "90–100" if index == 9 else f"{index * 10}–{index * 10 + 9.9:g}"
        rows.append(f"| {label} | {bins[index]} | {'█' * ((bins[index] + 4) // 5)} |")
    return rows


def report(skills, counts, sources, picked, by_rule, known, extra, asci, saw, tools_ran):
    lines = ["---", "title: Scoring calibration on public skills", "---", "",
             "# Scoring calibration on public skills", "",
             "Generated by `bench/calibration/run.py` (issue #17); do not edit by hand. The skills come from the",
             "public repositories below at the recorded commits (`bench/calibration/sources.tsv`); they are",
             "scored by `skillex sync` + `skillex score --fresh` in a hub with the default settings",
             f"(threshold {THRESHOLD}, default rules and weights; lint is the only component with data).", "",
             "## Corpus", "", "| repository | commit | kind | skills in repo | skills scored |", "|---|---|---|---|---|"]
    for source in sources:
        total, used = counts[source["repo"]]
        lines.append(f"| {source['repo']} | `{source['commit'][:12]}` | {source['kind']} | {total} | {used} |")
    total_used = sum(used for _, used in counts.values())
    lines += [f"| **total** | | | {sum(t for t, _ in counts.values())} | **{total_used}** |", ""]

    records = list(skills.values())
    scored = [r for r in records if r["score"] is not None]
    admitted = [r for r in records if r["gate"] == "admitted"]
    refused = [r for r in records if r["gate"] != "admitted"]
    sync_refused = [r for r in records if r["score"] is None]
    lines += ["## Scores", "",
              f"{len(records)} skills: **{len(admitted)} admitted**, **{len(refused)} refused** at threshold "
              f"{THRESHOLD} ({len(sync_refused)} of them refused by sync already: their SKILL.md breaks the "
              "specification, so they are never scored or shipped).", ""]
    lines += histogram([r["score"] for r in scored]) + [""]
    per_repo = collections.defaultdict(list)
    for record in records:
        per_repo[record["repo"]].append(record)
    lines += ["| repository | skills | admitted | refused | median score |", "|---|---|---|---|---|"]
    for repo in sorted(per_repo):
        items = per_repo[repo]
        values = sorted(r["score"] for r in items if r["score"] is not None)
        median = values[len(values) // 2] if values else "–"
        lines.append(f"| {repo} | {len(items)} | {sum(r['gate'] == 'admitted' for r in items)} | "
                     f"{sum(r['gate'] != 'admitted' for r in items)} | {median} |")
    lines.append("")

    # Hits per rule and review results.
    hits = collections.Counter()
    skills_hit = collections.defaultdict(set)
    severity = {}
    for record in records:
        for finding in record["findings"]:
            hits[finding["rule"]] += 1
            skills_hit[finding["rule"]].add((record["repo"], record["skill"]))
            severity.setdefault(finding["rule"], collections.Counter())[finding["severity"]] += 1
    rates = {}
    lines += ["## Hits per rule", "",
              "Sample: up to 20 findings per rule, picked by a hash of their key (at most 3 from one skill), "
              "each read in its file and marked true (TP) or false (FP) positive in `bench/calibration/review.tsv`.", "",
              "| rule | severity | hits | skills | sample | TP | FP | FP rate |", "|---|---|---|---|---|---|---|---|"]
    for rule in sorted(hits, key=lambda r: (-hits[r], r)):
        marks = [verdict(known, r, f)[0] for r, f in picked.get(rule, [])]
        tp, fp = marks.count("TP"), marks.count("FP")
        rate = f"{100 * fp / (tp + fp):.0f}%" if tp + fp else "–"
        rates[rule] = (tp, fp, len(marks))
        sev = ", ".join(f"{k}" for k in sorted(severity[rule]))
        lines.append(f"| `{rule}` | {sev} | {hits[rule]} | {len(skills_hit[rule])} | {len(marks)} | {tp} | {fp} | {rate} |")
    lines.append("")

    # Goals.
    no_error = [r for r in records if not any(f["severity"] == "error" for f in r["findings"])]
    no_error_admitted = sum(r["gate"] == "admitted" for r in no_error)
    confirmed = lambda r: [f for f in r["findings"] if verdict(known, r, f)[0] == "TP"]
    refused_unconfirmed = [r for r in refused if not confirmed(r)]
    confirmed_error_admitted = [r for r in records if r["gate"] == "admitted"
                                and any(f["severity"] == "error" for f in confirmed(r))]
    worst = max((fp / (tp + fp) if tp + fp else 0.0) for tp, fp, _ in rates.values()) if rates else 0.0
    share = 100 * no_error_admitted / len(no_error) if no_error else 100.0
    lines += ["## Goals", "", "| goal | result | met |", "|---|---|---|",
              f"| no rule's reviewed sample has more than 5% false positives | worst rule {100 * worst:.0f}% | "
              f"{'yes' if worst <= 0.05 else 'no'} |",
              f"| ≥ 95% of skills without an error-severity finding are admitted | {no_error_admitted}/{len(no_error)} "
              f"({share:.1f}%) | {'yes' if share >= 95 else 'no'} |",
              f"| every refused skill has a confirmed finding | {len(refused) - len(refused_unconfirmed)}/{len(refused)} | "
              f"{'yes' if not refused_unconfirmed else 'no'} |",
              f"| every skill with a confirmed error is refused | {len(confirmed_error_admitted)} admitted with one | "
              f"{'yes' if not confirmed_error_admitted else 'no'} |", ""]
    if refused_unconfirmed:
        lines += ["Refused without a reviewed finding: " + ", ".join(
            f"{r['repo']}/{r['skill']}" for r in refused_unconfirmed[:40]), ""]

    # The reviewed samples.
    lines += ["## Reviewed samples", "",
              "Each finding as SkillEx reports it (rule, file:line, message) and the reviewer's verdict.", ""]
    for rule in sorted(picked):
        lines += [f"### `{rule}`", "", "| skill | where | verdict | note |", "|---|---|---|---|"]
        for record, finding in picked[rule]:
            mark, note = verdict(known, record, finding)
            where = finding["file"] + (f":{finding['line']}" if finding["line"] else "")
            lines.append(f"| {md(record['repo'])}/{md(record['skill'])} | `{md(where)}` | {mark} | {md(note)} |")
        lines.append("")
    if extra:
        lines += ["### Refused skills: their worst findings", "",
                  "Findings of refused skills outside the samples above, reviewed so that every refusal is backed.", "",
                  "| skill | rule | where | verdict | note |", "|---|---|---|---|---|"]
        for _, record, finding in extra:
            mark, note = verdict(known, record, finding)
            where = finding["file"] + (f":{finding['line']}" if finding["line"] else "")
            lines.append(f"| {md(record['repo'])}/{md(record['skill'])} | `{finding['rule']}` | `{md(where)}` | "
                         f"{mark} | {md(note)} |")
        lines.append("")

    lines += fixed_section(skills, known)
    lines += tool_section(skills, asci, saw, known, tools_ran)
    return "\n".join(lines) + "\n"


def fixed_section(skills, known):
    """Review verdicts of false positives whose findings no longer appear: what the fixes removed."""
    current = {finding_key(r, f) for r in skills.values() for f in r["findings"]}
    gone = collections.defaultdict(lambda: collections.Counter())
    for key, (mark, note) in known.items():
        if mark == "FP" and key not in current:
            gone[key.split("\t")[2]][note] += 1
    still = [key for key, (mark, _) in known.items() if mark == "FP" and key in current]
    lines = ["## False positives found and fixed", "",
             "The first review round marked these findings false; each pattern got a rule fix with a unit test",
             "(`Tests/SkillExTests/Scoring/CalibrationFixTests.swift`), and none of them is reported any more.", "",
             "| rule | findings removed | why they were false |", "|---|---|---|"]
    for rule in sorted(gone):
        for note, count in gone[rule].most_common():
            lines.append(f"| `{rule}` | {count} | {md(note)} |")
    lines += ["", f"False positives still reported: {len(still)}.", ""]
    return lines


def tool_section(skills, asci, saw, known, tools_ran):
    if not tools_ran:
        return ["## Other tools", "", "Not run (`--no-tools`).", ""]
    lines = ["## Other tools: where verdicts differ", "",
             "agentskills-ci " + TOOL_VERSIONS.get("agentskills-ci", "") + " (`agentskills-ci score`, its default "
             "pass mark) and skillsaw " + TOOL_VERSIONS.get("skillsaw", "") + " (`skillsaw lint`, fails on an "
             "error-severity finding, its default) over the same copies. A skill refused by sync is compared as "
             "refused. Causes are derived from the findings on both sides (`cause()` in run.py).", ""]
    for name, theirs in (("agentskills-ci", asci), ("skillsaw", saw)):
        both = [(key, record, theirs[key]) for key, record in sorted(skills.items()) if key in theirs
                and theirs[key][0] is not None]
        ours_only = [(k, r, t) for k, r, t in both if r["gate"] != "admitted" and t[0]]
        theirs_only = [(k, r, t) for k, r, t in both if r["gate"] == "admitted" and not t[0]]
        agree = len(both) - len(ours_only) - len(theirs_only)
        lines += [f"### {name}", "",
                  f"{len(both)} skills compared: {agree} same verdict, {len(ours_only)} refused by SkillEx only, "
                  f"{len(theirs_only)} failed by {name} only.", ""]
        causes = collections.Counter(cause(name, r, t, side) for side, group in (("ours", ours_only), ("theirs", theirs_only))
                                     for _, r, t in group)
        if causes:
            lines += ["| cause | skills |", "|---|---|"] + [f"| {md(c)} | {n} |" for c, n in causes.most_common()] + [""]
        for side, group in (("ours", ours_only), (name, theirs_only)):
            if not group:
                continue
            picked = sorted(group, key=lambda item: hashlib.sha256("/".join(item[0]).encode()).hexdigest())[:12]
            lines += [f"Sample, refused by {'SkillEx' if side == 'ours' else name} only ({len(picked)} of {len(group)}):", "",
                      f"| skill | SkillEx | {name} | cause |", "|---|---|---|---|"]
            for _, record, their in picked:
                ours = f"{record['score'] if record['score'] is not None else 'sync'}: " + top_rules(record)
                mine = "pass" if their[0] else "fail"
                lines.append(f"| {md(record['repo'])}/{md(record['skill'])} | {md(ours)} | {mine} ({md(their[1])}): "
                             f"{md(str(their[2])[:110])} | {md(cause(name, record, their, 'ours' if side == 'ours' else 'theirs'))} |")
            lines.append("")
    return lines


def top_rules(record):
    counts = collections.Counter((f["rule"], f["severity"]) for f in record["findings"])
    return ", ".join(f"{rule} {n}× {sev}" for (rule, sev), n in sorted(counts.items(), key=lambda x: (x[0][1], -x[1])))[:120] or "no findings"


CAUSES_OURS = {
    "link-missing": "a relative link to a file the skill does not ship: SkillEx checks links, {tool} does not treat it as failing",
    "shell-pipe-to-shell": "download-and-run (`curl … | sh`): SkillEx refuses it, {tool} does not look at shell",
    "shell-rm-root": "`rm -r` of / or ~: SkillEx refuses it, {tool} does not look at shell",
    "shell-chmod-777": "`chmod 777`: SkillEx refuses it, {tool} does not look at shell",
    "spec": "the front matter breaks the Agent Skills specification (SkillEx's sync refuses it); {tool} tolerates it",
}


def cause(tool, record, their, side):
    """A short cause of a disagreement, from the findings of both sides."""
    if side == "ours":
        errors = sorted({f["rule"] for f in record["findings"] if f["severity"] == "error"})
        for rule in errors:
            if rule in CAUSES_OURS:
                return CAUSES_OURS[rule].format(tool=tool)
        if errors:
            return f"SkillEx error `{errors[0]}`, not checked by {tool}"
        return "several SkillEx warnings add up below the threshold: " + top_rules(record)[:80]
    text = str(their[2]).lower()
    if "secret literal" in text:
        return ("agentskills-ci takes placeholder keys in examples (`api_key=\"your-key\"`, `sk-…`) for secrets; "
                "SkillEx's lint does not look for secrets")
    if "referenced path does not exist" in text:
        return ("agentskills-ci reads a glob, a command line or a path of the host repository as a file of the skill; "
                "SkillEx checks links, and inline paths only for case and extension")
    if "risky command pattern found: rm -rf" in text:
        return "agentskills-ci fails any `rm -rf`; SkillEx refuses only `rm -r` of / or ~ and warns on other deletes"
    if tool == "skillsaw":
        rule = text.split(":")[0]
        known = {
            "context-budget": "skillsaw's token budget for SKILL.md is an error; SkillEx's `body-over-budget` is a warning",
            "agentskill-name": "skillsaw's name rule is stricter than the specification SkillEx validates",
            "agentskill-valid": "skillsaw rejects front matter the specification (and SkillEx) accept",
        }
        return known.get(rule, f"skillsaw error `{rule}`, which SkillEx does not make an error")
    if "section" in text:
        return "agentskills-ci wants template sections (When to Use, Common Pitfalls…); SkillEx has no such rule"
    if "description" in text:
        return "agentskills-ci's description heuristics; SkillEx only warns (`description-*`)"
    return f"agentskills-ci: {text[:60]}"


TOOL_VERSIONS = {}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", type=Path, help="folder with one extracted tree per repository (owner+name)")
    parser.add_argument("--skillex", default=str(ROOT / ".build" / "debug" / "skillex"))
    parser.add_argument("--work", type=Path, help="hub folder to use (default: a temp folder, removed)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "scoring-calibration.md")
    parser.add_argument("--no-tools", action="store_true", help="skip agentskills-ci and skillsaw")
    parser.add_argument("--tools", type=Path, help="bin folder of a venv with agentskills-ci, skillsaw and skills-ref "
                        "(default: the repository's .venv/bin)")
    parser.add_argument("--review-sheet", type=Path, help="write the findings to review (with line text) here and stop")
    parser.add_argument("--dump", type=Path, help="also write every finding as JSON here")
    args = parser.parse_args()

    global TOOLS
    if args.tools:
        TOOLS = args.tools
    sources = read_tsv(HERE / "sources.tsv")
    work = args.work or Path(tempfile.mkdtemp(prefix="skillex-calibration-"))
    hub = work / "hub"
    if hub.exists():
        shutil.rmtree(hub)
    hub.mkdir(parents=True)
    try:
        manifest, origin, counts = build_hub(args.src, hub, sources)
        sync, score = run_skillex(args.skillex, manifest)
        skills = collect(sync, score, origin)
        reference_check(hub, skills)
        picked, by_rule = sample(skills)
        known = verdicts()
        items = review_items(skills, picked, known)
        if args.dump:
            args.dump.write_text(json.dumps([dict(r, key=list(k)) for k, r in skills.items()], indent=1))
        if args.review_sheet:
            write_sheet(args.review_sheet, hub, items, known)
            print(f"{len(items)} findings to review in {args.review_sheet}")
            return
        asci, saw = {}, {}
        if not args.no_tools:
            for tool in ("agentskills-ci", "skillsaw"):
                TOOL_VERSIONS[tool] = subprocess.run(
                    [str(TOOLS / "pip"), "show", tool], capture_output=True, text=True
                ).stdout.split("Version: ")[-1].split("\n")[0]
            dirs = sorted((hub / "repos").glob("*/skills"))
            asci = {}
            for folder in dirs:
                found = run_agentskills(folder)
                for result in (found or {}).get("results", []):
                    skill = Path(result.get("path", "")).parts[0] if result.get("path") else result.get("name")
                    top = next((i.get("message", "") for i in result.get("issues", []) if i.get("severity") == "error"),
                               next((i.get("message", "") for i in result.get("issues", [])), ""))
                    asci[(folder.parent.name, skill)] = (bool(result.get("passed")), result.get("score"), top)
            saw = skillsaw_verdicts(run_skillsaw(dirs))
        extra = [item for item in items if item[0].startswith("(refused)")]
        args.out.write_text(report(skills, counts, sources, picked, by_rule, known, extra, asci, saw, not args.no_tools),
                            encoding="utf-8")
        print(f"wrote {args.out}: {len(skills)} skills")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
