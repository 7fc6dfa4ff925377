#!/usr/bin/env bash
# The pre-commit hooks, driven by the real pre-commit (Debian's package): a bad staged file fails the
# hook with the diagnostic, a clean one passes, and pyflags-fix rewrites a fixable file.
#   precommit_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD=$(realpath "$1")
SRC=$(realpath "$2")
if ! command -v pre-commit >/dev/null; then
  echo "precommit: pre-commit is not installed (scripts/test.sh installs it)"
  exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# The documented install: cmake --install puts pyflags on PATH.
cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null || { echo "cmake --install failed"; exit 1; }
[[ -x $WORK/prefix/bin/pyflags ]] && pass || fail "cmake --install puts bin/pyflags in the prefix"
export PATH="$WORK/prefix/bin:$PATH"
export PRE_COMMIT_HOME="$WORK/cache"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid

# try-repo needs the hooks repository as a git repository: use a throw-away copy of this checkout's
# tracked files (so a CI clone and a developer's worktree behave alike).
HOOKS_REPO="$WORK/hooks-repo"
mkdir -p "$HOOKS_REPO"
cp "$SRC/.pre-commit-hooks.yaml" "$HOOKS_REPO/"
git -C "$HOOKS_REPO" init -q && git -C "$HOOKS_REPO" add -A && git -C "$HOOKS_REPO" commit -qm hooks

mkdir "$WORK/project" && cd "$WORK/project" && git init -q
printf 'def add(item, items=[]):\n    items.append(item)\n    return items\n' > bad.py
printf 'def add(item, items=None):\n    return [item] if items is None else items + [item]\n' > clean.py
printf 'def check(x):\n    return x is 1\n' > fixable.py
printf 'print("not python")\n' > notes.txt
git add bad.py clean.py fixable.py notes.txt

pre-commit try-repo "$HOOKS_REPO" pyflags --files bad.py > out.txt 2>&1
rc=$?
[[ $rc == 1 ]] && pass || fail "the hook fails on a bad file (exit $rc)"
grep -q "bad.py:1:21: PF101" out.txt && pass || { fail "the hook prints the diagnostic"; cat out.txt; }

pre-commit try-repo "$HOOKS_REPO" pyflags --files clean.py > out.txt 2>&1
rc=$?
[[ $rc == 0 ]] && pass || { fail "the hook passes a clean file (exit $rc)"; cat out.txt; }
grep -q "Passed" out.txt && pass || fail "pre-commit reports Passed"

pre-commit try-repo "$HOOKS_REPO" pyflags --files notes.txt > out.txt 2>&1
grep -q "no files to check" out.txt && pass || { fail "types_or keeps non-Python files away"; cat out.txt; }

pre-commit try-repo "$HOOKS_REPO" pyflags-fix --files fixable.py > out.txt 2>&1
rc=$?
[[ $rc == 1 ]] && pass || fail "the fix hook fails when it modified files (exit $rc)"
grep -q "return x == 1" fixable.py && pass || { fail "the fix hook rewrote the file"; cat fixable.py out.txt; }
grep -q "files were modified by this hook" out.txt && pass || fail "pre-commit notices the modification"
pre-commit try-repo "$HOOKS_REPO" pyflags-fix --files fixable.py > out.txt 2>&1
[[ $? == 0 ]] && pass || { fail "the fix hook passes once the file is fixed"; cat out.txt; }

# The whole staged set through a normal config (all files at once, as in a commit).
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $HOOKS_REPO
    rev: $(git -C "$HOOKS_REPO" rev-parse HEAD)
    hooks:
      - id: pyflags
YAML
git add .pre-commit-config.yaml
pre-commit run --all-files > out.txt 2>&1
rc=$?
[[ $rc == 1 ]] && grep -q "PF101" out.txt && pass || { fail "pre-commit run --all-files fails with the diagnostic"; cat out.txt; }

echo "precommit: $passed passed, $failed failed"
[[ $failed == 0 ]]
