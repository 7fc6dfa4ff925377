# Shared set-up for the end-to-end shell tests: sourced with the binary as $1.
# Gives PYFLAGS, SRC (the source tree), a scratch WORK directory (the current directory, removed on
# exit) and pass/fail counters; finish_tests prints the closing line ctest-style and sets the status.
set -uo pipefail
PYFLAGS=$(realpath "$1")
SRC=${PYFLAGS_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# finish_tests NAME: "NAME: N passed, M failed", exit status 0 only when nothing failed.
finish_tests() {
  echo "$1: $passed passed, $failed failed"
  [[ $failed == 0 ]]
}
