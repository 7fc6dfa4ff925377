#!/usr/bin/env bash
# The standard library as a corpus: every rule on, no crash (exit 0 or 1, nothing on stderr but
# warnings), and byte-identical output on runs with different thread counts, cold cache, no cache and
# warm cache.
#   corpus_test.sh PYFLAGS [CORPUS]
set -uo pipefail
PYFLAGS=$1
CORPUS=${2:-/usr/lib/python3.11}
if [[ ! -d $CORPUS ]]; then
  echo "corpus: $CORPUS is missing"
  exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$PYFLAGS" --select ALL --format json -j 2 --cache-dir "$WORK/cache" "$CORPUS" > "$WORK/a.json" 2> "$WORK/a.err"
rc_a=$?
"$PYFLAGS" --select ALL --format json -j 1 --no-cache "$CORPUS" > "$WORK/b.json" 2> "$WORK/b.err"
rc_b=$?
"$PYFLAGS" --select ALL --format json -j 2 --cache-dir "$WORK/cache" "$CORPUS" > "$WORK/c.json" 2> "$WORK/c.err"
rc_c=$?
failed=0
for rc in $rc_a $rc_b $rc_c; do
  if [[ $rc != 0 && $rc != 1 ]]; then echo "FAIL: exit code $rc (crash or internal error)"; failed=1; fi
done
if grep -v "^pyflags: warning:" "$WORK/a.err" "$WORK/b.err" "$WORK/c.err" | grep -q .; then
  echo "FAIL: unexpected stderr:"; head "$WORK/a.err" "$WORK/b.err" "$WORK/c.err"; failed=1
fi
if ! cmp -s "$WORK/a.json" "$WORK/b.json"; then echo "FAIL: output differs between runs"; failed=1; fi
if ! cmp -s "$WORK/a.json" "$WORK/c.json"; then echo "FAIL: warm-cache output differs from the cold run"; failed=1; fi
count=$(grep -c '"code":' "$WORK/a.json")
echo "corpus: $CORPUS: $count diagnostics, identical on three runs (-j 2 cold cache, -j 1 no cache, -j 2 warm cache)"
[[ $failed == 0 ]] && echo "corpus: 1 passed, 0 failed" || echo "corpus: 0 passed, 1 failed"
exit $failed
