#!/usr/bin/env bash
# End-to-end tests of the result cache: warm output is byte-identical to cold and uncached output in
# every format; edits, settings and configuration changes invalidate; damaged entries are ignored;
# where the cache goes, and when it is not used at all.
#   run_cache_tests.sh path/to/pyflags
source "$(dirname "${BASH_SOURCE[0]}")/testlib.sh" "$1"
unset PYFLAGS_CACHE_DIR PYFLAGS_NO_CACHE

# inodes DIR: "name inode" of every file in a cache. A run that only hits writes nothing; a store
# renames a new bucket file into place, so an unchanged listing means the run was served from the cache.
inodes() { (cd "$1" && find . -type f -printf '%p %i\n' | sort); }
buckets() { find "$1" -type f -name '????????????????'; }

cp -r "$SRC/fixtures" fixtures
rm -f fixtures/*.fixed

# 1. Cold, warm and --no-cache runs over the fixtures folder are byte-identical in every format.
for format in text concise json sarif github; do
  rm -rf .pyflags_cache
  "$PYFLAGS" --select ALL --format "$format" fixtures > cold.$format 2> cold.err
  cold_rc=$?
  [[ -d .pyflags_cache ]] && pass || fail "$format: the cold run created no .pyflags_cache"
  before=$(inodes .pyflags_cache)
  "$PYFLAGS" --select ALL --format "$format" fixtures > warm.$format 2> warm.err
  warm_rc=$?
  "$PYFLAGS" --select ALL --format "$format" --no-cache fixtures > nocache.$format 2> nocache.err
  nocache_rc=$?
  [[ $cold_rc == 1 && $warm_rc == 1 && $nocache_rc == 1 ]] && pass || fail "$format: exit codes $cold_rc $warm_rc $nocache_rc"
  cmp -s cold.$format warm.$format && pass || { fail "$format: warm output differs from cold"; diff cold.$format warm.$format | head -5; }
  cmp -s cold.$format nocache.$format && pass || { fail "$format: cached output differs from --no-cache"; diff cold.$format nocache.$format | head -5; }
  [[ ! -s cold.err && ! -s warm.err ]] && pass || { fail "$format: stderr"; cat cold.err warm.err | head -5; }
  [[ $(inodes .pyflags_cache) == "$before" ]] && pass || fail "$format: the warm run rewrote cache entries (missed)"
done
[[ $(buckets .pyflags_cache | wc -l) == 1 ]] && pass || fail "one bucket for one directory"
grep -qx '\*' .pyflags_cache/.gitignore && pass || fail ".gitignore holding * in the cache directory"
grep -q '^Signature: 8a477f597d28d172789f06886806bc55' .pyflags_cache/CACHEDIR.TAG && pass || fail "CACHEDIR.TAG"
[[ -z $(find .pyflags_cache -name '*.tmp') ]] && pass || fail "temporary files left in the cache"

# 2. Editing a file invalidates its entry, also at the same size, and also when the edit keeps the old
#    modification time (touch -d): entries are validated by a hash of the contents, not by mtime.
mkdir -p edit
printf 'def f(x=[]):\n    return x\n' > edit/a.py
printf 'def g(y=None):\n    return y\n' > edit/b.py
"$PYFLAGS" --format concise edit > out.txt
grep -q "edit/a.py:1:9: PF101" out.txt && pass || { fail "edit: cold run"; cat out.txt; }
printf 'def f(x=()):\n    return x\n' > edit/a.py  # same size, PF101 gone
"$PYFLAGS" --format concise edit > out.txt
grep -q "All checks passed" out.txt && pass || { fail "a same-size edit was served from the cache"; cat out.txt; }
printf 'def f(x=[]):\n    return x\n' > edit/c.py
touch -d '2001-02-03 04:05:06' edit/c.py
"$PYFLAGS" --format concise edit/c.py > out.txt
grep -q "edit/c.py:1:9: PF101" out.txt && pass || { fail "edit: cold run of c.py"; cat out.txt; }
printf 'def f(x=()):\n    return x\n' > edit/c.py  # same size
touch -d '2001-02-03 04:05:06' edit/c.py         # and the old mtime back
"$PYFLAGS" --format concise edit/c.py > out.txt
grep -q "All checks passed" out.txt && pass || { fail "an edit with the mtime restored was served from the cache"; cat out.txt; }
"$PYFLAGS" --format concise edit > out.txt
"$PYFLAGS" --format concise --no-cache edit > nocache.txt
cmp -s out.txt nocache.txt && pass || fail "edit: cached and uncached output differ"

# 3. Settings invalidate: command-line selection, target version, configuration file edits.
mkdir -p conf/pkg
printf 'def f(x=[]):\n    return x is 1\n' > conf/pkg/m.py
printf 'select = ["PF101"]\n' > conf/pyflags.toml
"$PYFLAGS" --format concise conf > out.txt
grep -q "PF101" out.txt && ! grep -q "PF102" out.txt && pass || { fail "config select PF101"; cat out.txt; }
[[ -f conf/.pyflags_cache/CACHEDIR.TAG ]] && pass || fail "the cache goes to the configuration's directory"
printf 'select = ["PF102"]\n' > conf/pyflags.toml
"$PYFLAGS" --format concise conf > out.txt
grep -q "PF102" out.txt && ! grep -q "PF101" out.txt && pass || { fail "changing select in the config did not invalidate"; cat out.txt; }
"$PYFLAGS" --format concise --select PF101,PF102 conf > out.txt
grep -q "PF101" out.txt && grep -q "PF102" out.txt && pass || { fail "--select did not invalidate"; cat out.txt; }
printf 'pairs = list(zip(a, b))\n' > conf/pkg/t.py  # zip(strict=) exists from Python 3.10 on
"$PYFLAGS" --format concise --select zip-without-strict conf/pkg/t.py > a.txt
"$PYFLAGS" --format concise --select zip-without-strict --target-version py39 conf/pkg/t.py > b.txt
grep -q "t.py:1:" a.txt && grep -q "All checks passed" b.txt && pass || { fail "--target-version did not invalidate"; cat a.txt b.txt; }
printf 'select = ["PF102"]\n# same meaning, other bytes\n' > conf/pyflags.toml  # other bytes, same meaning: a miss, same answer
before=$(inodes conf/.pyflags_cache)
"$PYFLAGS" --format concise conf > out.txt
grep -q "PF102" out.txt && pass || fail "config edit"
[[ $(inodes conf/.pyflags_cache) != "$before" ]] && pass || fail "a configuration edit did not invalidate"
printf '[tool.pyflags]\nselect = ["PF101"]\nper-file-ignores = {"pkg/m.py" = ["PF101"]}\n' > conf/pyproject.toml
rm conf/pyflags.toml
"$PYFLAGS" --format concise conf/pkg/m.py > out.txt
grep -q "All checks passed" out.txt && pass || { fail "per-file-ignores with the cache"; cat out.txt; }

# 4. A damaged bucket is a miss (same output, no error), and is replaced.
export PYFLAGS_CACHE_DIR=$WORK/damage
"$PYFLAGS" --select ALL --format json fixtures > good.json
bucket=$(buckets damage)
[[ -f $bucket ]] && cp "$bucket" bucket.good && pass || fail "one bucket to damage: '$bucket'"
damage() {
  case $1 in
    garbage) printf 'garbage' > "$bucket" ;;
    empty) : > "$bucket" ;;
    truncated) head -c 1000 bucket.good > "$bucket" ;;
    flipped) cp bucket.good "$bucket"; printf '\x00\x00\x00\x00\x00\x00\x00\x00' | dd of="$bucket" bs=1 seek=300 conv=notrunc status=none ;;
    directory) rm "$bucket"; mkdir "$bucket" ;;
  esac
}
for how in garbage empty truncated flipped directory; do
  damage $how
  "$PYFLAGS" --select ALL --format json fixtures > damaged.json 2> err.txt
  rc=$?
  [[ $rc == 1 && ! -s err.txt ]] && pass || { fail "$how bucket: exit $rc"; cat err.txt; }
  cmp -s good.json damaged.json && pass || fail "a $how bucket changed the output"
  if [[ $how == directory ]]; then rmdir "$bucket"; continue; fi
  cmp -s "$bucket" bucket.good && pass || fail "a $how bucket was not rewritten"
  before=$(inodes damage)
  "$PYFLAGS" --select ALL --format json fixtures > again.json
  [[ $(inodes damage) == "$before" ]] && cmp -s good.json again.json && pass || fail "a $how bucket was not replaced"
done
unset PYFLAGS_CACHE_DIR

# 5. When no cache is used or created.
mkdir -p none && cd none
printf 'def f(x=[]):\n    return x\n' > a.py
"$PYFLAGS" --no-cache a.py > /dev/null
[[ ! -e .pyflags_cache ]] && pass || fail "--no-cache created .pyflags_cache"
PYFLAGS_NO_CACHE=1 "$PYFLAGS" a.py > /dev/null
[[ ! -e .pyflags_cache ]] && pass || fail "PYFLAGS_NO_CACHE=1 created .pyflags_cache"
"$PYFLAGS" - < a.py > /dev/null
[[ ! -e .pyflags_cache ]] && pass || fail "stdin created .pyflags_cache"
"$PYFLAGS" --fix --unsafe-fixes - < a.py > fixed.txt 2> /dev/null
grep -q "x=None" fixed.txt && [[ ! -e .pyflags_cache ]] && pass || fail "stdin --fix"
PYFLAGS_NO_CACHE=0 "$PYFLAGS" a.py > /dev/null
[[ -d .pyflags_cache ]] && pass || fail "PYFLAGS_NO_CACHE=0 keeps the cache"
cd "$WORK"

# 6. Where it goes: --cache-dir, $PYFLAGS_CACHE_DIR, `cache-dir` (relative to the configuration).
mkdir -p where/src && printf 'x = 1\n' > where/src/a.py
"$PYFLAGS" --cache-dir cli_cache where > /dev/null
[[ -f cli_cache/CACHEDIR.TAG && ! -e where/.pyflags_cache ]] && pass || fail "--cache-dir"
PYFLAGS_CACHE_DIR=env_cache "$PYFLAGS" where > /dev/null
[[ -f env_cache/CACHEDIR.TAG ]] && pass || fail "PYFLAGS_CACHE_DIR"
printf 'cache-dir = "build/lint-cache"\n' > where/pyflags.toml
"$PYFLAGS" where/src > /dev/null
[[ -f where/build/lint-cache/CACHEDIR.TAG ]] && pass || fail "cache-dir in the configuration, relative to it"
PYFLAGS_CACHE_DIR=env_cache2 "$PYFLAGS" where/src > /dev/null
[[ -d env_cache2 ]] && pass || fail "PYFLAGS_CACHE_DIR beats cache-dir"
mkdir -p ro && printf 'def f(x=[]): pass\n' > ro/a.py && : > not_a_dir
"$PYFLAGS" --cache-dir not_a_dir/c ro > out.txt 2> err.txt
rc=$?
[[ $rc == 1 ]] && grep -q "PF101" out.txt && pass || fail "an unusable cache directory still lints (exit $rc)"
[[ $(grep -c "pyflags: warning: cache disabled" err.txt) == 1 ]] && pass || { fail "one warning for an unusable cache"; cat err.txt; }

# 7. --fix and --diff never read the cache, and what they leave behind is right.
mkdir -p fixme && printf 'def check(x):\n    return x is 1\n' > fixme/f.py
"$PYFLAGS" --format concise fixme > /dev/null
"$PYFLAGS" --diff fixme > diff.txt 2>/dev/null
grep -q "+    return x == 1" diff.txt && pass || fail "--diff with a warm cache"
"$PYFLAGS" --fix fixme > /dev/null
grep -q "x == 1" fixme/f.py && pass || fail "--fix with a warm cache"
"$PYFLAGS" --format json fixme > after.json
"$PYFLAGS" --format json --no-cache fixme > after_nocache.json
cmp -s after.json after_nocache.json && pass || fail "results stored after --fix differ from a fresh run"

# 8. Concurrent runs on one cold cache: same output, no temporaries, every entry readable.
rm -rf .pyflags_cache
for i in 1 2 3 4; do "$PYFLAGS" --select ALL --format json -j 2 fixtures > par$i.json & done
wait
for i in 2 3 4; do cmp -s par1.json par$i.json && pass || fail "concurrent run $i differs"; done
cmp -s par1.json good.json && pass || fail "concurrent runs differ from a single run"
[[ -z $(find .pyflags_cache -name '*.tmp') ]] && pass || fail "temporaries left by concurrent runs"
before=$(inodes .pyflags_cache)
"$PYFLAGS" --select ALL --format json fixtures > warm.json
[[ $(inodes .pyflags_cache) == "$before" ]] && cmp -s warm.json good.json && pass || fail "after concurrent runs, not every entry hits"

# 9. pyflags clean removes the caches here and below, and nothing else.
mkdir -p deep/er && printf 'x = 1\n' > deep/er/a.py
(cd deep/er && "$PYFLAGS" a.py > /dev/null)
[[ -d deep/er/.pyflags_cache ]] && pass || fail "cache in a subdirectory"
"$PYFLAGS" clean > out.txt 2> err.txt
rc=$?
[[ $rc == 0 ]] && pass || { fail "clean exit $rc"; cat err.txt; }
[[ ! -e .pyflags_cache && ! -e deep/er/.pyflags_cache && ! -e conf/.pyflags_cache ]] && pass || fail "clean left caches"
grep -q "Removing cache at: .pyflags_cache" out.txt && pass || { fail "clean names what it removes"; cat out.txt; }
[[ -f deep/er/a.py && -d fixtures ]] && pass || fail "clean removed something else"
"$PYFLAGS" clean --cache-dir where > out.txt 2> err.txt
[[ $? == 2 && -f where/src/a.py ]] && grep -q "not a pyflags cache" err.txt && pass || fail "clean refuses a directory it did not make"
"$PYFLAGS" clean --cache-dir cli_cache > /dev/null && [[ ! -e cli_cache ]] && pass || fail "clean --cache-dir"

finish_tests cache
