#!/usr/bin/env python3
"""Language server latency: a one-character edit in a 5,000-line file, didChange → publishDiagnostics.

Usage: bench/lsp_latency.py PATH/TO/pyflags [EDITS]

Opens a generated 5,000-line module, then sends EDITS (default 200) one-character didChange
notifications at spread-out places (inserting a character, then deleting it again, so the file stays
the same size) and times each until its publishDiagnostics arrives. It runs the server twice: with
incremental re-parsing (the old tree, edited, is handed to tree-sitter) and with
PYFLAGS_LSP_FULL_REPARSE=1 (the server's benchmark switch: every change is parsed from scratch), and
prints the median and 95th percentile of each.
"""
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lsp"))
from lsp_client import LspClient, rng  # noqa: E402

LINES = 5000

BLOCK = '''\
class Record{n}:
    """A record with a few methods."""

    def __init__(self, name, values=None):
        self.name = name
        self.values = values or []

    def total(self):
        result = 0
        for value in self.values:
            if value is not None and value > 0:
                result += value
        return result

    def describe(self):
        return "{{}}: {{}}".format(self.name, self.total())


def build_{n}(items, cache={{}}):
    out = []
    for i, item in enumerate(items):
        out.append(Record{n}(str(i), [item, i]))
    return out

'''


def generate():
    lines = []
    n = 0
    while len(lines) < LINES:
        lines.extend(BLOCK.format(n=n).splitlines())
        n += 1
    return "\n".join(lines[:LINES]) + "\n", lines[:LINES]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def measure(exe, edits, full_reparse, text, lines):
    env = dict(os.environ)
    env.pop("PYFLAGS_LSP_FULL_REPARSE", None)
    if full_reparse:
        env["PYFLAGS_LSP_FULL_REPARSE"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        uri = "file://" + os.path.join(tmp, "big_module.py")
        client = LspClient(exe, env=env, cwd=tmp)
        client.initialize()
        client.open(uri, text)
        opened = client.diagnostics_for(uri)
        # Edit lines that hold code (`result += value`): a character appended to an identifier, removed again.
        targets = [i for i, l in enumerate(lines) if l.strip() == "result += value"]
        samples = []
        version = 1
        for k in range(edits):
            line = targets[(k // 2 * 7) % len(targets)]
            col = len(lines[line])
            version += 1
            change = {"range": rng(line, col, line, col), "text": "x"} if k % 2 == 0 else {"range": rng(line, col, line, col + 1), "text": ""}
            sent = time.perf_counter()
            client.change(uri, version, [change])
            while True:
                stamp, params = client.diagnostics_for(uri, with_time=True)
                if params["version"] == version:
                    break
            samples.append((stamp - sent) * 1000.0)
        assert client.finish() == 0
        return samples, len(opened["diagnostics"])


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    exe = os.path.abspath(sys.argv[1])
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    text, lines = generate()
    print("file: %d lines, %d bytes; %d one-character edits each" % (len(lines), len(text.encode()), edits))
    results = {}
    for label, full in (("incremental re-parse", False), ("full re-parse", True)):
        samples, count = measure(exe, edits, full, text, lines)
        results[label] = samples
        print("%-22s median %7.2f ms   p95 %7.2f ms   (min %.2f, max %.2f; %d diagnostics)" % (
            label, statistics.median(samples), percentile(samples, 95), min(samples), max(samples), count))
    inc, full = results["incremental re-parse"], results["full re-parse"]
    print("full / incremental median: %.2fx" % (statistics.median(full) / statistics.median(inc)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
