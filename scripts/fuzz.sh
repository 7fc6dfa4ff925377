#!/usr/bin/env bash
# Fuzzes the whole linter (every rule, then the unsafe fix loop) with libFuzzer + ASan/UBSan.
#   scripts/fuzz.sh [SECONDS]   (default 300)
# Needs clang-14 and libclang-rt-14-dev (apt). Builds into build-fuzz/, seeds the corpus with the rule
# fixtures, keeps what it finds in build-fuzz/corpus/ and writes crashing inputs to build-fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
if ! command -v clang++-14 >/dev/null; then
  echo "scripts/fuzz.sh: needs clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 2
fi
[ -d node_modules/tree-sitter-python ] || npm ci --ignore-scripts >&2
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPYFLAGS_FUZZ=ON -DPYFLAGS_TESTS=OFF >&2
cmake --build build-fuzz --target pyflags_fuzz -j "$(nproc)" >&2
mkdir -p build-fuzz/corpus
cp -n fixtures/*.py build-fuzz/corpus/ 2>/dev/null || true
cd build-fuzz
exec ./pyflags_fuzz corpus -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix=./
