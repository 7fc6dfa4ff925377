#!/usr/bin/env python3
"""Benchmark: pyflags with every rule vs the parse-only floor, at 1 and 2 threads; and the result cache,
cold (empty cache: lint and store) vs warm (nothing changed: read and hash every file, parse none).

    bench/run.py [--corpus DIR] [--build build] [--repeat 3]

Prints files, MB, wall seconds (best of --repeat), MB/s and peak RSS for each configuration, and the
ratios the budgets are stated in: all-rules / floor at 1 thread, and the 1→2 thread speed-up; then the
cold / warm cache ratio. Every configuration but the two cache ones runs with --no-cache.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def python_files(corpus):
    files = []
    for root, dirs, names in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if d not in {".git", "__pycache__", "node_modules", ".venv", "venv",
                                                     ".tox", ".nox", ".mypy_cache", "build", "dist", ".hg", ".svn"})
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".py", ".pyi"))]
    return files


def measure(cmd, repeat):
    """Best wall time over `repeat` runs, and the peak RSS (KiB) of that run, via GNU time."""
    best = None
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile("r") as report:
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + cmd,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - start
            if proc.returncode not in (0, 1):
                sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
            rss = int(report.read().strip().splitlines()[-1])
        if best is None or wall < best[0]:
            best = (wall, rss)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="/usr/lib/python3.11")
    parser.add_argument("--build", default=os.path.join(os.path.dirname(__file__), "..", "build"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    files = python_files(args.corpus)
    if not files:
        sys.exit(f"bench: no Python files under {args.corpus}")
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    pyflags = os.path.join(args.build, "pyflags")
    floor = os.path.join(args.build, "pyflags_floor")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(files) + "\n")
    cache_root = tempfile.mkdtemp(prefix="pyflags-bench-")
    cold_cache, warm_cache = os.path.join(cache_root, "cold"), os.path.join(cache_root, "warm")
    try:
        every = [pyflags, "--select", "ALL", "--format", "concise"]
        configs = [
            ("floor (parse + walk)", 1, [floor, "-j", "1", "--files-from", listing.name]),
            ("floor (parse + walk)", 2, [floor, "-j", "2", "--files-from", listing.name]),
            ("pyflags --select ALL", 1, every + ["--no-cache", "-j", "1", args.corpus]),
            ("pyflags --select ALL", 2, every + ["--no-cache", "-j", "2", args.corpus]),
            ("pyflags (defaults)", 1, [pyflags, "--format", "concise", "--no-cache", "-j", "1", args.corpus]),
            ("ALL, cold cache", 2, every + ["--cache-dir", cold_cache, "-j", "2", args.corpus]),
            ("ALL, warm cache", 2, every + ["--cache-dir", warm_cache, "-j", "2", args.corpus]),
        ]
        # The cold configuration starts from an empty cache every time; the warm one from a full one.
        before = {("ALL, cold cache", 2): lambda: shutil.rmtree(cold_cache, ignore_errors=True)}
        subprocess.run(configs[-1][2], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"corpus: {args.corpus}: {len(files)} files, {megabytes:.1f} MB (best of {args.repeat}, runs interleaved)")
        print(f"{'configuration':<24} {'threads':>7} {'wall s':>8} {'MB/s':>8} {'peak RSS MB':>12}")
        # Interleave the configurations round by round, so a burst of load elsewhere on the machine hits
        # them alike; keep each one's best run.
        best = {}
        for _ in range(args.repeat):
            for name, threads, cmd in configs:
                if (name, threads) in before:
                    before[(name, threads)]()
                wall, rss = measure(cmd, 1)
                if (name, threads) not in best or wall < best[(name, threads)][0]:
                    best[(name, threads)] = (wall, rss)
        results = {}
        for name, threads, cmd in configs:
            wall, rss = best[(name, threads)]
            results[(name, threads)] = wall
            print(f"{name:<24} {threads:>7} {wall:>8.3f} {megabytes / wall:>8.1f} {rss / 1024:>12.1f}")
    finally:
        os.unlink(listing.name)
        shutil.rmtree(cache_root, ignore_errors=True)
    floor1 = results[("floor (parse + walk)", 1)]
    all1, all2 = results[("pyflags --select ALL", 1)], results[("pyflags --select ALL", 2)]
    print(f"all rules / floor, 1 thread: {all1 / floor1:.2f}x")
    print(f"pyflags speed-up 1 -> 2 threads: {all1 / all2:.2f}x")
    cold, warm = results[("ALL, cold cache", 2)], results[("ALL, warm cache", 2)]
    print(f"cache, 2 threads: cold {cold:.3f} s, warm {warm:.3f} s: cold / warm {cold / warm:.1f}x; "
          f"cold / no cache {cold / all2:.2f}x")


if __name__ == "__main__":
    main()
