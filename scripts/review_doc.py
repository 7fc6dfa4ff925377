#!/usr/bin/env python3
"""Assembles docs/rules-review.md from docs/review/*.md and a fresh hit table.

    scripts/review_doc.py [PYFLAGS] > docs/rules-review.md

docs/review/index.md is the page's opening; its `{{table}}` line becomes the per-rule hit table, counted by
one `--select ALL` run of PYFLAGS (default build/pyflags) over each corpus. Then come the group reviews,
headline.md first and the rest in file-name order, each heading one level deeper.
"""
import collections
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPORA = {"stdlib": "/usr/lib/python3.11", "pyenv": "/root/.pyenv/versions/3.11.7/lib"}


def hits(pyflags, corpus):
    out = subprocess.run([pyflags, "--select", "ALL", "--format", "concise", "--no-cache", "--exit-zero", corpus],
                         capture_output=True, text=True, check=True).stdout
    return collections.Counter(m.group(1) for m in re.finditer(r"^.*?:\d+:\d+: (PF\d{3}) ", out, re.M))


def main():
    pyflags = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build" / "pyflags")
    rules = subprocess.run([pyflags, "rules", "--format", "json"], capture_output=True, text=True, check=True).stdout
    counts = {name: hits(pyflags, path) for name, path in CORPORA.items()}
    table = ["| code | name | default | " + " | ".join(f"{n} hits" for n in CORPORA) + " |",
             "|---|---|---|" + "---|" * len(CORPORA)]
    for rule in json.loads(rules):
        table.append(f"| {rule['code']} | {rule['name']} | {'on' if rule['default'] else 'off'} | " +
                     " | ".join(str(counts[n][rule['code']]) for n in CORPORA) + " |")
    review = ROOT / "docs" / "review"
    page = (review / "index.md").read_text().replace("{{table}}", "\n".join(table))
    sections = sorted(p for p in review.glob("*.md") if p.name not in ("index.md", "headline.md"))
    for part in [review / "headline.md", *sections]:
        text = re.sub(r"^(#+) ", r"#\1 ", part.read_text(), flags=re.M)
        page += "\n" + text.rstrip("\n") + "\n"
    sys.stdout.write(page)


if __name__ == "__main__":
    main()
