#!/usr/bin/env bash
# End-to-end tests of --fix, --unsafe-fixes, --diff, --show-fixes, --fix-only and atomic writes.
#   run_fix_tests.sh path/to/pyflags
source "$(dirname "${BASH_SOURCE[0]}")/testlib.sh" "$1"

# The codes a fixture enables: its own, plus every code in its `# expect:` annotations.
fixture_codes() {
  local name code
  name=$(basename "$1")
  code=${name:0:5}
  { echo "$code"; grep -o '# expect: [A-Z0-9, ]*' "$1" | sed 's/# expect://' | tr ',' '\n' | tr -d ' '; } |
    grep -v '^$' | sort -u | paste -sd, -
}

# 1. Every fixable fixture: --fix reproduces its .fixed file, and a second --fix changes nothing.
for fixed in "$SRC"/fixtures/*.py.fixed; do
  fixture=${fixed%.fixed}
  name=$(basename "$fixture")
  cp "$fixture" "$name"
  "$PYFLAGS" --select "$(fixture_codes "$fixture")" --fix --unsafe-fixes --exit-zero "$name" >/dev/null 2>err.txt
  if cmp -s "$name" "$fixed"; then pass; else fail "--fix on $name differs from its .fixed file"; diff "$fixed" "$name" | head -10; fi
  cp "$name" again.py
  "$PYFLAGS" --select "$(fixture_codes "$fixture")" --fix --unsafe-fixes --exit-zero again.py >/dev/null 2>&1
  if cmp -s "$name" again.py; then pass; else fail "a second --fix on $name changed it"; fi
  rm -f "$name" again.py
done

# 2. --diff changes nothing, exits 1, and its patch gives exactly what --fix gives.
mkdir diff_tree fix_tree
cp "$SRC"/fixtures/*.py diff_tree/
cp "$SRC"/fixtures/*.py fix_tree/
before=$(cd diff_tree && cat ./*.py | md5sum)
(cd diff_tree && "$PYFLAGS" --select ALL --diff --unsafe-fixes . > ../changes.patch 2>../diff_err.txt)
rc=$?
if [[ $rc == 1 ]]; then pass; else fail "--diff with fixes exits $rc, want 1"; fi
if [[ $(cd diff_tree && cat ./*.py | md5sum) == "$before" ]]; then pass; else fail "--diff changed files"; fi
grep -q "^Would fix" diff_err.txt && pass || fail "--diff summary"
(cd diff_tree && patch -p0 -s --no-backup-if-mismatch < ../changes.patch) && pass || fail "the --diff patch does not apply"
(cd fix_tree && "$PYFLAGS" --select ALL --fix --unsafe-fixes --exit-zero . >/dev/null 2>&1)
# (-x: each run caches what it reported, in the tree it ran in)
if diff -r -x .pyflags_cache diff_tree fix_tree >/dev/null; then pass; else fail "patched --diff result differs from --fix"; fi
printf 'x = 1\n' > clean.py
"$PYFLAGS" --diff clean.py >out.txt 2>&1 && pass || fail "--diff with nothing to fix exits non-zero"

# 3. Whole fixtures folder: every file that compiled still compiles, and no fixable diagnostic remains.
mkdir tree
cp "$SRC"/fixtures/*.py tree/
compiled=()
for f in tree/*.py; do
  python3 -m py_compile "$f" 2>/dev/null && compiled+=("$f")
done
rm -rf tree/__pycache__
"$PYFLAGS" --select ALL --fix --unsafe-fixes --exit-zero tree >/dev/null 2>&1
for f in "${compiled[@]}"; do
  python3 -m py_compile "$f" 2>/dev/null && pass || fail "$f compiled before --fix and does not after"
done
rm -rf tree/__pycache__
"$PYFLAGS" --select ALL --format json --exit-zero tree > remaining.json
if python3 - remaining.json <<'PY'
import json, sys
left = [d for d in json.load(open(sys.argv[1])) if d["fix"]]
for d in left:
    print("{}:{} {}".format(d["filename"], d["location"]["row"], d["code"]))
sys.exit(1 if left else 0)
PY
then
  pass
else
  fail "fixable diagnostics remain after --fix --unsafe-fixes"
fi

# 4. Safe only by default; --show-fixes lists what was applied; --fix-only reports nothing else.
printf 'def f(x, items=[]):\n    if x is 1:\n        return items\n    try:\n        pass\n    except:\n        pass\n' > mixed.py
cp mixed.py mixed_copy.py
"$PYFLAGS" --fix --show-fixes mixed.py > out.txt 2>&1
grep -q 'x == 1' mixed.py && pass || fail "--fix applies the safe PF102 fix"
grep -q 'items=\[\]' mixed.py && pass || fail "--fix leaves unsafe fixes alone"
grep -q 'PF102 (is-literal)' out.txt && pass || fail "--show-fixes lists the applied fix"
grep -q 'PF101' out.txt && pass || fail "remaining diagnostics are reported after fixing"
grep -q '1 fixed' out.txt && pass || fail "the summary counts fixed diagnostics"
"$PYFLAGS" --fix-only --unsafe-fixes mixed_copy.py > out.txt 2>&1
rc=$?
[[ $rc == 0 ]] && pass || fail "--fix-only exits $rc"
grep -q 'items=None' mixed_copy.py && grep -q 'except Exception:' mixed_copy.py && pass || fail "--unsafe-fixes applies unsafe fixes"
grep -q 'PF' out.txt && ! grep -q 'Fixed' out.txt && fail "--fix-only reported diagnostics" || pass

# 5. Line endings, BOM and permissions survive a fix.
printf '\xef\xbb\xbfx = 1\r\nif x is 1:\r\n    pass\r\n' > crlf_bom.py
chmod 751 crlf_bom.py
"$PYFLAGS" --fix --exit-zero crlf_bom.py >/dev/null 2>&1
if cmp -s crlf_bom.py <(printf '\xef\xbb\xbfx = 1\r\nif x == 1:\r\n    pass\r\n'); then pass; else fail "CRLF/BOM not preserved"; od -c crlf_bom.py | head; fi
[[ $(stat -c %a crlf_bom.py) == 751 ]] && pass || fail "permissions not preserved"
printf 'def f(a=[]):\r\n    return a\r\n' > crlf_insert.py
"$PYFLAGS" --fix --unsafe-fixes --exit-zero crlf_insert.py >/dev/null 2>&1
if cmp -s crlf_insert.py <(printf 'def f(a=None):\r\n    if a is None:\r\n        a = []\r\n    return a\r\n'); then pass; else fail "inserted lines use the file's CRLF"; od -c crlf_insert.py | head; fi

# 6. stdin: --fix prints the fixed source.
printf 'if y is 1:\n    pass\n' | "$PYFLAGS" --fix - > fixed_stdin.txt 2>/dev/null
if cmp -s fixed_stdin.txt <(printf 'if y == 1:\n    pass\n'); then pass; else fail "--fix on stdin prints the fixed source"; cat fixed_stdin.txt; fi

# 7. A file that cannot be written is left alone, with a warning, and no crash.
if [[ $(id -u) != 0 ]]; then
  printf 'if y is 1:\n    pass\n' > ro_dir_file.py
  mkdir ro && mv ro_dir_file.py ro/ && chmod 555 ro
  "$PYFLAGS" --fix ro/ro_dir_file.py > out.txt 2>&1
  [[ $? == 1 ]] && grep -q "not fixed" out.txt && pass || fail "unwritable directory: warning and exit 1"
  chmod 755 ro
fi

# 8. SIGKILL while fixing a large tree: every file is the original or the fully fixed version.
mkdir -p big expected
for i in $(seq 1 60); do
  mkdir -p big/pkg$i
  cp "$SRC"/fixtures/*.py big/pkg$i/
done
cp -r big/. expected/
"$PYFLAGS" --select ALL --fix --unsafe-fixes --exit-zero -j 2 expected >/dev/null 2>&1
torn=0
for delay in 0.05 0.15 0.3; do
  rm -rf victim && cp -r big victim
  "$PYFLAGS" --select ALL --fix --unsafe-fixes --exit-zero -j 2 victim >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  fixed_count=0
  while IFS= read -r -d '' f; do
    rel=${f#victim/}
    if cmp -s "$f" "expected/$rel"; then
      fixed_count=$((fixed_count + 1))
    elif ! cmp -s "$f" "big/$rel"; then
      torn=$((torn + 1))
      echo "torn file after SIGKILL at ${delay}s: $rel"
    fi
  done < <(find victim -name '*.py' -print0)
  echo "SIGKILL after ${delay}s: $fixed_count files already fixed"
done
[[ $torn == 0 ]] && pass || fail "$torn files were neither original nor fully fixed after SIGKILL"

finish_tests fix
