#!/usr/bin/env python3
"""The benchmark corpus: a synthetic skills hub, the same bytes for the same arguments.

    bench/corpus.py --skills 1000 --out /tmp/skillex-corpus/n1000 [--cookbook N] [--seed 7]

What it writes under OUT:

    manifest.json                                    one repository entry per repo, no skills yet
    repos/<repo>/.claude/skills/<skill>/SKILL.md     front matter (name, description, license)
                                                     and a Markdown body, ~6 KB on average
                                 references/*.md     one to three Markdown files
                                 scripts/*.py|*.sh   none, one or two small scripts
                                 assets/*.bin        for about one skill in seven, 10-200 KB of
                                                     random (incompressible) bytes
    docs/cookbook/NNN-<slug>.md                      cookbook pages (20 + skills/10, at most 200)

Skills go round-robin over ceil(skills / 25) repositories. Only Python's `random.Random(seed)`
drives the choices, so a corpus is reproducible on any machine with Python 3.9 or later
(`randbytes`). Benchmarks and the crash tests call `generate` through bench/common.py.
"""
import argparse
import json
import math
import os
import random

# Bump when the output changes, so cached corpora (bench/common.py) are made again.
VERSION = 1

VOCABULARY = (
    "agent approval archive asset budget bucket bundle cache checksum consumer cookbook coverage "
    "dashboard delta deploy event format gate index latency lint log manifest metric mirror package "
    "parse policy publish query reference regression release render review roadmap schema score "
    "script section skill spike template throughput token trace validate webhook"
).split()
FENCE_LANGUAGES = ("python", "bash", "swift", "json", "yaml")


class Writer:
    """Draws words, sentences and Markdown blocks from one seeded generator."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def word(self) -> str:
        return self.rng.choice(VOCABULARY)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(low, high)))

    def sentence(self, low: int = 6, high: int = 18) -> str:
        return self.words(low, high).capitalize() + "."

    def title(self, low: int, high: int) -> str:
        return self.words(low, high).capitalize()

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))

    def bullets(self) -> str:
        return "\n".join(f"- {self.sentence(3, 9)}" for _ in range(self.rng.randint(2, 6)))

    def tasks(self) -> str:
        return "\n".join(f"- [{self.rng.choice('x ')}] {self.sentence(3, 7)}" for _ in range(3))

    def fence(self) -> str:
        language = self.rng.choice(FENCE_LANGUAGES)
        lines = [f'{self.word()}_{n} = "{self.word()}"' for n in range(self.rng.randint(3, 12))]
        return "\n".join([f"```{language}", *lines, "```"])

    def table(self) -> str:
        columns = self.rng.randint(2, 4)
        rows = [
            "| " + " | ".join(self.word() for _ in range(columns)) + " |",
            "|" + "---|" * columns,
        ]
        for _ in range(self.rng.randint(2, 6)):
            rows.append("| " + " | ".join(str(self.rng.randint(0, 999)) for _ in range(columns)) + " |")
        return "\n".join(rows)

    def document(self, size: int, links=()) -> str:
        """A Markdown document of about `size` bytes: a title, then headings, paragraphs, lists,
        code, tables and task lists in random order, and a list of `links` at the end."""
        blocks = [f"# {self.title(2, 5)}", self.paragraph()]
        written = sum(map(len, blocks))
        while written < size:
            pick = self.rng.random()
            if pick < 0.15:
                block = f"## {self.title(2, 6)}"
            elif pick < 0.55:
                block = self.paragraph()
            elif pick < 0.70:
                block = self.bullets()
            elif pick < 0.85:
                block = self.fence()
            elif pick < 0.93:
                block = self.table()
            else:
                block = self.tasks()
            blocks.append(block)
            written += len(block)
        if links:
            blocks.append("## Files\n\n" + "\n".join(f"- See [{link}]({link})." for link in links))
        return "\n\n".join(blocks) + "\n"

    def body_size(self) -> int:
        """Mostly 4-8 KB, with a long tail up to 40 KB."""
        return int(min(40_000, max(1_500, self.rng.lognormvariate(math.log(5_500), 0.55))))


def save(path: str, content) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(content if isinstance(content, bytes) else content.encode())


def python_script(w: Writer) -> str:
    lines = ['"""Helper script."""', "import sys", "", "", "def main():"]
    lines += [f"    print({w.word()!r}, {w.rng.randint(0, 99)})" for _ in range(w.rng.randint(5, 40))]
    lines += ["", "", 'if __name__ == "__main__":', "    main()"]
    return "\n".join(lines) + "\n"


def shell_script(w: Writer) -> str:
    lines = ["#!/bin/sh", "set -eu"]
    lines += [f"echo {w.word()} {w.rng.randint(0, 99)}" for _ in range(w.rng.randint(3, 20))]
    return "\n".join(lines) + "\n"


def skill(w: Writer, folder: str, name: str) -> None:
    """One skill folder: references, maybe scripts and an asset, and SKILL.md linking to them."""
    links = []
    for n in range(w.rng.randint(1, 3)):
        path = f"references/{w.word()}-{n}.md"
        save(os.path.join(folder, path), w.document(w.rng.randint(800, 6_000)))
        links.append(path)
    for n in range(w.rng.choice((0, 1, 1, 2))):
        if w.rng.random() < 0.6:
            path, text = f"scripts/{w.word()}_{n}.py", python_script(w)
        else:
            path, text = f"scripts/{w.word()}_{n}.sh", shell_script(w)
        save(os.path.join(folder, path), text)
        links.append(path)
    if w.rng.random() < 0.15:
        path = f"assets/{w.word()}.bin"
        save(os.path.join(folder, path), w.rng.randbytes(w.rng.randint(10_000, 200_000)))
        links.append(path)
    description = f"{w.sentence(10, 25)[:-1]}. Use when {w.sentence(5, 12).lower()}"[:1000]
    front = f"---\nname: {name}\ndescription: {json.dumps(description)}\nlicense: MIT\n---\n\n"
    save(os.path.join(folder, "SKILL.md"), front + w.document(w.body_size(), links))


def generate(skills: int, out: str, seed: int = 7, cookbook=None) -> str:
    """Writes the corpus into `out` (which should be empty or absent); returns a one-line summary."""
    w = Writer(seed)
    repos = [f"repo-{n:03d}" for n in range(max(1, math.ceil(skills / 25)))]
    for n in range(skills):
        repo = repos[n % len(repos)]
        name = f"{w.word()}-{w.word()}-{n:05d}"
        skill(w, os.path.join(out, "repos", repo, ".claude", "skills", name), name)
    pages = cookbook if cookbook is not None else min(200, 20 + skills // 10)
    for n in range(pages):
        slug = f"{w.word()}-{w.word()}"
        save(os.path.join(out, "docs", "cookbook", f"{n:03d}-{slug}.md"), w.document(w.body_size()))
    manifest = {
        "version": 1,
        "generated_at": None,
        "repositories": [{"name": r, "path": f"repos/{r}", "skills_dir": ".claude/skills"} for r in repos],
        "skills": [],
    }
    save(os.path.join(out, "manifest.json"), json.dumps(manifest, indent=2) + "\n")
    return f"{skills} skills in {len(repos)} repos, {pages} cookbook pages -> {out}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skills", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cookbook", type=int, default=None, help="cookbook pages (default 20 + skills/10, at most 200)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.skills, args.out, seed=args.seed, cookbook=args.cookbook))


if __name__ == "__main__":
    main()
